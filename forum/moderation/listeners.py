"""What moderation plugs into the core (forum/hooks.py): flood control, the word filter
and the review of new accounts before a post is written; the queue after it."""
from flask_babel import gettext as _

from forum.boards.recount import recount_boards, recount_threads, recount_users
from forum.extensions import db
from forum.hooks import page_part, post_created, post_edited, validator
from forum.moderation.forms import ReportForm
from forum.moderation.panel import thread_panel
from forum.models import ContentStatus
from forum.moderation.flood import claim_posting_slot
from forum.moderation.queue import enqueue, review_reason
from forum.moderation.wordfilter import check_post
from forum.service import Refused


@validator
def screen_post(draft):
    """Flood control for new posts; refuse blocked words, replace the replaced ones; say
    why the post must wait for a moderator, if it must."""
    if draft.editing is None:
        claim_posting_slot(draft.author)
    checked = check_post(draft.title, draft.body)
    if checked.blocked is not None:
        raise Refused(_("Your post contains “%(word)s”, which is not allowed here.",
                        word=checked.blocked.word), field="body")
    if draft.title is not None:
        draft.title = checked.title
    draft.body, draft.body_html = checked.body, checked.body_html
    draft.review = review_reason(draft.board, draft.author, checked.review)


@post_created.connect
def queue_new_post(post, draft, **_ignored):
    """A new post that must wait goes into its board's queue."""
    if draft.review:
        enqueue(post, draft.board.id, *draft.review)


@post_edited.connect
def queue_edited_post(post, draft, **_ignored):
    """A published post edited into something that needs review waits again."""
    if not draft.review or post.status != ContentStatus.PUBLISHED:
        return
    post.status = ContentStatus.PENDING
    if post.number == 1:
        post.thread.status = ContentStatus.PENDING
    enqueue(post, draft.board.id, *draft.review)
    db.session.flush()
    recount_threads([post.thread_id])
    recount_boards([draft.board.id])
    recount_users([post.author_id])


@page_part("thread")
def thread_tools(thread, posts, access, user, **_ignored):
    """The moderator's panel, and the report form for members."""
    return {"mod": thread_panel(user, thread, posts, access),
            "report_form": ReportForm() if user.is_authenticated else None}
