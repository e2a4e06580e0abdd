"""`forum restore DIR` and `forum backup --verify DIR`.

Restore goes: check every file against the manifest, refuse an instance that holds
anything (unless forced), load the snapshot, compare its row counts with the manifest's,
migrate forward, put the uploads back, rebuild the search index. The app servers of the
instance are stopped meanwhile: the database is replaced under them.
"""
import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

from alembic.script import ScriptDirectory
from alembic.util import CommandError
from flask import current_app
from flask_migrate import upgrade

from forum.backups import BackupError, crypto, database, manifest
from forum.backups.create import upload_files, upload_folder
from forum.backups.portable import FOLDER as PORTABLE, SKIPPED_TABLES
from forum.extensions import db
from forum.progress import progress
from forum.search.adapter import reindex_all


def check_backup(folder):
    """The manifest of the backup in `folder` once every file matches it; else BackupError."""
    folder = Path(folder)
    made = manifest.read(folder)
    with progress("checking", sum(f["size"] for f in made["files"]), "bytes") as advance:
        found = manifest.problems(folder, made, advance)
    if found:
        raise BackupError("the backup does not match its manifest:\n  " + "\n  ".join(found))
    return made


def restore_backup(folder, passphrase=None, force=False):
    """Restore the backup in `folder` into this instance; returns what was done, line by line."""
    folder = Path(folder)
    made = check_backup(folder)
    if made.get("kind") != "forum backup":
        raise BackupError(f"{folder} is not a forum backup (restore --keys takes a key backup)")
    done = [f"checked {len(made['files'])} files ({made['size']:,} bytes) against the manifest"]
    _require_known(made["migration"])
    portable = made["database"] == PORTABLE
    if not portable and made["backend"] != database.backend():
        raise BackupError(f"a {made['backend']} backup loads into {made['backend']} only; "
                          "a backup made with --portable loads into either")
    key = open_key(made, passphrase)
    if not force and not instance_is_empty():
        raise BackupError("this instance is not empty: restore into a new one, or use --force "
                          "to replace everything in it")
    with _plain(folder, _database_files(made), key) as plain:
        database.blank()
        if portable:
            database.load_portable(plain, made["migration"], sum(
                n for table, n in made["row_counts"].items() if table not in SKIPPED_TABLES))
        else:
            database.load(plain / made["database"])
    done.append(f"loaded the {made['backend']} {'export' if portable else 'database'} "
                f"of {made['created_at']} into {database.backend()}")
    done.append(_compare_counts(made["row_counts"]))
    upgrade()
    done.append(f"migrated from {made['migration']} to {_current_head()}")
    done.append(_put_uploads(folder, made, key, force))
    done.append(f"rebuilt the search index: {reindex_all():,} posts")
    return done


def restore_keys(folder, passphrase=None):
    """Put the keys of a `<backup>.instance-keys` folder into the instance; their names."""
    folder = Path(folder)
    made = check_backup(folder)
    if made.get("kind") != "forum instance keys":
        raise BackupError(f"{folder} is not a key backup")
    key = open_key(made, passphrase)
    instance = Path(current_app.instance_path)
    names = []
    for entry in made["files"]:
        name = entry["path"].removesuffix(".enc")
        _copy_out(folder / entry["path"], instance / name, key, entry["path"])
        os.chmod(instance / name, 0o600)
        names.append(name)
    return names


def open_key(made, passphrase):
    """The key of a sealed backup (None for a plain one); BackupError without the right one."""
    if not made.get("encryption"):
        return None
    if not passphrase:
        raise BackupError("this backup is encrypted: give its passphrase")
    return crypto.derive_key(passphrase, made["encryption"])


def instance_is_empty():
    """No row in any table (the migration head aside) and no upload."""
    with db.engine.connect() as connection:
        counts = database.row_counts(connection)
    return not any(n for table, n in counts.items() if table != "alembic_version") \
        and not upload_files()


def _require_known(migration):
    script = ScriptDirectory(current_app.extensions["migrate"].directory)
    try:
        script.get_revision(migration)
    except CommandError:
        raise BackupError(f"the backup's schema ({migration}) is newer than this forum's code: "
                          "upgrade the code first") from None


def _current_head():
    with db.engine.connect() as connection:
        return database.head(connection)


def _compare_counts(expected):
    with db.engine.connect() as connection:
        counted = database.row_counts(connection)
    wrong = [f"{table}: {counted.get(table)} rows, the manifest says {rows}"
             for table, rows in expected.items() if counted.get(table) != rows]
    if wrong:
        raise BackupError("row counts differ after loading:\n  " + "\n  ".join(wrong))
    return f"row counts match the manifest: {sum(expected.values()):,} rows in {len(expected)} tables"


def _put_uploads(folder, made, key, force):
    target = upload_folder()
    if force:
        shutil.rmtree(target, ignore_errors=True)
    entries = [e for e in made["files"] if e["path"].startswith("uploads/")]
    with progress("uploads", sum(e["size"] for e in entries), "bytes") as advance:
        for entry in entries:
            relative = entry["path"].removeprefix("uploads/").removesuffix(".enc" if key else "")
            _copy_out(folder / entry["path"], target / relative, key, entry["path"])
            advance(entry["size"])
    return f"put back {len(entries):,} uploads"


def _copy_out(source, target, key, name):
    target.parent.mkdir(parents=True, exist_ok=True)
    if key is None:
        shutil.copyfile(source, target)
    else:
        crypto.decrypt_file(source, target, key, name)


def _database_files(made):
    return [e for e in made["files"] if not e["path"].startswith("uploads/")]


@contextmanager
def _plain(folder, entries, key):
    """A folder holding the files of `entries` in clear: the backup's own if not sealed,
    else a temporary one they are opened into."""
    if key is None:
        yield folder
        return
    with tempfile.TemporaryDirectory(dir=current_app.instance_path) as work:
        for entry in entries:
            _copy_out(folder / entry["path"], Path(work) / entry["path"].removesuffix(".enc"),
                      key, entry["path"])
        yield Path(work)
