"""Deadlines in working days, by the Chinese holiday calendar."""
from datetime import date

from forum.letters.deadlines import box_days
from forum.workdays import add_working_days, is_working_day
from tests.letters.helpers import make_box


def test_a_deadline_across_national_day_skips_the_holiday():
    # 2025: 1-8 October off; Sunday 28 September and Saturday 11 October are worked.
    assert add_working_days(date(2025, 9, 30), 1) == date(2025, 10, 9)
    assert add_working_days(date(2025, 9, 30), 3) == date(2025, 10, 11)
    assert add_working_days(date(2025, 9, 26), 1) == date(2025, 9, 28)


def test_a_make_up_saturday_is_a_working_day_and_a_plain_one_is_not():
    assert is_working_day(date(2025, 10, 11))
    assert not is_working_day(date(2025, 10, 18))


def test_fifteen_working_days_from_late_september_end_after_the_holiday():
    # 30 Sep, then 9, 10, 11 (Saturday, worked), 13-17, 20-24 and 27 October.
    assert add_working_days(date(2025, 9, 29), 15) == date(2025, 10, 27)


def test_box_settings_give_the_days_with_the_rules_defaults():
    assert box_days(make_box()) == (15, 60)
    assert box_days(make_box(deadline_days=30)) == (15, 30)
    assert box_days(make_box(accept_days=5, answer_days=20)) == (5, 20)
