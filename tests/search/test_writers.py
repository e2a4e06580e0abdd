"""Several processes writing one Whoosh index: no LockError reaches anyone, no update is
lost (forum/search/whoosh.py: durable pending files, one lock holder drains them)."""
import os
import subprocess
import sys
from pathlib import Path

from forum.search.adapter import load_documents, load_jieba
from forum.search.changes import Changes
from forum.search.text import query_words
from forum.search.whoosh import WhooshBackend
from tests.factories import make_board, make_thread, make_user

ROOT = Path(__file__).resolve().parents[2]
WORKER = """
import sys
from config import TestingConfig
from forum import create_app
from forum.search.adapter import load_documents, load_jieba
from forum.search.changes import Changes
from forum.search.whoosh import WhooshBackend

app = create_app(TestingConfig())
with app.app_context():
    load_jieba()
    backend = WhooshBackend(sys.argv[1])
    for post_id in map(int, sys.argv[2:]):
        backend.apply(Changes(posts=[post_id]), load_documents)
"""


def _posts(count):
    board, author = make_board(), make_user()
    return [make_thread(board=board, author=author, title=f"并发写入{n}", body="zzconcurrent").id
            for n in range(count)]


def _run_workers(folder, id_lists):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    workers = [subprocess.Popen([sys.executable, "-c", WORKER, str(folder), *map(str, ids)],
                                cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)
               for ids in id_lists]
    return [(worker.wait(timeout=300), worker.stderr.read()) for worker in workers]


def _indexed(backend):
    ids, total = backend.search(query_words("zzconcurrent"), {}, False, 1, 1000)
    return set(ids)


def test_two_processes_writing_at_once_lose_nothing_and_raise_nothing(tmp_path):
    ids = _posts(40)  # thread ids equal first-post ids here: one post per thread
    backend = WhooshBackend(tmp_path / "search")
    outcomes = _run_workers(tmp_path / "search", [ids[0::2], ids[1::2]])
    assert outcomes == [(0, ""), (0, "")], outcomes
    load_jieba()
    assert len(_indexed(backend)) == 40
    assert not list((tmp_path / "search" / "pending").glob("*.ids"))


def test_a_write_while_another_process_holds_the_lock_is_drained_by_the_holder(tmp_path):
    ids = _posts(3)
    backend = WhooshBackend(tmp_path / "search")
    load_jieba()
    with backend._locked(block=True):
        assert _run_workers(tmp_path / "search", [ids]) == [(0, "")]
        assert len(list((tmp_path / "search" / "pending").glob("*.ids"))) == 3
    backend.drain(load_documents)
    assert len(_indexed(backend)) == 3


def test_a_failed_index_write_keeps_the_post_and_is_retried(tmp_path):
    [post_id] = _posts(1)
    backend = WhooshBackend(tmp_path / "search")
    load_jieba()

    def failing(changes):
        raise OSError("disk full")

    backend.apply(Changes(posts=[post_id]), failing)
    assert len(list((tmp_path / "search" / "pending").glob("*.ids"))) == 1
    backend.drain(load_documents)
    assert _indexed(backend) == {post_id}
