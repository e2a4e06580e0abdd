"""Whoosh's matchers skip by bisecting their blocks (forum/search/whoosh_skips.py) and
reach the same postings as Whoosh's own skip, which reads every header on the way."""
import random

import pytest
from whoosh import index
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.fields import TEXT, Schema
from whoosh.matching import ReadTooFar

from forum.search import whoosh_skips


def _index(folder):
    """4,000 documents over two segments: "often" in most (12 blocks of 128 each)."""
    ix = index.create_in(str(folder), Schema(body=TEXT))
    rng = random.Random(7)
    for _segment in range(2):
        writer = ix.writer()
        for _ in range(2000):
            words = ["often"] * rng.randint(0, 3) + ["seldom"] * (rng.random() < 0.05)
            writer.add_document(body=" ".join(words + ["every"]))
        writer.commit()
    return ix


def _posting(matcher):
    return (matcher.id(), matcher.weight(), matcher.value()) if matcher.is_active() else None


def _walk(searcher, word, targets, skip_to):
    """The postings a matcher stands on as it skips to each target, then steps once."""
    seen = []
    for sub, _offset in searcher.leaf_searchers():
        matcher = sub.postings("body", word)
        for target in targets:
            if not matcher.is_active():
                break
            skip_to(matcher, target)
            seen.append(_posting(matcher))
            if matcher.is_active():
                matcher.next()
                seen.append(_posting(matcher))
    return seen


def test_a_matcher_skips_to_the_same_postings_as_whoosh_s_own_skip(tmp_path):
    assert W3LeafMatcher.skip_to is whoosh_skips._skip_to  # installed by forum.search.whoosh
    with _index(tmp_path).searcher() as searcher:
        rng = random.Random(11)
        for word in ("often", "seldom", "every"):
            for _ in range(40):
                targets = sorted(rng.sample(range(2020), rng.randint(1, 12)))
                ours = _walk(searcher, word, targets, whoosh_skips._skip_to)
                assert ours == _walk(searcher, word, targets, whoosh_skips.whoosh_skip_to)
            assert _walk(searcher, word, [0, 1999, 2000], whoosh_skips._skip_to) == _walk(
                searcher, word, [0, 1999, 2000], whoosh_skips.whoosh_skip_to)


def test_a_matcher_skipped_past_its_last_posting_is_done_as_whoosh_s(tmp_path):
    with _index(tmp_path).searcher() as searcher:
        sub = searcher.leaf_searchers()[0][0]
        for first in (1500, 1995):  # from a block in the middle, then from the last
            matcher = sub.postings("body", "often")
            matcher.skip_to(first)
            assert matcher.is_active()
            matcher.skip_to(10**6)
            assert not matcher.is_active()
            with pytest.raises(ReadTooFar):
                matcher.skip_to(10**6 + 1)


def test_a_posting_list_s_blocks_are_read_once_while_it_is_among_the_kept(tmp_path, monkeypatch):
    reads = []
    real = whoosh_skips._read_headers
    monkeypatch.setattr(whoosh_skips, "_read_headers", lambda *args: reads.append(1) or real(*args))
    monkeypatch.setattr(whoosh_skips, "KEPT_LISTS", 1)
    with _index(tmp_path).searcher() as searcher:
        sub = searcher.leaf_searchers()[0][0]
        for word in ("often", "often", "every", "often"):
            sub.postings("body", word).skip_to(1800)
    assert len(reads) == 3  # often, every, then often again: only one list is kept
