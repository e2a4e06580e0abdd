"""The data model, one module per aggregate (DESIGN §3)."""
from forum.models.account import Invitation, InvitationState, PasswordReset, Verification
from forum.models.attachment import Attachment
from forum.models.board import Board, BoardRole, BoardTypeKey, Category, Role
from forum.models.calendar import HolidaySchedule
from forum.models.campaign import Campaign, Essay
from forum.models.content import ContentStatus, Post, Thread
from forum.models.letter import CaptchaChallenge, Letter, LetterKind, LetterRating, LetterState
from forum.models.message import (Conversation, ConversationMember, Message, MessageReport,
                                  UserBlock)
from forum.models.moderation import Ban, ModAction, QueueItem, Report, SecurityEvent, WordRule
from forum.models.notification import Notification
from forum.models.profile import Presence, Talent
from forum.models.reading import BoardRead, Subscription, ThreadRead
from forum.models.site import RateCounter, Registration, SiteCounter, SiteSetting
from forum.models.stats import ActiveMember, BoardDay, CategoryMonth, SiteDay, UnitMonth, VisitorDay
from forum.models.training import (CheckQuestion, IdentityCheck, Lesson, QuizQuestion,
                                   StudyRecord, StudySession)
from forum.models.unit import Unit
from forum.models.user import AdminRole, User, UserStatus

__all__ = ["ActiveMember", "Attachment", "Ban", "Board", "BoardDay", "BoardRead", "BoardRole", "Campaign", "Category", "CategoryMonth",
           "CheckQuestion", "Conversation", "ConversationMember", "Essay", "HolidaySchedule", "IdentityCheck", "Invitation",
           "Lesson", "Letter", "Message", "MessageReport", "ModAction", "Notification",
           "PasswordReset", "Post", "Presence", "QueueItem", "QuizQuestion", "RateCounter",
           "Report", "SecurityEvent", "SiteCounter", "SiteDay", "SiteSetting", "StudyRecord", "StudySession",
           "Subscription", "Talent", "Thread", "ThreadRead", "Unit", "UnitMonth", "User", "UserBlock",
           "Verification", "VisitorDay", "WordRule", "CaptchaChallenge",
           # The vocabularies stored in their columns, each member with its label.
           "AdminRole", "BoardTypeKey", "ContentStatus", "InvitationState", "LetterKind", "LetterRating",
           "LetterState", "Registration", "Role", "UserStatus"]
