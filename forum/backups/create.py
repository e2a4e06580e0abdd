"""`forum backup DIR`: the database's snapshot, then the uploads, then the manifest.

Uploads are written once under new names and never changed, so those copied after the
snapshot are the snapshot's (and a few newer files, which `forum prune-uploads` removes
after a restore). The instance keys are copied only by `back_up_keys`, to a folder of
their own.
"""
import os
import shutil
import tempfile
from datetime import datetime, timezone
from pathlib import Path

from flask import current_app

from forum.backups import BackupError, crypto, database, manifest
from forum.backups.portable import FOLDER as PORTABLE
from forum.models.base import utcnow
from forum.progress import progress
from forum.service import commit
from forum.settings import put_setting

KEY_FILES = ("secret_key", "id_hash_key", "letters.key")


def create_backup(folder, passphrase=None, portable=False):
    """Back the instance up into the new folder `folder`; returns its manifest. A portable
    backup holds the forum's export format, which restores into either backend."""
    folder = _new_folder(folder)
    encryption, key = crypto.new_encryption(passphrase) if passphrase else (None, None)
    migration, counts, files = _snapshot(folder, key, portable)
    uploads = upload_files()
    with progress("uploads", sum(p.stat().st_size for p in uploads), "bytes") as advance:
        for path in uploads:
            relative = "uploads/" + path.relative_to(upload_folder()).as_posix()
            files.append(_store(path, folder, relative, key))
            advance(path.stat().st_size)
    made = {"format": manifest.FORMAT, "kind": "forum backup",
            "forum_version": manifest.forum_version(), "created_at": _now(),
            "backend": database.backend(), "migration": migration, "row_counts": counts,
            "database": PORTABLE if portable else database.FILES[database.backend()],
            "uploads": len(uploads), "size": sum(f["size"] for f in files), "files": files,
            "encryption": encryption}
    manifest.write(folder, made)
    record_backup(made)
    return made


def record_backup(made):
    """Note the backup's time and size for the admin home (after its snapshot: a restore
    shows the backup before it)."""
    put_setting("last_backup", {"at": utcnow().isoformat(), "size": made["size"]})
    commit()


def _snapshot(folder, key, portable):
    """(migration head, row counts, the manifest entries of the database's files); a sealed
    backup's plain files live only in a temporary folder inside the backup's own."""
    with tempfile.TemporaryDirectory(dir=folder) as work:
        target = folder if key is None else Path(work)
        if portable:
            migration, counts = database.portable_snapshot(target)
            written = sorted((target / PORTABLE).glob("*"))
        else:
            written = [target / database.FILES[database.backend()]]
            migration, counts = database.snapshot(written[0])
        if key is None:
            return migration, counts, [manifest.file_entry(folder, p) for p in written]
        return migration, counts, [_store(p, folder, p.relative_to(target).as_posix(), key)
                                   for p in written]


def back_up_keys(folder, passphrase=None):
    """Copy the instance keys to `<folder>.instance-keys`, apart from the backup; returns
    that folder. SECRET_KEY set in the environment is the operator's to keep."""
    target = _new_folder(Path(f"{folder}.instance-keys"))
    encryption, key = crypto.new_encryption(passphrase) if passphrase else (None, None)
    instance = Path(current_app.instance_path)
    files = [_store(instance / name, target, name, key) for name in KEY_FILES
             if (instance / name).is_file()]
    manifest.write(target, {"format": manifest.FORMAT, "kind": "forum instance keys",
                            "created_at": _now(), "files": files, "encryption": encryption})
    return target


def upload_folder():
    return Path(current_app.config["UPLOAD_FOLDER"])


def upload_files():
    """Every finished upload (a `.part` is a file still being written)."""
    root = upload_folder()
    if not root.is_dir():
        return []
    return sorted(p for p in root.rglob("*") if p.is_file() and not p.name.endswith(".part"))


def _store(source, folder, relative, key):
    """Copy (or seal) one file into the backup; its manifest entry."""
    if key is not None:
        relative += ".enc"
    target = folder / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    if key is None:
        shutil.copyfile(source, target)
    else:
        crypto.encrypt_file(source, target, key, relative)
    return manifest.file_entry(folder, target)


def _new_folder(folder):
    folder = Path(folder)
    if folder.exists() and any(folder.iterdir()):
        raise BackupError(f"{folder} is not empty: a backup goes into a new folder")
    folder.mkdir(parents=True, exist_ok=True)
    os.chmod(folder, 0o700)  # the forum's whole content
    return folder


def _now():
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
