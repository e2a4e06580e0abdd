"""/admin/message-reports: the security admin's queue of reported messages.

Only the reported message shows, with the reporter's reason; the rest of the
conversation stays private. Every reading of the queue and every decision is logged.
"""
from flask import abort, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy.orm import joinedload

from forum.admin import bp
from forum.extensions import db
from forum.feedback import flash_outcome
from forum.messages.blocks import close_message_report
from forum.messages.forms import ReportDecisionForm
from forum.models import Message, MessageReport
from forum.audit import log_security
from forum.permissions import reviews_message_reports
from forum.service import commit


@bp.get("/message-reports")
@login_required
def message_reports():
    if not reviews_message_reports(current_user):
        abort(403)
    reports = db.session.execute(
        db.select(MessageReport)
        .options(joinedload(MessageReport.message).joinedload(Message.author),
                 joinedload(MessageReport.reporter))
        .where(MessageReport.status == "open").order_by(MessageReport.created_at)
        .limit(50)).scalars().all()
    if reports:
        log_security("message_reports_read", actor=current_user,
                     detail="reports " + ",".join(str(r.id) for r in reports))
        commit()
    return render_template("admin/message_reports.html", reports=reports, form=ReportDecisionForm())


@bp.post("/message-reports/<int:report_id>/<any(resolve, dismiss):decision>")
@login_required
def message_report_close(report_id, decision):
    if not reviews_message_reports(current_user):
        abort(403)
    report = db.get_or_404(MessageReport, report_id)
    form = ReportDecisionForm()
    flash_outcome(form, lambda: close_message_report(report, current_user, decision == "resolve",
                                                     form.note.data),
                  _("The report has been closed."))
    return redirect(url_for("admin.message_reports"))
