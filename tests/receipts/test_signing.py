"""A unit's inbox, the header's count, 签收 and 已落实: for its own unit, once."""
from datetime import timedelta

from forum.models import Notification
from forum.extensions import db
from forum.receipts.models import ReceiptStatus
from tests.checks import log, says
from tests.conftest import login, post_form
from tests.receipts.helpers import receipt_of


def test_a_unit_account_sees_the_count_in_the_header_and_its_inbox_newest_deadline_first(
        client, make_notice, township_accounts, now):
    first = make_notice(title="通知一", deadline_at=now.moment + timedelta(days=1))
    second = make_notice(title="通知二", deadline_at=now.moment + timedelta(days=5))
    login(client, township_accounts[0])
    page = client.get("/").get_data(as_text=True)
    assert 'href="/receipts"' in page and '<span class="count" aria-label' in page
    inbox = client.get("/receipts").get_data(as_text=True)
    assert inbox.index("通知二") < inbox.index("通知一")
    assert first and second


def test_the_header_count_costs_one_statement_and_only_for_unit_accounts(
        client, make_notice, township_accounts, member, count_queries):
    make_notice()
    login(client, township_accounts[0]).get("/")
    with count_queries() as unit_view:
        client.get("/")
    member_client = login(client.application.test_client(), member)
    member_client.get("/")
    with count_queries() as member_view:
        member_client.get("/")
    counting = [s for s in unit_view.statements if "FROM receipt" in s]
    assert len(counting) == 1
    assert not [s for s in member_view.statements if "receipt" in s]


def test_signing_records_who_and_when_and_the_count_goes_down(client, make_notice,
                                                             township_accounts, now):
    issue = make_notice()
    account = township_accounts[0]
    receipt = receipt_of(issue, account.unit)
    response = post_form(login(client, account), f"/receipts/{receipt.id}/sign", {})
    assert response.status_code == 302
    receipt = receipt_of(issue, account.unit)
    assert (receipt.status, receipt.signed_by_id, receipt.signed_at) == (
        ReceiptStatus.READ, account.id, now.moment)
    assert [a.target_id for a in log("receipt_sign")] == [receipt.id]
    assert "/receipts" in client.get("/").get_data(as_text=True)
    assert not client.get("/receipts").get_data(as_text=True).count("关于开展党建工作检查的通知")


def test_signing_twice_is_refused_and_changes_nothing(client, make_notice, township_accounts, now):
    issue = make_notice()
    account = township_accounts[0]
    receipt = receipt_of(issue, account.unit)
    login(client, account)
    post_form(client, f"/receipts/{receipt.id}/sign", {})
    now.move(hours=1)
    again = post_form(client, f"/receipts/{receipt.id}/sign", {}, follow_redirects=True)
    assert says(again.get_data(as_text=True), "Your unit has already signed this notice.")
    receipt = receipt_of(issue, account.unit)
    assert receipt.signed_at == now.moment - timedelta(hours=1)
    assert issue.signed_count == 1 and len(log("receipt_sign")) == 1


def test_signing_for_another_unit_is_refused(client, make_notice, township_accounts):
    issue = make_notice()
    other = receipt_of(issue, township_accounts[1].unit)
    response = post_form(login(client, township_accounts[0]), f"/receipts/{other.id}/sign", {},
                         follow_redirects=True)
    assert says(response.get_data(as_text=True), "You may sign only for your own unit.")
    assert receipt_of(issue, township_accounts[1].unit).status == ReceiptStatus.UNREAD


def test_carried_out_asks_for_a_note_and_keeps_it(client, make_notice, township_accounts, now):
    issue = make_notice(mode="done")
    account = township_accounts[0]
    receipt = receipt_of(issue, account.unit)
    login(client, account)
    empty = post_form(client, f"/receipts/{receipt.id}/done", {"note": " "}, follow_redirects=True)
    assert says(empty.get_data(as_text=True), "Say what was done.")
    assert receipt_of(issue, account.unit).status == ReceiptStatus.UNREAD
    post_form(client, f"/receipts/{receipt.id}/done", {"note": "已组织全镇党员学习。"})
    receipt = receipt_of(issue, account.unit)
    assert (receipt.status, receipt.note, receipt.done_by_id) == (
        ReceiptStatus.DONE, "已组织全镇党员学习。", account.id)
    assert "已组织全镇党员学习" not in " ".join(a.reason for a in log())


def test_a_read_only_notice_takes_no_carried_out(client, make_notice, township_accounts):
    issue = make_notice(mode="read")
    receipt = receipt_of(issue, township_accounts[0].unit)
    response = post_form(login(client, township_accounts[0]), f"/receipts/{receipt.id}/done",
                         {"note": "已落实"}, follow_redirects=True)
    assert says(response.get_data(as_text=True), "This notice asks only for a read receipt.")
    assert receipt_of(issue, township_accounts[0].unit).status == ReceiptStatus.UNREAD


def test_the_notice_page_offers_the_units_account_its_sign_button(client, make_notice,
                                                                  township_accounts):
    issue = make_notice()
    receipt = receipt_of(issue, township_accounts[0].unit)
    page = login(client, township_accounts[0]).get(f"/t/{issue.thread_id}").get_data(as_text=True)
    assert f"/receipts/{receipt.id}/sign" in page


def test_target_units_accounts_are_notified_of_a_new_notice(make_notice, township_accounts):
    make_notice()
    kinds = db.session.execute(db.select(Notification.user_id, Notification.kind)).all()
    assert sorted(kinds) == sorted((a.id, "receipt_request") for a in township_accounts)


def test_only_unit_accounts_have_an_inbox(client, member):
    assert login(client, member).get("/receipts").status_code == 403
