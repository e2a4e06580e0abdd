"""Letters to the leaders' mailboxes: the extension row of a mailbox thread (DESIGN §3).

The letter's Thread and Post rows have no author: the writer's link lives only here.
In a whistleblower box it is sealed (encrypted with the instance key), and an anonymous
letter keeps no link at all. The contact phone is always sealed.
"""
from forum.extensions import db
from forum.models.base import utcnow

LETTER_KINDS = ("consult", "suggest", "complain", "help", "report")
LETTER_STATES = ("pending", "accepted", "refused", "transferred", "processing", "answered",
                 "rated", "closed")
OPEN_STATES = ("pending", "accepted", "transferred", "processing")
RATINGS = ("satisfied", "fair", "unsatisfied")


class Letter(db.Model):
    """A letter's kind, state, deadlines, answer, rating and (sealed) writer."""

    __table_args__ = (db.Index("ix_letter_board_state", "board_id", "state", "created_at"),)

    id = db.Column(db.Integer, primary_key=True)
    thread_id = db.Column(db.ForeignKey("thread.id"), nullable=False, unique=True)
    board_id = db.Column(db.ForeignKey("board.id"), nullable=False)
    kind = db.Column(db.String(10), nullable=False)
    state = db.Column(db.String(12), nullable=False, default="pending")
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
