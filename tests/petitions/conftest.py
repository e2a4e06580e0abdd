"""Fixtures of 网络问政: a township's board (a unit board, so it takes petitions), its
moderator, 县交通局 with its unit account, a unit with no account, a petitioner, and a
clock (`forum.cases.today`) the tests move."""
from datetime import date, datetime

import pytest

from forum import cases
from forum.boards.roles import grant
from forum.extensions import db
from forum.models import Role
from tests.conftest import login, post_form
from tests.factories import make_board, make_unit, make_user

TODAY = date(2024, 6, 3)  # a Monday


@pytest.fixture()
def today(monkeypatch):
    """The petitions' clock, on TODAY; move it with `today.set(day)`."""
    class Clock:
        day = TODAY

        def set(self, day):
            self.day = day

    fixed = Clock()
    monkeypatch.setattr(cases, "today", lambda: fixed.day)
    return fixed


@pytest.fixture()
def township():
    return make_unit(name="八步镇", kind="镇", slug="babuzhen")


@pytest.fixture()
def township_board(township):
    return make_board(slug="babuzhen", name="八步镇", unit=township)


@pytest.fixture()
def transport():
    return make_unit(name="县交通局", kind="政府部门", slug="jiaotongju")


@pytest.fixture()
def transport_account(transport):
    return make_user(username="jiaotongju", unit_id=transport.id, is_unit_account=True,
                     is_verified=True, display_name="县交通局")


@pytest.fixture()
def lonely_unit():
    """A unit with no account to answer."""
    return make_unit(name="县档案馆", kind="政府部门", slug="danganguan")


@pytest.fixture()
def petitioner():
    return make_user(username="netizen", is_verified=True)


@pytest.fixture()
def moderator(township_board):
    user = make_user(username="banzhu", is_verified=True)
    grant(user, township_board, Role.MODERATOR, None)
    return user


def as_user(app, user):
    """A fresh client logged in as the user."""
    return login(app.test_client(), user)


def post_petition(client, board, title="出租车收费标准谁来管", body="县城出租车不打表，请相关部门管一管。",
                  kind="complain", unit=""):
    """Start a thread in the board with the petition box ticked."""
    return post_form(client, f"/b/{board.slug}/new", {
        "title": title, "body": body, "petition-wanted": "y", "petition-kind": kind,
        "petition-unit": str(unit)}, follow_redirects=False)


def step(client, petition, name, **fields):
    return post_form(client, f"/petitions/{petition.id}/{name}",
                     {f"step-{key}": str(value) for key, value in fields.items()})


def at(day, hour=2):
    """A naive UTC datetime on that local day (10:00 in Zhijin)."""
    return datetime(day.year, day.month, day.day, hour)


def reread(row):
    """The row as the database holds it now (the requests wrote through other sessions)."""
    db.session.refresh(row)
    return row
