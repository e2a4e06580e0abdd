"""The data model, one module per aggregate (DESIGN §3)."""
from forum.models.account import PasswordReset, Verification
from forum.models.attachment import Attachment
from forum.models.board import Board, BoardRole, Category
from forum.models.content import Post, Thread
from forum.models.moderation import Ban, ModAction, QueueItem, Report, SecurityEvent, WordRule
from forum.models.site import RateCounter, SiteSetting
from forum.models.unit import Unit
from forum.models.user import User

__all__ = ["Attachment", "Ban", "Board", "BoardRole", "Category", "ModAction", "PasswordReset", "Post",
           "QueueItem", "RateCounter", "Report", "SecurityEvent", "SiteSetting", "Thread", "Unit",
           "User", "Verification", "WordRule"]
