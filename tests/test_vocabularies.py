"""The vocabularies stored in the database (statuses, roles, kinds, board types) are enums
beside their models, each member with a Chinese label; a typical flow stores nothing else."""
import re
import subprocess
import sys
from pathlib import Path

import pytest
from flask_babel import force_locale

import forum.models
from forum.extensions import db
from forum.models import (AdminRole, Board, BoardRole, BoardTypeKey, ContentStatus, Letter,
                          LetterKind, LetterRating, LetterState, Post, QueueItem, Role, Thread,
                          User, UserStatus)
from forum.models.base import LabelledEnum
from tests.conftest import login, post_form
from tests.factories import make_board, make_user

ROOT = Path(__file__).resolve().parent.parent
VOCABULARIES = LabelledEnum.__subclasses__()
MEMBERS = [member for vocabulary in VOCABULARIES for member in vocabulary]
CHINESE = re.compile(r"[\u4e00-\u9fff]")
FEATURES = ("admin", "attachments", "auth", "boards", "feeds", "letters", "messages",
            "moderation", "notifications", "profiles", "search", "stats", "training")


def test_every_core_vocabulary_is_exported_from_forum_models():
    """A feature package's vocabularies stay in the package (forum/disclosure/models.py)."""
    core = [v for v in VOCABULARIES if v.__module__.startswith("forum.models")]
    assert len(core) >= 8
    assert all(getattr(forum.models, v.__name__, None) is v for v in core)


@pytest.mark.parametrize("member", MEMBERS, ids=lambda m: f"{type(m).__name__}.{m.name}")
def test_every_member_has_a_chinese_label(app, member):
    with app.test_request_context(), force_locale("zh_CN"):
        label = str(member.label)
    assert CHINESE.search(label), f"{type(member).__name__}.{member.name} reads {label!r} in zh_CN"


def test_the_vocabularies_import_no_feature_package():
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, forum.models; print(' '.join(sys.modules))"],
        cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    assert not [name for name in loaded if name.startswith("forum.")
                and name.split(".")[1] in FEATURES]


def _stored(*columns):
    values = set()
    for column in columns:
        values |= set(db.session.execute(db.select(column).distinct()).scalars())
    return values - {None}


def _queued():
    return db.session.execute(db.select(QueueItem).where(QueueItem.status == "open")
                              .order_by(QueueItem.id)).scalars().all()


def _letter():
    db.session.expire_all()
    return db.session.execute(db.select(Letter)).scalar_one()


def test_a_typical_flow_stores_only_members_of_the_vocabularies(app, seeded):
    board = make_board(settings={"premoderated": True})
    box = make_board(type="mailbox", settings={"guests": True})
    staff = {"banzhu": make_user(username="banzhu", is_verified=True),
             "jingban": make_user(username="jingban", is_verified=True)}
    security = login(app.test_client(), make_user(admin_role="security"))
    for username, role, slug in (("banzhu", "moderator", board.slug), ("jingban", "handler", box.slug)):
        post_form(security, "/admin/roles", {"username": username, "role": role, "board": slug})
    moderator = login(app.test_client(), staff["banzhu"])
    handler = login(app.test_client(), staff["jingban"])
    member = login(app.test_client(), make_user(is_verified=True))

    post_form(member, f"/b/{board.slug}/new", {"title": "村级活动场所建设", "body": "请大家讨论。"})
    thread = db.session.execute(db.select(Thread)).scalar_one()
    post_form(moderator, f"/q/{_queued()[0].id}/approve", {})
    post_form(member, f"/t/{thread.id}/reply", {"body": "第二楼"})
    post_form(member, f"/t/{thread.id}/reply", {"body": "第三楼"})
    second, third = _queued()
    post_form(moderator, f"/q/{second.id}/approve", {})
    post_form(moderator, f"/q/{third.id}/reject", {"reason": "离题"})
    post_form(member, f"/t/{thread.id}/reply", {"body": "第四楼，等待审核"})
    post_form(moderator, f"/p/{second.post_id}/hide", {"reason": "重复"})

    post_form(member, f"/b/{box.slug}/new", {"kind": "complain", "title": "路灯不亮",
                                              "body": "东门路灯坏了一个月。"})
    letter = _letter()
    post_form(handler, f"/letters/{letter.id}/accept", {})
    post_form(handler, f"/letters/{letter.id}/answer", {"body": "已修复。"})
    post_form(member, f"/letters/{letter.id}/rate", {"rating": "satisfied"})
    assert _letter().state == LetterState.RATED

    found = {ContentStatus: _stored(Thread.status, Post.status), LetterState: _stored(Letter.state),
             LetterKind: _stored(Letter.kind), LetterRating: _stored(Letter.rating),
             Role: _stored(BoardRole.role), AdminRole: _stored(User.admin_role),
             UserStatus: _stored(User.status), BoardTypeKey: _stored(Board.type)}
    assert found[ContentStatus] == {"published", "pending", "hidden", "letter"}
    assert found[Role] == {"moderator", "handler"}
    for vocabulary, values in found.items():
        assert values and values <= set(vocabulary), (vocabulary.__name__, values)
