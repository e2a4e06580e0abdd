"""The ledger through its services: append-only, reversals, two people for money out,
every rule refused with nothing stored, and an audit row with who for each write."""
import inspect

import pytest
from sqlalchemy.exc import DBAPIError

from forum.extensions import db
from forum.fund import queries, services
from forum.fund.models import FundApproval, FundEntry
from forum.fund.services import approve_disbursement, reverse_entry
from forum.models import ModAction
from tests.factories import make_user
from tests.fund.helpers import refused
from tests.fund.conftest import disburse, donate


BALANCE = "The appeal's balance is %(balance)s: a disbursement cannot exceed it."


def entries():
    db.session.expire_all()
    return db.session.execute(db.select(FundEntry).order_by(FundEntry.id)).scalars().all()


def totals(appeal):
    return queries.appeal_totals(appeal)


def test_donations_and_an_approved_disbursement_make_the_totals(appeal, treasurer,
                                                                second_treasurer):
    donate(appeal, treasurer, "1,234.56")
    donate(appeal, treasurer, "0.44", donor_kind="anonymous", donor_name="")
    disburse(appeal, treasurer, "200", approved_by=second_treasurer)
    assert totals(appeal) == queries.Totals(given=123500, spent=20000, donations=2)
    assert totals(appeal).balance == 103500


def test_a_disbursement_counts_only_once_a_second_treasurer_approves_it(appeal, treasurer,
                                                                        second_treasurer):
    donate(appeal, treasurer, "100")
    entry = disburse(appeal, treasurer, "60")
    assert totals(appeal).spent == 0
    with refused("A disbursement is approved by a second person, not by the one who "
                 "recorded it."):
        approve_disbursement(entry, treasurer)
    approve_disbursement(entry, second_treasurer)
    assert totals(appeal).spent == 6000


def test_the_owning_units_account_approves_as_a_treasurer(appeal, treasurer, keeper):
    donate(appeal, treasurer, "100")
    entry = disburse(appeal, treasurer, "60", approved_by=keeper)
    assert db.session.get(FundApproval, 1).approved_by_id == keeper.id
    assert totals(appeal).spent == entry.amount_fen


def test_an_approval_is_given_once(appeal, treasurer, second_treasurer, keeper):
    donate(appeal, treasurer, "100")
    entry = disburse(appeal, treasurer, "60", approved_by=second_treasurer)
    with refused("Only a disbursement waiting for approval can be approved."):
        approve_disbursement(entry, keeper)


def test_a_reversal_cancels_its_entry_and_both_stay_in_the_ledger(appeal, treasurer):
    wrong = donate(appeal, treasurer, "1000")
    donate(appeal, treasurer, "100")
    reverse_entry(appeal, treasurer, entry_id=wrong.id, reason="金额录错")
    assert [(e.kind, e.amount_fen, e.reverses_id) for e in entries()] == [
        ("donation", 100000, None), ("donation", 10000, None), ("reversal", -100000, wrong.id)]
    assert totals(appeal) == queries.Totals(given=10000, spent=0, donations=1)


def test_reversing_an_approved_disbursement_gives_the_money_back(appeal, treasurer,
                                                                 second_treasurer):
    donate(appeal, treasurer, "100")
    paid = disburse(appeal, treasurer, "60", approved_by=second_treasurer)
    reverse_entry(appeal, treasurer, entry_id=paid.id, reason="重复登记")
    assert totals(appeal) == queries.Totals(given=10000, spent=0, donations=1)


@pytest.mark.parametrize("case,message", [
    ("reversal", "A reversal is not reversed: record the right entry anew."),
    ("twice", "This entry has already been reversed."),
    ("other appeal", "Entry #%(n)d belongs to another appeal: reverse it there."),
    ("unknown", "There is no entry with that number in this fund's ledger."),
    ("waiting", "A disbursement waiting for approval does not count yet: there is nothing "
                "to reverse.")])
def test_a_bad_reversal_is_refused_and_nothing_is_stored(appeal, fund_board, treasurer, case,
                                                         message):
    from tests.fund.conftest import TODAY
    other = services.start_appeal(fund_board, treasurer, title="另一倡议", body="内容", target="10",
                                  starts_on=TODAY, ends_on=TODAY, how_to_give="现场")
    gift = donate(appeal, treasurer, "100")
    first = reverse_entry(appeal, treasurer, entry_id=gift.id, reason="录错")
    elsewhere = donate(other, treasurer, "5")
    donate(appeal, treasurer, "50")
    waiting = disburse(appeal, treasurer, "1") if case == "waiting" else None
    before = len(entries())
    target = {"reversal": first.id, "twice": gift.id, "other appeal": elsewhere.id,
              "unknown": 999, "waiting": waiting and waiting.id}[case]
    with refused(message, n=elsewhere.id):
        reverse_entry(appeal, treasurer, entry_id=target, reason="再冲")
    assert len(entries()) == before


def test_a_disbursement_above_the_balance_is_refused(appeal, treasurer, second_treasurer):
    donate(appeal, treasurer, "100")
    with refused(BALANCE, balance="¥100.00"):
        disburse(appeal, treasurer, "100.01")
    assert len(entries()) == 1


def test_an_approval_above_the_balance_is_refused(appeal, treasurer, second_treasurer):
    donate(appeal, treasurer, "100")
    first, second = disburse(appeal, treasurer, "80"), disburse(appeal, treasurer, "80")
    approve_disbursement(first, second_treasurer)
    with refused(BALANCE, balance="¥20.00"):
        approve_disbursement(second, second_treasurer)
    assert db.session.execute(db.select(db.func.count(FundApproval.id))).scalar() == 1


@pytest.mark.parametrize("recipient", ["困难党员 13812345678", "某村 138-1234-5678",
                                       "522425198001011234", "身份证52242519800101123X"])
def test_a_recipient_with_a_phone_or_an_id_number_is_refused(appeal, treasurer, recipient):
    donate(appeal, treasurer, "100")
    with refused("Describe the recipient without identifying them (e.g. 某乡镇困难党员): no "
                 "phone or ID number.") as refusal:
        disburse(appeal, treasurer, "10", recipient=recipient)
    assert refusal.value.field == "recipient"
    assert len(entries()) == 1


def test_a_member_who_is_not_a_treasurer_records_nothing(appeal, treasurer, second_treasurer):
    member = make_user(username="member")
    gift = donate(appeal, treasurer, "100")
    for act in (lambda: donate(appeal, member, "5"), lambda: disburse(appeal, member, "5"),
                lambda: reverse_entry(appeal, member, entry_id=gift.id, reason="x")):
        with refused("Only the fund's treasurers keep its ledger."):
            act()
    assert len(entries()) == 1


def test_an_anonymous_gift_stores_no_name_and_no_log_names_any_donor(appeal, treasurer,
                                                                     second_treasurer):
    donate(appeal, treasurer, "500", donor_kind="anonymous", donor_name="张匿名")
    gift = donate(appeal, treasurer, "20", donor_name="李具名")
    reverse_entry(appeal, treasurer, entry_id=gift.id, reason="录错")
    disburse(appeal, treasurer, "10", approved_by=second_treasurer)
    assert entries()[0].donor_name is None
    logged = db.session.execute(db.select(ModAction).where(ModAction.action.like("fund_%"))
                                .order_by(ModAction.id)).scalars().all()
    assert [(row.action, row.actor_id, row.reason) for row in logged] == [
        ("fund_appeal", treasurer.id, "¥100,000.00"),
        ("fund_donation", treasurer.id, "¥500.00"), ("fund_donation", treasurer.id, "¥20.00"),
        ("fund_reversal", treasurer.id, f"-¥20.00 (#{gift.id})"),
        ("fund_disbursement", treasurer.id, "¥10.00"),
        ("fund_approval", second_treasurer.id, "¥10.00")]
    dump = " ".join(str(value) for row in logged for value in vars(row).values())
    assert "张匿名" not in dump and "李具名" not in dump


def test_the_services_have_no_way_to_change_or_remove_an_entry(appeal, treasurer,
                                                                second_treasurer, count_queries):
    public = {name for name, _f in inspect.getmembers(services, inspect.isfunction)
              if not name.startswith("_") and _f.__module__ == services.__name__}
    assert public - {"today"} == {"start_appeal", "record_donation", "record_disbursement",
                                  "reverse_entry", "approve_disbursement"}
    with count_queries() as run:
        gift = donate(appeal, treasurer, "100")
        reverse_entry(appeal, treasurer, entry_id=gift.id, reason="录错")
        donate(appeal, treasurer, "100")
        disburse(appeal, treasurer, "10", approved_by=second_treasurer)
    writes = [s.split()[:3] for s in run.statements
              if s.lstrip().upper().startswith(("UPDATE", "DELETE"))]
    assert not [w for w in writes if any("fund" in word for word in w)]


@pytest.mark.parametrize("statement", ["UPDATE fund_entry SET amount_fen = 1",
                                       "DELETE FROM fund_entry",
                                       "UPDATE fund_approval SET approved_by_id = 1",
                                       "DELETE FROM fund_approval"])
def test_the_database_refuses_to_change_or_remove_a_ledger_row(appeal, treasurer,
                                                               second_treasurer, statement):
    donate(appeal, treasurer, "100")
    disburse(appeal, treasurer, "10", approved_by=second_treasurer)
    with pytest.raises(DBAPIError, match="append-only"):
        db.session.execute(db.text(statement))
    db.session.rollback()
    assert len(entries()) == 2
