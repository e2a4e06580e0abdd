"""An archived board of every type says so on its pages and refuses writes (issue 20):
the reason is shown, and nothing is stored."""
import pytest
from flask_babel import gettext

from forum.boards.roles import grant
from forum.boards.services import create_thread, reply
from forum.branch.branches import add_member, create_branch
from forum.branch.posting import start_branch_thread
from forum.counsel.models import Talk
from forum.disclosure.feedback import send_feedback
from forum.disclosure.models import DisclosureFeedback
from forum.fund.models import FundApproval, FundEntry
from forum.fund.services import (approve_disbursement, record_disbursement, record_donation,
                                 reverse_entry, start_appeal)
from forum.counsel.talks import open_talk
from forum.extensions import db
from forum.letters.writing import write_letter
from forum.models import Campaign, Letter, Post, Role, Thread
from forum.models.base import utcnow
from forum.service import Refused
from forum.training.campaigns import create_campaign
from tests.checks import says
from tests.disclosure.feedback_fixtures import make_disclosure, make_disclosure_board
from tests.conftest import login, post_form
from tests.factories import make_board, make_thread, make_unit, make_user
from tests.fund.matrix import DAY

ARCHIVED = "This board is archived: it can be read, and nothing more can be written in it."
TYPES = ["discussion", "mailbox", "notice", "training", "disclosure", "counsel", "branch", "fund"]


def archive(board):
    board.archived_at = utcnow()
    db.session.commit()
    return board


def rows(model):
    db.session.expire_all()
    return db.session.execute(db.select(db.func.count()).select_from(model)).scalar_one()


@pytest.fixture()
def writer(app):
    """The system admin: may start threads on most boards, so only the archive refuses."""
    return login(app.test_client(), make_user(username="system_admin", admin_role="system"))


@pytest.mark.parametrize("board_type", TYPES)
def test_an_archived_board_of_each_type_says_so_on_its_page(client, board_type):
    board = archive(make_board(type=board_type, unit=make_unit(), settings={"guests": True}))
    page = client.get(f"/b/{board.slug}").get_data(as_text=True)
    assert says(page, ARCHIVED), board_type


@pytest.mark.parametrize("board_type", TYPES)
def test_a_new_thread_or_item_on_an_archived_board_of_each_type_is_refused_and_stores_nothing(
        writer, board_type):
    board = archive(make_board(type=board_type, unit=make_unit(), settings={"guests": True}))
    before = (rows(Thread), rows(Post), rows(Letter), rows(Talk))
    for method in ("GET", "POST"):
        response = (post_form(writer, f"/b/{board.slug}/new", {"title": "标题", "body": "内容"})
                    if method == "POST" else writer.get(f"/b/{board.slug}/new"))
        assert response.status_code == 403 and says(response.get_data(as_text=True), ARCHIVED)
    assert (rows(Thread), rows(Post), rows(Letter), rows(Talk)) == before


def test_a_guests_letter_to_an_archived_mailbox_is_refused(client):
    box = archive(make_board(type="mailbox", unit=make_unit(), settings={"guests": True}))
    response = post_form(client, f"/b/{box.slug}/new", {"title": "来信", "body": "内容"})
    assert response.status_code == 403 and says(response.get_data(as_text=True), ARCHIVED)
    assert rows(Letter) == 0


def test_a_thread_on_an_archived_board_says_so_and_refuses_replies_and_edits(writer):
    thread = make_thread()
    archive(thread.board)
    assert says(writer.get(f"/t/{thread.id}").get_data(as_text=True), ARCHIVED)
    replied = post_form(writer, f"/t/{thread.id}/reply", {"body": "再说一句"})
    edited = post_form(writer, f"/p/{thread.last_post_id}/edit", {"body": "改过"})
    for response in (replied, edited):
        assert response.status_code == 403 and says(response.get_data(as_text=True), ARCHIVED)
    assert rows(Post) == 1


@pytest.mark.parametrize("write", [
    lambda board, author: create_thread(board, author, "标题", "内容"),
    lambda board, author: write_letter(board, None, kind="consult", title="来信", body="来信内容"),
    lambda board, author: open_talk(board, author, pseudonym="小树", body="想聊聊"),
], ids=["thread", "letter", "talk"])
def test_the_write_services_refuse_an_archived_board(write):
    board = archive(make_board(unit=make_unit(), settings={"guests": True}))
    with pytest.raises(Refused) as refused:
        write(board, make_user(is_verified=True))
    assert refused.value.message == gettext(ARCHIVED)
    db.session.rollback()
    assert (rows(Thread), rows(Letter), rows(Talk)) == (0, 0, 0)


def test_a_reply_to_a_thread_of_an_archived_board_is_refused_petitions_official_replies_too():
    thread = make_thread()
    archive(thread.board)
    with pytest.raises(Refused) as refused:
        reply(thread, thread.author, "回复")
    assert refused.value.message == gettext(ARCHIVED)
    db.session.rollback()
    assert rows(Post) == 1


def test_a_talk_of_an_archived_counsel_room_takes_no_more_messages(app):
    room, member = make_board(type="counsel"), make_user(is_verified=True)
    talk = open_talk(room, member, pseudonym="小树", body="想聊聊")
    archive(room)
    client = login(app.test_client(), member)
    response = post_form(client, f"/counsel/talks/{talk.id}/messages", {"body": "还在吗"})
    assert response.status_code == 403 and says(response.get_data(as_text=True), ARCHIVED)
    db.session.expire_all()
    assert len(db.session.get(Talk, talk.id).messages) == 1


def test_a_branch_of_an_archived_branch_board_takes_no_more_threads(app):
    unit = make_unit()
    board = make_board(type="branch", unit=unit)
    admin, secretary, member = (make_user(admin_role="system"), make_user(is_verified=True),
                                make_user(is_verified=True))
    branch = create_branch(board, admin, name="第一支部", unit_id=unit.id, secretary=secretary.username)
    add_member(branch, secretary, member.username)
    archive(board)
    client = login(app.test_client(), member)
    response = post_form(client, f"/branch/{branch.id}/new", {"title": "学习", "body": "内容"})
    assert response.status_code == 403 and says(response.get_data(as_text=True), ARCHIVED)
    assert rows(Thread) == 0
    with pytest.raises(Refused):
        start_branch_thread(branch, member, "学习", "内容")


def test_others_learn_nothing_of_a_branch_of_an_archived_board(app):
    unit = make_unit()
    board = make_board(type="branch", unit=unit)
    branch = create_branch(board, make_user(admin_role="system"), name="第一支部", unit_id=unit.id,
                           secretary=make_user(is_verified=True).username)
    archive(board)
    stranger = login(app.test_client(), make_user(is_verified=True))
    assert post_form(stranger, f"/branch/{branch.id}/new", {"title": "学习", "body": "内容"}).status_code == 404


def _refused_as_archived(write):
    with pytest.raises(Refused) as refused:
        write()
    db.session.rollback()
    assert refused.value.message == gettext(ARCHIVED)


def test_feedback_on_a_disclosure_of_an_archived_board_is_refused_and_stores_nothing():
    disclosure = make_disclosure(board=make_disclosure_board())
    archive(disclosure.thread.board)
    _refused_as_archived(lambda: send_feedback(disclosure, None, body="意见", anonymous=True))
    assert rows(DisclosureFeedback) == 0


def test_the_ledger_of_an_archived_fund_board_takes_no_more_entries():
    board, treasurer = make_board(type="fund", unit=make_unit()), make_user(is_verified=True)
    grant(treasurer, board, Role.TREASURER)
    appeal = start_appeal(board, treasurer, title="关爱倡议", body="倡议", target="1000",
                          starts_on=DAY, ends_on=DAY, how_to_give="现场")
    archive(board)
    _refused_as_archived(lambda: record_donation(
        appeal, treasurer, amount="100", occurred_on=DAY, donor_kind="person", donor_name="王某",
        channel="on_site", receipt_number="R1"))
    _refused_as_archived(lambda: record_disbursement(
        appeal, treasurer, amount="10", occurred_on=DAY, approval_ref="批1", purpose="慰问",
        recipient="某村困难党员"))
    assert rows(FundEntry) == 0


def test_an_archived_training_board_takes_no_new_campaign():
    board = archive(make_board(type="training"))
    _refused_as_archived(lambda: create_campaign(
        board, make_user(), title="学习", description="", lesson_ids=[], target="all", unit_ids=[],
        usernames="", starts_on=DAY, ends_on=DAY, required_hours=1, essay_required=False,
        essay_min_chars=0))
    assert rows(Campaign) == 0


def test_an_archived_fund_board_takes_no_reversal_or_approval():
    board, treasurer, second = make_board(type="fund", unit=make_unit()), make_user(), make_user()
    grant(treasurer, board, Role.TREASURER)
    grant(second, board, Role.TREASURER)
    appeal = start_appeal(board, treasurer, title="关爱倡议", body="倡议", target="1000",
                          starts_on=DAY, ends_on=DAY, how_to_give="现场")
    gift = record_donation(appeal, treasurer, amount="100", occurred_on=DAY, donor_kind="person",
                           donor_name="王某", channel="on_site", receipt_number="R1")
    payout = record_disbursement(appeal, treasurer, amount="10", occurred_on=DAY, approval_ref="批1",
                                 purpose="慰问", recipient="某村困难党员")
    archive(board)
    entries = rows(FundEntry)
    _refused_as_archived(lambda: reverse_entry(appeal, treasurer, entry_id=gift.id, reason="录错"))
    _refused_as_archived(lambda: approve_disbursement(db.session.get(FundEntry, payout.id), second))
    assert rows(FundEntry) == entries and rows(FundApproval) == 0
