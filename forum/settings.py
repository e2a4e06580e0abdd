"""Site settings kept in the database, with defaults."""
from forum.extensions import db
from forum.models import SiteSetting
from forum.models.site import SITE_DEFAULTS


def get_setting(key):
    """The value of a site setting, or its default."""
    row = db.session.get(SiteSetting, key)
    return row.value if row is not None else SITE_DEFAULTS[key]


def put_setting(key, value):
    """Set a site setting in the current unit of work (the caller commits)."""
    row = db.session.get(SiteSetting, key)
    if row is None:
        db.session.add(SiteSetting(key=key, value=value))
    else:
        row.value = value
