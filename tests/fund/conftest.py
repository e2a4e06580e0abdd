"""Fixtures of 党内关怀基金: the organisation department's fund board, its unit account,
two treasurers, a member, an appeal, and helpers that record through the services."""
from datetime import date

import pytest

from forum.boards.roles import grant
from forum.extensions import db
from forum.fund import services
from forum.fund.services import (approve_disbursement, record_disbursement, record_donation,
                                 start_appeal)
from forum.models import Board, Role, Unit
from tests.factories import make_board, make_unit, make_user

TODAY = date(2026, 3, 20)


@pytest.fixture(autouse=True)
def today(monkeypatch):
    """The fund's calendar, set to TODAY."""
    monkeypatch.setattr(services, "today", lambda: TODAY)
    return TODAY


@pytest.fixture()
def org_unit():
    return (db.session.execute(db.select(Unit).where(Unit.slug == "xianweizuzhibu")).scalar()
            or make_unit(name="县委组织部", kind="党委部门", slug="xianweizuzhibu"))


@pytest.fixture()
def fund_board(org_unit):
    """党内关怀基金, owned by the organisation department (the seeded one, if seeded)."""
    return (db.session.execute(db.select(Board).where(Board.slug == "care-fund")).scalar()
            or make_board(type="fund", slug="care-fund", name="党内关怀基金", unit=org_unit))


@pytest.fixture()
def keeper(org_unit):
    """The owning unit's account, a treasurer by right."""
    return make_user(username="zuzhibu", unit_id=org_unit.id, is_unit_account=True,
                     is_verified=True)


@pytest.fixture()
def treasurer(fund_board):
    user = make_user(username="caiwu1", is_verified=True)
    grant(user, fund_board, Role.TREASURER)
    return user


@pytest.fixture()
def second_treasurer(fund_board):
    user = make_user(username="caiwu2", is_verified=True)
    grant(user, fund_board, Role.TREASURER)
    return user


@pytest.fixture()
def appeal(fund_board, treasurer):
    return start_appeal(fund_board, treasurer, title="关爱困难党员倡议", body="请伸出援手。",
                        target="100,000", starts_on=date(2026, 1, 1), ends_on=date(2026, 12, 31),
                        how_to_give="转账：织金县农村信用社 账号 6200 0000 0000")


def donate(appeal, by, amount="100", **fields):
    """A donation through the service, a named person's on TODAY unless told."""
    values = {"occurred_on": TODAY, "donor_kind": "person", "donor_name": "王某",
              "channel": "transfer", "receipt_number": "R001", **fields}
    return record_donation(appeal, by, amount=amount, **values)


def disburse(appeal, by, amount="50", approved_by=None, **fields):
    """A disbursement through the service, approved by `approved_by` if given."""
    values = {"occurred_on": TODAY, "approval_ref": "组字〔2026〕1号", "purpose": "春节慰问",
              "recipient": "某乡镇困难党员", **fields}
    entry = record_disbursement(appeal, by, amount=amount, **values)
    if approved_by is not None:
        approve_disbursement(entry, approved_by)
    return entry
