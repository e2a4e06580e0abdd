"""Days are Beijing's wherever the server's clock is set."""
from datetime import date, datetime, timezone

from forum import dates
from forum.fund.services import today as fund_today  # the real one: tests/fund sets its own


class _Clock(datetime):
    """datetime whose now() is 2026-12-05 17:00 UTC: already the 6th in Beijing."""

    @classmethod
    def now(cls, tz=None):
        moment = datetime(2026, 12, 5, 17, 0, tzinfo=timezone.utc)
        return moment.astimezone(tz) if tz else moment.replace(tzinfo=None)


def test_local_today_and_the_funds_day_are_beijings_after_utc_midnight_there(app, monkeypatch):
    monkeypatch.setattr(dates, "datetime", _Clock)
    assert dates.local_today() == date(2026, 12, 6)
    assert fund_today() == date(2026, 12, 6)
