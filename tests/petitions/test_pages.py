"""Where petitions show: the new-thread form's fields, the board list's state badges, the
unit account's header count, the manage page's settings; and the query budgets."""
from datetime import date

from flask_babel import gettext

from forum.boards.roles import grant
from forum.models import Role
from tests.checks import says
from tests.conftest import post_form
from tests.factories import make_board, make_user
from tests.petitions.conftest import as_user, post_petition, reread
from tests.petitions.helpers import answered, petition_in, transferred


def test_the_new_thread_form_offers_the_petition_fields_only_where_petitions_are_taken(
        app, today, township_board, petitioner):
    client = as_user(app, petitioner)
    assert 'name="petition-wanted"' in client.get(f"/b/{township_board.slug}/new").get_data(as_text=True)
    papers = make_board(slug="papers")
    assert 'name="petition-wanted"' not in client.get(f"/b/{papers.slug}/new").get_data(as_text=True)


def test_a_thread_posted_without_the_box_ticked_is_no_petition(app, today, township_board, petitioner):
    client = as_user(app, petitioner)
    post_form(client, f"/b/{township_board.slug}/new", {"title": "闲聊", "body": "大家好",
                                                         "petition-kind": "help"})
    page = client.get(f"/b/{township_board.slug}").get_data(as_text=True)
    assert "闲聊" in page and "petition-state" not in page


def test_the_board_list_shows_each_petitions_state_unit_and_days(
        app, today, township_board, moderator, petitioner, transport, transport_account):
    transferred(petition_in(township_board, petitioner, title="转交的诉求"), moderator, transport)
    petition_in(township_board, petitioner, title="待受理的诉求")
    today.set(date(2024, 6, 5))
    page = app.test_client().get(f"/b/{township_board.slug}").get_data(as_text=True)
    assert says(page, "%(label)s · %(n)d working days",
                label=gettext("%(state)s: %(unit)s", state=gettext("Transferred"), unit="县交通局"), n=2)
    assert "state-pending" in page and "state-transferred" in page


def test_a_unit_account_sees_its_waiting_count_in_the_header(app, today, township_board, moderator,
                                                             petitioner, transport, transport_account):
    petition = transferred(petition_in(township_board, petitioner), moderator, transport)
    client = as_user(app, transport_account)
    assert '<span class="count"' in client.get("/").get_data(as_text=True)
    answered(petition, transport_account)
    assert 'petitions-link' in client.get("/").get_data(as_text=True)
    assert '<span class="count"' not in client.get("/").get_data(as_text=True).split("petitions-link")[1][:200]


def test_a_boards_manager_turns_petitions_off_and_sets_the_days(app, today, township_board, township,
                                                                petitioner):
    manager = make_user(username="zhenguanli", is_verified=True)
    grant(manager, township_board, Role.MANAGER, None)
    client = as_user(app, manager)
    page = client.get(f"/b/{township_board.slug}/manage").get_data(as_text=True)
    assert 'name="petition_answer_days"' in page
    bad = post_form(client, f"/b/{township_board.slug}/manage", {
        "description": "", "petition_accept_days": "0", "petition_answer_days": "10"})
    assert says(bad.get_data(as_text=True), "Give a number of working days from 1 to %(most)d.", most=60)
    post_form(client, f"/b/{township_board.slug}/manage", {
        "description": "", "no_petitions": "y", "petition_accept_days": "3", "petition_answer_days": "15"})
    assert reread(township_board).settings["no_petitions"] is True
    assert says(post_petition(as_user(app, petitioner), township_board).get_data(as_text=True),
                "This board does not take petitions.")


def test_the_pages_keep_their_query_budgets(app, today, township_board, moderator, petitioner,
                                            transport, transport_account, count_queries):
    petitions = [transferred(petition_in(township_board, petitioner, title=f"诉求{n}"), moderator, transport)
                 for n in range(5)]
    petition_in(township_board, petitioner, title="待受理")
    answered(petitions[0], transport_account)
    # A petition's thread: one statement reads the page's posts' versions, under which
    # moderators share it; one asks whether the thread is a petition before loading it
    # with its units and reply (most threads are not, and are spared the joins).
    pages = [(None, f"/b/{township_board.slug}", 10), (None, f"/t/{petitions[0].thread_id}", 9),
             (moderator, f"/t/{petitions[1].thread_id}", 14), (moderator, "/mod/", 10),
             (transport_account, "/mod/", 15), (transport_account, f"/t/{petitions[1].thread_id}", 14),
             (petitioner, f"/b/{township_board.slug}/new", 6)]
    for user, path, budget in pages:
        client = as_user(app, user) if user else app.test_client()
        with count_queries() as queries:
            assert client.get(path).status_code == 200
        assert len(queries) <= budget, (path, len(queries), queries.statements)
