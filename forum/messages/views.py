"""/messages: conversations, the block list and reports; load, check, act."""
from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from flask_wtf import FlaskForm

from forum.extensions import db, limiter
from forum.feedback import attempt, flash_outcome, form_errors
from forum.hooks import section
from forum.messages import bp, queries
from forum.messages.blocks import block_user, report_message, unblock_user
from forum.messages.forms import BlockForm, ConversationForm, MessageForm, MessageReportForm
from forum.messages.loaders import load_conversation, load_message
from forum.messages.services import mark_read, send_message, start_conversation
from forum.models import Message
from forum.pages import check_in_range, page_count, requested_page


@section("header")
def messages_link(user, **_ignored):
    """The header's link to private messages, with the conversations still unread."""
    return "messages/_header.html", {"unread": user.unread_conversations}


@bp.get("/messages")
@login_required
def inbox():
    page = requested_page()
    pages = page_count(queries.conversation_count(current_user), queries.PER_PAGE)
    check_in_range(page, pages)
    return render_template("messages/inbox.html", memberships=queries.conversations_of(current_user, page),
                           page=page, pages=pages)


@bp.route("/messages/new", methods=["GET", "POST"])
@limiter.limit("30 per hour", methods=["POST"])
@login_required
def new():
    form = ConversationForm()
    if request.method == "GET" and request.args.get("to"):
        form.to.data = request.args["to"][:40]
    if form.validate_on_submit() and (sent := attempt(
            form, lambda: start_conversation(current_user, form.to.data, form.title.data,
                                             form.body.data),
            done=_("Your message has been sent."))):
        return redirect(url_for("messages.conversation", conversation_id=sent.value.conversation_id))
    return render_template("messages/new.html", form=form)


@bp.get("/messages/<int:conversation_id>")
@login_required
def conversation(conversation_id):
    conversation = load_conversation(conversation_id)
    page = requested_page()
    messages, total = queries.messages_of(conversation, page)
    pages = page_count(total, queries.PER_PAGE)
    check_in_range(page, pages)
    mark_read(conversation, current_user)
    return render_template("messages/conversation.html", conversation=conversation,
                           messages=messages, page=page, pages=pages, form=MessageForm(),
                           report_form=MessageReportForm())


@bp.post("/messages/<int:conversation_id>")
@limiter.limit("120 per hour")
@login_required
def send(conversation_id):
    conversation = load_conversation(conversation_id)
    form = MessageForm()
    if form.validate_on_submit():
        sent = attempt(None, lambda: send_message(conversation, current_user, form.body.data))
        if sent:
            return redirect(url_for("messages.conversation", conversation_id=conversation.id,
                                    page=page_count(_position(sent.value), queries.PER_PAGE),
                                    _anchor=f"m{sent.value.id}"))
    else:
        flash(form_errors(form), "error")
    return redirect(url_for("messages.conversation", conversation_id=conversation.id))


def _position(message):
    return db.session.execute(db.select(db.func.count(Message.id)).where(
        Message.conversation_id == message.conversation_id, Message.id <= message.id)).scalar_one()


@bp.post("/messages/m/<int:message_id>/report")
@login_required
def report(message_id):
    message = load_message(message_id)
    form = MessageReportForm()
    flash_outcome(form, lambda: report_message(message, current_user, form.reason.data),
                  _("Thank you. The security administrator will look at this message."))
    return redirect(url_for("messages.conversation", conversation_id=message.conversation_id))


@bp.route("/messages/blocks", methods=["GET", "POST"])
@login_required
def blocks():
    form = BlockForm()
    if form.validate_on_submit() and (blocked := attempt(
            form, lambda: block_user(current_user, form.username.data))):
        flash(_("You will get no more messages from %(name)s.", name=blocked.value.name), "success")
        return redirect(url_for("messages.blocks"))
    return render_template("messages/blocks.html", form=form, blocks=queries.blocks_of(current_user))


@bp.post("/messages/blocks/<int:user_id>/remove")
@login_required
def unblock(user_id):
    if FlaskForm().validate_on_submit():  # only the CSRF token is asked for
        unblock_user(current_user, user_id)
        flash(_("You take messages from this member again."), "success")
    return redirect(url_for("messages.blocks"))
