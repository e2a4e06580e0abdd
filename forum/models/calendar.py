"""The holiday schedule the system admin enters for a year (the State Council's notice)."""
from forum.extensions import db


class HolidaySchedule(db.Model):
    """One year's public holidays and make-up working days (调休上班), as ISO dates."""

    year = db.Column(db.Integer, primary_key=True, autoincrement=False)
    holidays = db.Column(db.JSON, nullable=False)
    workdays = db.Column(db.JSON, nullable=False)
    entered_at = db.Column(db.DateTime, nullable=False)
    entered_by_id = db.Column(db.ForeignKey("user.id"), nullable=True)
