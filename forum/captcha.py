"""An image CAPTCHA drawn on this server (no third party sees who answers it), for
guests' letters and for logins from an address that has sent wrong passwords.

The answer lives in the session only as an HMAC under the app's secret key (a Flask
session is signed, not encrypted), and each challenge is used once.
"""
import hashlib
import hmac
import secrets

from captcha.image import ImageCaptcha
from flask import current_app, session

ALPHABET = "ACDEFHJKLMNPRTUVWXY34679"  # no look-alikes (0/O, 1/I, 2/Z, 5/S, 8/B)
LENGTH = 5
SESSION_KEY = "captcha"


def new_text():
    """A random challenge text."""
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def _digest(text):
    key = current_app.config["SECRET_KEY"].encode()
    return hmac.new(key, text.strip().upper().encode(), hashlib.sha256).hexdigest()


def new_image():
    """PNG bytes of a new challenge, remembered in the session."""
    text = new_text()
    session[SESSION_KEY] = _digest(text)
    return ImageCaptcha(width=200, height=70).generate(text, format="png").getvalue()


def check(answer):
    """Is this the answer to the session's challenge? The challenge is spent either way."""
    expected = session.pop(SESSION_KEY, None)
    return expected is not None and hmac.compare_digest(expected, _digest(answer or ""))
