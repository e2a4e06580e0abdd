"""Where does a page's time go? SQL statements per request, time per request, cProfile.

    FORUM_INSTANCE=/tmp/bench-1m .venv/bin/python bench/profile_page.py /b/chengguanzhen?page=500 \
        [-n 50] [--top 30] [--sql] [--member]
    FORUM_INSTANCE=/tmp/bench-1m-post .venv/bin/python bench/profile_page.py /t/114/reply \
        --member --post "回复的正文"     # writes: a copy of an instance

Runs the page in-process (Flask test client, same app and config as gunicorn would use,
rate limits off), as a guest or, with --member, logged in as the first plain member (whose
password it sets), after a warm-up request: prints the statements one request sends,
the mean CPU and wall time per request (the CPU of the request's own thread apart from
the process's: a reply's search index is written by the outbox thread), and the top
functions by cumulative time under cProfile (the request's thread only).
With --post TEXT it sends a form instead (CSRF off) whose `body` is TEXT and the request's
number, and expects a redirect: a reply, timed and profiled as a page is.
"""
import argparse
import cProfile
import io
import os
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("FORUM_RATE_LIMITS", "off")

from sqlalchemy import event  # noqa: E402

from forum import create_app  # noqa: E402
from forum.extensions import db  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("-n", type=int, default=50, help="requests to time and profile")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--sql", action="store_true", help="print each statement and its time")
    parser.add_argument("--sort", default="cumulative", help="pstats sort key (cumulative, tottime)")
    parser.add_argument("--member", action="store_true", help="as a logged-in member")
    parser.add_argument("--post", help="POST a form with this body (numbered) instead of a GET")
    parser.add_argument("--cpu", action="store_true", help="profile the request thread's CPU "
                        "time, not wall time (waits for locks, the disk and other threads out)")
    args = parser.parse_args()

    app = create_app()
    client = app.test_client()
    if args.member:
        log_in_a_member(app, client, posting=bool(args.post))
    statements = []

    with app.app_context():
        engine = db.engine

    @event.listens_for(engine, "before_cursor_execute")
    def _before(conn, cursor, statement, parameters, context, executemany):
        conn.info["t0"] = time.perf_counter()

    @event.listens_for(engine, "after_cursor_execute")
    def _after(conn, cursor, statement, parameters, context, executemany):
        statements.append((time.perf_counter() - conn.info["t0"], statement))

    sent = iter(range(10**9))

    def request():
        if args.post:
            return client.post(args.url, data={"body": f"{args.post} {next(sent)}"})
        return client.get(args.url)

    response = request()
    print(f"{args.url}: {response.status_code}, {len(response.data):,} bytes")
    if response.status_code != (302 if args.post else 200):
        raise SystemExit(f"{args.url} answered {response.status_code}; nothing to measure")
    statements.clear()
    request()
    total_sql = sum(t for t, _ in statements)
    print(f"one request: {len(statements)} SQL statements, {1000 * total_sql:.2f} ms in the database")
    if args.sql:
        for seconds, statement in statements:
            print(f"  {1000 * seconds:8.2f} ms  {' '.join(statement.split())[:300]}")

    started, cpu_started = time.perf_counter(), time.process_time()
    thread_started = time.thread_time()
    for _ in range(args.n):
        request()
    plain = (time.perf_counter() - started) / args.n
    cpu = (time.process_time() - cpu_started) / args.n
    own = (time.thread_time() - thread_started) / args.n
    print(f"per request (no profiler): {1000 * cpu:.2f} ms CPU, of which {1000 * own:.2f} ms in "
          f"the request's thread (the rest: background threads, such as the search outbox's), "
          f"{1000 * plain:.2f} ms wall (~{1 / cpu:.0f} req/s per busy core)")
    if args.top == 0:
        return

    profiler = cProfile.Profile(time.thread_time) if args.cpu else cProfile.Profile()
    profiler.enable()
    for _ in range(args.n):
        request()
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats(args.sort).print_stats(args.top)
    print(out.getvalue())


def log_in_a_member(app, client, posting=False):
    """Log in as the first member who is neither an admin nor a unit account (to post:
    the first whose posts skip new-account review, so that a reply is published)."""
    from forum.auth.services import hash_password
    from forum.models import User
    from forum.settings import get_setting
    password = "bench member 2026"
    app.config["WTF_CSRF_ENABLED"] = False
    with app.app_context():
        query = db.select(User).where(User.admin_role.is_(None), User.is_unit_account.is_(False))
        if posting:
            query = query.where(User.post_count >= get_setting("new_account_review_posts"))
        user = db.session.execute(query.order_by(User.id).limit(1)).scalar_one()
        user.password_hash = hash_password(password)
        db.session.commit()
        name = user.username
    if client.post("/login", data={"username": name, "password": password}).status_code != 302:
        raise SystemExit(f"could not log in as {name}")


if __name__ == "__main__":
    main()
