"""The board index built with no cache at all: CPU per build, SQL statements, cProfile.

    FORUM_INSTANCE=/tmp/index7-1m .venv/bin/python bench/index_build.py [-n 50] [--top 25]
        [--member] [--sql] [--list-only]

Writes (the member's password, presence): point it at a copy of an instance, never at
/tmp/bench-1m itself. In-process (Flask test client, rate limits off), as a guest or with
--member as the first plain member (bench/profile_page.py's log_in_a_member). Before each
request the kept fragments (the board list, "index-newest", members' shared pages) and
the guests' page cache are cleared, so each request builds the whole index. Prints the
statements one build sends, CPU ms per build (best and median of n, process time), and
cProfile's top functions by cumulative and by own time. Process time counts every thread
of the process: jieba's dictionary is loaded before timing, as wsgi.py does. --list-only times the board list
alone (views._board_list in a request context), without the page around it.
"""
import argparse
import cProfile
import gc
import io
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("FORUM_RATE_LIMITS", "off")

from sqlalchemy import event  # noqa: E402

from forum import create_app, fragments, pagecache  # noqa: E402
from forum.extensions import db  # noqa: E402
from forum.search.adapter import load_jieba  # noqa: E402
from profile_page import log_in_a_member  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=50, help="builds to time, and to profile")
    parser.add_argument("--top", type=int, default=25, help="profile rows (0: no profile)")
    parser.add_argument("--member", action="store_true", help="as a logged-in member")
    parser.add_argument("--sql", action="store_true", help="print each statement")
    parser.add_argument("--list-only", action="store_true", help="the board list alone")
    args = parser.parse_args()

    app = create_app()
    with app.app_context():
        # As wsgi.py does before the workers fork: else the search outbox's thread loads
        # jieba's dictionary while the first builds are timed, and process time counts it.
        load_jieba()
    client = app.test_client()
    if args.member:
        log_in_a_member(app, client)
    statements = []
    with app.app_context():
        engine = db.engine

    @event.listens_for(engine, "before_cursor_execute")
    def _sent(conn, cursor, statement, parameters, context, executemany):
        statements.append(statement)

    build = _list_builder(app, client) if args.list_only else _page_builder(client)
    build()
    statements.clear()
    build()
    print(f"one build: {len(statements)} SQL statements")
    if args.sql:
        for statement in statements:
            print("  " + " ".join(statement.split())[:300])

    gc.collect()
    times = []
    for _ in range(args.n):
        started = time.process_time()
        build()
        times.append(1000 * (time.process_time() - started))
    print(f"CPU ms per uncached build ({'member' if args.member else 'guest'}, n={args.n}): "
          f"best {min(times):.2f}, median {statistics.median(times):.2f}")
    if args.top:
        profiler = cProfile.Profile(time.process_time)  # CPU, not waits for it
        profiler.enable()
        for _ in range(args.n):
            build()
        profiler.disable()
        for order in ("cumulative", "tottime"):
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats(order).print_stats(args.top)
            print(f"--- by {order}\n{out.getvalue()}")


def _clear_caches():
    fragments.clear()
    pagecache.clear()


def _page_builder(client):
    def build():
        _clear_caches()
        response = client.get("/")
        if response.status_code != 200:
            raise SystemExit(f"/ answered {response.status_code}")
    return build


def _list_builder(app, client):
    from forum.boards import views

    def build():
        _clear_caches()
        with app.test_request_context("/"):
            app.preprocess_request()
            views._board_list()
    return build


if __name__ == "__main__":
    main()
