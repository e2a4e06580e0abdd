"""What a branch's texts and times must satisfy before they are stored."""
from flask_babel import gettext as _

from forum.service import Refused


def check_text(text, field, most, required=True):
    """A text stripped, not empty (unless optional) and at most `most` characters."""
    text = (text or "").strip()
    if (required and not text) or len(text) > most:
        raise Refused(_("Write at most %(max)d characters here; it may not be empty.", max=most)
                      if required else _("Write at most %(max)d characters here.", max=most),
                      field=field)
    return text


def check_window(starts_at, ends_at):
    """A meeting's window: both ends given, the end after the start."""
    if starts_at is None or ends_at is None or ends_at <= starts_at:
        raise Refused(_("The meeting must end after it starts."), field="ends_at")
