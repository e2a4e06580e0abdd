"""Summary rows of the public figures (DESIGN §2 stats/): kept by the writes and by the
hit counter's flush, so /stats never counts posts, threads or users per request."""
from forum.extensions import db


class SiteDay(db.Model):
    """One local day of the whole site: page views, unique visitors, new posts, threads
    and members."""

    day = db.Column(db.Date, primary_key=True)
    hits = db.Column(db.Integer, nullable=False, default=0)
    uniques = db.Column(db.Integer, nullable=False, default=0)
    posts = db.Column(db.Integer, nullable=False, default=0)
    threads = db.Column(db.Integer, nullable=False, default=0)
    members = db.Column(db.Integer, nullable=False, default=0)


class BoardDay(db.Model):
    """One local day of one board: page views of it and its threads, new posts, threads."""

    day = db.Column(db.Date, primary_key=True)
    board_id = db.Column(db.ForeignKey("board.id", ondelete="CASCADE"), primary_key=True)
    hits = db.Column(db.Integer, nullable=False, default=0)
    posts = db.Column(db.Integer, nullable=False, default=0)
    threads = db.Column(db.Integer, nullable=False, default=0)


class UnitMonth(db.Model):
    """One month (its first day) of one unit: threads and posts its members wrote, and how
    many of them wrote at least once."""

    month = db.Column(db.Date, primary_key=True)
    unit_id = db.Column(db.ForeignKey("unit.id", ondelete="CASCADE"), primary_key=True)
    threads = db.Column(db.Integer, nullable=False, default=0)
    posts = db.Column(db.Integer, nullable=False, default=0)
    active = db.Column(db.Integer, nullable=False, default=0)


class CategoryMonth(db.Model):
    """One month (its first day) of one category of the index: how many members wrote in
    its boards at least once."""

    month = db.Column(db.Date, primary_key=True)
    category_id = db.Column(db.ForeignKey("category.id", ondelete="CASCADE"), primary_key=True)
    active = db.Column(db.Integer, nullable=False, default=0)


class ActiveMember(db.Model):
    """A member who wrote this month, once per scope: "unit" (counted into UnitMonth.active
    under the unit they belonged to then) or "c<category id>" (into CategoryMonth.active).
    Rows of past months are deleted with the visitors' hashes."""

    month = db.Column(db.Date, primary_key=True)
    scope = db.Column(db.String(12), primary_key=True)
    user_id = db.Column(db.ForeignKey("user.id", ondelete="CASCADE"), primary_key=True)


class VisitorDay(db.Model):
    """Today's visitors as keyed hashes (of address, browser and day), only to count each
    once; deleted when the day is over, leaving SiteDay.uniques."""

    day = db.Column(db.Date, primary_key=True)
    digest = db.Column(db.String(32), primary_key=True)
