"""Private feedback on a disclosure (issue 14): sent during the 公示期 by a guest or a
member, read and answered only by the issuing unit and its handlers, followed by code."""
from datetime import timedelta

import pytest

from forum import captcha
from forum.boards.roles import grant
from forum.disclosure import period
from forum.disclosure.models import DisclosureState
from forum.extensions import db
from forum.seal import unseal
from forum.models import ModAction, Notification, SecurityEvent, User
from tests.checks import says
from tests.conftest import login, post_form
from tests.disclosure.feedback_fixtures import (make_disclosure, make_disclosure_board,
                                                make_feedback_handler, make_unit_account,
                                                organisation_unit)
from tests.disclosure.helpers import CAPTCHA_TEXT, code_of, counts, send, stored
from tests.factories import make_unit, make_user


@pytest.fixture(autouse=True)
def known_captcha(monkeypatch):
    monkeypatch.setattr(captcha, "text_for", lambda challenge_id: CAPTCHA_TEXT)


@pytest.fixture()
def disclosure():
    return make_disclosure()


@pytest.fixture()
def issuer(disclosure):
    """The unit account that published the disclosure."""
    return db.session.get(User, disclosure.thread.author_id)


def _move_clock(monkeypatch, day):
    monkeypatch.setattr(period, "today", lambda: day)


# Sending

def test_a_guest_sends_anonymous_feedback_and_gets_a_code_shown_once(client, disclosure):
    page = send(client, disclosure, anonymous="y")
    code = code_of(page)
    [feedback] = stored()
    assert feedback.writer_sealed is None and feedback.name_sealed is None
    assert feedback.phone_sealed is None and feedback.body == "张三同志群众基础好。"
    assert counts(disclosure) == (1, 0)
    again = client.get("/disclosures/feedback/sent")
    assert again.status_code == 302 and code not in again.get_data(as_text=True)


def test_a_member_sends_named_feedback_with_the_link_name_and_phone_sealed(client, disclosure):
    member = make_user(username="named_member")
    login(client, member)
    code_of(send(client, disclosure, guest=False, name="王五", phone="13912345678"))
    [feedback] = stored()
    assert unseal(feedback.writer_sealed) == str(member.id)
    assert unseal(feedback.name_sealed) == "王五" and unseal(feedback.phone_sealed) == "13912345678"
    assert "王五" not in feedback.name_sealed and "1391234" not in feedback.phone_sealed


def test_a_member_sending_anonymously_leaves_no_link(client, disclosure):
    login(client, make_user())
    code_of(send(client, disclosure, guest=False, anonymous="y", name="王五", phone="13912345678"))
    [feedback] = stored()
    assert (feedback.writer_sealed, feedback.name_sealed, feedback.phone_sealed) == (None, None, None)


def test_the_issuer_and_its_handlers_are_notified_with_the_title_only(client, disclosure, issuer):
    handler = make_feedback_handler(disclosure.thread.board, disclosure.unit)
    stranger = make_feedback_handler(disclosure.thread.board, make_unit())
    send(client, disclosure, body="只有经办人能看的意见", anonymous="y")
    rows = db.session.execute(db.select(Notification)).scalars().all()
    assert {row.user_id for row in rows} == {issuer.id, handler.id}
    assert stranger.id not in {row.user_id for row in rows}
    assert all(row.actor_id is None and row.data == {"title": "干部任前公示"} for row in rows)
    login(client, issuer)
    page = client.get("/notifications").get_data(as_text=True)
    assert "干部任前公示" in page and "只有经办人能看的意见" not in page


@pytest.mark.parametrize("fields,field_message", [
    ({"body": ""}, "Write your feedback first."),
    ({"body": "意" * 2001}, "Feedback has at most 2,000 characters."),
    ({"phone": "139-1234-5678", "name": "王五"}, "Enter a phone number of digits only."),
    ({"name": ""}, "Give your name (at most %(max)d characters), or send anonymously."),
])
def test_bad_feedback_is_refused_with_a_message_and_nothing_is_stored(client, disclosure, fields,
                                                                     field_message):
    page = send(client, disclosure, **fields).get_data(as_text=True)
    assert says(page, field_message, max=20)
    assert stored() == [] and counts(disclosure) == (0, 0)


def test_a_wrong_captcha_is_refused_and_nothing_is_stored(client, disclosure):
    page = send(client, disclosure, anonymous="y", captcha="WRONG").get_data(as_text=True)
    assert says(page, "The characters do not match the picture; try the new one.")
    assert stored() == []


@pytest.mark.parametrize("when,message", [
    ("after", "The public notice period ended on %(day)s; feedback is closed."),
    ("before", "The public notice period starts on %(day)s; feedback opens then."),
])
def test_feedback_outside_the_period_is_refused_and_the_form_is_closed(
        client, disclosure, monkeypatch, when, message):
    day = disclosure.ends_on + timedelta(days=1) if when == "after" else disclosure.starts_on - timedelta(days=1)
    _move_clock(monkeypatch, day)
    login(client, make_user())
    path = f"/disclosures/{disclosure.id}/feedback"
    page = client.get(path).get_data(as_text=True)
    assert 'name="body"' not in page
    shown = disclosure.ends_on if when == "after" else disclosure.starts_on
    assert says(page, message, day=shown.isoformat())
    response = post_form(client, path, {"body": "迟到的意见", "anonymous": "y"}, follow_redirects=True)
    assert says(response.get_data(as_text=True), message, day=shown.isoformat())
    assert stored() == [] and counts(disclosure) == (0, 0)


@pytest.mark.parametrize("state,message", [
    (DisclosureState.WITHDRAWN, "This disclosure was withdrawn; it takes no feedback."),
    (DisclosureState.CLOSED, "This disclosure is closed; it takes no feedback."),
])
def test_feedback_on_a_withdrawn_or_closed_disclosure_is_refused(client, state, message):
    disclosure = make_disclosure(state=state)
    login(client, make_user())
    path = f"/disclosures/{disclosure.id}/feedback"
    response = post_form(client, path, {"body": "意见", "anonymous": "y"}, follow_redirects=True)
    assert says(response.get_data(as_text=True), message)
    assert stored() == []


def test_the_form_of_a_hidden_disclosure_is_not_found(client, disclosure):
    disclosure.thread.status = "hidden"
    db.session.commit()
    assert client.get(f"/disclosures/{disclosure.id}/feedback").status_code == 404
    assert client.get("/disclosures/999/feedback").status_code == 404


def test_the_last_day_of_the_period_still_takes_feedback(client, disclosure, monkeypatch):
    _move_clock(monkeypatch, disclosure.ends_on)
    code_of(send(client, disclosure, anonymous="y"))
    assert counts(disclosure) == (1, 0)


# Reading and answering

def _readers(disclosure):
    board = disclosure.thread.board
    return {"unit_account": make_unit_account(disclosure.unit),
            "handler": make_feedback_handler(board, disclosure.unit)}


def _outsiders(disclosure):
    board, other = disclosure.thread.board, make_unit()
    moderator = make_user(is_verified=True)
    grant(moderator, board, "moderator")
    own_unit_member = make_user(unit_id=disclosure.unit_id)
    handler_elsewhere = make_user(unit_id=disclosure.unit_id)
    grant(handler_elsewhere, make_disclosure_board(slug="elsewhere"), "handler")
    return {"member": make_user(), "own_unit_member": own_unit_member,
            "other_unit_account": make_unit_account(other),
            "other_unit_handler": make_feedback_handler(board, other),
            "handler_of_another_board": handler_elsewhere, "moderator": moderator,
            "system": make_user(admin_role="system"), "security": make_user(admin_role="security"),
            "audit": make_user(admin_role="audit")}


def test_the_issuer_and_its_handlers_read_the_feedback_and_each_read_is_logged(app, disclosure):
    send(app.test_client(), disclosure, body="意见甲乙丙", name="王五", phone="13912345678")
    for role, user in _readers(disclosure).items():
        client = login(app.test_client(), user)
        page = client.get(f"/disclosures/{disclosure.id}/feedback/list")
        text = page.get_data(as_text=True)
        assert page.status_code == 200 and "意见甲乙丙" in text, role
        assert "王五" in text and "13912345678" in text, role
        assert page.headers["Cache-Control"] == "no-store"
    events = db.session.execute(db.select(SecurityEvent).where(
        SecurityEvent.kind == "disclosure_feedback_read")).scalars().all()
    assert [e.detail for e in events] == [f"disclosure {disclosure.id}"] * 2
    assert all("意见" not in e.detail and "王五" not in e.detail for e in events)


def test_everyone_else_gets_not_found_on_the_list_and_the_answer(app, disclosure):
    send(app.test_client(), disclosure, anonymous="y")
    [feedback] = stored()
    for role, user in _outsiders(disclosure).items():
        client = login(app.test_client(), user)
        assert client.get(f"/disclosures/{disclosure.id}/feedback/list").status_code == 404, role
        answer = post_form(client, f"/disclosures/feedback/{feedback.id}/answer", {"body": "答复"})
        assert answer.status_code == 404, role
    assert stored()[0].answer is None and counts(disclosure) == (1, 0)


def test_a_guest_is_sent_to_log_in(client, disclosure):
    assert client.get(f"/disclosures/{disclosure.id}/feedback/list").status_code == 302


def test_the_issuer_answers_and_the_count_goes_up_once(client, disclosure, issuer):
    send(client, disclosure, anonymous="y")
    [feedback] = stored()
    login(client, issuer)
    path = f"/disclosures/feedback/{feedback.id}/answer"
    response = post_form(client, path, {"body": "经核查，反映情况不影响任用。"}, follow_redirects=True)
    assert says(response.get_data(as_text=True), "The answer was sent.")
    post_form(client, path, {"body": "更正：经核查，不影响任用。"})
    assert stored()[0].answer == "更正：经核查，不影响任用。"
    assert counts(disclosure) == (1, 1)
    actions = db.session.execute(db.select(ModAction).where(
        ModAction.action == "disclosure_feedback_answer")).scalars().all()
    assert [(a.actor_id, a.target_id, a.reason) for a in actions] == [(issuer.id, feedback.id, "")] * 2


def test_an_empty_answer_is_refused_and_nothing_changes(client, disclosure, issuer):
    send(client, disclosure, anonymous="y")
    [feedback] = stored()
    login(client, issuer)
    response = post_form(client, f"/disclosures/feedback/{feedback.id}/answer", {"body": " "},
                         follow_redirects=True)
    assert says(response.get_data(as_text=True), "Write the answer first.")
    assert stored()[0].answer is None and counts(disclosure) == (1, 0)


# Following with the code

def test_the_writer_reads_the_answer_with_the_code(app, disclosure, issuer):
    guest = app.test_client()
    code = code_of(send(guest, disclosure, body="意见甲乙丙", anonymous="y"))
    feedback = stored()[0]
    staff = login(app.test_client(), issuer)
    post_form(staff, f"/disclosures/feedback/{feedback.id}/answer", {"body": "答复丁戊己"})
    page = post_form(guest, "/disclosures/track", {"code": code.lower().replace("-", " ")})
    text = page.get_data(as_text=True)
    assert "意见甲乙丙" in text and "答复丁戊己" in text
    assert page.headers["Cache-Control"] == "no-store"


def test_a_wrong_code_gets_one_message_and_guesses_are_limited(client, disclosure):
    for n in range(10):
        page = post_form(client, "/disclosures/track", {"code": "AAAA-BBBB-CCCC-DDDD-EEEE" + "ABCDEFGHIJ"[n]})
        assert says(page.get_data(as_text=True), "No feedback answers to this code. Check it and try again.")
    code = code_of(send(client, disclosure, anonymous="y"))
    page = post_form(client, "/disclosures/track", {"code": code}).get_data(as_text=True)
    assert says(page, "Too many wrong codes. Please try again in an hour.")
    assert "张三同志群众基础好。" not in page


def test_an_expired_code_opens_nothing(client, disclosure):
    code = code_of(send(client, disclosure, anonymous="y"))
    feedback = stored()[0]
    feedback.code_expires_at = feedback.created_at - timedelta(days=1)
    db.session.commit()
    page = post_form(client, "/disclosures/track", {"code": code}).get_data(as_text=True)
    assert says(page, "No feedback answers to this code. Check it and try again.")


def test_the_fixture_board_belongs_to_the_organisation_department(disclosure):
    assert disclosure.unit_id == organisation_unit().id and disclosure.thread.board.type == "disclosure"
