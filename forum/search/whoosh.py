"""The embedded backend: a Whoosh index in the instance folder (DESIGN §8, §11).

Whoosh allows one writer at a time. The changes to apply wait in the search outbox
(forum.search.outbox, rows in the database); a cross-process file lock decides who
applies them (forum.search.adapter.drain): whoever holds it applies every waiting row
through one writer, and after releasing it looks again, so a row written meanwhile is
never stranded: a process that finds the lock taken leaves its rows to the holder.
"""
import fcntl
import logging
import os
import shutil
import threading
from contextlib import contextmanager
from itertools import takewhile
from pathlib import Path

from whoosh import index, query
from whoosh.analysis import Token, Tokenizer
from whoosh.fields import DATETIME, ID, TEXT, Schema
from whoosh.reading import SegmentReader
from whoosh.util.times import long_to_datetime

from forum.search import text, whoosh_skips
from forum.search.whoosh_dates import DateCeilings
from forum.search.whoosh_queries import filter_query, grams_query, words_query
from forum.search.windows import next_span

log = logging.getLogger(__name__)
whoosh_skips.install()  # Whoosh's matchers skip by bisecting their blocks
WINDOW = 4000  # docnums scanned first for the newest matches (see windows.next_span)
# _merge_newest merges a segment into the next write while it holds at most TAIL_RATIO
# times the documents gathered so far. Copying a segment's postings through Python is
# most of a write's CPU. At 4, a post was copied 10-16 times after it was written; at 1,
# 5-6 times. The price is two or three segments more, each costing a search about 0.2 ms
# (bench/RESULTS.md, posting in session 12).
TAIL_RATIO = 1
SCAN_BELOW = 5000  # matches (by the index's counts) read with their dates, not by a date range
# What reading a generation whose files a writer just deleted raises: the file's error;
# for a vanished column file, an IndexError from Whoosh's column reader; or a TypeError
# for stored fields whose column file was not opened yet and is gone (Whoosh opens them
# on first use, and W3PerDocReader.stored_fields then subscripts None).
VANISHED = (OSError, IndexError, TypeError)
# How often a search reads, from the newest generation each time, while writes keep
# deleting what it reads: under load, a search paused between listing the newest TOC and
# opening it, or its columns, can see two writes in a row delete them.
READ_TRIES = 3


class WordTokenizer(Tokenizer):
    """jieba words with sequential positions, so phrases match, and each pair of
    neighbouring words as one term at the first word's position (text.with_pairs)."""

    split = staticmethod(text.words_and_pairs)

    def __call__(self, value, positions=False, chars=False, keeporiginal=False,
                 removestops=True, start_pos=0, start_char=0, tokenize=True, mode="", **kwargs):
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for pos, word in self.split(value):
            token.text, token.boost, token.stopped = word, 1.0, False
            if positions:
                token.pos = start_pos + pos
            yield token


class GramTokenizer(WordTokenizer):
    """CJK bigrams and ASCII words with positions: the substring fallback."""

    split = staticmethod(text.grams)


def make_schema():
    return Schema(post_id=ID(unique=True, stored=True), thread_id=ID, board_id=ID,
                  author_id=ID, created_at=DATETIME(sortable=True),
                  title=TEXT(analyzer=WordTokenizer()), body=TEXT(analyzer=WordTokenizer()),
                  grams=TEXT(analyzer=GramTokenizer()))


class WhooshBackend:
    """Index, remove and search posts in a Whoosh index kept in `folder`."""

    name = "whoosh"

    def __init__(self, folder):
        self.folder = Path(folder)
        self._searcher = None
        self._searcher_lock = threading.Lock()  # also guards _ceilings
        self._ceilings = DateCeilings()

    # -- writing -------------------------------------------------------------------

    def apply(self, changes, load):
        """Reconcile the index with the rows behind `changes`; the caller holds the lock."""
        self._write(*load(changes))

    @contextmanager
    def locked(self, block):
        """Hold the cross-process writer lock; yields False if `block` is off and it is taken."""
        self.folder.mkdir(parents=True, exist_ok=True)
        with open(self.folder / "writer.lock", "a") as handle:
            flags = fcntl.LOCK_EX if block else fcntl.LOCK_EX | fcntl.LOCK_NB
            try:
                fcntl.flock(handle, flags)
            except BlockingIOError:
                yield False
                return
            try:
                yield True
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def _write(self, remove_ids, remove_threads, documents):
        ix = self._open()
        # We hold the only lock, so the timeout only covers a writer lock left behind
        # by a killed process, which Whoosh's own lock (an flock too) has released.
        writer = ix.writer(timeout=10.0, compound=False)
        try:
            searcher = writer.searcher()  # one reused searcher: a delete without it costs 0.5 s
            for thread_id in remove_threads:
                writer.delete_by_term("thread_id", str(thread_id), searcher=searcher)
            for post_id in remove_ids:
                writer.delete_by_term("post_id", str(post_id), searcher=searcher)
            _merge_newest(writer, len(documents))
            for document in documents:
                writer.add_document(**_fields(document))
        except Exception:
            writer.cancel()
            raise
        writer.commit(merge=False)  # the merge is done: the new segment goes last

    def rebuild(self, batches):
        """Replace the whole index with the documents of `batches` (lists of documents).

        The new index is built beside the old one, which answers searches until the new
        one takes its place; writes meanwhile wait in the outbox."""
        with self.locked(block=True):
            building, old = self.folder / "index.new", self.folder / "index.old"
            for folder in (building, old):
                shutil.rmtree(folder, ignore_errors=True)
            ix = index.create_in(self._ensure(building), make_schema())
            writer = ix.writer(limitmb=256, compound=False)
            count = 0
            for batch in batches:
                for document in batch:
                    writer.add_document(**_fields(document))
                count += len(batch)
            writer.commit(optimize=True)
            current = self.folder / "index"
            if current.exists():
                current.rename(old)
            building.rename(current)  # searchers see a new folder and reopen
            shutil.rmtree(old, ignore_errors=True)
        return count

    def clear(self):
        """Drop the index (tests)."""
        with self.locked(block=True):
            shutil.rmtree(self.folder / "index", ignore_errors=True)
        with self._searcher_lock:
            self._close_searcher()

    def _open(self):
        folder = self._ensure(self.folder / "index")
        if index.exists_in(folder):
            return index.open_dir(folder)
        return index.create_in(folder, make_schema())

    @staticmethod
    def _ensure(folder):
        folder.mkdir(parents=True, exist_ok=True)
        return str(folder)

    def tend(self):
        """Nothing to keep up between writes: each write merges the newest segments."""

    # -- reading -------------------------------------------------------------------

    def check(self):
        """Open the index as a search does (a health check); no index yet is fine."""
        folder = str(self.folder / "index")
        if index.exists_in(folder):
            index.open_dir(folder).latest_generation()

    def search(self, parsed, filters, newest, page, per_page, fallback=False, cap=None):
        """(post ids of the page, total hits counted up to `cap`) for the parsed query.

        By relevance, only the newest `cap` matches are scored (as on PostgreSQL): a
        common word's every match would cost far more, and no one pages further. Title
        matches rank first through the title's boost.
        """
        words = grams_query(parsed) if fallback else words_query(parsed)
        restrict = filter_query(filters)
        exact = query.And([words, restrict]) if restrict else words
        with self._searcher_lock:
            for tries_left in reversed(range(READ_TRIES)):
                try:
                    return self._search(exact, words, newest, page, per_page, cap)
                except VANISHED:
                    # A write replaced the generation being read and deleted its files
                    # (a file opened late, or a segment's column, is gone): read the new one.
                    if not tries_left:
                        raise
                    self._close_searcher()

    def _search(self, exact, words, newest, page, per_page, cap):
        searcher = self._current_searcher()
        if searcher is None:
            return [], 0
        if newest:
            docnums, total = _newest_first(searcher, exact, words, page * per_page, cap,
                                           self._ceilings)
        else:
            ranked, _complete = _newest_matches(searcher, exact, cap)
            total = len(ranked)
            docnums = [docnum for _score, docnum in sorted(ranked, reverse=True)]
        docnums = docnums[(page - 1) * per_page:page * per_page]
        return [int(searcher.stored_fields(d)["post_id"]) for d in docnums], total

    def _current_searcher(self):
        # Reopen when the index has a new generation, or is a new index (a rebuild
        # makes a new folder); Searcher.refresh() in whoosh-reloaded 2.7.5 keeps
        # deleted documents after a merge (DESIGN §8).
        folder = str(self.folder / "index")
        if not index.exists_in(folder):
            self._close_searcher()
            return None
        if self._searcher is None:
            ix = index.open_dir(folder)
            self._searcher = (ix, self._version(ix, folder), ix.searcher())
        ix, version, searcher = self._searcher
        latest = self._version(ix, folder)
        if latest != version:
            searcher.close()
            if latest[0] != version[0]:
                ix = index.open_dir(folder)
            self._searcher = (ix, latest, ix.searcher())
        return self._searcher[2]

    @staticmethod
    def _version(ix, folder):
        return os.stat(folder).st_ino, ix.latest_generation()

    def _close_searcher(self):
        if self._searcher is not None:
            self._searcher[2].close()
            self._searcher = None


def _merge_newest(writer, adding):
    """Merge the newest segments into the one being written, before its `adding` new
    documents, so the index keeps the order posts were written, which the search relies
    on to find the newest matches at the end. (Whoosh's MERGE_SMALL merges the smallest
    segments wherever they stand, after the new documents.) A segment is merged while it
    holds at most TAIL_RATIO times the documents gathered so far, so sizes fall
    geometrically from the oldest segment to the newest and there are never many."""
    segments, docs = writer.segments, adding
    keep = len(segments)
    while keep and segments[keep - 1].doc_count() <= TAIL_RATIO * docs:
        keep -= 1
        docs += segments[keep].doc_count()
    for segment in segments[keep:]:
        reader = SegmentReader(writer.storage, writer.schema, segment)
        writer.add_reader(reader)
        reader.close()
    writer.segments = segments[:keep]


def _fields(document):
    fields = {"post_id": str(document["post_id"]), "thread_id": str(document["thread_id"]),
              "board_id": str(document["board_id"]), "created_at": document["created_at"],
              "body": document["body"],
              "grams": f"{document['title'] or ''}\n{document['body']}"}
    if document["author_id"] is not None:
        fields["author_id"] = str(document["author_id"])
    if document["title"]:
        fields["title"] = document["title"]
    return fields


def _newest_matches(searcher, exact, count, scored=True):
    """(the newest `count` matches by index order as (score, docnum), newest first; whether
    they are all the matches). Posts are indexed in id order and merges keep that order
    (`_merge_newest`), so these are the highest docnums, found by skipping to ever wider
    windows at the end of each segment, the newest segment first."""
    found, scanned = [], 0
    for sub, offset in reversed(searcher.leaf_searchers()):
        end, step = sub.doc_count_all(), WINDOW
        while end > 0 and (count is None or len(found) < count):
            start = max(0, end - step)
            matcher = exact.matcher(sub, searcher.context())
            if matcher.is_active() and matcher.id() < start:
                matcher.skip_to(start)
            window = []
            while matcher.is_active() and matcher.id() < end:
                window.append((matcher.score() if scored else 0, matcher.id() + offset))
                matcher.next()
            found += reversed(window)
            scanned += end - start
            end, step = start, next_span(step, scanned, len(found), count, WINDOW)
    complete = count is None or len(found) < count
    return found[:count], complete


def _newest_first(searcher, exact, words, wanted, cap, ceilings):
    """(the first `wanted` docnums by date, newest first; the total counted up to `cap`).

    The newest matches by index order are the candidates, sorted by date: the cost is
    bounded by `cap`, however common the words. An edited or moved post is indexed again
    at the end with its old date, so a match before the candidates may be newer than the
    last one kept: those are looked for too (`_newer_before`), unless no document below
    the candidates is dated that late (`ceilings`), as in an index where nothing was
    indexed out of date order below them."""
    found, complete = _newest_matches(searcher, exact, cap, scored=False)
    docnums = [docnum for _score, docnum in found]
    if not docnums:
        return [], 0  # an index of no segment has no dates to read either
    dates = searcher.reader().column_reader("created_at", translate=False)
    newest = sorted(docnums, key=lambda d: (dates[d], d), reverse=True)
    if not complete and len(newest) >= wanted:
        since, boundary = dates[newest[wanted - 1]], min(docnums)
        if ceilings.below(searcher, boundary) >= since:
            newest += _newer_before(searcher, exact, words, boundary, since, dates)
            newest.sort(key=lambda d: (dates[d], d), reverse=True)
    return newest[:wanted], len(docnums)


def _newer_before(searcher, exact, words, boundary, since, dates):
    """Matches below `boundary` (the lowest candidate) dated at or after `since` (a
    column value).

    Where the words have few matches (up to SCAN_BELOW, by the index's counts of the
    words alone: a date filter's range counts none), they are read with their dates: a
    word with a few hundred matches has its page's last date years back, and a date range
    from there reaches over most of the index (300 ms at 1,000,000 posts). Else the date
    range, searched up to the lowest candidate (past it, it would read the candidates
    again): it costs a few ms to open, where reading every match below and its date cost
    up to 100 ms for two common words at 100,000 posts."""
    if words.estimate_size(searcher.reader()) <= SCAN_BELOW:
        below = takewhile(lambda d: d < boundary, searcher.docs_for_query(exact))
        return [docnum for docnum in below if dates[docnum] >= since]
    newer = query.And([exact, query.DateRange("created_at", long_to_datetime(since), None)])
    return list(takewhile(lambda d: d < boundary, searcher.docs_for_query(newer)))
