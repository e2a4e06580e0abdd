"""How often logins may be tried: per account and per address-and-account, with a far
higher ceiling per address, since a township office sends all its colleagues' logins
from one address at the start of a training session.

The counters' keys are keyed hashes (`forum.keyed`): no store, Redis included, keeps an
address or a login name in clear. The per-account limit spares the account's own known
devices, so a stranger trying a name from many addresses cannot keep its owner out.
"""
from flask import request
from flask_limiter.util import get_remote_address

from forum.auth.devices import known_accounts
from forum.auth.services import find_user, name_digest
from forum.keyed import hashed

PER_ADDRESS = "300 per 15 minutes"
PER_ACCOUNT = "30 per 15 minutes"
PER_ADDRESS_AND_ACCOUNT = "10 per 15 minutes"


def account_key():
    """The limiter's key for the account a login names."""
    return hashed(f"login-account:{_name()}")


def address_and_account_key():
    """The limiter's key for the account a login names, from this address."""
    return hashed(f"login-account:{_name()}:{get_remote_address()}")


def on_own_device():
    """Whether the login names an account that logged in on this browser before."""
    known = known_accounts(request)
    user = find_user(request.form.get("username", "")) if known else None
    return user is not None and user.id in known


def _name():
    return name_digest(request.form.get("username", ""))
