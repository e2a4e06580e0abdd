"""Showing a refused write to the person who tried it: beside its field, or as a flash."""
from flask import flash

from forum.service import Refused


def show_refusal(form, refusal, default=None):
    """Put a service's refusal beside the form field it names (or the default field),
    else flash it."""
    field = refusal.field or default
    if field and field in form:
        form[field].errors.append(refusal.message)
    else:
        flash(refusal.message, "error")


def form_errors(form):
    """Every error of a form as one sentence (for forms that redirect)."""
    return " ".join(str(e) for errors in form.errors.values() for e in errors)


def flash_outcome(form, act, done):
    """For forms that redirect: run act() if the form is valid, and flash what came of it
    (the form's errors, the service's refusal, or `done`); True when act() succeeded."""
    if not form.validate_on_submit():
        flash(form_errors(form), "error")
        return False
    try:
        act()
    except Refused as refusal:
        flash(refusal.message, "error")
        return False
    flash(done, "success")
    return True
