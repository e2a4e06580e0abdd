"""Ranking and the order of a query word's words read PostgreSQL's small `rank_vector`
(migration 0034), never the whole `search_vector` with its pairs and grams (2 KB out of
line a post at a million posts); what is found stays the same on both backends."""
import re

import pytest
from sqlalchemy import text

from forum.access import Guest
from forum.extensions import db
from forum.models import Post
from forum.search.adapter import backend, search
from tests import factories
from tests.search.corpus import indexed_corpus, plan

ASKED_OF_SEARCH_VECTOR = re.compile(r"search_vector @@ ('(?:[^']|'')*')::tsquery")
RANKED_ON = re.compile(r"ts_rank\(\w+\.(\w+),")

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
    indexed_corpus(every=50, seed=36)
    with count_queries() as sent:
        search(query, Guest(), newest=newest)
    plans = [plan(statement, parameters, "SET enable_seqscan = off", explain="EXPLAIN (VERBOSE)")
             for statement, parameters in zip(sent.statements, sent.parameters)
             if statement.startswith(("SELECT p.", "SELECT w."))]
    assert plans
    for lines in plans:
        asked = [query for line in lines for query in ASKED_OF_SEARCH_VECTOR.findall(line)]
        assert not [query for query in asked if "<->" in query], "\n".join(lines)
        ranked = [vector for line in lines for vector in RANKED_ON.findall(line)]
        substrings = asked and all(query.startswith("'''_") for query in asked)
        assert substrings or "search_vector" not in ranked, "\n".join(lines)  # grams: only there
    assert newest or any("rank_vector" in RANKED_ON.findall(line) for lines in plans
                         for line in lines)
    if query == "民主生活会":
        assert any("rank_vector @@" in line and "<->" in line for lines in plans for line in lines)


def _postgres_only():
    if backend().name != "postgres":
        pytest.skip("rank_vector is PostgreSQL's; Whoosh reads its postings")


def _first_post(thread):
    return db.session.execute(db.select(Post).where(Post.thread_id == thread.id)).scalar_one()
