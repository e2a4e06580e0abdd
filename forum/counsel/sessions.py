"""做客谈心室: scheduling a hosted session, questions sent before and during it, and the
host's answers. Only answered questions are public, under a neutral label; the others
stay the host's."""
from flask_babel import gettext as _

from forum.audit import log_action
from forum.counsel.access import counsellor_ids
from forum.counsel.models import CounselSession, SessionQuestion
from forum.counsel.rules import check_body
from forum.extensions import db
from forum.models.base import utcnow
from forum.service import Refused, commit

TITLE_MAX = 100

def schedule_session(board, actor, *, title, host_id, starts_at, ends_at):
    """Schedule a session hosted by one of the room's counsellors (times in UTC)."""
    title = (title or "").strip()
    if not title or len(title) > TITLE_MAX:
        raise Refused(_("Give a title of at most %(max)d characters.", max=TITLE_MAX), field="title")
    if host_id not in counsellor_ids(board.id):
        raise Refused(_("Choose one of this room's counsellors."), field="host")
    if starts_at is None or ends_at is None or ends_at <= starts_at:
        raise Refused(_("The session must end after it starts."), field="ends_at")
    session = CounselSession(board_id=board.id, title=title, host_id=host_id,
                             starts_at=starts_at, ends_at=ends_at)
    db.session.add(session)
    db.session.flush()
    log_action(actor, "counsel_session", "counsel_sess", session.id, board.id)
    commit()
    return session

def ask_question(session, asker, body):
    """Send a question while the session takes them: from scheduling until its end."""
    if not takes_questions(session):
        raise Refused(_("This session has ended; it takes no more questions."))
    question = SessionQuestion(session_id=session.id, asker_id=asker.id, body=check_body(body))
    db.session.add(question)
    commit()
    return question

def answer_question(question, text):
    """The host answers (or corrects the answer to) a question, which becomes public."""
    question.answer = check_body(text)
    question.answered_at = question.answered_at or utcnow()
    commit()
    return question

def takes_questions(session):
    return utcnow() < session.ends_at

def is_over(session):
    return session.ends_at <= utcnow()
