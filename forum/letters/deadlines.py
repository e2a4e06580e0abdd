"""Deadlines in Chinese working days: public holidays and make-up working days count.

The calendar is the `chinesecalendar` package (the State Council's yearly notice);
for a year it does not know yet, weekdays are working days.
"""
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import chinese_calendar
from flask import current_app

from forum.models import LetterState

DEFAULT_ACCEPT_DAYS = 15
DEFAULT_ANSWER_DAYS = 60


def is_working_day(day):
    """Is `day` a working day in China (make-up Saturdays included)?"""
    try:
        return chinese_calendar.is_workday(day)
    except NotImplementedError:
        return day.weekday() < 5


def add_working_days(start, days):
    """The date `days` working days after `start` (start itself not counted)."""
    day, counted = start, 0
    while counted < days:
        day += timedelta(days=1)
        if is_working_day(day):
            counted += 1
    return day


def local_day(at):
    """The forum's local date of a naive UTC datetime."""
    zone = ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])
    return at.replace(tzinfo=timezone.utc).astimezone(zone).date()


def today():
    return local_day(datetime.now(timezone.utc).replace(tzinfo=None))


def box_days(board):
    """(days to accept, days to answer) from the box settings; 信访 defaults 15 and 60."""
    settings = board.settings or {}
    answer = int(settings.get("answer_days") or settings.get("deadline_days") or DEFAULT_ANSWER_DAYS)
    accept = int(settings.get("accept_days") or min(DEFAULT_ACCEPT_DAYS, answer))
    return accept, answer


def due_date(letter):
    """The date the letter's next step is due: acceptance while pending, else the answer."""
    return letter.accept_due if letter.state == LetterState.PENDING else letter.answer_due


def is_overdue(letter, on=None):
    """An open letter whose next step is past its due date."""
    return letter.is_open and (on or today()) > due_date(letter)
