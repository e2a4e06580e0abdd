"""Ranking and the order of a query word's words read PostgreSQL's small `rank_vector`
(migration 0034), never the whole `search_vector` with its pairs and grams (2 KB out of
line a post at a million posts); what is found stays the same on both backends."""
import random
import re
from datetime import timedelta

import pytest
from sqlalchemy import insert, text

from forum.access import Guest
from forum.extensions import db
from forum.models import Post, Thread
from forum.models.base import utcnow
from forum.search.adapter import backend, reindex, search
from tests import factories

ASKED_OF_SEARCH_VECTOR = re.compile(r"search_vector @@ ('(?:[^']|'')*')::tsquery")
BODIES = ["县委召开民主生活会。", "支部的组织生活会按月召开。", "党建工作责任到人。",
          "学习教育常态化。", "民主生活和生活会都要开好。"]


def test_a_word_of_three_words_is_found_only_where_its_words_stand_in_order():
    board = factories.make_board()
    meeting = factories.make_thread(board=board, title="通知", body="县委召开民主生活会。")
    factories.make_thread(board=board, title="通知", body="民主生活和生活会都要开好。")
    results = search("民主生活会", Guest())
    assert [hit.thread.id for hit in results.hits] == [meeting.id] and not results.substring


def test_the_rank_vector_holds_a_posts_words_without_pairs_or_grams():
    _postgres_only()
    post = _first_post(factories.make_thread(title="民主生活会", body="党建工作责任到人。"))
    with db.engine.connect() as connection:
        lexemes = set(connection.execute(text(
            "SELECT lexeme FROM post, unnest(rank_vector) WHERE post.id = :id"),
            {"id": post.id}).scalars())
        everything = set(connection.execute(text(
            "SELECT lexeme FROM post, unnest(search_vector) WHERE post.id = :id"),
            {"id": post.id}).scalars())
    assert {"民主", "生活", "会", "党建", "责任", "到", "人"} <= lexemes
    assert lexemes == {lexeme for lexeme in everything
                       if " " not in lexeme and not lexeme.startswith("_")}


@pytest.mark.parametrize("query", ["党建", "民主生活会", "党建 学习"])
@pytest.mark.parametrize("newest", [False, True])
def test_a_search_never_ranks_on_search_vector_or_asks_it_for_word_order(query, newest,
                                                                         count_queries):
    """Every statement of a search, explained: ranking does not name `search_vector`, and
    no statement asks it for positions (a phrase), which would read it whole for every
    candidate; whether a window reads it through the GIN index or row by row is the
    planner's choice by the window's size."""
    _postgres_only()
    _corpus()
    with count_queries() as sent:
        search(query, Guest(), newest=newest)
    plans = [_plan(statement, parameters) for statement, parameters
             in zip(sent.statements, sent.parameters) if statement.startswith("SELECT p.")]
    assert plans
    for plan in plans:
        asked = [query for line in plan for query in ASKED_OF_SEARCH_VECTOR.findall(line)]
        assert not [query for query in asked if "<->" in query], "\n".join(plan)
        if any("ts_rank" in line for line in plan):
            assert not any("search_vector" in line for line in plan), "\n".join(plan)
    if query == "民主生活会":
        assert any("rank_vector @@" in line and "<->" in line for plan in plans for line in plan)


def _postgres_only():
    if backend().name != "postgres":
        pytest.skip("rank_vector is PostgreSQL's; Whoosh reads its postings")


def _first_post(thread):
    return db.session.execute(db.select(Post).where(Post.thread_id == thread.id)).scalar_one()


def _corpus(posts=3000):
    """A board of `posts` posts of a few bodies, indexed, with statistics gathered, so the
    planner chooses as on a big forum."""
    board, author = factories.make_board(), factories.make_user()
    start, rng = utcnow() - timedelta(days=30), random.Random(36)
    db.session.execute(insert(Thread), [
        {"board_id": board.id, "author_id": author.id, "title": f"主题{n}",
         "last_post_at": start, "created_at": start} for n in range(100)])
    thread_ids = db.session.execute(db.select(Thread.id)).scalars().all()
    floors = dict.fromkeys(thread_ids, 0)
    rows = []
    for n in range(posts):
        thread_id = thread_ids[n % len(thread_ids)]
        floors[thread_id] += 1
        body = rng.choice(BODIES) if n % 50 == 0 else f"会议纪要第{n}号。"  # words as rare as on a forum
        rows.append({"thread_id": thread_id, "author_id": author.id, "number": floors[thread_id],
                     "body": body, "body_html": f"<p>{body}</p>",
                     "created_at": start + timedelta(minutes=n)})
    db.session.execute(insert(Post), rows)
    db.session.commit()
    reindex()
    with db.engine.begin() as connection:
        connection.execute(text("ANALYZE post"))


def _plan(statement, parameters):
    with db.engine.connect() as connection:
        cursor = connection.connection.cursor()
        cursor.execute("SET enable_seqscan = off")
        cursor.execute("EXPLAIN (VERBOSE) " + statement, parameters)
        return [row[0] for row in cursor.fetchall()]
