"""Days are Beijing's wherever the server's clock is set."""
from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

from forum import dates
from forum.i18n import short_time
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


def _by_the_zone(moment, name):
    return moment.replace(tzinfo=timezone.utc).astimezone(ZoneInfo(name)).replace(tzinfo=None)


def test_local_times_in_a_zone_without_summer_time_are_the_zones_own(app):
    moments = [datetime(1988, 7, 1, 12, 0), datetime(2011, 5, 17, 16, 30, 5, 12),
               datetime(2026, 12, 31, 23, 59), datetime(2150, 1, 1)]  # 1988: Beijing's summer time
    with app.app_context():
        assert [dates.utc_to_local(m) for m in moments] == [_by_the_zone(m, "Asia/Shanghai")
                                                            for m in moments]


def test_local_times_in_a_zone_with_summer_time_follow_its_changes(app, monkeypatch):
    monkeypatch.setitem(app.config, "BABEL_DEFAULT_TIMEZONE", "Europe/Berlin")
    winter, summer = datetime(2026, 1, 15, 12, 0), datetime(2026, 7, 15, 12, 0)
    with app.app_context():
        assert dates.utc_to_local(winter) == datetime(2026, 1, 15, 13, 0)
        assert dates.utc_to_local(summer) == datetime(2026, 7, 15, 14, 0)


def test_short_times_show_the_time_today_the_day_this_year_and_the_date_before(app):
    with app.app_context():
        at = datetime(2026, 3, 4, 1, 2)  # 09:02 on the 4th in Beijing
        assert short_time(at, date(2026, 3, 4)) == "09:02"
        assert short_time(at, date(2026, 3, 5)) == "03-04"
        assert short_time(at, date(2027, 1, 1)) == "2026-03-04"
        assert short_time(None) == ""
