"""Studying: the server is the only clock and the page is assumed hostile.

Time is earned between two accepted heartbeats of the account's one open session, at
most twice the beat interval and never more than the server's own elapsed time, only
while the page said it was visible, focused and in use. Earned time is provisional
(`unchecked_seconds`) until the learner passes an identity check; a failed or missed
check loses it. A script that beats but answers no checks never banks any time.
"""
import random
import secrets
from dataclasses import dataclass, field
from datetime import timedelta

from flask import current_app, url_for
from flask_babel import gettext as _
from sqlalchemy import update
from sqlalchemy.orm.attributes import set_committed_value
from werkzeug.security import check_password_hash

from forum.boards.services import check_not_archived
from forum.extensions import db
from forum.models import IdentityCheck, Lesson, StudyRecord, StudySession, User
from forum.models.base import insert_for
from forum.notifications.service import notify
from forum.service import Refused, commit
from forum.training import clock
from forum.training.figures import count, count_learner


@dataclass
class Beat:
    """What a heartbeat reply tells the page."""

    credited: int
    record: StudyRecord
    session: StudySession
    lesson: Lesson
    check: IdentityCheck | None = None
    notes: list = field(default_factory=list)


def start_session(user, lesson):
    """Open a study session of lesson; any other open session of the account ends.

    Parallel starts of one account wait for each other on its row (PostgreSQL), so each
    replaces the one before and they take the study record, the replaced sessions and
    the unique index in one order (no deadlock). The unique partial index holds one
    open session per account whatever happens; a start it refuses is told so.
    """
    check_not_archived(lesson.thread.board)
    db.session.execute(db.select(User.id).where(User.id == user.id).with_for_update())
    now = clock.now()
    carried, next_check_at = 0, now + _check_gap()
    for other in _open_sessions(user):
        # Reloading the lesson keeps its unchecked time and its next check; an open check
        # fails, so a page cannot dodge a check by starting over.
        if other.lesson_id == lesson.id:
            next_check_at = min(next_check_at, other.next_check_at)
            carried += end_session(other, "replaced", now)
        else:
            end_session(other, "replaced", now)
    record = study_record(user, lesson)
    record.sessions += 1
    session = StudySession(token=secrets.token_urlsafe(24), user_id=user.id, lesson_id=lesson.id,
                           started_at=now, last_beat_at=now, last_check_at=now,
                           last_activity_at=now, next_check_at=next_check_at,
                           unchecked_seconds=carried)
    db.session.add(session)
    count("sessions")
    commit(on_conflict=Refused(_("This lesson was opened in another page at the same moment. "
                                 "Study there, or reload this page.")))
    return session


def end_session(session, reason, now):
    """End a session; return its unchecked seconds, none if a check was open (it fails)."""
    for check in _open_checks(session):
        _fail(check, session, now)
    kept, session.unchecked_seconds = session.unchecked_seconds, 0
    session.ended_at = now
    session.end_reason = reason
    return kept


def record_beat(user, token, seq, visible, focused, active):
    """Credit the time since the session's last accepted beat, and maybe ask a check.

    Everything is read before the beat's one write, a conditional UPDATE of the session
    that holds only if the session is as it was read: of two beats racing on the same
    interval one wins, and a beat that crossed a check's answer is refused (the next beat
    earns its time). Nothing is read again after the commit."""
    session = _own_session(user, token)
    if not isinstance(seq, int) or isinstance(seq, bool) or seq <= session.last_seq:
        raise Refused(_("This heartbeat is out of order and was not counted."))
    record = study_record(user, session.lesson)
    checks = _open_checks(session)
    now = clock.now()
    previous = session.last_beat_at
    late = [check for check in checks if now > check.due_at]
    values = {"last_seq": seq, "last_beat_at": max(now, previous), "visible": bool(visible),
              "focused": bool(focused),
              "last_activity_at": now if active else session.last_activity_at}
    credited = _earned(session, previous, now, visible and focused, len(checks) > len(late),
                       values["last_activity_at"])
    values["unchecked_seconds"] = (0 if late else session.unchecked_seconds) + credited
    won = db.session.execute(
        update(StudySession).where(StudySession.id == session.id, StudySession.last_seq < seq,
                                   StudySession.last_beat_at == previous,
                                   StudySession.next_check_at == session.next_check_at,
                                   StudySession.ended_at.is_(None))
        .values(**values).execution_options(synchronize_session=False)).rowcount == 1
    if not won:
        db.session.rollback()
        raise Refused(_("This heartbeat is out of order and was not counted."))
    for key, value in values.items():
        set_committed_value(session, key, value)
    beat = Beat(credited, record, session, session.lesson)
    _expire_checks(late, session, now, beat)
    open_checks = [check for check in checks if check not in late]
    beat.check = open_checks[0] if open_checks else _maybe_ask(session, record, now)
    commit(keep=(record, session, beat.lesson))  # the reply reads them
    return beat


def _earned(session, previous, now, shown, waiting, last_activity_at):
    """Seconds earned since the last beat: none while a check waits, the page was hidden
    or unfocused (at this beat or the one before) or idle; never more than the cap."""
    if not (shown and session.visible and session.focused) or waiting:
        return 0
    if (now - last_activity_at).total_seconds() > current_app.config["STUDY_IDLE_SECONDS"]:
        return 0
    # Whole seconds counted from the session's start, so fractions are not lost beat by beat.
    since_start = int((now - session.started_at).total_seconds())
    elapsed = max(0, since_start - int((previous - session.started_at).total_seconds()))
    return min(elapsed, current_app.config["STUDY_CREDIT_CAP_SECONDS"])


def answer_check(user, check_id, token, answer):
    """Answer an identity check in the page; True if it passed."""
    session = _own_session(user, token)
    check = db.session.get(IdentityCheck, check_id)
    if check is None or check.session_id != session.id:
        raise Refused(_("There is no such check in this study session."))
    if check.passed is not None:
        raise Refused(_("This check has already been answered."))
    now = clock.now()
    if now > check.due_at:
        _fail(check, session, now)
        commit()
        raise Refused(_("The time to answer this check has passed; the time since the last check was not counted."))
    check.answered_at = now
    if _is_right(check, user, answer or ""):
        _pass(check, session, now)
    else:
        _fail(check, session, now)
    commit()
    return check.passed


def send_duty_check(officer, session):
    """A duty officer asks a learner who is studying now to confirm who they are."""
    if session.ended_at is not None:
        raise Refused(_("This learner is no longer studying."))
    if _open_check(session):
        raise Refused(_("This learner already has a check waiting for an answer."))
    now = clock.now()
    check = _new_check(session, now, kind="duty", asked_by_id=officer.id)
    notify([session.user], "study_check", actor=officer,
           url=url_for("training.study", thread_id=session.lesson.thread_id),
           data={"title": session.lesson.thread.title})
    commit()
    return check


def study_record(user, lesson):
    """The account's one record of lesson, made on first use."""
    query = db.select(StudyRecord).filter_by(user_id=user.id, lesson_id=lesson.id)
    record = db.session.execute(query).scalar_one_or_none()
    if record is None:
        count_learner(user)
        # Parallel first uses (two starts, two hand-ins) make one row, and neither fails.
        insert = insert_for(db.session.get_bind().dialect.name)(StudyRecord)
        db.session.execute(insert.values(user_id=user.id, lesson_id=lesson.id, created_at=clock.now())
                           .on_conflict_do_nothing(index_elements=["user_id", "lesson_id"]))
        record = db.session.execute(query).scalar_one()
    return record


def complete_if_done(record, now):
    """A record completes when its time reaches the lesson's and any quiz is passed."""
    lesson = record.lesson
    if (record.completed_at is None and record.effective_seconds >= lesson.required_seconds
            and (record.quiz_passed or not lesson.has_quiz)):
        record.completed_at = now


def _maybe_ask(session, record, now):
    required = session.lesson.required_seconds
    # Time that would complete the lesson is banked only through a passed check: one check
    # when the unchecked time first reaches it; once banked, the ordinary schedule only.
    reaches = record.effective_seconds < required <= record.effective_seconds + session.unchecked_seconds
    if now >= session.next_check_at or reaches:
        return _new_check(session, now, record=record)
    return None


def _new_check(session, now, kind=None, asked_by_id=None, record=None):
    questions = session.lesson.checks
    question = random.choice(questions) if questions and kind is None else None
    record = record or study_record(session.user, session.lesson)
    check = IdentityCheck(session_id=session.id, record_id=record.id, asked_at=now,
                          kind=kind or ("question" if question else "password"),
                          prompt=question.text if question else None,
                          expected=question.answer if question else None, asked_by_id=asked_by_id,
                          due_at=now + timedelta(seconds=current_app.config["STUDY_CHECK_WINDOW_SECONDS"]))
    db.session.add(check)
    db.session.flush()
    return check


def _is_right(check, user, answer):
    if check.expected is not None:
        return _normal(answer) == _normal(check.expected)
    return check_password_hash(user.password_hash, answer)


def _normal(text):
    return "".join(text.split()).casefold()


def _pass(check, session, now):
    check.passed = True
    record = study_record(session.user, session.lesson)
    record.effective_seconds += session.unchecked_seconds
    record.checks_passed += 1
    session.unchecked_seconds = 0
    session.last_check_at = now
    session.next_check_at = now + _check_gap()
    complete_if_done(record, now)


def _fail(check, session, now):
    check.passed = False
    record = study_record(session.user, session.lesson)
    record.checks_failed += 1
    session.unchecked_seconds = 0
    session.next_check_at = now + _check_gap()


def _expire_checks(late, session, now, beat):
    """Fail the checks not answered in time; the beat's own credit stays unchecked."""
    for check in late:
        _fail(check, session, now)
        beat.notes.append(_("A check was not answered in time: the time since the last check was not counted."))
    if late:
        session.unchecked_seconds = beat.credited


def _check_gap():
    low = current_app.config["STUDY_CHECK_MIN_SECONDS"]
    high = max(low, current_app.config["STUDY_CHECK_MAX_SECONDS"])
    return timedelta(seconds=random.randint(low, high))


def _own_session(user, token):
    session = db.session.execute(db.select(StudySession).filter_by(
        token=str(token or ""), user_id=user.id)
        .options(db.joinedload(StudySession.lesson))).scalar_one_or_none()
    if session is None:
        raise Refused(_("This study session does not exist. Reload the lesson to study."))
    if session.ended_at is not None:
        if session.end_reason == "replaced":
            raise Refused(_("This study session ended because you opened a lesson in another page or device. Only one lesson is studied at a time; continue there, or reload this page."))
        raise Refused(_("This study session has ended. Reload the lesson to study."))
    return session


def _open_sessions(user):
    return db.session.execute(db.select(StudySession).where(
        StudySession.user_id == user.id, StudySession.ended_at.is_(None))).scalars().all()


def _open_checks(session):
    return db.session.execute(db.select(IdentityCheck).where(
        IdentityCheck.session_id == session.id, IdentityCheck.passed.is_(None))).scalars().all()


def _open_check(session):
    checks = _open_checks(session)
    return checks[0] if checks else None
