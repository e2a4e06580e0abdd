"""The real-name data of 实名认证 under PIPL: the full ID number is parsed, never kept.

Only its masked form and a keyed hash leave this module; the key lives in the instance
folder, not the database, so a copied database cannot be matched against guessed numbers.
"""
import hashlib
import hmac
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from flask_babel import gettext as _
from stdnum.cn import ric
from stdnum.exceptions import ValidationError

from forum.keyed import id_hash_key
from forum.service import Refused

EARLIEST_BIRTH = date(1900, 1, 1)
# ASCII digits only: other scripts' digits would hash differently for the same person.
ID_RE = re.compile(r"^[0-9]{17}[0-9X]$")
OLD_ID_RE = re.compile(r"^[0-9]{15}$")
PHONE_RE = re.compile(r"^(?:(?:\+|00)?86)?(1[3-9][0-9]{9})$")
# Chinese characters: the basic block, extension A, and the supplementary planes (rare
# characters in given names). A middle dot joins the parts of minority names.
_HAN = r"[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f]"
HAN_NAME_RE = re.compile(rf"^{_HAN}+(?:·{_HAN}+)*$")
LATIN_NAME_RE = re.compile(r"^[A-Za-z]+(?:[ '\-][A-Za-z]+)*$")
# Input methods type the dot of 阿依古丽·买买提 in several look-alike forms (after NFKC,
# a full-width stop is a plain one).
_DOTS = str.maketrans({"・": "·", "•": "·", "‧": "·", "∙": "·", ".": "·"})


@dataclass(frozen=True)
class IdNumber:
    """What may be kept of an ID number: its masked form, birth date and keyed hash."""

    masked: str
    birth_date: date
    digest: str


def parse_id_number(text):
    """Check an 18-digit Resident Identity Card number; return what may be stored of it."""
    number = normalise_id_number(text)
    if OLD_ID_RE.match(number):
        raise _refuse_id(_("Enter the 18-digit ID number of your second-generation card."))
    if not ID_RE.match(number):
        raise _refuse_id(_("An ID number has 18 characters: 17 digits, then a digit or X."))
    if ric.calc_check_digit(number) != number[-1]:
        raise _refuse_id(_("This ID number's check digit is wrong; check it for typing errors."))
    return IdNumber(masked=mask(number), birth_date=_birth_date(number), digest=digest(number))


def normalise_id_number(text):
    """The number as printed on the card: ASCII digits, capital X, no spaces."""
    text = unicodedata.normalize("NFKC", text or "")
    return "".join(text.split()).upper()


def _birth_date(number):
    try:
        born = ric.get_birth_date(number)
    except ValidationError:
        born = None
    if born is None or not EARLIEST_BIRTH <= born <= date.today():
        raise _refuse_id(_("The birth date in this ID number is not possible."))
    return born


def _refuse_id(message):
    return Refused(message, field="id_number")


def mask(number):
    """Keep the region code and the last four characters: 110105********002X."""
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


def digest(number):
    """The keyed hash (HMAC-SHA256, hex) that makes one person one account."""
    return hmac.new(id_hash_key(), normalise_id_number(number).encode(), hashlib.sha256).hexdigest()


def parse_phone(text):
    """A mainland China mobile number as 11 digits, without +86, spaces or hyphens."""
    text = unicodedata.normalize("NFKC", text or "")
    match = PHONE_RE.match(re.sub(r"[\s\-]", "", text))
    if match is None:
        raise Refused(_("Enter a mainland China mobile number: 11 digits starting with 13 to 19."),
                      field="phone")
    return match.group(1)


def parse_real_name(text):
    """The name on the ID card: Chinese (· in minority names) or Latin letters."""
    name = " ".join(unicodedata.normalize("NFKC", text or "").translate(_DOTS).split())
    if not name:
        raise _refuse_name(_("Enter your real name."))
    if not 2 <= len(name) <= 20:
        raise _refuse_name(_("A real name has 2 to 20 characters."))
    if not (HAN_NAME_RE.match(name) or LATIN_NAME_RE.match(name)):
        raise _refuse_name(_("Write your name as on your ID card: Chinese characters "
                             "(with · in minority names) or Latin letters."))
    return name


def _refuse_name(message):
    return Refused(message, field="real_name")
