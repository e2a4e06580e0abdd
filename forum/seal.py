"""Sealing text with a key kept outside the database: a letter's writer link and contact,
a disclosure feedback's contact, the mail server's password saved on the web.

The key is a Fernet key in the instance folder (`letters.key`, the name it had when
letters alone used it; created on first use, mode 0600, kept by backups): a copy of the
database alone does not tell who wrote a sealed letter nor open the mail server.
"""
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken
from flask import current_app

KEY_FILE = "letters.key"


def _fernet():
    path = Path(current_app.instance_path) / KEY_FILE
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(Fernet.generate_key())
        path.chmod(0o600)
    return Fernet(path.read_bytes().strip())


def seal(text):
    """Encrypt text with the instance key; None stays None."""
    if text is None or text == "":
        return None
    return _fernet().encrypt(str(text).encode()).decode()


def unseal(token):
    """The sealed text, or None for no token or one this key cannot open."""
    if not token:
        return None
    try:
        return _fernet().decrypt(token.encode()).decode()
    except InvalidToken:
        return None
