"""Where uploaded bytes live: UPLOAD_FOLDER (instance/uploads or a shared volume).

Never under static/: every file is served through a view that checks who asks.
"""
import os
from pathlib import Path

from flask import current_app


def folder():
    return Path(current_app.config["UPLOAD_FOLDER"])


def attachment_path(token, thumb=False):
    """The file of an attachment (or its thumbnail), fanned out by the token's start."""
    return folder() / "files" / token[:2] / (token + (".thumb" if thumb else ""))


def avatar_path(user_id, version, size):
    return folder() / "avatars" / str(user_id) / f"{version}-{size}.webp"


def write(path, data):
    """Write whole or not at all: a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".part")
    try:
        partial.write_bytes(data)
        os.replace(partial, path)
    except OSError:  # a full disk: leave no half-written file behind
        partial.unlink(missing_ok=True)
        raise


def remove(*paths):
    """Delete files that are no longer referenced; missing ones are fine."""
    for path in paths:
        path.unlink(missing_ok=True)
