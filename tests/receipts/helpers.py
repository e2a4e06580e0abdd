"""Reading what the receipts tests stored."""
from forum.extensions import db
from forum.models import Thread
from forum.receipts.models import NoticeIssue, Receipt


def stored():
    """(threads, issues, receipts) in the database."""
    db.session.expire_all()
    count = lambda model: db.session.execute(db.select(db.func.count()).select_from(model)).scalar()  # noqa: E731
    return count(Thread), count(NoticeIssue), count(Receipt)


def receipt_of(issue, unit):
    db.session.expire_all()
    return db.session.execute(db.select(Receipt).where(
        Receipt.issue_id == issue.id, Receipt.unit_id == unit.id)).scalar_one()


def local(moment):
    """A naive UTC moment as the form's datetime-local field (Beijing time) writes it."""
    from datetime import timedelta

    return (moment + timedelta(hours=8)).strftime("%Y-%m-%dT%H:%M")
