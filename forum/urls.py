"""URL helpers: ids and numbers read from a URL, and where to go after a form (every
`next` parameter goes through safe_next: issue 12, an open redirect).

Numbers from a URL reach the database as bound parameters; one beyond the id columns'
range is an error there (SQLite above 2^63, PostgreSQL above 2^31), so it is refused
here, as a 404 or as an absent parameter, never a 500 (issue 12).
"""
from urllib.parse import quote, urlsplit

from flask import request, url_for
from werkzeug.routing import IntegerConverter

MAX_ID = 2**31 - 1  # PostgreSQL's integer columns; SQLite's are wider


class IdConverter(IntegerConverter):
    """<int:...> for ids: ASCII digits up to MAX_ID; anything else matches no route."""

    regex = r"[0-9]{1,10}"

    def __init__(self, map, *args, **kwargs):
        kwargs.setdefault("max", MAX_ID)
        super().__init__(map, *args, **kwargs)


def url_builder(endpoint, name):
    """value -> url_for(endpoint, **{name: value}) from a single url_for call, for a page
    that links every row of a long list (url_for costs 6–8 µs; the index calls it 300
    times). A string is quoted as werkzeug quotes a path segment (its BaseConverter), a
    number written as its IntegerConverter writes it."""
    marker = str(MAX_ID)
    prefix, suffix = url_for(endpoint, **{name: MAX_ID}).split(marker, 1)
    return lambda value: (f"{prefix}{quote(value, safe=_SEGMENT_SAFE)}{suffix}"
                          if isinstance(value, str) else f"{prefix}{int(value)}{suffix}")


_SEGMENT_SAFE = "!$&'()*+,/:;=@"  # werkzeug.routing.converters.BaseConverter.to_url


def parse_int(raw, *, low=0, high=MAX_ID):
    """raw as an int in [low, high] if it is ASCII digits, else None (`"²".isdigit()` is
    true but `int("²")` fails; a thousand digits would be a database error)."""
    if not (isinstance(raw, str) and raw.isascii() and raw.isdigit() and len(raw) <= 10):
        return None
    value = int(raw)
    return value if low <= value <= high else None


def coerce_id(value):
    """A form's choice of a row as an id (a WTForms coerce): ValueError when out of range."""
    number = value if isinstance(value, int) else parse_int(value)
    if number is None or not 0 <= number <= MAX_ID:
        raise ValueError("not an id")
    return number


def int_arg(name, *, low=0, high=MAX_ID):
    """The query parameter `name` as an int in [low, high], or None."""
    return parse_int(request.args.get(name), low=low, high=high)


def safe_next(target, default_endpoint="boards.index", **values):
    """Where to go after a form: `target` if it is a path on this site, else the default
    endpoint's URL (with `values`)."""
    return target if _is_local_path(target) else url_for(default_endpoint, **values)


def _is_local_path(target):
    """A path on this site, as a browser will read it: browsers drop tabs and newlines
    inside a URL and read a backslash as a slash, so /%09/host and /\\host are other
    sites; a scheme or a host is one too."""
    if not target or any(c.isspace() or c < " " or c == "\x7f" or c == "\\" for c in target):
        return False
    parts = urlsplit(target)
    return (target.startswith("/") and not target.startswith("//")
            and not parts.scheme and not parts.netloc)
