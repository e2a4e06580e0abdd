"""/notifications: the member's notifications; opening one marks it read."""
from flask import abort, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from flask_wtf import FlaskForm

from forum.feedback import attempt
from forum.notifications import bp
from forum.notifications.digest import set_digest
from forum.notifications.kinds import describe
from forum.notifications.mentions import complete_username
from forum.notifications.service import inbox, mark_all_read, open_notification
from forum.pages import requested_page


@bp.get("/notifications")
@login_required
def index():
    page = requested_page()
    return render_template("notifications/index.html", pagination=inbox(current_user, page),
                           describe=describe, form=FlaskForm())


@bp.get("/notifications/<int:notification_id>")
@login_required
def open(notification_id):
    notification = open_notification(current_user, notification_id)
    if notification is None:
        abort(404)
    return redirect(_target(notification))


@bp.post("/notifications/read")
@login_required
def read_all():
    mark_all_read(current_user)  # CSRFProtect has checked the form's token
    return redirect(url_for("notifications.index"))


@bp.post("/notifications/digest")
@login_required
def digest():
    attempt(None, lambda: set_digest(current_user, request.form.get("digest") == "1"),
            done=_("Your digest setting has been saved."))
    return redirect(url_for("notifications.index"))


@bp.get("/mentions")
@login_required
def complete_mention():
    """Usernames starting with ?q=, for @mention completion in the editor."""
    people = complete_username(request.args.get("q", ""))
    return jsonify([{"username": user.username, "name": user.name} for user in people])


def _target(notification):
    if notification.post_id is not None:
        return url_for("boards.post", post_id=notification.post_id)
    if notification.thread_id is not None:
        return url_for("boards.thread", thread_id=notification.thread_id)
    return notification.url or url_for("notifications.index")
