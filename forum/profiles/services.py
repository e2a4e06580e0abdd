"""Writes to signatures and talent flags; each service commits once."""
from flask_babel import gettext as _

from forum.extensions import db
from forum.markup import render
from forum.models import Talent
from forum.models.base import utcnow
from forum.audit import log_action
from forum.service import Refused, commit

SIGNATURE_MAX = 300
SIGNATURE_LINES = 5
NOTE_MAX = 500


def save_signature(user, text):
    """Keep the member's signature, rendered once through the one sanitiser."""
    text = (text or "").replace("\r\n", "\n").strip()
    if len(text) > SIGNATURE_MAX:
        raise Refused(_("A signature has at most %(n)d characters.", n=SIGNATURE_MAX), field="signature")
    if text.count("\n") >= SIGNATURE_LINES:
        raise Refused(_("A signature has at most %(n)d lines.", n=SIGNATURE_LINES), field="signature")
    user.signature = text
    user.signature_html = str(render(text)) if text else ""
    commit()


def mark_talent(user, moderator, note):
    """Flag a member as talent (人才风采) with a note for the organisation department."""
    note = (note or "").strip()
    if not note:
        raise Refused(_("Say what talent this member shows."), field="note")
    if len(note) > NOTE_MAX:
        raise Refused(_("A note has at most %(n)d characters.", n=NOTE_MAX), field="note")
    talent = db.session.get(Talent, user.id) or Talent(user_id=user.id)
    talent.note, talent.marked_by_id, talent.marked_at = note, moderator.id, utcnow()
    db.session.add(talent)
    log_action(moderator, "talent_mark", "user", user.id, None, note)
    commit()


def unmark_talent(user, moderator, reason=""):
    """Take the talent flag away."""
    talent = db.session.get(Talent, user.id)
    if talent is None:
        raise Refused(_("This member is not marked as talent."))
    db.session.delete(talent)
    log_action(moderator, "talent_unmark", "user", user.id, None, reason)
    commit()
