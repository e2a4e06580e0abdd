"""The treasurers' forms through HTTP (CSRF on): an appeal, donations, a disbursement
approved by a second treasurer, a reversal; bad input answers with a clear message beside
its field and stores nothing; anyone else is turned away."""
import pytest

from forum.extensions import db
from forum.fund.models import FundAppeal, FundApproval, FundEntry
from tests.checks import says
from tests.conftest import csrf_token, login
from tests.factories import make_user
from tests.fund.conftest import disburse, donate

DONATION = {"amount": "1,234.56", "occurred_on": "2026-03-01", "donor_kind": "person",
            "donor_name": "王某", "channel": "transfer", "receipt_number": "R-0001"}
DISBURSEMENT = {"amount": "200", "occurred_on": "2026-03-02", "approval_ref": "组字〔2026〕3号",
                "purpose": "春节慰问", "recipient": "某乡镇困难党员"}


def send(client, path, data):
    return client.post(path, data={"csrf_token": csrf_token(client, path), **data})


def stored():
    db.session.expire_all()
    return db.session.execute(db.select(FundEntry).order_by(FundEntry.id)).scalars().all()


def test_a_treasurer_starts_an_appeal_from_the_boards_start_page(client, fund_board, treasurer):
    login(client, treasurer)
    response = send(client, f"/b/{fund_board.slug}/new", {
        "title": "2026年春节关爱倡议", "body": "为困难党员送温暖。", "target": "50,000.00",
        "starts_on": "2026-01-10", "ends_on": "2026-02-10", "how_to_give": "现场捐款：县委组织部"})
    appeal = db.session.execute(db.select(FundAppeal)).scalar_one()
    assert response.headers["Location"].endswith(f"/t/{appeal.thread_id}")
    assert appeal.target_fen == 5_000_000
    page = client.get(f"/t/{appeal.thread_id}").get_data(as_text=True)
    assert says(page, "Raised %(raised)s of %(target)s", raised="¥0.00", target="¥50,000.00")


def test_a_member_may_discuss_an_appeal_but_not_start_one(client, fund_board, appeal):
    login(client, make_user(username="member"))
    assert client.get(f"/b/{fund_board.slug}/new").status_code == 403
    response = send(client, f"/t/{appeal.thread_id}/reply", {"body": "我也捐一点。"})
    assert response.status_code == 302


def test_a_donation_recorded_through_the_form_shows_on_the_appeal(client, appeal, treasurer):
    login(client, treasurer)
    response = send(client, f"/fund/appeals/{appeal.id}/donations", DONATION)
    assert response.status_code == 302
    [entry] = stored()
    assert (entry.amount_fen, entry.donor_name) == (123456, "王某")
    assert entry.recorded_by_id == treasurer.id
    page = client.get(f"/t/{appeal.thread_id}").get_data(as_text=True)
    assert "¥1,234.56" in page and says(page, "Receipt %(n)s", n="R-0001")


def test_a_disbursement_waits_until_a_second_treasurer_approves_it(client, app, appeal, treasurer,
                                                                 second_treasurer, fund_board):
    donate(appeal, treasurer, "500")
    login(client, treasurer)
    send(client, f"/fund/appeals/{appeal.id}/disbursements", DISBURSEMENT)
    entry = stored()[-1]
    queue = client.get(f"/fund/{fund_board.slug}/approvals").get_data(as_text=True)
    assert says(queue, "Recorded by you: another treasurer approves it.")
    send(client, f"/fund/entries/{entry.id}/approve", {})
    assert db.session.execute(db.select(FundApproval)).first() is None
    other = app.test_client()
    login(other, second_treasurer)
    send(other, f"/fund/entries/{entry.id}/approve", {})
    approver = db.session.execute(db.select(FundApproval.approved_by_id)).scalar()
    assert approver == second_treasurer.id
    assert "春节慰问" in client.get(f"/t/{appeal.thread_id}").get_data(as_text=True)


def test_a_reversal_through_the_form_names_the_entry_it_corrects(client, appeal, treasurer):
    gift = donate(appeal, treasurer, "88")
    login(client, treasurer)
    send(client, f"/fund/appeals/{appeal.id}/reversals", {"entry": str(gift.id), "reason": "金额录错"})
    assert [(e.kind, e.amount_fen, e.reverses_id) for e in stored()] == [
        ("donation", 8800, None), ("reversal", -8800, gift.id)]


ZERO = "An amount must be more than zero."
REQUIRED = "This field is required."
IDENTIFIES = ("Describe the recipient without identifying them (e.g. 某乡镇困难党员): no phone or "
              "ID number.")


@pytest.mark.parametrize("path,fields,field,message", [
    ("donations", {"amount": "0"}, "amount", ZERO),
    ("donations", {"amount": "-12"}, "amount", ZERO),
    ("donations", {"amount": "12.345"}, "amount", "An amount has at most two decimals (fen)."),
    ("donations", {"amount": "十二元"}, "amount", "Give the amount in yuan, e.g. 1,234.56."),
    ("donations", {"donor_kind": ""}, "donor_kind",
     "Choose who gave: a person, a unit or anonymous."),
    ("donations", {"donor_name": ""}, "donor_name", REQUIRED),
    ("donations", {"channel": "wechat"}, "channel", "Choose how the gift arrived."),
    ("donations", {"receipt_number": ""}, "receipt_number", REQUIRED),
    ("donations", {"occurred_on": "2027-01-01"}, "occurred_on",
     "Give a date between 2000-01-01 and today."),
    ("disbursements", {"amount": "100.01"}, "amount",
     "The appeal's balance is %(balance)s: a disbursement cannot exceed it."),
    ("disbursements", {"recipient": "困难党员张三 13912345678"}, "recipient", IDENTIFIES),
    ("disbursements", {"recipient": "522425198001011234"}, "recipient", IDENTIFIES),
    ("disbursements", {"approval_ref": ""}, "approval_ref", REQUIRED),
    ("reversals", {"entry": "abc"}, "entry",
     "There is no entry with that number in this fund's ledger."),
])
def test_bad_input_is_answered_beside_its_field_and_nothing_is_stored(client, appeal, treasurer,
                                                                     path, fields, field, message):
    donate(appeal, treasurer, "100")
    login(client, treasurer)
    base = {"donations": DONATION, "disbursements": DISBURSEMENT,
            "reversals": {"entry": "1", "reason": "录错"}}[path]
    response = send(client, f"/fund/appeals/{appeal.id}/{path}", {**base, **fields})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert f'id="{field}-error"' in html and says(html, message, balance="¥100.00")
    assert len(stored()) == 1


@pytest.mark.parametrize("who", ["member", "moderator", "system"])
def test_only_treasurers_reach_the_ledger_forms(client, fund_board, appeal, treasurer, who):
    from forum.boards.roles import grant
    user = make_user(username=who, admin_role="system" if who == "system" else None)
    if who == "moderator":
        grant(user, fund_board, "moderator")
    gift = donate(appeal, treasurer, "100")
    waiting = disburse(appeal, treasurer, "10")
    login(client, user)
    for path in ("donations", "disbursements", "reversals"):
        assert client.get(f"/fund/appeals/{appeal.id}/{path}").status_code == 403
        assert send(client, f"/fund/appeals/{appeal.id}/{path}", DONATION).status_code == 403
    assert client.get(f"/fund/{fund_board.slug}/approvals").status_code == 403
    assert send(client, f"/fund/entries/{waiting.id}/approve", {}).status_code == 404
    assert send(client, f"/fund/entries/{gift.id}/approve", {}).status_code == 403
    assert len(stored()) == 2 and db.session.execute(db.select(FundApproval)).first() is None
