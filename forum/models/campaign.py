"""Study campaigns (学习活动) and study essays (心得体会)."""
from forum.extensions import db
from forum.models.base import utcnow

TARGETS = ("all", "units", "people")

campaign_lesson = db.Table(
    "campaign_lesson",
    db.Column("campaign_id", db.ForeignKey("campaign.id"), primary_key=True),
    db.Column("lesson_id", db.ForeignKey("lesson.id"), primary_key=True))
campaign_unit = db.Table(
    "campaign_unit",
    db.Column("campaign_id", db.ForeignKey("campaign.id"), primary_key=True),
    db.Column("unit_id", db.ForeignKey("unit.id"), primary_key=True))
campaign_person = db.Table(
    "campaign_person",
    db.Column("campaign_id", db.ForeignKey("campaign.id"), primary_key=True),
    db.Column("user_id", db.ForeignKey("user.id"), primary_key=True))


class Campaign(db.Model):
    """Lessons grouped for a target (all verified accounts, units or people) and a period."""

    id = db.Column(db.Integer, primary_key=True)
    board_id = db.Column(db.ForeignKey("board.id"), nullable=False, index=True)
    title = db.Column(db.String(80), nullable=False)
    description = db.Column(db.String(2000), nullable=False, default="")
    target = db.Column(db.String(10), nullable=False, default="all")
    starts_on = db.Column(db.Date, nullable=False)
    ends_on = db.Column(db.Date, nullable=False)
    required_tenths = db.Column(db.Integer, nullable=False)  # required hours × 10
    essay_required = db.Column(db.Boolean, nullable=False, default=False)
    essay_min_chars = db.Column(db.Integer, nullable=False, default=300)
    created_by_id = db.Column(db.ForeignKey("user.id"), nullable=False)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)

    board = db.relationship("Board")
    lessons = db.relationship("Lesson", secondary=campaign_lesson, order_by="Lesson.id")
    units = db.relationship("Unit", secondary=campaign_unit, order_by="Unit.position")
    people = db.relationship("User", secondary=campaign_person, order_by="User.username")

    @property
    def required_hours(self):
        return self.required_tenths / 10


class Essay(db.Model):
    """A learner's study essay for a campaign; a trainer reviews it."""

    __table_args__ = (db.UniqueConstraint("user_id", "campaign_id"),)

    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.ForeignKey("user.id"), nullable=False, index=True)
    campaign_id = db.Column(db.ForeignKey("campaign.id"), nullable=False, index=True)
    title = db.Column(db.String(80), nullable=False)
    body = db.Column(db.Text, nullable=False)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)
    # The earlier essay this one most resembles, when it resembles it a lot.
    similar_to_id = db.Column(db.ForeignKey("essay.id"), nullable=True)
    similarity = db.Column(db.Integer, nullable=True)  # percent
    grade = db.Column(db.String(10), nullable=True)
    comment = db.Column(db.String(1000), nullable=True)
    excellent = db.Column(db.Boolean, nullable=False, default=False)
    reviewed_by_id = db.Column(db.ForeignKey("user.id"), nullable=True)
    reviewed_at = db.Column(db.DateTime, nullable=True)

    user = db.relationship("User", foreign_keys=[user_id])
    campaign = db.relationship("Campaign")
    similar_to = db.relationship("Essay", remote_side=[id])
