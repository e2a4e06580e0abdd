"""Pages of 工作通知: the issuing form (the notice board's start page), a notice's own
values on its thread page (the board type's page), a unit's inbox and its signing, the
issuer's table with its CSV and reminders, and marking the urgent banner."""
from flask import abort, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from wtforms.fields.choices import SelectChoice

from forum import hooks
from forum.access import Access
from forum.csvfile import csv_download
from forum.dates import local_to_utc
from forum.extensions import limiter
from forum.feedback import attempt, flash_outcome
from forum.markup import render
from forum.permissions import access_for
from forum.receipts import bp, clock, queries, rules
from forum.receipts.access import has_inbox, marks_urgent, reads_receipts, signs_for
from forum.receipts.banners import current_banner, end_urgent, mark_urgent
from forum.receipts.forms import (DoneForm, EndUrgentForm, IssueForm, RemindForm, SignForm,
                                  TableForm, UrgentForm)
from forum.receipts.loaders import load_issue, load_notice, load_receipt
from forum.receipts.models import ReceiptMode, ReceiptStatus
from forum.receipts.services import issue_notice, remind_units, sign_receipt
from forum.unit_groups import grouped_choices


def issue_page(board):
    """GET,POST /b/<slug>/new for those who may start threads on a notice board; None
    for anyone else (the core then answers as for any board: log in, or 403)."""
    if Access.START not in access_for(current_user, board):
        return None
    form = IssueForm()
    form.units.choices = grouped_choices()
    form.unit_id.choices = [SelectChoice("", _("Choose…"))] + [
        choice for group in form.units.choices.values() for choice in group]
    if request.method == "GET":
        form.unit_id.data = board.unit_id
    preview = None
    if form.validate_on_submit():
        if form.wants_preview:
            preview = render(form.body.data)
            hooks.files_previewed(current_user, board, form)
        elif issued := attempt(form, lambda: _issue(board, form), default="body"):
            return redirect(url_for("boards.thread", thread_id=issued.value.thread_id))
    return render_template("receipts/issue.html", board=board, form=form, preview=preview,
                           **hooks.parts("editor"))


def _issue(board, form):
    deadline = local_to_utc(form.deadline.data)
    with hooks.files_posted(current_user, board) as attachments:
        return issue_notice(
            board, current_user, title=form.title.data, body=form.body.data,
            unit_id=form.unit_id.data, doc_number=form.doc_number.data, mode=form.mode.data,
            groups=form.groups.data, unit_ids=form.units.data, deadline_at=deadline,
            confirmed=form.confirm.data, attachments=attachments)


def notice_page(thread, user):
    """A notice's values on its thread page: its issue, the reader's unit's receipt and
    forms, the issuer's link to the table and the urgent banner's tools."""
    issue, own = queries.issue_and_receipt(thread.id, user.unit_id if has_inbox(user) else None)
    signs = own is not None and signs_for(user, own)
    urgent = marks_urgent(user, thread.board)
    banner = current_banner() if urgent else None
    return {"issue": issue, "own_receipt": own,
            "receipt_overdue": own and rules.is_overdue(own, issue),
            "sign_form": SignForm() if signs and own.status == ReceiptStatus.UNREAD else None,
            "done_form": DoneForm() if signs and issue.mode == ReceiptMode.DONE
            and own.status != ReceiptStatus.DONE else None,
            "reads_receipts": bool(issue and issue.mode and reads_receipts(user, issue)),
            "urgent_form": UrgentForm() if urgent and banner is None else None,
            "end_urgent_form": EndUrgentForm() if banner and banner.thread_id == thread.id
            else None}


@bp.get("/receipts")
@login_required
def inbox():
    if not has_inbox(current_user):
        abort(403)
    receipts = queries.open_receipts(current_user.unit_id)
    return render_template("receipts/inbox.html", receipts=receipts, now=clock.now(),
                           overdue=rules.is_overdue)


@bp.post("/receipts/<int:receipt_id>/sign")
@login_required
def sign(receipt_id):
    receipt = load_receipt(receipt_id)
    flash_outcome(SignForm(), lambda: sign_receipt(receipt, current_user),
                  done=_("Signed: the issuer sees that your unit has read the notice."))
    return redirect(url_for("boards.thread", thread_id=receipt.issue.thread_id))


@bp.post("/receipts/<int:receipt_id>/done")
@login_required
def done(receipt_id):
    receipt = load_receipt(receipt_id)
    form = DoneForm()
    flash_outcome(form, lambda: sign_receipt(receipt, current_user, done=True, note=form.note.data,
                                             files=form.files.data or ()),
                  done=_("Recorded as carried out."))
    return redirect(url_for("boards.thread", thread_id=receipt.issue.thread_id))


@bp.get("/notices/<int:thread_id>/receipts")
@login_required
def table(thread_id):
    issue = load_issue(thread_id)
    form = TableForm(request.args)
    status = form.status.data if form.status.data in queries.FILTERS else None
    sort = form.sort.data if form.sort.data in queries.SORTS else "unit"
    return render_template("receipts/table.html", issue=issue, thread=issue.thread,
                           rows=queries.table_rows(issue, status, sort),
                           counts=queries.status_counts(issue), filters=form,
                           overdue=rules.is_overdue, remind_form=RemindForm())


@bp.get("/notices/<int:thread_id>/receipts.csv")
@login_required
def table_csv(thread_id):
    issue = load_issue(thread_id)
    rows = queries.table_rows(issue)

    def fill(writer):
        writer.writerow([_("Unit"), _("Status"), _("Signed by"), _("Signed at (UTC)"),
                         _("Carried out at (UTC)"), _("Note"), _("File")])
        for r in rows:
            label = _("Overdue") if rules.is_overdue(r, issue) else ReceiptStatus(r.status).label
            writer.writerow([r.unit.name, str(label), r.signed_by.name if r.signed_by else "",
                             _stamp(r.signed_at), _stamp(r.done_at), r.note or "",
                             r.file.filename if r.file else ""])
    return csv_download(f"receipts-{thread_id}.csv", fill)


def _stamp(moment):
    return moment.strftime("%Y-%m-%d %H:%M") if moment else ""


@bp.post("/notices/<int:thread_id>/remind")
@limiter.limit("10 per hour")
@login_required
def remind(thread_id):
    issue = load_issue(thread_id)
    flash_outcome(RemindForm(), lambda: remind_units(issue, current_user),
                  done=_("The units that have not signed were reminded."))
    return redirect(url_for("receipts.table", thread_id=thread_id))


@bp.post("/notices/<int:thread_id>/urgent")
@login_required
def urgent(thread_id):
    thread = _urgent_thread(thread_id)
    form = UrgentForm()
    ends_at = local_to_utc(form.ends_at.data)
    flash_outcome(form, lambda: mark_urgent(thread, current_user, ends_at),
                  done=_("The notice is now the urgent banner on every page."))
    return redirect(url_for("boards.thread", thread_id=thread_id))


@bp.post("/notices/<int:thread_id>/urgent/end")
@login_required
def end_banner(thread_id):
    thread = _urgent_thread(thread_id)
    flash_outcome(EndUrgentForm(), lambda: end_urgent(thread, current_user),
                  done=_("The banner has ended."))
    return redirect(url_for("boards.thread", thread_id=thread_id))


def _urgent_thread(thread_id):
    thread = load_notice(thread_id)
    if not marks_urgent(current_user, thread.board):
        abort(403)
    return thread


@hooks.section("header")
def inbox_link(user, **_ignored):
    """A unit account's link to its inbox, with the notices still to sign (one indexed count)."""
    if not has_inbox(user):
        return None
    return "receipts/_header.html", {"unsigned": queries.unsigned_count(user)}
