"""A reported message, and only it, becomes readable to the security admin, with the reason."""
from forum.extensions import db
from forum.messages.services import send_message
from forum.models import SecurityEvent
from tests.checks import log, says
from tests.conftest import login, post_form
from tests.factories import make_user
from tests.messages.conftest import converse, stored


def report(client, message, reason="辱骂他人"):
    return post_form(client, f"/messages/m/{message.id}/report", {"reason": reason})


def test_a_reported_message_shows_in_the_security_queue_with_the_reason_and_nothing_else(app, alice, bob):
    first = converse(alice, bob, body="私下的话")
    bad = send_message(first.conversation, alice, "骂人的话")
    assert report(login(app.test_client(), bob), bad).status_code == 302
    security = login(app.test_client(), make_user(admin_role="security"))
    page = security.get("/admin/message-reports").get_data(as_text=True)
    assert "骂人的话" in page and "辱骂他人" in page
    assert "私下的话" not in page
    assert security.get(f"/messages/{first.conversation_id}").status_code == 404
    db.session.expire_all()
    read = db.session.execute(db.select(SecurityEvent).where(
        SecurityEvent.kind == "message_reports_read")).scalars().all()
    assert len(read) == 1


def test_only_the_security_admin_opens_the_queue(app, alice, bob):
    message = converse(alice, bob, body="骂人的话")
    report(login(app.test_client(), bob), message)
    for role in ("system", "audit"):
        assert login(app.test_client(), make_user(admin_role=role)).get(
            "/admin/message-reports").status_code == 403
    assert login(app.test_client(), alice).get("/admin/message-reports").status_code == 403


def test_the_security_admin_resolves_a_report_once_and_it_is_logged(app, alice, bob):
    message = converse(alice, bob, body="骂人的话")
    report(login(app.test_client(), bob), message)
    security = login(app.test_client(), make_user(admin_role="security"))
    report_id = db.session.execute(db.text("SELECT id FROM message_report")).scalar_one()
    assert post_form(security, f"/admin/message-reports/{report_id}/resolve", {"note": "已警告"}).status_code == 302
    again = post_form(security, f"/admin/message-reports/{report_id}/dismiss", {}, follow_redirects=True)
    assert says(again.get_data(as_text=True), "This report has already been closed.")
    assert [(row.action, row.target_id, row.reason) for row in log()] == [
        ("message_report_resolved", message.id, "已警告")]
    assert "骂人的话" not in security.get("/admin/message-reports").get_data(as_text=True)


def test_nobody_reports_their_own_message_or_the_same_one_twice(app, alice, bob):
    message = converse(alice, bob)
    own = report(login(app.test_client(), alice), message, "自己")
    assert own.status_code == 302
    client = login(app.test_client(), bob)
    report(client, message)
    twice = report(client, message)
    assert says(client.get(twice.headers["Location"]).get_data(as_text=True),
                "You have already reported this message; the security administrator will look at it.")
    assert stored() == (1, 1, 1)


def test_a_report_without_a_reason_is_refused(app, alice, bob):
    message = converse(alice, bob)
    report(login(app.test_client(), bob), message, reason="")
    assert stored() == (1, 1, 0)
