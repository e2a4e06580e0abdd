"""Fixtures of 工作通知 receipts: the organisation department and its 工作通知 board, its
unit account, townships with and without accounts, a clock the tests move, and a
factory that issues through the service."""
from datetime import datetime, timedelta

import pytest

from forum.extensions import db
from forum.models import AdminRole, Board, Unit
from forum.receipts import banners, clock
from forum.receipts.services import issue_notice
from tests.factories import make_board, make_unit, make_user

NOW = datetime(2024, 6, 3, 2, 0)  # 10:00 in Zhijin, Monday 3 June 2024 (naive UTC)


@pytest.fixture(autouse=True)
def _fresh_banner():
    """Each test reads the banner from its own database (the worker's copy is per process)."""
    banners.forget()
    yield
    banners.forget()


@pytest.fixture()
def now(monkeypatch):
    """The receipts' clock, set to NOW; move it with `now.set(moment)` or `now.move(hours=)`."""
    class Clock:
        moment = NOW

        def set(self, moment):
            self.moment = moment

        def move(self, **delta):
            self.moment += timedelta(**delta)

    fixed = Clock()
    monkeypatch.setattr(clock, "now", lambda: fixed.moment)
    return fixed


def unit_named(slug, name, kind):
    """The seeded unit with this slug, else a new one."""
    return (db.session.execute(db.select(Unit).where(Unit.slug == slug)).scalar()
            or make_unit(name=name, kind=kind, slug=slug))


@pytest.fixture()
def org_unit():
    return unit_named("xianweizuzhibu", "县委组织部", "党委部门")


@pytest.fixture()
def notices_board(org_unit):
    """工作通知, owned by the organisation department (the seeded one, if seeded)."""
    return (db.session.execute(db.select(Board).where(Board.slug == "notices")).scalar()
            or make_board(type="notice", slug="notices", name="工作通知", unit=org_unit))


@pytest.fixture()
def issuer(org_unit):
    return make_user(username="zuzhibu", unit_id=org_unit.id, is_unit_account=True,
                     is_verified=True)


@pytest.fixture()
def townships():
    """Three townships (the seeded ones, if seeded)."""
    return [unit_named("chengguanzhen", "城关镇", "镇"), unit_named("sanjiaxiang", "三甲乡", "乡"),
            unit_named("ziqiangmiaozuxiang", "自强苗族乡", "民族乡")]


@pytest.fixture()
def township_accounts(townships):
    """One unit account per township of `townships`."""
    return [make_user(username=f"township{n}", unit_id=unit.id, is_unit_account=True,
                      is_verified=True) for n, unit in enumerate(townships)]


@pytest.fixture()
def system_admin():
    return make_user(username="sysadmin", admin_role=AdminRole.SYSTEM)


@pytest.fixture()
def make_notice(notices_board, issuer, now):
    """make_notice(mode=..., groups=..., ...): issued by the organisation department,
    confirmed for units without accounts, with a deadline a day after NOW."""
    def make(*, title="关于开展党建工作检查的通知", mode="read", groups=("townships",), unit_ids=(),
             deadline_at=None, doc_number="织组通〔2024〕12号", board=None, by=None):
        return issue_notice(board or notices_board, by or issuer, title=title,
                            body="请各单位按要求落实。", doc_number=doc_number, mode=mode,
                            groups=groups, unit_ids=unit_ids,
                            deadline_at=deadline_at or now.moment + timedelta(days=1),
                            confirmed=True)
    return make
