"""The disk filling up under PostgreSQL (issue 24): the forum's database lives in a
tablespace on a small tmpfs of the test's own, which a file then fills to the last byte
(the cluster's write-ahead log stays on the main disk, as a full data disk leaves it
on a server that keeps them apart). Posting says what happened, keeps the typed text in
the form and writes nothing; once the file is gone, posting works again. Mounting needs
root: where mounting is not allowed the test is skipped."""
import errno
import random
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from forum.extensions import db
from forum.models import Post, Thread
from forum.search.outbox import SearchChange
from tests.conftest import login, post_form
from tests.factories import make_thread, make_user
from tests.faults.cluster import forum_on, postgres_cluster

DISK = "32m"  # the migrated, empty forum takes about 6 MB of it
# Text that compresses poorly, so PostgreSQL must give it new pages of its own (TOAST).
TEXT = "".join(chr(random.Random(24).randrange(0x4E00, 0x9FA5)) for _ in range(6000))
SAYS_FULL = "服务器磁盘已满，您输入的内容保留在下方"


@pytest.fixture()
def small_disk():
    """A tmpfs of DISK mounted on a new folder, owned by the postgres user."""
    with tempfile.TemporaryDirectory(prefix="forum-disk-") as folder:
        mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={DISK},mode=0700",
                                  "tmpfs", folder], capture_output=True)
        if mounted.returncode != 0:
            pytest.skip(f"mounting a tmpfs is not allowed here: {mounted.stderr.decode().strip()}")
        try:
            shutil.chown(folder, "postgres")
            yield Path(folder)
        finally:
            subprocess.run(["umount", "--lazy", folder], check=True)


@pytest.fixture()
def world(small_disk, monkeypatch, tmp_path):
    """(small disk, logged-in member's client, thread id) of a forum in the tablespace."""
    with postgres_cluster() as cluster:
        cluster.execute(f"CREATE TABLESPACE small LOCATION '{small_disk}'")
        with forum_on(cluster, monkeypatch, tmp_path,
                      create="CREATE DATABASE forum TABLESPACE small") as app:
            thread_id = make_thread(title="磁盘测试").id
            client = login(app.test_client(), make_user())
            yield small_disk, client, thread_id


def _fill(disk):
    """Write a file until the disk takes no more (unbuffered: nothing waits to be written)."""
    with open(disk / "filler", "wb", buffering=0) as filler:
        for size in (1 << 20, 4096):  # then the last pages one at a time
            try:
                while filler.write(b"\0" * size):
                    pass
            except OSError as error:
                assert error.errno == errno.ENOSPC


def _reply(client, thread_id):
    return post_form(client, f"/t/{thread_id}/reply", {"body": TEXT})


def _stored():
    db.session.rollback()
    return {"posts": db.session.execute(db.select(db.func.count(Post.id))).scalar(),
            "replies": db.session.execute(db.select(Thread.reply_count)).scalar(),
            "outbox": db.session.execute(db.select(db.func.count(SearchChange.id))).scalar()}


def test_a_reply_with_the_database_disk_full_says_so_keeps_the_text_and_writes_nothing(world):
    disk, client, thread_id = world
    before = _stored()
    _fill(disk)

    response = _reply(client, thread_id)

    page = response.get_data(as_text=True)
    assert response.status_code == 200 and SAYS_FULL in page and TEXT in page, page[:2000]
    assert _stored() == before


def test_replies_are_written_again_once_the_database_disk_has_room(world):
    disk, client, thread_id = world
    _fill(disk)
    _reply(client, thread_id)
    (disk / "filler").unlink()

    assert _reply(client, thread_id).status_code == 302
    assert _stored()["replies"] == 1
    assert TEXT in db.session.execute(db.select(Post.body).where(Post.number == 2)).scalar()
