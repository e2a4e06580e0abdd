"""What the fund's free text must satisfy: a disbursement's recipient is described
("某乡镇困难党员"), never identified, so text that looks like a phone or an ID number
refuses the entry; lengths are checked before anything is stored."""
import re

from flask_babel import gettext as _

from forum.service import Refused

# Read with spaces and hyphens taken out, so "138 1234 5678" counts too.
_PHONE_RE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
_ID_RE = re.compile(r"(?<!\d)\d{17}[\dXx](?![\dXx])")


def identifies(text):
    """Whether text holds what looks like a mobile number or a 居民身份证号."""
    compact = re.sub(r"[\s\-－—]", "", text or "")
    return bool(_PHONE_RE.search(compact) or _ID_RE.search(compact))


def check_text(value, field, limit, required=True):
    """The stripped text to store; refuses empty (when required) and too long text."""
    value = (value or "").strip()
    if required and not value:
        raise Refused(_("This field is required."), field=field)
    if len(value) > limit:
        raise Refused(_("At most %(n)d characters.", n=limit), field=field)
    return value or None


def check_recipient(value):
    """A recipient described without identifying anyone."""
    value = check_text(value, "recipient", 100)
    if identifies(value):
        raise Refused(_("Describe the recipient without identifying them (e.g. 某乡镇困难党员): "
                        "no phone or ID number."), field="recipient")
    return value
