"""The signature form, the talent flag on profiles and the talent list (人才库)."""
from flask import abort, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from sqlalchemy.orm import joinedload

from forum.auth.services import find_user
from forum.extensions import db
from forum.feedback import attempt
from forum.models import Talent, User
from forum.permissions import marks_talent, reads_talent_list
from forum.profiles import bp
from forum.profiles.services import mark_talent, save_signature, unmark_talent


@bp.post("/account/signature")
@login_required
def signature():
    if FlaskForm().validate_on_submit():  # only the CSRF token; the text is checked by the service
        attempt(None, lambda: save_signature(current_user, request.form.get("signature", "")),
                done=_("Your signature has been saved."))
    return redirect(url_for("auth.account", _anchor="signature-heading"))


def _member(username):
    user = find_user(username)
    if user is None or user.deleted_at is not None:
        abort(404)
    return user


@bp.post("/u/<username>/talent")
@login_required
def talent_mark(username):
    if not marks_talent(current_user):
        abort(403)
    user = _member(username)
    if FlaskForm().validate_on_submit():
        attempt(None, lambda: mark_talent(user, current_user, request.form.get("note", "")),
                done=_("%(name)s is marked as talent.", name=user.name))
    return redirect(url_for("auth.profile", username=user.username))


@bp.post("/u/<username>/talent/remove")
@login_required
def talent_unmark(username):
    if not marks_talent(current_user):
        abort(403)
    user = _member(username)
    if FlaskForm().validate_on_submit():
        attempt(None, lambda: unmark_talent(user, current_user, request.form.get("reason", "")),
                done=_("The talent mark has been removed."))
    return redirect(url_for("auth.profile", username=user.username))


@bp.get("/talent")
@login_required
def talent_list():
    if not reads_talent_list(current_user):
        abort(403, description=_("The talent list is read only by the organisation department's "
                                 "unit accounts and the system admin."))
    talents = db.session.execute(
        db.select(Talent).join(User, User.id == Talent.user_id)
        .options(joinedload(Talent.user).joinedload(User.unit))
        .where(User.deleted_at.is_(None)).order_by(Talent.marked_at.desc())).scalars().all()
    return render_template("profiles/talent.html", talents=talents)
