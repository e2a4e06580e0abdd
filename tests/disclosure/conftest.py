"""Fixtures of 党务公开: the organisation department, its disclosure board, its unit
account, and a factory that publishes through the service."""
from datetime import date

import pytest

from forum.disclosure import period
from forum.disclosure.models import PUBLIC_NOTICE_KINDS, DisclosureKind
from forum.disclosure.services import publish_disclosure
from forum.extensions import db
from forum.models import Board, Unit
from tests.factories import make_board, make_unit, make_user

MONDAY = date(2024, 6, 3)  # a working week without holidays: 3-7 June 2024
TWO_PEOPLE = [
    {"name": "张三", "sex": "男", "born": "1980-05", "current_post": "某镇党委副书记",
     "proposed": "某镇党委书记"},
    {"name": "李四", "sex": "女", "born": "1986-11", "current_post": "县委组织部干部科科长",
     "proposed": "县委组织部副部长"},
]


@pytest.fixture()
def today(monkeypatch):
    """The forum's clock, set to MONDAY; move it with `today.set(day)`."""
    class Clock:
        day = MONDAY

        def set(self, day):
            self.day = day

    clock = Clock()
    monkeypatch.setattr(period, "today", lambda: clock.day)
    return clock


@pytest.fixture()
def org_unit():
    """县委组织部: the seeded one where a test seeds the forum."""
    return (db.session.execute(db.select(Unit).where(Unit.slug == "xianweizuzhibu")).scalar()
            or make_unit(name="县委组织部", kind="党委部门", slug="xianweizuzhibu"))


@pytest.fixture()
def disclosure_board(org_unit):
    """党务公开, owned by the organisation department (the seeded one, if seeded)."""
    return (db.session.execute(db.select(Board).where(Board.slug == "disclosure")).scalar()
            or make_board(type="disclosure", slug="disclosure", name="党务公开", unit=org_unit))


@pytest.fixture()
def issuer(org_unit):
    return make_user(username="zuzhibu", unit_id=org_unit.id, is_unit_account=True,
                     is_verified=True)


@pytest.fixture()
def make_disclosure(disclosure_board, issuer):
    """make_disclosure(kind=..., title=..., starts_on=..., ...): published by the
    organisation department's account unless `board`/`by` say otherwise."""
    def make(*, kind=DisclosureKind.PRE_APPOINTMENT, title="干部任前公示", body="经研究，拟任用以下同志。",
             doc_number="", starts_on=None, ends_on=None, people=None, board=None, by=None):
        notice = kind in PUBLIC_NOTICE_KINDS
        return publish_disclosure(
            board or disclosure_board, by or issuer, kind=kind, title=title, body=body,
            doc_number=doc_number, starts_on=starts_on or (period.today() if notice else None),
            ends_on=ends_on, people=(TWO_PEOPLE if notice else []) if people is None else people)
    return make
