"""Hosted sessions through HTTP: scheduling, questions inside the window only, the host's
answers public under a neutral label, unanswered questions private to the host."""
from datetime import timedelta

import pytest

from forum.counsel.models import CounselSession, SessionQuestion
from forum.counsel.queries import figures
from forum.extensions import db
from tests.checks import says
from tests.conftest import post_form
from tests.factories import make_user


def _questions():
    db.session.expire_all()
    return db.session.execute(db.select(SessionQuestion).order_by(SessionQuestion.id)).scalars().all()


def test_a_counsellor_schedules_a_session_shown_on_the_board(app, room, counsellor, as_user):
    response = post_form(as_user(counsellor), "/counsel/counsel/sessions/new", {
        "title": "做客谈心室：新任干部的适应", "host": str(counsellor.id),
        "starts_at": "2030-05-01T15:00", "ends_at": "2030-05-01T17:00"})
    assert response.status_code == 302
    (session,) = db.session.execute(db.select(CounselSession)).scalars().all()
    assert session.starts_at.hour == 7  # 15:00 in China is 07:00 UTC
    assert "做客谈心室：新任干部的适应" in app.test_client().get("/b/counsel").get_data(as_text=True)


@pytest.mark.parametrize("fields,message", [
    ({"ends_at": "2030-05-01T14:00"}, "The session must end after it starts."),
    ({"host": "{member}"}, "Choose one of this room's counsellors."),
])
def test_a_bad_session_is_refused_and_nothing_is_stored(room, counsellor, member, as_user, fields,
                                                        message):
    data = {"title": "做客", "host": str(counsellor.id), "starts_at": "2030-05-01T15:00",
            "ends_at": "2030-05-01T17:00", **fields}
    data = {k: v.format(member=member.id) for k, v in data.items()}
    response = post_form(as_user(counsellor), "/counsel/counsel/sessions/new", data)
    assert says(response.get_data(as_text=True), message)
    assert db.session.execute(db.select(CounselSession)).scalars().all() == []


def test_a_member_may_not_schedule_a_session(room, member, as_user):
    assert as_user(member).get("/counsel/counsel/sessions/new").status_code == 403


def test_only_answered_questions_are_public_and_without_the_asker(
        app, room, counsellor, make_session, as_user):
    session = make_session()
    askers = [make_user(username=f"asker{n}") for n in range(3)]
    for n, asker in enumerate(askers):
        post_form(as_user(asker), f"/counsel/sessions/{session.id}", {"body": f"问题{n}：怎么减压？"})
    host = as_user(counsellor)
    hosted = host.get(f"/counsel/sessions/{session.id}").get_data(as_text=True)
    assert all(f"问题{n}" in hosted for n in range(3))
    for question in _questions()[:2]:
        post_form(host, f"/counsel/questions/{question.id}/answer", {"body": f"答{question.id}"})
    page = app.test_client().get(f"/counsel/sessions/{session.id}").get_data(as_text=True)
    assert "问题0" in page and "问题1" in page and "问题2" not in page
    assert not any(a.username in page for a in askers) and says(page, "Asker")


def test_a_question_after_the_end_is_refused_and_not_stored(room, counsellor, make_session, member,
                                                            as_user):
    session = make_session(starts_in=timedelta(hours=-3), lasts=timedelta(hours=1))
    response = post_form(as_user(member), f"/counsel/sessions/{session.id}", {"body": "还能问吗"})
    assert says(response.get_data(as_text=True), "This session has ended; it takes no more questions.")
    assert _questions() == []


def test_a_question_before_the_start_is_taken(room, counsellor, make_session, member, as_user):
    session = make_session(starts_in=timedelta(days=1))
    post_form(as_user(member), f"/counsel/sessions/{session.id}", {"body": "提前提问"})
    assert [q.body for q in _questions()] == ["提前提问"]


def test_only_the_host_answers(room, counsellor, minister, make_session, member, as_user):
    session = make_session()
    post_form(as_user(member), f"/counsel/sessions/{session.id}", {"body": "问题"})
    (question,) = _questions()
    for other in (minister, member):
        assert post_form(as_user(other), f"/counsel/questions/{question.id}/answer",
                         {"body": "答"}).status_code == 404
    assert _questions()[0].answer is None


def test_the_held_sessions_count_in_the_figures(room, counsellor, make_session):
    make_session(starts_in=timedelta(hours=-3), lasts=timedelta(hours=1))
    make_session()
    assert figures([room.id])["held"] == 1
