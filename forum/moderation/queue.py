"""The moderation queue: which new posts wait, and deciding them exactly once."""
from flask_babel import gettext as _

from forum.boards.registry import get_type
from forum.boards.recount import recount_boards, recount_threads, recount_users
from forum.extensions import db
from forum.models import ContentStatus, QueueItem
from forum.models.base import utcnow
from forum.audit import log_action
from forum.notifications.events import announce_post
from forum.notifications.service import notify
from forum.access import Access
from forum.permissions import access_for
from forum.service import Refused, claim, commit
from forum.settings import get_setting


def review_reason(board, author, review_rules=()):
    """Why a new post must wait for a moderator, as (reason, detail), or None."""
    if Access.MODERATE in access_for(author, board):
        return None
    if review_rules:
        return "word_filter", "、".join(rule.word for rule in review_rules)[:200]
    if get_type(board.type).queues(board):
        return "board", None
    if not author.is_unit_account and author.post_count < get_setting("new_account_review_posts"):
        return "new_account", None
    return None


def enqueue(post, board_id, reason, detail=None):
    """Put a new post in its board's queue (in the caller's unit of work)."""
    db.session.add(QueueItem(post=post, board_id=board_id, reason=reason, detail=detail))


def decide(item, moderator, approve, reason=""):
    """Approve or reject a queued post; of two moderators at once, exactly one wins."""
    if not approve and not (reason and reason.strip()):
        raise Refused(_("Give a reason: the author will see it."))
    status = "approved" if approve else "rejected"
    if not claim(QueueItem, item.id, "open", status=status, decided_by_id=moderator.id,
                 decided_at=utcnow()):
        raise Refused(_("This item has already been decided by another moderator."))
    post, thread = item.post, item.post.thread
    post.status = ContentStatus.PUBLISHED if approve else ContentStatus.HIDDEN
    post.moderation_note = None if approve else reason
    if post.number == 1:
        thread.status = post.status
    db.session.flush()
    log_action(moderator, "approve" if approve else "reject", "post", post.id, item.board_id, reason)
    _tell_author(post, thread, moderator, approve, reason)
    recount_threads([thread.id])
    recount_boards([item.board_id])
    recount_users([post.author_id])
    commit()


def _tell_author(post, thread, moderator, approve, reason):
    if post.author_id is None:
        return
    outcome = {"title": thread.title} if approve else {"title": thread.title, "reason": reason}
    notify([post.author_id], "post_approved" if approve else "post_rejected",
           actor=moderator, post=post, data=outcome)
    if approve:
        announce_post(post, thread, post.author)
