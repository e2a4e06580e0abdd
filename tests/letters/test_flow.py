"""A letter's whole life through HTTP with CSRF on: written, handled, answered, rated,
published."""
from flask_babel import format_date

from forum.extensions import db
from forum.models import Letter, ModAction, Notification
from tests.checks import says
from tests.conftest import login, post_form
from tests.factories import make_unit, make_user
from tests.letters.helpers import code_of, make_box, make_handler, write


def _letter():
    db.session.expire_all()
    return db.session.execute(db.select(Letter)).scalar_one()


def _step(client, letter, step, **data):
    response = post_form(client, f"/letters/{letter.id}/{step}", data)
    assert response.status_code == 302, response.get_data(as_text=True)
    return response


def test_a_guest_letter_is_transferred_drafted_answered_rated_and_published(app):
    box = make_box(slug="secretary")
    handler = make_handler(box, "handler")
    unit = make_unit(name="八步镇")
    unit_account = make_user(username="babu", unit_id=unit.id, is_unit_account=True, is_verified=True)
    guest = app.test_client()
    code = code_of(write(guest, box, title="八步镇两委换届问题", body="换届中群众反映的问题。", consent="y"))

    staff = login(app.test_client(), handler)
    assert "八步镇两委换届问题" in staff.get("/mod/").get_data(as_text=True)
    letter = _letter()
    _step(staff, letter, "accept")
    _step(staff, letter, "transfer", unit=unit.id)
    assert _letter().state == "transferred"

    unit_client = login(app.test_client(), unit_account)
    assert "八步镇两委换届问题" in unit_client.get("/mod/").get_data(as_text=True)
    assert unit_client.get(f"/letters/{letter.id}").status_code == 200
    _step(unit_client, letter, "draft", body="已责成镇党委核查。")
    assert _letter().state == "processing"
    assert post_form(unit_client, f"/letters/{letter.id}/answer", {"body": "x"}).status_code == 403

    _step(staff, letter, "answer", body="经核查，换届程序合法。")
    assert _letter().state == "answered"
    page = post_form(guest, "/letters/track", {"code": code}).get_data(as_text=True)
    assert "经核查，换届程序合法。" in page
    assert post_form(guest, "/letters/rate", {"code": code, "rating": "satisfied",
                                              "comment": "满意"}).status_code == 302
    assert _letter().state == "rated"

    _step(staff, letter, "publish")
    public = app.test_client().get("/b/secretary").get_data(as_text=True)
    assert "八步镇两委换届问题" in public and "经核查，换届程序合法。" in public
    assert "13800000000" not in public


def test_every_step_is_timestamped_and_logged(app):
    box = make_box()
    handler = make_handler(box)
    write(app.test_client(), box)
    staff = login(app.test_client(), handler)
    letter = _letter()
    _step(staff, letter, "accept")
    _step(staff, letter, "extend", days=5, reason="需实地调查")
    _step(staff, letter, "answer", body="答复")
    _step(staff, letter, "close")
    letter = _letter()
    assert letter.accepted_at and letter.extended_at and letter.answered_at and letter.closed_at
    actions = [a.action for a in db.session.execute(
        db.select(ModAction).where(ModAction.target_type == "letter")).scalars()]
    assert actions == ["letter_accept", "letter_extend", "letter_answer", "letter_close"]


def test_a_refused_letter_shows_the_writer_the_reason(app):
    box = make_box()
    handler = make_handler(box)
    guest = app.test_client()
    code = code_of(write(guest, box))
    _step(login(app.test_client(), handler), _letter(), "refuse", reason="已进入诉讼程序")
    page = post_form(guest, "/letters/track", {"code": code}).get_data(as_text=True)
    assert "已进入诉讼程序" in page


def test_a_member_finds_their_letter_under_my_letters_and_is_told_of_each_step(app):
    box = make_box()
    handler = make_handler(box)
    writer = make_user(username="writer")
    client = login(app.test_client(), writer)
    write(client, box, guest=False, title="我的来信")
    assert "我的来信" in client.get("/letters/mine").get_data(as_text=True)
    letter = _letter()
    assert client.get(f"/letters/{letter.id}").status_code == 200

    def kinds(user):
        return [n.kind for n in db.session.execute(
            db.select(Notification).where(Notification.user_id == user.id)).scalars()]

    assert kinds(handler) == ["letter_new"]
    _step(login(app.test_client(), handler), letter, "accept")
    assert kinds(writer) == ["letter_state"]
    assert "我的来信" not in client.get("/notifications").get_data(as_text=True)  # no letter text


def test_the_writer_rates_once(app):
    box = make_box()
    handler = make_handler(box)
    guest = app.test_client()
    code = code_of(write(guest, box))
    staff = login(app.test_client(), handler)
    letter = _letter()
    _step(staff, letter, "accept")
    _step(staff, letter, "answer", body="答复")
    post_form(guest, "/letters/rate", {"code": code, "rating": "unsatisfied"})
    post_form(guest, "/letters/rate", {"code": code, "rating": "satisfied"})
    assert _letter().rating == "unsatisfied"
    page = post_form(guest, "/letters/track", {"code": code}).get_data(as_text=True)
    assert 'name="rating"' not in page


def test_a_letter_cannot_be_rated_before_it_is_answered(app):
    box = make_box()
    guest = app.test_client()
    code = code_of(write(guest, box))
    post_form(guest, "/letters/rate", {"code": code, "rating": "satisfied"})
    assert _letter().rating is None


def test_a_handler_of_another_box_gets_404_acting_on_a_letter(app):
    box, other = make_box(), make_box()
    make_handler(box)
    stranger = login(app.test_client(), make_handler(other))
    write(app.test_client(), box)
    letter = _letter()
    assert post_form(stranger, f"/letters/{letter.id}/accept", {}).status_code == 404
    assert stranger.get(f"/letters/{letter.id}").status_code == 404
    assert _letter().state == "pending"


def test_a_transfer_to_a_unit_that_does_not_exist_is_refused(app):
    box = make_box()
    staff = login(app.test_client(), make_handler(box))
    write(app.test_client(), box)
    letter = _letter()
    _step(staff, letter, "accept")
    response = post_form(staff, f"/letters/{letter.id}/transfer", {"unit": "99999"},
                         follow_redirects=True)
    assert says(response.get_data(as_text=True), "Choose a unit that exists.")
    assert _letter().state == "accepted" and _letter().unit_id is None


def test_a_step_the_state_does_not_allow_changes_nothing(app):
    box = make_box()
    staff = login(app.test_client(), make_handler(box))
    write(app.test_client(), box)
    letter = _letter()
    response = post_form(staff, f"/letters/{letter.id}/answer", {"body": "太早"},
                         follow_redirects=True)
    assert says(response.get_data(as_text=True), "This letter has moved on meanwhile; nothing was changed.")
    assert _letter().answer is None


def test_a_member_rates_from_the_letter_page_and_cannot_take_handlers_steps(app):
    box = make_box()
    handler = make_handler(box)
    writer = make_user()
    client = login(app.test_client(), writer)
    write(client, box, guest=False)
    letter = _letter()
    staff = login(app.test_client(), handler)
    _step(staff, letter, "accept")
    assert post_form(client, f"/letters/{letter.id}/answer", {"body": "自答"}).status_code == 403
    _step(staff, letter, "answer", body="答复")
    assert 'name="rating"' in client.get(f"/letters/{letter.id}").get_data(as_text=True)
    assert post_form(client, f"/letters/{letter.id}/rate", {"rating": "fair"}).status_code == 302
    assert _letter().rating == "fair"
    other = login(app.test_client(), make_user())
    assert post_form(other, f"/letters/{letter.id}/rate", {"rating": "satisfied"}).status_code == 404


def test_a_letter_without_consent_cannot_be_published(app):
    box = make_box(slug="minister")
    staff = login(app.test_client(), make_handler(box))
    write(app.test_client(), box, title="不愿公开的信")
    letter = _letter()
    _step(staff, letter, "accept")
    _step(staff, letter, "answer", body="答复")
    _step(staff, letter, "publish")
    assert _letter().published_at is None
    assert "不愿公开的信" not in app.test_client().get("/b/minister").get_data(as_text=True)


def test_a_guest_who_rates_by_code_stays_on_the_letter_and_is_thanked(app):
    box = make_box()
    guest = app.test_client()
    code = code_of(write(guest, box, title="路灯坏了"))
    staff = login(app.test_client(), make_handler(box))
    letter = _letter()
    _step(staff, letter, "accept")
    _step(staff, letter, "answer", body="已修复。")
    page = post_form(guest, "/letters/rate", {"code": code, "rating": "satisfied"},
                     follow_redirects=True).get_data(as_text=True)
    assert _letter().rating == "satisfied"
    assert "路灯坏了" in page and "已修复。" in page
    assert says(page, "Thank you for rating the answer.")
    assert "路灯坏了" not in guest.get("/letters/track").get_data(as_text=True)  # shown once


def test_a_rating_by_code_without_a_choice_keeps_the_letter_and_says_why(app):
    box = make_box()
    guest = app.test_client()
    code = code_of(write(guest, box, title="路灯坏了"))
    staff = login(app.test_client(), make_handler(box))
    _step(staff, _letter(), "accept")
    _step(staff, _letter(), "answer", body="已修复。")
    page = post_form(guest, "/letters/rate", {"code": code}, follow_redirects=True).get_data(as_text=True)
    assert "路灯坏了" in page and 'name="rating"' in page and _letter().rating is None


def test_each_letter_step_says_what_happened_on_the_letter_page(app):
    box = make_box()
    unit = make_unit(name="城关镇")
    write(app.test_client(), box)
    staff = login(app.test_client(), make_handler(box))
    letter = _letter()

    def step(name, **data):
        response = post_form(staff, f"/letters/{letter.id}/{name}", data, follow_redirects=True)
        assert response.request.path == f"/letters/{letter.id}"
        return response.get_data(as_text=True)

    page = step("accept")
    assert says(page, "Accepted: the answer is due on %(date)s.", date=format_date(_letter().answer_due))
    assert says(step("transfer", unit=unit.id), "Transferred to %(unit)s; its accounts have been told.",
                unit="城关镇")
    assert says(step("answer", body="答复"), "Answered: the writer can now read the answer.")
    page = step("close")
    assert says(page, "Closed: nothing more happens to this letter.") and not says(page, "Done.")
