"""Bans of accounts and IP ranges: read-only until they expire or are lifted."""
import ipaddress

from flask_babel import gettext as _

from forum.extensions import db
from forum.reads import read
from forum.models import Ban, User
from forum.models.base import utcnow
from forum.audit import log_action, log_security
from forum.service import Refused, commit


def ban_user(user, actor, reason, expires_at=None):
    """Ban an account; every session of it ends at once.

    A new ban replaces one in force: the account holds one ban at a time (user.ban_id),
    so the old row is closed rather than left listed as in force without applying.
    """
    _check(reason, expires_at)
    if user.admin_role:
        raise Refused(_("An administrator cannot be banned; remove the role first."))
    if user.ban is not None and user.ban.in_force:
        user.ban.lifted_at = utcnow()
    ban = Ban(user_id=user.id, reason=reason.strip(), expires_at=expires_at, created_by_id=actor.id)
    db.session.add(ban)
    db.session.flush()
    user.ban_id = ban.id
    user.session_version = User.session_version + 1
    _log(actor, "ban", ban, user=user)
    commit()
    return ban


def ban_ip(ip_range, actor, reason, expires_at=None):
    """Ban an IP address or CIDR range from writing."""
    _check(reason, expires_at)
    network = parse_range(ip_range)
    ban = Ban(ip_range=str(network), reason=reason.strip(), expires_at=expires_at,
              created_by_id=actor.id)
    db.session.add(ban)
    db.session.flush()
    _log(actor, "ban", ban)
    commit()
    return ban


def lift_ban(ban, actor, reason=""):
    if not ban.in_force:
        raise Refused(_("This ban is no longer in force."))
    ban.lifted_at = utcnow()
    if ban.user is not None and ban.user.ban_id == ban.id:
        ban.user.ban_id = None
    _log(actor, "unban", ban, user=ban.user, reason=reason)
    commit()


# Built once: every write of a member asks it, and building it cost more than running it.
# Columns, not Ban objects: an address rarely matches, and loading every ban through the
# ORM cost more than the statement; a ban whose range matches is loaded alone.
_ADDRESS_BANS = db.select(Ban.id, Ban.ip_range).where(Ban.ip_range.is_not(None), Ban.lifted_at.is_(None))


def ip_ban_for(ip):
    """The ban in force on this address, or None."""
    try:
        address = ipaddress.ip_address(ip or "")
    except ValueError:
        return None
    for ban_id, ip_range in read(_ADDRESS_BANS).all():
        network = ipaddress.ip_network(ip_range)
        if address.version == network.version and address in network:
            ban = db.session.get(Ban, ban_id)
            if ban.in_force:
                return ban
    return None


def parse_range(text):
    try:
        return ipaddress.ip_network((text or "").strip(), strict=False)
    except ValueError:
        raise Refused(_("Enter an IP address or range such as 10.0.0.0/24."), field="ip_range") from None


def _check(reason, expires_at):
    if not (reason and reason.strip()):
        raise Refused(_("Give the reason for the ban: the banned user will see it."), field="reason")
    if expires_at is not None and expires_at <= utcnow():
        raise Refused(_("The end of a ban must be in the future."), field="expires_at")


def _log(actor, action, ban, user=None, reason=None):
    detail = ban.ip_range or (user.username if user else "")
    log_action(actor, action, "ban", ban.id, None, reason if reason is not None else ban.reason)
    log_security(action, user=user, actor=actor, detail=f"{detail}: {ban.reason}")
