"""Uploading and attaching files; the public services commit once.

A file is checked whole before anything is stored; several files are all kept or none.
An upload without a post is pending: only its uploader sees it, until a post that
names it is saved.
"""
import secrets
from datetime import timedelta

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import func

from forum.attachments import storage
from forum.attachments.files import clean_filename, inspect
from forum.extensions import db
from forum.models import Attachment
from forum.models.base import utcnow
from forum.service import Refused, commit
from forum.settings import get_setting

MB = 1024 * 1024
MAX_FILES = 10  # in one request


def size_limit(board_type):
    """The largest file allowed in boards of this type, in bytes."""
    limits = get_setting("upload_limits_mb")
    return int(limits.get(board_type, limits.get("default", 5))) * MB


def largest_upload_request():
    """The most bytes a form with files may send: MAX_FILES of the largest file any board
    allows, and the form's text."""
    largest = max(int(mb) for mb in get_setting("upload_limits_mb").values()) * MB
    return MAX_FILES * largest + current_app.config["MAX_CONTENT_LENGTH"]


def upload_attachments(user, board, files):
    """Keep files as the user's pending attachments (for the editor's uploads)."""
    rows = prepare_attachments(user, board, files)
    if not rows:
        raise Refused(_("Choose a file first."), field="files")
    commit_or_discard(rows)
    return rows


def prepare_attachments(user, board, files, max_files=MAX_FILES, max_bytes=None):
    """Check and store files; their rows join the caller's unit of work (uncommitted).
    A letter's files come with user None: they are kept without an uploader, and the
    letter's own quota (`max_files`, `max_bytes` in all) stands in for the daily one.
    Every file is read and counted before any is decoded."""
    files = [f for f in files if f is not None and f.filename]  # an empty input sends ""
    if not files:
        return []
    if len(files) > max_files:
        raise Refused(_("Attach at most %(n)d files at a time.", n=max_files), field="files")
    if user is not None:
        _check_quota(user, len(files))
    limit = size_limit(board.type)
    contents = [(clean_filename(f.filename), _read(f, limit)) for f in files]
    if max_bytes is not None and sum(len(data) for _, data in contents) > max_bytes:
        raise Refused(_("These files come to more than %(n)d MB together; send fewer or smaller ones.",
                        n=max_bytes // MB), field="files")
    checked = [(name, inspect(data)) for name, data in contents]
    rows = []
    try:
        for name, result in checked:
            rows.append(_keep(user, name, result))
    except OSError:  # a full disk: the files stored so far go too
        discard_files(rows)
        raise
    db.session.add_all(rows)
    return rows


def attach_to_post(post, board_type, attachments):
    """Give pending attachments to the post being saved (no commit: the post's service
    commits); one uploaded for a board with a larger limit is refused here."""
    limit = size_limit(board_type)
    for attachment in attachments:
        if attachment.size > limit:
            raise Refused(_("“%(name)s” is larger than this board allows (%(n)d MB).",
                            name=attachment.filename, n=limit // MB), field="files")
        attachment.post = post


def detach(post, tokens):
    """Delete the post's attachments named by these tokens (others' are ignored), in the
    caller's unit of work; returns the rows, whose files go after the commit."""
    rows = [a for a in post.attachments if a.token in set(tokens)]
    for row in rows:
        db.session.delete(row)
    return rows


def pending_attachments(user, tokens):
    """The user's own pending attachments among these tokens; others' are ignored."""
    tokens = [t for t in tokens if t][:MAX_FILES * 3]
    if not tokens or not user.is_authenticated:
        return []
    return db.session.execute(
        db.select(Attachment).where(Attachment.token.in_(tokens), Attachment.post_id.is_(None),
                                    Attachment.kept_by.is_(None), Attachment.uploader_id == user.id)
        .order_by(Attachment.id)).scalars().all()


def commit_or_discard(rows):
    """Commit; if the commit fails, the files just written go too."""
    try:
        commit()
    except Exception:
        discard_files(rows)
        raise


def discard_files(rows):
    """Delete the files of rows that were not saved."""
    for row in rows:
        storage.remove(storage.attachment_path(row.token),
                       storage.attachment_path(row.token, thumb=True))


def _read(upload, limit):
    """The whole file, refused without reading past the limit."""
    data = upload.stream.read(limit + 1)
    if len(data) > limit:
        raise Refused(_("“%(name)s” is too large: files here may be at most %(n)d MB.",
                        name=clean_filename(upload.filename), n=limit // MB), field="files")
    if not data:
        raise Refused(_("“%(name)s” is empty.", name=clean_filename(upload.filename)),
                      field="files")
    return data


def _check_quota(user, adding):
    since = utcnow() - timedelta(days=1)
    recent = db.session.execute(
        db.select(func.count(Attachment.id))
        .where(Attachment.uploader_id == user.id, Attachment.created_at >= since)).scalar_one()
    allowed = get_setting("uploads_per_day")
    if recent + adding > allowed:
        raise Refused(_("You can upload at most %(n)d files a day. Please try again tomorrow.",
                        n=allowed), field="files")


def _keep(user, name, result):
    token = secrets.token_urlsafe(24)  # 192 random bits: the URL cannot be guessed
    try:
        storage.write(storage.attachment_path(token), result.data)
        if result.thumb is not None:
            storage.write(storage.attachment_path(token, thumb=True), result.thumb)
    except OSError:
        storage.remove(storage.attachment_path(token), storage.attachment_path(token, thumb=True))
        raise
    return Attachment(token=token, uploader_id=user and user.id, kind=result.kind, mime=result.mime,
                      ext=result.ext, filename=_with_extension(name, result.ext),
                      size=len(result.data), width=result.width, height=result.height)


def _with_extension(name, ext):
    """Downloads carry the extension of what the file is, not of what it was called."""
    stem, dot, old = name.rpartition(".")
    if dot and old.lower() in {ext, "jpeg" if ext == "jpg" else ext}:
        return name
    return f"{name}.{ext}"


def prune_pending(days):
    """Delete uploads no post took within `days` days: rows first, then their files."""
    rows = db.session.execute(
        db.select(Attachment).where(Attachment.post_id.is_(None), Attachment.kept_by.is_(None),
                                    Attachment.created_at < utcnow() - timedelta(days=days))
    ).scalars().all()
    for row in rows:
        db.session.delete(row)
    commit()
    discard_files(rows)
    return len(rows)
