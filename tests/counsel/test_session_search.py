"""A finished hosted session is a public Q&A that /search finds; its unanswered questions,
and a session still running, are found by no one."""
from datetime import timedelta

from forum.counsel.sessions import answer_question, ask_question
from forum.extensions import db
from forum.models.base import utcnow
from tests.factories import make_user


def test_search_finds_a_finished_sessions_answers_but_never_an_unanswered_question(
        client, make_session):
    session = make_session()
    asker = make_user()
    answered = ask_question(session, asker, "怎样缓解加班带来的焦虑？")
    ask_question(session, asker, "没有回答的私密问题：家里的事")
    answer_question(answered, "每天留出半小时散步。")
    session.ends_at = utcnow() - timedelta(minutes=1)  # the session is over
    db.session.commit()
    page = client.get("/search?q=焦虑").get_data(as_text=True)
    assert "怎样缓解加班带来的焦虑" in page and "每天留出半小时散步" in page
    assert f"/counsel/sessions/{session.id}#question-{answered.id}" in page
    assert "家里的事" not in client.get("/search?q=私密问题").get_data(as_text=True)
    assert "散步" in client.get("/search?q=散步").get_data(as_text=True)


def test_a_session_still_running_is_not_searched_yet(client, make_session):
    session = make_session()  # started an hour ago, ends in an hour
    question = ask_question(session, make_user(), "基层工作压力大怎么办？")
    answer_question(question, "找人谈谈。")
    assert "基层工作压力大" not in client.get("/search?q=压力").get_data(as_text=True)


def test_percent_and_underscore_in_a_query_match_themselves_not_any_text(client, make_session):
    session = make_session()
    question = ask_question(session, make_user(), "完成率能到100%吗？")
    answer_question(question, "按季度看，snake_case 的表格里有。")
    session.ends_at = utcnow() - timedelta(minutes=1)
    db.session.commit()
    for found in ("100%", "snake_case", "E_C"):
        assert "完成率能到100%吗" in client.get(f"/search?q={found}").get_data(as_text=True), found
    for wildcard in ("率%吗", "率_到", "snak_", "完成%"):
        page = client.get("/search", query_string={"q": wildcard}).get_data(as_text=True)
        assert "完成率能到100%吗" not in page, wildcard
