"""The issuer's table: every target unit with its status, time and note; counts at the
top; filters and sorts; the CSV; reminders; overdue once the deadline passes; and what
it costs for all 134 seeded units."""
import csv
import io
from datetime import timedelta

from flask_babel import gettext

from forum.extensions import db
from forum.models import Notification, Unit, User
from forum.receipts.services import sign_receipt
from tests.boards.test_query_counts import statements_for
from tests.checks import log, says
from tests.conftest import login, post_form
from tests.factories import make_user
from tests.receipts.helpers import receipt_of


def signed_notice(make_notice, accounts, now, mode="done"):
    """A notice to the townships: the first account signs, an hour later the second
    carries it out (or signs, if only read receipts are asked)."""
    issue = make_notice(mode=mode)
    sign_receipt(receipt_of(issue, accounts[0].unit), accounts[0])
    now.move(hours=1)
    done = {"done": True, "note": "已组织学习"} if mode == "done" else {}
    sign_receipt(receipt_of(issue, accounts[1].unit), accounts[1], **done)
    return issue


def test_the_table_shows_each_unit_its_status_signer_and_note_with_counts(
        client, make_notice, issuer, township_accounts, now):
    issue = signed_notice(make_notice, township_accounts, now)
    page = login(client, issuer).get(f"/notices/{issue.thread_id}/receipts").get_data(as_text=True)
    assert says(page, "Signed: %(signed)d/%(total)d", signed=2, total=3)
    assert says(page, "Unread: %(n)d", n=1) and says(page, "Carried out: %(n)d", n=1)
    assert all(unit.name in page for unit in (a.unit for a in township_accounts))
    assert "已组织学习" in page and township_accounts[1].name in page


def test_the_table_filters_by_status_and_sorts_by_time(client, make_notice, issuer,
                                                       township_accounts, now):
    issue = signed_notice(make_notice, township_accounts, now)
    login(client, issuer)
    unread = client.get(f"/notices/{issue.thread_id}/receipts?status=unread").get_data(as_text=True)
    names = [a.unit.name for a in township_accounts]
    assert names[2] in unread and names[0] not in unread and names[1] not in unread
    by_time = client.get(f"/notices/{issue.thread_id}/receipts?sort=time").get_data(as_text=True)
    assert by_time.index(names[1]) < by_time.index(names[0])
    odd = client.get(f"/notices/{issue.thread_id}/receipts?status=nonsense&sort=nonsense")
    assert odd.status_code == 200


def test_the_csv_agrees_with_the_table(client, make_notice, issuer, township_accounts, now):
    issue = signed_notice(make_notice, township_accounts, now)
    response = login(client, issuer).get(f"/notices/{issue.thread_id}/receipts.csv")
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert response.mimetype == "text/csv" and len(rows) == 1 + 3
    by_unit = {row[0]: row for row in rows[1:]}
    assert by_unit[township_accounts[1].unit.name][5] == "已组织学习"
    assert by_unit[township_accounts[0].unit.name][2] == township_accounts[0].name


def test_overdue_units_are_marked_once_the_clock_passes_the_deadline(
        client, make_notice, issuer, township_accounts, now):
    issue = signed_notice(make_notice, township_accounts, now, mode="read")
    login(client, issuer)
    path = f"/notices/{issue.thread_id}/receipts"
    assert says(client.get(path).get_data(as_text=True), "Overdue: %(n)d", n=0)
    now.move(days=2)
    page = client.get(path).get_data(as_text=True)
    assert says(page, "Overdue: %(n)d", n=1) and 'class="status-unread overdue"' in page
    overdue = client.get(path + "?status=overdue").get_data(as_text=True)
    assert township_accounts[2].unit.name in overdue and township_accounts[0].unit.name not in overdue
    rows = list(csv.reader(io.StringIO(client.get(path + ".csv").get_data(as_text=True))))
    assert [row[0] for row in rows if row[1] == str(gettext("Overdue"))] == [
        township_accounts[2].unit.name]


def test_the_reminder_notifies_only_the_units_that_have_not_signed(
        client, make_notice, issuer, township_accounts, now):
    issue = signed_notice(make_notice, township_accounts, now, mode="read")
    db.session.execute(db.delete(Notification))
    db.session.commit()
    response = post_form(login(client, issuer), f"/notices/{issue.thread_id}/remind", {})
    assert response.status_code == 302
    reminded = db.session.execute(db.select(Notification.user_id, Notification.kind)).all()
    assert reminded == [(township_accounts[2].id, "receipt_reminder")]
    assert len(log("receipt_remind")) == 1


def test_a_reminder_when_everyone_signed_is_refused(client, make_notice, issuer, townships,
                                                    township_accounts):
    issue = make_notice(groups=(), unit_ids=[townships[0].id])
    sign_receipt(receipt_of(issue, townships[0]), township_accounts[0])
    response = post_form(login(client, issuer), f"/notices/{issue.thread_id}/remind", {},
                         follow_redirects=True)
    assert says(response.get_data(as_text=True), "Every unit has signed: there is no one to remind.")
    assert log("receipt_remind") == []


def test_only_the_issuing_unit_and_the_system_admin_read_the_table(
        client, make_notice, township_accounts, system_admin, member):
    issue = make_notice()
    path = f"/notices/{issue.thread_id}/receipts"
    assert login(client, township_accounts[0]).get(path).status_code == 403
    assert login(client.application.test_client(), member).get(path + ".csv").status_code == 403
    assert login(client.application.test_client(), system_admin).get(path).status_code == 200


def test_the_table_of_all_134_units_costs_a_few_statements(seeded, client, make_notice, issuer,
                                                           count_queries):
    units = db.session.execute(db.select(Unit).order_by(Unit.position)).scalars().all()
    accounts = [make_user(username=f"unit{n}", unit_id=u.id, is_unit_account=True)
                for n, u in enumerate(units[:40])]
    issue = make_notice(mode="done", groups=("everyone",))
    for account in accounts[:20]:
        sign_receipt(receipt_of(issue, account.unit), account, done=True, note="已落实")
    assert issue.target_count == len(units) == 134
    reader = login(client, issuer)
    assert statements_for(reader, count_queries, f"/notices/{issue.thread_id}/receipts") <= 12
    # 13: a unit account's header counts the petitions waiting for its answer too (issue 25).
    assert statements_for(reader, count_queries, f"/t/{issue.thread_id}") <= 13
    assert statements_for(login(client.application.test_client(), accounts[30]), count_queries,
                          f"/t/{issue.thread_id}") <= 12
    assert db.session.execute(db.select(db.func.count(User.id))).scalar() > 40


def test_the_daily_command_reminds_units_a_day_before_the_deadline_once(
        app, make_notice, township_accounts, now):
    issue = make_notice(mode="done", deadline_at=now.moment + timedelta(days=3))
    sign_receipt(receipt_of(issue, township_accounts[0].unit), township_accounts[0])
    sign_receipt(receipt_of(issue, township_accounts[1].unit), township_accounts[1], done=True,
                 note="已落实")
    db.session.execute(db.delete(Notification))
    db.session.commit()
    runner = app.test_cli_runner()
    assert "0 units reminded" in runner.invoke(args=["forum", "receipts-remind"]).output
    now.move(days=2, hours=1)
    assert "2 units reminded" in runner.invoke(args=["forum", "receipts-remind"]).output
    assert "0 units reminded" in runner.invoke(args=["forum", "receipts-remind"]).output
    reminded = sorted(db.session.execute(db.select(Notification.user_id)).scalars())
    assert reminded == sorted([township_accounts[0].id, township_accounts[2].id])
