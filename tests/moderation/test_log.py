"""/mod/log: moderators read their boards' log, the audit admin everything; the rows never change."""
import csv
import io
from datetime import datetime, timedelta

import pytest
from flask_babel import gettext
from markupsafe import escape
from sqlalchemy import bindparam, text
from sqlalchemy.exc import DBAPIError

from forum.boards.roles import grant
from forum.extensions import db
from forum.labels import action_label
from forum.models import ModAction, SecurityEvent
from forum.models.base import utcnow
from forum.audit import log_action, log_security
from tests.conftest import login, post_form
from tests.factories import make_board, make_user

OLD = timedelta(days=181)


@pytest.fixture()
def other_board():
    return make_board(slug="elsewhere")


@pytest.fixture()
def other_moderator(other_board):
    user = make_user(username="bieban", is_verified=True)
    grant(user, other_board, "moderator")
    return user


@pytest.fixture()
def audit(app):
    return login(app.test_client(), make_user(username="shenji", admin_role="audit"))


def logged(actor, action, board=None, at=None, reason=""):
    """A ModAction row, at a chosen time if given (inserting is all the log allows)."""
    row = log_action(actor, action, "thread", 1, board.id if board else None, reason)
    if at is not None:
        row.at = at
    db.session.commit()
    return row


def event_cell(kind):
    """How the security log shows an event kind: its translated name in a cell."""
    return f"<td>{escape(action_label(kind))}</td>"


def csv_rows(response):
    body = response.get_data(as_text=True)
    assert body.startswith("\ufeff")  # so that Excel reads the Chinese correctly
    return list(csv.reader(io.StringIO(body[1:])))


# Who reads what


def test_a_moderator_sees_only_the_rows_of_the_boards_they_moderate(
        app, moderator, moderated_board, other_moderator, other_board):
    logged(moderator, "lock", moderated_board, reason="本版的记录")
    logged(other_moderator, "lock", other_board, reason="别版的记录")
    logged(make_user(admin_role="system"), "settings", reason="全站设置")
    page = login(app.test_client(), moderator).get("/mod/log").get_data(as_text=True)
    assert "本版的记录" in page
    assert "别版的记录" not in page and "全站设置" not in page


def test_a_unit_account_sees_the_log_of_its_units_boards(app, unit, moderated_board, other_board):
    logged(None, "lock", moderated_board, reason="本单位版块")
    logged(None, "lock", other_board, reason="别的版块")
    account = make_user(unit_id=unit.id, is_unit_account=True, is_verified=True)
    page = login(app.test_client(), account).get("/mod/log").get_data(as_text=True)
    assert "本单位版块" in page and "别的版块" not in page


def test_a_moderator_asking_for_the_security_log_gets_their_moderation_log(
        app, moderator, moderated_board):
    logged(moderator, "lock", moderated_board, reason="本版的记录")
    client = login(app.test_client(), moderator)
    page = client.get("/mod/log?kind=security").get_data(as_text=True)
    assert "本版的记录" in page and event_cell("login") not in page
    exported = csv_rows(client.get("/mod/log?kind=security&format=csv"))
    assert exported[0][:3] == ["at_utc", "actor", "action"]


def test_a_moderator_cannot_filter_their_way_into_another_boards_rows(
        app, moderator, moderated_board, other_moderator, other_board):
    logged(other_moderator, "lock", other_board, reason="别版的记录")
    client = login(app.test_client(), moderator)
    assert "别版的记录" not in client.get("/mod/log?board=elsewhere").get_data(as_text=True)
    assert len(csv_rows(client.get("/mod/log?board=elsewhere&format=csv"))) == 1


def test_the_audit_admin_sees_every_moderation_and_admin_decision(
        audit, moderator, moderated_board, other_moderator, other_board):
    logged(moderator, "lock", moderated_board, reason="本版的记录")
    logged(other_moderator, "lock", other_board, reason="别版的记录")
    logged(make_user(admin_role="system"), "settings", reason="全站设置")
    page = audit.get("/mod/log").get_data(as_text=True)
    assert all(reason in page for reason in ("本版的记录", "别版的记录", "全站设置"))


def test_the_audit_admin_sees_logins_failures_role_grants_and_bans_in_the_security_log(
        app, audit, member, moderated_board):
    client = app.test_client()
    post_form(client, "/login", {"username": "member", "password": "wrong password"})
    post_form(client, "/login", {"username": "ghost", "password": "wrong password"})
    security = login(app.test_client(), make_user(username="anquan", admin_role="security"))
    post_form(security, "/admin/roles", {"username": "member", "role": "moderator",
                                         "board": moderated_board.slug})
    post_form(security, "/admin/bans", {"ip_range": "10.9.0.0/16", "reason": "攻击"})
    page = audit.get("/mod/log?kind=security").get_data(as_text=True)
    for kind in ("login", "login_failed", "role_grant", "ban"):
        assert event_cell(kind) in page, kind
    # A name that is no account shows as a keyed hash: it may be a mistyped password.
    assert "ghost" not in page and "unknown name" in page and "10.9.0.0/16" in page
    kinds = [row[1] for row in csv_rows(audit.get("/mod/log?kind=security&format=csv"))[1:]]
    assert {"login", "login_failed", "role_grant", "ban"} <= set(kinds)


def test_a_member_gets_403(member_client):
    assert member_client.get("/mod/log").status_code == 403
    assert member_client.get("/mod/log?format=csv").status_code == 403


def test_a_guest_is_sent_to_log_in(client):
    response = client.get("/mod/log")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


@pytest.mark.parametrize("role", ["system", "security"])
def test_the_system_and_security_admins_do_not_read_the_audit_log(app, moderated_board, role):
    """三员分立: the admins whose decisions are audited do not read the audit log."""
    logged(None, "lock", moderated_board, reason="本版的记录")
    client = login(app.test_client(), make_user(admin_role=role))
    for path in ("/mod/log", "/mod/log?kind=security", "/mod/log?format=csv"):
        assert client.get(path).status_code == 403, path


def test_an_admin_who_also_moderates_a_board_reads_that_boards_rows_only(
        app, moderated_board, other_board):
    admin = make_user(admin_role="system", is_verified=True)
    grant(admin, moderated_board, "moderator")
    logged(None, "lock", moderated_board, reason="本版的记录")
    logged(None, "lock", other_board, reason="别版的记录")
    log_security("login", user=admin)
    db.session.commit()
    client = login(app.test_client(), admin)
    page = client.get("/mod/log").get_data(as_text=True)
    assert "本版的记录" in page and "别版的记录" not in page
    assert event_cell("login") not in client.get("/mod/log?kind=security").get_data(as_text=True)


# Filters and export


def test_the_log_filters_by_actor_username(audit, moderator, moderated_board, other_moderator, other_board):
    logged(moderator, "lock", moderated_board, reason="甲的记录")
    logged(other_moderator, "lock", other_board, reason="乙的记录")
    page = audit.get("/mod/log?actor=BANZHU").get_data(as_text=True)  # any case
    assert "甲的记录" in page and "乙的记录" not in page
    assert "甲的记录" not in audit.get("/mod/log?actor=nobody").get_data(as_text=True)


def test_the_log_filters_by_board_slug(audit, moderated_board, other_board):
    logged(None, "lock", moderated_board, reason="本版的记录")
    logged(None, "lock", other_board, reason="别版的记录")
    page = audit.get("/mod/log?board=elsewhere").get_data(as_text=True)
    assert "别版的记录" in page and "本版的记录" not in page


def test_the_date_range_is_read_in_zhijin_time(audit, moderated_board):
    # 15:30 UTC is 23:30 in Zhijin on 1 March; 16:30 UTC is already 00:30 on 2 March.
    logged(None, "lock", moderated_board, at=datetime(2024, 3, 1, 15, 30), reason="三月一日深夜")
    logged(None, "lock", moderated_board, at=datetime(2024, 3, 1, 16, 30), reason="三月二日凌晨")
    logged(None, "lock", moderated_board, at=datetime(2024, 3, 5, 4, 0), reason="三月五日")
    on_the_2nd = audit.get("/mod/log?since=2024-03-02&until=2024-03-02").get_data(as_text=True)
    assert "三月二日凌晨" in on_the_2nd
    assert "三月一日深夜" not in on_the_2nd and "三月五日" not in on_the_2nd
    up_to_the_1st = audit.get("/mod/log?until=2024-03-01").get_data(as_text=True)
    assert "三月一日深夜" in up_to_the_1st and "三月二日凌晨" not in up_to_the_1st
    from_the_2nd = audit.get("/mod/log?since=2024-03-02").get_data(as_text=True)
    assert "三月一日深夜" not in from_the_2nd and "三月五日" in from_the_2nd


def test_the_security_log_filters_by_date(audit, member):
    old = log_security("login_failed", user=member, detail="上个月")
    old.at = utcnow() - timedelta(days=40)
    log_security("login_failed", user=member, detail="今天")
    db.session.commit()
    today = (utcnow() + timedelta(hours=8)).date().isoformat()
    page = audit.get(f"/mod/log?kind=security&since={today}").get_data(as_text=True)
    assert "今天" in page and "上个月" not in page


def test_the_security_log_filter_by_account_finds_what_it_did_and_what_was_done_to_it(
        app, audit, member, moderated_board):
    log_security("login_failed", user=member, detail="自己登录失败")
    log_security("role_grant", user=member, actor=make_user(username="anquan"), detail="被授权")
    log_security("ban", user=make_user(username="other"), actor=member, detail="它封禁别人")
    log_security("login_failed", user=make_user(username="third"), detail="无关")
    db.session.commit()
    page = audit.get("/mod/log?kind=security&actor=member").get_data(as_text=True)
    assert all(detail in page for detail in ("自己登录失败", "被授权", "它封禁别人"))
    assert "无关" not in page
    page = audit.get("/mod/log?kind=security&actor=anquan").get_data(as_text=True)
    assert "被授权" in page and "自己登录失败" not in page


def test_the_csv_export_has_a_header_and_the_filtered_rows(
        audit, moderator, moderated_board, other_moderator, other_board):
    first = logged(moderator, "lock", moderated_board, reason="甲的记录")
    logged(moderator, "pin_board", moderated_board, reason="置顶, \"引号\"")
    logged(other_moderator, "lock", other_board, reason="乙的记录")
    response = audit.get("/mod/log?actor=banzhu&format=csv")
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    header, *body = csv_rows(response)
    assert header == ["at_utc", "actor", "action", "target_type", "target_id", "board", "reason"]
    assert [(r[1], r[2], r[5], r[6]) for r in body] == [
        ("banzhu", "pin_board", moderated_board.slug, "置顶, \"引号\""),
        ("banzhu", "lock", moderated_board.slug, "甲的记录")]
    assert body[1][0] == first.at.isoformat()


def test_the_csv_export_of_a_moderator_holds_only_their_boards(
        app, moderator, moderated_board, other_moderator, other_board):
    logged(moderator, "lock", moderated_board, reason="甲的记录")
    logged(other_moderator, "lock", other_board, reason="乙的记录")
    body = csv_rows(login(app.test_client(), moderator).get("/mod/log?format=csv"))[1:]
    assert [row[6] for row in body] == ["甲的记录", "moderator: banzhu"]  # and the role grant


def test_the_security_csv_has_its_own_header(audit, member):
    log_security("login", user=member, ip="10.0.0.1")
    db.session.commit()
    header, *body = csv_rows(audit.get("/mod/log?kind=security&format=csv&actor="))
    assert header == ["at_utc", "kind", "user", "actor", "ip", "detail"]
    assert ["login", "member", "", "10.0.0.1"] in [row[1:5] for row in body]


def test_the_log_pages_by_fifty_newest_first(audit, moderated_board):
    start = datetime(2024, 1, 1)
    for n in range(51):
        logged(None, "lock", moderated_board, at=start + timedelta(minutes=n), reason=f"第{n}条")
    first = audit.get("/mod/log").get_data(as_text=True)
    assert "第50条" in first and "第1条<" in first and "第0条" not in first
    assert 'rel="next"' in first
    second = audit.get("/mod/log?page=2").get_data(as_text=True)
    assert "第0条" in second and "第50条" not in second


def test_nobody_can_change_the_log_through_the_application(audit, moderator, moderated_board):
    logged(moderator, "lock", moderated_board, reason="原样")
    for method in ("post", "put", "delete"):
        assert getattr(audit, method)("/mod/log").status_code in (400, 405), method


# Append-only


@pytest.fixture(params=[ModAction, SecurityEvent], ids=["mod_action", "security_event"])
def log_row(request, moderated_board):
    if request.param is ModAction:
        row = log_action(None, "lock", "thread", 1, moderated_board.id, "原样")
    else:
        row = log_security("login", detail="原样")
    db.session.commit()
    return request.param.__table__.name, row.id


def test_a_log_row_cannot_be_updated(log_row):
    table, row_id = log_row
    column = "reason" if table == "mod_action" else "detail"
    with pytest.raises(DBAPIError, match="append-only"):
        db.session.execute(text(f"UPDATE {table} SET {column} = 'changed' WHERE id = :id"), {"id": row_id})
    db.session.rollback()
    assert db.session.execute(text(f"SELECT {column} FROM {table} WHERE id = :id"), {"id": row_id}
                              ).scalar_one() == "原样"


def test_a_recent_log_row_cannot_be_deleted(log_row):
    table, row_id = log_row
    with pytest.raises(DBAPIError, match="append-only"):
        db.session.execute(text(f"DELETE FROM {table} WHERE id = :id"), {"id": row_id})
    db.session.rollback()
    assert db.session.execute(text(f"SELECT count(*) FROM {table}")).scalar_one() == 1


def test_changing_a_log_row_through_the_orm_fails_too(moderated_board):
    row = logged(None, "lock", moderated_board, reason="原样")
    row.reason = "changed"
    with pytest.raises(DBAPIError):
        db.session.commit()
    db.session.rollback()
    db.session.expire_all()
    assert db.session.get(ModAction, row.id).reason == "原样"


@pytest.mark.parametrize("table", ["mod_action", "security_event"])
def test_a_row_older_than_180_days_may_be_deleted_and_a_younger_one_not(table):
    columns = ("action, target_type, reason" if table == "mod_action" else "kind, detail")
    values = ("'lock', 'thread', ''" if table == "mod_action" else "'login', ''")
    insert = text(f"INSERT INTO {table} ({columns}, at) VALUES ({values}, :at)").bindparams(
        bindparam("at", type_=db.DateTime))
    db.session.execute(insert, {"at": utcnow() - OLD})
    db.session.execute(insert, {"at": utcnow() - timedelta(days=179)})
    db.session.commit()
    old_id, young_id = db.session.execute(text(f"SELECT id FROM {table} ORDER BY at")).scalars().all()

    db.session.execute(text(f"DELETE FROM {table} WHERE id = :id"), {"id": old_id})
    db.session.commit()
    with pytest.raises(DBAPIError, match="append-only"):
        db.session.execute(text(f"DELETE FROM {table} WHERE id = :id"), {"id": young_id})
    db.session.rollback()
    assert db.session.execute(text(f"SELECT id FROM {table}")).scalars().all() == [young_id]


def test_even_an_old_row_cannot_be_updated():
    insert = text("INSERT INTO mod_action (action, target_type, reason, at) "
                  "VALUES ('lock', 'thread', '原样', :at)").bindparams(bindparam("at", type_=db.DateTime))
    db.session.execute(insert, {"at": utcnow() - OLD})
    db.session.commit()
    with pytest.raises(DBAPIError, match="append-only"):
        db.session.execute(text("UPDATE mod_action SET reason = 'changed'"))
    db.session.rollback()


def test_an_invalid_date_is_pointed_out_beside_its_field(audit):
    page = audit.get("/mod/log?since=2024-13-40").get_data(as_text=True)
    assert 'id="since-error"' in page and 'aria-invalid="true"' in page


def test_an_invalid_date_leaves_the_other_filters_in_force(
        audit, moderator, moderated_board, other_moderator, other_board):
    logged(moderator, "lock", moderated_board, reason="甲的记录")
    logged(other_moderator, "lock", other_board, reason="乙的记录")
    page = audit.get("/mod/log?actor=banzhu&since=2024-13-40").get_data(as_text=True)
    assert "乙的记录" not in page
    body = csv_rows(audit.get("/mod/log?actor=banzhu&since=2024-13-40&format=csv"))[1:]
    assert "乙的记录" not in [row[6] for row in body]


def test_the_csv_export_neutralises_spreadsheet_formulas(app, audit, member):
    # The device (user agent) of a failed login is logged as sent; unknown names are hashed.
    post_form(app.test_client(), "/login", {"username": "member", "password": "x"},
              headers={"User-Agent": "=HYPERLINK(\"http://x\")"})
    body = csv_rows(audit.get("/mod/log?kind=security&format=csv"))[1:]
    cells = [cell for row in body for cell in row]
    assert any("HYPERLINK" in cell for cell in cells)
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)


def test_a_role_change_reads_in_the_readers_language_while_the_csv_keeps_the_code(
        app, audit, moderated_board):
    grant(make_user(username="wangbanzhu"), moderated_board, "moderator", actor=None)
    actions = audit.get("/mod/log").get_data(as_text=True)
    events = audit.get("/mod/log?kind=security").get_data(as_text=True)
    label = escape(gettext("Moderator"))
    assert f"<td>{label}：wangbanzhu</td>" in actions and "moderator:" not in actions
    assert f"<td>{label} · {moderated_board.slug}</td>" in events and "moderator of" not in events
    reasons = [row[-1] for row in csv_rows(audit.get("/mod/log?format=csv"))[1:]]
    assert "moderator: wangbanzhu" in reasons
