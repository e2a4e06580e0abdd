"""The data model, one module per aggregate (DESIGN §3)."""
from forum.models.account import PasswordReset, Verification
from forum.models.attachment import Attachment
from forum.models.board import Board, BoardRole, Category
from forum.models.campaign import Campaign, Essay
from forum.models.content import Post, Thread
from forum.models.moderation import Ban, ModAction, QueueItem, Report, SecurityEvent, WordRule
from forum.models.notification import Notification
from forum.models.reading import BoardRead, Subscription, ThreadRead
from forum.models.site import RateCounter, SiteSetting
from forum.models.training import (CheckQuestion, IdentityCheck, Lesson, QuizQuestion,
                                   StudyRecord, StudySession)
from forum.models.unit import Unit
from forum.models.user import User

__all__ = ["Attachment", "Ban", "Board", "BoardRead", "BoardRole", "Category", "ModAction",
           "Notification", "PasswordReset", "Post", "QueueItem", "RateCounter", "Report",
           "SecurityEvent", "SiteSetting", "Subscription", "Thread", "ThreadRead", "Unit", "User",
           "Verification", "WordRule"]
__all__ += ["Campaign", "CheckQuestion", "Essay", "IdentityCheck", "Lesson", "QuizQuestion", "StudyRecord",
            "StudySession"]
