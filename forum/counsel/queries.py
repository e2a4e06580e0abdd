"""Reads of the room: the cards, a counsellor's queue, a member's talks, the sessions and
their questions, and the room's figures (aggregates only)."""
from sqlalchemy import bindparam
from sqlalchemy.orm import joinedload, selectinload

from forum.counsel.models import (CounselSession, CounsellorCard, SessionQuestion, Talk,
                                  TalkCounsellor, TalkState)
from forum.extensions import db
from forum.models import BoardRole, Role
from forum.models.base import LIKE_ESCAPE, like_literal, utcnow


def cards(board):
    """The cards of the board's current counsellors, by kind and name."""
    return db.session.execute(
        db.select(CounsellorCard).join(BoardRole, db.and_(
            BoardRole.user_id == CounsellorCard.user_id, BoardRole.board_id == CounsellorCard.board_id,
            BoardRole.role == Role.COUNSELLOR))
        .where(CounsellorCard.board_id == board.id)
        .order_by(CounsellorCard.kind, CounsellorCard.name)).scalars().all()


def queue(board, user):
    """Open talks waiting for an answer that this counsellor works: urgent first, then
    oldest first."""
    assigned = db.select(TalkCounsellor.talk_id).where(TalkCounsellor.user_id == user.id)
    anyone = ~db.exists().where(TalkCounsellor.talk_id == Talk.id)
    return db.session.execute(
        db.select(Talk).where(Talk.board_id == board.id, Talk.state == TalkState.OPEN,
                              Talk.awaiting.is_(True), db.or_(Talk.id.in_(assigned), anyone))
        .order_by(Talk.urgent.desc(), Talk.waiting_since, Talk.id)).scalars().all()


def talks_of(member):
    """The member's talks, newest first."""
    return db.session.execute(db.select(Talk).where(Talk.member_id == member.id)
                              .order_by(Talk.id.desc())).scalars().all()


def get_talk(talk_id):
    return db.session.execute(
        db.select(Talk).options(joinedload(Talk.board), selectinload(Talk.counsellors),
                                selectinload(Talk.messages))
        .where(Talk.id == talk_id)).scalar_one_or_none()


def sessions(board):
    """(upcoming or running, held) sessions of the board, with their hosts."""
    rows = db.session.execute(
        db.select(CounselSession).options(joinedload(CounselSession.host))
        .where(CounselSession.board_id == board.id)
        .order_by(CounselSession.starts_at.desc())).scalars().all()
    now = utcnow()
    return [s for s in rows if s.ends_at > now], [s for s in rows if s.ends_at <= now]


def questions(session, answered_only):
    """A session's questions, oldest first; only the answered ones unless asked."""
    query = db.select(SessionQuestion).where(SessionQuestion.session_id == session.id)
    if answered_only:
        query = query.where(SessionQuestion.answered_at.is_not(None))
    return db.session.execute(query.order_by(SessionQuestion.id)).scalars().all()


def figures(board_ids=None):
    """Room users (who opened a talk or asked), talks, people helped, sessions held."""
    def where(model):
        return [model.board_id.in_(board_ids)] if board_ids is not None else []

    talks = db.select(Talk.member_id.label("who")).where(*where(Talk))
    askers = (db.select(SessionQuestion.asker_id.label("who"))
              .join(CounselSession, CounselSession.id == SessionQuestion.session_id)
              .where(*where(CounselSession)))
    people = db.union(talks, askers).subquery()
    row = db.session.execute(db.select(
        db.select(db.func.count()).select_from(people).scalar_subquery(),
        db.select(db.func.count(Talk.id)).where(*where(Talk)).scalar_subquery(),
        db.select(db.func.count(Talk.id)).where(*where(Talk), Talk.state == TalkState.HELPED)
        .scalar_subquery(),
        db.select(db.func.count(CounselSession.id)).where(
            *where(CounselSession), CounselSession.ends_at <= utcnow()).scalar_subquery())).one()
    return dict(zip(("users", "talks", "helped", "held"), row))


# Built once: the search page asks it on every first page of results.
_PUBLIC_ANSWERS = (
    db.select(SessionQuestion).join(CounselSession)
    .options(joinedload(SessionQuestion.session))
    .where(SessionQuestion.answer.is_not(None), CounselSession.ends_at <= bindparam("now"),
           db.or_(*(column.ilike(bindparam("pattern"), escape=LIKE_ESCAPE) for column in (
               SessionQuestion.body, SessionQuestion.answer, CounselSession.title))))
    .order_by(CounselSession.ends_at.desc(), SessionQuestion.id).limit(bindparam("limit")))


def public_answers(text, limit=10):
    """Answered questions of finished sessions whose question, answer or session title
    holds `text`, newest session first. The questions of a few sessions a year, so a
    substring match is cheap; unanswered ones are never searched."""
    return db.session.execute(_PUBLIC_ANSWERS, {"now": utcnow(), "pattern": f"%{like_literal(text)}%",
                                                "limit": limit}).scalars().all()
