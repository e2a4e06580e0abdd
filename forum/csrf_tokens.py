"""The forms' CSRF token, signed once per session in each worker instead of on every page.

Flask-WTF keeps a random token in the session and puts a signed copy of it in each form,
signing it again, with the time, on every request that shows one: about 4% of a member's
page (py-spy, holding the GIL). With WTF_CSRF_TIME_LIMIT None (config.py) the time is
never checked, and a form's token is accepted when it carries the session's random token
under the key. So a copy signed once is as good as one signed now; before each request
the copy signed for this session's token is put where Flask-WTF keeps the request's own
(`g`), and every form, template and skeleton (forum/holes.py) uses it. A session without
a token yet gets one from Flask-WTF when a page first asks, as before.
"""
from functools import lru_cache

from flask import current_app, g, session
from flask_wtf.csrf import generate_csrf


def register(app):
    app.before_request(reuse_signed_token)


def reuse_signed_token():
    config = current_app.config
    name = config.get("WTF_CSRF_FIELD_NAME", "csrf_token")
    # Asked with `in` first: reading a session marks the answer Vary: Cookie.
    if config["WTF_CSRF_TIME_LIMIT"] is not None or name not in session:
        return  # with a time limit, the time in the signature counts
    secret_key = config.get("WTF_CSRF_SECRET_KEY") or current_app.secret_key
    setattr(g, name, _signed(secret_key, name, session[name]))


@lru_cache(maxsize=4096)  # the sessions active in a worker; a few hundred bytes each
def _signed(secret_key, name, raw):
    """The session's token signed by Flask-WTF, as for a form. `raw` is that token: it
    keys the cache, and generate_csrf reads it from the session."""
    del raw
    return generate_csrf(secret_key, name)
