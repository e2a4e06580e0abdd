"""gunicorn app servers for the deployment tests, started as deploy/systemd starts them:
`gunicorn --config deploy/gunicorn.conf.py wsgi:app`, on a free loopback port, with this
test session's instance folder and database."""
import http.cookiejar
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from forum.search.indexer import TITLE
from tests.conftest import CSRF_RE

ROOT = Path(__file__).resolve().parents[2]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A running app server: its base URL and its master process."""

    def __init__(self, base, process):
        self.base, self.process = base, process

    def children(self):
        """The ids of the master's processes: its workers and the search indexer."""
        pid = self.process.pid
        return [int(child) for child in
                Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]

    def workers(self):
        """The master's worker processes' ids (gunicorn titles them; one that has just
        been forked still has the master's title)."""
        return [pid for pid in self.children() if _title(pid).startswith("gunicorn: worker")]

    def indexer(self, seconds=10):
        """The search indexer's process id (forum/search/indexer.py), once it has its title."""
        deadline = time.monotonic() + seconds
        while not (found := [pid for pid in self.children() if _title(pid) == TITLE]):
            assert time.monotonic() < deadline, "no search indexer"
            time.sleep(0.1)
        [pid] = found
        return pid


def _title(pid):
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")[0].decode().strip()
    except FileNotFoundError:  # it ended meanwhile
        return ""


@contextmanager
def gunicorn(workers=1, **environment):
    """An app server; yields its base URL (see `gunicorn_server`)."""
    with gunicorn_server(workers, **environment) as server:
        yield server.base


@contextmanager
def gunicorn_server(workers=1, port=None, **environment):
    """An app server on `port` (a free one by default); yields a Server, stops it with
    SIGTERM (workers flush their buffered counts at exit) and fails on any traceback it
    logged (kept in a file: a pipe nobody reads while it serves fills up, and then every
    worker blocks on its next log line)."""
    port = port or free_port()
    env = {**os.environ, "FORUM_BIND": f"127.0.0.1:{port}", "FORUM_WORKERS": str(workers),
           "FORUM_ACCESS_LOG": "", **environment}
    log = tempfile.TemporaryFile()
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "--config", "deploy/gunicorn.conf.py",
         "wsgi:app"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=log)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_for(f"{base}/healthz", process)
        yield Server(base, process)
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
        log.seek(0)
        errors = log.read()
        log.close()
        assert b"Traceback" not in errors, errors.decode(errors="replace")[-3000:]


def _wait_for(url, process, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with urllib.request.urlopen(url, timeout=2) as answer:
                if answer.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    raise AssertionError(f"{url} did not answer (exit code {process.poll()})")


class Browser:
    """One person's browser: one cookie jar for every app server it talks to."""

    def __init__(self):
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), _NoRedirect())
        self.opener.addheaders = [("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0")]

    def get(self, url):
        return self._open(urllib.request.Request(url))

    def post(self, url, form_page, data):
        return self.send(url, {"csrf_token": self.token(form_page), **data})

    def token(self, form_page):
        """The session's CSRF token, read from a page with a form."""
        return CSRF_RE.search(self.get(form_page)[1]).group(1)

    def send(self, url, data):
        """POST a form as it is (with its csrf_token)."""
        return self._open(urllib.request.Request(url, data=urllib.parse.urlencode(data).encode()))

    def _open(self, request):
        try:
            with self.opener.open(request, timeout=30) as answer:
                return answer.status, answer.read().decode()
        except urllib.error.HTTPError as answer:
            return answer.code, answer.read().decode()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@contextmanager
def redis_server(program="redis-server"):
    """redis-server on a free loopback port, without persistence; yields its URL."""
    port = free_port()
    process = subprocess.Popen([program, "--bind", "127.0.0.1", "--port", str(port), "--save", "",
                                "--appendonly", "no"], stdout=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while not _listening(port):
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError(f"redis-server did not listen on {port}")
            time.sleep(0.1)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(10)


def _listening(port):
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0
