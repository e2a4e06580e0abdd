"""Days as people in Zhijin count them, turned into the naive UTC the columns hold."""
from datetime import datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from flask import current_app


def day_start_utc(day):
    """Midnight at the start of `day` in the forum's time zone."""
    zone = ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])
    start = datetime.combine(day, time.min, tzinfo=zone)
    return start.astimezone(timezone.utc).replace(tzinfo=None)


def day_end_utc(day):
    """Midnight at the end of `day` (exclusive bound)."""
    return day_start_utc(day + timedelta(days=1))


def today_start_utc():
    """Midnight at the start of today in the forum's time zone."""
    zone = ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])
    return day_start_utc(datetime.now(zone).date())
