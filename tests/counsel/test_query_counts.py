"""The statements each page of the room costs, whatever the number of talks, cards,
sessions, questions and messages (the budgets of tests/boards)."""
from datetime import timedelta

import pytest

from tests.boards.test_query_counts import statements_for
from tests.conftest import post_form
from tests.counsel.conftest import make_counsellor
from tests.counsel.helpers import open_talk, talk_id_of
from tests.factories import make_user

COUNTS = [2, 12]


def _fill(room, as_user, count):
    """count counsellors with cards and count talks; returns the last talk's id."""
    for n in range(count):
        make_counsellor(room, f"tanxin{n}", f"老师{n}")
        talk_id = talk_id_of(open_talk(as_user(make_user(username=f"ganbu{n}")), room,
                                       pseudonym=f"网名{n}"))
    return talk_id


@pytest.mark.parametrize("count", COUNTS)
def test_the_board_page_takes_at_most_12_statements(app, room, counsellor, make_session, as_user,
                                                    count_queries, count):
    _fill(room, as_user, count)
    for n in range(count):
        make_session(title=f"做客{n}", starts_in=timedelta(days=n - 5))
    for reader in (app.test_client(), as_user(counsellor)):
        assert statements_for(reader, count_queries, "/b/counsel") <= 12


@pytest.mark.parametrize("count", COUNTS)
def test_the_queue_and_a_talk_take_at_most_12_statements(room, counsellor, as_user, count_queries,
                                                         count):
    talk_id = _fill(room, as_user, count)
    staff = as_user(counsellor)
    for n in range(count):
        post_form(staff, f"/counsel/talks/{talk_id}/messages", {"body": f"回复{n}"})
    assert statements_for(staff, count_queries, "/counsel/counsel/queue") <= 12
    assert statements_for(staff, count_queries, f"/counsel/talks/{talk_id}") <= 12


@pytest.mark.parametrize("count", COUNTS)
def test_a_session_page_takes_at_most_10_statements(app, room, counsellor, make_session, as_user,
                                                    count_queries, count):
    session = make_session()
    for n in range(count):
        post_form(as_user(make_user(username=f"asker{n}")), f"/counsel/sessions/{session.id}",
                  {"body": f"问题{n}"})
    for reader in (app.test_client(), as_user(counsellor)):
        assert statements_for(reader, count_queries, f"/counsel/sessions/{session.id}") <= 10
