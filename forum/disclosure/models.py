"""党务公开's tables: a disclosure is a Thread (its first post the text) plus these rows
(DESIGN §3): the notice, the people a 公示 concerns, the versions a correction or a
withdrawal replaced, and the private feedback (反映意见) sent during the period."""
from flask_babel import lazy_gettext as _l

from forum.extensions import db
from forum.models.base import LabelledEnum, utcnow


class DisclosureKind(LabelledEnum):
    """What is disclosed; the 公示 kinds list people and take feedback during a period."""

    PARTY_AFFAIRS = "party_affairs", _l("Party affairs information")
    APPOINTMENT = "appointment", _l("Appointments and removals")
    PRE_APPOINTMENT = "pre_appointment", _l("Pre-appointment notice")
    NEW_MEMBERS = "new_members", _l("New Party members notice")
    SELECTION = "selection", _l("Cadre selection information")


PUBLIC_NOTICE_KINDS = (DisclosureKind.PRE_APPOINTMENT, DisclosureKind.NEW_MEMBERS)


class DisclosureState(LabelledEnum):
    """Where a disclosure is; 公示中 and 已期满 are read from the period, not stored."""

    PUBLISHED = "published", _l("Published")
    WITHDRAWN = "withdrawn", _l("Withdrawn")
    CLOSED = "closed", _l("Closed")


class DisclosureOutcome(LabelledEnum):
    """How the issuer closed a disclosure, shown publicly."""

    NO_OBJECTION = "no_objection", _l("No objection")
    NO_IMPACT = "no_impact", _l("Checked: does not affect the appointment")
    DEFERRED = "deferred", _l("Deferred")
    CANCELLED = "cancelled", _l("Cancelled")


class Disclosure(db.Model):
    """One disclosure notice: its kind, issuing unit, document number and period."""

    __table_args__ = (db.Index("ix_disclosure_board_created", "board_id", "created_at"),)

    id = db.Column(db.Integer, primary_key=True)
    thread_id = db.Column(db.ForeignKey("thread.id"), nullable=False, unique=True)
    board_id = db.Column(db.ForeignKey("board.id"), nullable=False)
    unit_id = db.Column(db.ForeignKey("unit.id"), nullable=False, index=True)
    kind = db.Column(db.String(20), nullable=False)
    doc_number = db.Column(db.String(60), nullable=True)  # 文号
    starts_on = db.Column(db.Date, nullable=True)  # the 公示期, both days included
    ends_on = db.Column(db.Date, nullable=True)
    state = db.Column(db.String(12), nullable=False, default=DisclosureState.PUBLISHED)
    version = db.Column(db.Integer, nullable=False, default=1)
    withdrawn_reason = db.Column(db.String(500), nullable=True)
    withdrawn_at = db.Column(db.DateTime, nullable=True)
    outcome = db.Column(db.String(20), nullable=True)
    closed_at = db.Column(db.DateTime, nullable=True)
    feedback_count = db.Column(db.Integer, nullable=False, default=0)
    answered_count = db.Column(db.Integer, nullable=False, default=0)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)

    thread = db.relationship("Thread")
    unit = db.relationship("Unit")
    people = db.relationship("DisclosurePerson", order_by="DisclosurePerson.position",
                             cascade="all, delete-orphan")
    revisions = db.relationship("DisclosureRevision", order_by="DisclosureRevision.version",
                                cascade="all, delete-orphan")


class DisclosurePerson(db.Model):
    """A person a 公示 concerns: never an ID number, a phone or an address."""

    id = db.Column(db.Integer, primary_key=True)
    disclosure_id = db.Column(db.ForeignKey("disclosure.id"), nullable=False, index=True)
    position = db.Column(db.Integer, nullable=False)
    name = db.Column(db.String(20), nullable=False)
    sex = db.Column(db.String(2), nullable=False)  # 男 / 女
    born = db.Column(db.String(7), nullable=False)  # YYYY-MM
    current_post = db.Column(db.String(100), nullable=False)
    proposed = db.Column(db.String(100), nullable=False)  # the proposed post, or the stage


class DisclosureRevision(db.Model):
    """A version a correction or a withdrawal replaced, kept visible as such."""

    id = db.Column(db.Integer, primary_key=True)
    disclosure_id = db.Column(db.ForeignKey("disclosure.id"), nullable=False, index=True)
    version = db.Column(db.Integer, nullable=False)
    title = db.Column(db.String(200), nullable=False)
    body = db.Column(db.Text, nullable=False)
    body_html = db.Column(db.Text, nullable=False)
    doc_number = db.Column(db.String(60), nullable=True)
    people = db.Column(db.JSON, nullable=False, default=list)
    reason = db.Column(db.String(500), nullable=False)
    replaced_at = db.Column(db.DateTime, nullable=False, default=utcnow)


class DisclosureFeedback(db.Model):
    """反映意见: as private as a 举报 letter. No author column: a member's link, a name
    and a phone are sealed with the instance key; the writer follows it by query code."""

    id = db.Column(db.Integer, primary_key=True)
    disclosure_id = db.Column(db.ForeignKey("disclosure.id"), nullable=False, index=True)
    code_hash = db.Column(db.String(64), nullable=False, unique=True)
    code_expires_at = db.Column(db.DateTime, nullable=False)
    writer_sealed = db.Column(db.Text, nullable=True)
    name_sealed = db.Column(db.Text, nullable=True)
    phone_sealed = db.Column(db.Text, nullable=True)
    body = db.Column(db.Text, nullable=False)
    answer = db.Column(db.Text, nullable=True)
    answered_at = db.Column(db.DateTime, nullable=True)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)

    disclosure = db.relationship("Disclosure")
