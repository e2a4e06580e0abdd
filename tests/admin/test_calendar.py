"""The holiday calendar: the system admin enters a year's holidays and make-up working
days, deadlines count in them, and open letters' due dates move."""
from datetime import date, datetime

import pytest
from sqlalchemy import update

from forum import workdays
from forum.dates import local_today
from forum.extensions import db
from forum.letters.writing import write_letter
from forum.models import HolidaySchedule, Letter
from forum.workdays import Calendar
from tests.checks import log, says
from tests.conftest import login, post_form
from tests.factories import make_user
from tests.letters.helpers import make_box

# The 2027 Spring Festival as a notice would give it: 6-12 February off, Sunday the 14th
# worked (the dates are the test's; 2027 is a year the chinesecalendar package lacks).
SPRING_FESTIVAL = {"year": 2027, "holidays": "2027-01-01\n2027-02-06 ~ 2027-02-12",
                   "workdays": "2027-02-14"}


@pytest.fixture()
def system(app):
    return login(app.test_client(), make_user(username="system_admin", admin_role="system"))


def enter(client, **fields):
    return post_form(client, "/admin/calendar", {**SPRING_FESTIVAL, **fields}, follow_redirects=True)


def test_2027_deadlines_skip_the_spring_festival_once_its_schedule_is_entered(system):
    assert workdays.add_working_days(date(2027, 2, 5), 1) == date(2027, 2, 8)  # Monday to Friday
    page = enter(system).get_data(as_text=True)
    assert says(page, "The holiday schedule has been saved; open deadlines were counted again.")
    workdays.forget()
    assert not workdays.is_working_day(date(2027, 2, 8))
    assert workdays.is_working_day(date(2027, 2, 14))  # the make-up Sunday
    assert workdays.add_working_days(date(2027, 2, 5), 1) == date(2027, 2, 14)
    assert [(row.target_type, row.target_id) for row in log("holiday_schedule")] == [("calendar", 2027)]


def test_entering_a_schedule_moves_open_letters_deadlines_and_not_closed_ones(system):
    box = make_box()
    open_letter, closed = (write_letter(box, None, kind="consult", title=t, body="内容")[0]
                           for t in ("开着的信", "办结的信"))
    # Written on 1 February 2027, before the schedule: due dates counted Monday to Friday.
    weekdays = Calendar([])
    written = datetime(2027, 2, 1, 2)
    dues = {"accept_due": weekdays.add(date(2027, 2, 1), 15),
            "answer_due": weekdays.add(date(2027, 2, 1), 60)}
    db.session.execute(update(Letter).values(created_at=written, **dues))
    db.session.execute(update(Letter).where(Letter.id == closed.id).values(state="closed"))
    db.session.commit()
    enter(system)
    db.session.expire_all()
    after = Calendar([db.session.get(HolidaySchedule, 2027)])
    assert db.session.get(Letter, open_letter.id).accept_due == after.add(date(2027, 2, 1), 15)
    assert db.session.get(Letter, open_letter.id).answer_due == after.add(date(2027, 2, 1), 60)
    assert after.add(date(2027, 2, 1), 15) > dues["accept_due"]
    assert db.session.get(Letter, closed.id).accept_due == dues["accept_due"]


@pytest.mark.parametrize("fields, message, params", [
    ({"holidays": "2027-02-30"}, "“%(entry)s” is not a day (2027-02-06) or a range of days "
     "(2027-02-06 ~ 2027-02-13).", {"entry": "2027-02-30"}),
    ({"holidays": "2026-10-01"}, "%(day)s is not in %(year)d.", {"day": "2026-10-01", "year": 2027}),
    ({"workdays": "2027-02-10"}, "%(day)s is both a holiday and a make-up working day.",
     {"day": "2027-02-10"}),
    ({"workdays": "2027-02-15"}, "A make-up working day is a Saturday or Sunday; %(day)s is not.",
     {"day": "2027-02-15"}),
    ({"holidays": ""}, "Enter the year's public holidays.", {}),
])
def test_a_schedule_that_cannot_be_right_is_refused_with_its_reason(system, fields, message, params):
    page = enter(system, **fields).get_data(as_text=True)
    assert says(page, message, **params)
    assert db.session.execute(db.select(HolidaySchedule)).first() is None


def test_the_admin_home_warns_while_next_years_schedule_is_missing(system):
    year = local_today().year + 1
    warning = "The holiday schedule for %(year)s has not been entered: deadlines in it count " \
              "Monday to Friday and miss the Spring Festival and other holidays."
    assert says(system.get("/admin/").get_data(as_text=True), warning, year=year)
    enter(system, year=year, holidays=f"{year}-01-01", workdays="")
    assert not says(system.get("/admin/").get_data(as_text=True), warning, year=year)


def test_an_entered_year_is_shown_again_for_correction(system):
    enter(system)
    page = system.get("/admin/calendar?year=2027").get_data(as_text=True)
    assert "2027-02-09" in page and "2027-02-14" in page
