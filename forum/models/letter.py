"""Letters to the leaders' mailboxes: the extension row of a mailbox thread (DESIGN §3).

The letter's Thread and Post rows have no author: the writer's link lives only here.
In a whistleblower box it is sealed (encrypted with the instance key), and an anonymous
letter keeps no link at all. The contact phone is always sealed.
"""
from flask_babel import lazy_gettext as _l

from forum.extensions import db
from forum.models.base import LabelledEnum, utcnow


class LetterKind(LabelledEnum):
    """What a writer asks for; only a whistleblower box takes reports."""

    CONSULT = "consult", _l("Enquiry")
    SUGGEST = "suggest", _l("Suggestion")
    COMPLAIN = "complain", _l("Complaint")
    HELP = "help", _l("Request for help")
    REPORT = "report", _l("Whistleblowing report")


class LetterState(LabelledEnum):
    """Where a letter is on its way from the writer to an answer (DESIGN §4)."""

    PENDING = "pending", _l("Awaiting acceptance")
    ACCEPTED = "accepted", _l("Accepted")
    REFUSED = "refused", _l("Not accepted")
    TRANSFERRED = "transferred", _l("Transferred")
    PROCESSING = "processing", _l("Being handled")
    ANSWERED = "answered", _l("Answered")
    RATED = "rated", _l("Rated")
    CLOSED = "closed", _l("Closed")


class LetterRating(LabelledEnum):
    """The writer's verdict on the answer."""

    SATISFIED = "satisfied", _l("Satisfied")
    FAIR = "fair", _l("Fairly satisfied")
    UNSATISFIED = "unsatisfied", _l("Not satisfied")


# Accepted but not yet answered: the handlers may still act on it.
WORKING_STATES = (LetterState.ACCEPTED, LetterState.TRANSFERRED, LetterState.PROCESSING)
OPEN_STATES = (LetterState.PENDING, *WORKING_STATES)
# The writer may rate the answer once it is given.
RATEABLE_STATES = (LetterState.ANSWERED, LetterState.CLOSED)


class Letter(db.Model):
    """A letter's kind, state, deadlines, answer, rating and (sealed) writer."""

    # The second index finds open and overdue letters of every box (the admin home).
    __table_args__ = (db.Index("ix_letter_board_state", "board_id", "state", "created_at"),
                      db.Index("ix_letter_state", "state"))

    id = db.Column(db.Integer, primary_key=True)
    thread_id = db.Column(db.ForeignKey("thread.id"), nullable=False, unique=True)
    board_id = db.Column(db.ForeignKey("board.id"), nullable=False)
    kind = db.Column(db.String(10), nullable=False)
    state = db.Column(db.String(12), nullable=False, default=LetterState.PENDING)
    code_hash = db.Column(db.String(64), nullable=False, unique=True)
    code_expires_at = db.Column(db.DateTime, nullable=False)
    writer_id = db.Column(db.ForeignKey("user.id"), nullable=True, index=True)
    writer_sealed = db.Column(db.Text, nullable=True)  # whistleblower box: the sealed writer id
    contact_sealed = db.Column(db.Text, nullable=True)
    anonymous = db.Column(db.Boolean, nullable=False, default=False)
    consent = db.Column(db.Boolean, nullable=False, default=False)
    unit_id = db.Column(db.ForeignKey("unit.id"), nullable=True, index=True)
    accept_due = db.Column(db.Date, nullable=False)
    answer_due = db.Column(db.Date, nullable=False)
    refusal_reason = db.Column(db.String(500), nullable=True)
    extension_reason = db.Column(db.String(500), nullable=True)
    draft = db.Column(db.Text, nullable=True)
    draft_html = db.Column(db.Text, nullable=True)
    answer = db.Column(db.Text, nullable=True)
    answer_html = db.Column(db.Text, nullable=True)
    rating = db.Column(db.String(12), nullable=True)
    rating_comment = db.Column(db.String(500), nullable=True)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)
    accepted_at = db.Column(db.DateTime, nullable=True)
    refused_at = db.Column(db.DateTime, nullable=True)
    transferred_at = db.Column(db.DateTime, nullable=True)
    processing_at = db.Column(db.DateTime, nullable=True)
    extended_at = db.Column(db.DateTime, nullable=True)
    answered_at = db.Column(db.DateTime, nullable=True)
    rated_at = db.Column(db.DateTime, nullable=True)
    closed_at = db.Column(db.DateTime, nullable=True)
    published_at = db.Column(db.DateTime, nullable=True)
    overdue_notified_at = db.Column(db.DateTime, nullable=True)  # handlers told it is late

    thread = db.relationship("Thread")
    board = db.relationship("Board")
    unit = db.relationship("Unit")

    @property
    def is_open(self):
        return self.state in OPEN_STATES

    @property
    def news_at(self):
        """When the writer last had news: the latest step a writer is told of."""
        steps = (self.accepted_at, self.refused_at, self.transferred_at, self.answered_at,
                 self.closed_at)
        return max((at for at in steps if at is not None), default=None)

    def __repr__(self):
        return f"<Letter {self.id} {self.state}>"


class CaptchaChallenge(db.Model):
    """A guest's CAPTCHA challenge, alive until answered once or expired (its text is
    derived from the id, see forum.captcha)."""

    id = db.Column(db.String(32), primary_key=True)
    expires_at = db.Column(db.DateTime, nullable=False, index=True)
