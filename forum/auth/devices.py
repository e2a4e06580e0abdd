"""Known devices: a signed cookie naming the accounts that logged in on this browser.

The growing delays after wrong passwords (forum.auth.services.log_in) never apply to
an account on a device it logged in from before, so a stranger who types wrong
passwords for a name cannot keep its owner out.
"""
from flask import current_app
from itsdangerous import BadSignature, URLSafeSerializer

COOKIE = "known_device"
KEEP = 5  # accounts remembered per browser (a shared office computer)
MAX_AGE = 365 * 24 * 3600


def known_accounts(request):
    """The ids of the accounts that logged in on the requesting browser before."""
    return frozenset(_ids(request))


def remember_device(response, request, user):
    """Mark the browser as a known device of the user, on the response to a login."""
    ids = [i for i in _ids(request) if i != user.id][-(KEEP - 1):] + [user.id]
    response.set_cookie(COOKIE, _serializer().dumps(ids), max_age=MAX_AGE, httponly=True,
                        samesite="Lax", secure=current_app.config["SESSION_COOKIE_SECURE"])
    return response


def _ids(request):
    try:
        ids = _serializer().loads(request.cookies.get(COOKIE, ""))
    except BadSignature:
        return []
    return [i for i in ids if isinstance(i, int)] if isinstance(ids, list) else []


def _serializer():
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt="known-device")
