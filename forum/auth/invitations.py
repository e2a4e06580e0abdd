"""Invitations to register (issue 20): while registration is by invitation, /register
makes an account only with a valid invitation's code.

The security admin makes them in batches (accounts are theirs under 三员分立). Each code
is random, shown once as a link and kept only as a keyed hash (forum.keyed), so a copy
of the database opens no registration; it works once, expires, and may be revoked.
"""
import secrets
from datetime import timedelta

from flask_babel import gettext as _
from sqlalchemy import update

from forum.audit import log_action
from forum.extensions import db
from forum.keyed import hashed
from forum.models import Invitation
from forum.models.base import utcnow
from forum.service import Refused, commit

MOST_AT_ONCE = 200
MOST_DAYS = 90
LISTED = 500  # the newest invitations the list shows


def create_invitations(actor, count, days, note):
    """`count` invitations valid for `days`: [(invitation, code)], the codes shown once."""
    if not 1 <= (count or 0) <= MOST_AT_ONCE:
        raise Refused(_("Make from 1 to %(num)d invitations at once.", num=MOST_AT_ONCE), field="count")
    if not 1 <= (days or 0) <= MOST_DAYS:
        raise Refused(_("An invitation is valid for 1 to %(num)d days.", num=MOST_DAYS), field="days")
    expires_at = utcnow() + timedelta(days=days)
    made = []
    for _n in range(count):
        code = secrets.token_urlsafe(18)
        invitation = Invitation(code_hash=hashed(code), note=note or "", created_by_id=actor.id,
                                expires_at=expires_at)
        db.session.add(invitation)
        made.append((invitation, code))
    log_action(actor, "invitations_create", "invitation", None, None,
               f"{count} × {days} d" + (f": {note}" if note else ""))
    commit()
    return made


def revoke_invitation(invitation, actor):
    """Make an unused invitation unusable."""
    revoked = db.session.execute(
        update(Invitation).where(Invitation.id == invitation.id, Invitation.used_at.is_(None),
                                 Invitation.revoked_at.is_(None))
        .values(revoked_at=utcnow()).execution_options(synchronize_session=False)).rowcount
    if revoked != 1:
        db.session.rollback()
        raise Refused(_("This invitation was already used or revoked."))
    log_action(actor, "invitation_revoke", "invitation", invitation.id, None, invitation.note)
    commit()


def usable_invitation(code):
    """The unused, unexpired, unrevoked invitation with this code, or None."""
    if not code:
        return None
    return db.session.execute(db.select(Invitation).where(
        Invitation.code_hash == hashed(code), Invitation.used_at.is_(None),
        Invitation.revoked_at.is_(None), Invitation.expires_at > utcnow())).scalar_one_or_none()


def use_invitation(invitation, user):
    """Mark the invitation used by the flushed new account, in the caller's unit of work;
    refused if another registration used it first."""
    used = db.session.execute(
        update(Invitation).where(Invitation.id == invitation.id, Invitation.used_at.is_(None),
                                 Invitation.revoked_at.is_(None), Invitation.expires_at > utcnow())
        .values(used_at=utcnow(), used_by_id=user.id)
        .execution_options(synchronize_session=False)).rowcount
    if used != 1:
        db.session.rollback()
        raise Refused(unusable())


def unusable():
    """Why a code given opens no registration."""
    return _("This invitation cannot be used: it was used already, has expired or was revoked.")


def invitations():
    """The newest invitations, newest first, with their accounts."""
    return db.session.execute(
        db.select(Invitation).options(db.joinedload(Invitation.used_by))
        .order_by(Invitation.id.desc()).limit(LISTED)).scalars().all()
