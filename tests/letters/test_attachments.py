"""A letter's files: sent with the letter, kept without an uploader, read by exactly
those who read the letter (and the browser that opened it with the code), never shown
with the published letter; a bad file sends nothing at all."""
import io
import re
from pathlib import Path

import pytest

from forum.boards.roles import grant
from forum.extensions import db
from forum.models import Attachment, Letter, Post, SecurityEvent, Thread
from tests.attachments import samples
from tests.checks import says
from tests.conftest import csrf_token, login, post_form
from tests.factories import make_unit, make_user
from tests.letters.helpers import CAPTCHA_TEXT, code_of, letter_form, make_box, make_handler

FILE_RE = re.compile(r'href="/a/([\w-]+)"')


pytestmark = pytest.mark.usefixtures("empty_upload_folder")


def _send(client, box, files, guest=True, **fields):
    data = {"csrf_token": csrf_token(client, f"/b/{box.slug}/new"), **letter_form(**fields),
            "files": [(io.BytesIO(content), name) for name, content in files]}
    if guest:
        client.get("/letters/captcha.png")
        data["captcha"] = CAPTCHA_TEXT
    return client.post(f"/b/{box.slug}/new", data=data, content_type="multipart/form-data",
                       follow_redirects=True)


def _tokens():
    return [a.token for a in db.session.execute(db.select(Attachment).order_by(Attachment.id)).scalars()]


def _status(app, token, user=None):
    client = app.test_client()
    if user is not None:
        login(client, user)
    return client.get(f"/a/{token}").status_code


def test_a_guest_letter_keeps_its_files_without_an_uploader(app):
    box = make_box(slug="secretary")
    page = _send(app.test_client(), box, [("照片.png", samples.image_bytes()),
                                          ("材料.pdf", samples.PDF)])
    assert 'id="query-code"' in page.get_data(as_text=True)
    letter = db.session.execute(db.select(Letter)).scalar_one()
    post = db.session.execute(db.select(Post).where(Post.thread_id == letter.thread_id)).scalar_one()
    files = db.session.execute(db.select(Attachment)).scalars().all()
    assert sorted(f.filename for f in files) == ["材料.pdf", "照片.png"]
    assert {f.post_id for f in files} == {post.id} and {f.uploader_id for f in files} == {None}


def test_a_letters_files_answer_404_to_all_but_those_who_read_the_letter(app):
    box = make_box(slug="secretary")
    handler = make_handler(box)
    unit = make_unit(name="八步镇")
    unit_account = make_user(unit_id=unit.id, is_unit_account=True, is_verified=True)
    other_unit = make_user(unit_id=make_unit(name="猫场镇").id, is_unit_account=True)
    writer = make_user(is_verified=True)
    moderator = make_user()
    grant(moderator, box, "moderator")
    box_admin = make_user()
    grant(box_admin, box, "admin")
    _send(login(app.test_client(), writer), box, [("材料.pdf", samples.PDF)], guest=False)
    [token] = _tokens()
    letter = db.session.execute(db.select(Letter)).scalar_one()
    nobody = {"guest": None, "member": make_user(), "moderator": moderator, "box admin": box_admin,
              "system admin": make_user(admin_role="system"), "other unit": other_unit,
              "unit before the transfer": unit_account}
    assert {name: _status(app, token, user) for name, user in nobody.items()} == \
        {name: 404 for name in nobody}
    assert _status(app, token, writer) == 200 and _status(app, token, handler) == 200
    staff = login(app.test_client(), handler)
    assert post_form(staff, f"/letters/{letter.id}/accept", {}).status_code == 302
    assert post_form(staff, f"/letters/{letter.id}/transfer", {"unit": unit.id}).status_code == 302
    assert _status(app, token, unit_account) == 200 and _status(app, token, other_unit) == 404


def test_the_code_opens_the_files_in_that_browser_only(app):
    box = make_box(slug="secretary")
    writer = app.test_client()
    code = code_of(_send(writer, box, [("照片.png", samples.image_bytes())]))
    [token] = _tokens()
    assert writer.get(f"/a/{token}").status_code == 404  # the code not given yet
    page = post_form(writer, "/letters/track", {"code": code}).get_data(as_text=True)
    assert f'href="/a/{token}"' in page
    assert writer.get(f"/a/{token}").status_code == 200
    assert writer.get(f"/a/{token}/thumb").status_code == 200
    assert app.test_client().get(f"/a/{token}").status_code == 404


def test_the_handler_sees_the_files_and_the_published_letter_shows_none(app):
    box = make_box(slug="secretary")
    handler = make_handler(box)
    _send(app.test_client(), box, [("材料.pdf", samples.PDF)], consent="y")
    letter = db.session.execute(db.select(Letter)).scalar_one()
    staff = login(app.test_client(), handler)
    assert "材料.pdf" in staff.get(f"/letters/{letter.id}").get_data(as_text=True)
    for step, data in (("accept", {}), ("answer", {"body": "已答复。"}), ("publish", {})):
        assert post_form(staff, f"/letters/{letter.id}/{step}", data).status_code == 302
    public = app.test_client().get("/b/secretary").get_data(as_text=True)
    assert "已答复" in public and "材料.pdf" not in public and not FILE_RE.search(public)


@pytest.mark.parametrize("name, content", [("照片.jpg", samples.EXE), ("图.svg", samples.SVG),
                                           ("页.html", samples.HTML)])
def test_a_bad_file_sends_nothing_and_says_why(app, name, content):
    box = make_box(slug="secretary")
    page = _send(app.test_client(), box, [("好.pdf", samples.PDF), (name, content)])
    assert page.status_code == 200 and 'id="files-error"' in page.get_data(as_text=True)
    assert db.session.execute(db.select(Letter)).first() is None
    assert db.session.execute(db.select(Thread)).first() is None and _tokens() == []
    assert not any(path.is_file() for path in Path(app.config["UPLOAD_FOLDER"]).rglob("*"))


OVER_THE_LETTERS_QUOTA = {
    "six files": ([(f"图{n}.png", samples.image_bytes()) for n in range(6)],
                  "Attach at most %(n)d files at a time.", {"n": 5}),
    "21 MB in five files": ([(f"材料{n}.pdf", samples.PDF + b"0" * 4_200_000) for n in range(5)],
                            "These files come to more than %(n)d MB together; send fewer or smaller ones.",
                            {"n": 20}),
    "a 30-megapixel picture": ([("大图.png", samples.png_bomb(6000, 5000))],
                               "This image has too many pixels (more than %(n)d million); make it "
                               "smaller and try again.", {"n": 25}),
}


@pytest.mark.parametrize("files, message, params", OVER_THE_LETTERS_QUOTA.values(),
                         ids=OVER_THE_LETTERS_QUOTA.keys())
def test_files_over_the_letters_quota_send_nothing_and_say_why(app, files, message, params):
    box = make_box(slug="secretary")
    page = _send(app.test_client(), box, files)
    assert page.status_code == 200 and says(page.get_data(as_text=True), message, **params)
    assert db.session.execute(db.select(Letter)).first() is None and _tokens() == []
    assert not any(path.is_file() for path in Path(app.config["UPLOAD_FOLDER"]).rglob("*"))


def test_opening_a_whistleblower_letters_file_is_logged_for_the_audit_admin(app):
    box = make_box(slug="jubao", whistleblower=True, anonymous=True)
    handler = make_handler(box, "reader")
    _send(app.test_client(), box, [("证据.pdf", samples.PDF)], kind="report")
    [token] = _tokens()
    client = login(app.test_client(), handler)
    assert client.get(f"/a/{token}").status_code == 200
    reads = db.session.execute(db.select(SecurityEvent).where(
        SecurityEvent.kind == "letter_read")).scalars().all()
    assert [e.actor_id for e in reads] == [handler.id]



def test_opening_a_whistleblower_letters_thumbnail_is_logged_too(app):
    box = make_box(slug="jubao", whistleblower=True, anonymous=True)
    handler = make_handler(box, "reader")
    _send(app.test_client(), box, [("现场.png", samples.image_bytes())], kind="report")
    [token] = _tokens()
    client = login(app.test_client(), handler)
    assert client.get(f"/a/{token}/thumb").status_code == 200
    reads = db.session.execute(db.select(SecurityEvent).where(
        SecurityEvent.kind == "letter_read")).scalars().all()
    assert [e.actor_id for e in reads] == [handler.id]
