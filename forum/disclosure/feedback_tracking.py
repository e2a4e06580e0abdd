"""Following feedback with its query code, guarded as /letters/track is
(forum/letters/tracking.py): ten different wrong codes an hour per browser and address,
a hundred per address; a code typed again is not a new guess; a wrong, an expired and a
rate-limited code look alike apart from the wait message."""
import secrets

from flask import session
from flask_babel import gettext as _
from limits.strategies import FixedWindowRateLimiter

from forum.disclosure.models import DisclosureFeedback
from forum.extensions import db
from forum.letters.codes import hash_code, normalise
from forum.letters.tracking import CLIENT_KEY, ONCE, WRONG_CODES, WRONG_CODES_PER_ADDRESS
from forum.models.base import utcnow
from forum.ratelimit import STORAGE_URI, DatabaseStorage
from forum.service import Refused

_limiter = None


def _wrong_codes():
    # The forum database's counters, as the letters' codes use: the limit holds even
    # where FORUM_RATE_LIMITS is off.
    global _limiter
    if _limiter is None:
        _limiter = FixedWindowRateLimiter(DatabaseStorage(STORAGE_URI))
    return _limiter


def find_feedback_by_code(code, ip):
    """The feedback this code opens, or None; Refused while this browser or address must wait."""
    address, client = ip or "-", session.setdefault(CLIENT_KEY, secrets.token_hex(16))
    limiter = _wrong_codes()
    if not (limiter.test(WRONG_CODES, "disclosure-code", address, client)
            and limiter.test(WRONG_CODES_PER_ADDRESS, "disclosure-code", address)):
        raise Refused(_("Too many wrong codes. Please try again in an hour."), field="code")
    feedback = None
    if normalise(code):
        feedback = db.session.execute(db.select(DisclosureFeedback).where(
            DisclosureFeedback.code_hash == hash_code(code))).scalar_one_or_none()
    if feedback is None or feedback.code_expires_at < utcnow():
        if limiter.hit(ONCE, "disclosure-code-tried", address, client, hash_code(code)):
            limiter.hit(WRONG_CODES, "disclosure-code", address, client)
            limiter.hit(WRONG_CODES_PER_ADDRESS, "disclosure-code", address)
        return None
    return feedback
