"""Keyed hashes for values kept only to be matched again (rate-limit keys, client
addresses): HMAC-SHA256 under the app's secret key, so a copy of the data names no one."""
import hashlib
import hmac
from functools import lru_cache
from pathlib import Path

from flask import current_app
from flask_limiter.util import get_remote_address

from config import read_or_create_secret


def hashed(text):
    """The keyed hash of text, as hex."""
    secret = current_app.config["SECRET_KEY"].encode()
    return hmac.new(secret, text.encode(), hashlib.sha256).hexdigest()


def client_key():
    """The rate limiter's key for a client: its address, hashed, so no store (Redis
    included) keeps an address in clear."""
    return hashed(get_remote_address())


def id_hash_key():
    """The instance's id_hash_key (instance folder, kept out of backups unless asked)."""
    return _instance_secret(current_app.config["INSTANCE_PATH"], "id_hash_key")


@lru_cache(maxsize=None)
def _instance_secret(instance_path, name):
    """A secret of the instance folder, read once per process."""
    return read_or_create_secret(Path(instance_path), name).encode()
