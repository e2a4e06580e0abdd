"""Letters' deadlines, in Chinese working days (`forum.workdays`): when they fall due,
and moving open letters' due dates when a year's holiday schedule is entered."""
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from flask import current_app

from forum import workdays
from forum.extensions import db
from forum.hooks import working_days_changed
from forum.models import Letter, LetterState
from forum.models.letter import OPEN_STATES

DEFAULT_ACCEPT_DAYS = 15
DEFAULT_ANSWER_DAYS = 60


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


@working_days_changed.connect
def move_open_deadlines(before, **_ignored):
    """Keep each open letter's due dates as many working days after their start as they
    were, counted in the calendar just entered (a year unknown until now counted Monday
    to Friday, so its holidays move the dates on)."""
    after = workdays.current()
    for letter in db.session.execute(db.select(Letter).where(Letter.state.in_(OPEN_STATES))).scalars():
        received = local_day(letter.created_at)
        accepted = local_day(letter.accepted_at) if letter.accepted_at else received
        letter.accept_due = _recounted(before, after, received, letter.accept_due)
        letter.answer_due = _recounted(before, after, accepted, letter.answer_due)


def _recounted(before, after, start, due):
    return after.add(start, before.count(start, due)) if due > start else due
