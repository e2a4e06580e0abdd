"""The recall set (tests/search/recall_data.py) on whichever backend the database picks:
Whoosh on SQLite, PostgreSQL full-text search on PostgreSQL."""
import pytest
from whoosh import query as wquery

from forum.boards.services import edit_post
from forum.access import Guest
from forum.extensions import db
from forum.models import Post
from forum.search import whoosh, whoosh_queries
from forum.search.adapter import backend, search
from forum.search.text import query_words
from tests import factories
from tests.search.recall_data import POSTS, QUERIES


def _corpus():
    board = factories.make_board()
    author = factories.make_user()
    return {factories.make_thread(board=board, author=author, title=title, body=body).id: key
            for key, (title, body) in POSTS.items()}


def _found(query, keys_by_thread):
    results = search(query, Guest())
    return {keys_by_thread[hit.thread.id] for hit in results.hits}


def test_the_recall_set_has_at_least_fifty_queries():
    assert len(QUERIES) >= 50
    assert all(find <= POSTS.keys() and avoid <= POSTS.keys() for _, find, avoid in QUERIES)


def test_every_query_finds_its_posts_and_none_it_must_not():
    keys_by_thread = _corpus()
    failures = []
    for query, must_find, must_not_find in QUERIES:
        found = _found(query, keys_by_thread)
        if not must_find <= found or found & must_not_find:
            failures.append(f"{query}: missed {sorted(must_find - found)}, "
                            f"wrongly found {sorted(found & must_not_find)}")
    assert not failures, "\n".join(failures)


def test_title_matches_rank_above_body_matches():
    """Strictly first on PostgreSQL; on Whoosh through the title boost (TITLE_BOOST)."""
    keys_by_thread = _corpus()
    results = search("党建", Guest())
    keys = [keys_by_thread[hit.thread.id] for hit in results.hits]
    assert keys.index("grid") > max(keys.index("push"), keys.index("cave"))


def test_newest_first_puts_the_latest_post_first():
    keys_by_thread = _corpus()
    results = search("党建", Guest(), newest=True)
    assert [keys_by_thread[hit.thread.id] for hit in results.hits] == ["grid", "cave", "push"]



@pytest.mark.parametrize("scan_below", [5000, 0])
def test_newest_first_keeps_date_order_when_an_old_post_is_edited(monkeypatch, scan_below):
    """An edited post is indexed again after newer ones. Whoosh looks first at the matches
    indexed last, so the edited post is among them; newest first still goes by date,
    whether the matches below them are read one by one or by a date range (many)."""
    monkeypatch.setattr(whoosh, "SCAN_BELOW", scan_below)
    threads = [factories.make_thread(title=f"第{n}次会议", body=f"zzorder 内容{n}") for n in range(6)]
    firsts = [db.session.execute(db.select(Post).where(Post.thread_id == thread.id)).scalar_one()
              for thread in threads]
    edit_post(firsts[0], firsts[0].author, "zzorder 改过的内容")
    ids, total = backend().search(query_words("zzorder"), {}, True, 1, 3, cap=3)
    assert ids == [post.id for post in firsts[:2:-1]] and total == 3



@pytest.mark.parametrize("query", ["组织生活会", "民主生活会", "猫场镇 组织生活会"])
def test_a_phrase_of_several_words_is_found_by_its_word_pairs_not_the_substring_fallback(query):
    keys_by_thread = _corpus()
    results = search(query, Guest())
    assert results.hits and not results.substring
    assert {keys_by_thread[hit.thread.id] for hit in results.hits} <= {"maochang", "democratic"}


def test_the_whoosh_index_holds_each_pair_of_neighbouring_words_as_one_term():
    if backend().name != "whoosh":
        pytest.skip("PostgreSQL's vectors: tests/search/test_text.py")
    _corpus()
    reader = backend()._current_searcher().reader()
    assert ("body", "组织生活 会") in reader and ("title", "民主 生活") in reader
    assert not whoosh_queries.words_query(query_words("组织生活会")).all_terms() - {
        ("title", "组织生活 会"), ("body", "组织生活 会")}


def test_whoosh_phrases_match_and_score_as_whoosh_s_own_phrase_query(monkeypatch):
    """whoosh_queries.Consecutive checks positions on sets, not through Whoosh's spans."""
    if backend().name != "whoosh":
        pytest.skip("Whoosh's phrase query")
    _corpus()
    searcher = backend()._current_searcher()

    def hits():
        found = []
        for query, _find, _avoid in QUERIES:
            parsed = query_words(query)
            for built in (whoosh_queries.words_query(parsed), whoosh_queries.grams_query(parsed)):
                found.append([(hit.docnum, round(hit.score, 9))
                              for hit in searcher.search(built, limit=None)])
        return found

    ours = hits()
    monkeypatch.setattr(whoosh_queries, "Consecutive", wquery.Phrase)
    assert hits() == ours and sum(map(len, ours)) > len(QUERIES)
