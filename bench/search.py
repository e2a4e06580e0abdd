"""Search benchmark: index build time, then query latency through gunicorn.

    FORUM_INSTANCE=/tmp/bench-search DATABASE_URL=sqlite:////tmp/bench-1m/forum.db \\
        .venv/bin/python bench/search.py --limit 200000          # Whoosh
    DATABASE_URL=postgresql://... .venv/bin/python bench/search.py  # PostgreSQL

1. Builds the index in this process (`reindex`, `--limit N`: only posts with ids up to
   N; `--skip-build` reuses the index) and reports posts, seconds, posts/s and size.
2. Picks the queries: common words, rare words (words seen in exactly one post of a
   sample of the indexed posts) and two-word queries.
3. Serves the forum with gunicorn --preload (2 workers, FORUM_RATE_LIMITS=off) on
   127.0.0.1, warms up, and times `GET /search?q=...` one request at a time, by
   relevance and newest first; prints p50/p95/max per class as a markdown table.
The server is stopped at the end, also on error or Ctrl-C.
"""
import argparse
import os
import random
import signal
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

COMMON = ["党建", "组织生活会", "民主生活会", "发展党员", "责任到人", "学习", "工作", "批评"]
TWO_WORDS = ["党建 工作", "民主生活会 整改", "发展党员 全县", "驻村 帮扶", "批评 自我批评",
             "组织生活会 党员", "学习 教育", "乡镇 党委"]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="index only posts with ids up to this")
    parser.add_argument("--skip-build", action="store_true")
    parser.add_argument("--port", type=int, default=8421)
    parser.add_argument("--requests", type=int, default=120, help="per class and order")
    parser.add_argument("--rare", type=int, default=12, help="how many rare words")
    return parser.parse_args()


def build(app, limit):
    from forum.search.adapter import backend, reindex

    with app.app_context():
        started = time.monotonic()
        count = reindex(limit=limit)
        seconds = time.monotonic() - started
        print(f"built: {count} posts in {seconds:.0f} s ({count / seconds:.0f} posts/s), "
              f"backend {backend().name}, size {index_size(app)}")


def index_size(app):
    from sqlalchemy import text

    from forum.extensions import db

    with app.app_context():
        if db.engine.dialect.name == "postgresql":
            with db.engine.connect() as connection:
                return connection.execute(text(
                    "SELECT pg_size_pretty(pg_relation_size('ix_post_search_vector'))")).scalar()
    folder = Path(app.instance_path) / "search"
    total = sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())
    return f"{total / 2**20:.0f} MB"


def rare_words(app, limit, count):
    """Words found in exactly one post of a sample of the indexed posts."""
    from sqlalchemy import func, select

    from forum.extensions import db
    from forum.models import Post
    from forum.search.adapter import load_jieba
    from forum.search.text import words

    with app.app_context():
        load_jieba()
        top = limit or db.session.execute(select(func.max(Post.id))).scalar()
        rng = random.Random(7)
        ids = [rng.randint(1, top) for _ in range(400)]
        bodies = db.session.execute(select(Post.body).where(Post.id.in_(ids))).scalars()
        seen = Counter()
        for body in bodies:
            seen.update({word for _, word in words(body) if len(word) >= 2 and not word.isdigit()})
    singles = sorted(word for word, n in seen.items() if n == 1)
    return rng.sample(singles, min(count, len(singles)))


def serve(port):
    env = {**os.environ, "FORUM_RATE_LIMITS": "off", "PYTHONPATH": str(ROOT)}
    log = open(Path(os.environ.get("FORUM_INSTANCE", "/tmp")) / "bench-search-gunicorn.log", "wb")
    proc = subprocess.Popen([str(ROOT / ".venv" / "bin" / "gunicorn"), "--preload", "--workers",
                             "2", "--bind", f"127.0.0.1:{port}", "wsgi:app"], cwd=ROOT, env=env,
                            stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    for _ in range(120):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/search", timeout=5).read()
            return proc
        except OSError:
            time.sleep(0.5)
    stop(proc)
    raise SystemExit("gunicorn did not answer")


def stop(proc):
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=15)


def timed(port, query, sort):
    url = f"http://127.0.0.1:{port}/search?" + urllib.parse.urlencode({"q": query, "sort": sort})
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=30) as response:
        page = response.read().decode()
        assert response.status == 200
    return (time.perf_counter() - started) * 1000, page.count('class="result"')


def measure(port, queries, sort, requests):
    for query in queries:  # warm-up: the first search opens the index
        timed(port, query, sort)
    times, hits = [], []
    for n in range(requests):
        ms, found = timed(port, queries[n % len(queries)], sort)
        times.append(ms)
        hits.append(found)
    times.sort()
    return {"p50": statistics.median(times), "p95": times[int(len(times) * 0.95) - 1],
            "max": times[-1], "empty": sum(1 for h in hits if h == 0) / len(hits)}


def main():
    args = parse_args()
    from config import Config
    from forum import create_app

    app = create_app(Config())
    if not args.skip_build:
        build(app, args.limit)
    rare = rare_words(app, args.limit, args.rare)
    print("rare words:", " ".join(rare))
    classes = {"common words": COMMON, "rare words": rare, "two words": TWO_WORDS}
    proc = serve(args.port)
    try:
        print("\n| queries | order | p50 ms | p95 ms | max ms | pages with no result |")
        print("|---|---|---:|---:|---:|---:|")
        for name, queries in classes.items():
            for sort in ("relevance", "newest"):
                r = measure(args.port, queries, sort, args.requests)
                print(f"| {name} | {sort} | {r['p50']:.1f} | {r['p95']:.1f} | {r['max']:.1f} "
                      f"| {r['empty']:.0%} |", flush=True)
    finally:
        stop(proc)


if __name__ == "__main__":
    main()
