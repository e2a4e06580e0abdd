"""An archived training board is read-only: no lesson saved, no study started, no quiz
taken, no essay reviewed; each is refused with the reason and changes nothing (issue 20)."""
import pytest
from flask_babel import gettext

from forum.extensions import db
from forum.models import Essay, StudyRecord, StudySession
from forum.models.base import utcnow
from forum.service import Refused
from forum.training.lessons import save_lesson, submit_quiz
from tests.checks import says
from tests.conftest import csrf_token, login, post_form
from tests.training.test_campaigns import ESSAY, hand_in, make_campaign

ARCHIVED = "This board is archived: it can be read, and nothing more can be written in it."


def _archive(board):
    board.archived_at = utcnow()
    db.session.commit()


def test_a_lesson_of_an_archived_board_is_not_changed_studied_or_quizzed(app, clock, training_board, lesson,
                                                                        learner_user):
    _archive(training_board)
    required = lesson.required_seconds
    client = login(app.test_client(), learner_user)
    started = client.post(f"/study/{lesson.thread_id}/start", json={},
                          headers={"X-CSRFToken": csrf_token(client, "/training/mine")})
    assert started.status_code == 409 and started.json["message"] == gettext(ARCHIVED)
    assert db.session.execute(db.select(db.func.count()).select_from(StudySession)).scalar_one() == 0
    for write in (lambda: save_lesson(lesson.thread, 90, 60, "", ""),
                  lambda: submit_quiz(learner_user, lesson, {})):
        with pytest.raises(Refused) as refused:
            write()
        assert refused.value.message == gettext(ARCHIVED)
        db.session.rollback()
    db.session.expire_all()
    assert lesson.required_seconds == required
    assert db.session.execute(db.select(db.func.count()).select_from(StudyRecord)).scalar_one() == 0


def test_an_essay_of_an_archived_board_is_not_reviewed(app, clock, training_board, trainer, lesson, learner_user):
    campaign = make_campaign(app, training_board, trainer, lesson)
    hand_in(app, learner_user, campaign, ESSAY, title="牢记宗旨")
    essay = db.session.execute(db.select(Essay)).scalar_one()
    _archive(training_board)
    officer = login(app.test_client(), trainer)
    answer = post_form(officer, f"/training/essays/{essay.id}/review", {"grade": "A", "comment": "好"},
                       follow_redirects=True)
    assert says(answer.get_data(as_text=True), ARCHIVED)
    db.session.expire_all()
    assert db.session.get(Essay, essay.id).grade is None
