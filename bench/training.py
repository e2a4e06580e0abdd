"""Study heartbeats under load: N concurrent learners beating every 30 s against gunicorn.

    .venv/bin/python bench/training.py [--learners 500] [--duration 95] [--interval 30]
    DATABASE_URL=postgresql://... .venv/bin/python bench/training.py   # wipes that database!

Builds a throw-away instance (a training board, a lesson, N verified learners), serves it
as bench/pages.py does (gunicorn --config deploy/gunicorn.conf.py: 2 threaded workers,
127.0.0.1 only, FORUM_RATE_LIMITS=off), logs every learner in, then opens each learner's
study session and sends its heartbeats every `interval` seconds after it, the sessions'
starts spread evenly over the first interval, for `duration` seconds (bounded; it stops
by itself); each first beat comes one interval after its own start, whatever the time
logging everyone in took. It reports
p50/p99/max heartbeat latency and checks that no credit was lost: for each learner the
seconds the replies credited equal the seconds the database holds, and equal the server
time between its first and last accepted beat (every beat arrives well inside the cap).
The server's checks never come within a short run (the first is 5–15 minutes in).
"""
import argparse
import http.cookiejar
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pages import Servers, group_cpu_seconds, wait_ready

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = ROOT / ".venv" / "bin"
PASSWORD = "bench horse 9"
CSRF_RE = re.compile(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"')


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=500)
    parser.add_argument("--duration", type=int, default=95, help="seconds of heartbeats")
    parser.add_argument("--interval", type=int, default=30, help="seconds between a learner's beats")
    parser.add_argument("--port", type=int, default=8431)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=64, help="client threads sending beats")
    return parser.parse_args()


SETUP = r"""
import sys
from werkzeug.security import generate_password_hash
from flask_migrate import upgrade
from sqlalchemy import text
from forum import create_app
from forum.extensions import db
from forum.models import Board, BoardRole, Category, Thread, Post, User
from forum.training.lessons import save_lesson

learners, password = int(sys.argv[1]), sys.argv[2]
app = create_app()
with app.app_context():
    if db.engine.dialect.name == "postgresql":
        with db.engine.begin() as c:
            c.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    upgrade()
    # A cheap hash: the benchmark measures heartbeats, not logins.
    hashed = generate_password_hash(password, "pbkdf2:sha256:1000")
    category = Category(name="培训")
    db.session.add(category)
    db.session.flush()
    board = Board(slug="training", name="干部在线教育培训中心", type="training", category_id=category.id, settings={})
    trainer = User(username="trainer", username_key="trainer", password_hash=hashed, is_verified=True)
    db.session.add_all([board, trainer])
    db.session.flush()
    db.session.add(BoardRole(user_id=trainer.id, board_id=board.id, role="trainer"))
    thread = Thread(board_id=board.id, author_id=trainer.id, title="学习党章", status="published", last_number=1)
    db.session.add(thread)
    db.session.flush()
    db.session.add(Post(thread_id=thread.id, author_id=trainer.id, number=1, body="党章", body_html="<p>党章</p>", status="published"))
    db.session.add_all([User(username=f"learner{n}", username_key=f"learner{n}", password_hash=hashed,
                             is_verified=True) for n in range(learners)])
    db.session.commit()
    save_lesson(thread, 600, 60, "", "")
    print(thread.id)
"""

CHECK = r"""
import json, sys
from forum import create_app
from forum.extensions import db
from forum.models import StudyRecord, StudySession, User
app = create_app()
with app.app_context():
    rows = db.session.execute(db.select(User.username, StudySession.unchecked_seconds,
        StudyRecord.effective_seconds, StudySession.started_at, StudySession.last_beat_at)
        .join(StudySession, StudySession.user_id == User.id)
        .join(StudyRecord, (StudyRecord.user_id == User.id) & (StudyRecord.lesson_id == StudySession.lesson_id))
        .where(StudySession.ended_at.is_(None))).all()
    print(json.dumps({r[0]: [r[1] + r[2], (r[4] - r[3]).total_seconds()] for r in rows}))
"""


class Learner:
    """One learner's cookies, CSRF token, session token and beat sequence."""

    def __init__(self, base, name):
        self.base, self.name, self.seq, self.credited, self.token = base, name, 0, 0, None
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def _csrf(self, path):
        page = self.opener.open(self.base + path, timeout=30).read().decode()
        return CSRF_RE.search(page).group(1)

    def log_in(self):
        token = self._csrf("/login")
        data = urllib.parse.urlencode({"csrf_token": token, "username": self.name,
                                       "password": PASSWORD}).encode()
        self.opener.open(self.base + "/login", data=data, timeout=30).read()
        self.csrf = self._csrf("/training/mine")

    def start(self, thread_id):
        self.token = self._post(f"/study/{thread_id}/start", {})["token"]

    def _post(self, path, body):
        request = urllib.request.Request(self.base + path, data=json.dumps(body).encode(), headers={
            "Content-Type": "application/json", "X-CSRFToken": self.csrf}, method="POST")
        return json.loads(self.opener.open(request, timeout=30).read())

    def beat(self, thread_id):
        """The session's start at seq 0 (untimed), then a timed heartbeat."""
        if self.seq == 0 and self.token is None:
            self.start(thread_id)
            return None
        self.seq += 1
        started = time.perf_counter()
        reply = self._post("/study/beat", {"token": self.token, "seq": self.seq, "visible": True,
                                           "focused": True, "active": True})
        self.credited += reply["credited"]
        return time.perf_counter() - started


def run_python(code, env, *args):
    out = subprocess.run([str(VENV_BIN / "python"), "-c", code, *map(str, args)], cwd=ROOT,
                         env=env, capture_output=True, text=True, check=True)
    return out.stdout.strip().splitlines()[-1]


def heartbeats(args, learners, thread_id):
    """Each learner starts its session, then beats every interval after it; the starts
    spread over the first interval."""
    latencies, errors, lock = [], [], threading.Lock()
    begin = time.monotonic()
    schedule = sorted((begin + args.interval * (n / len(learners) + k), n)
                      for n in range(len(learners)) for k in range(0, args.duration // args.interval + 1)
                      if args.interval * (n / len(learners) + k) <= args.duration + args.interval)

    def send(learner):
        try:
            took = learner.beat(thread_id)
            if took is None:
                return
            with lock:
                latencies.append(took)
        except Exception as error:  # counted and reported: a refused or failed beat
            with lock:
                errors.append(f"{learner.name}: {error}")

    with ThreadPoolExecutor(args.threads) as pool:
        for due, n in schedule:
            time.sleep(max(0.0, due - time.monotonic()))
            pool.submit(send, learners[n])
    return latencies, errors, time.monotonic() - begin


def main():
    args = parse_args()
    instance = tempfile.mkdtemp(prefix="bench-training-")
    env = {**os.environ, "FORUM_INSTANCE": instance, "FORUM_RATE_LIMITS": "off",
           "FORUM_PAGE_CACHE_SECONDS": "0"}
    base = f"http://127.0.0.1:{args.port}"
    thread_id = run_python(SETUP, env, args.learners, PASSWORD)
    servers = Servers(Path(instance))
    try:
        server = servers.start("forum", "wsgi:app", args.port, env, args.workers)
        wait_ready(base + "/login", server)
        learners = [Learner(base, f"learner{n}") for n in range(args.learners)]
        started = time.monotonic()
        with ThreadPoolExecutor(16) as pool:
            list(pool.map(Learner.log_in, learners))
        print(f"logged in {len(learners)} learners in {time.monotonic() - started:.1f} s")
        load_before, cpu_before = os.getloadavg(), group_cpu_seconds(server.pid)
        latencies, errors, took = heartbeats(args, learners, thread_id)
        cpu = group_cpu_seconds(server.pid) - cpu_before
    finally:
        servers.stop()
    report(args, env, learners, latencies, errors, took, cpu, load_before)


def report(args, env, learners, latencies, errors, took, cpu, load_before):
    stored = json.loads(run_python(CHECK, env))
    lost = [(learner.name, learner.credited, stored.get(learner.name)) for learner in learners
            if stored.get(learner.name, [None])[0] != learner.credited
            or abs(stored[learner.name][1] - learner.credited) > 1]
    ms = sorted(x * 1000 for x in latencies)
    database = "PostgreSQL" if env.get("DATABASE_URL", "").startswith("postgres") else "SQLite"
    load = os.getloadavg()
    print(f"# load average {load_before[0]:.2f} before, {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} "
          f"after, on {os.cpu_count()} CPUs; server CPU counts the starts too")
    print(f"| {database} | {args.learners} learners | {len(ms)} beats in {took:.0f} s "
          f"({len(ms) / took:.1f}/s) | p50 {statistics.median(ms):.0f} ms | "
          f"p99 {ms[int(len(ms) * 0.99) - 1]:.0f} ms | max {ms[-1]:.0f} ms | "
          f"{1000 * cpu / max(1, len(ms) + len(learners)):.1f} CPU ms/request | "
          f"errors {len(errors)} | learners whose credit differs {len(lost)} |")
    for line in errors[:5] + [str(x) for x in lost[:5]]:
        print("  ", line)
    sys.exit(1 if errors or lost else 0)


if __name__ == "__main__":
    main()
