"""/admin/: the system admin's boards, units and settings; the security admin's roles and
bans; the audit admin reads the logs at /mod/log and nothing else."""
from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms.fields.choices import SelectChoice

from forum.access import admin_required, is_admin
from forum import workdays
from forum.admin import bp, calendar, glance, queries, services
from forum.admin.forms import (BanForm, BoardForm, HolidayScheduleForm, RoleForm, SettingsForm,
                               TestMailForm, UnitForm, WordForm)
from forum.auth.services import find_user
from forum.dates import local_today
from forum.boards.roles import grant, revoke
from forum.dates import day_end_utc
from forum.extensions import db
from forum.feedback import attempt, flash_outcome
from forum.letters.queries import mailboxes
from forum.mail import sender_text, smtp_server
from forum.letters.staffing import box_warnings
from forum.models import AdminRole, Ban, Board, BoardRole, HolidaySchedule, User, WordRule
from forum.moderation.bans import ban_ip, ban_user, lift_ban
from forum.moderation.words import add_word, remove_word
from forum.service import Refused
from forum.settings import get_setting


@bp.get("/")
@admin_required(AdminRole.SYSTEM, AdminRole.SECURITY, AdminRole.AUDIT)
def home():
    """The system and security admins' view at a glance; the audit admin's links to the logs."""
    next_year = local_today().year + 1
    missing = is_admin(current_user, AdminRole.SYSTEM) and not workdays.current().knows(next_year)
    at_a_glance = {}
    if is_admin(current_user, AdminRole.SYSTEM, AdminRole.SECURITY):
        at_a_glance = dict(
            box_warnings=box_warnings(mailboxes()), queues=glance.queue_sizes(),
            overdue=glance.overdue_letters(), figures=glance.today_figures(),
            stale_verifications=glance.stale_verifications(), disk=glance.disk_use(),
            versions=glance.versions(), wait_days=glance.VERIFICATION_WAIT_DAYS)
    return render_template("admin/home.html", missing_year=next_year if missing else None,
                           **at_a_glance)


@bp.get("/boards")
@admin_required(AdminRole.SYSTEM)
def boards():
    return render_template("admin/boards.html", boards=queries.boards_in_order())


@bp.route("/boards/<int:board_id>", methods=["GET", "POST"])
@admin_required(AdminRole.SYSTEM)
def board_edit(board_id):
    board = db.get_or_404(Board, board_id)
    form = BoardForm(obj=board)
    form.category_id.choices = [SelectChoice(c.id, c.name) for c in queries.categories_in_order()]
    form.unit_id.choices = [SelectChoice(0, _("None"))] + [
        SelectChoice(u.id, u.name) for u in queries.units_in_order()]
    if form.validate_on_submit():
        if attempt(form, lambda: services.update_board(
                board, current_user, name=form.name.data, description=form.description.data,
                category_id=form.category_id.data, unit_id=form.unit_id.data or None,
                position=form.position.data), done=_("The board has been saved.")):
            return redirect(url_for("admin.boards"))
    elif not form.is_submitted():
        form.unit_id.data = board.unit_id or 0
    return render_template("admin/board_edit.html", board=board, form=form, action_form=FlaskForm())


@bp.route("/units", methods=["GET", "POST"])
@admin_required(AdminRole.SYSTEM)
def units():
    """Add a unit, then offer to create its board (filled in, in the right category)."""
    form = UnitForm()
    if form.validate_on_submit() and (added := attempt(
            form, lambda: services.add_unit(current_user, form.name.data, form.kind.data,
                                            form.slug.data),
            done=_("The unit has been added. Create its board below, or leave this page to do it later."))):
        return redirect(url_for("admin.board_new", unit=added.value.id))
    return render_template("admin/units.html", units=queries.units_in_order(), form=form)


@bp.route("/settings", methods=["GET", "POST"])
@admin_required(AdminRole.SYSTEM)
def settings():
    keys = ("site_name", "site_footer", "new_account_review_posts", "post_interval_seconds",
            "registration", "registration_captcha", "mail_server", "mail_port", "mail_use_tls",
            "mail_username", "page_cache_seconds")
    form = SettingsForm(data={key: get_setting(key) for key in keys})
    if not form.is_submitted():  # the environment's seconds may be a float
        form.page_cache_seconds.data = int(get_setting("page_cache_seconds") or 0)
    # An empty text is no setting: the default (or the environment's) applies.
    values = {key: form[key].data if form[key].data != "" else None for key in keys}
    if form.validate_on_submit() and attempt(
            form, lambda: services.save_settings(current_user, values, form.mail_password.data),
            done=_("The settings have been saved."), category="info"):
        return redirect(url_for("admin.settings"))
    return render_template("admin/settings.html", form=form, mail_form=TestMailForm(),
                           settings_seconds=current_app.config["SETTINGS_CACHE_SECONDS"],
                           mail_server=smtp_server(), mail_sender=sender_text(),
                           password_saved=bool(get_setting("mail_password")))


@bp.post("/settings/test-mail")
@admin_required(AdminRole.SYSTEM)
def test_mail():
    """Send a mail through the configured server, to see that mail leaves the forum."""
    form = TestMailForm()
    flash_outcome(form, lambda: services.send_test_mail(current_user, form.to.data),
                  _("A test mail has been sent to %(to)s.", to=form.to.data))
    return redirect(url_for("admin.settings"))


@bp.route("/calendar", methods=["GET", "POST"])
@admin_required(AdminRole.SYSTEM)
def holiday_calendar():
    """Enter a year's holidays and make-up working days; ?year= fills in one entered."""
    form = HolidayScheduleForm()
    if form.validate_on_submit() and attempt(form, lambda: calendar.save_holiday_schedule(
            current_user, form.year.data, form.holidays.data, form.workdays.data),
            done=_("The holiday schedule has been saved; open deadlines were counted again.")):
        return redirect(url_for("admin.holiday_calendar"))
    if not form.is_submitted():
        _fill_schedule(form, request.args.get("year", type=int) or local_today().year + 1)
    return render_template("admin/calendar.html", form=form, schedules=calendar.schedules())


def _fill_schedule(form, year):
    schedule = db.session.get(HolidaySchedule, year)
    form.year.data = year
    if schedule is not None:
        form.holidays.data = "\n".join(schedule.holidays)
        form.workdays.data = "\n".join(schedule.workdays)


@bp.route("/words", methods=["GET", "POST"])
@admin_required(AdminRole.SYSTEM)
def words():
    form = WordForm()
    if form.validate_on_submit() and attempt(
            form, lambda: add_word(form.word.data, form.action.data, form.replacement.data or "***",
                                   actor=current_user),
            done=_("The word has been added to the filter.")):
        return redirect(url_for("admin.words"))
    return render_template("admin/words.html", rules=queries.word_rules(), form=form,
                           remove_form=FlaskForm())


@bp.post("/words/<int:rule_id>/remove")
@admin_required(AdminRole.SYSTEM)
def word_remove(rule_id):
    rule = db.get_or_404(WordRule, rule_id)
    if FlaskForm().validate_on_submit():
        remove_word(rule, current_user)
        flash(_("The word has been removed from the filter."), "success")
    return redirect(url_for("admin.words"))


@bp.route("/roles", methods=["GET", "POST"])
@admin_required(AdminRole.SECURITY)
def roles():
    form = RoleForm()
    if form.validate_on_submit():
        user = find_user(form.username.data)
        board = queries.board_by_slug(form.board.data)
        if user is None:
            form.username.errors.append(_("There is no account named %(name)s.", name=form.username.data))
        elif board is None:
            form.board.errors.append(_("There is no board %(slug)s.", slug=form.board.data))
        elif attempt(form, lambda: grant(user, board, form.role.data, actor=current_user),
                     done=_("The role has been granted.")):
            return redirect(url_for("admin.roles"))
    return render_template("admin/roles.html", rows=queries.granted_roles(), form=form,
                           revoke_form=FlaskForm())


@bp.post("/roles/<int:role_id>/revoke")
@admin_required(AdminRole.SECURITY)
def role_revoke(role_id):
    row = db.get_or_404(BoardRole, role_id)
    user, board = db.session.get(User, row.user_id), db.session.get(Board, row.board_id)
    flash_outcome(FlaskForm(), lambda: revoke(user, board, row.role, actor=current_user),
                  _("The role has been revoked."))
    return redirect(url_for("admin.roles"))


@bp.route("/bans", methods=["GET", "POST"])
@admin_required(AdminRole.SECURITY)
def bans():
    form = BanForm()
    if form.validate_on_submit() and attempt(form, lambda: _ban(form), done=_("The ban is in force.")):
        return redirect(url_for("admin.bans"))
    return render_template("admin/bans.html", bans=queries.bans_in_force(), form=form,
                           lift_form=FlaskForm())


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
@admin_required(AdminRole.SECURITY)
def ban_lift(ban_id):
    ban = db.get_or_404(Ban, ban_id)
    if FlaskForm().validate_on_submit():
        attempt(None, lambda: lift_ban(ban, current_user), done=_("The ban has been lifted."))
    return redirect(url_for("admin.bans"))
