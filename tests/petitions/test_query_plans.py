"""The petitions' parts of pages scan no table that grows with use (as
tests/test_query_plans.py): many petitions in a township board, most transferred, then
the board, a petition's thread, /mod/, the header, the new-thread form and /stats are
requested as a guest, the moderator, the unit account and the petitioner, and each
SELECT is explained."""
from datetime import timedelta

from sqlalchemy import insert, text

from forum.extensions import db
from forum.models import LetterState, Thread
from forum.models.base import utcnow
from forum.petitions.models import Petition
from tests.factories import make_user
from tests.petitions.conftest import TODAY, as_user
from tests.petitions.helpers import petition_in, transferred
from tests.test_query_plans import _scanned, _statements

GROWING = {"petition"}  # the core's tables are guarded, with enough rows, by tests/test_query_plans.py
PETITIONS = 600


def test_the_petition_pages_scan_no_growing_table(app, today, township_board, moderator, petitioner,
                                                  transport, transport_account):
    first = transferred(petition_in(township_board, petitioner), moderator, transport)
    start = utcnow() - timedelta(days=60)
    db.session.execute(insert(Thread), [
        {"board_id": township_board.id, "author_id": petitioner.id, "title": f"诉求{n}",
         "last_post_at": start + timedelta(hours=n), "created_at": start + timedelta(hours=n)}
        for n in range(PETITIONS)])
    ids = db.session.execute(db.select(Thread.id).where(Thread.id != first.thread_id)).scalars().all()
    db.session.execute(insert(Petition), [
        {"thread_id": thread_id, "board_id": township_board.id, "petitioner_id": petitioner.id,
         "kind": "help", "state": LetterState.TRANSFERRED if n % 3 else LetterState.PENDING,
         "unit_id": transport.id if n % 3 else None, "received_on": TODAY, "accept_due": TODAY,
         "answer_due": TODAY, "created_at": start + timedelta(hours=n)}
        for n, thread_id in enumerate(ids)])
    db.session.commit()
    with db.engine.begin() as connection:
        connection.execute(text("ANALYZE"))
    try:
        _check_pages(app, township_board, first, moderator, transport_account, petitioner)
    finally:
        _forget_statistics()


def _check_pages(app, township_board, first, moderator, transport_account, petitioner):
    board, thread = f"/b/{township_board.slug}", f"/t/{first.thread_id}"
    pages = [(None, board), (None, thread), (None, "/stats"), (moderator, "/mod/"),
             (moderator, thread), (transport_account, "/mod/"), (transport_account, "/"),
             (transport_account, thread), (petitioner, f"{board}/new"), (petitioner, thread),
             (make_user(username="sysadmin", admin_role="system"), "/mod/")]
    scans = []
    for user, path in pages:
        client = as_user(app, user) if user else app.test_client()
        for statement, parameters in _statements(client, path):
            scans += [f"{path}: {table} in {statement!r}"
                      for table in _scanned(statement, parameters) if table in GROWING]
    assert not scans, "\n".join(scans)


def _forget_statistics():
    """Leave no planner statistics of this small world to the tests that follow (SQLite
    keeps them in sqlite_stat1, and pooled connections keep what they read)."""
    with db.engine.begin() as connection:
        if connection.dialect.name == "sqlite":
            connection.execute(text("DELETE FROM sqlite_stat1"))
    db.engine.dispose()
