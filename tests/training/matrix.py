"""The training centre's part of the access matrix's world (tests/test_access_matrix.py)."""
from forum.boards.roles import grant
from forum.extensions import db
from forum.training.studying import start_session
from tests.factories import make_board
from tests.training.conftest import make_lesson


def build_training_world(people):
    """A training board whose trainer is the moderator, a lesson with a quiz, and the
    member studying it now."""
    board = make_board(type="training")
    grant(people["moderator"], board, "trainer")
    lesson = make_lesson(board, people["moderator"], quiz="? 题\n* 对\n- 错")
    session = start_session(people["member"], lesson)
    db.session.commit()
    check_id = 999_999  # no such check: answering it is refused like a forged one
    return {"lesson": lesson.thread_id, "study_session": session.id, "check": check_id}
