"""`forum backup`, `forum backup --verify` and `forum restore` (issue 24)."""
import json
import os
import secrets
import threading
import time
from datetime import timedelta
from pathlib import Path

import pytest
from flask_babel import gettext
from jinja2.filters import do_filesizeformat as filesizeformat

from forum.attachments import storage
from forum.backups import BackupError
from forum.backups.create import create_backup
from forum.backups.restore import restore_backup
from forum.boards.services import reply
from forum.extensions import db
from forum.models import Post
from forum.models.base import utcnow
from forum.search.adapter import search
from forum.settings import put_setting
from tests.backups.conftest import table_rows, upload_hashes
from tests.checks import says
from tests.conftest import login
from tests.factories import make_thread, make_user

pytestmark = pytest.mark.usefixtures("empty_upload_folder")


def run(app, *args):
    """Run a command on `app` (with_appcontext takes the app whose context is pushed)."""
    with app.app_context():
        return app.test_cli_runner().invoke(args=["forum", *args], catch_exceptions=False)


def some_uploads(count=3):
    for _ in range(count):
        storage.write(storage.attachment_path(secrets.token_hex(16)), secrets.token_bytes(5000))
    return upload_hashes(storage.folder())


def test_a_backup_taken_while_posts_are_written_restores_every_row_and_upload_of_its_moment(
        app, fresh_app, tmp_path):
    thread = make_thread(body="备份演练的第一帖")
    uploads = some_uploads()
    states = [table_rows()]  # the database after each write: one of them is the backup's
    stop, writing = threading.Event(), threading.Event()

    def writer():
        with app.app_context():
            author, live = make_user(), db.session.get(type(thread), thread.id)
            while not stop.is_set():
                reply(live, author, f"备份时写入的回复 {len(states)}")
                states.append(table_rows())
                writing.set()

    worker = threading.Thread(target=writer)
    worker.start()
    try:
        assert writing.wait(30)
        create_backup(tmp_path / "backup")
        time.sleep(0.2)  # writes go on after the snapshot too
    finally:
        stop.set()
        worker.join()
    with fresh_app.app_context():
        restore_backup(tmp_path / "backup")
        restored = table_rows()
        assert upload_hashes(storage.folder()) == uploads
        found = [hit.post.body for hit in search("备份演练", make_user()).hits]
    assert restored in states
    assert states.index(restored) < len(states) - 1  # the writer wrote on past the backup
    assert found == ["备份演练的第一帖"]


def test_verify_finds_one_changed_byte(app, tmp_path):
    make_thread()
    some_uploads(1)
    create_backup(tmp_path / "backup")
    assert run(app, "backup", "--verify", str(tmp_path / "backup")).exit_code == 0
    changed = next(p for p in (tmp_path / "backup" / "uploads").rglob("*") if p.is_file())
    data = bytearray(changed.read_bytes())
    data[100] ^= 1
    changed.write_bytes(bytes(data))
    result = run(app, "backup", "--verify", str(tmp_path / "backup"))
    assert result.exit_code != 0
    assert "SHA-256 differs: uploads/" in result.output


def test_restore_refuses_an_instance_that_is_not_empty(app, tmp_path):
    thread = make_thread()
    create_backup(tmp_path / "backup")
    result = run(app, "restore", str(tmp_path / "backup"))
    assert result.exit_code != 0 and "not empty" in result.output
    assert db.session.get(Post, thread.last_post_id) is not None


def test_the_keys_stay_out_of_a_backup_unless_asked_and_then_go_apart(app, tmp_path):
    from forum.seal import seal

    seal("写信人")  # makes letters.key
    instance = Path(app.instance_path)
    keys = {name: (instance / name).read_bytes() for name in ("secret_key", "letters.key")}
    assert run(app, "backup", str(tmp_path / "plain")).exit_code == 0
    stored = b"".join(p.read_bytes() for p in (tmp_path / "plain").rglob("*") if p.is_file())
    assert not any(key.strip() in stored for key in keys.values())
    assert not (tmp_path / "plain.instance-keys").exists()
    assert run(app, "backup", "--keys", str(tmp_path / "withkeys")).exit_code == 0
    kept = tmp_path / "withkeys.instance-keys"
    assert {name: (kept / name).read_bytes() for name in keys} == keys
    assert not any((tmp_path / "withkeys").rglob("*key*"))


def test_an_encrypted_backup_restores_only_with_its_passphrase(app, fresh_app, tmp_path):
    make_thread(body="加密备份里的帖子")
    uploads = some_uploads(2)
    passphrase = tmp_path / "passphrase"
    passphrase.write_text("县委办公室的口令 2026\n")
    made = run(app, "backup", "--encrypt", "--passphrase-file", str(passphrase),
               str(tmp_path / "backup"))
    assert made.exit_code == 0, made.output
    stored = b"".join(p.read_bytes() for p in (tmp_path / "backup").rglob("*.enc"))
    assert "加密备份里的帖子".encode() not in stored
    manifest = json.loads((tmp_path / "backup" / "manifest.json").read_text())
    assert "口令" not in json.dumps(manifest, ensure_ascii=False)
    with fresh_app.app_context():
        with pytest.raises(BackupError, match="wrong passphrase"):
            restore_backup(tmp_path / "backup", passphrase="guess")
        with pytest.raises(BackupError, match="encrypted"):
            restore_backup(tmp_path / "backup")
    result = run(fresh_app, "restore", "--passphrase-file", str(passphrase), str(tmp_path / "backup"))
    assert result.exit_code == 0, result.output
    with fresh_app.app_context():
        assert upload_hashes(storage.folder()) == uploads
        bodies = db.session.execute(db.select(Post.body)).scalars().all()
    assert bodies == ["加密备份里的帖子"]


def test_restore_prints_what_it_did(app, fresh_app, tmp_path):
    make_thread()
    create_backup(tmp_path / "backup")
    result = run(fresh_app, "restore", str(tmp_path / "backup"))
    assert result.exit_code == 0, result.output
    for said in ("checked 1 files", "row counts match the manifest", "migrated from",
                 "rebuilt the search index: 1 posts", "restored in"):
        assert said in result.output


def test_a_portable_backup_restores_the_same_rows_and_uploads(app, fresh_app, tmp_path):
    make_thread(body="导出格式里的帖子", replies=2)
    uploads, rows = some_uploads(2), table_rows()
    assert run(app, "backup", "--portable", str(tmp_path / "backup")).exit_code == 0
    result = run(fresh_app, "restore", str(tmp_path / "backup"))
    assert result.exit_code == 0, result.output
    with fresh_app.app_context():
        assert table_rows() == rows
        assert upload_hashes(storage.folder()) == uploads


ON_POSTGRESQL = pytest.mark.skipif("postgresql" not in os.environ.get("DATABASE_URL", ""),
                                   reason="needs SQLite and the tests' PostgreSQL")


@ON_POSTGRESQL
def test_a_portable_backup_moves_from_postgresql_to_sqlite_and_back(app, new_instance, tmp_path):
    make_thread(body="从PostgreSQL到SQLite再回来", replies=3)
    rows = table_rows()
    to_sqlite, back = new_instance("sqlite"), new_instance("postgresql")
    for source, target, folder in ((app, to_sqlite, "there"), (to_sqlite, back, "back")):
        assert run(source, "backup", "--portable", str(tmp_path / folder)).exit_code == 0
        result = run(target, "restore", str(tmp_path / folder))
        assert result.exit_code == 0, result.output
        with target.app_context():
            assert db.engine.dialect.name == ("sqlite" if target is to_sqlite else "postgresql")
            assert table_rows() == rows


@ON_POSTGRESQL
def test_a_pg_dump_backup_is_refused_by_sqlite_with_a_pointer_to_portable(
        app, new_instance, tmp_path):
    make_thread()
    create_backup(tmp_path / "backup")
    result = run(new_instance("sqlite"), "restore", str(tmp_path / "backup"))
    assert result.exit_code != 0 and "--portable" in result.output


def test_the_system_admin_home_shows_the_last_backups_time_and_size(app, tmp_path):
    system = login(app.test_client(), make_user(admin_role="system"))
    security = login(app.test_client(), make_user(admin_role="security"))
    assert says(system.get("/admin/").get_data(as_text=True),
                "No backup yet: run forum backup (see the README).")
    made = create_backup(tmp_path / "backup")
    line = system.get("/admin/").get_data(as_text=True).split('class="last-backup">')[1]
    assert filesizeformat(made["size"]) in line.split("</p>")[0]
    assert "last-backup" not in security.get("/admin/").get_data(as_text=True)


def test_the_admin_home_warns_when_the_last_backup_is_more_than_a_day_old(app):
    system = login(app.test_client(), make_user(admin_role="system"))
    stale = ("The last backup is more than a day old (%(at)s): run forum backup, or check "
             "the backup timer (docs/deploy.md).")
    for hours, warned in ((3, False), (30, True)):
        put_setting("last_backup", {"at": (utcnow() - timedelta(hours=hours)).isoformat(), "size": 1024})
        db.session.commit()
        page = system.get("/admin/").get_data(as_text=True)
        before, after = str(gettext(stale, at="\0")).split("\0")
        assert (before in page and after in page) == warned, hours
        assert 'class="last-backup"' in page


def test_restore_puts_back_the_keys_from_their_own_folder(app, fresh_app, tmp_path):
    from forum.seal import seal, unseal

    sealed = seal("写信人")
    assert run(app, "backup", "--keys", str(tmp_path / "backup")).exit_code == 0
    result = run(fresh_app, "restore", "--keys", str(tmp_path / "backup.instance-keys"),
                 str(tmp_path / "backup"))
    assert result.exit_code == 0, result.output
    with fresh_app.app_context():
        assert unseal(sealed) == "写信人"
    wrong = run(fresh_app, "restore", "--force", str(tmp_path / "backup.instance-keys"))
    assert wrong.exit_code != 0 and "not a forum backup" in wrong.output
