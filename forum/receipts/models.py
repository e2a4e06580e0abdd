"""工作通知's tables (DESIGN §3): a notice is a Thread (its first post the text) plus its
issue row (issuing unit, 文号, what receipt it asks, deadline), one receipt row per
target unit, and the urgent banners marked on notices."""
from flask_babel import lazy_gettext as _l

from forum.extensions import db
from forum.models.base import LabelledEnum, utcnow


class ReceiptMode(LabelledEnum):
    """What a notice asks of its target units."""

    READ = "read", _l("Read receipt (已阅)")
    DONE = "done", _l("Read and carried out (已落实, with a note)")


class ReceiptStatus(LabelledEnum):
    """Where a target unit stands; 逾期 is read from the deadline, not stored."""

    UNREAD = "unread", _l("Unread")
    READ = "read", _l("Read")
    DONE = "done", _l("Carried out")



class NoticeIssue(db.Model):
    """One issued notice: issuing unit, 文号, and the receipts it asks for (if any)."""

    id = db.Column(db.Integer, primary_key=True)
    thread_id = db.Column(db.ForeignKey("thread.id"), nullable=False, unique=True)
    board_id = db.Column(db.ForeignKey("board.id"), nullable=False, index=True)
    unit_id = db.Column(db.ForeignKey("unit.id"), nullable=False, index=True)
    issued_by_id = db.Column(db.ForeignKey("user.id"), nullable=False)
    doc_number = db.Column(db.String(60), nullable=True)  # 文号
    mode = db.Column(db.String(8), nullable=True)  # a ReceiptMode; None: no receipts asked
    deadline_at = db.Column(db.DateTime, nullable=True)
    target_count = db.Column(db.Integer, nullable=False, default=0)
    signed_count = db.Column(db.Integer, nullable=False, default=0)  # read or done
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)

    thread = db.relationship("Thread")
    unit = db.relationship("Unit")


class Receipt(db.Model):
    """One target unit's receipt of a notice: who signed, when, and the 落实 note."""

    __table_args__ = (db.UniqueConstraint("issue_id", "unit_id"),
                      db.Index("ix_receipt_unit_status", "unit_id", "status"))

    id = db.Column(db.Integer, primary_key=True)
    issue_id = db.Column(db.ForeignKey("notice_issue.id"), nullable=False)
    unit_id = db.Column(db.ForeignKey("unit.id"), nullable=False)
    status = db.Column(db.String(8), nullable=False, default=ReceiptStatus.UNREAD)
    signed_by_id = db.Column(db.ForeignKey("user.id"), nullable=True)
    signed_at = db.Column(db.DateTime, nullable=True)
    done_by_id = db.Column(db.ForeignKey("user.id"), nullable=True)
    done_at = db.Column(db.DateTime, nullable=True)
    note = db.Column(db.String(500), nullable=True)
    reminded_at = db.Column(db.DateTime, nullable=True)
    file_id = db.Column(db.ForeignKey("attachment.id"), nullable=True, index=True)  # sent with 已落实

    issue = db.relationship("NoticeIssue")
    file = db.relationship("Attachment")
    unit = db.relationship("Unit")
    signed_by = db.relationship("User", foreign_keys=[signed_by_id])
    done_by = db.relationship("User", foreign_keys=[done_by_id])


class UrgentBanner(db.Model):
    """A notice marked urgent: shown atop every page until `ends_at` or until ended."""

    __table_args__ = (db.Index("ix_urgent_banner_live", "ended_at", "ends_at"),)

    id = db.Column(db.Integer, primary_key=True)
    thread_id = db.Column(db.ForeignKey("thread.id"), nullable=False, index=True)
    ends_at = db.Column(db.DateTime, nullable=False)
    marked_by_id = db.Column(db.ForeignKey("user.id"), nullable=False)
    marked_at = db.Column(db.DateTime, nullable=False, default=utcnow)
    ended_at = db.Column(db.DateTime, nullable=True)

    thread = db.relationship("Thread")
