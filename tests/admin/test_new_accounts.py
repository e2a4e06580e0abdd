"""/admin/users/new and /admin/users/import: the security admin makes accounts, one or the
units' in bulk from a CSV; each initial password is shown once, kept nowhere, and must be
changed at first login."""
import base64
import io
import re

import pytest

from forum.boards.roles import grant
from forum.extensions import db
from forum.models import ModAction, SecurityEvent, User
from tests.checks import log, says
from tests.conftest import csrf_token, login, post_form
from tests.factories import make_board, make_category, make_unit, make_user

PASSWORD_RE = re.compile(r'<code class="initial-password">([^<]+)</code>')
NEW = "Xin-Mima_2026"


@pytest.fixture()
def security(app):
    return login(app.test_client(), make_user(username="security_admin", admin_role="security"))


def accounts():
    db.session.expire_all()
    return db.session.execute(db.select(User).where(User.admin_role.is_(None))
                              .order_by(User.id)).scalars().all()


def upload(client, text, encoding="utf-8"):
    token = csrf_token(client, "/admin/users/import")
    return client.post("/admin/users/import", data={
        "csrf_token": token, "file": (io.BytesIO(text.encode(encoding)), "units.csv")},
        content_type="multipart/form-data")


def units(count):
    return [make_unit(name=f"第{n}镇", slug=f"town{n}") for n in range(1, count + 1)]


def test_the_security_admin_imports_134_unit_accounts_each_with_a_password_shown_once(security):
    made = units(134)
    text = "unit,username,display name\n" + "".join(
        f"{unit.name},{unit.slug}_zzb,{unit.name}党委\n" for unit in made)
    response = upload(security, text)
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    page = response.get_data(as_text=True)
    passwords = PASSWORD_RE.findall(page)
    assert len(passwords) == 134 == len(set(passwords))
    rows = accounts()
    assert len(rows) == 134 and all(u.is_unit_account and u.is_verified and u.must_change_password
                                    for u in rows)
    assert rows[0].unit_id == made[0].id and rows[0].display_name == "第1镇党委"
    href = re.search(r'href="data:text/csv;charset=utf-8;base64,([^"]+)" download', page).group(1)
    sheet = base64.b64decode(href).decode("utf-8-sig")
    assert all(p in sheet for p in passwords)
    # Kept nowhere: not in the logs, not in the database.
    stored = " ".join(r.reason for r in log()) + " ".join(
        e.detail for e in db.session.execute(db.select(SecurityEvent)).scalars())
    assert not any(p in stored or p in u.password_hash for p in passwords for u in rows[:3])
    assert len(log("account_create")) == 134


def test_a_csv_with_bad_rows_lists_every_one_with_its_line_and_makes_no_account(security):
    units(2)
    make_user(username="taken_zzb")
    text = ("第1镇,ok_zzb,好\n"
            "不存在镇,nobody_zzb,无\n"
            "第2镇,taken_zzb,重名\n"
            "第1镇,dup_zzb,一\n"
            "第2镇,DUP_zzb,二\n"
            "第2镇,only-two\n"
            "第2镇,bad name!,坏\n")
    page = upload(security, text).get_data(as_text=True)
    for line, message, params in [
            (2, "There is no unit %(unit)s.", {"unit": "不存在镇"}),
            (3, "This username is already taken.", {}),
            (5, "%(name)s is in the file twice.", {"name": "DUP_zzb"}),
            (6, "Give three columns: unit, username, display name.", {}),
            (7, "Use only Chinese characters, ASCII letters and digits, _ and -.", {})]:
        assert says(page, "Line %(line)d:", line=line) and says(page, message, **params), line
    assert not says(page, "Line %(line)d:", line=1) and not says(page, "Line %(line)d:", line=4)
    assert [u.username for u in accounts()] == ["taken_zzb"] and log() == []


def test_a_gb18030_file_from_a_chinese_spreadsheet_is_read(security):
    units(1)
    upload(security, "单位,用户名,显示名\n第1镇,town1_zzb,第一镇\n", encoding="gb18030")
    assert [u.display_name for u in accounts()] == ["第一镇"]


def test_one_account_is_made_with_an_initial_password_and_its_unit(security):
    unit = make_unit(name="县委组织部", kind="党委部门", slug="zzb")
    response = post_form(security, "/admin/users/new", {
        "username": "zzb_clerk", "display_name": "组织部干事", "unit_id": str(unit.id)})
    assert response.headers["Cache-Control"] == "no-store"
    [password] = PASSWORD_RE.findall(response.get_data(as_text=True))
    [user] = accounts()
    assert (user.unit_id, user.is_unit_account, user.must_change_password) == (unit.id, False, True)
    assert password not in log("account_create")[0].reason


def test_a_unit_account_without_a_unit_is_refused(security):
    page = post_form(security, "/admin/users/new", {"username": "nobody", "unit_id": "0",
                                                    "is_unit_account": "y"}).get_data(as_text=True)
    assert says(page, "A unit account needs its unit.") and accounts() == []


def test_a_unit_logs_in_with_its_initial_password_and_must_change_it_first(app, security):
    unit = make_unit()
    board = make_board(unit=unit)
    response = post_form(security, "/admin/users/new", {
        "username": "unit_zzb", "unit_id": str(unit.id), "is_unit_account": "y"})
    [password] = PASSWORD_RE.findall(response.get_data(as_text=True))
    client = login(app.test_client(), accounts()[0], password=password)
    response = client.get(f"/b/{board.slug}/manage")
    assert response.status_code == 302 and response.headers["Location"].endswith("/account/password")
    client.post("/account/password", data={"csrf_token": csrf_token(client, "/account/password"),
                                            "current": password, "password": NEW, "confirm": NEW})
    assert not accounts()[0].must_change_password
    assert client.get(f"/b/{board.slug}/manage").status_code == 200


def test_the_security_admin_sets_and_clears_the_unit_account_flag_and_sees_roles(security):
    unit = make_unit(name="猫场镇")
    user = make_user(unit_id=unit.id, is_verified=True)
    board = make_board(name="猫场镇版块")
    grant(user, board, "moderator")
    page = security.get(f"/admin/users/{user.id}").get_data(as_text=True)
    assert "猫场镇版块" in page
    post_form(security, f"/admin/users/{user.id}/unit-account/on", {})
    assert accounts()[0].is_unit_account
    post_form(security, f"/admin/users/{user.id}/unit-account/off", {})
    assert not accounts()[0].is_unit_account
    assert [r.reason for r in log("unit_account")] == ["is_unit_account: False → True",
                                                      "is_unit_account: True → False"]


def test_no_account_made_on_the_web_is_an_admin_whatever_the_form_says(security):
    post_form(security, "/admin/users/new", {"username": "sneaky", "unit_id": "0",
                                             "admin_role": "system"})
    [user] = accounts()
    assert user.admin_role is None


@pytest.mark.parametrize("path", ["/admin/users/new", "/admin/users/import"])
def test_the_system_and_audit_admins_cannot_make_accounts(app, path):
    for role in ("system", "audit"):
        client = login(app.test_client(), make_user(admin_role=role))
        assert client.get(path).status_code == 403
        assert post_form(client, path, {"username": "x", "unit_id": "0"}).status_code == 403
    assert accounts() == []


def test_the_security_admin_cannot_create_boards_or_categories(security):
    category = make_category()
    assert security.get("/admin/boards/new").status_code == 403
    assert post_form(security, "/admin/categories", {"name": "x", "position": "0"}).status_code == 403
    assert post_form(security, f"/admin/categories/{category.id}/archive", {}).status_code == 403
    assert db.session.execute(db.select(ModAction)).first() is None
