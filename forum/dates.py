"""Days as people in Zhijin count them, turned into the naive UTC the columns hold."""
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from flask import current_app


# Days a filter may name: 0001-01-01 or 9999-12-31 from a query string would overflow
# the arithmetic below (a 500); before or after these, every row is on the same side.
FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(9000, 1, 1)


def day_start_utc(day):
    """Midnight at the start of `day` in the forum's time zone."""
    zone = ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])
    day = min(max(day, FIRST_DAY), LAST_DAY)
    start = datetime.combine(day, time.min, tzinfo=zone)
    return start.astimezone(timezone.utc).replace(tzinfo=None)


def day_end_utc(day):
    """Midnight at the end of `day` (exclusive bound)."""
    return day_start_utc(min(day, LAST_DAY) + timedelta(days=1))


def local_today():
    """Today's date in the forum's time zone."""
    return datetime.now(ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])).date()


def today_start_utc():
    """Midnight at the start of today in the forum's time zone."""
    return day_start_utc(local_today())


def local_to_utc(moment):
    """A naive time typed in the forum's time zone (a form's field), as the naive UTC stored."""
    if moment is None:
        return None
    zone = ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])
    return moment.replace(tzinfo=zone).astimezone(timezone.utc).replace(tzinfo=None)


def utc_to_local(moment):
    """A stored naive UTC time, as the naive local time a form's field shows."""
    if moment is None:
        return None
    zone = ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])
    return moment.replace(tzinfo=timezone.utc).astimezone(zone).replace(tzinfo=None)
