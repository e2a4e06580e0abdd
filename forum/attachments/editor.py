"""The editor's side of attachments, for the post views: files sent with a post form
(no JavaScript needed) and those the script uploaded before (hidden `attachments`)."""
from contextlib import contextmanager

from flask import g, has_request_context, request
from flask_login import current_user

from forum.attachments.services import (discard_files, pending_attachments, prepare_attachments,
                                        upload_attachments)
from forum.extensions import db
from forum.feedback import attempt


@contextmanager
def posted_attachments(user, board):
    """The attachments a submitted post carries, new files stored but uncommitted; if
    saving the post fails, the new files are deleted and nothing is kept."""
    pending = pending_attachments(user, request.form.getlist("attachments"))
    new = prepare_attachments(user, board, request.files.getlist("files"))
    g.editor_uploads = pending
    try:
        yield pending + new
    except BaseException:
        db.session.rollback()
        discard_files(new)
        raise


def keep_for_preview(user, board, form):
    """On preview, files chosen in the form are uploaded (pending) so they stay listed."""
    pending = pending_attachments(user, request.form.getlist("attachments"))
    g.editor_uploads = pending
    files = request.files.getlist("files")
    if any(f.filename for f in files):
        uploaded = attempt(form, lambda: upload_attachments(user, board, files), default="files")
        if uploaded:
            g.editor_uploads = pending + uploaded.value


def editor_uploads():
    """For the editor template: the pending attachments the form carries."""
    if "editor_uploads" in g:
        return g.editor_uploads
    if not has_request_context() or request.method != "POST":
        return []
    return pending_attachments(current_user, request.form.getlist("attachments"))


def file_size(size):
    """A file's size as people read it: 512 KB, 3.4 MB."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"
