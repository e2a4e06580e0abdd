"""A throw-away PostgreSQL cluster of a test's own, which it may stop and start again (as
`.ci/run` makes the suite's): initdb into a temporary folder, on a free loopback port,
owned by the postgres user when the tests run as root (PostgreSQL refuses to run as root)."""
import os
import shutil
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path

import psycopg
from flask_migrate import upgrade

from forum.extensions import db
from forum.settings import put_setting
from tests.browser.helpers import require_or_skip
from tests.deploy.servers import free_port
from tests.faults.conftest import second_app


def _bin_folder():
    """The newest installed PostgreSQL's programs (Debian keeps them off the PATH)."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name))
    if found:
        return found[-1]
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


class Cluster:
    """A running cluster: `url(database)`, `stop()`, `start()`, `create(database)`."""

    def __init__(self, programs, data, port):
        self.programs, self.data, self.port = programs, data, port

    def command(self, program, *args):
        command = [str(self.programs / program), *args]
        return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command

    def run(self, program, *args):
        subprocess.run(self.command(program, *args), check=True, capture_output=True)

    def start(self):
        self.run("pg_ctl", "-D", str(self.data), "-l", str(self.data / "log"), "-w", "-o",
                 f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.data} -c fsync=off",
                 "start")

    def stop(self):
        """As an administrator restarts it: open connections are ended, nothing is lost."""
        self.run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def url(self, database="postgres"):
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def execute(self, *statements):
        with psycopg.connect(self.url(), autocommit=True) as connection:
            for statement in statements:
                connection.execute(statement)


@contextmanager
def postgres_cluster():
    """A started cluster; stopped and removed afterwards. Skipped without PostgreSQL's
    programs on a developer's machine, failed in CI (`.ci/run` installs them)."""
    programs = _bin_folder()
    require_or_skip(programs is not None and (os.geteuid() != 0 or shutil.which("runuser")),
                    "PostgreSQL's programs are missing: apt-get install postgresql")
    data = Path(tempfile.mkdtemp(prefix="forum-pg-"))
    if os.geteuid() == 0:
        shutil.chown(data, "postgres")
    cluster = Cluster(programs, data, free_port())
    try:
        cluster.run("initdb", "-D", str(data), "-A", "trust", "-U", "postgres",
                    "--encoding=UTF8", "--locale=C.UTF-8")
        cluster.start()
        yield cluster
    finally:
        subprocess.run(cluster.command("pg_ctl", "-D", str(data), "-m", "immediate", "stop"),
                       capture_output=True)  # not running if the test failed to start it
        shutil.rmtree(data, ignore_errors=True)


@contextmanager
def forum_on(cluster, monkeypatch, tmp_path, create="CREATE DATABASE forum"):
    """A forum whose database `forum` (made by `create`) is on the cluster, migrated, with
    the tests' settings; its app context is pushed meanwhile. Yields the app."""
    cluster.execute(create)
    made = second_app(monkeypatch, tmp_path, cluster.url("forum"))
    with made.app_context():
        upgrade()
        put_setting("new_account_review_posts", 0)  # as the tests' own app
        put_setting("post_interval_seconds", 0)  # flood control would refuse most replies
        db.session.commit()
        yield made
        db.session.remove()
        db.engine.dispose()
