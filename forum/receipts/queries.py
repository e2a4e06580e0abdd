"""Reads of notices and their receipts: a notice's issue row, a unit's inbox and its
count, the issuer's table and its counts."""
from flask import g
from sqlalchemy import case, func
from sqlalchemy.orm import contains_eager, joinedload

from forum.extensions import db
from forum.models import ContentStatus, Thread, Unit
from forum.receipts import clock
from forum.receipts.models import NoticeIssue, Receipt, ReceiptMode, ReceiptStatus

INBOX_MOST = 200  # a unit's open notices; more than this is a backlog, not an inbox


def issue_of_thread(thread_id):
    """The notice's issue row (with its unit), or None for a notice issued before receipts."""
    return db.session.execute(db.select(NoticeIssue).where(NoticeIssue.thread_id == thread_id)
                              .options(joinedload(NoticeIssue.unit))).scalar_one_or_none()


def issue_and_receipt(thread_id, unit_id):
    """(the notice's issue row or None, the receipt of unit_id or None): one statement."""
    row = db.session.execute(
        db.select(NoticeIssue, Receipt).where(NoticeIssue.thread_id == thread_id)
        .outerjoin(Receipt, db.and_(Receipt.issue_id == NoticeIssue.id, Receipt.unit_id == unit_id))
        .options(joinedload(NoticeIssue.unit))).first()
    return tuple(row) if row else (None, None)


def unsigned_count(user):
    """Notices the user's unit has not signed: one indexed statement, once per request."""
    if "unsigned_receipts" not in g:
        g.unsigned_receipts = db.session.execute(
            db.select(func.count(Receipt.id)).where(Receipt.unit_id == user.unit_id,
                                                    Receipt.status == ReceiptStatus.UNREAD)
        ).scalar_one()
    return g.unsigned_receipts


def open_receipts(unit_id):
    """The unit's receipts still to sign or to carry out, newest deadline first."""
    incomplete = db.or_(Receipt.status == ReceiptStatus.UNREAD,
                        db.and_(Receipt.status == ReceiptStatus.READ,
                                NoticeIssue.mode == ReceiptMode.DONE))
    return db.session.execute(
        db.select(Receipt).join(NoticeIssue, NoticeIssue.id == Receipt.issue_id)
        .join(Thread, Thread.id == NoticeIssue.thread_id)
        .where(Receipt.unit_id == unit_id, incomplete, Thread.status == ContentStatus.PUBLISHED)
        .options(contains_eager(Receipt.issue).contains_eager(NoticeIssue.thread),
                 contains_eager(Receipt.issue).joinedload(NoticeIssue.unit))
        .order_by(NoticeIssue.deadline_at.desc(), Receipt.id.desc()).limit(INBOX_MOST)
    ).scalars().all()


FILTERS = {*(s.value for s in ReceiptStatus), "overdue"}
SORTS = {"unit": (Unit.position,), "status": (Receipt.status, Unit.position),
         "time": (func.coalesce(Receipt.done_at, Receipt.signed_at).desc().nulls_last(),
                  Unit.position)}


def overdue_condition(issue):
    """Receipts not complete after the deadline; None before it (none can be overdue)."""
    if issue.deadline_at is None or clock.now() <= issue.deadline_at:
        return None
    if issue.mode == ReceiptMode.DONE:
        return Receipt.status != ReceiptStatus.DONE
    return Receipt.status == ReceiptStatus.UNREAD


def table_rows(issue, status=None, sort="unit"):
    """The issue's receipts with their units and signers, filtered by status ("overdue"
    too) and sorted by unit, status or time: one statement however many units."""
    query = (db.select(Receipt).join(Unit, Unit.id == Receipt.unit_id)
             .where(Receipt.issue_id == issue.id)
             .options(contains_eager(Receipt.unit), joinedload(Receipt.signed_by),
                      joinedload(Receipt.done_by), joinedload(Receipt.file)))
    if status == "overdue":
        overdue = overdue_condition(issue)
        if overdue is None:
            return []
        query = query.where(overdue)
    elif status:
        query = query.where(Receipt.status == status)
    return db.session.execute(query.order_by(*SORTS.get(sort, SORTS["unit"]))).scalars().all()


def status_counts(issue):
    """{"unread": n, "read": n, "done": n, "overdue": n} for the issue, in one statement."""
    overdue = overdue_condition(issue)
    row = db.session.execute(db.select(
        *[func.count(case((Receipt.status == s, 1))) for s in ReceiptStatus],
        func.count(case((overdue, 1))) if overdue is not None else db.literal(0))
        .where(Receipt.issue_id == issue.id)).one()
    return dict(zip([s.value for s in ReceiptStatus] + ["overdue"], row))
