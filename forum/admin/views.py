"""/admin/: the system admin's boards, units and settings; the security admin's roles and
bans; the audit admin reads the logs at /mod/log and nothing else."""
from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from wtforms.fields.choices import SelectChoice

from forum.admin import bp, services
from forum.admin.forms import BanForm, BoardForm, RoleForm, SettingsForm, UnitForm, WordForm
from forum.auth.services import find_user
from forum.boards.roles import grant, revoke
from forum.dates import day_end_utc
from forum.extensions import db
from forum.feedback import flash_outcome, show_refusal
from forum.models import AdminRole, Ban, Board, BoardRole, Category, Unit, User, WordRule
from forum.moderation.bans import ban_ip, ban_user, lift_ban
from forum.moderation.words import add_word, remove_word
from forum.permissions import require_admin
from forum.service import Refused
from forum.settings import get_setting


@bp.get("/")
@login_required
def home():
    require_admin(current_user, AdminRole.SYSTEM, AdminRole.SECURITY, AdminRole.AUDIT)
    return render_template("admin/home.html")


@bp.get("/boards")
@login_required
def boards():
    require_admin(current_user, AdminRole.SYSTEM)
    rows = db.session.execute(db.select(Board).order_by(Board.category_id, Board.position)).scalars().all()
    return render_template("admin/boards.html", boards=rows)


@bp.route("/boards/<int:board_id>", methods=["GET", "POST"])
@login_required
def board_edit(board_id):
    require_admin(current_user, AdminRole.SYSTEM)
    board = db.get_or_404(Board, board_id)
    form = BoardForm(obj=board)
    form.category_id.choices = [SelectChoice(c.id, c.name) for c in db.session.execute(
        db.select(Category).order_by(Category.position)).scalars()]
    form.unit_id.choices = [SelectChoice(0, _("None"))] + [SelectChoice(u.id, u.name) for u in db.session.execute(
        db.select(Unit).order_by(Unit.position)).scalars()]
    if form.validate_on_submit():
        try:
            services.update_board(board, current_user, name=form.name.data,
                                  description=form.description.data,
                                  category_id=form.category_id.data,
                                  unit_id=form.unit_id.data or None, position=form.position.data)
        except Refused as refusal:
            show_refusal(form, refusal)
        else:
            flash(_("The board has been saved."), "success")
            return redirect(url_for("admin.boards"))
    elif not form.is_submitted():
        form.unit_id.data = board.unit_id or 0
    return render_template("admin/board_edit.html", board=board, form=form)


@bp.route("/units", methods=["GET", "POST"])
@login_required
def units():
    require_admin(current_user, AdminRole.SYSTEM)
    form = UnitForm()
    if form.validate_on_submit():
        try:
            services.add_unit(current_user, form.name.data, form.kind.data, form.slug.data)
        except Refused as refusal:
            show_refusal(form, refusal)
        else:
            flash(_("The unit has been added."), "success")
            return redirect(url_for("admin.units"))
    rows = db.session.execute(db.select(Unit).order_by(Unit.position)).scalars().all()
    return render_template("admin/units.html", units=rows, form=form)


@bp.route("/settings", methods=["GET", "POST"])
@login_required
def settings():
    require_admin(current_user, AdminRole.SYSTEM)
    keys = ("new_account_review_posts", "post_interval_seconds")
    form = SettingsForm(data={key: get_setting(key) for key in keys})
    if form.validate_on_submit():
        try:
            services.save_settings(current_user, {key: form[key].data for key in keys})
        except Refused as refusal:
            flash(refusal.message, "info")
        else:
            flash(_("The settings have been saved."), "success")
            return redirect(url_for("admin.settings"))
    return render_template("admin/settings.html", form=form)


@bp.route("/words", methods=["GET", "POST"])
@login_required
def words():
    require_admin(current_user, AdminRole.SYSTEM)
    form = WordForm()
    if form.validate_on_submit():
        try:
            add_word(form.word.data, form.action.data, form.replacement.data or "***", actor=current_user)
        except Refused as refusal:
            show_refusal(form, refusal)
        else:
            flash(_("The word has been added to the filter."), "success")
            return redirect(url_for("admin.words"))
    rows = db.session.execute(db.select(WordRule).order_by(WordRule.word)).scalars().all()
    return render_template("admin/words.html", rules=rows, form=form, remove_form=FlaskForm())


@bp.post("/words/<int:rule_id>/remove")
@login_required
def word_remove(rule_id):
    require_admin(current_user, AdminRole.SYSTEM)
    rule = db.get_or_404(WordRule, rule_id)
    if FlaskForm().validate_on_submit():
        remove_word(rule, current_user)
        flash(_("The word has been removed from the filter."), "success")
    return redirect(url_for("admin.words"))


@bp.route("/roles", methods=["GET", "POST"])
@login_required
def roles():
    require_admin(current_user, AdminRole.SECURITY)
    form = RoleForm()
    if form.validate_on_submit():
        user = find_user(form.username.data)
        board = db.session.execute(db.select(Board).where(Board.slug == form.board.data)).scalar_one_or_none()
        if user is None:
            form.username.errors.append(_("There is no account named %(name)s.", name=form.username.data))
        elif board is None:
            form.board.errors.append(_("There is no board %(slug)s.", slug=form.board.data))
        else:
            try:
                grant(user, board, form.role.data, actor=current_user)
            except Refused as refusal:
                show_refusal(form, refusal)
            else:
                flash(_("The role has been granted."), "success")
                return redirect(url_for("admin.roles"))
    rows = db.session.execute(
        db.select(BoardRole, User, Board).join(User, User.id == BoardRole.user_id)
        .join(Board, Board.id == BoardRole.board_id).order_by(Board.position, User.username)).all()
    return render_template("admin/roles.html", rows=rows, form=form, revoke_form=FlaskForm())


@bp.post("/roles/<int:role_id>/revoke")
@login_required
def role_revoke(role_id):
    require_admin(current_user, AdminRole.SECURITY)
    row = db.get_or_404(BoardRole, role_id)
    user, board = db.session.get(User, row.user_id), db.session.get(Board, row.board_id)
    flash_outcome(FlaskForm(), lambda: revoke(user, board, row.role, actor=current_user),
                  _("The role has been revoked."))
    return redirect(url_for("admin.roles"))


@bp.route("/bans", methods=["GET", "POST"])
@login_required
def bans():
    require_admin(current_user, AdminRole.SECURITY)
    form = BanForm()
    if form.validate_on_submit():
        try:
            _ban(form)
        except Refused as refusal:
            show_refusal(form, refusal)
        else:
            flash(_("The ban is in force."), "success")
            return redirect(url_for("admin.bans"))
    rows = [b for b in db.session.execute(db.select(Ban).where(Ban.lifted_at.is_(None))
                                          .order_by(Ban.created_at.desc())).scalars() if b.in_force]
    return render_template("admin/bans.html", bans=rows, form=form, lift_form=FlaskForm())


def _ban(form):
    until = day_end_utc(form.until.data) if form.until.data else None
    if form.username.data:
        user = find_user(form.username.data)
        if user is None:
            raise Refused(_("There is no account named %(name)s.", name=form.username.data), field="username")
        return ban_user(user, current_user, form.reason.data, until)
    if form.ip_range.data:
        return ban_ip(form.ip_range.data, current_user, form.reason.data, until)
    raise Refused(_("Enter a username or an IP address."), field="username")


@bp.post("/bans/<int:ban_id>/lift")
@login_required
def ban_lift(ban_id):
    require_admin(current_user, AdminRole.SECURITY)
    ban = db.get_or_404(Ban, ban_id)
    if FlaskForm().validate_on_submit():
        try:
            lift_ban(ban, current_user)
        except Refused as refusal:
            flash(refusal.message, "error")
        else:
            flash(_("The ban has been lifted."), "success")
    return redirect(url_for("admin.bans"))
