"""Turn index hits into rows the reader may see, with highlighted snippets."""
import re
from dataclasses import dataclass

from markupsafe import Markup
from sqlalchemy import bindparam
from sqlalchemy.orm import joinedload

from forum.boards.registry import get_type
from forum.extensions import db
from forum.markup import highlight
from forum.access import Access
from forum.models import ContentStatus, Post, Thread
from forum.permissions import access_for
from forum.search import text

SNIPPET_CHARS = 120
SNIPPET_LEAD = 30


# Built once, as the pages' statements are (building one costs more than running it).
_POSTS = (db.select(Post).where(Post.id.in_(bindparam("ids", expanding=True)))
          .options(joinedload(Post.thread).joinedload(Thread.board), joinedload(Post.author)))


@dataclass
class Hit:
    post: Post
    thread: Thread
    title: Markup
    snippet: Markup


def visible_hits(ids, user, words=()):
    """The posts of `ids`, in order, that are still public and that `user` may read."""
    if not ids:
        return []
    posts = db.session.execute(_POSTS, {"ids": list(ids)}).scalars().all()
    by_id = {post.id: post for post in posts}
    pattern = _pattern(words)
    hits, access = [], {}
    for post_id in ids:
        post = by_id.get(post_id)
        if post is None or not _readable(post, user, access):
            continue
        hits.append(Hit(post=post, thread=post.thread,
                        title=highlight(post.thread.title, pattern),
                        snippet=snippet(post.body_html, pattern)))
    return hits


def _readable(post, user, cache):
    # The index holds only public content; this checks the rows as they are now, and
    # the reader's access, so a stale entry can never show anything private.
    thread, board = post.thread, post.thread.board
    published = post.status == thread.status == ContentStatus.PUBLISHED
    if not published or not get_type(board.type).indexed:
        return False
    if board.id not in cache:
        cache[board.id] = access_for(user, board, thread)
    return Access.VIEW in cache[board.id]


def _pattern(words):
    terms = text.highlight_terms(words)
    if not terms:
        return re.compile(r"(?!)")
    return re.compile("|".join(re.escape(term) for term in terms), re.IGNORECASE)


def snippet(body_html, pattern):
    """About SNIPPET_CHARS characters of the post as readers see it (its rendered text: no
    Markdown marks, the writer's own punctuation) around the first match, highlighted."""
    plain = Markup(body_html).striptags()
    match = pattern.search(plain)
    start = max(0, match.start() - SNIPPET_LEAD) if match else 0
    piece = plain[start:start + SNIPPET_CHARS]
    result = highlight(piece, pattern)
    if start > 0:
        result = Markup("…") + result
    if start + SNIPPET_CHARS < len(plain):
        result += Markup("…")
    return result
