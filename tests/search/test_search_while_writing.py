"""A search never fails while posts are written (issue 24: /search answered 500 for 3% of
queries under load, as an index write deleted segment files a searcher still read)."""
import os
import threading
import traceback

import pytest
from flask import current_app

from forum.access import Guest
from forum.boards.services import reply
from forum.extensions import db
from forum.models import Thread, User
from forum.search import whoosh
from forum.search.adapter import backend, search
from forum.search.text import query_words
from tests.factories import make_thread, make_user

REPLIES = 60


def _write_replies(app, thread_id, author_id, done):
    with app.app_context():
        thread, author = db.session.get(Thread, thread_id), db.session.get(User, author_id)
        for n in range(REPLIES):
            reply(thread, author, f"zzbusy 第{n}条回复 党建工作")
        done.set()


def test_searches_succeed_while_another_thread_writes_posts():
    thread = make_thread(body="zzbusy 首帖")
    app, done, failures, searches = current_app._get_current_object(), threading.Event(), [], 0
    writer = threading.Thread(target=_write_replies, args=(app, thread.id, make_user().id, done))
    writer.start()
    while not done.is_set():
        try:
            search("zzbusy", Guest())
            search("党建", Guest(), newest=True)
        except Exception:  # what a view would have answered with a 500
            failures.append(traceback.format_exc())
        searches += 1
    writer.join()
    assert failures == [], f"{len(failures)} of {searches} searches failed: {failures[:3]}"
    assert len(search("zzbusy", Guest()).hits) == 20


@pytest.mark.parametrize("capped", [False, True])
@pytest.mark.parametrize("writes", [1, 2])
@pytest.mark.parametrize("newest", [False, True])
def test_a_search_reads_again_when_a_write_deletes_the_files_it_was_about_to_open(
        newest, writes, capped, monkeypatch):
    """The race above, ordered: a write commits between the searcher's check of the
    generation and its first read of the segment's stored fields, and deletes the
    segment's files (Whoosh opens a segment's columns on first use); with `writes`, the
    read again from the new generation meets the same. `capped`: more matches than the
    cap, so newest first also reads the dates below its candidates (whoosh_dates)."""
    chosen = backend()
    if chosen.name != "whoosh":
        pytest.skip("Whoosh's searchers read files a writer deletes")
    monkeypatch.setattr(whoosh, "TAIL_RATIO", 1000)  # each write merges every segment
    for n in range(6 if capped else 1):
        make_thread(body=f"zzrace 首帖{n}")
    opened, left = chosen._current_searcher, [writes]

    def then_a_write():
        searcher = opened()
        if left[0]:
            left[0] -= 1
            segment = searcher.reader().segment().segment_id()
            make_thread(body="zzrace 又一帖")
            files = os.listdir(chosen.folder / "index")
            assert not [name for name in files if name.startswith(segment)]  # it happened
        return searcher

    monkeypatch.setattr(chosen, "_current_searcher", then_a_write)
    if capped:
        assert chosen.search(query_words("zzrace"), {}, newest, 1, 3, cap=3)[1] == 3
    else:
        ids, total = chosen.search(query_words("zzrace"), {}, newest, 1, 20)
        assert total == len(ids) == 1 + writes
