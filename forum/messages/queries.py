"""Read queries for the message pages, each a fixed number of statements."""
from sqlalchemy import func
from sqlalchemy.orm import selectinload

from forum.extensions import db
from forum.models import Conversation, ConversationMember, Message, UserBlock

PER_PAGE = 20


def get_conversation(conversation_id):
    """The conversation with its members, or None."""
    return db.session.get(Conversation, conversation_id)


def conversations_of(user, page):
    """One page of the user's memberships, newest conversation first."""
    return db.session.execute(
        db.select(ConversationMember)
        .join(Conversation, Conversation.id == ConversationMember.conversation_id)
        .options(selectinload(ConversationMember.conversation))
        .where(ConversationMember.user_id == user.id)
        .order_by(Conversation.last_message_at.desc(), Conversation.id.desc())
        .limit(PER_PAGE).offset((page - 1) * PER_PAGE)).scalars().all()


def conversation_count(user):
    return db.session.execute(db.select(func.count()).where(
        ConversationMember.user_id == user.id)).scalar_one()


def messages_of(conversation, page):
    """One page of a conversation's messages, oldest first, and the number of pages."""
    total = db.session.execute(db.select(func.count(Message.id)).where(
        Message.conversation_id == conversation.id)).scalar_one()
    rows = db.session.execute(
        db.select(Message).where(Message.conversation_id == conversation.id)
        .order_by(Message.id).limit(PER_PAGE).offset((page - 1) * PER_PAGE)).scalars().all()
    return rows, total


def blocks_of(user):
    """The members this user blocked, most recent first."""
    return db.session.execute(db.select(UserBlock).where(UserBlock.user_id == user.id)
                              .order_by(UserBlock.created_at.desc())).scalars().all()
