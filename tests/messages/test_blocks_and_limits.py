"""Blocks stop messages with a clear reason; new accounts write to few people a day."""
from datetime import timedelta

from forum.extensions import db
from forum.models.base import utcnow
from forum.settings import put_setting
from tests.checks import says
from tests.conftest import login, post_form
from tests.factories import make_user
from tests.messages.conftest import converse, stored


def block(client, username):
    return post_form(client, "/messages/blocks", {"username": username})


def test_a_message_to_someone_who_blocked_you_is_refused_and_nothing_is_stored(app, alice, bob):
    assert block(login(app.test_client(), bob), "alice").status_code == 302
    response = post_form(login(app.test_client(), alice), "/messages/new",
                         {"to": "bob", "title": "题", "body": "你好"})
    assert response.status_code == 200
    assert says(response.get_data(as_text=True), "%(name)s does not accept messages from you.", name="bob")
    assert stored() == (0, 0, 0)


def test_a_reply_in_a_conversation_after_a_block_is_refused(app, alice, bob):
    message = converse(alice, bob)
    block(login(app.test_client(), bob), "alice")
    response = post_form(login(app.test_client(), alice), f"/messages/{message.conversation_id}",
                         {"body": "还在吗"}, follow_redirects=True)
    assert says(response.get_data(as_text=True), "%(name)s does not accept messages from you.", name="bob")
    assert stored() == (1, 1, 0)


def test_unblocking_lets_messages_through_again(app, alice, bob):
    client = login(app.test_client(), bob)
    block(client, "alice")
    page = client.get("/messages/blocks").get_data(as_text=True)
    assert "alice" in page
    assert post_form(client, f"/messages/blocks/{alice.id}/remove", {}).status_code == 302
    converse(alice, bob)
    assert stored() == (1, 1, 0)


def test_blocking_someone_who_does_not_exist_says_so(member_client):
    response = block(member_client, "nobody")
    assert says(response.get_data(as_text=True), "There is no member named “%(name)s”.", name="nobody")


def test_blocking_is_private_to_the_one_who_blocks(app, alice, bob):
    block(login(app.test_client(), bob), "alice")
    page = login(app.test_client(), alice).get("/messages/blocks").get_data(as_text=True)
    assert says(page, "You have not blocked anyone.") and "/u/bob" not in page


def people(n):
    return [make_user(username=f"p{i}") for i in range(n)]


def test_a_new_account_writes_to_at_most_the_set_number_of_people_a_day(app, alice):
    put_setting("message_new_account_people_per_day", 2)
    db.session.commit()
    first, second, third = people(3)
    converse(alice, first)
    converse(alice, first, second)  # the same person twice counts once
    response = post_form(login(app.test_client(), alice), "/messages/new",
                         {"to": third.username, "title": "题", "body": "你好"})
    assert says(response.get_data(as_text=True), "New accounts may write to at most %(n)d people a day. "
                "Please try again tomorrow, or take part in the forum first.", n=2)
    assert stored() == (2, 2, 0)


def test_a_new_account_may_still_reply_in_its_conversations_after_the_limit(app, alice, bob):
    put_setting("message_new_account_people_per_day", 1)
    db.session.commit()
    message = converse(alice, bob)
    response = post_form(login(app.test_client(), alice), f"/messages/{message.conversation_id}",
                         {"body": "补充一句"})
    assert response.status_code == 302
    assert stored() == (1, 2, 0)


def test_an_established_account_is_not_limited(app, alice):
    put_setting("message_new_account_people_per_day", 1)
    db.session.commit()
    alice.created_at = utcnow() - timedelta(days=30)
    alice.post_count = 50
    db.session.commit()
    for person in people(3):
        converse(alice, person)
    assert stored() == (3, 3, 0)


def test_yesterdays_conversations_do_not_count_towards_todays_limit(app, alice):
    put_setting("message_new_account_people_per_day", 1)
    db.session.commit()
    first, second = people(2)
    message = converse(alice, first)
    message.conversation.created_at = utcnow() - timedelta(days=1, minutes=1)
    db.session.commit()
    converse(alice, second)
    assert stored() == (2, 2, 0)
