"""What notifications plug into the core (forum/hooks.py): a mention must name an
account; a published post tells the people it concerns; pages show whether one follows;
the header shows the bell."""
from forum.hooks import page_part, post_created, section, validator
from forum.models import ContentStatus
from forum.notifications.events import announce_post
from forum.notifications.mentions import mentioned_users
from forum.notifications.service import unread_count
from forum.notifications.subscriptions import is_subscribed


@validator
def check_mentions(draft):
    """Refuse a mention of no account; keep who is mentioned for the announcement."""
    draft.found["mentioned"] = mentioned_users(draft.body)


@post_created.connect
def announce_new_post(post, draft, **_ignored):
    if post.status == ContentStatus.PUBLISHED:
        announce_post(post, post.thread, draft.author, draft.found.get("mentioned"))


@page_part("board")
def board_following(board, user, **_ignored):
    return {"following": is_subscribed(user, board=board)}


@page_part("thread")
def thread_following(thread, user, **_ignored):
    return {"following": is_subscribed(user, thread=thread)}


@section("header")
def bell(user, **_ignored):
    """The bell with the member's unread notifications (one indexed count)."""
    return "notifications/_bell.html", {"unread": unread_count(user)}
