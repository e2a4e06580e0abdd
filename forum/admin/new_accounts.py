"""Accounts the security admin makes on the web: one at a time, or the units' accounts
from a CSV (unit, username, display name). Each gets a one-time initial password that is
shown once and never kept (only its hash is stored) and must be changed at first login.
Admin roles are never given here: that is the command line's (三员分立)."""
import csv
import io
import secrets
from dataclasses import dataclass

from flask_babel import gettext as _

from forum.admin.separation import check_account_act
from forum.audit import describe_changes, log_action, log_security
from forum.auth.names import check_display_name
from forum.auth.services import add_user, check_new_username
from forum.extensions import db
from forum.models import Unit
from forum.models.user import User
from forum.service import Refused, commit

HEADERS = ({"unit", "单位"}, {"username", "用户名"})  # a first row naming the columns is skipped
MOST_ROWS = 1000
DISPLAY_NAME_MAX = 40
USERNAME_LENGTHS = (2, 20)
# No 0/O, 1/l/I: the password is read off a screen or a sheet of paper and typed.
_LOWER, _UPPER, _DIGITS = "abcdefghjkmnpqrstuvwxyz", "ABCDEFGHJKLMNPQRSTUVWXYZ", "23456789"


@dataclass(frozen=True)
class NewAccount:
    """One account made, with its initial password, for the one page that shows it."""

    user: User
    password: str


@dataclass(frozen=True)
class UnitRow:
    """One good row of a unit-accounts CSV."""

    line: int
    unit: Unit
    username: str
    display_name: str


def initial_password():
    """Twelve characters of three kinds, in groups of four: kmpr-WXYZ-2846."""
    return "-".join("".join(secrets.choice(kind) for _ in range(4))
                    for kind in (_LOWER, _UPPER, _DIGITS))


def create_account(actor, username, display_name, unit_id, is_unit_account):
    """Make one account with an initial password; a unit account needs a unit and is
    verified (it is made for a known office)."""
    if is_unit_account and unit_id is None:
        raise Refused(_("A unit account needs its unit."), field="unit_id")
    if display_name:
        check_display_name(display_name)
    made = _add(actor, username, display_name, unit_id, is_unit_account)
    commit(on_conflict=Refused(_("This username is already taken."), field="username"))
    return made


def create_unit_accounts(actor, rows):
    """Make the unit accounts of rows (checked by read_unit_rows) in one commit: all or none."""
    made = [_add(actor, row.username, row.display_name, row.unit.id, True) for row in rows]
    commit(on_conflict=Refused(_("An account of the file was made meanwhile; check the file again.")))
    return made


def _add(actor, username, display_name, unit_id, is_unit_account):
    password = initial_password()
    user = add_user(username, password, display_name=display_name or None, unit_id=unit_id,
                    is_unit_account=is_unit_account, is_verified=is_unit_account,
                    must_change_password=True)
    db.session.flush()  # for the account's id in the logs
    log_action(actor, "account_create", "user", user.id, None, describe_changes({}, {
        "username": user.username, "unit_id": unit_id, "is_unit_account": is_unit_account}))
    log_security("account_created", user=user, actor=actor, detail="initial password issued")
    return NewAccount(user, password)


def read_unit_rows(data):
    """(good rows, [(line, message), ...]) of a CSV of unit, username, display name: every
    bad row is named, so that the file is mended once. Nothing is written."""
    lines = _csv_lines(data)
    if lines is None:
        return [], [(0, _("The file is not a CSV file in UTF-8 or GB18030."))]
    units = {key: unit for unit in db.session.execute(db.select(Unit)).scalars()
             for key in (unit.name, unit.slug)}
    good, bad, seen = [], [], set()
    for line, cells in lines:
        try:
            row = _unit_row(line, cells, units, seen)
        except Refused as refusal:
            bad.append((line, refusal.message))
            continue
        good.append(row)
    if not good and not bad:
        bad.append((0, _("The file holds no accounts.")))
    if len(good) + len(bad) > MOST_ROWS:
        bad = [(0, _("At most %(most)d accounts at a time.", most=MOST_ROWS))]
    return good, bad


def _csv_lines(data):
    """[(line number, cells)] of the file's non-empty rows, its header row left out."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        return None
    rows = [(number, [cell.strip() for cell in cells])
            for number, cells in enumerate(csv.reader(io.StringIO(text)), start=1)
            if any(cell.strip() for cell in cells)]
    if rows and rows[0][1][0].casefold() in HEADERS[0] | HEADERS[1]:
        rows = rows[1:]
    return rows


def _unit_row(line, cells, units, seen):
    if len(cells) != 3:
        raise Refused(_("Give three columns: unit, username, display name."))
    unit_name, username, display_name = cells
    unit = units.get(unit_name)
    if unit is None:
        raise Refused(_("There is no unit %(unit)s.", unit=unit_name))
    if not USERNAME_LENGTHS[0] <= len(username) <= USERNAME_LENGTHS[1]:
        raise Refused(_("A username has 2 to 20 characters."))
    if User.key_for(username) in seen:
        raise Refused(_("%(name)s is in the file twice.", name=username))
    check_new_username(username)
    seen.add(User.key_for(username))
    if len(display_name) > DISPLAY_NAME_MAX:
        raise Refused(_("A display name has at most 40 characters."))
    if display_name:
        check_display_name(display_name)
    return UnitRow(line, unit, username, display_name)


def set_unit_account(user, actor, on):
    """Make an account its unit's account (it manages the unit's boards), or not."""
    check_account_act(actor, user)
    if on and user.unit_id is None:
        raise Refused(_("Give the account a unit first: a unit account manages its unit's boards."))
    if user.is_unit_account == on:
        raise Refused(_("Nothing was changed."))
    log_action(actor, "unit_account", "user", user.id, None,
               describe_changes({"is_unit_account": user.is_unit_account}, {"is_unit_account": on}))
    log_security("unit_account", user=user, actor=actor, detail="on" if on else "off")
    user.is_unit_account = on
    commit()


