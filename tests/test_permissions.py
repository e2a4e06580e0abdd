"""access_for: the board type and the user's roles decide; it never reads the request."""
import pytest

from forum.access import Access, Guest
from forum.boards.roles import grant
from forum.moderation.bans import ban_user
from forum.permissions import access_for
from tests.factories import make_board, make_thread, make_unit, make_user

A = Access


def banned_user():
    user = make_user()
    ban_user(user, make_user(admin_role="security"), "发广告")
    return user


def people(unit, board):
    other_unit = make_unit()
    moderator, other_moderator = make_user(), make_user()
    grant(moderator, board, "moderator")
    grant(other_moderator, make_board(), "moderator")
    return {
        "guest": Guest(),
        "member": make_user(),
        "verified": make_user(is_verified=True),
        "banned": banned_user(),
        "moderator": moderator,
        "other_moderator": other_moderator,
        "unit_account": make_user(unit_id=unit.id, is_unit_account=True, is_verified=True),
        "other_unit_account": make_user(unit_id=other_unit.id, is_unit_account=True, is_verified=True),
        "unit_member": make_user(unit_id=unit.id),
        "system_admin": make_user(admin_role="system"),
        "security_admin": make_user(admin_role="security"),
        "audit_admin": make_user(admin_role="audit"),
    }


WRITERS = A.VIEW | A.START | A.REPLY
MODS = WRITERS | A.MODERATE
MANAGERS = MODS | A.MANAGE
DISCUSSION = {
    "guest": A.VIEW, "member": WRITERS, "verified": WRITERS, "banned": A.VIEW,
    "moderator": MODS, "other_moderator": WRITERS, "unit_account": MANAGERS,
    "other_unit_account": WRITERS, "unit_member": WRITERS, "system_admin": MANAGERS,
    "security_admin": WRITERS, "audit_admin": WRITERS,
}
NOTICE = {**DISCUSSION, **{who: A.VIEW | A.REPLY for who in DISCUSSION if DISCUSSION[who] == WRITERS},
          "moderator": A.VIEW | A.REPLY | A.MODERATE}
PENDING = {who: A.VIEW for who in DISCUSSION} | {"unit_account": A.VIEW | A.MANAGE,
                                                 "system_admin": A.VIEW | A.MANAGE}

# A branch board: the list is public, managers create branches; the content is inside
# each branch (tests/branch), so at the board level it reads as a pending type does.
BRANCH = PENDING

# A mailbox: everyone signed in may write a letter; its letters are read elsewhere.
MAILBOX = {who: A.VIEW | A.START for who in DISCUSSION} | {
    "guest": A.VIEW, "banned": A.VIEW, "unit_account": A.VIEW | A.START | A.MANAGE,
    "system_admin": A.VIEW | A.START | A.MANAGE}


@pytest.mark.parametrize("board_type,expected", [
    ("discussion", DISCUSSION), ("notice", NOTICE), ("mailbox", MAILBOX), ("branch", BRANCH),
    ("future", PENDING),
])
def test_access_matrix(board_type, expected):
    unit = make_unit()
    board = make_board(type=board_type, unit=unit)
    thread = make_thread(board=board) if board_type in ("discussion", "notice") else None
    for who, user in people(unit, board).items():
        got = access_for(user, board, thread)
        want = expected[who] if thread is not None else expected[who] & ~A.REPLY
        assert got == want, f"{board_type}/{who}: {got!r} != {want!r}"


def test_locked_thread_takes_replies_only_from_moderators():
    unit = make_unit()
    board = make_board(unit=unit)
    thread = make_thread(board=board)
    thread.is_locked = True
    crowd = people(unit, board)
    assert A.REPLY not in access_for(crowd["member"], board, thread)
    assert A.REPLY in access_for(crowd["moderator"], board, thread)
    assert A.REPLY in access_for(crowd["unit_account"], board, thread)


def test_a_hidden_thread_is_invisible_to_members_but_not_to_its_author_or_moderators():
    unit = make_unit()
    board = make_board(unit=unit)
    crowd = people(unit, board)
    thread = make_thread(board=board, author=crowd["member"])
    thread.status = "hidden"
    assert access_for(crowd["verified"], board, thread) == A.NONE
    assert access_for(Guest(), board, thread) == A.NONE
    assert A.VIEW in access_for(crowd["member"], board, thread)
    assert A.MODERATE in access_for(crowd["moderator"], board, thread)


def test_a_guest_is_not_the_author_of_a_hidden_thread_without_one():
    board = make_board()
    thread = make_thread(board=board)
    thread.status, thread.author_id = "hidden", None
    assert access_for(Guest(), board, thread) == A.NONE
