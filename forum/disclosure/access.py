"""Who publishes on a disclosure board and who manages a disclosure (DESIGN §4, §5).

Publishing is the owning unit's (县委组织部 for 党务公开) and the units it names in the
board's `issuers` setting; a disclosure is then managed (corrected, withdrawn, closed)
by its issuing unit's account alone: not the system admin, not moderators."""
from flask_babel import gettext as _

from forum.extensions import db
from forum.models import Unit
from forum.service import Refused


def issuer_slugs(board):
    """The slugs of the units the board's owner authorises to publish there."""
    return (board.settings.get("issuers") or "").split()


def may_publish(user, board):
    """A unit account of the owning unit or of a unit it authorises."""
    if not user.is_authenticated or user.is_banned or not user.is_unit_account:
        return False
    if board.unit_id is not None and user.unit_id == board.unit_id:
        return True
    return user.unit is not None and user.unit.slug in issuer_slugs(board)


def manages_disclosure(user, disclosure):
    """Only the issuing unit's account corrects, withdraws and closes a disclosure."""
    return (user.is_authenticated and not user.is_banned and user.is_unit_account
            and user.unit_id == disclosure.unit_id)


def check_issuers(value):
    """The `issuers` setting: unit slugs, one per line; an unknown slug stores nothing."""
    slugs = list(dict.fromkeys((value or "").split()))
    known = set(db.session.execute(db.select(Unit.slug).where(Unit.slug.in_(slugs))).scalars())
    unknown = [slug for slug in slugs if slug not in known]
    if unknown:
        raise Refused(_("No unit has the short name %(slugs)s.", slugs="、".join(unknown)),
                      field="issuers")
    return "\n".join(slugs)
