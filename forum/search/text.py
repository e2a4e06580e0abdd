"""Chinese text for search: normalisation, jieba words with sequential positions, and
character grams for the substring fallback (DESIGN §8).

jieba is loaded once per process (`load_jieba`, called before gunicorn forks), with its
dictionary cache in the instance folder so start-up stays quick. We use our own small
tokenizer instead of `jieba.analyse.ChineseAnalyzer`: importing `jieba.analyse` costs
~0.7 s and ~100 MB per process, and its tokens do not carry sequential positions, which
phrase queries need.
"""
import logging
import re
import threading
import unicodedata
from pathlib import Path

import jieba

MAX_QUERY_WORDS = 8
PAIR = " "  # joins two neighbouring words in one term; jieba's words never hold a space
MAX_QUERY_CHARS = 100
# A token worth indexing holds a letter, digit or CJK character; punctuation is dropped.
_WORD_RE = re.compile(r"[0-9a-z\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Runs the gram tokenizer sees: ASCII words and CJK runs; anything else separates.
_RUN_RE = re.compile(r"[0-9a-z]+|[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_lock = threading.Lock()
_loaded = False


def load_jieba(instance_path):
    """Load jieba's dictionary once per process, cached in the instance folder."""
    global _loaded
    with _lock:
        if _loaded:
            return
        jieba.setLogLevel(logging.WARNING)
        folder = Path(instance_path)
        folder.mkdir(parents=True, exist_ok=True)
        jieba.dt.tmp_dir = str(folder)
        jieba.dt.cache_file = str(folder / "jieba.cache")
        jieba.dt.initialize()
        _loaded = True


def normalise(text):
    """Full-width to half-width (NFKC) and lower case: ＡＢＣ１２３ matches abc123."""
    return unicodedata.normalize("NFKC", text or "").lower()


def words(text):
    """(position, word) for normalised text: jieba's precise words at sequential
    positions, and the dictionary words inside a long word (组织 in 组织部门) at that
    word's position, as jieba's search mode finds them. A query's words then match as a
    phrase wherever its precise words stand side by side (生活会 in 组织生活会)."""
    frequencies = jieba.dt.FREQ
    position = -1
    result = []
    for word in jieba.cut(normalise(text)):
        if not _WORD_RE.search(word):
            continue
        position += 1
        for size in (2, 3):
            if len(word) > size:
                result.extend((position, word[i:i + size]) for i in range(len(word) - size + 1)
                              if frequencies.get(word[i:i + size]))
        result.append((position, word))
    return result


def with_pairs(words):
    """`words` and, at each word's position, every pair of a word there and a word at the
    next position ("组织生活 会"): a phrase of two words is then one term, which an index
    answers alone, without checking positions."""
    at = {}
    for position, word in words:
        at.setdefault(position, []).append(word)
    return words + [(position, f"{first}{PAIR}{second}") for position, here in at.items()
                    for first in here for second in at.get(position + 1, ())]


def words_and_pairs(text):
    """(position, term) of the words of `text` and of their pairs (see with_pairs)."""
    return with_pairs(words(text))


def pair_terms(tokens):
    """The terms a query word's tokens must match in sequence: the pairs of its
    neighbouring words (组织生活会: the one term "组织生活 会"), or its one word."""
    return [f"{a}{PAIR}{b}" for a, b in zip(tokens, tokens[1:])] or tokens


def query_tokens(word):
    """jieba's precise words of one query word, in order."""
    return [token for token in jieba.cut(normalise(word)) if _WORD_RE.search(token)]


def grams(text):
    """(position, gram) for the substring fallback: CJK bigrams, the last character of
    each CJK run, and whole ASCII words; a separator leaves a gap in positions."""
    text = normalise(text)
    position, end = 0, 0
    for run in _RUN_RE.finditer(text):
        if run.start() > end:
            position += 1  # a separator: phrases never match across it
        end = run.end()
        chunk = run.group()
        if not _CJK_RE.match(chunk):
            yield position, chunk
            position += 1
            continue
        for i in range(len(chunk) - 1):
            yield position, chunk[i:i + 2]
            position += 1
        yield position, chunk[-1]
        position += 1


def query_grams(word):
    """The grams a query word must match in sequence: its bigrams, or the single
    character (a prefix) when a CJK run is one character long."""
    result = []
    for run in _RUN_RE.finditer(normalise(word)):
        chunk = run.group()
        if not _CJK_RE.match(chunk) or len(chunk) == 1:
            result.append(chunk)
        else:
            result.extend(chunk[i:i + 2] for i in range(len(chunk) - 1))
    return result


def is_prefix_gram(gram):
    """A lone CJK character matches as a prefix of the grams that start with it."""
    return len(gram) == 1 and bool(_CJK_RE.match(gram))


def query_words(query):
    """The query split on spaces into words, each as its jieba tokens and its grams;
    syntax characters are just separators, so nothing the user types is query syntax."""
    text = normalise(query)[:MAX_QUERY_CHARS]
    result = []
    for raw in text.split():
        tokens = query_tokens(raw)
        if tokens:
            result.append((raw, tokens, query_grams(raw)))
    return result[:MAX_QUERY_WORDS]


def highlight_terms(parsed):
    """The strings to mark in snippets, longest first: each query word's runs, and its
    words of two or more characters (a lone 会 of 组织生活会 would light up every 会)."""
    terms = set()
    for raw, tokens, _grams in parsed:
        terms.update(token for token in tokens if len(token) > 1 or len(tokens) == 1)
        terms.update(run.group() for run in _RUN_RE.finditer(raw))
    return sorted(terms, key=len, reverse=True)
