"""The rules of issuing and signing that no form can check alone: who the targets are
and when a receipt is overdue (which targets have no account to sign with:
`forum.unit_groups.units_without_account`)."""
from flask_babel import gettext as _

from forum.receipts import clock
from forum.receipts.models import ReceiptMode, ReceiptStatus
from forum.service import Refused

NOTE_MAX = 500
DOC_NUMBER_MAX = 60


def check_receipts(mode, unit_ids, deadline_at):
    """Receipts ask for a mode, at least one unit and a deadline still to come."""
    if not mode:
        return None
    if mode not in tuple(ReceiptMode):
        raise Refused(_("Choose what the receipt asks for."), field="mode")
    if not unit_ids:
        raise Refused(_("Choose the units that must sign: a group or single units."),
                      field="groups")
    if deadline_at is None:
        raise Refused(_("Give a deadline for the receipts."), field="deadline")
    if deadline_at <= clock.now():
        raise Refused(_("The deadline has already passed: choose a later one."), field="deadline")
    return ReceiptMode(mode)


def checked_doc_number(doc_number):
    doc_number = (doc_number or "").strip()
    if len(doc_number) > DOC_NUMBER_MAX:
        raise Refused(_("A document number has at most %(n)d characters.", n=DOC_NUMBER_MAX),
                      field="doc_number")
    return doc_number or None


def checked_note(note, required):
    note = (note or "").strip()
    if len(note) > NOTE_MAX or (required and not note):
        raise Refused(_("Say in at most %(n)d characters what was done.", n=NOTE_MAX),
                      field="note")
    return note or None


def is_complete(receipt, mode):
    """Signed as the notice asks: read, or (for 已落实) done."""
    return receipt.status == (ReceiptStatus.DONE if mode == ReceiptMode.DONE
                              else ReceiptStatus.READ) or receipt.status == ReceiptStatus.DONE


def is_overdue(receipt, issue, on=None):
    """Not complete, and the notice's deadline has passed."""
    return (issue.deadline_at is not None and (on or clock.now()) > issue.deadline_at
            and not is_complete(receipt, issue.mode))
