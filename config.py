"""Configuration classes; the environment chooses the instance (DESIGN §10)."""
import os
import secrets
from pathlib import Path

ROOT = Path(__file__).resolve().parent


def instance_path():
    """The instance folder: database, search index, uploads and keys."""
    return Path(os.environ.get("FORUM_INSTANCE", ROOT / "instance")).resolve()


def read_or_create_secret(folder, name="secret_key"):
    """Return a secret kept in the instance folder, generating it on first use."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    if not path.exists():
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()


def _flag(name, default):
    return os.environ.get(name, default).strip().lower() not in {"off", "0", "false", "no"}


class Config:
    """Defaults: SQLite in the instance folder, Chinese interface."""

    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
    SQLALCHEMY_TRACK_MODIFICATIONS = False
    BABEL_DEFAULT_LOCALE = "zh_CN"
    BABEL_DEFAULT_TIMEZONE = "Asia/Shanghai"
    LANGUAGES = ("zh_CN", "en")
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    WTF_CSRF_TIME_LIMIT = None
    # Bodies are capped before they are parsed (issue 12: a 250 MB form to /login took
    # 910 MB). A form of text: the longest field is 20,000 characters, 180 KB when
    # percent-encoded. A form with files may send more: forum.inbound.Request.
    MAX_CONTENT_LENGTH = 1024 * 1024
    MAX_FORM_MEMORY_SIZE = 256 * 1024  # one text field of a form with files
    MAX_FORM_PARTS = 1000
    THREADS_PER_PAGE = 20
    POSTS_PER_PAGE = 20
    TITLE_MAX = 80
    BODY_MAX = 20_000
    VIEW_FLUSH_SECONDS = 5.0
    # A new post is searchable this long after its commit: the outbox thread waits so
    # that the posts of the moment share one index write (forum/search/adapter.py).
    SEARCH_GATHER_SECONDS = 1.0
    STATS_CACHE_SECONDS = 60  # /stats computes its figures at most this often per worker
    SETTINGS_CACHE_SECONDS = 5  # a worker reads the site settings at most this often
    PASSWORD_HASH_METHOD = "scrypt"
    ADMIN_IDLE_MINUTES = 30
    MAIL_DEFAULT_SENDER = "织金党建论坛 <noreply@localhost>"
    # Studying (the training centre): the page beats this often; checks come at random
    # between the two gaps, are answered within the window; idle pages stop earning.
    STUDY_BEAT_SECONDS = 30
    STUDY_CREDIT_CAP_SECONDS = 60  # the most one beat earns: twice the interval
    STUDY_CHECK_MIN_SECONDS = 300
    STUDY_CHECK_MAX_SECONDS = 900
    STUDY_CHECK_WINDOW_SECONDS = 120
    STUDY_IDLE_SECONDS = 300

    def __init__(self):
        self.INSTANCE_PATH = str(instance_path())
        self.SQLALCHEMY_DATABASE_URI = self._database_url()
        # Attachments and avatars; a shared volume when several app servers serve them.
        self.UPLOAD_FOLDER = os.environ.get("FORUM_UPLOADS") or str(instance_path() / "uploads")
        self.SECRET_KEY = os.environ.get("SECRET_KEY") or read_or_create_secret(instance_path())
        self.RATELIMIT_ENABLED = _flag("FORUM_RATE_LIMITS", "on")
        self.REDIS_URL = os.environ.get("REDIS_URL")
        # Shared by every worker: Redis where there is one, else the forum's database.
        self.RATELIMIT_STORAGE_URI = self.REDIS_URL or "forumdb://"
        self.TRUSTED_HOSTS = os.environ.get("FORUM_HOSTS", "127.0.0.1,localhost").split(",")
        self.PROXIES = int(os.environ.get("FORUM_PROXIES", "0"))  # reverse proxies in front
        # Guests' index, board and thread pages are served from cache this long (0: off).
        self.PAGE_CACHE_SECONDS = float(os.environ.get("FORUM_PAGE_CACHE_SECONDS", "5"))
        self.secure_cookies(_flag("FORUM_SECURE_COOKIES", "off"))
        # Links in mail are built from this, never from a request's Host header.
        self.FORUM_BASE_URL = os.environ.get("FORUM_BASE_URL", "http://127.0.0.1:5000")
        self.MAIL_SERVER = os.environ.get("MAIL_SERVER")  # unset: mail goes to instance/mail
        self.MAIL_PORT = int(os.environ.get("MAIL_PORT", "25"))
        self.MAIL_USE_TLS = _flag("MAIL_USE_TLS", "off")
        self.MAIL_USERNAME = os.environ.get("MAIL_USERNAME")
        self.MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD")

    def secure_cookies(self, on):
        """Every cookie the forum sets is sent over HTTPS only when on (the language cookie
        reads SESSION_COOKIE_SECURE)."""
        self.SESSION_COOKIE_SECURE = self.REMEMBER_COOKIE_SECURE = on

    def _database_url(self):
        url = os.environ.get("DATABASE_URL") or f"sqlite:///{instance_path() / 'forum.db'}"
        # psycopg 3 is the PostgreSQL driver; accept the common short forms.
        for prefix in ("postgres://", "postgresql://"):
            if url.startswith(prefix):
                return "postgresql+psycopg://" + url[len(prefix):]
        return url


class TestingConfig(Config):
    """Tests: a throw-away instance chosen by the fixtures, rate limits off."""

    TESTING = True

    def __init__(self):
        super().__init__()
        self.RATELIMIT_ENABLED = False
        self.VIEW_FLUSH_SECONDS = 0  # flushed explicitly by tests
        self.PAGE_CACHE_SECONDS = 0  # every test sees the page as it is now
        self.STATS_CACHE_SECONDS = 0
        # Each test forgets the settings, and a write forgets them in its worker: a test
        # never waits out the cache, however slow the machine.
        self.SETTINGS_CACHE_SECONDS = 3600
        # Thousands of accounts are made in tests; production keeps scrypt's full cost.
        self.PASSWORD_HASH_METHOD = "pbkdf2:sha256:1000"

