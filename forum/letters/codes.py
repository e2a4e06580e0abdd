"""Query codes: 100 random bits shown once, kept only as a hash."""
import base64
import hashlib
import re
import secrets

CODE_BYTES = 13  # 104 bits: more than the 80 the issue asks, 21 base32 letters


def new_code():
    """A fresh code, grouped for reading aloud: XXXX-XXXX-XXXX-XXXX-XXXXX."""
    raw = base64.b32encode(secrets.token_bytes(CODE_BYTES)).decode().rstrip("=")
    return "-".join(raw[i:i + 4] for i in range(0, 16, 4)) + "-" + raw[16:]


def normalise(code):
    """The code as typed, without spaces, dashes or case."""
    return re.sub(r"[^A-Z2-7]", "", (code or "").upper())


def hash_code(code):
    """The stored form of a code; sha256 is enough for 104 random bits."""
    return hashlib.sha256(normalise(code).encode()).hexdigest()
