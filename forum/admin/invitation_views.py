"""/admin/invitations: the security admin's invitations to register, for registration by
invitation (forum.auth.invitations); the codes are shown once, on the answer that made them."""
import base64
import io

from flask import current_app, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm

from forum.access import admin_required
from forum.admin import bp
from forum.admin.forms import InvitationForm
from forum.auth.invitations import create_invitations, invitations, revoke_invitation
from forum.csvfile import SafeWriter
from forum.dates import utc_to_local
from forum.extensions import db
from forum.feedback import attempt, flash_outcome
from forum.models import AdminRole, Invitation, Registration
from forum.models.base import utcnow
from forum.security import no_store
from forum.settings import get_setting


@bp.route("/invitations", methods=["GET", "POST"])
@admin_required(AdminRole.SECURITY)
def invitation_list():
    """Make invitations (their links shown once) and see every one's state."""
    form = InvitationForm()
    if form.validate_on_submit() and (made := attempt(form, lambda: create_invitations(
            current_user, form.count.data, form.days.data, form.note.data))):
        return _invitation_links(made.value)
    return render_template("admin/invitations.html", form=form, invitations=invitations(),
                           now=utcnow(), action_form=FlaskForm(),
                           by_invitation=get_setting("registration") == Registration.INVITATION)


@bp.post("/invitations/<int:invitation_id>/revoke")
@admin_required(AdminRole.SECURITY)
def invitation_revoke(invitation_id):
    invitation = db.get_or_404(Invitation, invitation_id)
    flash_outcome(FlaskForm(), lambda: revoke_invitation(invitation, current_user),
                  _("The invitation has been revoked."))
    return redirect(url_for("admin.invitation_list"))


def _invitation_links(made):
    """The only page that shows the links, also as a CSV file to save: built in the page
    itself, so no copy is kept on the server or in any cache."""
    base = current_app.config["FORUM_BASE_URL"].rstrip("/")
    links = [(invitation, f"{base}{url_for('auth.register', invite=code)}") for invitation, code in made]
    out = io.StringIO()
    writer = SafeWriter(out)
    writer.writerow([_("Invitation link"), _("Valid until"), _("Note")])
    for invitation, link in links:
        writer.writerow([link, utc_to_local(invitation.expires_at).strftime("%Y-%m-%d %H:%M"), invitation.note])
    href = "data:text/csv;charset=utf-8;base64," + base64.b64encode(
        ("\ufeff" + out.getvalue()).encode()).decode()
    return no_store(render_template("admin/invitations_made.html", links=links, href=href))
