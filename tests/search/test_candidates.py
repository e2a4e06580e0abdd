"""Both backends look only at the newest matches (the cap), found in windows from the
newest post backwards; with windows of a few posts, every path is taken: windows as
wide as the matches so far say is needed, wider and wider while none match, and a post
whose date does not follow its id."""
from datetime import timedelta

import pytest

from forum.boards.services import edit_post
from forum.extensions import db
from forum.models import ContentStatus, Post
from forum.search import postgres, whoosh, whoosh_dates, windows
from forum.search.adapter import apply_changes, backend
from forum.search.changes import Changes
from forum.search.text import query_words
from forum.search.windows import next_span
from tests.factories import make_thread


@pytest.fixture(autouse=True)
def tiny_windows(monkeypatch):
    monkeypatch.setattr(postgres, "WINDOW", 4)
    monkeypatch.setattr(whoosh, "WINDOW", 4)


def _posts(pattern):
    """A thread for each letter of `pattern`: m matches, - does not; first posts, oldest first."""
    threads = [make_thread(body="zzword 内容" if mark == "m" else "别的内容") for mark in pattern]
    return [db.session.execute(db.select(Post).where(Post.thread_id == t.id)).scalar_one()
            for t, mark in zip(threads, pattern) if mark == "m"]


def _search(newest, page=1, per_page=3, cap=None):
    return backend().search(query_words("zzword"), {}, newest, page, per_page, cap=cap)


@pytest.mark.parametrize("pattern", ["mmmmmmmmmm", "m---------------m-m", "-m--m--------m----------m-"])
@pytest.mark.parametrize("newest", [False, True])
def test_the_newest_matches_are_found_however_sparse(pattern, newest):
    matches = _posts(pattern)
    newest_ids = [post.id for post in reversed(matches)]
    ids, total = _search(newest, cap=3)
    assert total == min(3, len(matches))
    if newest:
        assert ids == newest_ids[:3]
    else:
        assert sorted(ids) == sorted(newest_ids[:3])
    ids, total = _search(newest, per_page=20, cap=100)
    assert total == len(matches) and sorted(ids) == sorted(newest_ids)


@pytest.mark.parametrize("date_rows", [0, 10_000])  # PostgreSQL: by the index, or row by row
def test_newest_first_goes_by_date_when_an_older_id_has_a_later_date(date_rows, monkeypatch):
    monkeypatch.setattr(postgres, "DATE_ROWS", date_rows)
    matches = _posts("mmmm--------mmmm")
    imported = matches[0]
    imported.created_at = matches[-1].created_at + timedelta(minutes=1)
    db.session.commit()
    apply_changes(Changes(posts=[imported.id]))  # dates are not edited in the forum
    ids, total = _search(True, page=1, per_page=3, cap=3)
    assert total == 3 and ids == [imported.id, matches[-1].id, matches[-2].id]


def test_many_small_writes_keep_the_whoosh_index_in_the_order_posts_were_written():
    if backend().name != "whoosh":
        pytest.skip("PostgreSQL finds the newest by post id")
    posts = _posts("m" * 40)
    searcher = backend()._current_searcher()
    in_index_order = [int(searcher.stored_fields(docnum)["post_id"])
                      for sub, offset in searcher.leaf_searchers()
                      for docnum in range(offset, offset + sub.doc_count_all())]
    assert in_index_order == [post.id for post in posts]
    assert len(searcher.leaf_searchers()) <= 4


def test_the_next_window_spans_what_the_matches_so_far_say_the_cap_needs():
    # 400 matches in the first 4,000 ids: 601 more need about 6,000 more.
    assert next_span(4000, 4000, 400, 1001, 4000) == int(601 * 10 * windows.MARGIN)
    assert next_span(4000, 4000, 990, 1001, 4000) == 4000  # never below the least
    assert next_span(4000, 4000, 1, 1001, 4000) == 5_000_000  # a sparse word: far back at once
    assert next_span(4000, 4000, 0, 1001, 4000) == 16000  # nothing yet: 4x wider
    assert next_span(4000, 4000, 200, None, 4000) == 16000  # every match: 4x wider


def _whoosh_only():
    if backend().name != "whoosh":
        pytest.skip("Whoosh's segments and dates")


def test_whoosh_newest_first_looks_below_the_candidates_only_where_a_later_date_may_be(monkeypatch):
    _whoosh_only()
    looked = []
    real = whoosh._newer_before
    monkeypatch.setattr(whoosh, "_newer_before", lambda *args: looked.append(1) or real(*args))
    matches = _posts("mmmm--mmmm")
    assert _search(True, per_page=3, cap=3) == ([p.id for p in matches[:-4:-1]], 3)
    assert not looked  # written in date order: nothing below the candidates is later
    edit_post(matches[0], matches[0].author, "zzword 改过")  # indexed again, last, dated first
    assert _search(True, per_page=3, cap=3) == ([p.id for p in matches[:-4:-1]], 3)
    assert looked


@pytest.mark.parametrize("block", [1, 3])
def test_whoosh_date_ceilings_bound_the_dates_below_any_document(monkeypatch, block):
    _whoosh_only()
    monkeypatch.setattr(whoosh_dates, "DATE_BLOCK", block)
    matches = _posts("m" * 30)
    imported = matches[5]
    imported.created_at = matches[-1].created_at + timedelta(minutes=1)
    db.session.commit()
    apply_changes(Changes(posts=[imported.id]))  # its old entry stays, deleted, below
    _posts("m" * 10)
    searcher = backend()._current_searcher()
    assert len(searcher.leaf_searchers()) > 1
    dates = searcher.reader().column_reader("created_at", translate=False)
    every = [dates[docnum] for docnum in range(searcher.doc_count_all())]
    ceilings = whoosh_dates.DateCeilings()
    assert [ceilings.below(searcher, docnum) for docnum in range(len(every) + 1)] == [
        max(every[:docnum], default=-1) for docnum in range(len(every) + 1)]


def test_whoosh_newest_first_passes_over_a_segment_of_no_document(monkeypatch):
    """A write that only deletes (a post hidden) leaves a segment with no document and
    no dates; newest first reads the dates below its candidates across it."""
    _whoosh_only()
    matches = _posts("m" * 5)  # segments of 4 and 1; the 1 emptied
    matches[-1].status = ContentStatus.HIDDEN
    db.session.commit()
    searcher = backend()._current_searcher()
    assert 0 in [sub.doc_count_all() for sub, _offset in searcher.leaf_searchers()]
    assert _search(True, per_page=3, cap=3) == ([p.id for p in matches[-2:-5:-1]], 3)
