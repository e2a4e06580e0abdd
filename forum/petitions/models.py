"""网络问政's table (DESIGN §3, §4): a petition is a public Thread of a discussion board
plus one row here: its kind, the unit it concerns, the unit it was transferred to, its
state and working-day deadlines (the mailboxes' vocabulary and clock, `forum.cases`),
the unit's official reply (a post of the thread) and the petitioner's verdict.

The figures are summary rows (`PetitionMonth`, per unit and month received) the steps
keep, so /stats and the units' boards count no petitions, threads or posts.
"""
from flask_babel import lazy_gettext as _l

from forum.extensions import db
from forum.models import LetterKind, LetterState
from forum.models.base import LabelledEnum, utcnow

# The mailboxes' kinds a petition may have (a whistleblowing report is never public).
KINDS = (LetterKind.HELP, LetterKind.COMPLAIN, LetterKind.SUGGEST, LetterKind.CONSULT)
# Waiting for a moderator, or for the unit's answer: the deadlines run.
OPEN_STATES = (LetterState.PENDING, LetterState.TRANSFERRED)
# What a petition may be, of the mailboxes' states.
STATES = (LetterState.PENDING, LetterState.TRANSFERRED, LetterState.ANSWERED,
          LetterState.CLOSED, LetterState.REFUSED)


class DeclineReason(LabelledEnum):
    """Why a moderator did not take a thread as a petition (shown publicly)."""

    NOT_PETITION = "not_petition", _l("Not a petition")
    DUPLICATE = "duplicate", _l("A duplicate of another petition")
    OUTSIDE_REMIT = "outside_remit", _l("Outside the county's remit")


class Petition(db.Model):
    """A petition's kind, units, state, deadlines, official reply and rating."""

    __table_args__ = (
        db.Index("ix_petition_board_state", "board_id", "state", "created_at"),
        db.Index("ix_petition_unit_state", "unit_id", "state", "created_at"),
        db.Index("ix_petition_state", "state", "created_at"),
    )

    id = db.Column(db.Integer, primary_key=True)
    thread_id = db.Column(db.ForeignKey("thread.id"), nullable=False, unique=True)
    board_id = db.Column(db.ForeignKey("board.id"), nullable=False)
    petitioner_id = db.Column(db.ForeignKey("user.id"), nullable=False, index=True)
    kind = db.Column(db.String(10), nullable=False)  # one of KINDS
    state = db.Column(db.String(12), nullable=False, default=LetterState.PENDING)
    concerned_unit_id = db.Column(db.ForeignKey("unit.id"), nullable=True)  # the petitioner's pick
    unit_id = db.Column(db.ForeignKey("unit.id"), nullable=True)  # transferred to
    received_on = db.Column(db.Date, nullable=False)  # the local day it came in
    accept_due = db.Column(db.Date, nullable=False)
    answer_due = db.Column(db.Date, nullable=True)  # set on transfer
    decline_reason = db.Column(db.String(16), nullable=True)  # a DeclineReason
    decline_note = db.Column(db.String(500), nullable=True)
    merged_into_id = db.Column(db.ForeignKey("petition.id"), nullable=True)
    extension_reason = db.Column(db.String(500), nullable=True)
    reply_post_id = db.Column(db.ForeignKey("post.id"), nullable=True)
    days_taken = db.Column(db.Integer, nullable=True)  # working days from received to answered
    on_time = db.Column(db.Boolean, nullable=True)  # answered by answer_due
    rating = db.Column(db.String(12), nullable=True)  # a LetterRating
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)
    transferred_at = db.Column(db.DateTime, nullable=True)
    declined_at = db.Column(db.DateTime, nullable=True)
    extended_at = db.Column(db.DateTime, nullable=True)
    answered_at = db.Column(db.DateTime, nullable=True)
    closed_at = db.Column(db.DateTime, nullable=True)
    confirmed_at = db.Column(db.DateTime, nullable=True)
    reopened_at = db.Column(db.DateTime, nullable=True)
    rated_at = db.Column(db.DateTime, nullable=True)
    overdue_notified_at = db.Column(db.DateTime, nullable=True)  # unit and moderators told

    thread = db.relationship("Thread")
    board = db.relationship("Board")
    unit = db.relationship("Unit", foreign_keys=[unit_id])
    concerned_unit = db.relationship("Unit", foreign_keys=[concerned_unit_id])
    reply_post = db.relationship("Post")
    merged_into = db.relationship("Petition", remote_side=[id])

    @property
    def is_open(self):
        return self.state in OPEN_STATES

    def __repr__(self):
        return f"<Petition {self.id} {self.state}>"


class PetitionMonth(db.Model):
    """A unit's petitions of one month received: transferred to it, answered (on time),
    working days to the answers in all, rated (satisfied or fairly)."""

    unit_id = db.Column(db.ForeignKey("unit.id"), primary_key=True)
    month = db.Column(db.Date, primary_key=True)
    received = db.Column(db.Integer, nullable=False, default=0)
    answered = db.Column(db.Integer, nullable=False, default=0)
    on_time = db.Column(db.Integer, nullable=False, default=0)
    days_total = db.Column(db.Integer, nullable=False, default=0)
    rated = db.Column(db.Integer, nullable=False, default=0)
    satisfied = db.Column(db.Integer, nullable=False, default=0)
