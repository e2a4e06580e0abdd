"""Publishing, correcting, withdrawing and closing disclosures through HTTP (CSRF on):
who may, and every bad input the issue names refused with a message, storing nothing."""
from datetime import date

import pytest

from forum.disclosure.models import (Disclosure, DisclosurePerson, DisclosureRevision,
                                     DisclosureState)
from forum.extensions import db
from forum.models import Thread
from tests.checks import log, says
from tests.conftest import login, post_form
from tests.disclosure.conftest import MONDAY, TWO_PEOPLE
from tests.factories import make_unit, make_user


def people_fields(rows):
    return {f"people-{n}-{key}": value for n, row in enumerate(rows) for key, value in row.items()}


def publish_form(**overrides):
    form = {"kind": "pre_appointment", "title": "干部任前公示", "doc_number": "织组干〔2024〕12号",
            "body": "经县委研究，拟任用以下同志。", "starts_on": "2024-06-03", "ends_on": "",
            **people_fields(TWO_PEOPLE)}
    form.update(overrides)
    return form


def publish(client, board, **overrides):
    return post_form(client, f"/b/{board.slug}/new", publish_form(**overrides))


def stored():
    db.session.expire_all()
    return (db.session.execute(db.select(db.func.count(Disclosure.id))).scalar_one(),
            db.session.execute(db.select(db.func.count(Thread.id))).scalar_one(),
            db.session.execute(db.select(db.func.count(DisclosurePerson.id))).scalar_one())


def test_the_org_departments_account_publishes_a_pre_appointment_notice_with_two_people(
        client, disclosure_board, issuer, today):
    response = publish(login(client, issuer), disclosure_board)
    assert response.status_code == 302
    disclosure = db.session.execute(db.select(Disclosure)).scalar_one()
    assert (disclosure.unit_id, disclosure.kind, disclosure.doc_number) == (
        issuer.unit_id, "pre_appointment", "织组干〔2024〕12号")
    assert (disclosure.starts_on, disclosure.ends_on) == (MONDAY, date(2024, 6, 7))
    assert [p.name for p in disclosure.people] == ["张三", "李四"]
    assert disclosure.thread.author_id == issuer.id
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "张三" in page and "县委组织部副部长" in page and says(page, "Under public notice")
    assert [row.target_id for row in log("disclosure_publish")] == [disclosure.id]


def test_a_unit_the_board_authorises_publishes_and_an_unauthorised_one_is_refused(
        client, app, disclosure_board, today):
    township, other = make_unit(slug="zhuchang"), make_unit(slug="xiongjia")
    disclosure_board.settings = {"issuers": "zhuchang"}
    db.session.commit()
    authorised = make_user(unit_id=township.id, is_unit_account=True, is_verified=True)
    refused = make_user(unit_id=other.id, is_unit_account=True, is_verified=True)
    assert publish(login(app.test_client(), refused), disclosure_board).status_code == 403
    assert stored() == (0, 0, 0)
    assert publish(login(client, authorised), disclosure_board).status_code == 302
    assert db.session.execute(db.select(Disclosure.unit_id)).scalar_one() == township.id


@pytest.mark.parametrize("who", ["member", "verified", "system"])
def test_members_and_the_system_admin_may_not_publish(client, disclosure_board, who, today):
    user = make_user(is_verified=who != "member", admin_role="system" if who == "system" else None)
    assert publish(login(client, user), disclosure_board).status_code == 403
    assert client.get(f"/b/{disclosure_board.slug}/new").status_code == 403
    assert stored() == (0, 0, 0)


def test_a_guest_is_sent_to_log_in(client, disclosure_board):
    response = client.get(f"/b/{disclosure_board.slug}/new")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


@pytest.mark.parametrize("overrides,field_message", [
    ({"ends_on": "2024-06-06"}, ("A pre-appointment notice runs for at least %(n)d working days.", {"n": 5})),
    ({"ends_on": "2024-06-01"}, ("The period cannot end before it starts.", {})),
    ({"starts_on": ""}, ("A public notice needs the first day of its period.", {})),
    ({"kind": "nonsense"}, (None, {})),
    ({"title": ""}, ("Enter a title.", {})),
], ids=["four-working-days", "end-before-start", "no-start", "bad-kind", "no-title"])
def test_a_bad_period_or_field_is_refused_with_a_message_and_stores_nothing(
        client, disclosure_board, issuer, today, overrides, field_message):
    response = publish(login(client, issuer), disclosure_board, **overrides)
    assert response.status_code == 200
    message, params = field_message
    page = response.get_data(as_text=True)
    assert says(page, message, **params) if message else 'id="kind-error"' in page
    assert stored() == (0, 0, 0)


@pytest.mark.parametrize("cell,value", [
    ("name", "张三 522425198005051234"), ("current_post", "身份证52242519800505123X"),
    ("proposed", "老号码 522425800505123"), ("name", "张三13812345678"),
    ("current_post", "电话 138 1234 5678"), ("proposed", "0857-7621234"),
])
def test_a_people_table_with_an_id_number_or_a_phone_in_any_cell_is_refused(
        client, disclosure_board, issuer, today, cell, value):
    rows = [TWO_PEOPLE[0], {**TWO_PEOPLE[1], cell: value}]
    response = publish(login(client, issuer), disclosure_board, **people_fields(rows))
    assert response.status_code == 200
    assert says(response.get_data(as_text=True), "Row %(n)d holds what looks like an ID number "
                "or a phone number: a notice never lists them.", n=2)
    assert stored() == (0, 0, 0)


@pytest.mark.parametrize("row,message", [
    ({"sex": "未知"}, "Row %(n)d: choose 男 or 女."),
    ({"born": "1980"}, "Row %(n)d: give the birth month as YYYY-MM, e.g. 1985-03."),
    ({"proposed": ""}, "Fill in every cell of row %(n)d."),
])
def test_a_row_with_a_bad_cell_is_refused(client, disclosure_board, issuer, today, row, message):
    rows = [{**TWO_PEOPLE[0], **row}]
    response = publish(login(client, issuer), disclosure_board,
                       **{**people_fields([{k: "" for k in TWO_PEOPLE[1]}] * 2), **people_fields(rows)})
    assert says(response.get_data(as_text=True), message, n=1)
    assert stored() == (0, 0, 0)


def test_a_notice_without_people_is_refused(client, disclosure_board, issuer, today):
    empty = people_fields([{k: "" for k in TWO_PEOPLE[0]}] * 2)
    response = publish(login(client, issuer), disclosure_board, **empty)
    assert says(response.get_data(as_text=True), "List at least one person.")
    assert stored() == (0, 0, 0)


def test_a_party_affairs_notice_needs_no_period_and_no_people(client, disclosure_board, issuer):
    empty = people_fields([{k: "" for k in TWO_PEOPLE[0]}] * 2)
    response = publish(login(client, issuer), disclosure_board, kind="party_affairs",
                       starts_on="", **empty)
    assert response.status_code == 302
    disclosure = db.session.execute(db.select(Disclosure)).scalar_one()
    assert (disclosure.starts_on, disclosure.ends_on, disclosure.people) == (None, None, [])


def test_more_rows_adds_rows_to_the_form_without_a_script(client, disclosure_board, issuer):
    page = publish(login(client, issuer), disclosure_board, more_rows="1").get_data(as_text=True)
    assert 'name="people-19-name"' in page and 'name="people-20-name"' not in page
    assert stored() == (0, 0, 0)


def test_nobody_replies_in_public(client, make_disclosure):
    disclosure = make_disclosure()
    login(client, make_user(is_verified=True))
    assert client.get(f"/t/{disclosure.thread_id}/reply").status_code == 403


def test_a_correction_keeps_the_earlier_version_visible_as_such(client, issuer, make_disclosure, today):
    disclosure = make_disclosure(title="任前公示（原）")
    login(client, issuer)
    response = post_form(client, f"/disclosures/{disclosure.id}/correct", {
        "title": "任前公示（更正）", "body": "更正后的正文", "doc_number": "",
        "reason": "出生年月有误", **people_fields([{**TWO_PEOPLE[0], "born": "1980-06"}])})
    assert response.status_code == 302
    db.session.expire_all()
    disclosure = db.session.get(Disclosure, disclosure.id)
    assert disclosure.version == 2 and [p.born for p in disclosure.people] == ["1980-06"]
    revision = db.session.execute(db.select(DisclosureRevision)).scalar_one()
    assert (revision.version, revision.title, revision.reason) == (1, "任前公示（原）", "出生年月有误")
    assert [row["born"] for row in revision.people] == ["1980-05", "1986-11"]
    page = client.get(f"/t/{disclosure.thread_id}").get_data(as_text=True)
    assert "任前公示（更正）" in page and "任前公示（原）" in page and "1980-05" in page
    assert says(page, "Versions before a correction")
    assert len(log("disclosure_correct")) == 1


def test_a_correction_without_a_reason_or_with_a_phone_changes_nothing(client, issuer, make_disclosure):
    disclosure = make_disclosure()
    login(client, issuer)
    for extra in ({"reason": ""}, {"reason": "改", **people_fields([{**TWO_PEOPLE[0], "name": "13912345678"}])}):
        post_form(client, f"/disclosures/{disclosure.id}/correct",
                  {"title": "新", "body": "新", **people_fields(TWO_PEOPLE), **extra})
    db.session.expire_all()
    assert db.session.get(Disclosure, disclosure.id).version == 1
    assert db.session.execute(db.select(db.func.count(DisclosureRevision.id))).scalar_one() == 0


def test_a_withdrawn_disclosure_stays_listed_with_its_reason(client, issuer, disclosure_board,
                                                              make_disclosure, today):
    disclosure = make_disclosure(title="拟任人选公示")
    login(client, issuer)
    post_form(client, f"/disclosures/{disclosure.id}/withdraw", {"reason": ""})
    db.session.expire_all()
    assert db.session.get(Disclosure, disclosure.id).state == DisclosureState.PUBLISHED
    post_form(client, f"/disclosures/{disclosure.id}/withdraw", {"reason": "人选调整"})
    db.session.expire_all()
    assert db.session.get(Disclosure, disclosure.id).state == DisclosureState.WITHDRAWN
    guest = client.application.test_client()
    assert "拟任人选公示" in guest.get(f"/b/{disclosure_board.slug}").get_data(as_text=True)
    page = guest.get(f"/t/{disclosure.thread_id}").get_data(as_text=True)
    assert says(page, "Withdrawn: %(reason)s", reason="人选调整")
    assert [row.reason for row in log("disclosure_withdraw")] == ["人选调整"]


def test_closing_waits_for_the_period_to_end_then_shows_the_outcome(client, issuer, make_disclosure, today):
    disclosure = make_disclosure()
    login(client, issuer)
    post_form(client, f"/disclosures/{disclosure.id}/close", {"outcome": "no_objection"})
    db.session.expire_all()
    assert db.session.get(Disclosure, disclosure.id).state == DisclosureState.PUBLISHED
    today.set(date(2024, 6, 8))
    post_form(client, f"/disclosures/{disclosure.id}/close", {"outcome": "no_objection"})
    db.session.expire_all()
    disclosure = db.session.get(Disclosure, disclosure.id)
    assert (disclosure.state, disclosure.outcome) == (DisclosureState.CLOSED, "no_objection")
    page = client.application.test_client().get(f"/t/{disclosure.thread_id}").get_data(as_text=True)
    assert says(page, "No objection")
    assert says(page, "Feedback received: %(received)d; answered: %(answered)d.", received=0, answered=0)


def test_a_bad_outcome_is_refused(client, issuer, make_disclosure, today):
    disclosure = make_disclosure()
    today.set(date(2024, 6, 10))
    login(client, issuer)
    post_form(client, f"/disclosures/{disclosure.id}/close", {"outcome": "forgotten"})
    db.session.expire_all()
    assert db.session.get(Disclosure, disclosure.id).state == DisclosureState.PUBLISHED


@pytest.mark.parametrize("who", ["member", "other_unit", "system", "moderator"])
@pytest.mark.parametrize("action,form", [("correct", {"title": "改", "body": "改", "reason": "改"}),
                                         ("withdraw", {"reason": "撤"}),
                                         ("close", {"outcome": "no_objection"})])
def test_only_the_issuing_units_account_corrects_withdraws_or_closes(
        client, disclosure_board, make_disclosure, who, action, form, today):
    from forum.boards.roles import grant

    disclosure = make_disclosure(kind="party_affairs")
    fields = {"member": {}, "system": {"admin_role": "system"},
              "other_unit": {"unit_id": make_unit().id, "is_unit_account": True},
              "moderator": {}}[who]
    user = make_user(is_verified=True, **fields)
    if who == "moderator":
        grant(user, disclosure_board, "moderator")
    login(client, user)
    assert post_form(client, f"/disclosures/{disclosure.id}/{action}", form).status_code == 403
    db.session.expire_all()
    assert db.session.get(Disclosure, disclosure.id).state == DisclosureState.PUBLISHED
    assert db.session.get(Disclosure, disclosure.id).version == 1


def test_a_guest_is_sent_to_log_in_for_the_issuers_tools(client, make_disclosure):
    disclosure = make_disclosure()
    assert client.get(f"/disclosures/{disclosure.id}/correct").status_code == 302
    assert client.get("/disclosures/999/correct").status_code == 302


def test_the_issuers_setting_refuses_an_unknown_unit(client, disclosure_board, issuer):
    login(client, issuer)
    response = post_form(client, f"/b/{disclosure_board.slug}/manage",
                         {"description": "党务公开", "issuers": "nosuchunit"})
    assert says(response.get_data(as_text=True), "No unit has the short name %(slugs)s.",
                slugs="nosuchunit")
    db.session.expire_all()
    assert "issuers" not in db.session.get(type(disclosure_board), disclosure_board.id).settings


def test_publishing_keeps_the_counters_that_recount_rebuilds(make_disclosure, issuer, disclosure_board):
    from forum.boards.recount import recount
    from forum.models import Board, User

    make_disclosure()
    db.session.expire_all()
    kept = (db.session.get(User, issuer.id).post_count,
            db.session.get(Board, disclosure_board.id).post_count)
    recount()
    db.session.expire_all()
    assert kept == (db.session.get(User, issuer.id).post_count,
                    db.session.get(Board, disclosure_board.id).post_count) == (1, 1)
