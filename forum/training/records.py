"""Reading study records: the learner's own, a unit's, who is studying now, exports."""
from datetime import timedelta

from flask import current_app
from sqlalchemy import func
from sqlalchemy.orm import joinedload

from forum.extensions import db
from forum.models import (Board, BoardTypeKey, Campaign, IdentityCheck, Lesson, StudyRecord,
                          StudySession, Unit, User)
from forum.training import clock


def _records():
    return (db.select(StudyRecord)
            .options(joinedload(StudyRecord.lesson).joinedload(Lesson.thread),
                     joinedload(StudyRecord.user))
            .order_by(StudyRecord.created_at.desc(), StudyRecord.id.desc()))


def records_of(user):
    """The learner's own records, newest first."""
    return db.session.execute(_records().where(StudyRecord.user_id == user.id)).scalars().all()


def unit_records(unit_id):
    """Records of the unit's learners."""
    return db.session.execute(_records().join(User, User.id == StudyRecord.user_id)
                              .where(User.unit_id == unit_id)).scalars().all()


def failed_checks(record_ids):
    """{record id: [failed checks]} to show on the records."""
    found = {}
    if not record_ids:
        return found
    rows = db.session.execute(db.select(IdentityCheck).where(
        IdentityCheck.record_id.in_(record_ids), IdentityCheck.passed.is_(False))
        .order_by(IdentityCheck.asked_at)).scalars()
    for check in rows:
        found.setdefault(check.record_id, []).append(check)
    return found


def studying_now():
    """Open sessions that beat recently: who is studying at this moment."""
    since = clock.now() - timedelta(seconds=3 * current_app.config["STUDY_BEAT_SECONDS"])
    return db.session.execute(
        db.select(StudySession)
        .options(joinedload(StudySession.user), joinedload(StudySession.lesson).joinedload(Lesson.thread))
        .where(StudySession.ended_at.is_(None), StudySession.last_beat_at >= since)
        .order_by(StudySession.started_at)).scalars().all()


def unit_summary():
    """Per unit: learners (active accounts), participants, completed records, 参学率."""
    learners = dict(db.session.execute(
        db.select(User.unit_id, func.count(User.id))
        .where(User.unit_id.is_not(None), User.deleted_at.is_(None), User.is_unit_account.is_(False))
        .group_by(User.unit_id)).all())
    joined = db.session.execute(
        db.select(User.unit_id, func.count(func.distinct(StudyRecord.user_id)),
                  func.count(StudyRecord.completed_at))
        .join(User, User.id == StudyRecord.user_id).where(User.unit_id.is_not(None))
        .group_by(User.unit_id)).all()
    per_unit = {unit_id: (people, done) for unit_id, people, done in joined}
    rows = []
    for unit in db.session.execute(db.select(Unit).order_by(Unit.position, Unit.id)).scalars():
        total = learners.get(unit.id, 0)
        people, done = per_unit.get(unit.id, (0, 0))
        if total or people:
            rows.append({"unit": unit, "learners": total, "participants": people, "completed": done,
                         "rate": round(100 * people / total) if total else 0})
    return rows


def export_rows(lesson_ids=None):
    """Records (of these lessons, if given) with the learner's unit, ordered by unit."""
    query = (_records().join(User, User.id == StudyRecord.user_id)
             .options(joinedload(StudyRecord.user).joinedload(User.unit))
             .order_by(None).order_by(User.unit_id, User.username, StudyRecord.id))
    if lesson_ids is not None:
        query = query.where(StudyRecord.lesson_id.in_(lesson_ids))
    return db.session.execute(query).scalars().all()


def centre_ids():
    """The ids of the training centres' boards."""
    return db.session.execute(db.select(Board.id).where(Board.type == BoardTypeKey.TRAINING)).scalars().all()


def board_campaigns(board):
    """The board's campaigns, the latest first."""
    return db.session.execute(db.select(Campaign).filter_by(board_id=board.id)
                              .order_by(Campaign.ends_on.desc(), Campaign.id.desc())).scalars().all()
