"""/b/<slug>/manage: the settings a board's type offers and its staff, for the board's
unit managers and the system admin (who alone changes the settings marked "admin")."""
from flask import abort, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from wtforms import BooleanField, IntegerField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length

from forum import hooks
from forum.access import Access, is_admin
from forum.boards import bp
from forum.boards.loaders import load_board
from forum.boards.management import appoint_staff, dismiss_staff, update_board
from forum.boards.registry import get_type
from forum.boards.roles import holders
from forum.extensions import db
from forum.feedback import attempt
from forum.labels import role_label
from forum.models import AdminRole, User


def _strip(value):
    return value.strip() if isinstance(value, str) else value


class StaffForm(FlaskForm):
    username = StringField(_l("Username of a verified account"), filters=[_strip],
                           validators=[DataRequired(_l("Enter a username."))])


def settings_form(board, settings):
    """A form of the description and the given settings, filled from the board."""
    class BoardSettingsForm(FlaskForm):
        description = TextAreaField(_l("Description"), filters=[_strip], validators=[
            Length(max=500, message=_l("At most 500 characters."))])

    for setting in settings:
        if isinstance(setting.default, bool):
            field = BooleanField(setting.label)
        elif isinstance(setting.default, int):
            field = IntegerField(setting.label, validators=[InputRequired(_l("Enter a number."))])
        else:
            field = TextAreaField(setting.label, filters=[_strip], validators=[
                Length(max=2000, message=_l("At most 2,000 characters."))])
        setattr(BoardSettingsForm, setting.name, field)
    data = {s.name: board.settings.get(s.name, s.default) for s in settings}
    return BoardSettingsForm(data={"description": board.description, **data})


def editable_settings(board, user):
    """The settings of the board's type this user changes."""
    system = is_admin(user, AdminRole.SYSTEM)
    offered = (*get_type(board.type).settings, *hooks.offered_settings(board))
    return [s for s in offered if s.editor == "manager" or system]


@bp.route("/b/<slug>/manage", methods=["GET", "POST"])
@login_required
def manage(slug):
    board = load_board(slug, need=Access.MANAGE)
    settings = editable_settings(board, current_user)
    form = settings_form(board, settings)
    if form.validate_on_submit() and attempt(
            form, lambda: update_board(board, current_user, form.description.data, settings,
                                       {s.name: form[s.name].data for s in settings}),
            done=_("The board's settings have been saved."), category="info"):
        return redirect(url_for("boards.manage", slug=board.slug))
    staff = [(role, role_label(role), holders(board, role), _staff_form(role))
             for role in get_type(board.type).staff_roles]
    return render_template("boards/manage.html", board=board, form=form, settings=settings,
                           staff=staff)


def _staff_form(role):
    """The appointing form of one role; ids apart, as a page may hold several."""
    form = StaffForm()
    form.username.id = form.username.label.field_id = f"{role}-username"
    return form


def _staff_role(board, staff):
    """The role a /manage/<staff> address names ("moderators": moderator), if the
    board's type has it; else 404."""
    role = staff.removesuffix("s")
    if role not in get_type(board.type).staff_roles:
        abort(404)
    return role


@bp.post("/b/<slug>/manage/<staff>")
@login_required
def appoint(slug, staff):
    board = load_board(slug, need=Access.MANAGE)
    role = _staff_role(board, staff)
    form = StaffForm()
    if form.validate_on_submit():
        attempt(None, lambda: appoint_staff(board, current_user, role, form.username.data),
                done=_("%(name)s is now %(role)s of this board.", name=form.username.data,
                       role=role_label(role)))
    return redirect(url_for("boards.manage", slug=board.slug))


@bp.post("/b/<slug>/manage/<staff>/<int:user_id>/remove")
@login_required
def dismiss(slug, staff, user_id):
    board = load_board(slug, need=Access.MANAGE)
    role = _staff_role(board, staff)
    user = db.session.get(User, user_id)
    form = FlaskForm()
    if user is not None and form.validate_on_submit():
        attempt(None, lambda: dismiss_staff(board, current_user, role, user),
                done=_("%(name)s is no longer %(role)s of this board.", name=user.username,
                       role=role_label(role)))
    return redirect(url_for("boards.manage", slug=board.slug))
