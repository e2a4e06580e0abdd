"""Fetch a conversation or a message for a view: 404 for anyone who does not take part
in the conversation, exactly as for none."""
from flask import abort
from flask_login import current_user

from forum.extensions import db
from forum.messages.queries import get_conversation
from forum.models import Message
from forum.permissions import conversation_member


def load_conversation(conversation_id):
    """The conversation, if the current user takes part in it."""
    conversation = get_conversation(conversation_id)
    if conversation_member(current_user, conversation) is None:
        abort(404)
    return conversation


def load_message(message_id):
    """The message, if the current user takes part in its conversation."""
    message = db.get_or_404(Message, message_id)
    load_conversation(message.conversation_id)
    return message
