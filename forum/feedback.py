"""Showing a refused write to the person who tried it: beside its field, or as a flash.

Views run a service through `attempt` (or `flash_outcome` for forms that redirect
whatever happens); JSON endpoints let refusals through to `json_refusals`. No view
catches `forum.service.Refused` itself.
"""
from dataclasses import dataclass
from functools import wraps

from flask import flash, jsonify
from flask_babel import gettext as _
from sqlalchemy.exc import OperationalError

from forum.extensions import db
from forum.service import Refused, disk_full


@dataclass(frozen=True)
class Outcome:
    """What came of a write: true when it went through (`value` is what the service
    returned), false when it was refused (the refusal is already shown)."""

    value: object = None
    refused: bool = False

    def __bool__(self):
        return not self.refused


def attempt(form, act, default=None, done=None, category="error"):
    """Run act(); a refusal goes beside the form field it names (or `default`), else is
    flashed as `category` (always, when form is None); `done` is flashed on success.
    A full disk is said as a refusal is: the form comes back with what was typed."""
    try:
        value = act()
    except Refused as refusal:
        _show(form, refusal, default, category)
        return Outcome(refused=True)
    except (OperationalError, OSError) as error:
        if not disk_full(error):
            raise
        db.session.rollback()  # nothing of it is kept (the post's files are deleted too)
        _show(form, Refused(disk_full_message(kept=form is not None)), default, category)
        return Outcome(refused=True)
    if done is not None:
        flash(done, "success")
    return Outcome(value)


def disk_full_message(kept):
    """What a write that the full disk stopped says; `kept`: the form shows the text again."""
    if kept:
        return _("The server's disk is full; your text is kept below. Please copy it somewhere "
                 "safe and try again later, or tell the site's administrators.")
    return _("The server's disk is full, so nothing was saved. Please try again later, or "
             "tell the site's administrators.")


def flash_outcome(form, act, done):
    """For forms that redirect whatever happens: flash the form's errors, or attempt
    act() and flash its refusal or `done`."""
    if not form.validate_on_submit():
        flash(form_errors(form), "error")
        return Outcome(refused=True)
    return attempt(None, act, done=done)


def _show(form, refusal, default=None, category="error"):
    """Put a service's refusal beside the form field it names (or the default field),
    else flash it."""
    field = refusal.field or default
    if form is not None and field and field in form:
        form[field].errors.append(refusal.message)
    else:
        flash(refusal.message, category)


def form_errors(form):
    """Every error of a form as one sentence (for forms that redirect)."""
    return " ".join(str(e) for errors in form.errors.values() for e in errors)


def json_refusals(status, key="message"):
    """For JSON endpoints: a refusal the view lets through answers
    {"ok": false, key: message} with `status`."""
    def decorate(view):
        @wraps(view)
        def answered(*args, **kwargs):
            try:
                return view(*args, **kwargs)
            except Refused as refusal:
                return jsonify({"ok": False, key: str(refusal.message)}), status
        return answered
    return decorate
