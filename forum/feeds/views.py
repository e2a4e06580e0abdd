"""GET /feeds/<slug>.atom: the newest published threads of a public board, as Atom.

Only boards whose type is public (and that a guest may read) have a feed; letters,
counselling and branch boards answer 404. Links and ids are built from FORUM_BASE_URL,
never from the request's Host header, so they are stable and cannot be spoofed.
"""
import re
from datetime import timezone
from urllib.parse import urlsplit

from flask import current_app, render_template
from sqlalchemy.orm import joinedload

from forum.extensions import db
from forum.feeds import bp
from forum.feeds.loaders import load_feed_board
from forum.models import ContentStatus, Post, Thread

ENTRIES = 20
# Characters XML 1.0 forbids: one stored before titles were checked would make the whole
# feed unreadable to every reader, so they are dropped on the way out.
XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@bp.get("/feeds/<slug>.atom")
def board_feed(slug):
    board = load_feed_board(slug)
    posts = first_posts(board)
    base = current_app.config["FORUM_BASE_URL"].rstrip("/")
    updated = max([p.edited_at or p.created_at for p in posts], default=board.created_at)
    body = render_template("feeds/board.atom.xml", board=board, posts=posts, base=base,
                           tag=f"tag:{urlsplit(base).hostname or 'localhost'},2026:",
                           updated=rfc3339(updated), rfc3339=rfc3339)
    return current_app.response_class(XML_INVALID.sub("", body), mimetype="application/atom+xml")


def first_posts(board):
    """The first posts of the board's newest published threads, published themselves."""
    return db.session.execute(
        db.select(Post).join(Thread, Thread.id == Post.thread_id)
        .options(joinedload(Post.thread), joinedload(Post.author))
        .where(Thread.board_id == board.id, Post.number == 1,
               Thread.status == ContentStatus.PUBLISHED, Post.status == ContentStatus.PUBLISHED)
        .order_by(Thread.created_at.desc(), Thread.id.desc()).limit(ENTRIES)).scalars().all()


def rfc3339(moment):
    """A naive UTC datetime as RFC 3339 with its zone: 2026-11-27T07:30:00Z."""
    return moment.replace(tzinfo=timezone.utc, microsecond=0).isoformat().replace("+00:00", "Z")
