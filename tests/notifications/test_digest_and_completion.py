"""Email digests of unread notifications, and @mention completion in the editor."""
from forum.boards.services import reply
from forum.extensions import db
from forum.mail import outbox
from forum.notifications.digest import send_digests
from tests.checks import says
from tests.conftest import login, post_form
from tests.factories import make_thread, make_user


def mails():
    folder = outbox()
    return sorted(folder.glob("*.eml")) if folder.exists() else []


def clear_outbox():
    for mail in mails():
        mail.unlink()


def test_a_digest_mails_unread_notifications_once(client):
    clear_outbox()
    author = make_user(email="author@example.cn")
    thread = make_thread(author=author, title="村级活动场所建设")
    login(client, author)
    assert post_form(client, "/notifications/digest", {"digest": "1"}).status_code == 302
    reply(thread, make_user(), "进展顺利")
    assert send_digests() == 1
    (mail,) = mails()
    text = mail.read_text(encoding="utf-8")
    assert "author@example.cn" in text and "/notifications/" in text
    assert send_digests() == 0  # nothing new since
    clear_outbox()


def test_no_digest_for_those_who_did_not_ask_or_read_everything(client):
    clear_outbox()
    author = make_user(email="a@example.cn")
    thread = make_thread(author=author)
    reply(thread, make_user(), "回复")
    assert send_digests() == 0 and mails() == []


def test_a_digest_without_an_email_address_is_refused_with_a_reason(client):
    member = make_user()
    login(client, member)
    response = post_form(client, "/notifications/digest", {"digest": "1"}, follow_redirects=True)
    assert says(response.get_data(as_text=True), "Add an email address on your account page first.")
    db.session.refresh(member)
    assert member.wants_digest is False


def test_completion_offers_usernames_by_prefix_shortest_first(client):
    for name in ["zhangsan", "zhang", "zhangwei", "lisi"]:
        make_user(username=name)
    login(client, make_user(username="writer"))
    names = [p["username"] for p in client.get("/mentions?q=Zhang").get_json()]
    assert names == ["zhang", "zhangsan", "zhangwei"]


def test_completion_treats_wildcards_as_letters_and_ignores_short_or_odd_input(client):
    make_user(username="a_b")
    make_user(username="axb")
    login(client, make_user(username="writer"))
    assert [p["username"] for p in client.get("/mentions?q=a_").get_json()] == ["a_b"]
    assert client.get("/mentions?q=a").get_json() == []
    assert client.get("/mentions?q=%25%25").get_json() == []
    assert client.get("/mentions?q=" + "x" * 500).get_json() == []


def test_completion_never_offers_deleted_accounts(client):
    gone = make_user(username="wangwu")
    gone.deleted_at = gone.created_at
    db.session.commit()
    login(client, make_user(username="writer"))
    assert client.get("/mentions?q=wang").get_json() == []
