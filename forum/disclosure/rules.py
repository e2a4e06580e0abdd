"""What a disclosure must satisfy before it is stored: its 公示期 and its people table.

A 公示 lists people by name, sex, birth month and posts, never by an ID number, a phone
or an address (the issue's rule): a cell that looks like either refuses the whole table.
"""
import re

from flask_babel import gettext as _

from forum.disclosure import period
from forum.disclosure.models import PUBLIC_NOTICE_KINDS, DisclosureKind
from forum.service import Refused

MAX_PEOPLE = 30
_CELLS = ("name", "sex", "born", "current_post", "proposed")
SEXES = ("男", "女")
BORN_RE = re.compile(r"^(19|20)\d\d-(0[1-9]|1[0-2])$")
CELL_MAX = {"name": 20, "current_post": 100, "proposed": 100}
# Read with spaces and hyphens taken out, so "138 1234 5678" and "0857-1234567" count.
PRIVATE_NUMBERS = (
    re.compile(r"(?<!\d)(\d{17}[\dXx]|\d{15})(?!\d)"),  # 居民身份证号 (18 or old 15 digits)
    re.compile(r"(?<!\d)(86)?1[3-9]\d{9}(?!\d)"),  # mobile
    re.compile(r"(?<!\d)(0\d{2,3})?\d{7,8}(?!\d)"),  # landline, with or without area code
)


def check_period(kind, starts_on, ends_on):
    """The period to store as (start, end): required for the 公示 kinds, ends after it
    starts, at least five working days for 任前公示; the end defaults to five working days."""
    if starts_on is None:
        if kind in PUBLIC_NOTICE_KINDS:
            raise Refused(_("A public notice needs the first day of its period."), field="starts_on")
        if ends_on is not None:
            raise Refused(_("Give the first day of the period too."), field="starts_on")
        return None, None
    ends_on = ends_on or period.default_end(starts_on)
    if ends_on < starts_on:
        raise Refused(_("The period cannot end before it starts."), field="ends_on")
    if (kind == DisclosureKind.PRE_APPOINTMENT
            and period.working_days(starts_on, ends_on) < period.PRE_APPOINTMENT_DAYS):
        raise Refused(_("A pre-appointment notice runs for at least %(n)d working days.",
                        n=period.PRE_APPOINTMENT_DAYS), field="ends_on")
    return starts_on, ends_on


def check_people(kind, rows):
    """The people rows to store (dicts of the five cells), blank rows left out."""
    rows = [row for row in rows if any((row.get(k) or "").strip() for k in _CELLS)]
    if kind not in PUBLIC_NOTICE_KINDS:
        if rows:
            raise Refused(_("Only pre-appointment and new Party member notices list people."),
                          field="people")
        return []
    if not rows:
        raise Refused(_("List at least one person."), field="people")
    if len(rows) > MAX_PEOPLE:
        raise Refused(_("A notice lists at most %(n)d people.", n=MAX_PEOPLE), field="people")
    return [_checked_row(n, row) for n, row in enumerate(rows, 1)]



def cells(person):
    """A stored person as the dict of its cells (a form's row, a revision's)."""
    return {key: getattr(person, key) for key in _CELLS}


def _checked_row(number, row):
    row = {key: (row.get(key) or "").strip() for key in _CELLS}
    if any(_private_number(value) for value in row.values()):
        raise Refused(_("Row %(n)d holds what looks like an ID number or a phone number: a "
                        "notice never lists them.", n=number), field="people")
    if not all(row.values()):
        raise Refused(_("Fill in every cell of row %(n)d.", n=number), field="people")
    if row["sex"] not in SEXES:
        raise Refused(_("Row %(n)d: choose 男 or 女.", n=number), field="people")
    if not BORN_RE.match(row["born"]):
        raise Refused(_("Row %(n)d: give the birth month as YYYY-MM, e.g. 1985-03.", n=number),
                      field="people")
    for key, limit in CELL_MAX.items():
        if len(row[key]) > limit:
            raise Refused(_("Row %(n)d: a cell holds at most %(max)d characters.", n=number,
                            max=limit), field="people")
    return row


def _private_number(value):
    compact = re.sub(r"[\s\-－—+]", "", value)
    return any(pattern.search(compact) for pattern in PRIVATE_NUMBERS)
