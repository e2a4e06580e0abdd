"""/admin/message-reports: the security admin's queue of reported messages.

Only the reported message shows, with the reporter's reason; the rest of the
conversation stays private. Every reading of the queue and every decision is logged.
"""
from flask import redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from forum.access import admin_required
from forum.admin import bp, queries
from forum.admin.services import record_reports_read
from forum.extensions import db
from forum.feedback import flash_outcome
from forum.messages.blocks import close_message_report
from forum.messages.forms import ReportDecisionForm
from forum.models import AdminRole, MessageReport


@bp.get("/message-reports")
@admin_required(AdminRole.SECURITY)
def message_reports():
    reports = queries.open_message_reports()
    record_reports_read(current_user, reports)
    return render_template("admin/message_reports.html", reports=reports, form=ReportDecisionForm())


@bp.post("/message-reports/<int:report_id>/<any(resolve, dismiss):decision>")
@admin_required(AdminRole.SECURITY)
def message_report_close(report_id, decision):
    report = db.get_or_404(MessageReport, report_id)
    form = ReportDecisionForm()
    flash_outcome(form, lambda: close_message_report(report, current_user, decision == "resolve",
                                                     form.note.data),
                  _("The report has been closed."))
    return redirect(url_for("admin.message_reports"))
