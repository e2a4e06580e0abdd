"""Unbound extensions, bound to the app in create_app (the guest user is forum.access.Guest)."""
from flask_babel import Babel
from flask_babel import lazy_gettext as _l
from flask_limiter import Limiter
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect
from sqlalchemy import MetaData, event
from sqlalchemy.engine import Engine

from forum import sqlite_writers  # noqa: F401  (queues SQLite's writers: its listeners)
from forum.keyed import client_key

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

db = SQLAlchemy(metadata=MetaData(naming_convention=NAMING_CONVENTION))
migrate = Migrate()
csrf = CSRFProtect()
babel = Babel()
limiter = Limiter(key_func=client_key, default_limits=[])


login_manager = LoginManager()
login_manager.login_view = "auth.login"
# No session protection: "basic" writes `_fresh` into a guest's session on the first
# request after it gets content, so a stylesheet fetched beside the CAPTCHA image
# could send back a cookie without the challenge. Logout and password changes end
# sessions through the session version instead (forum/auth/sessions.py).
login_manager.session_protection = None
login_manager.login_message = _l("Please log in to see this page.")
login_manager.localize_callback = str


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, _record):
    """WAL, durable commits, foreign keys and scrubbed deletes (DESIGN §11)."""
    if type(dbapi_connection).__module__ != "sqlite3":
        return
    cursor = dbapi_connection.cursor()
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON",
                   "secure_delete=ON", "busy_timeout=10000"):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()
