"""Writes to threads and posts; each service commits once, counters included.

New content passes flood control and the word filter, then is published or waits in
the moderation queue (DESIGN §6). Only published content counts.
"""
from datetime import timedelta

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import or_, update

from forum.attachments.services import attach_to_post, detach, discard_files
from forum.boards.recount import recount_boards, recount_threads, recount_users
from forum.boards.registry import get_type
from forum.extensions import db
from forum.models import Board, Post, Thread, User
from forum.models.base import utcnow
from forum.audit import log_action
from forum.moderation.queue import enqueue, review_reason
from forum.moderation.wordfilter import check_post
from forum.notifications.events import announce_post
from forum.notifications.mentions import mentioned_users
from forum.service import Refused, commit
from forum.settings import get_setting


def create_thread(board, author, title, body, attachments=()):
    """Start a thread with its first post; it is published or waits for a moderator."""
    now = _claim_posting_slot(author)
    screened = _screen(title, body)
    mentioned = mentioned_users(screened.body)
    review = review_reason(board, author, screened.review)
    status = "pending" if review else "published"
    thread = Thread(board_id=board.id, author_id=author.id, title=screened.title, status=status,
                    last_number=1, last_post_at=now, created_at=now)
    post = Post(thread=thread, author_id=author.id, number=1, body=screened.body,
                body_html=screened.body_html, status=status, created_at=now)
    db.session.add_all([thread, post])
    db.session.flush()
    attach_to_post(post, board.type, attachments)
    if review:
        enqueue(post, board.id, *review)
    else:
        thread.last_post_id = post.id
        _count_post(board, author, post, new_thread=True)
        announce_post(post, thread, author, mentioned)
    commit()
    return thread


def reply(thread, author, body, attachments=()):
    """Add a post at the thread's next floor of a published thread; it is published or
    waits for a moderator."""
    now = _claim_posting_slot(author)
    screened = _screen(None, body)
    mentioned = mentioned_users(screened.body)
    review = review_reason(thread.board, author, screened.review)
    # Taking the next floor locks the thread row: two replies at once get two floors.
    # Only a published thread takes one: a reply to a held or hidden thread would put
    # its title in the board's and the index's last post.
    published = {} if review else {"reply_count": Thread.reply_count + 1, "last_post_at": now}
    number = db.session.execute(
        update(Thread).where(Thread.id == thread.id, Thread.status == "published")
        .values(last_number=Thread.last_number + 1, **published)
        .returning(Thread.last_number)
    ).scalar_one_or_none()
    if number is None:
        db.session.rollback()
        raise Refused(_("This thread is awaiting a moderator or hidden: it takes no replies "
                        "until it is published."), field="body")
    post = Post(thread_id=thread.id, author_id=author.id, number=number, body=screened.body,
                body_html=screened.body_html, status="pending" if review else "published",
                created_at=now)
    db.session.add(post)
    db.session.flush()
    attach_to_post(post, thread.board.type, attachments)
    if review:
        enqueue(post, thread.board_id, *review)
    else:
        db.session.execute(update(Thread).where(Thread.id == thread.id).values(last_post_id=post.id))
        _count_post(thread.board, author, post, new_thread=False)
        announce_post(post, thread, author, mentioned)
    commit()
    return post


def edit_post(post, editor, body, title=None, reason=None, attachments=(), remove=()):
    """Change a post's text (and a first post's thread title), add files and remove
    those whose tokens are in `remove`; record who, and why. A removed file's bytes go
    once the edit is committed."""
    screened = _screen(title, body)
    mentioned_users(screened.body)
    post.body = screened.body
    post.body_html = screened.body_html
    post.edited_at = utcnow()
    post.edited_by_id = editor.id
    post.edit_reason = reason or None
    attach_to_post(post, post.thread.board.type, attachments)
    if title is not None and post.number == 1:
        post.thread.title = screened.title
    review = review_reason(post.thread.board, editor, screened.review)
    if review and post.status == "published":
        _send_back_to_queue(post, review)
    if reason:
        log_action(editor, "edit", "post", post.id, post.thread.board_id, reason)
    removed = detach(post, remove)
    commit()
    discard_files(removed)
    return post


def _send_back_to_queue(post, review):
    post.status = "pending"
    if post.number == 1:
        post.thread.status = "pending"
    enqueue(post, post.thread.board_id, *review)
    db.session.flush()
    recount_threads([post.thread_id])
    recount_boards([post.thread.board_id])
    recount_users([post.author_id])


def _screen(title, body):
    """The word filter: refuse blocked words, replace the replaced ones."""
    screened = check_post(title, body)
    if screened.blocked is not None:
        raise Refused(_("Your post contains “%(word)s”, which is not allowed here.",
                        word=screened.blocked.word), field="body")
    return screened


def _claim_posting_slot(author):
    """Flood control, shared by every worker: one post per interval per account."""
    now = utcnow()
    claim = update(User).where(User.id == author.id).values(last_posted_at=now)
    if current_app.config["RATELIMIT_ENABLED"]:
        interval = timedelta(seconds=get_setting("post_interval_seconds"))
        claim = claim.where(or_(User.last_posted_at.is_(None), User.last_posted_at <= now - interval))
    if db.session.execute(claim.execution_options(synchronize_session=False)).rowcount != 1:
        db.session.rollback()
        raise Refused(_("You are posting too fast. Please wait a few seconds and try again."),
                      field="body")
    return now


def _count_post(board, author, post, new_thread):
    values = {"post_count": Board.post_count + 1, "last_post_id": post.id}
    if new_thread:
        values["thread_count"] = Board.thread_count + 1
    db.session.execute(update(Board).where(Board.id == board.id).values(**values))
    if get_type(board.type).public:
        db.session.execute(update(User).where(User.id == author.id)
                           .values(post_count=User.post_count + 1))
