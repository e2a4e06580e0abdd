"""/admin/uploads: the system admin sets the largest file per board type and the daily
upload allowance of an account."""
from flask import redirect, render_template, url_for
from flask_babel import gettext as _, lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import IntegerField
from wtforms.validators import InputRequired, NumberRange

from forum.access import admin_required
from forum.admin import bp
from forum.admin.services import save_settings
from forum.feedback import attempt
from forum.models import AdminRole, BoardTypeKey
from forum.settings import get_setting

MAX_MB = 200


def _mb_field(label):
    return IntegerField(label, validators=[
        InputRequired(_l("Enter a number.")),
        NumberRange(1, MAX_MB, _l("A number of MB from 1 to %(n)d.", n=MAX_MB))])


class UploadSettingsForm(FlaskForm):
    default = _mb_field(_l("Largest file in other boards (MB)"))
    uploads_per_day = IntegerField(_l("Files one account may upload in 24 hours"), validators=[
        InputRequired(_l("Enter a number.")), NumberRange(0, 10_000, _l("A number from 0 to 10,000."))])


for _key in BoardTypeKey:
    setattr(UploadSettingsForm, f"type_{_key}", _mb_field(_l("Largest file in: %(type)s (MB)", type=_key.label)))
del _key


@bp.route("/uploads", methods=["GET", "POST"])
@admin_required(AdminRole.SYSTEM)
def upload_settings():
    limits = get_setting("upload_limits_mb")
    default = limits.get("default", 5)
    form = UploadSettingsForm(data={"default": default, "uploads_per_day": get_setting("uploads_per_day"),
                                    **{f"type_{k}": limits.get(k, default) for k in BoardTypeKey}})
    if form.validate_on_submit():
        new_limits = {"default": form.default.data,
                      **{k: form[f"type_{k}"].data for k in BoardTypeKey}}
        if attempt(form, lambda: save_settings(current_user, {
                "upload_limits_mb": new_limits, "uploads_per_day": form.uploads_per_day.data}),
                done=_("The settings have been saved.")):
            return redirect(url_for("admin.upload_settings"))
    return render_template("admin/uploads.html", form=form,
                           type_fields=[form[f"type_{k}"] for k in BoardTypeKey])
