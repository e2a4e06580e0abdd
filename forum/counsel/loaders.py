"""Fetch a talk, a session or a question for a view, or abort: 404 for a talk the user
does not read (as for none), 403 for a counsellor's tool in a reader's hands."""
from flask import abort
from flask_login import current_user

from forum.access import Access, require
from forum.boards.loaders import load_board, refuse_if_archived
from forum.counsel.access import is_counsellor, talk_access
from forum.counsel.models import CounselSession, SessionQuestion
from forum.counsel.queries import get_talk
from forum.extensions import db
from forum.models import BoardTypeKey


def load_talk(talk_id, need=Access.VIEW):
    """The talk and the current user's flags on it, if they read it (else 404)."""
    talk = get_talk(talk_id)
    if talk is None:
        abort(404)
    access = talk_access(current_user, talk)
    require(Access.VIEW, access, private=True)
    refuse_if_archived(talk.board, need)
    require(need, access, private=True)
    return talk, access


def load_room(slug, need=Access.VIEW):
    """A counsel board the current user holds `need` on; 404 for a board of another type
    (whose handlers hold HANDLE too)."""
    board = load_board(slug, need=need)
    if board.type != BoardTypeKey.COUNSEL:
        abort(404)
    return board


def load_session(session_id):
    session = db.session.get(CounselSession, session_id)
    if session is None:
        abort(404)
    return session


def load_question(question_id):
    """A question, for its session's host only (else 404: unanswered ones are private)."""
    question = db.session.get(SessionQuestion, question_id)
    if question is None or question.session.host_id != current_user.id or not is_counsellor(
            current_user, question.session.board_id):
        abort(404)
    return question
