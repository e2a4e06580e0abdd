"""What attachments plug into the core (forum/hooks.py): the files sent with a post are
stored with it, and a removed file's bytes go once the edit is committed."""
from flask_sqlalchemy.session import Session
from sqlalchemy import event

from forum.attachments.editor import editor_uploads, keep_for_preview, posted_attachments
from forum.attachments.services import (attach_to_post, detach, discard_files,
                                         largest_upload_request)
from forum.hooks import (files_posted, files_previewed, page_part, post_created, post_edited,
                         upload_request_limit)

files_posted.provide(posted_attachments)
files_previewed.provide(keep_for_preview)
upload_request_limit.provide(largest_upload_request)

DISCARDED = "discarded_attachments"  # Session.info key: rows whose files go after commit


@post_created.connect
def attach_new_post(post, draft, attachments, **_ignored):
    attach_to_post(post, draft.board.type, attachments)


@post_edited.connect
def attach_edited_post(post, draft, attachments, remove, **_ignored):
    attach_to_post(post, draft.board.type, attachments)
    removed = detach(post, remove)
    Session.object_session(post).info.setdefault(DISCARDED, []).extend(removed)


@page_part("editor")
def files_in_editor(**_ignored):
    """The files a post form being shown again carries."""
    return {"editor_uploads": editor_uploads()}


@event.listens_for(Session, "after_commit")
def _discard_removed(session):
    discard_files(session.info.pop(DISCARDED, []))


@event.listens_for(Session, "after_rollback")
def _keep_removed(session):
    session.info.pop(DISCARDED, None)
