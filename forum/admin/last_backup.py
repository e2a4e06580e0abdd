"""The admin home's line on the last backup (issue 24); `forum backup` records it."""
from dataclasses import dataclass
from datetime import datetime, timedelta

from forum.admin import bp
from forum.models.base import utcnow
from forum.settings import get_setting

STALE_AFTER = timedelta(days=1)  # older than this, the admin home warns


@dataclass
class LastBackup:
    at: datetime  # naive UTC
    size: int  # bytes

    @property
    def stale(self):
        return utcnow() - self.at > STALE_AFTER


@bp.app_template_global("last_backup")
def last_backup():
    """The last `forum backup` (time and size), or None."""
    made = get_setting("last_backup")
    return made and LastBackup(datetime.fromisoformat(made["at"]), made["size"])
