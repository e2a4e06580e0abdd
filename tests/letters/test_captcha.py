"""The guests' CAPTCHA: drawn here, kept on the server, good for one try (issue 12, item 5)."""
from datetime import timedelta

from sqlalchemy import update

from forum.extensions import db
from forum import captcha
from forum.models import CaptchaChallenge, Letter
from tests.checks import says
from tests.conftest import csrf_token
from tests.letters.helpers import CAPTCHA_TEXT, letter_form, make_box

MISMATCH = "The characters do not match the picture; try the new one."


def _letters():
    db.session.expire_all()
    return db.session.execute(db.select(Letter)).scalars().all()


def _challenges():
    db.session.expire_all()
    return db.session.execute(db.select(CaptchaChallenge.id)).scalars().all()


def _solved_form(client, box, answer=CAPTCHA_TEXT):
    """The letter form as a browser loads it (form, then picture); the session cookie
    of that moment and the answered form."""
    token = csrf_token(client, f"/b/{box.slug}/new")
    client.get("/letters/captcha.png")
    cookie = client.get_cookie("session").value
    return cookie, {"csrf_token": token, **letter_form(), "captcha": answer}


def test_the_captcha_is_an_image_drawn_here(client):
    client.get(f"/b/{make_box().slug}/new")
    response = client.get("/letters/captcha.png")
    assert response.mimetype == "image/png" and response.data[:4] == b"\x89PNG"
    assert response.headers["Cache-Control"] == "no-store"


def test_replaying_a_solved_captcha_sends_no_second_letter(client):
    box = make_box()
    cookie, form = _solved_form(client, box)
    assert client.post(f"/b/{box.slug}/new", data=form).status_code == 302
    for _ in range(5):
        client.set_cookie("session", cookie)  # the cookie as it was when the picture was solved
        replay = client.post(f"/b/{box.slug}/new", data=form)
        assert replay.status_code == 200 and says(replay.get_data(as_text=True), MISMATCH)
    assert len(_letters()) == 1


def test_a_wrong_answer_spends_the_challenge_so_the_right_one_cannot_follow(client):
    box = make_box()
    cookie, form = _solved_form(client, box, answer="WRONG")
    assert says(client.post(f"/b/{box.slug}/new", data=form).get_data(as_text=True), MISMATCH)
    client.set_cookie("session", cookie)
    again = client.post(f"/b/{box.slug}/new", data={**form, "captcha": CAPTCHA_TEXT})
    assert says(again.get_data(as_text=True), MISMATCH)
    assert _letters() == []


def test_an_expired_challenge_is_refused(client):
    box = make_box()
    _cookie, form = _solved_form(client, box)
    db.session.execute(update(CaptchaChallenge).values(
        expires_at=CaptchaChallenge.expires_at - captcha.LIFETIME - timedelta(seconds=1)))
    db.session.commit()
    assert says(client.post(f"/b/{box.slug}/new", data=form).get_data(as_text=True), MISMATCH)
    assert _letters() == []


def test_drawing_the_picture_changes_nothing(client):
    assert client.get("/letters/captcha.png").status_code == 404  # no form, no challenge
    box = make_box()
    cookie, form = _solved_form(client, box)
    before = _challenges()
    for _ in range(3):
        assert client.get("/letters/captcha.png").status_code == 200
    assert _challenges() == before and len(before) == 1
    assert client.get_cookie("session").value == cookie
    assert client.post(f"/b/{box.slug}/new", data=form).status_code == 302


def test_a_new_form_replaces_the_sessions_challenge_and_old_ones_are_swept(client):
    box = make_box()
    client.get(f"/b/{box.slug}/new")
    first = _challenges()
    client.get(f"/b/{box.slug}/new")
    assert len(_challenges()) == 1 and _challenges() != first
    db.session.execute(update(CaptchaChallenge).values(
        expires_at=CaptchaChallenge.expires_at - captcha.LIFETIME - timedelta(seconds=1)))
    db.session.commit()
    client.application.test_client().get(f"/b/{box.slug}/new")
    assert len(_challenges()) == 1  # the other session's expired challenge is gone


def test_the_challenge_text_comes_from_its_id_under_the_secret_key(app, monkeypatch):
    monkeypatch.undo()  # the real text, not the tests' known one
    first, second = captcha.text_for("a" * 32), captcha.text_for("b" * 32)
    assert len(first) == captcha.LENGTH and set(first) <= set(captcha.ALPHABET)
    assert first == captcha.text_for("a" * 32) and first != second
