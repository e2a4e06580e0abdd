"""Read queries for the control panel, one named function per list a page shows."""
from sqlalchemy.orm import joinedload, selectinload

from forum.extensions import db
from forum.models import (Ban, Board, BoardRole, Category, Message, MessageReport, Unit, User,
                          Verification, WordRule)
from forum.models.base import LIKE_ESCAPE, like_literal

USERS_FOUND = 50
REPORTS_SHOWN = 50


def boards_in_order():
    """Every board, by category and position."""
    return db.session.execute(db.select(Board).options(joinedload(Board.category))
                              .order_by(Board.category_id, Board.position)).scalars().all()


def categories_in_order():
    """Every category (archived too) with its boards, by position."""
    return db.session.execute(db.select(Category).options(selectinload(Category.boards))
                              .order_by(Category.position)).scalars().all()


def units_in_order():
    return db.session.execute(db.select(Unit).order_by(Unit.position)).scalars().all()


def board_by_slug(slug):
    """The board with this slug, or None."""
    return db.session.execute(db.select(Board).where(Board.slug == slug)).scalar_one_or_none()


def word_rules():
    """The word filter's rules, by word."""
    return db.session.execute(db.select(WordRule).order_by(WordRule.word)).scalars().all()


def granted_roles():
    """(BoardRole, User, Board) rows of every explicit board role, by board and name."""
    return db.session.execute(
        db.select(BoardRole, User, Board).join(User, User.id == BoardRole.user_id)
        .join(Board, Board.id == BoardRole.board_id).order_by(Board.position, User.username)).all()


def roles_of(user):
    """(BoardRole, Board) rows of the account's board roles, by board."""
    return db.session.execute(
        db.select(BoardRole, Board).join(Board, Board.id == BoardRole.board_id)
        .where(BoardRole.user_id == user.id).order_by(Board.position, BoardRole.role)).all()


def bans_in_force():
    """Bans not lifted and not expired, newest first."""
    return [b for b in db.session.execute(db.select(Ban).where(Ban.lifted_at.is_(None))
                                          .order_by(Ban.created_at.desc())).scalars() if b.in_force]


def pending_verifications():
    """Real-name requests waiting for the security admin, oldest first."""
    return db.session.execute(db.select(Verification).where(Verification.status == "pending")
                              .order_by(Verification.created_at)).scalars().all()


def awaiting_display_names():
    """Accounts whose new display name waits for approval."""
    return db.session.execute(db.select(User).where(User.pending_display_name.is_not(None))
                              .order_by(User.id)).scalars().all()


def users_matching(query):
    """The first accounts whose username contains the query (case-insensitively; `_` and
    `%` as themselves)."""
    pattern = f"%{like_literal(User.key_for(query))}%"
    return db.session.execute(db.select(User).where(User.username_key.like(pattern, escape=LIKE_ESCAPE))
                              .order_by(User.username_key).limit(USERS_FOUND)).scalars().all()


def open_message_reports():
    """The oldest open reports of messages, each with its message, author and reporter."""
    return db.session.execute(
        db.select(MessageReport)
        .options(joinedload(MessageReport.message).joinedload(Message.author),
                 joinedload(MessageReport.reporter))
        .where(MessageReport.status == "open").order_by(MessageReport.created_at)
        .limit(REPORTS_SHOWN)).scalars().all()
