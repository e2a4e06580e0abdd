"""Writes to private conversations; each service commits once.

Nobody but a conversation's participants reads it. A message to someone who blocked
the sender is refused and nothing is stored; new accounts start conversations with a
limited number of people a day (site settings).
"""
import re
from datetime import timedelta

from flask_babel import gettext as _
from sqlalchemy import update

from forum.auth.services import find_user
from forum.extensions import db
from forum.markup import render
from forum.models import Conversation, ConversationMember, Message, User, UserBlock
from forum.models.base import utcnow
from forum.notifications.service import notify
from forum.service import Refused, commit
from forum.settings import get_setting

MAX_RECIPIENTS = 10
_NAME_SPLIT = re.compile(r"[\s,，;；、]+")


def start_conversation(sender, recipients_text, title, body):
    """Start a conversation with the named members and its first message."""
    _check_sender(sender)
    recipients = _find_recipients(sender, recipients_text)
    _check_new_account_limit(sender, recipients)
    for recipient in recipients:
        _check_not_blocked(sender, recipient)
    now = utcnow()
    conversation = Conversation(title=title.strip(), starter_id=sender.id, created_at=now,
                                last_message_at=now)
    conversation.members = [ConversationMember(user_id=user.id) for user in [sender, *recipients]]
    db.session.add(conversation)
    db.session.flush()
    message = _add_message(conversation, sender, body, now)
    commit()
    return message


def send_message(conversation, sender, body):
    """Add a message to a conversation the sender takes part in."""
    _check_sender(sender)
    for member in conversation.members:
        if member.user_id != sender.id:
            _check_not_blocked(sender, member.user)
    message = _add_message(conversation, sender, body, utcnow())
    commit()
    return message


def mark_read(conversation, user):
    """The member has read the conversation: one fewer unread in the header."""
    cleared = db.session.execute(
        update(ConversationMember)
        .where(ConversationMember.conversation_id == conversation.id,
               ConversationMember.user_id == user.id, ConversationMember.unread.is_(True))
        .values(unread=False).execution_options(synchronize_session=False)).rowcount
    if cleared:
        db.session.execute(update(User).where(User.id == user.id, User.unread_conversations > 0)
                           .values(unread_conversations=User.unread_conversations - 1))
        commit()


def _add_message(conversation, sender, body, now):
    message = Message(conversation_id=conversation.id, author_id=sender.id, body=body,
                      body_html=render(body), created_at=now)
    db.session.add(message)
    conversation.last_message_at = now
    # Each other member's conversation turns unread once; their header count follows.
    newly_unread = db.session.execute(
        update(ConversationMember)
        .where(ConversationMember.conversation_id == conversation.id,
               ConversationMember.user_id != sender.id, ConversationMember.unread.is_(False))
        .values(unread=True).returning(ConversationMember.user_id)
        .execution_options(synchronize_session=False)).scalars().all()
    if newly_unread:
        db.session.execute(update(User).where(User.id.in_(newly_unread))
                           .values(unread_conversations=User.unread_conversations + 1))
    db.session.flush()
    others = [member.user_id for member in conversation.members if member.user_id != sender.id]
    # The text names the sender only: no subject or body leaves the conversation. The path
    # is built by hand because services also run outside a request (url_for needs one).
    notify(others, "message", actor=sender, url=f"/messages/{conversation.id}")
    return message


def _check_sender(sender):
    if sender.is_banned:
        from forum.moderation.guard import ban_message

        raise Refused(ban_message(sender.ban))


def _find_recipients(sender, text):
    names = [name for name in _NAME_SPLIT.split(text or "") if name]
    if not names:
        raise Refused(_("Name at least one member to write to."), field="to")
    users = {}
    for name in names:
        user = find_user(name)
        if user is None or user.deleted_at is not None or not user.is_active:
            raise Refused(_("There is no member named “%(name)s”.", name=name), field="to")
        if user.id == sender.id:
            raise Refused(_("You cannot send a message to yourself."), field="to")
        users[user.id] = user
    if len(users) > MAX_RECIPIENTS:
        raise Refused(_("A conversation has at most %(n)d other members.", n=MAX_RECIPIENTS),
                      field="to")
    return list(users.values())


def _check_not_blocked(sender, recipient):
    blocked = db.session.execute(db.select(UserBlock.user_id).where(
        UserBlock.user_id == recipient.id, UserBlock.blocked_id == sender.id)).first()
    if blocked:
        raise Refused(_("%(name)s does not accept messages from you.", name=recipient.name),
                      field="to")


def _check_new_account_limit(sender, recipients):
    """A new account writes to at most N people a day (spam from fresh accounts)."""
    if sender.admin_role or not is_new_account(sender):
        return
    limit = get_setting("message_new_account_people_per_day")
    since = utcnow() - timedelta(days=1)
    already = set(db.session.execute(
        db.select(ConversationMember.user_id).distinct()
        .join(Conversation, Conversation.id == ConversationMember.conversation_id)
        .where(Conversation.starter_id == sender.id, Conversation.created_at >= since,
               ConversationMember.user_id != sender.id)).scalars())
    if len(already | {user.id for user in recipients}) > limit:
        raise Refused(_("New accounts may write to at most %(n)d people a day. Please try again "
                        "tomorrow, or take part in the forum first.", n=limit), field="to")


def is_new_account(user):
    """Younger than the set number of days, or fewer posts than the set number."""
    young = user.created_at > utcnow() - timedelta(days=get_setting("message_new_account_days"))
    return young or user.post_count < get_setting("message_new_account_posts")
