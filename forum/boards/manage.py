"""/b/<slug>/manage: a board's settings and moderators, for its unit managers and admins."""
from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from wtforms import BooleanField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length

from forum.boards import bp
from forum.boards.loaders import get_board
from forum.boards.management import appoint_moderator, dismiss_moderator, update_board
from forum.boards.roles import holders
from forum.extensions import db
from forum.models import Role, User
from forum.permissions import Access, access_for, require
from forum.service import Refused


def _strip(value):
    return value.strip() if isinstance(value, str) else value


class BoardSettingsForm(FlaskForm):
    description = TextAreaField(_l("Description"), filters=[_strip], validators=[
        Length(max=500, message=_l("At most 500 characters."))])
    rules = TextAreaField(_l("Board rules"), filters=[_strip], validators=[
        Length(max=2000, message=_l("At most 2,000 characters."))])
    premoderated = BooleanField(_l("New threads and replies wait for a moderator's approval"))
    verified_only = BooleanField(_l("Only real-name verified accounts may post"))


class ModeratorForm(FlaskForm):
    username = StringField(_l("Username of a verified account"), filters=[_strip],
                           validators=[DataRequired(_l("Enter a username."))])


def _managed_board(slug):
    board = get_board(slug)
    require(Access.MANAGE, access_for(current_user, board))
    return board


@bp.route("/b/<slug>/manage", methods=["GET", "POST"])
@login_required
def manage(slug):
    board = _managed_board(slug)
    form = BoardSettingsForm(data={"description": board.description,
                                   "rules": board.settings.get("rules", ""),
                                   "premoderated": board.settings.get("premoderated", False),
                                   "verified_only": board.settings.get("verified_only", False)})
    if form.validate_on_submit():
        try:
            update_board(board, current_user, form.description.data, rules=form.rules.data,
                         premoderated=form.premoderated.data, verified_only=form.verified_only.data)
        except Refused as refusal:
            flash(refusal.message, "info")
        else:
            flash(_("The board's settings have been saved."), "success")
            return redirect(url_for("boards.manage", slug=board.slug))
    return render_template("boards/manage.html", board=board, form=form,
                           moderator_form=ModeratorForm(), moderators=holders(board, Role.MODERATOR))


@bp.post("/b/<slug>/manage/moderators")
@login_required
def add_moderator(slug):
    board = _managed_board(slug)
    form = ModeratorForm()
    if form.validate_on_submit():
        try:
            appoint_moderator(board, current_user, form.username.data)
        except Refused as refusal:
            flash(refusal.message, "error")
        else:
            flash(_("%(name)s now moderates this board.", name=form.username.data), "success")
    return redirect(url_for("boards.manage", slug=board.slug))


@bp.post("/b/<slug>/manage/moderators/<int:user_id>/remove")
@login_required
def remove_moderator(slug, user_id):
    board = _managed_board(slug)
    user = db.session.get(User, user_id)
    form = FlaskForm()
    if user is not None and form.validate_on_submit():
        try:
            dismiss_moderator(board, current_user, user)
        except Refused as refusal:
            flash(refusal.message, "error")
        else:
            flash(_("%(name)s no longer moderates this board.", name=user.username), "success")
    return redirect(url_for("boards.manage", slug=board.slug))
