"""gunicorn app servers for the deployment tests, started as deploy/systemd starts them:
`gunicorn --config deploy/gunicorn.conf.py wsgi:app`, on a free loopback port, with this
test session's instance folder and database."""
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def gunicorn(workers=1, **environment):
    """An app server; yields its base URL, stops it with SIGTERM (workers flush their
    buffered counts at exit) and fails on any traceback it logged."""
    port = free_port()
    env = {**os.environ, "FORUM_BIND": f"127.0.0.1:{port}", "FORUM_WORKERS": str(workers),
           "FORUM_ACCESS_LOG": "", **environment}
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "--config", "deploy/gunicorn.conf.py",
         "wsgi:app"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_for(f"{base}/healthz", process)
        yield base
    finally:
        process.send_signal(signal.SIGTERM)
        _, errors = process.communicate(timeout=30)
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
