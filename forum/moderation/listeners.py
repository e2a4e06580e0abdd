"""What moderation plugs into the core (forum/hooks.py): the word filter and the review
of new accounts before a post is written, then flood control; the queue after it; a
thread page's controls."""
from flask import get_template_attribute
from flask_babel import get_locale, gettext as _
from flask_login import current_user

from forum.holes import kept, renderer
from forum.hooks import claim, page_part, post_created, post_edited, validator
from forum.moderation.forms import ReportForm
from forum.moderation.panel import thread_panel, thread_tools, tool_forms
from forum.moderation.flood import claim_posting_slot, refuse_if_too_soon
from forum.moderation.queue import enqueue, enqueue_edit, review_reason
from forum.moderation.wordfilter import check_post
from forum.service import Refused


@validator
def screen_post(draft):
    """Refuse a new post too soon after the last (flood_control then claims the slot),
    refuse blocked words, replace the replaced ones; say why the post must wait for a
    moderator, if it must."""
    if draft.editing is None:
        refuse_if_too_soon(draft.author)
    checked = check_post(draft.title, draft.body)
    if checked.blocked is not None:
        raise Refused(_("Your post contains “%(word)s”, which is not allowed here.",
                        word=checked.blocked.word), field="body")
    if draft.title is not None:
        draft.title = checked.title
    draft.body, draft.body_html = checked.body, checked.body_html
    draft.review = review_reason(draft.board, draft.author, checked.review)


@claim
def flood_control(draft):
    """A new post takes its author's posting slot, or is refused as too soon."""
    if draft.editing is None:
        claim_posting_slot(draft.author)


@post_created.connect
def queue_new_post(post, draft, **_ignored):
    """A new post that must wait goes into its board's queue."""
    if draft.review:
        enqueue(post, draft.board, *draft.review)


@post_edited.connect
def queue_edited_post(post, draft, held=False, **_ignored):
    """An edit of a published post that needs review waits as a proposal; the post stays
    as it was until a moderator approves it."""
    if held:
        enqueue_edit(post, draft)


@page_part("thread")
def thread_forms(thread, posts, access, user, **_ignored):
    """What the posts show a moderator, and the report form for members."""
    return {"mod": thread_panel(thread, posts, access),
            "report_form": ReportForm() if user.is_authenticated else None}


@renderer("thread-controls")
def thread_controls(thread, access, **_ignored):
    """The moderator's own forms for the thread (pin scopes, move targets)."""
    # The account itself, not Flask-Login's proxy, which resolves it again at each of the
    # dozen attributes the tools read (5 µs each).
    tools = thread_tools(current_user._get_current_object(), thread, access)
    if tools is None:
        return ""
    # The markup is the same for every moderator with the same choices: WTForms' forms and
    # selects took a moderator's thread page a millisecond to build and render on each view.
    key = ("thread-controls", str(get_locale()), thread.id, thread.is_locked, thread.is_pinned,
           thread.status, thread.is_featured, tools["featuring"], tools["pin_site"], tools["targets"])
    return kept(key, lambda: get_template_attribute("moderation/_controls.html", "thread_controls")(
        thread, tool_forms(tools)))
