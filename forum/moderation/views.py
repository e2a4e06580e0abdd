"""Moderation pages and actions: load, check access, call one action, redirect."""
from flask import abort, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from forum.boards.loaders import load_post, load_thread
from forum.csvfile import csv_download
from forum.feedback import flash_outcome
from forum.moderation import actions, bp, listing
from forum.moderation.forms import (REPORT_REASON_LABELS, LogFilterForm, MoveForm, PinForm,
                                    ReasonForm, ReportForm)
from forum.moderation.loaders import load_move_target, load_queue_item, load_report
from forum.moderation.panel import letters_panel
from forum.moderation.queue import decide, edit_diff
from forum.moderation.reports import close_report, report_post
from forum.pages import requested_page
from forum.access import Access
from forum.permissions import (can_pin_site, can_read_post, logged_board_ids,
                               moderated_board_ids, reads_whole_log)
from forum.urls import safe_next


@bp.get("/mod/")
@login_required
def queues():
    board_ids = moderated_board_ids(current_user)
    letters = letters_panel(current_user, request.args)
    if board_ids is not None and not board_ids and letters is None:
        abort(403)  # moderates nothing, handles no letters
    queued, reports = listing.open_counts(board_ids)
    # A board's moderators, even the system admin, see only the posts they may read
    # (a branch's posts are its members' alone), and count only those.
    every_item, every_report = listing.open_queue(board_ids), listing.open_reports(board_ids)
    items = [i for i in every_item if can_read_post(current_user, i.post)]
    shown = [r for r in every_report if can_read_post(current_user, r.post)]
    queued -= len(every_item) - len(items)
    reports -= len(every_report) - len(shown)
    return render_template("moderation/queues.html", items=items, reports=shown, queued=queued,
                           reported=reports, report_reasons=REPORT_REASON_LABELS,
                           letters=letters, edit_diff=edit_diff)


@bp.get("/mod/log")
@login_required
def log():
    whole = reads_whole_log(current_user)
    board_ids = None if whole else logged_board_ids(current_user)
    if board_ids is not None and not board_ids:
        abort(403)
    form = LogFilterForm(request.args)
    form.validate()  # a bad field is shown beside it; the valid filters still apply
    filters = {name: field.data for name, field in form._fields.items() if not field.errors}
    kind = "security" if whole and request.args.get("kind") == "security" else "actions"
    if request.args.get("format") == "csv":
        return _csv(kind, board_ids, filters)
    page = requested_page()
    rows = (listing.security_events(filters, page) if kind == "security"
            else listing.mod_actions(board_ids, filters, page))
    return render_template("moderation/log.html", rows=rows[:listing.LOG_PAGE], form=form,
                           kind=kind, whole=whole, page=page,
                           has_next=len(rows) > listing.LOG_PAGE)


def _csv(kind, board_ids, filters):
    return csv_download(f"forum-{kind}-log.csv",
                        lambda writer: _write_log(writer, kind, board_ids, filters))


def _write_log(writer, kind, board_ids, filters):
    if kind == "security":
        writer.writerow(["at_utc", "kind", "user", "actor", "ip", "detail"])
        for e in listing.security_events(filters, None):
            writer.writerow([e.at.isoformat(), e.kind, e.user.username if e.user else "",
                             e.actor.username if e.actor else "", e.ip or "", e.detail])
    else:
        writer.writerow(["at_utc", "actor", "action", "target_type", "target_id", "board", "reason"])
        for a in listing.mod_actions(board_ids, filters, None):
            writer.writerow([a.at.isoformat(), a.actor.username if a.actor else "", a.action,
                             a.target_type, a.target_id or "", a.board.slug if a.board else "",
                             a.reason])


def _act(form, action, target, back):
    """Run action(target, actor, reason) from a valid form; refusals are flashed, never a 500."""
    flash_outcome(form, lambda: action(target, current_user, form.reason.data), _("Done."))
    return redirect(back)


def _thread_action(thread_id, action):
    thread = load_thread(thread_id, need=Access.MODERATE)
    return _act(ReasonForm(), action, thread, back=url_for("boards.thread", thread_id=thread.id))


@bp.post("/t/<int:thread_id>/lock")
@login_required
def thread_lock(thread_id):
    return _thread_action(thread_id, actions.lock_thread)


@bp.post("/t/<int:thread_id>/unlock")
@login_required
def thread_unlock(thread_id):
    return _thread_action(thread_id, actions.unlock_thread)


@bp.post("/t/<int:thread_id>/unpin")
@login_required
def thread_unpin(thread_id):
    return _thread_action(thread_id, actions.unpin_thread)


@bp.post("/t/<int:thread_id>/feature")
@login_required
def thread_feature(thread_id):
    return _thread_action(thread_id, actions.feature_thread)


@bp.post("/t/<int:thread_id>/unfeature")
@login_required
def thread_unfeature(thread_id):
    return _thread_action(thread_id, actions.unfeature_thread)


@bp.post("/t/<int:thread_id>/hide")
@login_required
def thread_hide(thread_id):
    return _thread_action(thread_id, actions.hide_thread)


@bp.post("/t/<int:thread_id>/restore")
@login_required
def thread_restore(thread_id):
    return _thread_action(thread_id, actions.restore_thread)


@bp.post("/t/<int:thread_id>/pin")
@login_required
def thread_pin(thread_id):
    thread = load_thread(thread_id, need=Access.MODERATE)
    form = PinForm()
    if form.scope.data == "site" and not can_pin_site(current_user):
        abort(403)  # only the system admin pins site-wide
    back = url_for("boards.thread", thread_id=thread.id)
    return _act(form, lambda t, actor, reason: actions.pin_thread(t, actor, form.scope.data, reason),
                thread, back)


@bp.post("/t/<int:thread_id>/move")
@login_required
def thread_move(thread_id):
    thread = load_thread(thread_id, need=Access.MODERATE)
    form = MoveForm()
    target = load_move_target(thread, form.board.data)
    back = url_for("boards.thread", thread_id=thread.id)
    return _act(form, lambda t, actor, reason: actions.move_thread(t, target, actor, reason),
                thread, back)


@bp.post("/p/<int:post_id>/hide")
@login_required
def post_hide(post_id):
    post = load_post(post_id, need=Access.MODERATE)
    return _act(ReasonForm(), actions.hide_post, post, url_for("boards.post", post_id=post.id))


@bp.post("/p/<int:post_id>/restore")
@login_required
def post_restore(post_id):
    post = load_post(post_id, need=Access.MODERATE)
    return _act(ReasonForm(), actions.restore_post, post, url_for("boards.post", post_id=post.id))


@bp.post("/p/<int:post_id>/report")
@login_required
def post_report(post_id):
    post = load_post(post_id)
    form = ReportForm()
    flash_outcome(form, lambda: report_post(post, current_user, form.reason.data, form.text.data),
                  _("Thank you. The moderators of this board will look at your report."))
    return redirect(url_for("boards.post", post_id=post.id))


@bp.post("/q/<int:item_id>/approve")
@login_required
def queue_approve(item_id):
    item = load_queue_item(item_id)
    return _act(ReasonForm(), lambda i, actor, reason: decide(i, actor, True, reason), item,
                _back_to_queue())


@bp.post("/q/<int:item_id>/reject")
@login_required
def queue_reject(item_id):
    item = load_queue_item(item_id)
    return _act(ReasonForm(), lambda i, actor, reason: decide(i, actor, False, reason), item,
                _back_to_queue())


@bp.post("/mod/reports/<int:report_id>/<any(resolve, dismiss):verdict>")
@login_required
def report_close(report_id, verdict):
    report = load_report(report_id)
    return _act(ReasonForm(),
                lambda r, actor, reason: close_report(r, actor, verdict == "resolve", reason),
                report, url_for("mod.queues"))


def _back_to_queue():
    return safe_next(request.form.get("next"), "mod.queues")
