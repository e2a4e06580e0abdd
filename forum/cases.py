"""A case tracked to its answer (DESIGN §4): what letters and petitions share.

Both move through the mailboxes' states (`forum.models.LetterState`: pending →
transferred → answered → closed, or refused), each step one conditional UPDATE that only
one of two people can win; both fall due in Chinese working days (`forum.workdays`), and
both keep their open cases' due dates in step when a year's holiday schedule is entered.
A case model has `state`, `accept_due` and `answer_due` (dates) and `is_open`.
"""
from sqlalchemy import update

from forum.dates import local_today, utc_to_local
from forum.extensions import db
from forum.models import LetterState
from forum.service import Refused


def local_day(at):
    """The forum's local date of a naive UTC datetime."""
    return utc_to_local(at).date()


def today():
    """The forum's local date now (tests move it with monkeypatch)."""
    return local_today()


def due_date(case):
    """The date the case's next step is due: acceptance while pending, else the answer."""
    return case.accept_due if case.state == LetterState.PENDING else case.answer_due


def is_overdue(case, on=None):
    """An open case whose next step is past its due date."""
    return case.is_open and (on or today()) > due_date(case)


def recounted(before, after, start, due):
    """A due date `due` counted from `start` in the calendar `before`, counted again in
    `after`: as many working days after `start` as it was."""
    return after.add(start, before.count(start, due)) if due > start else due


def claim_step(model, case, conditions, message, **values):
    """Set `values` on the case if it still meets `conditions`, in one UPDATE; else roll
    back and refuse with `message` (someone else moved it first)."""
    won = db.session.execute(
        update(model).where(model.id == case.id, *conditions).values(**values)
        .execution_options(synchronize_session=False)).rowcount == 1
    if not won:
        db.session.rollback()
        raise Refused(message)
