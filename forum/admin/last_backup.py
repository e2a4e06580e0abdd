"""The admin home's line on the last backup (issue 24); `forum backup` records it."""
from datetime import datetime

from forum.admin import bp
from forum.settings import get_setting


@bp.app_template_global("last_backup")
def last_backup():
    """(naive UTC time, size in bytes) of the last `forum backup`, or None."""
    made = get_setting("last_backup")
    return made and (datetime.fromisoformat(made["at"]), made["size"])
