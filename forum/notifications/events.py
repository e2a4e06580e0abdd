"""Who hears about a newly published post: the thread's author, quoted authors,
mentioned members and the thread's and board's subscribers; each person once, by the
strongest reason, and only if they may read the thread."""
import re

from forum.extensions import db
from forum.models import ContentStatus, Post
from forum.notifications.mentions import mentioned_users
from forum.notifications.service import notify
from forum.notifications.subscriptions import followers
from forum.access import Access, load_board_roles
from forum.permissions import access_for

QUOTE_RE = re.compile(r"^> \*\*.+\*\* #([0-9]{1,9})\s*$", re.M)  # a floor, not a 500


def announce_post(post, thread, author, mentioned=None, readers=None):
    """Notify the people a published post concerns (adds to the session, no commit).

    `mentioned` is what the writing service already looked up; a post approved later
    looks again and skips names that have gone meanwhile. `readers`: who hears of it, if
    found before the post was written (find_readers).
    """
    if readers is None:
        readers = find_readers(thread, author, post.body, mentioned, post.number)
    data = {"title": thread.title}
    for kind_name, users in readers.items():
        notify(users, kind_name, actor=author, post=post, data=data)


def find_readers(thread, author, body, mentioned=None, number=None):
    """{kind: [user]}: whom a post by `author` of `body` in `thread` (at floor `number`;
    None for a reply not yet written) concerns, by the strongest reason, among those who
    may read the thread."""
    reasons = {}
    if mentioned is None:
        mentioned = mentioned_users(body, strict=False)
    for user in mentioned:
        reasons.setdefault(user.id, ("mention", user))
    for user in _quoted_authors(thread, body, number):
        reasons.setdefault(user.id, ("quote", user))
    for user in followers(thread, new_thread=number == 1):
        reasons.setdefault(user.id, ("reply" if user.id == thread.author_id else "subscription", user))
    reasons.pop(author.id, None)
    # Everyone's roles in one query, then every row in one INSERT: no statement per follower.
    load_board_roles(user for _kind, user in reasons.values())
    readers = {}
    for kind_name, user in reasons.values():
        if access_for(user, thread.board, thread) & Access.VIEW:
            readers.setdefault(kind_name, []).append(user)
    return readers


def _quoted_authors(thread, body, number):
    numbers = {int(found) for found in QUOTE_RE.findall(body)} - {number}
    if not numbers:
        return []
    quoted = db.session.execute(
        db.select(Post).where(Post.thread_id == thread.id, Post.number.in_(numbers),
                              Post.status == ContentStatus.PUBLISHED, Post.author_id.is_not(None))
        .options(db.joinedload(Post.author))).scalars()
    return [quoted_post.author for quoted_post in quoted]
