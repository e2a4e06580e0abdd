"""PostgreSQL finds a common word's newest matches in a GIN index of the newest posts only
(migration 0035), which moves up as the forum grows, and checks dates row by row where
the posts since are few; what a search finds stays the same."""
import pytest
from sqlalchemy import text

from forum.access import Guest
from forum.extensions import db
from forum.search import postgres
from forum.search.adapter import backend, search
from forum.search.text import query_words
from tests.search.corpus import indexed_corpus, plan

QUERIES = ["党建", "组织生活会", "民主生活会", "党建 工作", "责任到人"]


@pytest.fixture(autouse=True)
def _postgres_only():
    if backend().name != "postgres":
        pytest.skip("the recent index is PostgreSQL's")
    yield
    db.session.rollback()  # its transaction would hold the DROP below
    with db.engine.begin() as connection:  # as migration 0035 left it on the empty test forum
        connection.execute(text(f"DROP INDEX {postgres.RECENT_INDEX}"))
        connection.execute(text(f"CREATE INDEX {postgres.RECENT_INDEX} ON post "
                                "USING gin (search_vector) WITH (gin_pending_list_limit = "
                                f"{postgres.RECENT_PENDING_KB}) WHERE id > 0"))


def test_the_recent_index_moves_up_only_once_twice_its_size_stands_above_its_floor():
    _corpus()
    with db.engine.connect() as connection:
        assert postgres.recent_floor(connection) == 0  # made on an empty forum
    assert not _move(recent=70_000)  # 129,990 ids above 0: not yet
    assert _move(recent=20_000)
    with db.engine.connect() as connection:
        assert postgres.recent_floor(connection) == _top() - 20_000
        assert connection.execute(text("SELECT count(*) FROM pg_indexes WHERE indexname LIKE "
                                       "'ix_post_search_vector_recent%'")).scalar() == 1
        assert connection.execute(text("SELECT reloptions FROM pg_class WHERE relname = :name"),
                                  {"name": postgres.RECENT_INDEX}).scalar() == [
            f"gin_pending_list_limit={postgres.RECENT_PENDING_KB}"]
    assert not _move(recent=20_000)


def test_a_common_words_newest_window_reads_the_recent_index(count_queries):
    _corpus()
    assert _move(recent=postgres.WINDOW)  # the first window is above the floor
    with count_queries() as sent:
        search("党建", Guest())
    windows = [(statement, parameters) for statement, parameters
               in zip(sent.statements, sent.parameters)
               if "SELECT p.id, p.created_at" in statement]  # ranked in an outer SELECT
    plan = _plan(*windows[0])
    assert any(postgres.RECENT_INDEX in line for line in plan), "\n".join(plan)


def test_a_window_stops_at_the_floor_when_the_matches_so_far_say_the_rest_lie_above_it(
        count_queries):
    """The first window (20,000 ids) holds about 80 of 党建's matches; 90 are wanted, so the
    next window would reach 20,000 ids further back, below the floor, into the whole index.
    It stops at the floor instead, and finds the same posts in the recent index."""
    _corpus()
    assert _move(recent=25_000)
    parsed = query_words("党建")
    with db.engine.connect() as connection:
        floor = postgres.recent_floor(connection)

        def newest(floor):
            matches = postgres._Matches(postgres.words_query(parsed), None,
                                        postgres.rank_query(parsed), {})
            with count_queries() as sent:
                found, _boundary = matches.newest(connection, 90, floor)
            return [row.id for row in found], [
                (statement, parameters) for statement, parameters
                in zip(sent.statements, sent.parameters) if "SELECT p.id" in statement]

        stopped, windows = newest(floor)
        going_on, _windows = newest(None)
    assert len(stopped) == 90 and stopped == going_on
    assert len(windows) == 2 and f"p.id >= {floor + 1} " in windows[1][0]
    for window in windows:
        assert any(postgres.RECENT_INDEX in line for line in _plan(*window)), window[0]


@pytest.mark.parametrize("newest", [False, True])
def test_a_search_finds_the_same_posts_whichever_index_answers(newest):
    _corpus()
    before = {query: _found(query, newest) for query in QUERIES}
    _move(recent=5_000)
    assert {query: _found(query, newest) for query in QUERIES} == before
    assert all(before.values())


@pytest.mark.parametrize("query", QUERIES)
def test_a_rows_check_on_rank_vector_matches_what_the_index_finds(query):
    """The date check's row by row test (rank_query) is the index's (words_query and the
    order of three words) in other words."""
    _corpus()
    parsed = query_words(query)
    phrases = postgres.phrases_query(parsed)
    with db.engine.connect() as connection:
        indexed = connection.execute(text(
            "SELECT id FROM post WHERE search_vector @@ CAST(:q AS tsquery)"
            + (" AND rank_vector @@ CAST(:p AS tsquery)" if phrases else "") + " ORDER BY id"),
            {"q": postgres.words_query(parsed), "p": phrases}).scalars().all()
        by_rows = connection.execute(text(
            "SELECT id FROM post WHERE rank_vector @@ CAST(:q AS tsquery) ORDER BY id"),
            {"q": postgres.rank_query(parsed)}).scalars().all()
    assert indexed and by_rows == indexed


def test_a_common_words_date_check_reads_the_posts_since_by_date_not_the_index(count_queries):
    _corpus()
    with count_queries() as sent:  # 120 match: more than the cap, so dates are checked
        backend().search(query_words("党建"), {}, True, 1, 20, cap=50)
    checks = [(statement, parameters) for statement, parameters
              in zip(sent.statements, sent.parameters) if "p.created_at >= " in statement]
    assert len(checks) == 1
    plan = _plan(*checks[0])
    assert not any("search_vector" in line for line in plan), "\n".join(plan)
    assert any("ix_post_created_at" in line for line in plan), "\n".join(plan)


def _corpus():
    """3,000 posts, one in five of a few bodies, with ids 100,000 to 129,990: a window of
    20,000 ids holds 2,000 posts."""
    indexed_corpus(every=5, seed=35, first_id=100_000, step=10)


def _plan(statement, parameters):
    return plan(statement, parameters, f"SET work_mem = '{postgres.WORK_MEM}'")


def _move(recent):
    db.session.rollback()  # CONCURRENTLY waits for every open transaction, this one's too
    return postgres.move_recent_index(recent=recent)


def _found(query, newest):
    return [hit.post.id for hit in search(query, Guest(), newest=newest).hits]


def _top():
    with db.engine.connect() as connection:
        return connection.execute(text("SELECT max(id) FROM post")).scalar()
