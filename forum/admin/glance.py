"""The admin home at a glance: the queues, overdue letters, today's figures from the
counters, disk use and the versions running, and the warnings where work can be lost."""
import platform
import shutil
from dataclasses import dataclass
from datetime import timedelta
from importlib.metadata import version
from pathlib import Path

from flask import current_app

from forum import site_counters
from forum.dates import local_today
from forum.extensions import db
from forum.letters.staffing import overdue_counts
from forum.models import (Board, Letter, LetterState, MessageReport, QueueItem, Report,
                          SiteDay, Verification)
from forum.models.base import utcnow

VERIFICATION_WAIT_DAYS = 3  # a real-name request older than this is a warning
DISK_NEAR_FULL = 0.9  # the share of the disk in use that is a warning


def queue_sizes():
    """{queue: items waiting}: posts, reports, letters, verifications, messages (one
    statement; each count is over a queue's open rows)."""
    waiting = {
        "posts": db.select(db.func.count()).where(QueueItem.status == "open"),
        "reports": db.select(db.func.count()).where(Report.status == "open"),
        "letters": db.select(db.func.count()).where(Letter.state == LetterState.PENDING),
        "verifications": db.select(db.func.count()).where(Verification.status == "pending"),
        "messages": db.select(db.func.count()).where(MessageReport.status == "open"),
    }
    row = db.session.execute(db.select(*(query.scalar_subquery().label(name)
                                         for name, query in waiting.items()))).one()
    return row._asdict()


def overdue_letters():
    """Open letters past their due date, in every box."""
    return sum(overdue_counts().values())


def today_figures():
    """Members, and today's posts (every board's), page views, visitors and new members,
    from the counters and summary rows the writes and the hit counter keep."""
    day = local_today()
    posts = (db.select(db.func.coalesce(db.func.sum(Board.today_posts), 0))
             .where(Board.today_on == day).scalar_subquery())
    row = db.session.execute(
        db.select(posts.label("posts_today"), *(
            db.select(db.func.coalesce(db.func.max(column), 0)).where(SiteDay.day == day)
            .scalar_subquery().label(name)
            for name, column in (("hits_today", SiteDay.hits), ("visitors_today", SiteDay.uniques),
                                 ("members_today", SiteDay.members))))).one()
    return {"members": site_counters.value(site_counters.MEMBERS), **row._asdict()}


def stale_verifications():
    """Real-name requests waiting longer than VERIFICATION_WAIT_DAYS."""
    since = utcnow() - timedelta(days=VERIFICATION_WAIT_DAYS)
    return db.session.execute(db.select(db.func.count()).where(
        Verification.status == "pending", Verification.created_at < since)).scalar()


@dataclass(frozen=True)
class DiskUse:
    """Bytes used by the database, the uploads and the search index, and the instance's disk."""

    database: int
    uploads: int
    index: int
    total: int
    used: int

    @property
    def near_full(self):
        return self.total > 0 and self.used / self.total >= DISK_NEAR_FULL


def disk_use():
    instance = Path(current_app.instance_path)
    disk = shutil.disk_usage(instance)
    return DiskUse(_database_bytes(), _folder_bytes(Path(current_app.config["UPLOAD_FOLDER"])),
                   _folder_bytes(instance / "search"), disk.total, disk.used)


def _database_bytes():
    if db.engine.dialect.name == "postgresql":
        return db.session.execute(db.text("SELECT pg_database_size(current_database())")).scalar()
    path = Path(db.engine.url.database or "")
    return sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.is_file())


def _folder_bytes(folder):
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else 0


def versions():
    """(name, version) of what runs: Python, Flask, SQLAlchemy, the database, the schema."""
    server = db.engine.dialect.server_version_info or ()
    schema = db.session.execute(db.text("SELECT version_num FROM alembic_version")).scalar()
    return [("Python", platform.python_version()), ("Flask", version("flask")),
            ("SQLAlchemy", version("sqlalchemy")),
            (db.engine.dialect.name, ".".join(str(part) for part in server)),
            ("schema", schema)]
