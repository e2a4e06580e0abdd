"""A ban stops every write: each POST route of the URL map refuses a banned account and a
banned address with the ban's reason (403), and nothing in the database changes."""
import pytest

from forum.extensions import db
from forum.moderation.bans import ban_ip, ban_user
from forum.moderation.guard import OPEN_ENDPOINTS
from tests.checks import says
from tests.conftest import csrf_token, post_form
from tests.factories import PASSWORD
from tests.test_access_matrix import ROUTES, build_world

INSIDE = {"REMOTE_ADDR": "10.9.8.7"}
# Who would otherwise succeed, first found; the writes the access matrix has no POST row for.
WRITERS = ("moderator", "unit_account", "verified", "member")
EXTRA = {
    "admin.bans": ("/admin/bans", {"username": "member", "reason": "违规"}),
    "admin.board_edit": ("/admin/boards/{target}", {"name": "改名", "description": "", "position": "0"}),
    "admin.board_new": ("/admin/boards/new", {"name": "新版块", "slug": "xin", "type": "discussion",
                                              "category_id": "{category}", "unit_id": "0", "position": "0"}),
    "admin.categories": ("/admin/categories", {"name": "新分区", "position": "0"}),
    "admin.category_edit": ("/admin/categories/{category}", {"name": "改名", "position": "0"}),
    "admin.holiday_calendar": ("/admin/calendar", {"year": "2027", "holidays": "2027-01-01", "workdays": ""}),
    "admin.roles": ("/admin/roles", {"username": "member", "role": "moderator", "board": "{board}"}),
    "admin.settings": ("/admin/settings", {"new_account_review_posts": "5", "post_interval_seconds": "30"}),
    "admin.units": ("/admin/units", {"name": "新镇", "kind": "镇", "slug": "xinzhen"}),
    "admin.upload_settings": ("/admin/uploads", {}),
    "admin.user": ("/admin/users/{moderator}", {"title": "县委书记"}),
    "admin.user_new": ("/admin/users/new", {"username": "newcomer", "unit_id": "0"}),
    "admin.users_import": ("/admin/users/import", {}),
    "admin.words": ("/admin/words", {"word": "赌博", "action": "block"}),
    "auth.account": ("/account", {"display_name": "县委书记", "email": "a@example.com"}),
    "auth.delete": ("/account/delete", {"password": "correct horse 9"}),
    "auth.password": ("/account/password", {"current": "correct horse 9", "password": "another horse 77",
                                            "confirm": "another horse 77"}),
    "auth.register": ("/register", {"username": "newcomer", "password": "correct horse 9",
                                    "confirm": "correct horse 9"}),
    "auth.reset": ("/password/reset/not-a-token", {"password": "another horse 77"}),
    "auth.reset_with_code": ("/password/code", {"username": "member", "code": "AAAA-BBBB-CCCC-DDDD",
                                                "password": "another horse 77"}),
    "auth.verify": ("/account/verify", {"real_name": "王五", "phone": "13900000001", "unit_id": "0"}),
    "training.essay": ("/training/campaigns/{campaign}/essay", {"title": "体会", "body": "学习体会"}),
    "training.new_campaign": ("/b/{training}/campaigns/new", {"title": "新活动"}),
}


def _writes():
    """(endpoint, path, form, who) for one POST of every endpoint that takes POST."""
    rows = []
    for endpoint, routes in ROUTES.items():
        if endpoint in OPEN_ENDPOINTS:
            continue
        posts = [row for row in routes if row[0] == "POST"]
        if posts:
            _method, path, form, statuses = posts[0]
            who = next((r for r in WRITERS if statuses[r] not in (403, 404)), "verified")
            rows.append((endpoint, path, form, who))
        elif endpoint in EXTRA:
            rows.append((endpoint, *EXTRA[endpoint], "verified"))
    return rows


WRITES = _writes()


def test_every_post_route_of_the_url_map_is_tried_here(app):
    posting = {rule.endpoint for rule in app.url_map.iter_rules() if "POST" in rule.methods}
    assert posting - OPEN_ENDPOINTS == {endpoint for endpoint, *_ in WRITES}


def snapshot():
    """Every row of every table."""
    db.session.expire_all()
    return {table.name: sorted(map(repr, db.session.execute(table.select()).all()))
            for table in db.metadata.sorted_tables}


@pytest.mark.parametrize("endpoint,path,form,who", WRITES, ids=[row[0] for row in WRITES])
def test_a_banned_address_and_a_banned_account_are_refused_every_write(app, endpoint, path, form, who):
    people, ids = build_world()
    url = path.format(**ids)
    data = {k: str(v).format(role=who, **ids) for k, v in (form or {}).items()}
    ban_ip("10.9.0.0/16", people["security"], "网段发广告")
    refuse(log_in(app, people[who], INSIDE), url, data, INSIDE, "网段发广告")
    ban_user(people[who], people["security"], "发广告")  # its sessions end: it logs in again
    refuse(log_in(app, people[who]), url, data, {}, "发广告")


def log_in(app, user, environ=None):
    """A client logged in as user (logging in stays open to the banned)."""
    client = app.test_client()
    response = post_form(client, "/login", {"username": user.username, "password": PASSWORD},
                         environ_base=environ or {})
    assert response.status_code == 302
    return client


def refuse(client, url, data, environ, reason):
    token = csrf_token(client)
    before = snapshot()
    response = client.post(url, data={"csrf_token": token, **data}, environ_base=environ)
    assert response.status_code == 403, (reason, response.status_code)
    assert says(response.get_data(as_text=True),
                "You are banned from writing: %(reason)s. You can still read the forum.", reason=reason)
    assert snapshot() == before


def test_a_banned_account_still_logs_in_follows_a_letter_and_logs_out(app):
    people, _ids = build_world()
    ban_user(people["member"], people["security"], "发广告")
    client = log_in(app, people["member"], INSIDE)
    ban_ip("10.9.0.0/16", people["security"], "网段发广告")
    track = client.post("/letters/track", data={"csrf_token": csrf_token(client), "code": "AAAA-BBBB"},
                        environ_base=INSIDE)
    assert track.status_code == 200
    assert post_form(client, "/logout", {}, environ_base=INSIDE).status_code == 302
    assert 'action="/logout"' not in client.get("/").get_data(as_text=True)
