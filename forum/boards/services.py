"""Writes to threads and posts; each service commits once, counters included.

New content passes the validators features registered (flood control, the word filter,
mentions, new-account review: forum/hooks.py), then is published or waits in the
moderation queue (DESIGN §6); the features' receivers of `post_created` and
`post_edited` add their rows to the same unit of work. Only published content counts.
"""
from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import bindparam, case, update

from forum.audit import log_action
from forum.boards.registry import get_type
from forum.dates import local_today
from forum.extensions import db
from forum.hooks import Draft, post_created, post_edited, validate
from forum.markup import render
from forum.models import Board, ContentStatus, Post, Thread, User
from forum.models.base import utcnow
from forum.permissions import has_moderators
from forum.service import Refused, commit
from forum.stats import daily

# A reply's and a thread's counter updates, built once with their values bound by name:
# building them took more CPU than SQLite took to run them. They are statements on the
# tables, not on the mapped classes: the session's objects are left as they are (the
# commit expires them anyway), and an ORM-enabled UPDATE spent 90 µs more per statement
# setting up a synchronisation it was told to skip.
_THREADS, _BOARDS, _USERS = Thread.__table__.c, Board.__table__.c, User.__table__.c


def _next_floor(published):
    """Take the thread's next floor (and, for a published reply, count it), if the thread
    is published: its new last floor, or nothing."""
    counted = {"reply_count": _THREADS.reply_count + 1} if published else {}
    return (update(Thread.__table__).where(_THREADS.id == bindparam("thread"),
                                           _THREADS.status == ContentStatus.PUBLISHED)
            .values(last_number=_THREADS.last_number + 1, **counted)
            .returning(_THREADS.last_number))


_NEXT_FLOOR = {published: _next_floor(published) for published in (True, False)}
_LAST_POST = (update(Thread.__table__).where(_THREADS.id == bindparam("thread"))
              .values(last_post_id=bindparam("post"), last_post_at=bindparam("at")))


def _board_count(new_thread):
    today = bindparam("today")
    values = {"post_count": _BOARDS.post_count + 1, "last_post_id": bindparam("post"),
              "today_posts": case((_BOARDS.today_on == today, _BOARDS.today_posts + 1), else_=1),
              "today_on": today}
    if new_thread:
        values["thread_count"] = _BOARDS.thread_count + 1
    return update(Board.__table__).where(_BOARDS.id == bindparam("board")).values(**values)


_BOARD_COUNT = {new_thread: _board_count(new_thread) for new_thread in (True, False)}
_AUTHOR_COUNT = (update(User.__table__).where(_USERS.id == bindparam("author"))
                 .values(post_count=_USERS.post_count + 1))


def create_thread(board, author, title, body, attachments=()):
    """Start a thread with its first post; it is published or waits for a moderator."""
    draft = validated(Draft(board, author, body, title=title))
    now = utcnow()
    status = ContentStatus.PENDING if draft.review else ContentStatus.PUBLISHED
    thread = Thread(board_id=board.id, author_id=author.id, title=draft.title, status=status,
                    last_number=1, last_post_at=now, created_at=now)
    post = Post(thread=thread, author_id=author.id, number=1, body=draft.body,
                body_html=draft.body_html, status=status, created_at=now)
    db.session.add_all([thread, post])
    db.session.flush()
    post_created.send(post, draft=draft, attachments=attachments)
    if not draft.review:  # the counters last: see count_post
        thread.last_post_id = post.id
        count_post(board, author, post, new_thread=True)
    _note_reviewers(thread, board, draft)
    commit(keep=(thread,))  # the view redirects from it
    return thread


def reply(thread, author, body, attachments=(), found=None):
    """Add a post at the thread's next floor of a published thread; it is published or
    waits for a moderator. `found`: what a feature's service writing the reply says of it
    to its own receivers (as `draft.found`: a petition's official reply)."""
    draft = validated(Draft(thread.board, author, body, found=dict(found or {}), thread=thread))
    # Taking the next floor locks the thread row: two replies at once get two floors.
    # Only a published thread takes one: a reply to a held or hidden thread would put
    # its title in the board's and the index's last post.
    number = db.session.execute(_NEXT_FLOOR[not draft.review], {"thread": thread.id}).scalar_one_or_none()
    if number is None:
        db.session.rollback()
        raise Refused(_("This thread is awaiting a moderator or hidden: it takes no replies "
                        "until it is published."), field="body")
    now = utcnow()  # under the lock: floors and times go up together, as recount expects
    post = Post(thread_id=thread.id, author_id=author.id, number=number, body=draft.body,
                body_html=draft.body_html, status=ContentStatus.PENDING if draft.review
                else ContentStatus.PUBLISHED,
                created_at=now)
    db.session.add(post)
    db.session.flush()
    post_created.send(post, draft=draft, attachments=attachments)
    if not draft.review:  # the counters last: see count_post
        db.session.execute(_LAST_POST, {"thread": thread.id, "post": post.id, "at": now})
        count_post(thread.board, author, post, new_thread=False)
    _note_reviewers(post, thread.board, draft)
    commit(keep=(post,))  # the view redirects from it
    return post


def _note_reviewers(row, board, draft):
    """Say on a new thread or reply, before the commit, who reviews it if it waits: after
    the commit its view asks the database nothing. `row.unattended` is no column: true
    when nobody moderates the board, so the system admins review it."""
    row.unattended = bool(draft.review) and not has_moderators(board)


def edit_post(post, editor, body, title=None, reason=None, attachments=(), remove=()):
    """Change a post's text (and a first post's thread title), add files and remove
    those whose tokens are in `remove`; record who, and why. True if the edit waits.

    An edit never unpublishes what was published: one that must be reviewed changes
    nothing yet; the receivers of `post_edited` (held=True) queue it as a proposal, and
    the post keeps its text until a moderator approves.
    """
    draft = validated(Draft(post.thread.board, editor, body, title=title, editing=post))
    held = bool(draft.review) and post.status == ContentStatus.PUBLISHED
    if held and (attachments or remove):
        raise Refused(_("This edit must wait for a moderator, and an edit that waits cannot "
                        "add or remove files: save the text first, then change the files."))
    if not held:
        apply_edit(post, editor, draft.body, draft.body_html,
                   draft.title if title is not None else None, reason)
    if reason:
        log_action(editor, "edit", "post", post.id, post.thread.board_id, reason)
    db.session.flush()
    post_edited.send(post, draft=draft, attachments=attachments, remove=remove, held=held)
    commit()
    return held


def apply_edit(post, editor, body, body_html, title=None, reason=None):
    """Put an edit's text (and a first post's title) in place, recording who and why."""
    post.body, post.body_html = body, body_html
    post.edited_at = utcnow()
    post.edited_by_id = editor.id
    post.edit_reason = reason or None
    if title is not None and post.number == 1:
        post.thread.title = title


def validated(draft):
    """Refuse a post to an archived board, run the registered validators; render the text
    if none of them did. (Other services that write posts, such as a board type's own,
    call it too.)"""
    check_not_archived(draft.board)
    validate(draft)
    if not draft.body_html:
        draft.body_html = str(render(draft.body))
    return draft


def check_not_archived(board):
    """Refuse any write to an archived board: it is read-only (the services of types
    that write no posts call this themselves)."""
    if board.archived_at is not None:
        raise Refused(archived_message())


def archived_message():
    return _("This board is archived: it can be read, and nothing more can be written in it.")


def validated_announcement(board, author, title, body, text_required, editing=None):
    """The Draft of an owner's announcement (a disclosure, a notice, an appeal): a title
    and a text within the forum's limits (`text_required(most)` says which text is
    missing), then the validators. It never waits in a queue: its writer is the board's
    owner, so a review a validator asks for is not taken."""
    draft = Draft(board, author, (body or "").strip(), title=(title or "").strip(),
                  editing=editing)
    title_max, body_max = current_app.config["TITLE_MAX"], current_app.config["BODY_MAX"]
    if not draft.title or len(draft.title) > title_max:
        raise Refused(_("A title of at most %(n)d characters is required.", n=title_max),
                      field="title")
    if not draft.body or len(draft.body) > body_max:
        raise Refused(text_required(body_max), field="body")
    validated(draft)
    draft.review = None
    return draft


def count_post(board, author, post, new_thread):
    """A published post counts on its board (today's posts too), and for its author where
    the type counts.

    Its rows (the board's, today's for the whole site) are every post's, and each stays
    locked from its update to the commit. So replies and new threads count last, after
    their notifications: counted first, every reply on PostgreSQL waited for the one
    before it to send its notifications."""
    db.session.execute(_BOARD_COUNT[new_thread], {"board": board.id, "post": post.id, "today": local_today()})
    if get_type(board.type).counted:  # private boards count for nothing in the figures
        daily.count_post(board, author, new_thread)
        db.session.execute(_AUTHOR_COUNT, {"author": author.id})
