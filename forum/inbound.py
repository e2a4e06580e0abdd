"""What a request may bring in, checked once for every route (issue 12).

Size: a body is capped before anything parses it (Flask reads a whole urlencoded form
into memory): MAX_CONTENT_LENGTH for every route, more only for a form with files sent
to a view marked @accepts_files. Beyond the cap the answer is a 413 page.

Control characters: PostgreSQL refuses a NUL in a text column (a 500), and the other C0
characters make an Atom feed invalid XML. No field takes them, so a path holding one is
a 404 and a query string, form or JSON body holding one is refused with a message;
tab, newline and carriage return stay allowed except in one-line fields.
"""
import re

from flask import Request as FlaskRequest, abort, current_app, render_template, request
from flask_babel import gettext as _

from forum.hooks import upload_request_limit

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
LINE_BREAKING = re.compile(r"[\x00-\x1f\x7f]")
ONE_LINE_FIELDS = frozenset({"title", "username"})  # DESIGN §9's names


def register(app):
    app.before_request(refuse_control_characters)


def accepts_files(view):
    """Mark a view whose form sends files: its requests may be as large as uploads allow."""
    view.accepts_files = True
    return view


def probe(view):
    """Mark a view that machines call (a load balancer's health check): the hooks that
    read the session or count visits leave its requests alone."""
    view.probe = True
    return view


def is_probe():
    """Whether the current request goes to a view marked @probe."""
    return getattr(current_app.view_functions.get(request.endpoint), "probe", False)


class Request(FlaskRequest):
    """A request whose body is capped by the view it goes to (werkzeug asks before parsing)."""

    @property
    def max_content_length(self):
        view = current_app.view_functions.get(self.endpoint)
        if self.mimetype == "multipart/form-data" and getattr(view, "accepts_files", False):
            return upload_request_limit()
        return current_app.config["MAX_CONTENT_LENGTH"]


def refuse_control_characters():
    """A 404 for a path, a 400 with a message for anything else holding a control character."""
    if CONTROL.search(request.path):
        abort(404)
    for name, value in _fields():
        if LINE_BREAKING.search(name) or (
                LINE_BREAKING if name in ONE_LINE_FIELDS else CONTROL).search(value):
            return _refused(), 400
    return None


def _refused():
    message = _("What you sent holds invisible control characters, which no field accepts, "
                "or a line break in a one-line field such as a title. Remove them and try again.")
    return render_template("errors/error.html", code=400, title=_("Invalid characters"),
                           message=message)


def _fields():
    """(name, text) for every text the request carries: query and form fields, the
    User-Agent (kept in the login log) and the strings of a JSON body. File names are the
    attachments' own check, which answers beside the form's field."""
    yield from request.args.items(multi=True)
    yield from request.form.items(multi=True)
    yield "User-Agent", request.user_agent.string
    if request.is_json:
        yield from _json_fields("", request.get_json(silent=True))


def _json_fields(name, value):
    if isinstance(value, str):
        yield name, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _json_fields(str(key), item)
    elif isinstance(value, list):
        for item in value:
            yield from _json_fields(name, item)
