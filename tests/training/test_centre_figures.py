"""The training centre's four figures on /stats and its page: kept by the writes, equal to
a recount from the rows; with the current campaign's participation by unit."""
from forum.boards.services import reply
from forum.extensions import db
from forum.training.figures import centre_figures, recount_centre
from forum.training.studying import start_session
from tests.factories import make_unit, make_user
from tests.training.test_campaigns import ESSAY, hand_in, make_campaign


def test_the_four_figures_kept_by_the_writes_equal_a_recount(app, clock, training_board, trainer, lesson):
    unit = make_unit(name="城关镇")
    first, second = make_user(is_verified=True, unit_id=unit.id), make_user(is_verified=True)
    campaign = make_campaign(app, training_board, trainer, lesson)
    start_session(first, lesson)
    start_session(first, lesson)
    start_session(second, lesson)
    assert hand_in(app, first, campaign, ESSAY).status_code == 302
    reply(lesson.thread, first, "学习心得")
    reply(lesson.thread, first, "再谈体会")
    reply(lesson.thread, second, "认真学习")
    kept = centre_figures()
    assert kept == {"learners": 2, "sessions": 3, "discussants": 2, "essays": 1}
    recount_centre()
    db.session.commit()
    assert centre_figures() == kept
    data = app.test_client().get("/stats.json").get_json()["sections"]["training"]
    assert data["figures"] == kept and data["campaign"]["id"] == campaign.id
    assert {"unit": "城关镇", "learners": 1, "studied": 0, "rate": 0} in data["units"]
