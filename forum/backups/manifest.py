"""A backup's manifest: what it holds and how to tell that nothing changed since.

Sizes and SHA-256 are those of the files as stored (sealed ones when encrypted), so a
backup can be checked without its passphrase.
"""
import hashlib
import json
import subprocess

from config import ROOT
from forum.backups import BackupError

NAME = "manifest.json"
FORMAT = 1
_CHUNK = 1024 * 1024


def forum_version():
    """The code's git commit (with -dirty for local changes), or 'unknown' outside git."""
    try:
        described = subprocess.run(["git", "-C", str(ROOT), "describe", "--always", "--dirty"],
                                   capture_output=True, text=True, timeout=10)
    except OSError:
        return "unknown"
    return described.stdout.strip() or "unknown"


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def file_entry(folder, path):
    """The manifest's line for one stored file."""
    return {"path": path.relative_to(folder).as_posix(), "size": path.stat().st_size,
            "sha256": sha256(path)}


def write(folder, manifest):
    (folder / NAME).write_text(json.dumps(manifest, indent=1, ensure_ascii=False, sort_keys=True))


def read(folder):
    """The manifest of the backup in `folder`; BackupError if there is none."""
    path = folder / NAME
    if not path.is_file():
        raise BackupError(f"{folder} holds no {NAME}: not a forum backup")
    manifest = json.loads(path.read_text())
    if manifest.get("format") != FORMAT:
        raise BackupError(f"unknown backup format {manifest.get('format')!r}")
    return manifest


def problems(folder, manifest, advance=lambda n: None):
    """What differs between the files in `folder` and its manifest (nothing: a sound backup)."""
    found = []
    listed = {entry["path"] for entry in manifest["files"]}
    for entry in manifest["files"]:
        path = folder / entry["path"]
        if not path.is_file():
            found.append(f"missing: {entry['path']}")
        elif path.stat().st_size != entry["size"]:
            found.append(f"size differs: {entry['path']}")
        elif sha256(path) != entry["sha256"]:
            found.append(f"SHA-256 differs: {entry['path']}")
        advance(entry["size"])
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).as_posix()
        if path.is_file() and relative != NAME and relative not in listed:
            found.append(f"not in the manifest: {relative}")
    return found
