"""The database going away and coming back (issue 24): requests fail with a translated
503 page, not a 500, while it is gone, and the app recovers without a restart (the
pool's pre-ping replaces dead connections)."""
import sqlite3

import pytest
from sqlalchemy import event, text

from forum.extensions import db
from tests.conftest import login
from tests.deploy.servers import free_port
from tests.factories import make_thread, make_user
from tests.faults.conftest import second_app


def _unavailable(response):
    page = response.get_data(as_text=True)
    return response.status_code == 503 and "论坛暂时无法访问" in page and "Traceback" not in page


def test_a_database_that_does_not_answer_gets_a_translated_503_page(monkeypatch, tmp_path):
    away = second_app(monkeypatch, tmp_path,
                      f"postgresql://postgres@127.0.0.1:{free_port()}/forum")  # nothing listens
    client = away.test_client()

    for response in (client.get("/"), client.get("/t/1"), client.get("/search?q=党建")):
        assert _unavailable(response), response.get_data(as_text=True)[:500]
    assert response.headers["Retry-After"] == "30"


def test_a_locked_sqlite_database_answers_503_then_serves_again_once_free(sqlite_app, tmp_path):
    with sqlite_app.app_context():
        thread = make_thread(title="锁库测试")
        event.listen(db.engine, "connect",
                     lambda connection, _record: connection.execute("PRAGMA busy_timeout=50"))
        db.engine.dispose()  # new connections wait 50 ms for a lock, not 10 s
    client = sqlite_app.test_client()
    locker = sqlite3.connect(tmp_path / "forum.db")
    locker.execute("PRAGMA locking_mode=EXCLUSIVE")
    locker.execute("BEGIN EXCLUSIVE")

    assert _unavailable(client.get(f"/t/{thread.id}"))
    locker.close()
    assert "锁库测试" in client.get(f"/t/{thread.id}").get_data(as_text=True)


def test_the_app_serves_again_after_the_database_dropped_its_connections(app, client):
    if db.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL: its server ends the app's connections")
    thread_id = make_thread(title="重启之后").id
    login(client, make_user())
    assert client.get(f"/t/{thread_id}").status_code == 200
    db.session.remove()  # the test's own connection goes back to the pool, to be ended too
    with db.engine.connect() as connection:  # as a restart does, to every other connection
        connection.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                "WHERE datname = current_database() AND pid <> pg_backend_pid()"))

    assert "重启之后" in client.get(f"/t/{thread_id}").get_data(as_text=True)
