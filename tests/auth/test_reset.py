"""Password resets: a mailed link (host from configuration) or the security admin's code."""
import re
from pathlib import Path

from forum.extensions import db
from forum.models import PasswordReset, SecurityEvent, User
from tests.conftest import csrf_token, login, post_form
from tests.factories import PASSWORD, make_user

NEW = "Xin-Mima_2026"


def mails(app):
    folder = Path(app.config["INSTANCE_PATH"]) / "mail"
    return sorted(folder.glob("*.eml")) if folder.exists() else []


def clear_mail(app):
    for path in mails(app):
        path.unlink()


def reset_link(app):
    import email
    from email import policy

    message = email.message_from_bytes(mails(app)[-1].read_bytes(), policy=policy.default)
    body = message.get_body(preferencelist=("plain",)).get_content()
    return re.search(r"https?://\S+/password/reset/\S+", body).group(0)


def test_a_reset_link_is_mailed_with_the_configured_host_not_the_request_host(app, client):
    clear_mail(app)
    make_user(username="alice", email="alice@example.com")
    post_form(client, "/password/forgot", {"identifier": "alice"}, headers={"Host": "localhost"})
    link = reset_link(app)
    assert link.startswith(app.config["FORUM_BASE_URL"])


def test_the_link_sets_a_new_password_once(app, client):
    clear_mail(app)
    alice = make_user(username="alice", email="alice@example.com")
    post_form(client, "/password/forgot", {"identifier": "alice@example.com"})
    path = "/password/reset/" + reset_link(app).rsplit("/", 1)[1]
    assert post_form(client, path, {"password": NEW, "confirm": NEW}).status_code == 302
    assert post_form(app.test_client(), "/login", {"username": "alice", "password": NEW}).status_code == 302
    second = post_form(client, path, {"password": "Another-One_2026", "confirm": "Another-One_2026"})
    assert second.status_code == 410
    db.session.expire_all()
    assert db.session.execute(db.select(SecurityEvent.kind).where(
        SecurityEvent.user_id == alice.id, SecurityEvent.kind == "password_reset")).scalar() == "password_reset"


def test_an_expired_link_changes_nothing(app, client):
    clear_mail(app)
    alice = make_user(username="alice", email="alice@example.com")
    before = alice.password_hash
    post_form(client, "/password/forgot", {"identifier": "alice"})
    db.session.execute(db.update(PasswordReset).values(expires_at=PasswordReset.created_at))
    db.session.commit()
    path = "/password/reset/" + reset_link(app).rsplit("/", 1)[1]
    assert post_form(client, path, {"password": NEW, "confirm": NEW}).status_code == 410
    db.session.expire_all()
    assert db.session.get(User, alice.id).password_hash == before


def test_asking_for_an_unknown_account_says_the_same_and_mails_nothing(app, client):
    clear_mail(app)
    response = post_form(client, "/password/forgot", {"identifier": "nobody"}, follow_redirects=True)
    assert response.status_code == 200 and mails(app) == []


def test_a_weak_new_password_is_refused_and_the_link_still_works(app, client):
    clear_mail(app)
    make_user(username="alice", email="alice@example.com")
    post_form(client, "/password/forgot", {"identifier": "alice"})
    path = "/password/reset/" + reset_link(app).rsplit("/", 1)[1]
    assert post_form(client, path, {"password": "123", "confirm": "123"}).status_code == 200
    assert post_form(client, path, {"password": NEW, "confirm": NEW}).status_code == 302


def test_the_security_admins_one_time_code_works_once(app, client):
    bob = make_user(username="bob")
    admin = login(app.test_client(), make_user(admin_role="security"))
    page = post_form(admin, f"/admin/users/{bob.id}/reset-code", {}).get_data(as_text=True)
    code = re.search(r'id="reset-code">([^<]+)<', page).group(1)
    form = {"username": "bob", "code": code, "password": NEW, "confirm": NEW}
    assert post_form(client, "/password/code", {**form, "username": "alice"}).status_code == 200
    assert post_form(client, "/password/code", form).status_code == 302
    assert post_form(client, "/password/code", form).status_code == 200  # used
    assert post_form(app.test_client(), "/login", {"username": "bob", "password": NEW}).status_code == 302


def test_only_the_security_admin_issues_codes(app):
    bob = make_user(username="bob")
    system = login(app.test_client(), make_user(admin_role="system"))
    assert post_form(system, f"/admin/users/{bob.id}/reset-code", {}).status_code == 403


def test_changing_the_reset_email_needs_the_current_password(member_client, member):
    for password in ("", "wrong password 1"):
        response = post_form(member_client, "/account", {"email": "thief@example.com", "password": password})
        assert response.status_code == 200 and 'class="error"' in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(User, member.id).email is None
    post_form(member_client, "/account", {"email": "me@example.com", "password": PASSWORD})
    db.session.expire_all()
    assert db.session.get(User, member.id).email == "me@example.com"
    assert db.session.execute(db.select(SecurityEvent).where(SecurityEvent.kind == "email_change")).first()


def test_the_display_name_changes_without_the_password_when_the_email_stays(member_client, member):
    member.email = "me@example.com"
    db.session.commit()
    post_form(member_client, "/account", {"display_name": "小李", "email": "me@example.com"})
    db.session.expire_all()
    assert db.session.get(User, member.id).display_name == "小李"


def test_a_reset_request_answers_alike_before_any_account_work_whether_or_not_an_address_exists(app):
    """The token and the mail are made after the response is sent, so its timing
    cannot tell an account with an address from one without or from no account."""
    clear_mail(app)
    make_user(username="alice", email="alice@example.com")
    make_user(username="bob")
    answers, mailed = [], []
    for identifier in ("alice", "bob", "nobody", "alice@example.com"):
        client = app.test_client()
        response = client.post("/password/forgot", buffered=False, data={
            "identifier": identifier, "csrf_token": csrf_token(client, "/password/forgot")})
        answers.append((response.status_code, response.headers["Location"]))
        assert db.session.execute(db.select(PasswordReset)).first() is None and mails(app) == []
        response.close()
        mailed.append(len(mails(app)))
        clear_mail(app)
        db.session.execute(db.delete(PasswordReset))
        db.session.commit()
    assert len(set(answers)) == 1 and mailed == [1, 0, 0, 1]
