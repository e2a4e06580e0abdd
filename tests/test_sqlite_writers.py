"""SQLite's writers queue (forum/sqlite_writers.py): parallel write transactions take turns
from their first write to their commit, all of them commit, and the queue is let go."""
import fcntl
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import update

from forum.extensions import db
from forum.models import User
from tests.factories import make_user

@pytest.fixture()
def sqlite_only():
    if db.engine.dialect.name != "sqlite":
        pytest.skip("the queue is SQLite's")


def test_parallel_write_transactions_take_turns_and_all_commit(app, sqlite_only):
    user_id = make_user(post_count=0).id
    inside, most, lock = [0], [0], threading.Lock()
    barrier = threading.Barrier(8)

    def write():
        barrier.wait()
        with app.app_context(), db.engine.begin() as connection:
            connection.execute(update(User).where(User.id == user_id)
                               .values(post_count=User.post_count + 1))
            with lock:  # from the first write to the commit, alone
                inside[0] += 1
                most[0] = max(most[0], inside[0])
            threading.Event().wait(0.01)
            with lock:
                inside[0] -= 1

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda _: write(), range(8)))
    db.session.expire_all()
    assert db.session.get(User, user_id).post_count == 8
    assert most[0] == 1


def test_the_queue_is_let_go_after_a_commit_and_after_a_rollback(app, sqlite_only):
    user = make_user()
    for finish in ("commit", "rollback"):
        with db.engine.connect() as connection:
            connection.execute(update(User).where(User.id == user.id).values(post_count=3))
            getattr(connection, finish)()
            with open(f"{db.engine.url.database}-writer") as handle:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)  # raises if still held
                fcntl.flock(handle, fcntl.LOCK_UN)
