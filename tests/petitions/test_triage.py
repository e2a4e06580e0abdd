"""Moderators triage: the 问政 queue on /mod/, oldest first; transfer, merge, decline;
making an ordinary thread a petition."""
import re
import time

from forum import fragments
from forum.boards.roles import grant
from forum.extensions import db
from forum.models import LetterState, Notification, Role
from forum.petitions.models import DeclineReason
from tests.checks import says
from tests.conftest import post_form
from tests.factories import make_thread, make_unit, make_user
from tests.petitions.conftest import as_user, reread, step
from tests.petitions.helpers import petition_in


def test_the_queue_shows_the_boards_pending_petitions_oldest_first(app, today, township_board,
                                                                   moderator, petitioner):
    petition_in(township_board, petitioner, title="第一个诉求")
    petition_in(township_board, petitioner, title="第二个诉求")
    page = as_user(app, moderator).get("/mod/").get_data(as_text=True)
    assert page.index("第一个诉求") < page.index("第二个诉求")


def test_a_merged_petition_points_to_the_one_on_the_same_matter(app, today, township_board,
                                                                moderator, petitioner):
    first = petition_in(township_board, petitioner, title="出租车收费")
    second = petition_in(township_board, petitioner, title="出租车不打表")
    client = as_user(app, moderator)
    step(client, second, "merge", thread=first.thread_id)
    second = reread(second)
    assert (second.state, second.decline_reason, second.merged_into_id) == (
        LetterState.REFUSED, "duplicate", first.id)
    page = client.get(f"/t/{second.thread_id}").get_data(as_text=True)
    assert f"/t/{first.thread_id}" in page


def test_merging_into_no_petition_is_refused(app, today, township_board, moderator, petitioner):
    petition = petition_in(township_board, petitioner)
    client = as_user(app, moderator)
    page = client.get(step(client, petition, "merge", thread=petition.thread_id).location).get_data(as_text=True)
    assert says(page, "Give the thread number of another petition to merge into.")
    assert reread(petition).state == LetterState.PENDING


def test_a_declined_petition_shows_its_public_reason_and_its_petitioner_is_told(
        app, today, township_board, moderator, petitioner):
    petition = petition_in(township_board, petitioner)
    client = as_user(app, moderator)
    step(client, petition, "decline", reason="outside_remit", note="请向市交通局反映")
    assert reread(petition).state == LetterState.REFUSED
    page = as_user(app, petitioner).get(f"/t/{petition.thread_id}").get_data(as_text=True)
    assert "请向市交通局反映" in page and str(DeclineReason.OUTSIDE_REMIT.label) in page
    assert db.session.execute(db.select(Notification).where(
        Notification.user_id == petitioner.id, Notification.kind == "petition_state")).scalar()


def test_a_moderator_makes_an_ordinary_thread_a_petition(app, today, township_board, moderator,
                                                         petitioner, transport):
    thread = make_thread(board=township_board, author=petitioner, title="路灯坏了没人修")
    client = as_user(app, moderator)
    assert "petition-make" in client.get(f"/t/{thread.id}").get_data(as_text=True)
    post_form(client, f"/t/{thread.id}/petition", {"step-kind": "help", "step-unit": str(transport.id)})
    page = client.get(f"/t/{thread.id}").get_data(as_text=True)
    assert "petition-card" in page
    again = post_form(client, f"/t/{thread.id}/petition", {"step-kind": "help", "step-unit": ""})
    assert says(client.get(again.location).get_data(as_text=True), "This thread is a petition already.")


def test_the_kept_make_form_gives_each_moderator_their_own_token_and_todays_units(
        caching_app, monkeypatch, today, township_board, moderator, petitioner, transport):
    """The form is kept per thread for its moderators: the token and the units are
    filled in for each reader, so a unit added since is offered and either token works."""
    other = make_user(username="banzhu2", is_verified=True)
    grant(other, township_board, Role.MODERATOR, None)
    thread = make_thread(board=township_board, author=petitioner, title="路灯坏了没人修")
    token = r'action="/t/\d+/petition">\s*<input id="step-csrf_token" name="step-csrf_token" type="hidden" value="([^"]+)"'
    first = as_user(caching_app, moderator).get(f"/t/{thread.id}").get_data(as_text=True)
    later = time.monotonic() + 3600  # the units' few seconds are over; the form is still kept
    monkeypatch.setattr(fragments.time, "monotonic", lambda: later)
    make_unit(name="县水务局", kind="政府部门", slug="shuiwuju")
    client = as_user(caching_app, other)
    second = client.get(f"/t/{thread.id}").get_data(as_text=True)
    assert "县水务局" not in first and "县交通局" in first
    assert "县水务局" in second and "hole:" not in second and "csrf-token" not in second
    first_token, second_token = re.search(token, first)[1], re.search(token, second)[1]
    assert first_token != second_token
    answer = client.post(f"/t/{thread.id}/petition", data={
        "step-csrf_token": second_token, "step-kind": "help", "step-unit": str(transport.id)})
    assert answer.status_code == 302
    assert "petition-card" in client.get(f"/t/{thread.id}").get_data(as_text=True)


def test_a_moderator_of_another_board_may_not_triage(app, today, township_board, petitioner, transport):
    petition = petition_in(township_board, petitioner)
    other = make_user(username="elsewhere", is_verified=True)
    assert step(as_user(app, other), petition, "transfer", unit=transport.id).status_code == 403
    assert reread(petition).state == LetterState.PENDING
