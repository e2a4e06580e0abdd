"""The moderation queue: which new posts and edits wait, and deciding them exactly once."""
import difflib

from flask_babel import gettext as _

from sqlalchemy import update

from forum.boards.registry import get_type
from forum.boards.services import apply_edit
from forum.boards.recount import recount_boards, recount_threads, recount_users
from forum.extensions import db
from forum.models import AdminRole, ContentStatus, QueueItem, User
from forum.models.base import utcnow
from forum.audit import log_action
from forum.notifications.events import announce_post
from forum.notifications.service import notify
from forum.access import Access, roles_on
from forum.permissions import access_for, has_moderators
from forum.service import Refused, claim, commit
from forum.settings import get_setting
from forum.stats import daily


def review_reason(board, author, review_rules=()):
    """Why a new post must wait for a moderator, as (reason, detail), or None. Board staff
    (trainers, handlers, counsellors, managers) post on their board without review."""
    if Access.MODERATE in access_for(author, board) or roles_on(author, board):
        return None
    if review_rules:
        return "word_filter", "、".join(rule.word for rule in review_rules)[:200]
    if get_type(board.type).queues(board):
        return "board", None
    if not author.is_unit_account and author.post_count < get_setting("new_account_review_posts"):
        return "new_account", None
    return None


def enqueue(post, board, reason, detail=None):
    """Put a new post in its board's queue (in the caller's unit of work); on a board
    nobody moderates, the system admins review it and are told."""
    db.session.add(QueueItem(post=post, board_id=board.id, reason=reason, detail=detail))
    if not has_moderators(board):
        admins = db.session.execute(db.select(User.id).where(
            User.admin_role == AdminRole.SYSTEM)).scalars().all()
        notify(admins, "queue_unattended", post=post,
               data={"title": post.thread.title, "board": board.name})


def enqueue_edit(post, draft):
    """Queue an edit of a published post as a proposal (in the caller's unit of work);
    an earlier proposal of the same post still open is replaced by this one."""
    db.session.execute(update(QueueItem).where(
        QueueItem.post_id == post.id, QueueItem.status == "open",
        QueueItem.edit_body.is_not(None)).values(status="replaced", decided_at=utcnow()))
    title = draft.title if post.number == 1 and draft.title is not None else None
    db.session.add(QueueItem(post=post, board_id=draft.board.id, reason=draft.review[0],
                             detail=draft.review[1], edit_title=title, edit_body=draft.body,
                             edit_body_html=draft.body_html))


def decide(item, moderator, approve, reason=""):
    """Approve or reject a queued post or edit; of two moderators at once, exactly one wins."""
    if not approve and not (reason and reason.strip()):
        raise Refused(_("Give a reason: the author will see it."))
    status = "approved" if approve else "rejected"
    if not claim(QueueItem, item.id, "open", status=status, decided_by_id=moderator.id,
                 decided_at=utcnow()):
        raise Refused(_("This item has already been decided by another moderator."))
    if item.is_edit:
        return _decide_edit(item, moderator, approve, reason)
    post, thread = item.post, item.post.thread
    post.status = ContentStatus.PUBLISHED if approve else ContentStatus.HIDDEN
    post.moderation_note = None if approve else reason
    if post.number == 1:
        thread.status = post.status
    db.session.flush()
    log_action(moderator, "approve" if approve else "reject", "post", post.id, item.board_id, reason)
    _tell_author(post, thread, moderator, approve, reason)
    if approve and get_type(thread.board.type).counted:  # published today: today's figures
        daily.count_post(thread.board, post.author, new_thread=post.number == 1)
    recount_threads([thread.id])
    recount_boards([item.board_id])
    recount_users([post.author_id])
    commit()


def _decide_edit(item, moderator, approve, reason):
    """An approved edit takes the post's place (as the author's edit); a rejected one
    leaves the post as it was. Counters do not move: the post stays published."""
    post = item.post
    if approve:
        apply_edit(post, post.author or moderator, item.edit_body, item.edit_body_html,
                   item.edit_title)
    log_action(moderator, "approve_edit" if approve else "reject_edit", "post", post.id,
               item.board_id, reason)
    if post.author_id is not None:
        notify([post.author_id], "edit_approved" if approve else "edit_rejected",
               actor=moderator, post=post, data={"title": post.thread.title, "reason": reason})
    commit()


def _tell_author(post, thread, moderator, approve, reason):
    if post.author_id is None:
        return
    outcome = {"title": thread.title} if approve else {"title": thread.title, "reason": reason}
    notify([post.author_id], "post_approved" if approve else "post_rejected",
           actor=moderator, post=post, data=outcome)
    if approve:
        announce_post(post, thread, post.author)


def edit_diff(item):
    """The lines an edit takes out and puts in, as (mark, line) with mark "-", "+" or " "."""
    old, new = item.post.body.splitlines(), item.edit_body.splitlines()
    if item.edit_title is not None and item.edit_title != item.post.thread.title:
        old, new = [item.post.thread.title, *old], [item.edit_title, *new]
    return [(line[0], line[2:]) for line in difflib.ndiff(old, new) if line[0] in "-+ "]
