"""Fixtures of 干部谈心室: the room, two counsellors with cards, a member, and clients."""
from datetime import timedelta

import pytest

from forum.boards.roles import grant
from forum.counsel.cards import save_card
from forum.counsel.models import CounsellorKind
from forum.counsel.sessions import schedule_session
from forum.extensions import db
from forum.models import Board
from forum.models.base import utcnow
from tests.conftest import login
from tests.factories import make_board, make_user


@pytest.fixture()
def room():
    """干部谈心室 (the seeded one, if seeded), with words of danger and a help text."""
    board = (db.session.execute(db.select(Board).where(Board.slug == "counsel")).scalar()
             or make_board(type="counsel", slug="counsel", name="干部谈心室"))
    board.settings = {"danger_words": "不想活了\n轻生", "help_text": "请拨打心理援助热线 12356。"}
    db.session.commit()
    return board


def make_counsellor(board, username, name, kind=CounsellorKind.PSYCHOLOGIST):
    user = make_user(username=username, is_verified=True)
    grant(user, board, "counsellor")
    db.session.commit()
    save_card(board, user, name=name, kind=kind, intro="从事心理咨询十年。", receives="周二下午")
    return user


@pytest.fixture()
def counsellor(room):
    return make_counsellor(room, "xinli", "王老师")


@pytest.fixture()
def minister(room):
    return make_counsellor(room, "buzhang", "组织部负责同志", CounsellorKind.ORG_LEADER)


@pytest.fixture()
def member():
    return make_user(username="ganbu", display_name="李干部")


@pytest.fixture()
def as_user(app):
    """as_user(user): a test client logged in as the user."""
    return lambda user: login(app.test_client(), user)


@pytest.fixture()
def make_session(room, counsellor):
    """make_session(started=..., ended=...): a session hosted by `counsellor`."""
    def make(*, title="做客谈心室：如何缓解工作压力", starts_in=timedelta(hours=-1),
             lasts=timedelta(hours=2), host=None):
        starts = utcnow() + starts_in
        return schedule_session(room, counsellor, title=title, host_id=(host or counsellor).id,
                                starts_at=starts, ends_at=starts + lasts)
    return make
