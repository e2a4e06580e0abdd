"""The training centre's part of the access matrix's world (tests/test_access_matrix.py)."""
from datetime import date

from forum.boards.roles import grant
from forum.extensions import db
from forum.models import Campaign, Essay
from forum.training.studying import start_session
from tests.factories import make_board
from tests.training.conftest import make_lesson


def build_training_world(people):
    """A training board whose trainer is the moderator, a lesson with a quiz, the member
    studying it now, and a campaign for all verified accounts with one essay."""
    board = make_board(type="training")
    grant(people["moderator"], board, "trainer")
    lesson = make_lesson(board, people["moderator"], quiz="? 题\n* 对\n- 错")
    session = start_session(people["member"], lesson)
    campaign = Campaign(board_id=board.id, title="学习活动", target="all", starts_on=date(2026, 1, 1),
                        ends_on=date(2099, 1, 1), required_tenths=10, created_by_id=people["moderator"].id,
                        lessons=[lesson])
    db.session.add(campaign)
    db.session.flush()
    essay = Essay(user_id=people["verified"].id, campaign_id=campaign.id, title="体会", body="学习体会")
    db.session.add(essay)
    db.session.commit()
    check_id = 999_999  # no such check: answering it is refused like a forged one
    return {"lesson": lesson.thread_id, "study_session": session.id, "check": check_id,
            "training": board.slug, "campaign": campaign.id, "essay": essay.id}
