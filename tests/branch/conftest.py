"""Fixtures of 网上支部: the board, a branch of a unit with its secretary, members and
an outsider, and clients logged in as any of them."""
from datetime import timedelta

import pytest

from forum.branch.branches import add_member, create_branch
from forum.branch.meetings import schedule_meeting
from forum.branch.models import MeetingKind
from forum.extensions import db
from forum.models import Board
from forum.models.base import utcnow
from tests.conftest import login
from tests.factories import make_board, make_unit, make_user


@pytest.fixture()
def unit():
    return make_unit(name="城关镇党委")


@pytest.fixture()
def branch_board():
    """网上支部 (the seeded one, if seeded)."""
    return (db.session.execute(db.select(Board).where(Board.slug == "branch")).scalar()
            or make_board(type="branch", slug="branch", name="网上支部"))


@pytest.fixture()
def unit_account(unit):
    return make_user(username="chengguan", unit_id=unit.id, is_unit_account=True,
                     is_verified=True)


@pytest.fixture()
def secretary():
    return make_user(username="shuji", display_name="王书记")


@pytest.fixture()
def branch(branch_board, unit, unit_account, secretary):
    return create_branch(branch_board, unit_account, name="城关镇流动党员支部", unit_id=unit.id,
                         secretary=secretary.username)


@pytest.fixture()
def member(branch, secretary):
    user = make_user(username="dangyuan", display_name="李党员")
    add_member(branch, secretary, user.username, home="城关镇第一支部")
    return user


@pytest.fixture()
def second_member(branch, secretary):
    user = make_user(username="dangyuan2", display_name="张党员")
    add_member(branch, secretary, user.username)
    return user


@pytest.fixture()
def outsider():
    return make_user(username="waiRen")


@pytest.fixture()
def as_user(app):
    """as_user(user): a test client logged in as the user."""
    return lambda user: login(app.test_client(), user)


@pytest.fixture()
def make_meeting(branch, secretary):
    """make_meeting(starts_in=..., lasts=...): a meeting of the branch."""
    def make(*, starts_in=timedelta(minutes=-10), lasts=timedelta(hours=2),
             kind=MeetingKind.GENERAL, title="七月支部党员大会"):
        starts = utcnow() + starts_in
        return schedule_meeting(branch, secretary, kind=kind, title=title, starts_at=starts,
                                ends_at=starts + lasts, agenda="学习党章")
    return make
