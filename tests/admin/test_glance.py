"""The admin home at a glance: queues, overdue letters, today's figures from the counters,
disk use and versions, and warnings (an old real-name request, a nearly full disk)."""
from datetime import timedelta

import pytest
from sqlalchemy import text

from forum.admin import glance
from forum.auth.verification import request_verification
from forum.extensions import db
from forum.models import Letter, Verification
from forum.models.base import utcnow
from tests.checks import says
from tests.conftest import login
from tests.factories import make_thread, make_user

STALE = ("%(num)d real-name request has waited more than %(days)d days.",
         "%(num)d real-name requests have waited more than %(days)d days.")


@pytest.fixture()
def admin(app):
    return login(app.test_client(), make_user(admin_role="system"))


def test_the_admin_home_shows_queues_todays_posts_disk_and_versions(admin):
    make_thread(replies=2)
    page = admin.get("/admin/").get_data(as_text=True)
    for heading in ("Waiting", "Today", "Disk", "Versions running"):
        assert says(page, heading)
    figures = glance.today_figures()
    assert (figures["posts_today"], figures["members_today"]) == (3, figures["members"])
    head = db.session.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
    assert "Flask" in page and "SQLAlchemy" in page and f"<dd>{head}</dd>" in page


def test_a_real_name_request_older_than_three_days_is_a_warning(app, admin):
    from flask_babel import ngettext

    member = make_user()
    request_verification(member, "张三", "13800000000", consent=True)
    assert ngettext(*STALE, 1, days=3) not in admin.get("/admin/").get_data(as_text=True)
    db.session.execute(db.update(Verification).values(created_at=utcnow() - timedelta(days=4)))
    db.session.commit()
    assert ngettext(*STALE, 1, days=3) in admin.get("/admin/").get_data(as_text=True)


def test_a_nearly_full_disk_is_a_warning(monkeypatch, admin):
    monkeypatch.setattr(glance.shutil, "disk_usage", lambda path: type(
        "Usage", (), {"total": 100, "used": 95, "free": 5})())
    page = admin.get("/admin/").get_data(as_text=True)
    assert says(page, "The disk is nearly full: %(used)s of %(total)s used. Uploads and the "
                "search index stop when it is.", used="95 Bytes", total="100 Bytes")


def test_the_audit_admin_sees_no_figures_on_the_admin_home(app):
    page = login(app.test_client(), make_user(admin_role="audit")).get("/admin/").get_data(as_text=True)
    assert not says(page, "Waiting") and not says(page, "Disk")


def test_the_admin_home_takes_a_fixed_number_of_statements(admin, count_queries):
    admin.get("/admin/")
    with count_queries() as queries:
        admin.get("/admin/")
    assert len(queries) <= 14  # PostgreSQL is asked its database size; the last backup's time


def test_the_admin_home_scans_no_growing_table(app, admin):
    """Without statistics (a handful of rows would make a scan the cheaper plan), every
    count over a growing table has an index to serve it."""
    from tests.letters.helpers import make_box, write
    from tests.test_query_plans import GROWING, _scanned, _statements

    for _ in range(3):
        make_thread(replies=1)
    write(login(app.test_client(), make_user(is_verified=True)), make_box(), guest=False)
    assert db.session.execute(db.select(db.func.count(Letter.id))).scalar() == 1
    scans = [f"{table} in {statement!r}" for statement, parameters in _statements(admin, "/admin/")
             for table in _scanned(statement, parameters) if table in GROWING]
    assert not scans, "\n".join(scans)
