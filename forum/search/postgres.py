"""The scale backend: PostgreSQL full-text search over jieba-segmented text (DESIGN §8).

`post.search_vector` (migration 0008) holds the title's words (weight A, first posts
only) and the body's words (weight B), with each pair of neighbouring words, as lexemes
of the `simple` kind, built here in Python because apt's PostgreSQL has no Chinese parser; gram lexemes for the substring
fallback carry a `_` prefix, which jieba's words never start with. A GIN index serves
`@@`; the column's statistics target is 1000 so the planner knows rare words are rare.
`post.rank_vector` (migration 0034) is the same vector without the pairs and grams,
derived by PostgreSQL on every write: what ranking reads (see `_ranked`). A second GIN
index holds only the newest posts (migration 0035, `move_recent_index`), where a common
word's newest matches are: its postings there are a tenth of all of them.
Several app servers share the one index, and it commits with the database.
"""
import re
import time
from contextlib import contextmanager

from sqlalchemy import text as sql

from forum.extensions import db
from forum.models import ContentStatus
from forum.search import text
from forum.search.windows import next_span

MAX_POSITION = 16383  # PostgreSQL's limit
MAX_POSITIONS_PER_LEXEME = 255
GRAM_PREFIX = "_"
CANDIDATES = 2000  # matches looked at without a cap: the newest ones (see search)
WINDOW = 20000  # post ids the first window of the newest matches spans (see _Matches)
WORK_MEM = "32MB"  # a search's bitmaps stay exact up to every post of a million (see search)
RECENT_INDEX = "ix_post_search_vector_recent"
RECENT_POSTS = 100_000  # the recent index holds the newest this many posts to twice as many
TEND_SECONDS = 600  # how often a process looks whether the recent index should move up
# New posts wait in a GIN index's pending list until it holds this many kB, and every
# search reads the whole list: the planner then prices the small recent index as dear
# and reads the whole index instead (4 MB, the default, did); 64 costs a post's write
# about 2 ms more than the whole index alone does (fastupdate off: 5).
RECENT_PENDING_KB = 64
FLOOR_SECONDS = 60  # how long a process goes by the recent index's floor it read (see _floor)
_MOVING_LOCK = 220035  # pg_advisory_lock key: one process moves the recent index at a time
DATE_ROWS = 10_000  # posts a date check reads row by row at most, instead of the index (by_date)


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
    word_end = _add(lexemes, text.words_and_pairs(title), "A", 0) if title else 0
    _add(lexemes, text.words_and_pairs(body), "B", word_end)
    gram_end = _add(lexemes, ((p, GRAM_PREFIX + g) for p, g in text.grams(title)), "A", 0) \
        if title else 0
    _add(lexemes, ((p, GRAM_PREFIX + g) for p, g in text.grams(body)), "B", gram_end)
    return " ".join(_quote(lexeme) + ":" + ",".join(f"{p}{w}" for p, w in positions)
                    for lexeme, positions in lexemes.items())


def _phrase(lexemes, weights=""):
    return "(" + " <-> ".join(_quote(lexeme) + (":" + weights if weights else "")
                              for lexeme in lexemes) + ")"


def words_query(parsed):
    """tsquery text for the index: every query word as its jieba word, or as the pairs of
    its words (组织生活会: the one lexeme "组织生活 会"), with no positions, which the
    index answers alone; the order of three words or more is `phrases_query`'s."""
    return " & ".join(" & ".join(_quote(term) for term in text.pair_terms(tokens))
                      for _raw, tokens, _grams in parsed)


def phrases_query(parsed):
    """tsquery text checking on `rank_vector` that the pairs of a query word of three
    words or more stand in order (民主 <-> 生活 <-> 会), or None when no word has three:
    checked on `search_vector`, the positions cost reading 2 KB from TOAST a candidate
    (民主生活会: 275 ms for a window of 2,865 candidates at 100,000 posts, 39 ms here)."""
    return rank_query(parsed) if any(len(tokens) > 2 for _raw, tokens, _grams in parsed) else None


def rank_query(parsed, weights=""):
    """tsquery text for `rank_vector`, which holds no pairs: every query word as a phrase
    of its jieba words (组织生活 <-> 会), which matches wherever its pairs do."""
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


def _ranking(parsed, fallback):
    """How matches are ranked, in the statements that find them (_Matches._rows): (the
    columns a window keeps for it, the SQL of a match's `title` and `rank` over them,
    the parameters they add). The rank asks the query the rows answer: `rows_q`, each
    query word as a phrase of its jieba words; for the substring fallback, `q` itself.

    Posts whose title holds the words come first (only first posts have a title, so it is
    tested on them alone), then ts_rank. Both read `rank_vector`: the words alone, about
    500 bytes in the row, where `search_vector` with its pairs and grams is 2 KB out of
    line, and decompressing it was most of a search (30-50 ms for 1,001 posts at 100,000
    posts; then 4-8). The substring fallback's grams are only in `search_vector`: it ranks
    there, titles unseen."""
    if fallback:
        return ("p.search_vector", "false", "ts_rank(w.search_vector, CAST(:q AS tsquery))", {})
    return ("p.number, p.rank_vector",
            "coalesce(w.number = 1 AND w.rank_vector @@ CAST(:title_q AS tsquery), false)",
            "ts_rank(w.rank_vector, CAST(:rows_q AS tsquery))", {"title_q": rank_query(parsed, "A")})


class PostgresBackend:
    """Index, remove and search posts through `post.search_vector`."""

    name = "postgres"

    def __init__(self):
        self._tended = -TEND_SECONDS
        self._floor_read = (-FLOOR_SECONDS, None)  # (when, the floor then)

    @staticmethod
    @contextmanager
    def locked(_block):
        """Every process may apply at once: the vectors commit with the database."""
        yield True

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
        # In the posts' order: two processes applying the same rows at once (each app
        # server's indexer may) then wait for each other instead of deadlocking.
        if documents:
            connection.execute(
                sql("UPDATE post SET search_vector = CAST(:vector AS tsvector) WHERE id = :id"),
                [{"id": d["post_id"], "vector": vector_literal(d["title"], d["body"])}
                 for d in sorted(documents, key=lambda d: d["post_id"])])

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

        Only the newest `cap` matches are looked at (CANDIDATES without a cap): no one
        pages further, and ts_rank reads each candidate's vector (DESIGN §8). By
        relevance they are ranked as they are found, titles first (`_ranking`); newest
        first, sorted by date.
        """
        ranking = None if newest else _ranking(parsed, fallback)
        matches = (_Matches(grams_query(parsed), None, None, filters, ranking) if fallback
                   else _Matches(words_query(parsed), phrases_query(parsed), rank_query(parsed),
                                 filters, ranking))
        wanted = page * per_page
        with db.engine.connect() as connection:
            # A common word's bitmap (a fifth of a million posts) outgrows the default
            # 4 MB and turns lossy: every row of its pages is then checked again, each
            # vector read from TOAST (学习: 17,600 buffers instead of 1,800, +25 ms).
            connection.execute(sql(f"SET LOCAL work_mem = '{WORK_MEM}'"))
            found, boundary = matches.newest(connection, cap or CANDIDATES,
                                             self._floor(connection))
            if newest:
                ids = matches.by_date(connection, found, boundary, wanted)[-per_page:]
            else:
                ranked = sorted(found, key=lambda row: (row.title, row.rank, row.id), reverse=True)
                ids = [row.id for row in ranked[wanted - per_page:wanted]]
        return ids, len(found)

    def _floor(self, connection):
        """The recent index's floor as this process last read it, at most FLOOR_SECONDS
        ago: it moves once every RECENT_POSTS posts, and a floor read before a move only
        sends a window to the whole index, as before there was one."""
        when, floor = self._floor_read
        if time.monotonic() >= when + FLOOR_SECONDS:
            floor = recent_floor(connection)
            self._floor_read = (time.monotonic(), floor)
        return floor

    def tend(self):
        """Move the recent index up when it has grown too far (every TEND_SECONDS at most:
        the periodic drain calls this every few seconds). A move takes this process's
        outbox thread for a minute or so at a million posts, once every RECENT_POSTS
        posts; the other processes' threads apply the outbox meanwhile."""
        if time.monotonic() < self._tended + TEND_SECONDS:
            return
        self._tended = time.monotonic()
        move_recent_index()

    def check(self):
        """Read one vector, as a search does (a health check)."""
        with db.engine.connect() as connection:
            connection.execute(sql("SELECT search_vector FROM post LIMIT 1"))

    def clear(self):
        """Forget every vector (tests)."""
        with db.engine.begin() as connection:
            connection.execute(sql("UPDATE post SET search_vector = NULL"))


def recent_floor(connection):
    """The post id above which the recent index holds every post, None without one."""
    predicate = connection.execute(sql(
        "SELECT pg_get_expr(indpred, indrelid) FROM pg_index WHERE indexrelid = to_regclass(:name)"),
        {"name": RECENT_INDEX}).scalar()
    found = re.search(r"id > (\d+)", predicate or "")
    return int(found.group(1)) if found else None


def move_recent_index(recent=RECENT_POSTS):
    """Build the recent index again over the newest `recent` posts once more than twice as
    many stand above its floor (or when it is missing); True when it was built.

    Built beside the old one without locking writes (CONCURRENTLY), then swapped in: until
    then searches use the old one, and between the two the whole index (slower, as right).
    A GIN lookup reads every posting of a word in the index it uses: 学习, in 18% of posts,
    takes 22 ms in the whole index at a million posts, 2 ms in the newest 100,000, where
    its newest 1,001 matches are."""
    with db.engine.connect() as connection:
        connection = connection.execution_options(isolation_level="AUTOCOMMIT")
        if not _should_move(connection, recent):
            return False
        if not connection.execute(sql("SELECT pg_try_advisory_lock(:key)"),
                                  {"key": _MOVING_LOCK}).scalar():
            return False  # another process is moving it
        try:
            if not _should_move(connection, recent):  # moved while we waited for the lock
                return False
            top = connection.execute(sql("SELECT coalesce(max(id), 0) FROM post")).scalar()
            new = f"{RECENT_INDEX}_new"
            connection.execute(sql(f"DROP INDEX CONCURRENTLY IF EXISTS {new}"))  # a failed move
            connection.execute(sql(
                f"CREATE INDEX CONCURRENTLY {new} ON post USING gin (search_vector) "
                f"WITH (gin_pending_list_limit = {RECENT_PENDING_KB}) "
                f"WHERE id > {max(0, top - recent)}"))
            connection.execute(sql(f"DROP INDEX CONCURRENTLY IF EXISTS {RECENT_INDEX}"))
            connection.execute(sql(f"ALTER INDEX {new} RENAME TO {RECENT_INDEX}"))
        finally:
            connection.execute(sql("SELECT pg_advisory_unlock(:key)"), {"key": _MOVING_LOCK})
    return True


def _should_move(connection, recent):
    floor = recent_floor(connection)
    top = connection.execute(sql("SELECT coalesce(max(id), 0) FROM post")).scalar()
    return floor is None or top - floor > 2 * recent


class _Matches:
    """The indexed posts matching a tsquery and the filters, found newest first.

    Only public posts have a vector (apply and rebuild see to it, as Whoosh holds only
    public posts), and every hit is checked against its rows and the reader's access
    before it is shown (forum.search.results), so the thread and board are joined only
    to filter by board.

    PostgreSQL's planner guesses how many rows a phrase or words that come together
    match by multiplying each word's share, often a hundred times too low; it then
    fetches every match of a common phrase to sort them (hundreds of ms at a million
    posts). So the newest matches are looked for window by window of post ids, where
    the index answers only for the window, each window as wide as the matches so far
    say is needed (forum.search.windows): a window reads every candidate in it (a word
    of three words or more checks their order in each one's `rank_vector`), and each
    window looks up every word of the query in the index again. A window's ids are
    written into the statement, so that the planner sees it lies above the recent
    index's floor and reads that index (学习, in 18% of posts: 2 ms there, 22 in the
    whole index at a million posts). Since phrases of two words are one lexeme the
    planner estimates them well.

    `rows_query` is the same match on `rank_vector` (each query word as a phrase of its
    jieba words, where its pairs are), which a row answers alone without the index:
    see by_date. None for the substring fallback, whose grams only the index has.
    """

    def __init__(self, tsquery, phrases, rows_query, filters, ranking=None):
        self.indexed = "p.search_vector @@ CAST(:q AS tsquery)" + (
            " AND p.rank_vector @@ CAST(:phrases AS tsquery)" if phrases else "")
        self.params = {"q": tsquery, "phrases": phrases, "rows_q": rows_query,
                       **(ranking[3] if ranking else {})}
        self.ranking = ranking
        self.by_rows = "p.rank_vector @@ CAST(:rows_q AS tsquery)" if rows_query else None
        self.top = 0
        self.join = ""
        where = []
        for key, column in (("thread", "p.thread_id"), ("author", "p.author_id"),
                            ("board", "t.board_id")):
            if filters.get(key) is not None:
                where.append(f" AND {column} = :{key}")
                self.params[key] = filters[key]
        if filters.get("board") is not None:
            self.join = " JOIN thread t ON t.id = p.thread_id"
        for key, operator in (("since", ">="), ("until", "<")):
            if filters.get(key):
                where.append(f" AND p.created_at {operator} :{key}")
                self.params[key] = filters[key]
        self.where = "".join(where)

    def _rows(self, connection, match, condition, need=None, **values):
        kept = f", {self.ranking[0]}" if self.ranking else ""
        statement = (
            f"SELECT p.id, p.created_at{kept} FROM post p{self.join} WHERE {match} "
            f"AND p.status = '{ContentStatus.PUBLISHED}'"
            f"{self.where} AND {condition} ORDER BY p.id DESC" + (" LIMIT :need" if need else ""))
        if self.ranking:  # the rows kept are ranked, not every one the window read (in a
                          # single SELECT PostgreSQL ranks each row it sorts), while in hand
            _kept, title, rank, _values = self.ranking
            statement = (f"SELECT w.id, w.created_at, {title} AS title, {rank} AS rank "
                         f"FROM ({statement}) w ORDER BY w.id DESC")
        return connection.execute(sql(statement), {**self.params, **values, "need": need}).all()

    def newest(self, connection, count, floor=None):
        """(the newest `count` matches by post id, as (id, created_at) rows, with their
        title and rank where ranking; the lowest id looked at, 0 when every match was seen).

        A window that would reach below the recent index's `floor` stops at it when the
        matches so far say the rest lie above it: the planner reads the recent index only
        for a window wholly above its floor, and reading the whole index costs a common
        word every one of its postings (组织生活会 党员: 8 ms, against 1 in the recent one)."""
        self.top = (connection.execute(sql("SELECT max(id) FROM post")).scalar() or 0) + 1
        found, high, span = [], self.top, WINDOW
        above = floor + 1 if floor is not None else None  # the recent index holds id > floor
        while high > 0 and len(found) < count:
            low = max(0, high - span)
            if above is not None and low < above < high and found and (
                    (high - above) * len(found) >= (count - len(found)) * (self.top - high)):
                low = above
            found += self._rows(connection, self.indexed, f"p.id >= {low} AND p.id < {high}",
                                count - len(found))
            high, span = low, next_span(span, self.top - low, len(found), count, WINDOW)
        return found, (0 if len(found) < count else found[-1].id)

    def by_date(self, connection, found, boundary, wanted):
        """The first `wanted` ids by date, newest first. Post ids follow creation, so the
        newest matches by id are the newest by date; a match with a smaller id and a later
        date than the last one kept (an imported post) is looked up by date.

        Where the posts since that date are few (a common word: 学习's 20th newest match is
        a few hundred posts back), they are read by date and each row checked
        (`rows_query`), not the index: the index would read every posting of the word
        again (22 ms at a million posts)."""
        rows = sorted(found, key=lambda row: (row.created_at, row.id), reverse=True)
        if boundary and len(rows) >= wanted:
            few = self.by_rows and self.top - rows[wanted - 1].id <= DATE_ROWS
            rows += self._rows(connection, self.by_rows if few else self.indexed,
                               "p.id < :boundary AND p.created_at >= :after",
                               boundary=boundary, after=rows[wanted - 1].created_at)
            rows.sort(key=lambda row: (row.created_at, row.id), reverse=True)
        return [row.id for row in rows[:wanted]]
