"""Attachment and avatar routes: the editor's upload, the files, the avatar form."""
from urllib.parse import quote

from flask import abort, jsonify, redirect, request, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from flask_wtf import FlaskForm

from forum.attachments import bp, storage
from forum.attachments.avatars import remove_avatar, set_avatar
from forum.attachments.loaders import load_attachment
from forum.attachments.services import upload_attachments
from forum.boards.loaders import load_board
from forum.extensions import db, limiter
from forum.feedback import attempt, json_refusals
from forum.inbound import accepts_files
from forum.letters.tracking import record_file_read
from forum.models import User
from forum.permissions import may_write

# Served files never run: no sniffing, no scripts, no plugins, even if opened directly.
FILE_HEADERS = {"X-Content-Type-Options": "nosniff",
                "Content-Security-Policy": "default-src 'none'; sandbox",
                "Cross-Origin-Resource-Policy": "same-origin"}


@bp.post("/b/<slug>/attachments")
@accepts_files
@limiter.limit("60 per hour")
@login_required
@json_refusals(400, key="error")
def upload(slug):
    board = load_board(slug)
    if not may_write(current_user, board):
        abort(403)
    rows = upload_attachments(current_user, board, request.files.getlist("files"))
    return jsonify(files=[_describe(row) for row in rows])


def _describe(row):
    url = url_for("attachments.file", token=row.token)
    alt = row.filename.replace("[", "(").replace("]", ")")
    # A picture shows as its thumbnail (at most 800 px) linked to the full image.
    thumb = url_for("attachments.thumb", token=row.token)
    return {"token": row.token, "name": row.filename, "url": url, "image": row.is_image,
            "markdown": f"[![{alt}]({thumb})]({url})" if row.is_image else f"[{alt}]({url})"}


@bp.get("/a/<token>")
def file(token):
    attachment = _read(token)
    return _send(storage.attachment_path(attachment.token), attachment.mime,
                 "inline" if attachment.is_image else "attachment", attachment.filename)


@bp.get("/a/<token>/thumb")
def thumb(token):
    attachment = _read(token)
    if not attachment.is_image:
        abort(404)
    return _send(storage.attachment_path(attachment.token, thumb=True), "image/webp",
                 "inline", attachment.filename.rsplit(".", 1)[0] + ".webp")


def _read(token):
    """The attachment, if this user may read it; its file or thumbnail is read next: a
    whistleblower letter's is logged."""
    attachment = load_attachment(token)
    if attachment.post is not None:
        record_file_read(attachment.post, current_user)
    return attachment


def _send(path, mime, disposition, name):
    if not path.is_file():
        abort(404)
    response = send_file(path, mimetype=mime, conditional=True, etag=True, max_age=0)
    # Who may read changes (a post hidden, a role revoked): every use asks again.
    response.headers["Cache-Control"] = "private, no-cache"
    response.headers["Content-Disposition"] = content_disposition(disposition, name)
    response.headers.update(FILE_HEADERS)
    return response


def content_disposition(disposition, name):
    """RFC 6266: an ASCII fallback and the real name as UTF-8."""
    fallback = "".join(c if c.isascii() and c.isprintable() and c not in '"%' else "_" for c in name)
    return f"{disposition}; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"


@bp.get("/avatars/<int:user_id>/<int:version>-<int:size>.webp")
def avatar(user_id, version, size):
    user = db.session.get(User, user_id)
    if user is None or user.avatar_version != version or user.deleted_at is not None:
        abort(404)
    path = storage.avatar_path(user_id, version, size)
    if not path.is_file():
        abort(404)
    # The version is in the URL: a new avatar is a new URL, so this one never changes.
    response = send_file(path, mimetype="image/webp", max_age=365 * 24 * 3600)
    response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
    response.headers.update(FILE_HEADERS)
    return response


@bp.post("/account/avatar")
@accepts_files
@limiter.limit("20 per hour")
@login_required
def account_avatar():
    if FlaskForm().validate_on_submit():  # the CSRF token; the file is read by the service
        attempt(None, _save_avatar, done=_("Your avatar has been saved."))
    return redirect(url_for("auth.account"))


def _save_avatar():
    if request.form.get("remove"):
        return remove_avatar(current_user)
    return set_avatar(current_user, request.files.get("avatar"))
