"""Two app servers against one (issue 24): the req/s of the grown deployment (docs/deploy.md:
two gunicorn servers on one PostgreSQL and one Redis) against one server, on this machine.

    .venv/bin/python bench/two_servers.py [--seconds 15] [--posts 20000]

Drops and creates the PostgreSQL database `bench_two` (--postgres names the server),
runs `forum init` and `forum bench-data` on it, starts redis-server and two app servers
with the deployment tests' harness (tests/deploy/servers.py: deploy/gunicorn.conf.py,
2 workers each, 127.0.0.1 only, FORUM_RATE_LIMITS=off), and logs a member in through
the login form. For each page (board index, a board, the longest thread), as a guest and
as the member, it runs wrk against server A alone (B idles), then one wrk per server at
once, and prints a markdown table: one server's req/s, the two servers' summed req/s and
their ratio. Redis and both servers are stopped at the end, also on Ctrl-C or error; the
database is kept for a second look and dropped by the next run.
"""
import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(1, str(ROOT))  # sys.path[0] is bench/, for pages.py

from pages import BENCH_HEADER, fetch, run_wrk  # noqa: E402
from tests.deploy.servers import Browser, gunicorn_server, redis_server  # noqa: E402

# Importing the harness imports tests/conftest.py, which points FORUM_INSTANCE at an
# empty folder of its own; this benchmark makes its own instance folder instead.
shutil.rmtree(os.environ.pop("FORUM_INSTANCE"), ignore_errors=True)

from forum.benchdata import BIG_BOARD, PASSWORD  # noqa: E402

DATABASE = "bench_two"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=15, help="seconds of wrk per measure")
    parser.add_argument("--warmup", type=int, default=3, help="seconds of wrk warm-up per page")
    parser.add_argument("--connections", type=int, default=8, help="wrk -c, per server")
    parser.add_argument("--threads", type=int, default=2, help="wrk -t, per server")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per server")
    parser.add_argument("--posts", type=int, default=20_000)
    parser.add_argument("--users", type=int, default=2_000)
    parser.add_argument("--postgres", default="postgresql://postgres@127.0.0.1:55432",
                        help="the PostgreSQL server (its database is named here)")
    return parser.parse_args()


def build_database(args, env):
    """A fresh `bench_two` database, initialised and filled with a small forum."""
    with psycopg.connect(f"{args.postgres}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{DATABASE}"')
    started = time.monotonic()
    _forum(env, "init")
    _forum(env, "bench-data", "--posts", str(args.posts), "--users", str(args.users),
           "--long-thread", str(args.posts // 10))
    print(f"# {DATABASE}: init + bench-data ({args.posts:,} posts) in "
          f"{time.monotonic() - started:.0f} s", flush=True)


def _forum(env, *command):
    """Run `flask --app wsgi forum COMMAND`, quietly unless it fails."""
    done = subprocess.run([str(ROOT / ".venv" / "bin" / "flask"), "--app", "wsgi", "forum",
                           *command], cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"forum {command[0]} failed:\n{done.stdout}{done.stderr[-3000:]}")


def find_pages(database_url):
    """The pages to measure and the member who reads them (the first ordinary account)."""
    with psycopg.connect(database_url) as connection:
        thread_id, = connection.execute(
            "SELECT id FROM thread ORDER BY last_number DESC LIMIT 1").fetchone()
        username, = connection.execute(
            'SELECT username FROM "user" WHERE admin_role IS NULL AND NOT is_unit_account '
            "ORDER BY id LIMIT 1").fetchone()
    pages = [("board index", "/"), (f"board ({BIG_BOARD})", f"/b/{BIG_BOARD}"),
             ("thread (longest)", f"/t/{thread_id}")]
    return pages, username


def member_cookie(base, username):
    """The Cookie header of `username` logged in through the login form."""
    browser = Browser()
    status, _ = browser.post(f"{base}/login", f"{base}/login",
                             {"username": username, "password": PASSWORD})
    if status != 302:
        raise SystemExit(f"logging {username} in answered {status}")
    jar = next(handler.cookiejar for handler in browser.opener.handlers
               if isinstance(handler, urllib.request.HTTPCookieProcessor))
    return "; ".join(f"{cookie.name}={cookie.value}" for cookie in jar)


def check(url, cookie):
    """Fail unless the page answers 200 and, when a cookie is sent, offers to log out."""
    name, value = BENCH_HEADER.split(": ")
    headers = {name: value, **({"Cookie": cookie} if cookie else {})}
    request = urllib.request.Request(url, headers=headers)
    with urllib.request.urlopen(request, timeout=30) as answer:
        page = answer.read().decode()
    if cookie and 'action="/logout"' not in page:
        raise SystemExit(f"{url} does not show the member as logged in")


def measure(args, urls, seconds, cookie):
    """One wrk per URL, all at once; their summed req/s."""
    with ThreadPoolExecutor(len(urls)) as pool:
        runs = list(pool.map(lambda url: run_wrk(args, url, seconds, cookie), urls))
    for url, run in zip(urls, runs):
        if run["non2xx"] or run["socket_errors"]:
            print(f"# WARNING {url}: {run['non2xx']} non-2xx, {run['socket_errors']}", flush=True)
    return sum(run["rps"] for run in runs)


def measure_page(args, bases, path, cookie):
    """req/s of server A alone, then of A and B at once (summed)."""
    urls = [base + path for base in bases]
    for url in urls:
        for _ in range(4):
            fetch(url, cookie)
    measure(args, urls, args.warmup, cookie)
    one = measure(args, urls[:1], args.seconds, cookie)
    two = measure(args, urls, args.seconds, cookie)
    return one, two


def print_table(args, rows):
    load = os.getloadavg()
    print()
    print(f"wrk -t{args.threads} -c{args.connections} -d{args.seconds}s per server; gunicorn "
          f"deploy/gunicorn.conf.py, {args.workers} workers per server; one PostgreSQL "
          f"({DATABASE}, {args.posts:,} posts), one Redis; load average at the end "
          f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} CPUs")
    print()
    print("| page | URL | one server req/s | two servers req/s (sum) | ratio |")
    print("|---|---|---:|---:|---:|")
    for name, path, one, two in rows:
        print(f"| {name} | `{path}` | {one:.1f} | {two:.1f} | {two / one:.2f} |")


def on_signal(signum, _frame):
    raise SystemExit(f"stopped by signal {signum}")


def main():
    args = parse_args()
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGHUP, on_signal)
    database_url = f"{args.postgres}/{DATABASE}"
    instance = tempfile.mkdtemp(prefix="bench-two-")
    env = {"DATABASE_URL": database_url, "FORUM_INSTANCE": instance, "FORUM_RATE_LIMITS": "off"}
    rows = []
    try:
        build_database(args, {**os.environ, **env})
        pages, username = find_pages(database_url)
        with ExitStack() as stack:
            env["REDIS_URL"] = stack.enter_context(redis_server(shutil.which("redis-server") or "redis-server"))
            bases = [stack.enter_context(gunicorn_server(args.workers, **env)).base
                     for _ in range(2)]
            cookie = member_cookie(bases[0], username)
            for visitor, visitor_cookie in (("guest", None), ("member", cookie)):
                for name, path in pages:
                    for base in bases:
                        check(base + path, visitor_cookie)
                    one, two = measure_page(args, bases, path, visitor_cookie)
                    rows.append((f"{name}, {visitor}", path, one, two))
                    print(f"# {name}, {visitor}: {one:.1f} req/s on one server, {two:.1f} on "
                          f"two (load {os.getloadavg()[0]:.2f})", flush=True)
    finally:
        shutil.rmtree(instance, ignore_errors=True)
        print("# redis and servers stopped", flush=True)
    print_table(args, rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
