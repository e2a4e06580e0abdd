"""Moderation actions on threads and posts: small, validated, logged, one commit each.

Nothing is ever destroyed: hiding is a status, restoring undoes it. Each action writes
its ModAction row in the same transaction as the change, and rebuilds the counters of
exactly the threads, boards and users it touched.
"""
from flask_babel import gettext as _
from sqlalchemy import select, update

from forum.boards.recount import recount_boards, recount_threads, recount_users
from forum.boards.registry import get_type
from forum.extensions import db
from forum.models import ContentStatus, Post, QueueItem, Report
from forum.audit import log_action
from forum.notifications.service import notify
from forum.service import Refused, commit


def lock_thread(thread, actor, reason=""):
    _expect(not thread.is_locked, _("This thread is already locked."))
    thread.is_locked = True
    _done(actor, "lock", thread, reason)


def unlock_thread(thread, actor, reason=""):
    _expect(thread.is_locked, _("This thread is not locked."))
    thread.is_locked = False
    _done(actor, "unlock", thread, reason)


def pin_thread(thread, actor, scope, reason=""):
    """Pin in its board, or site-wide (the caller checks who may pin site-wide)."""
    _expect(scope in ("board", "site"), _("Choose where to pin the thread."))
    _expect(thread.status == ContentStatus.PUBLISHED, _("Only a published thread can be pinned."))
    _expect(scope == "board" or get_type(thread.board.type).on_index,
            _("Only threads of public boards can be pinned site-wide."))
    _expect(not (thread.is_pinned and thread.pin_scope == scope), _("This thread is already pinned."))
    thread.is_pinned, thread.pin_scope = True, scope
    _done(actor, f"pin_{scope}", thread, reason)


def unpin_thread(thread, actor, reason=""):
    _expect(thread.is_pinned, _("This thread is not pinned."))
    thread.is_pinned, thread.pin_scope = False, None
    _done(actor, "unpin", thread, reason)


def feature_thread(thread, actor, reason=""):
    """Mark 精华 (featured), and tell the author: it is the board's praise of their thread."""
    _expect(get_type(thread.board.type).featuring, _("Threads of this board are not marked featured."))
    _expect(thread.status == ContentStatus.PUBLISHED, _("Only a published thread can be featured."))
    _expect(not thread.is_featured, _("This thread is already featured."))
    thread.is_featured = True
    notify([thread.author_id], "thread_featured", actor=actor, thread=thread,
           data={"title": thread.title})
    _done(actor, "feature", thread, reason)


def unfeature_thread(thread, actor, reason=""):
    _expect(thread.is_featured, _("This thread is not featured."))
    thread.is_featured = False
    _done(actor, "unfeature", thread, reason)


def move_thread(thread, target, actor, reason):
    """Move to another board with its queue items and reports (the caller checks the
    actor moderates both)."""
    _expect(target.id != thread.board_id, _("The thread is already in that board."))
    _require_reason(reason)
    source_id = thread.board_id
    thread.board_id = target.id
    _carry_items(thread, target)
    _done(actor, "move", thread, f"{reason} (#{source_id} → #{target.id})",
          boards=[source_id, target.id], users=_authors(thread))


def hide_thread(thread, actor, reason):
    _expect(thread.status != ContentStatus.HIDDEN, _("This thread is already hidden."))
    _require_reason(reason)
    thread.status = ContentStatus.HIDDEN
    notify([thread.author_id], "post_hidden", actor=actor, thread=thread,
           data={"title": thread.title, "reason": reason})
    _done(actor, "hide", thread, reason, users=_authors(thread))


def restore_thread(thread, actor, reason=""):
    _expect(thread.status == ContentStatus.HIDDEN, _("This thread is not hidden."))
    thread.status = ContentStatus.PUBLISHED
    _first_post(thread).status = ContentStatus.PUBLISHED
    _done(actor, "restore", thread, reason, users=_authors(thread))


def hide_post(post, actor, reason):
    _expect(post.number != 1, _("To hide the first post, hide the whole thread."))
    _expect(post.status == ContentStatus.PUBLISHED, _("Only a published post can be hidden."))
    _require_reason(reason)
    post.status = ContentStatus.HIDDEN
    post.moderation_note = reason
    notify([post.author_id], "post_hidden", actor=actor, post=post,
           data={"title": post.thread.title, "reason": reason})
    _done(actor, "hide", post.thread, reason, post=post, users=[post.author_id])


def restore_post(post, actor, reason=""):
    _expect(post.number != 1, _("To restore the first post, restore the whole thread."))
    _expect(post.status == ContentStatus.HIDDEN, _("This post is not hidden."))
    post.status = ContentStatus.PUBLISHED
    post.moderation_note = None
    _done(actor, "restore", post.thread, reason, post=post, users=[post.author_id])


def _done(actor, action, thread, reason, post=None, boards=None, users=()):
    db.session.flush()
    target_type, target_id = ("post", post.id) if post else ("thread", thread.id)
    log_action(actor, action, target_type, target_id, thread.board_id, reason)
    recount_threads([thread.id])
    recount_boards(boards or [thread.board_id])
    recount_users(users)
    commit()


def _carry_items(thread, target):
    """The thread's queue items and reports go with it: the moderators of the board it
    is in decide them, not those of the board it left."""
    posts = select(Post.id).where(Post.thread_id == thread.id)
    for model in (QueueItem, Report):
        db.session.execute(update(model).where(model.post_id.in_(posts)).values(board_id=target.id)
                           .execution_options(synchronize_session=False))


def _authors(thread):
    return db.session.execute(select(Post.author_id).where(Post.thread_id == thread.id)
                              .distinct()).scalars().all()


def _first_post(thread):
    return db.session.execute(select(Post).where(Post.thread_id == thread.id, Post.number == 1)
                              ).scalar_one()


def _expect(condition, message):
    if not condition:
        raise Refused(message)


def _require_reason(reason):
    _expect(bool(reason and reason.strip()), _("Give a reason: the author and the log will show it."))
