"""Whoosh queries for a search's parsed words (forum.search.text.query_words) and its
filters, and the phrase query they use (DESIGN §8)."""
from whoosh import matching, query
from whoosh.query.spans import Span, SpanNear2

from forum.search import text

TITLE_BOOST = 5.0


def phrase(field, tokens):
    """A term, or the terms in a row."""
    return query.Term(field, tokens[0]) if len(tokens) == 1 else Consecutive(field, tokens)


class Consecutive(query.Phrase):
    """A phrase: its terms at consecutive positions, in order (query.Phrase's default),
    checked on sets of positions. query.Phrase checks them through Whoosh's spans, which
    build, sort and compare an object per position of every candidate: half the time of
    a search for a phrase of two pairs (责任到人: "责任 到" then "到 人"). The same
    matches as query.Phrase where a posting's positions ascend, as our tokenizers write
    them (Phrase's binary search needs that too)."""

    def matcher(self, searcher, context=None):
        field, reader = searcher.schema[self.fieldname], searcher.reader()
        terms = []
        for word in self.words:
            word = field.to_bytes(word)
            if (self.fieldname, word) not in reader:
                return matching.NullMatcher()
            terms.append(query.Term(self.fieldname, word).matcher(searcher, context))
        matcher = _ConsecutiveMatcher(terms)
        return matcher if self.boost == 1.0 else matching.WrappingMatcher(matcher, boost=self.boost)


class _ConsecutiveMatcher(SpanNear2.SpanNear2Matcher):
    """The intersection of the terms' matchers (SpanNear2's), keeping the documents where
    the terms stand side by side; its spans are the phrase's."""

    def _get_spans(self):
        first, *rest = self.ms
        starts = first.value_as("positions")
        for offset, term in enumerate(rest, 1):
            there = set(term.value_as("positions"))
            starts = [start for start in starts if start + offset in there]
            if not starts:
                return []
        return [Span(start, start + len(rest)) for start in starts]


def words_query(parsed):
    """Every query word as its jieba word or a phrase of its word pairs (组织生活会: the
    one term "组织生活 会", no positions to check), in the title (boosted) or the body."""
    words = []
    for _raw, tokens, _grams in parsed:
        terms = text.pair_terms(tokens)
        title = phrase("title", terms)
        title.boost = TITLE_BOOST
        words.append(query.Or([title, phrase("body", terms)]))
    return query.And(words)


def grams_query(parsed):
    """Every query word as a sequence of grams: an exact substring match."""
    words = []
    for _raw, _tokens, grams in parsed:
        if len(grams) == 1 and text.is_prefix_gram(grams[0]):
            words.append(query.Prefix("grams", grams[0]))
        else:
            words.append(phrase("grams", grams))
    return query.And(words)


def filter_query(filters):
    """The board, thread, author and dates a search is limited to, or None."""
    terms = [query.Term(f"{key}_id", str(filters[key])) for key in ("board", "thread", "author")
             if filters.get(key) is not None]
    if filters.get("since") or filters.get("until"):
        terms.append(query.DateRange("created_at", filters.get("since"), filters.get("until")))
    return query.And(terms) if terms else None
