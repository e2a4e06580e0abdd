"""A year's holiday schedule, entered by the system admin from the State Council's notice
(published each winter): `forum.workdays` counts in it, and open deadlines move."""
import re
from datetime import date, timedelta

from flask_babel import gettext as _

from forum import workdays
from forum.audit import log_action
from forum.extensions import db
from forum.hooks import working_days_changed
from forum.models import HolidaySchedule
from forum.models.base import utcnow
from forum.service import Refused, commit

# A day, or a range of days: 2027-02-06, or 2027-02-06 ~ 2027-02-13 (also ..、–、至).
_ENTRY = re.compile(r"(\d{4}-\d{1,2}-\d{1,2})(?:\s*(?:~|～|\.\.|–|—|至)\s*(\d{4}-\d{1,2}-\d{1,2}))?")


def schedules():
    """Every entered year's schedule, newest year first."""
    return db.session.execute(db.select(HolidaySchedule)
                              .order_by(HolidaySchedule.year.desc())).scalars().all()


def save_holiday_schedule(actor, year, holidays, working):
    """Enter or correct a year's holidays and make-up working days (texts of days and
    ranges); open deadlines are counted again in it."""
    off, on = _days(holidays, year, "holidays"), _days(working, year, "workdays")
    if not off:
        raise Refused(_("Enter the year's public holidays."), field="holidays")
    if both := sorted(off & on):
        raise Refused(_("%(day)s is both a holiday and a make-up working day.",
                        day=both[0].isoformat()), field="workdays")
    if weekdays := sorted(day for day in on if day.weekday() < 5):
        raise Refused(_("A make-up working day is a Saturday or Sunday; %(day)s is not.",
                        day=weekdays[0].isoformat()), field="workdays")
    before = workdays.current()
    schedule = db.session.get(HolidaySchedule, year) or HolidaySchedule(year=year)
    schedule.holidays = [day.isoformat() for day in sorted(off)]
    schedule.workdays = [day.isoformat() for day in sorted(on)]
    schedule.entered_at, schedule.entered_by_id = utcnow(), actor.id
    db.session.add(schedule)
    db.session.flush()
    workdays.forget()
    working_days_changed.send(before)
    log_action(actor, "holiday_schedule", "calendar", year, reason=f"{len(off)} / {len(on)}")
    commit()
    workdays.forget()
    return schedule


def _days(text, year, field):
    """The days a text lists (one entry a line, or between commas), each in `year`."""
    days = set()
    for entry in filter(None, (part.strip() for part in re.split(r"[\n,，、;；]", text or ""))):
        match = _ENTRY.fullmatch(entry)
        first = match and _date(match.group(1))
        last = match and _date(match.group(2) or match.group(1))
        if not (first and last and first <= last and (last - first).days <= 31):
            raise Refused(_("“%(entry)s” is not a day (2027-02-06) or a range of days "
                            "(2027-02-06 ~ 2027-02-13).", entry=entry[:40]), field=field)
        if first.year != year or last.year != year:
            raise Refused(_("%(day)s is not in %(year)d.", day=first.isoformat(), year=year),
                          field=field)
        days.update(first + timedelta(days=n) for n in range((last - first).days + 1))
    return days


def _date(text):
    try:
        return date(*(int(part) for part in text.split("-")))
    except (TypeError, ValueError):
        return None
