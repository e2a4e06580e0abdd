"""What notifications plug into the core (forum/hooks.py): a mention must name an
account; a published post tells the people it concerns; pages show whether one follows
(holes: forum/holes.py); the header shows the bell."""
from flask import get_template_attribute, url_for
from flask_babel import get_locale
from flask_login import current_user

from forum.holes import kept, renderer
from forum.hooks import post_created, section, validator
from forum.models import ContentStatus
from forum.notifications.events import announce_post, find_readers
from forum.notifications.mentions import mentioned_users
from forum.notifications.service import unread_count
from forum.notifications.subscriptions import is_subscribed


@validator
def check_mentions(draft):
    """Refuse a mention of no account; keep who is mentioned for the announcement."""
    draft.found["mentioned"] = mentioned_users(draft.body)


@validator
def find_reply_readers(draft):
    """Who hears of a published reply (after check_mentions, which it uses): found before
    the post's first write (hooks.claim), they cost the write's turn nothing."""
    if draft.thread is not None and draft.editing is None and not draft.review:
        draft.found["readers"] = find_readers(draft.thread, draft.author, draft.body,
                                              draft.found["mentioned"])


@post_created.connect
def announce_new_post(post, draft, **_ignored):
    if post.status == ContentStatus.PUBLISHED:
        announce_post(post, post.thread, draft.author, draft.found.get("mentioned"),
                      draft.found.get("readers"))


@renderer("board-follow")
def board_follow(board, **_ignored):
    """The board's follow button, for members."""
    return _follow_button("board", "slug", board.slug, board=board)


@renderer("thread-follow")
def thread_follow(thread, **_ignored):
    """The thread's follow button, for members."""
    return _follow_button("thread", "thread_id", thread.id, thread=thread)


def _follow_button(kind, arg, value, **target):
    user = current_user._get_current_object()  # resolved once, not at each use
    if not user.is_authenticated:
        return ""
    following = is_subscribed(user, **target)

    def render():
        on, off = (url_for(f"notifications.{kind}_{verb}", **{arg: value})
                   for verb in ("subscribe", "unsubscribe"))
        return get_template_attribute("boards/_follow.html", "follow_button")(following, on, off)
    return kept(("follow", str(get_locale()), kind, value, following), render)


@section("header")
def bell(user, **_ignored):
    """The bell with the member's unread notifications (one indexed count)."""
    return "notifications/_bell.html", {"unread": unread_count(user)}
