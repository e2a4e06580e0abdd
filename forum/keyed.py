"""Keyed hashes for values kept only to be matched again (rate-limit keys, client
addresses): HMAC-SHA256 under the app's secret key, so a copy of the data names no one."""
import hashlib
import hmac

from flask import current_app
from flask_limiter.util import get_remote_address


def hashed(text):
    """The keyed hash of text, as hex."""
    secret = current_app.config["SECRET_KEY"].encode()
    return hmac.new(secret, text.encode(), hashlib.sha256).hexdigest()


def client_key():
    """The rate limiter's key for a client: its address, hashed, so no store (Redis
    included) keeps an address in clear."""
    return hashed(get_remote_address())
