"""Time the word filter: build 5,000 rules, check a 20,000-character Chinese post many times.

    .venv/bin/python bench/wordfilter.py [--rules 5000] [--chars 20000] [--runs 300]

Pure in-process, no database: the WordFilter is built directly. Words and post text come
from jieba's dictionary (real Chinese words, the post drawn by word frequency), so the
accidental hits are those a real post would have; a few rule words are sprinkled in with
inserted spaces, full-width letters and separators. Target: p99 under 50 ms per check.
"""
import argparse
import random
import statistics
import string
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import jieba  # noqa: E402

from forum.moderation.wordfilter import Rule, WordFilter, normalise  # noqa: E402

ACTIONS = ("block",) * 2 + ("review",) * 3 + ("replace",) * 5
PUNCTUATION = "，，，。。！？、；："
DODGES = (lambda w: " ".join(w), lambda w: "\u3000".join(w), lambda w: "*".join(w),
          lambda w: w.upper().translate(_FULL_WIDTH), lambda w: "\u200b".join(w))
_FULL_WIDTH = {c: c + 0xFEE0 for c in range(0x21, 0x7F)}


def dictionary():
    """[(word, frequency)] from jieba's dictionary."""
    with jieba.get_dict_file() as lines:
        rows = (line.decode("utf-8").split(" ") for line in lines)
        return [(row[0], int(row[1])) for row in rows if len(row) >= 2]


def make_rules(words, count, rng):
    """`count` rules: 90% Chinese words of 2-6 characters, 10% ASCII spam-like words."""
    chinese = sorted({w for w, f in words if 2 <= len(w) <= 6 and "\u4e00" <= w[0] <= "\u9fff"})
    picked = rng.sample(chinese, count * 9 // 10)
    letters = string.ascii_lowercase + string.digits
    while len(picked) < count:
        picked.append("".join(rng.choices(letters, k=rng.randint(4, 9))))
    return [Rule(n, w, rng.choice(ACTIONS)) for n, w in enumerate(picked, start=1)]


def make_post(words, length, rules, hits, rng):
    """About `length` characters of frequency-weighted words, with `hits` dodged rule words."""
    vocab, weights = zip(*((w, f) for w, f in words if "\u4e00" <= w[0] <= "\u9fff"))
    parts, size = [], 0
    while size < length:
        for word in rng.choices(vocab, weights, k=12):
            parts.append(word)
            size += len(word)
        parts.append(rng.choice(PUNCTUATION))
    for rule in rng.sample(rules, hits):
        parts.insert(rng.randrange(len(parts)), rng.choice(DODGES)(rule.word))
    return "".join(parts)[:length]


def timed(fn, runs):
    """Milliseconds of each of `runs` calls of fn()."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return times


def summary(times):
    times = sorted(times)
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    return f"p50 {statistics.median(times):.2f} ms  p99 {p99:.2f} ms  max {times[-1]:.2f} ms"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rules", type=int, default=5000)
    parser.add_argument("--chars", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument("--hits", type=int, default=10)
    args = parser.parse_args()
    rng = random.Random(20240601)
    words = dictionary()
    rules = make_rules(words, args.rules, rng)
    post = make_post(words, args.chars, rules, args.hits, rng)

    start = time.perf_counter()
    word_filter = WordFilter(rules)
    build_ms = (time.perf_counter() - start) * 1000
    cold_ms = timed(lambda: word_filter.check(post), 1)[0]  # the first check fills the fold cache
    result = word_filter.check(post)

    print(f"rules {len(word_filter)}, post {len(post)} characters, runs {args.runs}")
    print(f"build {build_ms:.1f} ms; first check {cold_ms:.2f} ms")
    print(f"found: blocked={result.blocked is not None}, review {len(result.review)}, "
          f"text changed {result.text != post}")
    print(f"check      {summary(timed(lambda: word_filter.check(post), args.runs))}")
    print(f"normalise  {summary(timed(lambda: normalise(post), args.runs))}")


if __name__ == "__main__":
    main()
