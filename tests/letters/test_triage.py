"""The handlers' queue in /mod/: who sees it, due dates, overdue marks, filters; reads of
whistleblower letters in the audit log."""
from datetime import timedelta

from sqlalchemy import update

from forum.extensions import db
from forum.letters.writing import write_letter
from forum.models import Letter, SecurityEvent
from tests.conftest import login
from tests.factories import make_unit, make_user
from tests.letters.helpers import make_box, make_handler


def _letter(box, title="来信", kind="consult"):
    return write_letter(box, None, kind=kind, title=title, body="内容")[0]


def test_the_queue_marks_overdue_letters(app):
    box = make_box()
    handler = make_handler(box)
    late, fresh = _letter(box, "逾期的信"), _letter(box, "新来的信")
    db.session.execute(update(Letter).where(Letter.id == late.id)
                       .values(accept_due=late.accept_due - timedelta(days=60)))
    db.session.commit()
    page = login(app.test_client(), handler).get("/mod/").get_data(as_text=True)
    rows = page.split('<tr class="letter-row')
    late_row = next(r for r in rows if "逾期的信" in r)
    fresh_row = next(r for r in rows if "新来的信" in r)
    assert late_row.startswith(' overdue"') and "overdue-mark" in late_row
    assert "overdue" not in fresh_row.split(">")[0]
    assert fresh.accept_due.isoformat() in fresh_row


def test_the_queue_filters_by_state_kind_and_unit(app):
    box = make_box()
    handler = make_handler(box)
    unit = make_unit()
    _letter(box, "咨询来信", "consult")
    _letter(box, "投诉来信", "complain")
    client = login(app.test_client(), handler)
    page = client.get("/mod/?letter_kind=complain").get_data(as_text=True)
    assert "投诉来信" in page and "咨询来信" not in page
    page = client.get("/mod/?letter_state=answered").get_data(as_text=True)
    assert "投诉来信" not in page and "咨询来信" not in page
    page = client.get(f"/mod/?letter_unit={unit.id}").get_data(as_text=True)
    assert "投诉来信" not in page


def test_the_system_admin_and_moderators_see_no_letters_in_mod(app):
    box = make_box()
    make_handler(box)
    _letter(box, "书记信箱来信")
    admin = login(app.test_client(), make_user(admin_role="system"))
    assert "书记信箱来信" not in admin.get("/mod/").get_data(as_text=True)


def test_a_handler_without_other_roles_reaches_mod_and_a_member_does_not(app):
    box = make_box()
    handler = login(app.test_client(), make_handler(box))
    assert handler.get("/mod/").status_code == 200
    assert login(app.test_client(), make_user()).get("/mod/").status_code == 403


def test_each_read_of_a_whistleblower_letter_is_logged_for_the_audit_admin(app):
    box = make_box(whistleblower=True, anonymous=True)
    handler = make_handler(box, "reader")
    letter = _letter(box, "举报信", "report")
    client = login(app.test_client(), handler)
    client.get(f"/letters/{letter.id}")
    client.get(f"/letters/{letter.id}")
    reads = db.session.execute(db.select(SecurityEvent).where(
        SecurityEvent.kind == "letter_read")).scalars().all()
    assert [(e.actor_id, e.detail) for e in reads] == [(handler.id, f"letter {letter.id}")] * 2
    audit = login(app.test_client(), make_user(admin_role="audit"))
    assert "reader" in audit.get("/mod/log?kind=security").get_data(as_text=True)


def test_reads_of_letters_in_other_boxes_are_not_logged(app):
    box = make_box()
    letter = _letter(box)
    login(app.test_client(), make_handler(box)).get(f"/letters/{letter.id}")
    assert db.session.execute(db.select(SecurityEvent).where(
        SecurityEvent.kind == "letter_read")).first() is None


def test_the_unit_sees_only_letters_transferred_to_it(app):
    box = make_box()
    handler = make_handler(box)
    unit, other = make_unit(), make_unit()
    account = make_user(unit_id=unit.id, is_unit_account=True, is_verified=True)
    letter = _letter(box, "转给本镇的信")
    client = login(app.test_client(), account)
    assert client.get(f"/letters/{letter.id}").status_code == 404
    from forum.letters import triage

    triage.accept_letter(letter, handler)
    triage.transfer_letter(letter, handler, unit.id)
    assert client.get(f"/letters/{letter.id}").status_code == 200
    assert "转给本镇的信" in client.get("/mod/").get_data(as_text=True)
    triage.transfer_letter(db.session.get(Letter, letter.id), handler, other.id)
    assert client.get(f"/letters/{letter.id}").status_code == 404


def test_the_generic_thread_routes_give_a_letter_to_nobody_not_even_its_handler(app):
    from forum.boards.registry import get_type
    from forum.access import Access

    box = make_box()
    handler = make_handler(box)
    letter = _letter(box)
    assert get_type("mailbox").access(handler, box, letter.thread, {"handler"}) == Access.NONE
    client = login(app.test_client(), handler)
    assert client.get(f"/t/{letter.thread_id}").status_code == 404
    assert client.get(f"/letters/{letter.id}").status_code == 200


def test_handlers_are_told_once_of_a_letter_past_due(app):
    from forum.letters.triage import flag_overdue_letters
    from forum.models import Notification

    box = make_box()
    handler = make_handler(box)
    late = _letter(box, "逾期的信")
    _letter(box, "新来的信")
    db.session.execute(update(Letter).where(Letter.id == late.id)
                       .values(accept_due=late.accept_due - timedelta(days=60)))
    db.session.commit()
    result = app.test_cli_runner().invoke(args=["forum", "letters-overdue"])
    assert "1 overdue letters flagged" in result.output
    assert flag_overdue_letters() == 0
    told = db.session.execute(db.select(Notification).where(
        Notification.user_id == handler.id, Notification.kind == "letter_overdue")).scalars().all()
    assert [n.url for n in told] == [f"/letters/{late.id}"]


def test_the_box_admins_are_told_of_an_overdue_letter_without_its_content(app):
    from forum.letters.triage import flag_overdue_letters
    from forum.models import Notification

    unit = make_unit()
    box = make_box()
    box.unit_id = unit.id
    db.session.commit()
    admin = make_user(unit_id=unit.id, is_unit_account=True, is_verified=True)
    late = _letter(box, "逾期未办的信")
    db.session.execute(update(Letter).where(Letter.id == late.id)
                       .values(accept_due=late.accept_due - timedelta(days=60)))
    db.session.commit()
    assert flag_overdue_letters() == 1
    (told,) = db.session.execute(db.select(Notification).where(
        Notification.user_id == admin.id)).scalars().all()
    assert told.kind == "letter_overdue_box" and told.url == f"/b/{box.slug}"
    client = login(app.test_client(), admin)
    page = client.get("/notifications").get_data(as_text=True)
    assert box.name in page and "逾期未办的信" not in page
    assert client.get(f"/letters/{late.id}").status_code == 404
