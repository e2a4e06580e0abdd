"""Issuing a notice through its board's start page: issuing unit, 文号, and receipts
asked of groups or single units, with a deadline; bad input stores nothing."""
from datetime import timedelta

from forum.extensions import db
from forum.receipts.models import NoticeIssue, Receipt, ReceiptStatus
from tests.checks import says
from tests.conftest import login, post_form
from tests.receipts.helpers import local, stored


def issue_form(now, **fields):
    return {"title": "关于报送党员信息的通知", "body": "请于本周内报送。", "doc_number": "织组通〔2024〕7号",
            "mode": "read", "groups": ["townships"], "deadline": local(now.moment + timedelta(days=2)),
            **fields}


def test_the_issuer_sends_a_notice_to_all_townships_and_each_gets_a_receipt(
        client, notices_board, issuer, townships, township_accounts, now):
    response = post_form(login(client, issuer), "/b/notices/new", issue_form(now))
    assert response.status_code == 302
    issue = db.session.execute(db.select(NoticeIssue)).scalar_one()
    receipts = db.session.execute(db.select(Receipt)).scalars().all()
    assert (issue.unit_id, issue.doc_number, issue.mode, issue.target_count) == (
        issuer.unit_id, "织组通〔2024〕7号", "read", 3)
    assert {r.unit_id for r in receipts} == {t.id for t in townships}
    assert {r.status for r in receipts} == {ReceiptStatus.UNREAD}
    assert issue.deadline_at == now.moment + timedelta(days=2)


def test_departments_are_not_townships(client, notices_board, issuer, townships, township_accounts,
                                       org_unit, now):
    post_form(login(client, issuer), "/b/notices/new", issue_form(now, groups=["departments"],
                                                                  confirm="y"))
    assert [r.unit_id for r in db.session.execute(db.select(Receipt)).scalars()] == [org_unit.id]


def test_units_without_an_account_are_named_and_nothing_is_stored_until_confirmed(
        client, notices_board, issuer, townships, now):
    login(client, issuer)
    refused = post_form(client, "/b/notices/new", issue_form(now))
    assert refused.status_code == 200
    text = refused.get_data(as_text=True)
    assert "城关镇、三甲乡、自强苗族乡" in text
    assert stored() == (0, 0, 0)
    confirmed = post_form(client, "/b/notices/new", issue_form(now, confirm="y"))
    assert confirmed.status_code == 302 and stored() == (1, 1, 3)


def test_a_deadline_in_the_past_is_refused(client, notices_board, issuer, township_accounts, now):
    response = post_form(login(client, issuer), "/b/notices/new",
                         issue_form(now, deadline=local(now.moment - timedelta(minutes=1))))
    assert response.status_code == 200
    assert says(response.get_data(as_text=True), "The deadline has already passed: choose a later one.")
    assert stored() == (0, 0, 0)


def test_receipts_without_units_or_deadline_are_refused(client, notices_board, issuer,
                                                       township_accounts, now):
    login(client, issuer)
    no_units = post_form(client, "/b/notices/new", issue_form(now, groups=[]))
    no_deadline = post_form(client, "/b/notices/new", issue_form(now, deadline=""))
    assert says(no_units.get_data(as_text=True), "Choose the units that must sign: a group or single units.")
    assert says(no_deadline.get_data(as_text=True), "Give a deadline for the receipts.")
    assert stored() == (0, 0, 0)


def test_a_notice_without_receipts_is_a_plain_notice_with_its_issue_row(
        client, notices_board, issuer, now):
    response = post_form(login(client, issuer), "/b/notices/new",
                         issue_form(now, mode="", groups=[], deadline=""))
    assert response.status_code == 302 and stored() == (1, 1, 0)


def test_chosen_units_are_added_to_a_group(client, notices_board, issuer, townships,
                                           township_accounts, org_unit, now):
    post_form(login(client, issuer), "/b/notices/new",
              issue_form(now, groups=[], units=[str(townships[0].id), str(org_unit.id)], confirm="y"))
    assert {r.unit_id for r in db.session.execute(db.select(Receipt)).scalars()} == {
        townships[0].id, org_unit.id}


def test_only_the_owning_unit_and_admins_issue(client, notices_board, township_accounts, now):
    response = post_form(login(client, township_accounts[0]), "/b/notices/new", issue_form(now))
    assert response.status_code == 403 and stored() == (0, 0, 0)


def test_a_system_admin_issues_in_the_name_of_a_unit_they_choose(
        client, notices_board, system_admin, townships, township_accounts, org_unit, now):
    post_form(login(client, system_admin), "/b/notices/new",
              issue_form(now, unit_id=str(townships[0].id)))
    assert db.session.execute(db.select(NoticeIssue.unit_id)).scalar_one() == townships[0].id


def test_readers_see_the_issuing_unit_number_and_how_many_signed_but_not_who(
        client, make_notice, township_accounts, member):
    from forum.receipts.services import sign_receipt
    from tests.receipts.helpers import receipt_of

    issue = make_notice()
    sign_receipt(receipt_of(issue, township_accounts[0].unit), township_accounts[0])
    page = login(client, member).get(f"/t/{issue.thread_id}").get_data(as_text=True)
    assert "县委组织部" in page and "织组通〔2024〕12号" in page
    assert says(page, "Signed by %(signed)d of %(total)d units", signed=1, total=3)
    assert township_accounts[0].username not in page
    assert f"/notices/{issue.thread_id}/receipts" not in page
