"""Where one search's time goes, statement by statement, in-process (PostgreSQL).

    DATABASE_URL=postgresql://... FORUM_INSTANCE=... .venv/bin/python bench/search_statements.py \\
        [--rounds 3] [--explain] [--query 学习 ...] [--sort relevance|newest|both]

Runs the bench's queries (bench/search.py: common, rare, two words) through the adapter's
`search` as a guest, `--rounds` times each, and prints for each query and order the
statements it sent, each with its median time, and the whole search's median (the page
around it, hits and snippets included, not the template). `--explain` then runs
`EXPLAIN (ANALYZE, BUFFERS)` of each statement of the last round with the search's own
`work_mem`, and prints the plans.
"""
import argparse
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from search import COMMON, TWO_WORDS, rare_words  # noqa: E402  (bench/search.py)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--explain", action="store_true")
    parser.add_argument("--query", nargs="*", help="these queries instead of the bench's")
    parser.add_argument("--sort", choices=("relevance", "newest", "both"), default="both")
    return parser.parse_args()


class Recorder:
    """Every statement sent, with its parameters and wall time."""

    def __init__(self):
        self.sent = []
        self._started = None

    def before(self, _conn, _cursor, statement, parameters, _context, _many):
        self._started = time.perf_counter()

    def after(self, _conn, _cursor, statement, parameters, _context, _many):
        self.sent.append((statement, parameters, (time.perf_counter() - self._started) * 1000))


def one_search(query, newest, recorder):
    from forum.access import Guest
    from forum.search.adapter import search

    recorder.sent = []
    started = time.perf_counter()
    results = search(query, Guest(), newest=newest)
    return (time.perf_counter() - started) * 1000, list(recorder.sent), results


def explain(statement, parameters):
    from forum.extensions import db
    from forum.search.postgres import WORK_MEM

    with db.engine.connect() as connection:
        cursor = connection.connection.cursor()
        cursor.execute(f"SET LOCAL work_mem = '{WORK_MEM}'")
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + statement, parameters)
        plan = [row[0] for row in cursor.fetchall()]
        connection.rollback()
    return plan


def short(statement):
    return " ".join(statement.split())[:110]


def main():
    args = parse_args()
    from sqlalchemy import event

    from config import Config
    from forum import create_app
    from forum.extensions import db

    app = create_app(Config())
    queries = {"asked": args.query} if args.query else {
        "common words": COMMON, "rare words": rare_words(app, None, 12), "two words": TWO_WORDS}
    sorts = ("relevance", "newest") if args.sort == "both" else (args.sort,)
    recorder = Recorder()
    with app.test_request_context():
        event.listen(db.engine, "before_cursor_execute", recorder.before)
        event.listen(db.engine, "after_cursor_execute", recorder.after)
        for name, words in queries.items():
            for sort in sorts:
                print(f"\n## {name}, {sort}")
                totals = []
                for query in words:
                    wall, times = [], defaultdict(list)
                    for _ in range(args.rounds):
                        ms, sent, results = one_search(query, sort == "newest", recorder)
                        db.session.rollback()
                        wall.append(ms)
                        for n, (statement, _params, took) in enumerate(sent):
                            times[(n, short(statement))].append(took)
                    totals.append(statistics.median(wall))
                    print(f"{query}: {statistics.median(wall):.1f} ms, {results.total} found"
                          f"{' (substring)' if results.substring else ''}")
                    for (_n, text), took in times.items():
                        print(f"    {statistics.median(took):7.1f}  {text}")
                    if args.explain:
                        for statement, params, _took in sent:
                            if statement.lstrip().startswith("SELECT p."):
                                print("\n".join("      | " + line[:160] for line in explain(statement, params)))
                print(f"{name}, {sort}: median of the queries' medians "
                      f"{statistics.median(totals):.1f} ms, max {max(totals):.1f}")


if __name__ == "__main__":
    main()
