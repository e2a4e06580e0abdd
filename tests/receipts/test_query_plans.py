"""The receipts' pages scan no table that grows with use (as tests/test_query_plans.py):
many notices to every unit, then a unit's inbox and header, the issuer's table and a
notice page are requested and each SELECT is explained."""
from forum.extensions import db
from forum.models import Unit
from tests.conftest import login
from tests.factories import make_user
from tests.test_query_plans import _scanned, _statements

GROWING = {"receipt", "notice_issue", "thread", "post", "user", "notification", "urgent_banner"}


def test_the_receipts_pages_scan_no_growing_table(app, seeded, make_notice, issuer, now):
    units = db.session.execute(db.select(Unit.id)).scalars().all()
    first = make_notice(groups=("everyone",))
    for n in range(30):
        make_notice(title=f"通知{n}", groups=("everyone",))
    township = make_user(username="chengguan", unit_id=units[0], is_unit_account=True)
    pages = [(township, "/receipts"), (township, "/"), (township, f"/t/{first.thread_id}"),
             (issuer, f"/notices/{first.thread_id}/receipts"),
             (issuer, f"/notices/{first.thread_id}/receipts?status=overdue&sort=time")]
    scans = []
    for user, path in pages:
        client = login(app.test_client(), user)
        for statement, parameters in _statements(client, path):
            scans += [f"{path}: {table} in {statement!r}"
                      for table in _scanned(statement, parameters) if table in GROWING]
    assert not scans, "\n".join(scans)
