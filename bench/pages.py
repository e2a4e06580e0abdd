"""Page benchmark: the forum's main pages against a hello-world ceiling, under wrk.

    FORUM_INSTANCE=/tmp/bench-1m .venv/bin/python bench/pages.py [--duration 15] [--rounds 1] [--member | --moderator]

Serves the forum (gunicorn --config deploy/gunicorn.conf.py: 2 threaded workers,
FORUM_RATE_LIMITS=off) and bench/hello_app.py with the same settings on another port, finds the URLs of the pages
to measure (board index, the big board's page 1 and 500, the longest thread's first and
last page, /stats), checks each answers 200, warms it up, runs wrk against it (127.0.0.1 only,
bounded duration) in slices alternating with hello's, and prints a markdown table: req/s,
p99 latency (the median slice's), % of hello's req/s over the same slices (the median over
rounds), plus the deep-page ratios. Both servers are stopped at the end, also on Ctrl-C or error.
DATABASE_URL, if set, is passed to the forum (to benchmark PostgreSQL). --root serves
the code of another checkout or snapshot (with this repository's .venv), for a stable
benchmark while the working tree is being edited.
"""
import argparse
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent  # the code served; --root changes it
VENV_BIN = ROOT / ".venv" / "bin"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--instance", default=os.environ.get("FORUM_INSTANCE", "/tmp/bench-1m"))
    parser.add_argument("--port", type=int, default=8411, help="forum port")
    parser.add_argument("--hello-port", type=int, default=8412)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--duration", type=int, default=15, help="seconds of wrk per page")
    parser.add_argument("--warmup", type=int, default=3, help="seconds of wrk warm-up per page")
    parser.add_argument("--slice", type=int, default=2,
                        help="seconds of wrk at a time, alternating between hello and the page")
    parser.add_argument("--threads", type=int, default=2, help="wrk -t")
    parser.add_argument("--connections", type=int, default=8, help="wrk -c")
    parser.add_argument("--rounds", type=int, default=1,
                        help="measure every page this many times (interleaved); report medians")
    parser.add_argument("--board", default="chengguanzhen")
    parser.add_argument("--board-page", type=int, default=500)
    parser.add_argument("--json", help="also write the raw results here")
    parser.add_argument("--root", help="serve the code in this folder instead of this checkout")
    reader = parser.add_mutually_exclusive_group()
    reader.add_argument("--member", action="store_true",
                        help="request the forum's pages as a logged-in member (the bench "
                             "instance's first ordinary account, given a bench password, "
                             "30 unread notifications and read marks on some threads)")
    reader.add_argument("--moderator", action="store_true",
                        help="as --member, who also moderates the measured board and the "
                             "long thread's board (so thread pages carry the controls)")
    return parser.parse_args()


class Servers:
    """gunicorn processes started here, each in its own process group; stopped by id."""

    def __init__(self, logdir):
        self.logdir = logdir
        self.procs = []

    def start(self, name, app, port, env, workers, extra=()):
        log = open(self.logdir / f"{name}.log", "wb")
        # The forum's own gunicorn settings (deploy/gunicorn.conf.py), for the hello app too.
        cmd = [str(VENV_BIN / "gunicorn"), "--config", "deploy/gunicorn.conf.py", *extra, app]
        env = {**env, "FORUM_BIND": f"127.0.0.1:{port}", "FORUM_WORKERS": str(workers),
               "FORUM_ACCESS_LOG": ""}
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                                start_new_session=True)
        self.procs.append((name, proc))
        return proc

    def stop(self):
        for _name, proc in self.procs:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        deadline = time.time() + 15
        for _name, proc in self.procs:
            try:
                proc.wait(timeout=max(0.1, deadline - time.time()))
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        self.procs = []


def wait_ready(url, proc, timeout=90):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server for {url} exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.3)
    raise SystemExit(f"{url} not ready after {timeout}s")


# Marks the benchmark's requests, so the forum's hit counter leaves them out
# (forum/stats/hits.py BENCH_HEADER).
BENCH_HEADER = "X-Forum-Bench: 1"


def fetch(url, cookie=None):
    name, value = BENCH_HEADER.split(": ")
    request = urllib.request.Request(url, headers={name: value, **({"Cookie": cookie} if cookie else {})})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, len(response.read())


def find_pages(args, env):
    """Ask the database (through the app, same environment) for the URLs to measure."""
    code = f"""
import json, math
from sqlalchemy import select
from forum import create_app
from forum.extensions import db
from forum.models import Board, Thread
app = create_app()
with app.app_context():
    per_page = app.config["POSTS_PER_PAGE"]
    board = db.session.execute(select(Board).where(Board.slug == {args.board!r})).scalar_one()
    pinned = db.session.execute(select(db.func.count()).where(
        Thread.board_id == board.id, Thread.is_pinned.is_(True))).scalar()
    longest = db.session.execute(select(Thread).order_by(Thread.last_number.desc()).limit(1)).scalar_one()
    print(json.dumps({{
        "board_pages": math.ceil((board.thread_count - pinned) / app.config["THREADS_PER_PAGE"]),
        "thread_id": longest.id, "thread_posts": longest.last_number,
        "board_id": board.id, "thread_board_id": longest.board_id,
        "thread_pages": math.ceil(longest.last_number / per_page)}}))
"""
    out = subprocess.run([str(VENV_BIN / "python"), "-c", code], cwd=ROOT, env=env,
                         capture_output=True, text=True, check=True)
    facts = json.loads(out.stdout.strip().splitlines()[-1])
    if facts["board_pages"] < args.board_page:
        raise SystemExit(f"/b/{args.board} has only {facts['board_pages']} pages; "
                         f"load more data or pass --board-page")
    tid = facts["thread_id"]
    pages = [
        ("board index", "/"),
        (f"board p1 ({args.board})", f"/b/{args.board}"),
        (f"board p{args.board_page}", f"/b/{args.board}?page={args.board_page}"),
        (f"thread p1 ({facts['thread_posts']:,} posts)", f"/t/{tid}"),
        (f"thread p{facts['thread_pages']} (last)", f"/t/{tid}?page={facts['thread_pages']}"),
        ("figures (/stats)", "/stats"),
    ]
    return pages, facts


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}
TICK = os.sysconf("SC_CLK_TCK")


def group_cpu_seconds(pgid):
    """User+system CPU of every live process in a process group (gunicorn master+workers).

    CPU per request does not depend on what else the machine is doing, unlike req/s:
    on a shared 2-core box it is the steadier figure.
    """
    total = 0
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid:        # pgrp
            total += int(fields[11]) + int(fields[12])  # utime + stime
    return total / TICK


MEMBER_PASSWORD = "bench member 2026"


def member_cookie(env, board_slug, moderates=()):
    """A session cookie of a logged-in member, got through the login form: the first
    ordinary account of the bench instance, whose password this sets, with 30 unread
    notifications and the newest threads of the measured board read (each kept from an
    earlier run rather than added again), and moderator of the boards named in
    `moderates` (or of none: roles from an earlier run are taken back)."""
    code = f"""
from sqlalchemy import delete, select
from forum import create_app
from forum.auth.services import hash_password
from forum.extensions import db
from forum.models import BoardRole, Board, Notification, Thread, ThreadRead, User
from forum.models.base import utcnow
app = create_app()
app.config["WTF_CSRF_ENABLED"] = False
with app.app_context():
    user = db.session.execute(select(User).where(User.admin_role.is_(None),
        User.is_unit_account.is_(False)).order_by(User.id).limit(1)).scalar_one()
    user.password_hash = hash_password({MEMBER_PASSWORD!r})
    unread = db.session.execute(select(db.func.count()).where(Notification.user_id == user.id,
        Notification.read_at.is_(None))).scalar()
    board = db.session.execute(select(Board).where(Board.slug == {board_slug!r})).scalar_one()
    newest = db.session.execute(select(Thread).where(Thread.board_id == board.id)
        .order_by(Thread.last_post_at.desc()).limit(40)).scalars().all()
    db.session.add_all(Notification(user_id=user.id, kind="reply", thread_id=thread.id,
                                    post_id=thread.last_post_id, data={{"title": thread.title}})
                       for thread in newest[:max(0, 30 - unread)])
    for thread in newest[::2]:  # every other one read: marks both ways on the first pages
        db.session.merge(ThreadRead(user_id=user.id, thread_id=thread.id, read_at=utcnow()))
    db.session.execute(delete(BoardRole).where(BoardRole.user_id == user.id))
    for board_id in {sorted(moderates)!r}:
        db.session.add(BoardRole(user_id=user.id, board_id=board_id, role="moderator"))
    db.session.commit()
    client = app.test_client()
    answer = client.post("/login", data={{"username": user.username, "password": {MEMBER_PASSWORD!r}}})
    assert answer.status_code == 302, answer.status_code
    print(client.get_cookie(app.config["SESSION_COOKIE_NAME"]).value)
"""
    out = subprocess.run([str(VENV_BIN / "python"), "-c", code], cwd=ROOT, env=env,
                         capture_output=True, text=True, check=True)
    return "session=" + out.stdout.strip().splitlines()[-1]


def run_wrk(args, url, duration, cookie=None):
    cmd = [shutil.which("wrk") or "/usr/bin/wrk", f"-t{args.threads}", f"-c{args.connections}",
           f"-d{duration}s", "--timeout", "10s", "--latency", "-H", BENCH_HEADER, url]
    if cookie:
        cmd[1:1] = ["-H", f"Cookie: {cookie}"]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=duration + 60).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s|m)\s*$", out, re.M)
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    sockets = re.search(r"Socket errors:.*", out)
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    return {"rps": rps, "p99_ms": float(p99.group(1)) * UNITS[p99.group(2)],
            "requests": requests, "non2xx": int(errors.group(1)) if errors else 0,
            "socket_errors": sockets.group(0) if sockets else "", "raw": out}


def main():
    global ROOT
    args = parse_args()
    if args.root:
        ROOT = Path(args.root).resolve()
        if not (ROOT / "wsgi.py").exists():
            raise SystemExit(f"no wsgi.py in {ROOT}")
    instance = Path(args.instance)
    if not os.environ.get("DATABASE_URL") and not (instance / "forum.db").exists():
        raise SystemExit(f"no forum.db in {instance}: run forum init and forum bench-data first")
    env = {**os.environ, "FORUM_INSTANCE": str(instance), "FORUM_RATE_LIMITS": "off"}
    logdir = Path(tempfile.mkdtemp(prefix="bench-pages-"))
    servers = Servers(logdir)

    def on_signal(signum, _frame):
        raise SystemExit(f"stopped by signal {signum}")

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGHUP, on_signal)
    try:
        pages, facts = find_pages(args, env)
        moderates = (facts["board_id"], facts["thread_board_id"]) if args.moderator else ()
        cookie = member_cookie(env, args.board, moderates) if args.member or args.moderator else None
        forum = servers.start("forum", "wsgi:app", args.port, env, args.workers)
        hello = servers.start("hello", "hello_app:app", args.hello_port, env, args.workers,
                              extra=("--pythonpath", str(Path(__file__).resolve().parent)))
        base = f"http://127.0.0.1:{args.port}"
        hello_url = f"http://127.0.0.1:{args.hello_port}/"
        wait_ready(base + "/", forum)
        wait_ready(hello_url, hello)
        targets = [("hello (ceiling)", hello_url)] + [(name, base + path) for name, path in pages]
        cookies = {url: None if url == hello_url else cookie for _, url in targets}
        for name, url in targets:
            status, size = fetch(url, cookies[url])
            if status != 200:
                raise SystemExit(f"{url} answered {status}")
            print(f"# {name}: {url} -> {status}, {size:,} bytes", flush=True)

        def warm(url):
            for _ in range(4):
                fetch(url, cookies[url])
            run_wrk(args, url, args.warmup, cookies[url])

        def slice_of(name, url, totals):
            pgid = (hello if url == hello_url else forum).pid
            cpu_before = group_cpu_seconds(pgid)
            result = run_wrk(args, url, args.slice, cookies[url])
            totals["cpu"] += group_cpu_seconds(pgid) - cpu_before
            totals["requests"] += result["requests"]
            totals["seconds"] += result["requests"] / max(result["rps"], 1e-9)
            totals["p99s"].append(result["p99_ms"])
            if result["non2xx"] or result["socket_errors"]:
                print(f"# WARNING {name}: {result['non2xx']} non-2xx, "
                      f"{result['socket_errors']}", flush=True)

        def summed(totals):
            return {"rps": totals["requests"] / totals["seconds"],
                    "p99_ms": statistics.median(totals["p99s"]),
                    "cpu_ms": 1000 * totals["cpu"] / max(1, totals["requests"]),
                    "requests": totals["requests"]}

        # This machine's CPU runs up to 1.6 times faster in one second than in another (a
        # busy loop's rate on the idle machine), so a page is measured in slices of a few
        # seconds alternating with hello's, and compared with hello's over the same time.
        results = {name: [] for name, _ in targets}
        for round_no in range(1, args.rounds + 1):
            for name, url in targets[1:]:
                warm(hello_url)
                warm(url)
                ceiling, page = ({"cpu": 0.0, "requests": 0, "seconds": 0.0, "p99s": []} for _ in "ab")
                for _ in range(max(1, round(args.duration / args.slice))):
                    slice_of("hello (ceiling)", hello_url, ceiling)
                    slice_of(name, url, page)
                ceiling, result = summed(ceiling), summed(page)
                result["of_hello"] = result["rps"] / ceiling["rps"]
                result["of_hello_cpu"] = ceiling["cpu_ms"] / result["cpu_ms"]
                results["hello (ceiling)"].append(ceiling)
                results[name].append(result)
                print(f"# round {round_no} {name}: {result['rps']:.1f} req/s against hello's "
                      f"{ceiling['rps']:.1f} ({100 * result['of_hello']:.1f}%), p99 {result['p99_ms']:.1f} ms, "
                      f"{result['cpu_ms']:.2f} CPU ms/req (load {os.getloadavg()[0]:.2f})", flush=True)
    finally:
        servers.stop()
        print(f"# servers stopped; logs in {logdir}", flush=True)

    load = os.getloadavg()
    summary = {name: {"rps": statistics.median(r["rps"] for r in runs),
                      "p99_ms": statistics.median(r["p99_ms"] for r in runs),
                      "cpu_ms": statistics.median(r["cpu_ms"] for r in runs),
                      "of_hello": statistics.median(r.get("of_hello", 1.0) for r in runs),
                      "of_hello_cpu": statistics.median(r.get("of_hello_cpu", 1.0) for r in runs),
                      "rounds": [(r["rps"], r["p99_ms"], r["cpu_ms"]) for r in runs]}
               for name, runs in results.items()}
    print()
    print(f"wrk -t{args.threads} -c{args.connections} -d{args.duration}s, gunicorn "
          f"deploy/gunicorn.conf.py with {args.workers} workers, {args.rounds} round(s), medians; "
          f"% of hello: against hello in {args.slice}-s slices alternating with the page's; "
          f"instance {instance}; code {ROOT}; load average at the end "
          f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} CPUs")
    print()
    print("| page | URL | req/s | p99 ms | % of hello | server CPU ms/req | % of hello by CPU |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for name, url in targets:
        s = summary[name]
        parts = urllib.parse.urlsplit(url)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        print(f"| {name} | `{path}` | {s['rps']:.1f} | {s['p99_ms']:.1f} | {100 * s['of_hello']:.1f}% "
              f"| {s['cpu_ms']:.2f} | {100 * s['of_hello_cpu']:.1f}% |")
    names = [name for name, _ in targets]
    board1, board_deep, thread1, thread_last = names[2], names[3], names[4], names[5]
    print()
    for deep, first in ((board_deep, board1), (thread_last, thread1)):
        ratio = summary[deep]["rps"] / summary[first]["rps"]
        cpu_ratio = summary[first]["cpu_ms"] / summary[deep]["cpu_ms"]
        # CPU per request counts only the app server, not a database server's time.
        print(f"- {deep} vs {first}: {100 * ratio:.1f}% of the req/s "
              f"({'within' if 0.8 <= ratio <= 1.2 else 'NOT within'} ±20%); "
              f"{100 * cpu_ratio:.1f}% by app-server CPU per request")
    slow = [n for n in names[1:] if summary[n]["of_hello"] < 0.25]
    print(f"- pages under 25% of hello's req/s: {', '.join(slow) if slow else 'none'}")
    if args.json:
        Path(args.json).write_text(json.dumps(
            {"args": vars(args), "facts": facts, "summary": summary, "loadavg_end": load},
            ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
