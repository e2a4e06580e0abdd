"""Site-wide settings and shared rate-limit counters."""
from flask_babel import lazy_gettext as _l

from forum.extensions import db
from forum.models.base import LabelledEnum
from forum.models.board import BoardTypeKey


class Registration(LabelledEnum):
    """Who may make an account at /register."""

    OPEN = "open", _l("Open: anyone may register")
    CLOSED = "closed", _l("Closed: accounts are made by the security administrator")
    INVITATION = "invitation", _l("By invitation: a link from the security administrator")


SITE_DEFAULTS = {
    "new_account_review_posts": 3,   # an account's first N posts wait in the queue
    "post_interval_seconds": 15,     # flood control: minimum time between two posts
    "word_rules_version": 0,         # changes whenever the word filter's rules change
    # Attachments: the largest file in MB, per board type (others take "default").
    "upload_limits_mb": {"default": 5, BoardTypeKey.NOTICE: 20, BoardTypeKey.TRAINING: 50},
    "uploads_per_day": 50,           # files one account may upload in 24 hours
    # Private messages: an account younger than these days or with fewer posts is new,
    # and a new account starts conversations with at most this many people a day.
    "message_new_account_days": 7,
    "message_new_account_posts": 5,
    "message_new_account_people_per_day": 5,
    "last_backup": None,  # {"at": naive UTC ISO time, "size": bytes} of the last forum backup
    "registration": Registration.OPEN.value,
    "registration_captcha": False,   # an image CAPTCHA on /register
    "site_name": None,               # None: the translated default name
    "site_footer": None,             # plain text under every page; None: the default line
    "site_footer_html": None,        # site_footer as HTML (forum.markup.plain_lines)
    "mail_password": None,           # sealed (forum.seal); None: the environment's MAIL_PASSWORD
}
# Settings whose default is the server's configuration (the environment) until they are
# set on the web: the configuration key of each.
CONFIG_DEFAULTS = {
    "mail_server": "MAIL_SERVER", "mail_port": "MAIL_PORT", "mail_use_tls": "MAIL_USE_TLS",
    "mail_username": "MAIL_USERNAME", "page_cache_seconds": "PAGE_CACHE_SECONDS",
}


class SiteSetting(db.Model):
    """One site setting; missing keys take SITE_DEFAULTS."""

    key = db.Column(db.String(40), primary_key=True)
    value = db.Column(db.JSON, nullable=False)


class SiteCounter(db.Model):
    """A site-wide figure (members) kept by the writes that change it: no page counts rows."""

    name = db.Column(db.String(40), primary_key=True)
    value = db.Column(db.Integer, nullable=False)


class RateCounter(db.Model):
    """A fixed-window counter shared by every worker (rate limits without Redis)."""

    key = db.Column(db.String(200), primary_key=True)
    count = db.Column(db.Integer, nullable=False)
    expires_at = db.Column(db.Float, nullable=False, index=True)
