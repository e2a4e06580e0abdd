"""China's working days: the one calendar every deadline counts in (letters' due dates,
the 公示期 of disclosures).

A year's public holidays and make-up working days (调休上班) come from the State
Council's notice, published each winter. The schedule the system admin entered for a
year wins; else the `chinesecalendar` package's, for the years it knows; else Monday to
Friday. When a schedule is entered, `hooks.working_days_changed` lets features move the
deadlines they keep.
"""
from datetime import date, timedelta

import chinese_calendar
from flask import g

from forum.extensions import db
from forum.models import HolidaySchedule


class Calendar:
    """Working days under the entered schedules (a snapshot: entering one makes a new one)."""

    def __init__(self, schedules):
        self.years = {s.year for s in schedules}
        self.off = {date.fromisoformat(d) for s in schedules for d in s.holidays}
        self.on = {date.fromisoformat(d) for s in schedules for d in s.workdays}

    def is_working_day(self, day):
        """Is `day` a working day (make-up Saturdays and Sundays included)?"""
        if day.year in self.years:
            return day in self.on or (day.weekday() < 5 and day not in self.off)
        try:
            return chinese_calendar.is_workday(day)
        except NotImplementedError:
            return day.weekday() < 5

    def add(self, start, days):
        """The date `days` working days after `start` (start itself not counted)."""
        day, counted = start, 0
        while counted < days:
            day += timedelta(days=1)
            if self.is_working_day(day):
                counted += 1
        return day

    def count(self, start, end):
        """How many working days lie after `start` up to and including `end`."""
        return sum(1 for n in range(1, (end - start).days + 1)
                   if self.is_working_day(start + timedelta(days=n)))

    def knows(self, year):
        """Whether the year's holidays are known (entered, or in the package)."""
        if year in self.years:
            return True
        try:
            chinese_calendar.is_workday(date(year, 6, 1))
        except NotImplementedError:
            return False
        return True


def current():
    """The calendar as entered now, read once per request or command."""
    if "working_calendar" not in g:
        g.working_calendar = Calendar(db.session.execute(db.select(HolidaySchedule)).scalars().all())
    return g.working_calendar


def forget():
    """Read the schedules again at the next question (one was just entered)."""
    g.pop("working_calendar", None)


def is_working_day(day):
    """Is `day` a working day in China?"""
    return current().is_working_day(day)


def add_working_days(start, days):
    """The date `days` working days after `start` (start itself not counted)."""
    return current().add(start, days)
