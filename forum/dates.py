"""Days as people in Zhijin count them, turned into the naive UTC the columns hold."""
from datetime import date, datetime, time, timedelta, timezone
from functools import cache
from zoneinfo import ZoneInfo

from flask import current_app


# Days a filter may name: 0001-01-01 or 9999-12-31 from a query string would overflow
# the arithmetic below (a 500); before or after these, every row is on the same side.
FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(9000, 1, 1)

# Within these years a zone that keeps one offset (Asia/Shanghai has had no summer time
# since 1991) converts by adding it: asking the zone costs 2-3 µs a time, and the board
# index shows 140 of them.
STEADY_FROM, STEADY_UNTIL = datetime(2000, 1, 1), datetime(2100, 1, 1)


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
    name = current_app.config["BABEL_DEFAULT_TIMEZONE"]
    offset = _steady_offset(name)
    if offset is not None and STEADY_FROM <= moment < STEADY_UNTIL:
        return moment + offset
    return moment.replace(tzinfo=timezone.utc).astimezone(ZoneInfo(name)).replace(tzinfo=None)


@cache
def _steady_offset(name):
    """The zone's offset from UTC if its rules give the same one on the 1st and the 15th
    of every month from STEADY_FROM to STEADY_UNTIL, else None (summer time, a change)."""
    zone = ZoneInfo(name)
    offsets = {zone.utcoffset(datetime(year, month, day))
               for year in range(STEADY_FROM.year, STEADY_UNTIL.year)
               for month in range(1, 13) for day in (1, 15)}
    return offsets.pop() if len(offsets) == 1 else None
