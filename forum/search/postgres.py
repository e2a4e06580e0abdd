"""The scale backend: PostgreSQL full-text search over jieba-segmented text (DESIGN §8).

`post.search_vector` (migration 0005) holds the title's words (weight A, first posts
only) and the body's words (weight B) as lexemes of the `simple` kind, built here in
Python because apt's PostgreSQL has no Chinese parser; gram lexemes for the substring
fallback carry a `_` prefix, which jieba's words never start with. A GIN index serves
`@@`; the column's statistics target is 1000 so the planner knows rare words are rare.
Several app servers share the one index, and it commits with the database.
"""
from sqlalchemy import text as sql

from forum.boards.registry import public_types
from forum.extensions import db
from forum.search import text

MAX_POSITION = 16383  # PostgreSQL's limit
MAX_POSITIONS_PER_LEXEME = 255
GRAM_PREFIX = "_"
CANDIDATES = 2000  # matches ranked by relevance: the newest ones (see search)


def _quote(lexeme):
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def _add(lexemes, items, weight, offset):
    last = offset
    for position, lexeme in items:
        position = min(MAX_POSITION, position + offset + 1)
        last = max(last, position)
        slots = lexemes.setdefault(lexeme, [])
        if len(slots) < MAX_POSITIONS_PER_LEXEME and (not slots or slots[-1][0] != position):
            slots.append((position, weight))
    return last + 1  # a gap: phrases never run from the title into the body


def vector_literal(title, body):
    """The tsvector, as PostgreSQL's literal syntax, of a post's title and body."""
    lexemes = {}
    word_end = _add(lexemes, text.words(title), "A", 0) if title else 0
    _add(lexemes, text.words(body), "B", word_end)
    gram_end = _add(lexemes, ((p, GRAM_PREFIX + g) for p, g in text.grams(title)), "A", 0) \
        if title else 0
    _add(lexemes, ((p, GRAM_PREFIX + g) for p, g in text.grams(body)), "B", gram_end)
    return " ".join(_quote(lexeme) + ":" + ",".join(f"{p}{w}" for p, w in positions)
                    for lexeme, positions in lexemes.items())


def _phrase(lexemes, weights=""):
    return "(" + " <-> ".join(_quote(lexeme) + (":" + weights if weights else "")
                              for lexeme in lexemes) + ")"


def words_query(parsed, weights=""):
    """tsquery text: every query word as a phrase of its jieba words."""
    return " & ".join(_phrase(tokens, weights) for _raw, tokens, _grams in parsed)


def grams_query(parsed):
    """tsquery text: every query word as a sequence of grams (a substring match)."""
    parts = []
    for _raw, _tokens, grams in parsed:
        if len(grams) == 1 and text.is_prefix_gram(grams[0]):
            parts.append(_quote(GRAM_PREFIX + grams[0]) + ":*")
        else:
            parts.append(_phrase([GRAM_PREFIX + g for g in grams]))
    return " & ".join(parts)


class PostgresBackend:
    """Index, remove and search posts through `post.search_vector`."""

    name = "postgres"

    def apply(self, changes, load):
        """Write the vectors of the changed posts (NULL for those no longer public)."""
        remove_ids, _threads, documents = load(changes)  # a deleted row takes its vector along
        with db.engine.begin() as connection:
            if remove_ids:
                connection.execute(sql("UPDATE post SET search_vector = NULL WHERE id = ANY(:ids)"),
                                   {"ids": sorted(remove_ids)})
            self._write(connection, documents)

    @staticmethod
    def _write(connection, documents):
        if documents:
            connection.execute(
                sql("UPDATE post SET search_vector = CAST(:vector AS tsvector) WHERE id = :id"),
                [{"id": d["post_id"], "vector": vector_literal(d["title"], d["body"])}
                 for d in documents])

    def rebuild(self, batches):
        """Recompute every vector; posts that are not public get none."""
        count = 0
        with db.engine.begin() as connection:
            connection.execute(sql("UPDATE post SET search_vector = NULL "
                                   "WHERE search_vector IS NOT NULL"))
        for batch in batches:
            with db.engine.begin() as connection:
                self._write(connection, batch)
            count += len(batch)
        return count

    def search(self, parsed, filters, newest, page, per_page, fallback=False, cap=None):
        """(post ids of the page, total hits counted up to `cap`) for the parsed query.

        By relevance, only the newest `cap` matches are ranked (CANDIDATES without a cap):
        ts_rank reads every candidate's vector, which for a word in a fifth of all posts
        costs far more than finding them (DESIGN §8), and no one pages further. Their
        count is the total, so one statement answers both.
        """
        tsquery = grams_query(parsed) if fallback else words_query(parsed)
        where, params = self._where(filters)
        params.update(q=tsquery, types=public_types(), limit=per_page,
                      offset=(page - 1) * per_page, cap=cap, candidates=cap or CANDIDATES)
        base = ("FROM post p JOIN thread t ON t.id = p.thread_id JOIN board b ON b.id = t.board_id "
                "WHERE p.search_vector @@ CAST(:q AS tsquery) AND p.status = 'published' "
                "AND t.status = 'published' AND b.type = ANY(:types)" + where)
        with db.engine.connect() as connection:
            if newest:
                rows = connection.execute(sql(f"SELECT p.id, NULL {base} ORDER BY p.created_at "
                                              "DESC, p.id DESC LIMIT :limit OFFSET :offset"),
                                          params).all()
            else:
                params["title_q"] = words_query(parsed, "A") if not fallback else tsquery
                rows = connection.execute(sql(
                    f"SELECT c.id, count(*) OVER () FROM (SELECT p.id, p.search_vector {base} "
                    "ORDER BY p.id DESC LIMIT :candidates) c "
                    "ORDER BY (c.search_vector @@ CAST(:title_q AS tsquery)) DESC, "
                    "ts_rank(c.search_vector, CAST(:q AS tsquery)) DESC, c.id DESC "
                    "LIMIT :limit OFFSET :offset"), params).all()
            if rows and rows[0][1] is not None and cap:
                return [row[0] for row in rows], rows[0][1]
            total = connection.execute(sql(f"SELECT count(*) FROM (SELECT 1 {base} LIMIT :cap) c"),
                                       params).scalar_one()
        return [row[0] for row in rows], total

    @staticmethod
    def _where(filters):
        clauses, params = [], {}
        for key, column in (("board", "t.board_id"), ("thread", "p.thread_id"),
                            ("author", "p.author_id")):
            if filters.get(key) is not None:
                clauses.append(f" AND {column} = :{key}")
                params[key] = filters[key]
        if filters.get("since"):
            clauses.append(" AND p.created_at >= :since")
            params["since"] = filters["since"]
        if filters.get("until"):
            clauses.append(" AND p.created_at < :until")
            params["until"] = filters["until"]
        return "".join(clauses), params

    def clear(self):
        """Forget every vector (tests)."""
        with db.engine.begin() as connection:
            connection.execute(sql("UPDATE post SET search_vector = NULL"))
