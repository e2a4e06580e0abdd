"""Posting under load: replies per second from N concurrent members, through the real form.

    .venv/bin/python bench/posting.py [--members 8] [--duration 30] [--followers 20] [--threads 1]
    .venv/bin/python bench/posting.py --instance /tmp/bench-1m-post    # writes into it: a copy!
    DATABASE_URL=postgresql://... .venv/bin/python bench/posting.py   # wipes that database!

Without --instance it builds a throw-away instance (`forum init`, `forum bench-data
--posts 20000`; on DATABASE_URL after dropping its schema). It then picks the longest
thread (with `--threads N`, the N longest, and each member's replies go round them, as
replies spread over a real forum) and the first N ordinary accounts with enough posts to
skip new-account review, gives them the bench password, and makes `--followers` other
members follow the threads (each reply notifies them). It serves the forum as bench/pages.py does (gunicorn
--config deploy/gunicorn.conf.py, 2 threaded workers, 127.0.0.1 only,
FORUM_RATE_LIMITS=off: flood control and the reply limit would refuse a member's
second reply within seconds), logs every member in through the login form with their
own cookies, reads the CSRF token from the thread page, then has every member post
replies through the reply form back to back (no think time) for `--duration` seconds;
it stops by itself. A reply is acknowledged by its 302 to /p/<id>; the redirect is not
followed (what is timed is the POST alone).

It reports replies/s, p50/p99/max latency, errors, the server's CPU per reply, and
checks that every acknowledged reply is in the database exactly once, with its text, and
that nothing unacknowledged was stored. Exit 1 on any error or difference.
"""
import argparse
import http.cookiejar
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pages import BENCH_HEADER, Servers, group_cpu_seconds, wait_ready

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = ROOT / ".venv" / "bin"
PASSWORD = "bench poster 22"
CSRF_RE = re.compile(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"')
POST_RE = re.compile(r"/p/(\d+)$")


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--instance", help="an existing instance to post into (a copy: it is "
                        "written); without it, a throw-away one is built")
    parser.add_argument("--posts", type=int, default=20_000, help="posts of the throw-away instance")
    parser.add_argument("--members", type=int, default=8)
    parser.add_argument("--followers", type=int, default=20,
                        help="other members who follow the thread (notified of each reply)")
    parser.add_argument("--threads", type=int, default=1,
                        help="threads the replies go into, round them (the longest ones)")
    parser.add_argument("--duration", type=int, default=30, help="seconds of posting")
    parser.add_argument("--port", type=int, default=8441)
    parser.add_argument("--workers", type=int, default=2)
    return parser.parse_args()


PREPARE = r"""
import json, sys
from sqlalchemy import select
from werkzeug.security import generate_password_hash
from forum import create_app
from forum.extensions import db
from forum.models import Subscription, Thread, User
from forum.settings import get_setting

members, followers, password, threads = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
app = create_app()
with app.app_context():
    threads = db.session.execute(select(Thread).order_by(Thread.last_number.desc()).limit(threads)).scalars().all()
    people = db.session.execute(select(User).where(
        User.admin_role.is_(None), User.is_unit_account.is_(False), User.is_verified.is_(True),
        User.post_count >= get_setting("new_account_review_posts"),
        User.id.notin_([thread.author_id for thread in threads]))
        .order_by(User.id).limit(members + followers)).scalars().all()
    # A cheap hash: the benchmark measures replies, not logins.
    hashed = generate_password_hash(password, "pbkdf2:sha256:1000")
    for user in people[:members]:
        user.password_hash = hashed
    for thread in threads:
        following = set(db.session.execute(select(Subscription.user_id).where(
            Subscription.thread_id == thread.id)).scalars())
        db.session.add_all(Subscription(user_id=user.id, thread_id=thread.id)
                           for user in people[members:] if user.id not in following)
    db.session.commit()
    print(json.dumps({"threads": [t.id for t in threads], "members": [u.username for u in people[:members]]}))
"""

DROP_SCHEMA = r"""
from sqlalchemy import text
from forum import create_app
from forum.extensions import db
with create_app().app_context(), db.engine.begin() as connection:
    connection.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
print("schema dropped")
"""

CHECK = r"""
import json, sys
from sqlalchemy import select
from forum import create_app
from forum.extensions import db
from forum.models import Post
app = create_app()
with app.app_context():
    rows = db.session.execute(select(Post.id, Post.body).where(Post.body.contains(sys.argv[1]))).all()
    print(json.dumps([[row.id, row.body] for row in rows]))
"""


class Member:
    """One member's cookies and CSRF token; the replies the server acknowledged."""

    def __init__(self, base, name):
        self.base, self.name = base, name
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), _NoRedirect())
        self.opener.addheaders = [tuple(BENCH_HEADER.split(": "))]
        self.acknowledged, self.latencies, self.errors = {}, [], []

    def log_in(self, thread_id):
        self.csrf = self._token("/login")
        status, _location = self._post("/login", {"username": self.name, "password": PASSWORD})
        if status != 302:
            raise SystemExit(f"logging {self.name} in answered {status}")
        self.csrf = self._token(f"/t/{thread_id}")

    def post_replies(self, thread_ids, marker, deadline):
        """Reply back to back until the deadline, round the threads; time each POST."""
        seq = 0
        while time.monotonic() < deadline:
            seq += 1
            thread_id = thread_ids[seq % len(thread_ids)]
            body = f"回复测试 {marker} {self.name} {seq}：学习了，今天的讨论很有收获。"
            started = time.perf_counter()
            try:
                status, location = self._post(f"/t/{thread_id}/reply", {"body": body})
            except OSError as error:
                self.errors.append(f"{self.name} #{seq}: {error}")
                continue
            took = time.perf_counter() - started
            found = POST_RE.search(location or "")
            if status == 302 and found:
                self.acknowledged[int(found.group(1))] = body
                self.latencies.append(took)
            else:
                self.errors.append(f"{self.name} #{seq}: {status} {location or ''}")

    def _token(self, path):
        with self.opener.open(self.base + path, timeout=30) as answer:
            return CSRF_RE.search(answer.read().decode()).group(1)

    def _post(self, path, data):
        """POST a form; (status, Location)."""
        request = urllib.request.Request(self.base + path, data=urllib.parse.urlencode(
            {"csrf_token": self.csrf, **data}).encode())
        try:
            with self.opener.open(request, timeout=30) as answer:
                answer.read()
                return answer.status, None
        except urllib.error.HTTPError as answer:
            answer.read()
            return answer.code, answer.headers.get("Location")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def run_python(code, env, *args):
    out = subprocess.run([str(VENV_BIN / "python"), "-c", code, *map(str, args)], cwd=ROOT,
                         env=env, capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(f"{code.strip().splitlines()[0]} ... failed:\n{out.stderr[-3000:]}")
    return out.stdout.strip().splitlines()[-1]


def build_instance(args, env):
    """A throw-away instance: `forum init` and `forum bench-data` (PostgreSQL: schema dropped)."""
    if env.get("DATABASE_URL", "").startswith("postgres"):
        run_python(DROP_SCHEMA, env)
    started = time.monotonic()
    for command in (["init"], ["bench-data", "--posts", str(args.posts), "--users",
                               str(max(100, args.posts // 10)), "--long-thread", str(args.posts // 10)]):
        done = subprocess.run([str(VENV_BIN / "flask"), "--app", "wsgi", "forum", *command],
                              cwd=ROOT, env=env, capture_output=True, text=True)
        if done.returncode:
            raise SystemExit(f"forum {command[0]} failed:\n{done.stdout}{done.stderr[-3000:]}")
    print(f"# built: init + bench-data ({args.posts:,} posts) in {time.monotonic() - started:.0f} s",
          flush=True)


def main():
    args = parse_args()
    instance = Path(args.instance or tempfile.mkdtemp(prefix="bench-posting-"))
    env = {**os.environ, "FORUM_INSTANCE": str(instance), "FORUM_RATE_LIMITS": "off"}
    if not args.instance:
        build_instance(args, env)
    facts = json.loads(run_python(PREPARE, env, args.members, args.followers, PASSWORD, args.threads))
    thread_ids, marker = facts["threads"], uuid.uuid4().hex[:12]
    base = f"http://127.0.0.1:{args.port}"
    servers = Servers(Path(tempfile.mkdtemp(prefix="bench-posting-logs-")))

    def on_signal(signum, _frame):
        raise SystemExit(f"stopped by signal {signum}")

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGHUP, on_signal)
    try:
        forum = servers.start("forum", "wsgi:app", args.port, env, args.workers)
        wait_ready(base + "/login", forum)
        members = [Member(base, name) for name in facts["members"]]
        with ThreadPoolExecutor(len(members)) as pool:
            list(pool.map(lambda member: member.log_in(thread_ids[0]), members))
        load_before, cpu_before = os.getloadavg(), group_cpu_seconds(forum.pid)
        began, client_before = time.monotonic(), time.process_time()
        posters = [threading.Thread(target=m.post_replies,
                                    args=(thread_ids[i:] + thread_ids[:i], marker, began + args.duration))
                   for i, m in enumerate(members)]
        for poster in posters:
            poster.start()
        for poster in posters:
            poster.join()
        took = time.monotonic() - began
        cpu = group_cpu_seconds(forum.pid) - cpu_before
        client_cpu = time.process_time() - client_before
    finally:
        servers.stop()
    report(args, env, instance, members, marker, took, (cpu, client_cpu), load_before)


def report(args, env, instance, members, marker, took, cpus, load_before):
    cpu, client_cpu = cpus
    stored = {}
    for post_id, body in json.loads(run_python(CHECK, env, marker)):
        stored.setdefault(body, []).append(post_id)
    acknowledged = {post_id: body for m in members for post_id, body in m.acknowledged.items()}
    wrong = [(post_id, stored.get(body)) for post_id, body in acknowledged.items()
             if stored.get(body) != [post_id]]
    unacknowledged = sum(len(ids) for ids in stored.values()) - len(acknowledged) + len(wrong)
    errors = [error for m in members for error in m.errors]
    ms = sorted(1000 * x for m in members for x in m.latencies)
    database = "PostgreSQL" if env.get("DATABASE_URL", "").startswith("postgres") else "SQLite"
    load = os.getloadavg()
    print(f"\n# {database}, instance {args.instance or instance}, {args.members} members, "
          f"{args.threads} thread(s), {args.followers} followers, {args.workers} workers, load average {load_before[0]:.2f} "
          f"before, {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} after, on {os.cpu_count()} CPUs")
    print(f"| {database} | {len(ms)} replies in {took:.0f} s | {len(ms) / took:.1f}/s | "
          f"p50 {statistics.median(ms):.0f} ms | p99 {ms[max(0, int(len(ms) * 0.99) - 1)]:.0f} ms | "
          f"max {ms[-1]:.0f} ms | {1000 * cpu / max(1, len(ms)):.1f} CPU ms/reply | "
          f"client {1000 * client_cpu / max(1, len(ms)):.1f} CPU ms/reply | "
          f"errors {len(errors)} | acknowledged but not stored once {len(wrong)} | "
          f"stored but not acknowledged {unacknowledged} |")
    for line in errors[:5] + [str(x) for x in wrong[:5]]:
        print("  ", line)
    sys.exit(1 if errors or wrong or unacknowledged else 0)


if __name__ == "__main__":
    main()
