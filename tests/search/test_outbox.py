"""The search outbox (issue 24): a post's index change is a row of its own transaction,
applied after the commit and deleted once applied; a failure leaves the row for the next
drain, so a committed post is always found in the end."""
import os
import subprocess
from datetime import timedelta
from types import SimpleNamespace

from forum.access import Guest
from forum.boards.services import reply
from forum.extensions import db
from forum.models import Post
from forum.models.base import utcnow
from forum.search import adapter, indexer
from forum.search.adapter import backend, drain, drain_gathered, drain_stale, search
from forum.search.changes import Changes
from forum.search.outbox import STALE_SECONDS, SearchChange
from tests.factories import make_thread, make_user


def _found(word):
    return [hit.post.id for hit in search(word, Guest()).hits]


def _rows():
    return SearchChange.query.count()


def _fail_index_writes(monkeypatch):
    """The backend's write fails, as on a full disk, until monkeypatch.undo()."""
    def full(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backend(), "_write", full)


def test_an_applied_change_leaves_no_row():
    thread = make_thread(body="zzapplied 内容")
    assert _found("zzapplied") == [thread.id] and _rows() == 0  # one post: ids match


def test_a_failed_index_write_keeps_the_row_and_the_next_drain_makes_the_post_findable(
        monkeypatch):
    thread = make_thread()
    _fail_index_writes(monkeypatch)
    post = reply(thread, make_user(), "zzkept 回复")

    assert _rows() == 1 and _found("zzkept") == []
    monkeypatch.undo()
    drain()
    assert _found("zzkept") == [post.id] and _rows() == 0


def test_a_rolled_back_post_leaves_no_row():
    thread = make_thread()
    db.session.add(Post(thread_id=thread.id, author_id=thread.author_id, number=2,
                        body="zzrolledback", body_html="<p>zzrolledback</p>"))
    db.session.flush()
    assert _rows() == 1  # written in the post's transaction
    db.session.rollback()
    assert _rows() == 0 and _found("zzrolledback") == []


def test_the_periodic_drain_applies_only_rows_their_writer_left_behind(monkeypatch):
    thread = make_thread()
    _fail_index_writes(monkeypatch)
    old, young = (reply(thread, make_user(), f"zz{word} 回复") for word in ("old", "young"))
    first = db.session.execute(db.select(SearchChange).order_by(SearchChange.id)).scalars().first()
    first.created_at = utcnow() - timedelta(seconds=STALE_SECONDS + 1)
    db.session.commit()  # no index change: no row, no drain
    monkeypatch.undo()

    drain_stale()

    assert _found("zzold") == [old.id] and _found("zzyoung") == [] and _rows() == 1


def test_reindex_applies_what_a_failure_left(app, monkeypatch):
    thread = make_thread()
    _fail_index_writes(monkeypatch)
    post = reply(thread, make_user(), "zzreindexed 回复")
    monkeypatch.undo()
    assert app.test_cli_runner().invoke(args=["forum", "reindex"]).exit_code == 0
    assert _found("zzreindexed") == [post.id] and _rows() == 0


def test_where_the_process_has_an_outbox_thread_the_reply_is_indexed_by_it_not_in_the_request(
        app, monkeypatch):
    """The commit wakes the thread (here one that runs the woken drain by hand) instead of
    writing the index itself; what the thread applies is then found."""
    flusher = app.extensions["search_outbox"]
    monkeypatch.setattr(flusher, "interval", 5)
    monkeypatch.setattr(flusher, "pid", os.getpid())  # as if its thread ran in this process
    thread = make_thread()
    post = reply(thread, make_user(), "zzwoken 回复")

    assert _rows() == 2 and _found("zzwoken") == [] and flusher._wake.is_set()  # thread, reply
    flusher._flush(flusher.woken)
    assert _found("zzwoken") == [post.id] and _rows() == 0


def test_the_outbox_thread_waits_for_the_replies_of_the_moment_and_indexes_them_in_one_write(
        app, monkeypatch):
    """After a commit the thread waits until the oldest row is SEARCH_GATHER_SECONDS old;
    a reply committed meanwhile goes into the same index write."""
    flusher = app.extensions["search_outbox"]
    monkeypatch.setattr(flusher, "interval", 5)
    monkeypatch.setattr(flusher, "pid", os.getpid())  # as if its thread ran in this process
    adapter.load_jieba()  # once per process (1-2 s), not inside the wait measured below
    # Long, so that a slow machine cannot use it up before the wait (which is faked).
    monkeypatch.setitem(app.config, "SEARCH_GATHER_SECONDS", 30)
    thread, author = make_thread(), make_user()
    first = reply(thread, author, "zzgatherfirst 回复")
    writes, waited, later = [], [], []
    write = backend()._write
    monkeypatch.setattr(backend(), "_write", lambda *args: writes.append(args) or write(*args))

    def wait(seconds):  # another request replies while the thread waits
        waited.append(seconds)
        later.append(reply(thread, make_user(), "zzgatherlater 回复"))

    monkeypatch.setattr(adapter.time, "sleep", wait)
    drain_gathered()

    assert len(waited) == 1 and 29 < waited[0] <= 30  # from the first reply's commit
    assert len(writes) == 1 and _rows() == 0
    assert _found("zzgatherfirst") == [first.id] and _found("zzgatherlater") == [later[0].id]


def _woken_in_a_worker(app, monkeypatch, indexer_pidfd):
    """A worker's outbox thread (run by hand) whose server forked the indexer process this
    pidfd names; the rows of a reply committed there; the thread's drain after it."""
    flusher = app.extensions["search_outbox"]
    monkeypatch.setattr(flusher, "interval", 5)
    monkeypatch.setattr(flusher, "pid", os.getpid())  # as if its thread ran in this process
    monkeypatch.setitem(app.config, "SEARCH_INDEXER_PIDFD", indexer_pidfd)
    monkeypatch.setitem(app.config, "SEARCH_GATHER_SECONDS", 0)
    post = reply(make_thread(), make_user(), "zzindexer 回复")
    assert _rows() == 2 and _found("zzindexer") == []
    flusher._flush(flusher.woken)
    return post


def test_a_worker_leaves_its_rows_to_the_servers_indexer_process_which_applies_them(
        app, monkeypatch):
    alive = subprocess.Popen(["sleep", "60"])
    try:
        post = _woken_in_a_worker(app, monkeypatch, os.pidfd_open(alive.pid))
        assert _rows() == 2 and _found("zzindexer") == []
        assert indexer._pass(lambda: True) == 0  # the indexer's pass: it applied rows
        assert _found("zzindexer") == [post.id] and _rows() == 0
        assert indexer._pass(lambda: True) == indexer.POLL_SECONDS  # nothing waits
    finally:
        alive.kill()
        alive.wait()


def test_a_worker_whose_indexer_process_is_gone_applies_its_own_rows(app, monkeypatch):
    ended = subprocess.Popen(["true"])
    pidfd = os.pidfd_open(ended.pid)
    ended.wait()
    post = _woken_in_a_worker(app, monkeypatch, pidfd)
    assert _found("zzindexer") == [post.id] and _rows() == 0


def test_the_indexer_stops_between_writes_once_told(app, monkeypatch):
    """Under steady posting a drain goes on while rows keep coming: the indexer's looks
    between writes whether its server has ended."""
    coming = [SimpleNamespace(id=0, changes=Changes().dump())]  # a row waits whenever it looks
    monkeypatch.setattr(adapter, "_waiting", lambda _age: coming)
    writes, asked = [], []
    monkeypatch.setattr(backend(), "apply", lambda *args: writes.append(args))
    monkeypatch.setattr(adapter.outbox, "forget", lambda *args: None)
    adapter.drain(keep_going=lambda: asked.append(1) or len(asked) < 3)
    assert len(writes) == len(asked) == 3
