"""The session cookie: Flask's signed cookie, each cookie verified once per worker.

Flask reads the session cookie afresh on every request: it builds the serializer again
(which dumps an empty dict to learn its kind), checks the signature, decodes base64,
inflates and parses tagged JSON. That was 70 µs of a member's page, the same work on
the same cookie page after page. Here the serializer is built once for the app's keys,
and a cookie that verified is kept with its payload and signing time, keyed by its
exact text and the serializer that checked it. A cookie is accepted only as that
serializer accepted it, and its age is checked on every request as itsdangerous does.
A refused cookie is not kept (each is checked again, as Flask does), nor is one longer
than a member's few hundred bytes could grow to, so the memory stays small.
"""
import copy
import time
from functools import lru_cache

from flask.sessions import SecureCookieSessionInterface
from itsdangerous import BadSignature

_KEPT = 4096  # cookies a worker remembers
_LONGEST_KEPT = 1024  # characters: a member's cookie is about 260
_SCALARS = (str, int, float, bool, type(None))


class CookieSessions(SecureCookieSessionInterface):
    """Flask's cookie sessions, with the serializer and verified cookies kept."""

    def get_signing_serializer(self, app):
        keys = (app.secret_key, *(app.config["SECRET_KEY_FALLBACKS"] or ()))
        kept = app.extensions.get("session_serializer")
        if kept is None or kept[0] != keys:
            kept = app.extensions["session_serializer"] = (keys, super().get_signing_serializer(app))
        return kept[1]

    def open_session(self, app, request):
        serializer = self.get_signing_serializer(app)
        cookie = request.cookies.get(self.get_cookie_name(app))
        if serializer is None or not cookie or len(cookie) > _LONGEST_KEPT:
            return super().open_session(app, request)
        try:
            signed_at, data, scalars = _verified(serializer, cookie)
        except BadSignature:
            return self.session_class()
        age = int(time.time()) - signed_at
        if not 0 <= age <= app.permanent_session_lifetime.total_seconds():
            return self.session_class()  # expired, as itsdangerous's max_age has it
        # The session copies the dict; a list in it (the flashed messages) is changed in
        # place, so it gets a copy of its own.
        return self.session_class(data if scalars else copy.deepcopy(data))


@lru_cache(maxsize=_KEPT)
def _verified(serializer, cookie):
    """(signed at, payload, whether every value is a scalar) of a cookie the serializer
    accepts, its age aside; BadSignature for any other (which lru_cache does not keep)."""
    data, signed_at = serializer.loads(cookie, return_timestamp=True)
    return int(signed_at.timestamp()), data, all(isinstance(v, _SCALARS) for v in data.values())
