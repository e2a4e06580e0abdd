"""The kill test (issue 24): members post replies through HTTP to an app server while its
workers are killed with SIGKILL and then the whole server is killed and started again, as
systemd restarts a unit. Afterwards every reply a member saw acknowledged (a 302) is in
the database once and intact, and found by search (the search outbox applies what the
killed workers left); `forum recount` changes nothing; SQLite's integrity check passes.
On SQLite and PostgreSQL. Its counts go to bench/RESULTS.md (run with -s to see them)."""
import os
import signal
import threading
import time

from sqlalchemy import inspect, select, text

from forum.extensions import db
from forum.settings import put_setting
from tests.deploy.load import Member, Tally, wait_for_an_empty_outbox
from tests.deploy.servers import free_port, gunicorn_server
from tests.factories import make_board, make_thread, make_user

CLIENTS = 6
WORKER_KILLS = 3


def _kill(*pids):
    for pid in pids:
        os.kill(pid, signal.SIGKILL)


def _rows():
    """Every table's rows; a site counter at 0 is left out, as a missing one reads 0 (the
    recount writes the training centre's, which no reply touches)."""
    with db.engine.connect() as connection:
        rows = {table: sorted(map(tuple, connection.execute(select(db.metadata.tables[table]))))
                for table in inspect(connection).get_table_names() if table in db.metadata.tables}
    rows["site_counter"] = [row for row in rows["site_counter"] if row[1] != 0]
    return rows


def test_every_acknowledged_reply_survives_killed_workers_and_a_killed_server(app):
    put_setting("post_interval_seconds", 0)  # flood control would refuse most replies
    thread = make_thread(board=make_board(), title="杀进程测试")
    names = [make_user(username=f"killer{n}").username for n in range(CLIENTS)]
    db.session.commit()
    port, stop = free_port(), threading.Event()

    with gunicorn_server(workers=2, port=port) as server:
        members = [Member(server.base, name, thread.id, stop) for name in names]
        for member in members:
            member.start()
        for _ in range(WORKER_KILLS):
            time.sleep(2.5)
            _kill(server.workers()[0])  # the master starts another
        time.sleep(2.5)
        _kill(server.process.pid, *server.children())  # as systemd ends the unit's processes
    with gunicorn_server(workers=2, port=port) as server:  # restarted on the same port
        time.sleep(4)
        _kill(server.workers()[0])
        time.sleep(4)
        stop.set()
        for member in members:
            member.join(60)
        drained = wait_for_an_empty_outbox()

    tally = Tally(members, thread.id)
    print(f"\nkill test ({db.engine.dialect.name}): {tally}")

    assert len(tally.acknowledged) > 50 and drained
    assert tally.all_kept_once_and_found(), str(tally)
    assert tally.answers[500] == 0
    before = _rows()
    assert app.test_cli_runner().invoke(args=["forum", "recount"]).exit_code == 0
    after = _rows()
    assert after == before, repr([(t, before[t], after[t]) for t in before if before[t] != after[t]])
    if db.engine.dialect.name == "sqlite":
        with db.engine.connect() as connection:
            assert connection.execute(text("PRAGMA integrity_check")).scalar() == "ok"

