"""党内关怀基金's tables (DESIGN §3): an appeal is a Thread of the fund board plus its
FundAppeal row; the money is an append-only ledger of FundEntry rows in integer fen.

Nothing here is ever updated or deleted (database triggers refuse it, migration 0019):
a mistake is corrected by a reversing entry, and a disbursement counts once a second
person's FundApproval row exists.
"""
from flask_babel import lazy_gettext as _l

from forum.extensions import db
from forum.models.base import LabelledEnum, utcnow


class EntryKind(LabelledEnum):
    """What a ledger entry records."""

    DONATION = "donation", _l("Donation")
    DISBURSEMENT = "disbursement", _l("Disbursement")
    REVERSAL = "reversal", _l("Reversal")


class Flow(LabelledEnum):
    """Which way the money of an entry goes; a reversal takes its target's flow."""

    IN = "in", _l("Money in")
    OUT = "out", _l("Money out")


class DonorKind(LabelledEnum):
    """Who gave: a named person, a named unit, or 匿名 at the donor's wish (no name stored)."""

    PERSON = "person", _l("Person")
    UNIT = "unit", _l("Unit")
    ANONYMOUS = "anonymous", _l("Anonymous (匿名)")


class Channel(LabelledEnum):
    """How a gift arrived."""

    TRANSFER = "transfer", _l("Bank transfer (转账)")
    ON_SITE = "on_site", _l("On site (现场)")
    PERFORMANCE = "performance", _l("Charity performance (义演)")
    OTHER = "other", _l("Other (其他)")


class FundAppeal(db.Model):
    """倡议: an appeal's target, period and how to give; its text is its thread's first post."""

    id = db.Column(db.Integer, primary_key=True)
    thread_id = db.Column(db.ForeignKey("thread.id"), nullable=False, unique=True)
    board_id = db.Column(db.ForeignKey("board.id"), nullable=False, index=True)
    target_fen = db.Column(db.BigInteger, nullable=False)
    starts_on = db.Column(db.Date, nullable=False)
    ends_on = db.Column(db.Date, nullable=False)
    how_to_give = db.Column(db.String(1000), nullable=False)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)

    thread = db.relationship("Thread")


class FundEntry(db.Model):
    """One line of the ledger: a donation, a disbursement or a reversal of either.

    `amount_fen` is signed so that a plain SUM is the total: a donation or disbursement
    is positive, a reversal the negative of the entry it reverses (`reverses_id`).
    """

    __table_args__ = (db.Index("ix_fund_entry_board_id_desc", "board_id", "id"),
                      db.Index("ix_fund_entry_appeal_id_desc", "appeal_id", "id"))

    id = db.Column(db.Integer, primary_key=True)
    board_id = db.Column(db.ForeignKey("board.id"), nullable=False)
    appeal_id = db.Column(db.ForeignKey("fund_appeal.id"), nullable=False)
    kind = db.Column(db.String(12), nullable=False)
    flow = db.Column(db.String(3), nullable=False)
    amount_fen = db.Column(db.BigInteger, nullable=False)
    occurred_on = db.Column(db.Date, nullable=False)
    donor_kind = db.Column(db.String(10), nullable=True)
    donor_name = db.Column(db.String(100), nullable=True)  # never for an anonymous gift
    channel = db.Column(db.String(12), nullable=True)
    receipt_number = db.Column(db.String(40), nullable=True)
    approval_ref = db.Column(db.String(60), nullable=True)
    purpose = db.Column(db.String(200), nullable=True)
    recipient = db.Column(db.String(100), nullable=True)  # described, never identified
    reason = db.Column(db.String(200), nullable=True)  # why a reversal corrects its target
    reverses_id = db.Column(db.ForeignKey("fund_entry.id"), nullable=True, unique=True)
    recorded_by_id = db.Column(db.ForeignKey("user.id"), nullable=False)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)

    appeal = db.relationship("FundAppeal")
    reverses = db.relationship("FundEntry", remote_side=[id])
    recorded_by = db.relationship("User")
    approval = db.relationship("FundApproval", uselist=False, viewonly=True)

    @property
    def effect_fen(self):
        """What the entry does to the balance: money out is negative."""
        return self.amount_fen if self.flow == Flow.IN else -self.amount_fen


class FundApproval(db.Model):
    """The second person's approval that lets a disbursement show and count."""

    id = db.Column(db.Integer, primary_key=True)
    entry_id = db.Column(db.ForeignKey("fund_entry.id"), nullable=False, unique=True)
    approved_by_id = db.Column(db.ForeignKey("user.id"), nullable=False)
    approved_at = db.Column(db.DateTime, nullable=False, default=utcnow)

    approved_by = db.relationship("User")
