"""/notifications: the member's notifications; opening one marks it read."""
from flask import abort, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from flask_wtf import FlaskForm

from forum.notifications import bp
from forum.notifications.kinds import describe
from forum.notifications.service import inbox, mark_all_read, open_notification


@bp.get("/notifications")
@login_required
def index():
    page = request.args.get("page", 1, type=int)
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
    if FlaskForm().validate_on_submit():
        mark_all_read(current_user)
    return redirect(url_for("notifications.index"))


def _target(notification):
    if notification.post_id is not None:
        return url_for("boards.post", post_id=notification.post_id)
    if notification.thread_id is not None:
        return url_for("boards.thread", thread_id=notification.thread_id)
    return notification.url or url_for("notifications.index")
