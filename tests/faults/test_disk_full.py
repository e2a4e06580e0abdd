"""The disk filling up while people post (issue 24): the writer is told what happened and
gets the typed text back in the form, nothing is half-written, and writes resume when
space returns. SQLite's "database or disk is full" comes from a tiny max_page_count on a
throw-away forum; a full disk under the uploads from the file write failing (ENOSPC)."""
import errno
import io
from pathlib import Path

import pytest
from flask import current_app
from sqlalchemy import event

from forum.extensions import db
from forum.models import Attachment, Post, Thread
from forum.search.outbox import SearchChange
from tests.attachments.samples import image_bytes
from tests.conftest import login, post_form
from tests.factories import make_thread, make_user

TEXT = "磁盘满时写下的回复，" * 300  # more than the pages left


class Disk:
    """The throw-away forum's database file may grow `pages` more pages, or freely."""

    def __init__(self, app):
        self.app, self.limit = app, None
        with app.app_context():
            event.listen(db.engine, "connect", self._limit)

    def _limit(self, connection, _record):
        if self.limit is not None:
            connection.execute(f"PRAGMA max_page_count={self.limit}")

    def fill(self, pages=2):
        with self.app.app_context(), db.engine.connect() as connection:
            connection.exec_driver_sql("VACUUM")  # no free pages left inside the file
            self.limit = connection.exec_driver_sql("PRAGMA page_count").scalar() + pages
            db.engine.dispose()  # every connection from now on is limited

    def free(self):
        self.limit = None
        with self.app.app_context():
            db.engine.dispose()


@pytest.fixture()
def world(sqlite_app):
    with sqlite_app.app_context():
        member = make_user()
        thread_id = make_thread(title="磁盘测试").id
        client = login(sqlite_app.test_client(), member)
    return sqlite_app, client, thread_id, Disk(sqlite_app)


def _reply(client, thread_id, **data):
    return post_form(client, f"/t/{thread_id}/reply", {"body": TEXT, **data},
                     content_type="multipart/form-data")


def _stored(app):
    with app.app_context():
        files = Path(current_app.config["UPLOAD_FOLDER"])
        return {"posts": db.session.execute(db.select(db.func.count(Post.id))).scalar(),
                "replies": db.session.execute(db.select(Thread.reply_count)).scalar(),
                "attachments": db.session.execute(db.select(db.func.count(Attachment.id))).scalar(),
                "outbox": db.session.execute(db.select(db.func.count(SearchChange.id))).scalar(),
                "files": sorted(p.name for p in files.rglob("*") if p.is_file())}


def _says_disk_full_and_keeps_the_text(response):
    page = response.get_data(as_text=True)
    return (response.status_code == 200 and "服务器磁盘已满，您输入的内容保留在下方" in page
            and TEXT in page)


def test_a_reply_on_a_full_disk_says_so_keeps_the_text_and_writes_nothing(world):
    app, client, thread_id, disk = world
    before = _stored(app)
    disk.fill()

    assert _says_disk_full_and_keeps_the_text(_reply(client, thread_id))
    disk.free()
    assert _stored(app) == before


def test_writes_resume_when_space_returns(world):
    app, client, thread_id, disk = world
    disk.fill()
    _reply(client, thread_id)
    disk.free()

    assert _reply(client, thread_id).status_code == 302
    assert _stored(app)["replies"] == 1


def test_a_reply_with_a_file_on_a_full_database_keeps_neither_row_nor_file(world):
    app, client, thread_id, disk = world
    before = _stored(app)
    disk.fill()

    response = _reply(client, thread_id, files=[(io.BytesIO(image_bytes()), "现场.png")])

    assert _says_disk_full_and_keeps_the_text(response)
    disk.free()
    assert _stored(app) == before


def test_an_upload_that_fills_the_disk_keeps_no_part_of_any_file(world, monkeypatch):
    app, client, thread_id, _disk = world
    before, write_bytes, written = _stored(app), Path.write_bytes, []

    def fills_up(path, data):
        if written:  # the first file fits, the second does not
            write_bytes(path, data[:100])
            raise OSError(errno.ENOSPC, "No space left on device")
        written.append(path)
        return write_bytes(path, data)

    monkeypatch.setattr(Path, "write_bytes", fills_up)
    response = _reply(client, thread_id, files=[(io.BytesIO(image_bytes()), "一.png"),
                                                (io.BytesIO(image_bytes()), "二.png")])
    monkeypatch.undo()

    assert _says_disk_full_and_keeps_the_text(response)
    assert _stored(app) == before
