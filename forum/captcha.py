"""An image CAPTCHA drawn on this server (no third party sees who answers it), for
guests' letters and for logins from an address that has sent wrong passwords.

A challenge is a row kept on the server (a random id and an expiry) whose id the
session holds; its text is derived from the id under the app's secret key, so the
picture can be drawn again without storing the answer. Checking an answer deletes
the row, right or wrong, in its own commit: a solved challenge (or a copied cookie)
never sends a second letter. Drawing the picture changes nothing, so the image is a
harmless GET; a new challenge comes with each rendering of the letter form.
"""
import hashlib
import hmac
import secrets
from datetime import timedelta

from captcha.image import ImageCaptcha
from flask import abort, current_app, session
from sqlalchemy import delete

from forum.extensions import db
from forum.models import CaptchaChallenge
from forum.models.base import utcnow
from forum.security import no_store
from forum.service import commit

ALPHABET = "ACDEFHJKLMNPRTUVWXY34679"  # no look-alikes (0/O, 1/I, 2/Z, 5/S, 8/B)
LENGTH = 5
LIFETIME = timedelta(hours=1)  # long enough to write a letter
SESSION_KEY = "captcha"


def text_for(challenge_id):
    """The characters of a challenge: a keyed hash of its id, spelt in ALPHABET."""
    key = current_app.config["SECRET_KEY"].encode()
    number = int.from_bytes(hmac.new(key, challenge_id.encode(), hashlib.sha256).digest(), "big")
    letters = []
    for _ in range(LENGTH):
        number, index = divmod(number, len(ALPHABET))
        letters.append(ALPHABET[index])
    return "".join(letters)


def new_challenge():
    """Start a challenge for this session, replacing its previous one."""
    now = utcnow()
    previous = session.get(SESSION_KEY, "")
    db.session.execute(delete(CaptchaChallenge).where(
        (CaptchaChallenge.expires_at < now) | (CaptchaChallenge.id == previous)))
    challenge = CaptchaChallenge(id=secrets.token_hex(16), expires_at=now + LIFETIME)
    db.session.add(challenge)
    commit()
    session[SESSION_KEY] = challenge.id


def image_response():
    """The PNG of the session's live challenge (404 when it has none), never cached."""
    challenge_id = session.get(SESSION_KEY)
    live = challenge_id and db.session.execute(db.select(CaptchaChallenge.id).where(
        CaptchaChallenge.id == challenge_id, CaptchaChallenge.expires_at >= utcnow())).first()
    if not live:
        abort(404)
    picture = ImageCaptcha(width=200, height=70).generate(text_for(challenge_id), format="png")
    return no_store(current_app.response_class(picture.getvalue(), mimetype="image/png"))


def check(answer):
    """Is this the answer to the session's challenge? The challenge is spent either way."""
    challenge_id = session.pop(SESSION_KEY, None)
    if not challenge_id:
        return False
    spent = db.session.execute(delete(CaptchaChallenge).where(
        CaptchaChallenge.id == challenge_id, CaptchaChallenge.expires_at >= utcnow())).rowcount
    commit()
    answer = (answer or "").strip().upper()
    return spent == 1 and hmac.compare_digest(text_for(challenge_id), answer)
