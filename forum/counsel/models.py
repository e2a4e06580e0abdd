"""干部谈心室's tables. Talks are not forum threads: search, feeds, the index, counters,
the moderation queue and profiles read threads and posts, so a talk kept in its own
tables is one none of them can ever see (DESIGN §3)."""
from flask_babel import lazy_gettext as _l, lazy_pgettext

from forum.extensions import db
from forum.models.base import LabelledEnum, utcnow


class CounsellorKind(LabelledEnum):
    """Who a counsellor is, shown on their card."""

    PSYCHOLOGIST = "psychologist", _l("Psychologist")
    COUNTY_LEADER = "county_leader", _l("County leader")
    ORG_LEADER = "org_leader", _l("Organisation department leader")


class TalkState(LabelledEnum):
    """Where a talk is."""

    OPEN = "open", lazy_pgettext("talk state", "Open")
    HELPED = "helped", _l("Closed: helped")
    ENDED = "ended", _l("Closed: ended")


class TalkOutcome(LabelledEnum):
    """How a counsellor closes a talk (the member says whether it helped instead)."""

    HELPED = "helped", _l("Helped")
    ENDED = "ended", _l("Ended")


class CounsellorCard(db.Model):
    """A counsellor's public card on one counsel board."""

    __table_args__ = (db.UniqueConstraint("board_id", "user_id"),)

    id = db.Column(db.Integer, primary_key=True)
    board_id = db.Column(db.ForeignKey("board.id"), nullable=False, index=True)
    user_id = db.Column(db.ForeignKey("user.id"), nullable=False)
    name = db.Column(db.String(40), nullable=False)  # a name or a title
    kind = db.Column(db.String(20), nullable=False)
    intro = db.Column(db.String(500), nullable=False, default="")
    receives = db.Column(db.String(100), nullable=False, default="")  # when they receive
    updated_at = db.Column(db.DateTime, nullable=False, default=utcnow)


class Talk(db.Model):
    """A confidential talk between a member (under a pseudonym) and counsellors."""

    __table_args__ = (db.Index("ix_talk_queue", "board_id", "state", "awaiting"),)

    id = db.Column(db.Integer, primary_key=True)
    board_id = db.Column(db.ForeignKey("board.id"), nullable=False)
    member_id = db.Column(db.ForeignKey("user.id"), nullable=False, index=True)
    pseudonym = db.Column(db.String(20), nullable=False)
    revealed = db.Column(db.Boolean, nullable=False, default=False)
    state = db.Column(db.String(10), nullable=False, default=TalkState.OPEN)
    urgent = db.Column(db.Boolean, nullable=False, default=False)
    awaiting = db.Column(db.Boolean, nullable=False, default=True)  # waits for a counsellor
    waiting_since = db.Column(db.DateTime, nullable=True)
    handover_to_id = db.Column(db.ForeignKey("user.id"), nullable=True)  # asked, not consented
    handover_from_id = db.Column(db.ForeignKey("user.id"), nullable=True)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)
    closed_at = db.Column(db.DateTime, nullable=True)

    member = db.relationship("User", foreign_keys=[member_id])
    board = db.relationship("Board")
    counsellors = db.relationship("TalkCounsellor", cascade="all, delete-orphan")
    messages = db.relationship("TalkMessage", order_by="TalkMessage.id",
                               cascade="all, delete-orphan")

    @property
    def counsellor_ids(self):
        return {row.user_id for row in self.counsellors}


class TalkCounsellor(db.Model):
    """A counsellor assigned to a talk; a room talk has none until one takes it."""

    __table_args__ = (db.UniqueConstraint("talk_id", "user_id"),)

    id = db.Column(db.Integer, primary_key=True)
    talk_id = db.Column(db.ForeignKey("talk.id"), nullable=False, index=True)
    user_id = db.Column(db.ForeignKey("user.id"), nullable=False, index=True)


class TalkMessage(db.Model):
    """One message of a talk; `from_member` says which side wrote it."""

    id = db.Column(db.Integer, primary_key=True)
    talk_id = db.Column(db.ForeignKey("talk.id"), nullable=False, index=True)
    author_id = db.Column(db.ForeignKey("user.id"), nullable=False)
    from_member = db.Column(db.Boolean, nullable=False)
    body = db.Column(db.Text, nullable=False)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)

    author = db.relationship("User")


class CounselSession(db.Model):
    """做客谈心室: a session a counsellor hosts, with a window for questions."""

    id = db.Column(db.Integer, primary_key=True)
    board_id = db.Column(db.ForeignKey("board.id"), nullable=False, index=True)
    title = db.Column(db.String(100), nullable=False)
    host_id = db.Column(db.ForeignKey("user.id"), nullable=False)
    starts_at = db.Column(db.DateTime, nullable=False)
    ends_at = db.Column(db.DateTime, nullable=False)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)

    host = db.relationship("User")
    board = db.relationship("Board")


class SessionQuestion(db.Model):
    """A question to a session; public (under a neutral label) only once answered."""

    id = db.Column(db.Integer, primary_key=True)
    session_id = db.Column(db.ForeignKey("counsel_session.id"), nullable=False, index=True)
    asker_id = db.Column(db.ForeignKey("user.id"), nullable=False, index=True)
    body = db.Column(db.Text, nullable=False)
    answer = db.Column(db.Text, nullable=True)
    answered_at = db.Column(db.DateTime, nullable=True)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)

    session = db.relationship("CounselSession")
