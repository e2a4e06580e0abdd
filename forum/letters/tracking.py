"""Following a letter with its query code, and the audit of whistleblower-letter reads.

Wrong codes are counted per browser (a random id in its session) and address: ten
different codes in an hour, then a wait; a code typed again is not a new guess. An
office behind one address is not locked out by one person's mistakes, while a guesser
who drops the cookie meets the address's own limit of a hundred an hour (against codes
of 104 random bits). A wrong code, an expired one and a rate-limited try all look alike
apart from the wait message, so a guesser learns nothing about which codes exist.
"""
import secrets

from flask import session
from flask_babel import gettext as _
from limits import RateLimitItemPerHour
from limits.strategies import FixedWindowRateLimiter

from forum.extensions import db
from forum.letters.codes import hash_code, normalise
from forum.letters.queries import letter_of_thread
from forum.letters.writers import is_whistleblower_box, writer_id_of
from forum.models import ContentStatus, Letter
from forum.models.base import utcnow
from forum.audit import log_security
from forum.ratelimit import STORAGE_URI, DatabaseStorage
from forum.service import Refused, commit

WRONG_CODES = RateLimitItemPerHour(10)  # per browser and address
WRONG_CODES_PER_ADDRESS = RateLimitItemPerHour(100)
ONCE = RateLimitItemPerHour(1)
CLIENT_KEY = "letters_client"
OPENED_KEY = "letters_opened"
OPENED_MAX = 5
_limiter = None


def _wrong_codes():
    # The forum database's counters, whatever the request limits use: this limit guards
    # the letters, so it holds even where FORUM_RATE_LIMITS is off.
    global _limiter
    if _limiter is None:
        _limiter = FixedWindowRateLimiter(DatabaseStorage(STORAGE_URI))
    return _limiter


def find_by_code(code, ip, model=Letter, scope="letter"):
    """The row of `model` (a letter, or anything else followed by a query code: its
    code_hash and code_expires_at) this code opens, or None; Refused while this browser
    or address must wait. `scope` keeps each kind's counters apart."""
    address, client = ip or "-", session.setdefault(CLIENT_KEY, secrets.token_hex(16))
    limiter, counter = _wrong_codes(), f"{scope}-code"
    if not (limiter.test(WRONG_CODES, counter, address, client)
            and limiter.test(WRONG_CODES_PER_ADDRESS, counter, address)):
        raise Refused(_("Too many wrong codes. Please try again in an hour."), field="code")
    row = None
    if normalise(code):
        row = db.session.execute(
            db.select(model).where(model.code_hash == hash_code(code))).scalar_one_or_none()
    if row is None or row.code_expires_at < utcnow():
        if limiter.hit(ONCE, f"{counter}-tried", address, client, hash_code(code)):
            limiter.hit(WRONG_CODES, counter, address, client)
            limiter.hit(WRONG_CODES_PER_ADDRESS, counter, address)
        return None
    return row


def remember_opened(letter):
    """The browser that gave the code may open the letter's files in this session (the
    session cookie is signed, so no other letter can be added to the list)."""
    opened = [i for i in session.get(OPENED_KEY, []) if i != letter.id]
    session[OPENED_KEY] = (opened + [letter.id])[-OPENED_MAX:]


def opened_with_code(letter):
    return letter.id in session.get(OPENED_KEY, [])


def record_letter_read(letter, reader):
    """Log (who, when) each read of a whistleblower letter by staff, for the audit admin."""
    if is_whistleblower_box(letter.board):
        log_security("letter_read", actor=reader, detail=f"letter {letter.id}")
        commit()


def record_file_read(post, reader):
    """Opening a whistleblower letter's file is a read of the letter, unless by its writer."""
    if post.status != ContentStatus.LETTER or not reader.is_authenticated:
        return
    letter = letter_of_thread(post.thread_id)
    if writer_id_of(letter) != reader.id:
        record_letter_read(letter, reader)
