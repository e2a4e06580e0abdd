"""The search index's own process (forum/search/indexer.py) as gunicorn runs it: one per
app server beside its workers, writing what members post (the workers leave it their
rows); gone with its server, however the server ends; and if it dies, the workers index
their own posts again."""
import os
import signal
import time
from pathlib import Path

from forum.access import Guest
from forum.extensions import db
from forum.search.adapter import search
from tests.deploy.servers import Browser, gunicorn_server
from tests.factories import PASSWORD, make_thread, make_user


def _gone(pid):
    """Ended (a zombie not yet reaped counts as ended)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except FileNotFoundError:
        return True


# A post is found within a second or two when written at once; the workers' periodic
# drain would take rows 5 s old (outbox.STALE_SECONDS), so it cannot pass for them.
FOUND_SECONDS = 4


def _wait(condition, seconds=FOUND_SECONDS):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def _found(word):
    return [hit.post.body for hit in search(word, Guest()).hits]


def _reply(base, body):
    """Log a new member in through the server at `base` and reply to a new thread."""
    thread, member = make_thread(), make_user()
    db.session.commit()
    browser, url = Browser(), f"{base}/t/{thread.id}/reply"
    assert browser.post(f"{base}/login", f"{base}/login",
                        {"username": member.username, "password": PASSWORD})[0] == 302
    assert browser.post(url, url, {"body": body})[0] == 302


def test_the_indexer_writes_what_members_post_and_ends_with_its_server(app):
    with gunicorn_server(workers=2) as server:
        indexer = server.indexer()
        assert _wait(lambda: len(server.workers()) == 2, 10)  # the second may still be booting
        assert indexer not in server.workers()
        os.kill(indexer, signal.SIGSTOP)  # the workers leave their rows to it ...
        _reply(server.base, "索引进程测试 wordone 回复")
        assert not _wait(lambda: _found("wordone"), 2)
        os.kill(indexer, signal.SIGCONT)  # ... and it writes them
        assert _wait(lambda: _found("wordone") == ["索引进程测试 wordone 回复"])
        # A signal to the whole process group (Ctrl-C) leaves it to end with the server.
        os.kill(indexer, signal.SIGINT)
        assert not _wait(lambda: _gone(indexer), 1)
    assert _gone(indexer)  # the master waited for it


def test_workers_index_their_own_posts_once_the_indexer_is_gone(app):
    with gunicorn_server(workers=1) as server:
        indexer = server.indexer()
        os.kill(indexer, signal.SIGKILL)
        assert _wait(lambda: _gone(indexer))
        _reply(server.base, "索引进程不在 wordtwo 回复")
        assert _wait(lambda: _found("wordtwo") == ["索引进程不在 wordtwo 回复"])


def test_the_indexer_ends_by_itself_when_its_master_is_killed(app):
    with gunicorn_server(workers=1) as server:
        indexer = server.indexer()
        for pid in (server.process.pid, *server.workers()):
            os.kill(pid, signal.SIGKILL)
        assert _wait(lambda: _gone(indexer))
