"""The data model, one module per aggregate (DESIGN §3)."""
from forum.models.account import PasswordReset, Verification
from forum.models.board import Board, BoardRole, Category
from forum.models.content import Post, Thread
from forum.models.message import (Conversation, ConversationMember, Message, MessageReport,
                                  UserBlock)
from forum.models.moderation import Ban, ModAction, QueueItem, Report, SecurityEvent, WordRule
from forum.models.profile import Presence, Talent
from forum.models.site import RateCounter, SiteSetting
from forum.models.unit import Unit
from forum.models.user import User

__all__ = ["Ban", "Board", "BoardRole", "Category", "ModAction", "PasswordReset", "Post",
           "QueueItem", "RateCounter", "Report", "SecurityEvent", "SiteSetting", "Thread", "Unit",
           "User", "Verification", "WordRule"]
__all__ += ["Conversation", "ConversationMember", "Message", "MessageReport", "Presence",
            "Talent", "UserBlock"]
