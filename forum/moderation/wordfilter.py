"""The word filter (Discuz! 敏感词过滤): block, send to review, or replace words in posts.

Words and texts are compared in a normalised form (NFKC, casefolded, without spaces,
invisible characters or the separators people insert to slip a word past a filter), and
matched anywhere, since Chinese has no word boundaries. One Aho-Corasick pass finds every
rule in a text, whatever the number of rules. A post's body is checked twice: as written,
and as a reader sees it rendered, where entities, tags, comments, code and link syntax no
longer hide a word.
"""
import html
import re
import unicodedata
from dataclasses import dataclass, field
from itertools import chain, compress, repeat
from typing import NamedTuple

import ahocorasick
from sqlalchemy import select

from forum.extensions import db
from forum.markup import render
from forum.models import WordRule
from forum.settings import get_setting

# Inserted between the characters of a word to dodge filters: 法*轮, 法·轮, 法/轮.
SEPARATORS = frozenset("*-_.·・•‧、|/\\")
# Invisible, so a reader sees the word whole: zero-width space and joiners, BOM, word joiner.
INVISIBLE = frozenset("\u200b\u200c\u200d\ufeff\u2060\u00ad")
_TAG = re.compile(r"<[^>]*>")


class Rule(NamedTuple):
    """One rule of the filter, as the filter sees a WordRule row."""

    id: int
    word: str
    action: str  # block, review or replace
    replacement: str = "***"


@dataclass
class FilterResult:
    """What the filter found in one text."""

    text: str                      # the text with every replace rule's words replaced
    blocked: Rule | None = None    # the first block rule found, if any
    review: list = field(default_factory=list)  # review rules found, in order, once each
    replaced: list = field(default_factory=list)  # replace rules found, in order, once each

    @property
    def action(self):
        """'block', 'review' or None: block wins over review."""
        return _verdict(self.blocked, self.review)


@dataclass
class PostCheck:
    """What the filter found in a post's title and body."""

    title: str
    body: str
    body_html: str = ""  # the body after replacements, rendered
    blocked: Rule | None = None
    review: list = field(default_factory=list)

    @property
    def action(self):
        """'block', 'review' or None: block wins over review."""
        return _verdict(self.blocked, self.review)


def _verdict(blocked, review):
    if blocked is not None:
        return "block"
    return "review" if review else None


def _fold(cluster):
    """The normalised form of one character with its combining marks."""
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", cluster).casefold())
    return "".join(c for c in folded
                   if not (c.isspace() or c in SEPARATORS or c in INVISIBLE
                           or unicodedata.category(c) == "Cf"))


class _FoldTable(dict):
    """Character (or cluster) -> its normalised form, computed once; a dict, for map() speed."""

    def __missing__(self, cluster):
        if len(self) > 100_000:  # distinct clusters are few in real text; bound the hostile case
            self.clear()
        folded = self[cluster] = _fold(cluster)
        return folded


_FOLDED = _FoldTable()


def _clusters(text):
    """(index, character with the combining marks that follow it), so NFKC can compose them."""
    combining = unicodedata.combining
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and combining(text[j]):
            j += 1
        yield i, text[i:j]
        i = j


def normalise(text):
    """(normalised text, index in `text` of the character each normalised one came from)."""
    if unicodedata.is_normalized("NFC", text):
        # Nothing left for NFKC to compose, so each character can be folded alone, in C loops.
        starts, pieces = range(len(text)), list(map(_FOLDED.__getitem__, text))
    else:
        starts, clusters = zip(*_clusters(text))  # not empty: "" is normalised
        pieces = list(map(_FOLDED.__getitem__, clusters))
    return "".join(pieces), _positions(starts, pieces)


def _positions(starts, pieces):
    """For each character of "".join(pieces), the start of the piece it belongs to."""
    if max(map(len, pieces), default=0) <= 1:  # no piece expanded: keep the non-empty ones
        return list(compress(starts, pieces))
    return list(chain.from_iterable(map(repeat, starts, map(len, pieces))))


def _cluster_end(text, start):
    """One past the last combining mark of the character at `start`."""
    end = start + 1
    while end < len(text) and unicodedata.combining(text[end]):
        end += 1
    return end


class WordFilter:
    """An immutable set of rules, compiled once, checked against texts many times."""

    def __init__(self, rules):
        self._by_word = {}
        for rule in rules:
            word = normalise(rule.word)[0]
            if word:  # a word of separators only would match everywhere or nowhere
                self._by_word.setdefault(word, []).append(Rule(*rule))
        self._automaton = self._compile() if self._by_word else None

    def _compile(self):
        automaton = ahocorasick.Automaton()
        for word, rules in self._by_word.items():
            automaton.add_word(word, (len(word), tuple(rules)))
        automaton.make_automaton()
        return automaton

    def __len__(self):
        return sum(len(rules) for rules in self._by_word.values())

    def rules_for(self, word):
        """The rules whose word normalises as `word` does."""
        return list(self._by_word.get(normalise(word)[0], ()))

    def check(self, text):
        """Find every rule in `text` in one pass; replace the replace rules' words."""
        if self._automaton is None or not text:
            return FilterResult(text=text)
        normalised, positions = normalise(text)
        result, spans, seen = FilterResult(text=text), [], set()
        for end, (length, rules) in self._automaton.iter(normalised):
            first, last = positions[end - length + 1], positions[end]
            for rule in rules:
                if rule.action == "replace":
                    spans.append((first, _cluster_end(text, last), rule.replacement))
                    if rule.id not in seen:
                        seen.add(rule.id)
                        result.replaced.append(rule)
                elif rule.action == "block" and result.blocked is None:
                    result.blocked = rule
                elif rule.action == "review" and rule.id not in seen:
                    seen.add(rule.id)
                    result.review.append(rule)
        result.text = _replace(text, spans)
        return result


def _replace(text, spans):
    """`text` with each span replaced; overlapping spans merge, the earliest one's word wins."""
    if not spans:
        return text
    out, cursor = [], 0
    for start, end, replacement in _merge(spans):
        out += [text[cursor:start], replacement]
        cursor = end
    out.append(text[cursor:])
    return "".join(out)


def _merge(spans):
    """Sorted, non-overlapping spans; at a tie the longest span starts the merged one."""
    merged = []
    for start, end, replacement in sorted(spans, key=lambda s: (s[0], -s[1])):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end, replacement])
    return merged


# The filter built from the WordRule table, with the word_rules_version it was built at.
# One tuple, so a thread never sees a filter with another filter's version.
_active = (None, None)


def active_filter():
    """The filter of the WordRule table, rebuilt only when word_rules_version changes."""
    global _active
    version = get_setting("word_rules_version")
    built_at, word_filter = _active
    if word_filter is None or built_at != version:
        rows = db.session.scalars(select(WordRule).order_by(WordRule.id))
        word_filter = WordFilter(Rule(r.id, r.word, r.action, r.replacement) for r in rows)
        _active = (version, word_filter)
    return word_filter


def check_post(title, body, word_filter=None):
    """Check a post's title and body apart (no word spans both), and the body as a reader
    sees it rendered; combine the findings."""
    word_filter = active_filter() if word_filter is None else word_filter
    head, text = word_filter.check(title or ""), word_filter.check(body or "")
    body_html = str(render(text.text))
    seen = word_filter.check(visible_text(body_html))
    # A replace word that shows only once rendered cannot be replaced in the source: a
    # moderator looks at the post instead.
    review = list(dict.fromkeys(head.review + text.review + seen.review + seen.replaced))
    return PostCheck(title=head.text, body=text.text, body_html=body_html,
                     blocked=head.blocked or text.blocked or seen.blocked, review=review)


def visible_text(body_html):
    """The text a reader sees of sanitised HTML: no tags or comments, entities decoded."""
    return html.unescape(_TAG.sub("", body_html))
