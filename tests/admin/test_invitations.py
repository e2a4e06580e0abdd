"""Registration by invitation (issue 20): the security admin makes invitations at
/admin/invitations, each code shown once and kept as a keyed hash; /register takes one
code once, before it expires or is revoked."""
import re
from datetime import timedelta

import pytest
from flask_babel import gettext

from forum.extensions import db
from forum.keyed import hashed
from forum.models import Invitation, User
from forum.models.base import utcnow
from forum.settings import put_setting
from tests.checks import log, says
from tests.conftest import csrf_token, login, post_form
from tests.factories import make_user

NEW = "Xin-Mima_2026"
CODE = re.compile(r"/register\?invite=([A-Za-z0-9_-]+)")


@pytest.fixture()
def security(app):
    return login(app.test_client(), make_user(username="security_admin", admin_role="security"))


@pytest.fixture()
def by_invitation():
    put_setting("registration", "invitation")
    db.session.commit()


def make_invitations(security, count=3, days="14", note="新发展党员"):
    """The codes of the links on the page that made them."""
    page = post_form(security, "/admin/invitations", {"count": str(count), "days": days, "note": note})
    assert page.status_code == 200, page.status_code
    return CODE.findall(page.get_data(as_text=True))


def register(client, code=None, username="newcomer"):
    path = "/register" + (f"?invite={code}" if code else "")
    return client.post(path, data={"csrf_token": csrf_token(client), "username": username,
                                   "password": NEW, "confirm": NEW})


def accounts(username="newcomer"):
    db.session.expire_all()
    return db.session.execute(db.select(User).where(User.username == username)).scalars().all()


def invitation(code):
    db.session.expire_all()
    return db.session.execute(db.select(Invitation).where(Invitation.code_hash == hashed(code))).scalar_one()


def test_the_security_admin_makes_invitations_shown_once_and_stored_as_keyed_hashes(security):
    response = post_form(security, "/admin/invitations", {"count": "3", "days": "14", "note": "新发展党员"})
    page = response.get_data(as_text=True)
    codes = CODE.findall(page)
    assert len(set(codes)) == 3 and response.headers["Cache-Control"] == "no-store"
    assert 'download="invitations.csv"' in page and "data:text/csv;charset=utf-8;base64," in page
    stored = db.session.execute(db.select(Invitation.code_hash, Invitation.note)).all()
    assert sorted(stored) == sorted((hashed(code), "新发展党员") for code in codes)
    listed = security.get("/admin/invitations").get_data(as_text=True)
    assert not any(code in listed for code in codes) and listed.count("新发展党员") == 3
    [row] = log("invitations_create")
    assert row.reason == "3 × 14 d: 新发展党员" and not any(code in row.reason for code in codes)


def test_by_invitation_register_without_a_code_says_why_and_stores_nothing(client, by_invitation):
    page = client.get("/register").get_data(as_text=True)
    assert says(page, "Registration is by invitation: open the link of your invitation from the "
                      "security administrator.") and 'name="password"' not in page
    register(client)
    assert accounts() == []


def test_a_visitor_registers_with_an_invitation_once_and_it_is_marked_used_by_the_account(
        app, client, security, by_invitation):
    [code, *_] = make_invitations(security)
    assert 'name="password"' in client.get(f"/register?invite={code}").get_data(as_text=True)
    assert register(client, code).status_code == 302
    [account] = accounts()
    used = invitation(code)
    assert used.used_by_id == account.id and used.used_at is not None
    again = app.test_client()
    page = register(again, code, username="second").get_data(as_text=True)
    assert says(page, "This invitation cannot be used: it was used already, has expired or was revoked.")
    assert accounts("second") == []


def test_an_expired_or_revoked_invitation_is_refused_and_stores_nothing(client, security, by_invitation):
    expired, revoked = make_invitations(security, count=2)
    invitation(expired).expires_at = utcnow() - timedelta(minutes=1)
    db.session.commit()
    post_form(security, f"/admin/invitations/{invitation(revoked).id}/revoke", {})
    for code in (expired, revoked):
        page = register(client, code).get_data(as_text=True)
        assert says(page, "This invitation cannot be used: it was used already, has expired or was revoked.")
    assert accounts() == [] and invitation(expired).used_at is None
    [row] = log("invitation_revoke")
    assert row.target_id == invitation(revoked).id and revoked not in row.reason


def test_a_made_up_code_is_refused(client, by_invitation):
    page = register(client, "not-a-code").get_data(as_text=True)
    assert says(page, "This invitation cannot be used: it was used already, has expired or was revoked.")
    assert accounts() == []


def test_a_used_invitation_cannot_be_revoked(client, security, by_invitation):
    [code] = make_invitations(security, count=1)
    register(client, code)
    page = post_form(security, f"/admin/invitations/{invitation(code).id}/revoke", {},
                     follow_redirects=True).get_data(as_text=True)
    assert says(page, "This invitation was already used or revoked.")
    assert invitation(code).revoked_at is None and log("invitation_revoke") == []


def test_the_list_shows_each_invitations_state_and_who_used_it(client, security, by_invitation):
    used, expired, revoked, unused = make_invitations(security, count=4)
    register(client, used)
    invitation(expired).expires_at = utcnow() - timedelta(minutes=1)
    db.session.commit()
    post_form(security, f"/admin/invitations/{invitation(revoked).id}/revoke", {})
    page = security.get("/admin/invitations").get_data(as_text=True)
    assert [says(page, label) for label in ("Used", "Expired", "Revoked", "Unused")] == [True] * 4
    assert ">newcomer</a>" in page and page.count(f">{gettext('Revoke')}</button>") == 1


def test_open_registration_needs_no_invitation(client):
    assert register(client).status_code == 302 and len(accounts()) == 1


@pytest.mark.parametrize("field, value, message", [
    ("count", "0", "A number from 1 to 200."), ("count", "201", "A number from 1 to 200."),
    ("days", "91", "A number from 1 to 90."), ("days", "", "A number from 1 to 90."),
    ("note", "注" * 201, "At most 200 characters."),
])
def test_bad_invitation_requests_are_refused_and_make_none(security, field, value, message):
    data = {"count": "3", "days": "14", "note": "", field: value}
    page = post_form(security, "/admin/invitations", data).get_data(as_text=True)
    assert says(page, message) and CODE.search(page) is None
    assert db.session.execute(db.select(Invitation.id)).all() == [] and log() == []


@pytest.mark.parametrize("role", ["system", "audit"])
def test_the_system_and_audit_admins_cannot_make_or_revoke_invitations(app, security, role):
    [code] = make_invitations(security, count=1)
    other = login(app.test_client(), make_user(username=f"{role}_admin", admin_role=role))
    assert post_form(other, "/admin/invitations", {"count": "1", "days": "7"}).status_code == 403
    assert post_form(other, f"/admin/invitations/{invitation(code).id}/revoke", {}).status_code == 403
    assert invitation(code).revoked_at is None and len(db.session.execute(db.select(Invitation.id)).all()) == 1


@pytest.mark.parametrize("role", ["security", "audit"])
def test_the_security_and_audit_admins_cannot_change_the_site_settings(app, role):
    admin = login(app.test_client(), make_user(username=f"{role}_admin", admin_role=role))
    response = post_form(admin, "/admin/settings", {"new_account_review_posts": "0",
                                                    "post_interval_seconds": "15",
                                                    "registration": "invitation", "site_name": "别名"})
    assert response.status_code == 403 and log() == []


def test_the_invitation_list_costs_a_fixed_number_of_queries(client, security, by_invitation,
                                                            count_queries):
    codes = make_invitations(security, count=5)
    for number, code in enumerate(codes[:3]):
        register(client, code, username=f"newcomer{number}")
    security.get("/admin/invitations")
    with count_queries() as queries:
        assert security.get("/admin/invitations").status_code == 200
    assert len(queries) <= 8
