"""Several processes writing one index: no LockError reaches anyone, no update is lost
(forum/search/adapter.py `drain`: the outbox's rows, applied by one lock holder at a time)."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from forum.search.adapter import backend, drain, search
from forum.access import Guest
from forum.search.outbox import SearchChange
from tests.factories import make_board, make_thread, make_user

ROOT = Path(__file__).resolve().parents[2]
WORKER = """
import sys
from config import TestingConfig
from forum import create_app
from forum.search.adapter import apply_changes
from forum.search.changes import Changes

app = create_app(TestingConfig())
with app.app_context():
    for post_id in map(int, sys.argv[1:]):
        apply_changes(Changes(posts=[post_id]))
"""


def _posts(count):
    board, author = make_board(), make_user()
    threads = [make_thread(board=board, author=author, title=f"并发写入{n}", body="zzconcurrent")
               for n in range(count)]
    backend().clear()  # as if never indexed: the workers index them
    return [thread.id for thread in threads]  # thread ids equal first-post ids here


def _run_workers(id_lists):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    workers = [subprocess.Popen([sys.executable, "-c", WORKER, *map(str, ids)],
                                cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)
               for ids in id_lists]
    return [(worker.wait(timeout=300), worker.stderr.read()) for worker in workers]


def _found():
    return {hit.post.id for hit in search("zzconcurrent", Guest()).hits}


def _rows():
    return SearchChange.query.count()


def test_two_processes_writing_at_once_lose_nothing_and_raise_nothing():
    ids = _posts(20)
    outcomes = _run_workers([ids[0::2], ids[1::2]])
    assert outcomes == [(0, ""), (0, "")], outcomes
    assert _found() == set(ids) and _rows() == 0


def test_a_write_while_another_process_holds_the_lock_is_applied_by_the_holder():
    if backend().name != "whoosh":
        pytest.skip("PostgreSQL has no writer lock: every process applies its own rows")
    ids = _posts(3)
    with backend().locked(block=True):
        assert _run_workers([ids]) == [(0, "")]
        assert _rows() == 3 and _found() == set()
    drain()
    assert _found() == set(ids) and _rows() == 0
