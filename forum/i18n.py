"""Languages: Chinese by default, English on request.

The app reads compiled catalogs (.mo) and never writes them: `make` and
bin/compile-translations compile them, the tests once per session.
"""
import os
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from babel import Locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from flask import Blueprint, abort, current_app, has_request_context, redirect, request
from flask_babel import get_locale, get_translations

from forum.dates import local_today, utc_to_local
from forum.extensions import babel, csrf
from forum.urls import safe_next

TRANSLATIONS = Path(__file__).resolve().parent / "translations"
LANG_COOKIE = "lang"

bp = Blueprint("i18n", __name__)

# The request's catalog, looked up once: Flask-Babel finds it again on every call (about
# 10 µs), and a thread page's templates translate hundreds of strings.
_catalog = ContextVar("catalog", default=None)


def select_locale():
    """The language chosen with the switch, else the default (Chinese)."""
    chosen = request.cookies.get(LANG_COOKIE) if has_request_context() else None
    if chosen not in current_app.config["LANGUAGES"]:
        chosen = current_app.config["BABEL_DEFAULT_LOCALE"]
    return _parsed(chosen)


@cache
def _parsed(code):
    """The Locale of a code, parsed once: Babel looks for its data file on every parse,
    which cost a member's page about half a millisecond."""
    return Locale.parse(code)


def stale_catalogs(folder=TRANSLATIONS):
    """The .po files whose .mo is missing or older (zh_Hans_CN links to zh_CN's files)."""
    return [po_path for po_path in sorted(folder.glob("*/LC_MESSAGES/*.po"))
            if not po_path.parent.parent.is_symlink() and _older_mo(po_path)]


def _older_mo(po_path):
    mo_path = po_path.with_suffix(".mo")
    return not mo_path.exists() or mo_path.stat().st_mtime < po_path.stat().st_mtime


def compile_catalogs(po_paths=None):
    """Compile each .po (by default every stale one) to the .mo beside it."""
    for po_path in map(Path, po_paths or stale_catalogs()):
        with po_path.open("rb") as po_file:
            catalog = read_po(po_file, locale=po_path.parts[-3])
        mo_path = po_path.with_suffix(".mo")
        tmp = mo_path.with_suffix(f".mo.{os.getpid()}.tmp")  # two test workers may compile at once
        with tmp.open("wb") as mo_file:
            write_mo(mo_file, catalog)
        tmp.replace(mo_path)  # atomic: a running server may be reading the old one


def configure_babel(app):
    if stale := stale_catalogs():  # the interface would silently show English msgids
        app.logger.warning("Catalogs with no .mo or an older one (run make or "
                           "bin/compile-translations): %s", ", ".join(map(str, stale)))
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = str(TRANSLATIONS)
    babel.init_app(app, locale_selector=select_locale)
    app.teardown_request(_forget_catalog)
    app.jinja_env.install_gettext_callables(
        gettext=lambda s: _translations().ugettext(s),
        ngettext=lambda s, p, n: _translations().ungettext(s, p, n),
        pgettext=lambda c, s: _translations().upgettext(c, s),
        npgettext=lambda c, s, p, n: _translations().unpgettext(c, s, p, n),
        newstyle=True)
    app.jinja_env.filters["datetime"] = _local_minute
    app.jinja_env.filters["when"] = short_time
    app.jinja_env.globals["get_locale"] = get_locale


def _forget_catalog(error=None):
    _catalog.set(None)


def _translations():
    """The catalog of this request, looked up at its first string (a page served from
    the guests' cache never asks), or Flask-Babel's own look-up outside a request (mail
    sent after the response, the command line)."""
    catalog = _catalog.get()
    if catalog is None:
        catalog = get_translations()
        if has_request_context():
            _catalog.set(catalog)
    return catalog


def _local_minute(value):
    """A naive UTC time as yyyy-MM-dd HH:mm in the forum's time zone: digits in every
    language, so no locale's formatter is needed (it cost ~40 µs a call)."""
    return utc_to_local(value).strftime("%Y-%m-%d %H:%M") if value else ""


def short_time(value, today=None):
    """A naive UTC time as short as a list's column allows: 09:00 today, 12-02 this year,
    else 2025-12-02 (in the forum's time zone): the `when` filter, and for lists whose
    rows are prepared in Python (the board index), which pass the local `today` once."""
    if not value:
        return ""
    moment, today = utc_to_local(value), today or local_today()
    written = moment.isoformat()  # 2025-12-02T09:00:00: cut, not strftime (1.5 µs a call)
    if moment.date() == today:
        return written[11:16]
    return written[5:10] if moment.year == today.year else written[:10]


@bp.post("/lang/<code>")
@csrf.exempt
def switch_language(code):
    """Remember the chosen language in a cookie and go back where the visitor was.

    A form, as a GET that changes something can be sent by any site (an image's URL).
    Its CSRF check is the browser's word on where the form came from, not a token: a
    token lives in the session, and guests' pages must set no cookie to be cached.
    """
    if not _sent_from_this_site():
        abort(403)
    response = redirect(safe_next(request.form.get("next")))
    if code in current_app.config["LANGUAGES"]:
        response.set_cookie(LANG_COOKIE, code, max_age=365 * 86400, samesite="Lax", httponly=True,
                            secure=current_app.config["SESSION_COOKIE_SECURE"])
    return response


def _sent_from_this_site():
    """Browsers send a form's origin with every POST (Sec-Fetch-Site in the newer ones)."""
    if request.headers.get("Sec-Fetch-Site", "same-origin") != "same-origin":
        return False
    origin = request.headers.get("Origin")
    return origin is None or urlsplit(origin).netloc == request.host
