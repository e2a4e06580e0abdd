"""Members write to each other in conversations that only the participants can read."""
import pytest

from forum.boards.roles import grant
from forum.extensions import db
from tests.checks import says
from tests.conftest import fresh, login, post_form
from tests.factories import make_board, make_unit, make_user
from tests.messages.conftest import converse, stored


def unread_of(user):
    return fresh(user).unread_conversations


def test_a_member_starts_a_conversation_and_the_recipient_reads_it(client, alice, bob):
    login(client, alice)
    response = post_form(client, "/messages/new", {"to": "bob", "title": "支部学习", "body": "明天**学习**党章。"})
    assert response.status_code == 302
    assert stored() == (1, 1, 0)
    reader = login(client.application.test_client(), bob)
    inbox = reader.get("/messages").get_data(as_text=True)
    assert "支部学习" in inbox and "alice" in inbox
    page = reader.get(response.headers["Location"]).get_data(as_text=True)
    assert "<strong>学习</strong>" in page


def test_the_header_counts_unread_conversations_until_they_are_read(app, alice, bob):
    message = converse(alice, bob)
    converse(alice, bob, title="第二件事")
    assert unread_of(bob) == 2
    reader = login(app.test_client(), bob)
    assert 'class="count"' in reader.get("/").get_data(as_text=True)
    reader.get(f"/messages/{message.conversation_id}")
    assert unread_of(bob) == 1
    reader.get(f"/messages/{message.conversation_id}")
    assert unread_of(bob) == 1


def test_a_reply_reaches_every_other_member_and_not_the_sender(app, alice, bob):
    carol = make_user(username="carol")
    message = converse(alice, bob, carol)
    client = login(app.test_client(), bob)
    client.get(f"/messages/{message.conversation_id}")
    response = post_form(client, f"/messages/{message.conversation_id}", {"body": "收到，准时到。"})
    assert response.status_code == 302
    assert (unread_of(alice), unread_of(bob), unread_of(carol)) == (1, 0, 1)
    assert "收到，准时到。" in login(app.test_client(), carol).get(
        f"/messages/{message.conversation_id}").get_data(as_text=True)


def test_a_message_is_sanitised_like_a_post(app, alice, bob):
    message = converse(alice, bob, body='<script>alert(1)</script>[x](javascript:alert(1)) **ok**')
    page = login(app.test_client(), bob).get(f"/messages/{message.conversation_id}").get_data(as_text=True)
    assert "<script>alert" not in page and "javascript:" not in page
    assert "<strong>ok</strong>" in page


def world():
    """Everyone who is not in the conversation, one account per role."""
    unit = make_unit()
    board = make_board(unit=unit)
    moderator = make_user(username="moderator")
    grant(moderator, board, "moderator")
    return {
        "member": make_user(username="outsider"),
        "moderator": moderator,
        "unit_account": make_user(username="unitacct", unit_id=unit.id, is_unit_account=True),
        "system": make_user(username="system", admin_role="system"),
        "security": make_user(username="security", admin_role="security"),
        "audit": make_user(username="audit", admin_role="audit"),
    }


def test_nobody_outside_a_conversation_reads_or_writes_it_every_role_gets_404(app, alice, bob):
    message = converse(alice, bob, body="只给鲍勃看")
    cid = message.conversation_id
    for role, person in world().items():
        client = login(app.test_client(), person)
        assert client.get(f"/messages/{cid}").status_code == 404, role
        assert post_form(client, f"/messages/{cid}", {"body": "插话"}).status_code == 404, role
        assert post_form(client, f"/messages/m/{message.id}/report", {"reason": "看看"}).status_code == 404, role
        assert "只给鲍勃看" not in client.get("/messages").get_data(as_text=True), role
    assert stored() == (1, 1, 0)


def test_a_guest_is_sent_to_log_in_and_sees_nothing(client, alice, bob):
    message = converse(alice, bob, body="只给鲍勃看")
    response = client.get(f"/messages/{message.conversation_id}")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_a_conversation_that_does_not_exist_is_404_like_one_that_is_not_yours(member_client):
    assert member_client.get("/messages/999").status_code == 404


@pytest.mark.parametrize("to,message", [
    ("nobody", "There is no member named “%(name)s”."),
    ("member", "You cannot send a message to yourself."),
])
def test_a_message_to_a_wrong_recipient_is_refused_and_nothing_is_stored(member_client, to, message):
    response = post_form(member_client, "/messages/new", {"to": to, "title": "题", "body": "内容"})
    assert response.status_code == 200
    assert says(response.get_data(as_text=True), message, name=to)
    assert stored() == (0, 0, 0)


@pytest.mark.parametrize("form,message,params", [
    ({"to": "bob", "title": "题", "body": "  "}, "Write something first.", {}),
    ({"to": "bob", "title": "题", "body": "长" * 5001}, "A message has at most %(max)d characters.", {"max": 5000}),
    ({"to": "bob", "title": "题" * 81, "body": "内容"}, "A subject has at most %(max)d characters.", {"max": 80}),
    ({"to": "", "title": "题", "body": "内容"}, "Name at least one member to write to.", {}),
])
def test_bad_messages_are_refused_with_a_reason_and_nothing_is_stored(member_client, bob, form, message, params):
    response = post_form(member_client, "/messages/new", form)
    assert response.status_code == 200
    assert says(response.get_data(as_text=True), message, **params)
    assert stored() == (0, 0, 0)


def test_an_empty_reply_is_refused_and_nothing_is_stored(app, alice, bob):
    message = converse(alice, bob)
    client = login(app.test_client(), bob)
    response = post_form(client, f"/messages/{message.conversation_id}", {"body": ""}, follow_redirects=True)
    assert says(response.get_data(as_text=True), "Write something first.")
    assert stored() == (1, 1, 0)


def test_a_banned_member_cannot_send_messages(app, alice, bob):
    from forum.moderation.bans import ban_user

    ban_user(alice, make_user(admin_role="security"), "广告")
    response = post_form(login(app.test_client(), alice), "/messages/new",
                         {"to": "bob", "title": "题", "body": "内容"})
    assert response.status_code == 403  # the ban guard refuses every write
    assert stored() == (0, 0, 0)


def test_recipients_are_notified_without_the_message_text(app, alice, bob):
    from forum.models import Notification
    from forum.notifications.kinds import describe

    carol = make_user(username="carol")
    message = converse(alice, bob, carol, title="机密的主题", body="机密的正文")
    db.session.expire_all()
    notes = db.session.execute(db.select(Notification).order_by(Notification.user_id)).scalars().all()
    assert [(n.user_id, n.kind) for n in notes] == [(bob.id, "message"), (carol.id, "message")]
    with app.test_request_context():
        text = describe(notes[0])
    assert "alice" in text and "机密" not in text
    client = login(app.test_client(), bob)
    opened = client.get(f"/notifications/{notes[0].id}")
    assert opened.headers["Location"].endswith(f"/messages/{message.conversation_id}")


def test_a_profile_offers_to_write_to_its_member(app, alice, bob):
    client = login(app.test_client(), alice)
    assert "/messages/new?to=bob" in client.get("/u/bob").get_data(as_text=True)
    page = client.get("/messages/new?to=bob").get_data(as_text=True)
    assert 'value="bob"' in page


def test_the_conversation_page_costs_the_same_with_few_or_many_messages(app, alice, bob, count_queries):
    from forum.messages.services import send_message
    from tests.boards.test_query_counts import statements_for

    small, large = converse(alice, bob), converse(alice, bob, make_user(username="carol"))
    for n in range(15):
        send_message(large.conversation, alice if n % 2 else bob, f"第{n}条")
    reader = login(app.test_client(), bob)
    assert (statements_for(reader, count_queries, f"/messages/{small.conversation_id}")
            == statements_for(reader, count_queries, f"/messages/{large.conversation_id}"))
