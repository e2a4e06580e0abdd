"""Disclosure pages: the publishing form (the board's start page), the board's listing
and a disclosure's own values (the board type's pages), and the issuer's tools."""
from flask import current_app, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from wtforms.fields.choices import SelectChoice

from forum import hooks
from forum.access import Access
from forum.disclosure import bp, period, queries
from forum.disclosure.access import manages_disclosure
from forum.disclosure.feedback_access import reads_feedback
from forum.disclosure.forms import CloseForm, CorrectForm, ListingForm, PublishForm, WithdrawForm
from forum.disclosure.loaders import load_disclosure
from forum.disclosure.models import DisclosureKind, DisclosureState
from forum.disclosure.rules import cells
from forum.disclosure.services import (close_disclosure, correct_disclosure, publish_disclosure,
                                       withdraw_disclosure)
from forum.extensions import limiter
from forum.feedback import attempt, flash_outcome
from forum.inbound import accepts_files
from forum.pages import check_in_range, page_count, requested_page
from forum.permissions import access_for
from forum.urls import int_arg


def publish_page(board):
    """GET,POST /b/<slug>/new for those who may publish here; None for anyone else (the
    core then answers as for any board: log in, or 403)."""
    if Access.START not in access_for(current_user, board):
        return None
    form = PublishForm()
    if form.is_submitted() and form.more_rows.data:
        form.grow()
    elif form.validate_on_submit() and (published := attempt(
            form, lambda: _publish(board, form), default="body")):
        return redirect(url_for("boards.thread", thread_id=published.value.thread_id))
    return render_template("disclosure/publish.html", board=board, form=form,
                           **hooks.parts("editor"))


def _publish(board, form):
    with hooks.files_posted(current_user, board) as attachments:
        return publish_disclosure(
            board, current_user, kind=form.kind.data, title=form.title.data, body=form.body.data,
            doc_number=form.doc_number.data, starts_on=form.starts_on.data,
            ends_on=form.ends_on.data, people=form.people_rows(), attachments=attachments)


def board_listing(board):
    """The board page's values: disclosures by kind and year, or only those 公示中."""
    kind = request.args.get("kind") if request.args.get("kind") in tuple(DisclosureKind) else None
    filters = {"kind": kind, "year": int_arg("year", low=2000, high=2100),
               "open_day": period.today() if request.args.get("open") == "1" else None}
    by_year = queries.counts_by_year(board, kind=filters["kind"], open_day=filters["open_day"])
    form = ListingForm(request.args)
    form.year.choices = [SelectChoice("", _("All"))] + [SelectChoice(str(y), str(y))
                                                        for y, _n in by_year]
    listed = sum(n for y, n in by_year if filters["year"] in (None, y))
    page, per_page = requested_page(), current_app.config["THREADS_PER_PAGE"]
    pages = page_count(listed, per_page)
    check_in_range(page, pages)
    return {"disclosures": queries.listed(board, page, per_page, **filters), "listing": form,
            "listing_page": page, "listing_pages": pages, "standing": period.standing,
            "listing_args": {k: v for k, v in request.args.items() if k in ("kind", "year", "open")}}


def disclosure_page(thread, user):
    """A disclosure's values on its thread page, and the issuer's forms."""
    disclosure = queries.disclosure_of_thread(thread.id)
    if disclosure is None:
        return {"disclosure": None}
    standing = period.standing(disclosure)
    tools = manages_disclosure(user, disclosure) and disclosure.state == DisclosureState.PUBLISHED
    closable = tools and standing.key in ("expired", "notice")
    return {"disclosure": disclosure, "standing": standing, "tools": tools,
            "reads_feedback": reads_feedback(user, disclosure),
            "withdraw_form": WithdrawForm() if tools else None,
            "close_form": CloseForm() if closable else None}


@bp.route("/disclosures/<int:disclosure_id>/correct", methods=["GET", "POST"])
@accepts_files
@limiter.limit("30 per hour", methods=["POST"])
@login_required
def correct(disclosure_id):
    disclosure = load_disclosure(disclosure_id)
    post = queries.first_post(disclosure)
    form = CorrectForm(data={"title": disclosure.thread.title, "body": post.body,
                             "doc_number": disclosure.doc_number or "",
                             "people": [cells(person) for person in disclosure.people]})
    if form.is_submitted() and form.more_rows.data:
        form.grow()
    elif form.validate_on_submit() and attempt(form, lambda: _correct(disclosure, form),
                                               default="body",
                                               done=_("The correction has been published.")):
        return redirect(url_for("boards.thread", thread_id=disclosure.thread_id))
    return render_template("disclosure/correct.html", disclosure=disclosure,
                           board=disclosure.thread.board, form=form, **hooks.parts("editor"))


def _correct(disclosure, form):
    with hooks.files_posted(current_user, disclosure.thread.board) as attachments:
        return correct_disclosure(
            disclosure, current_user, title=form.title.data, body=form.body.data,
            doc_number=form.doc_number.data, people=form.people_rows(), reason=form.reason.data,
            attachments=attachments)


@bp.post("/disclosures/<int:disclosure_id>/withdraw")
@login_required
def withdraw(disclosure_id):
    disclosure = load_disclosure(disclosure_id)
    form = WithdrawForm()
    flash_outcome(form, lambda: withdraw_disclosure(disclosure, current_user, form.reason.data),
                  done=_("The disclosure has been withdrawn."))
    return redirect(url_for("boards.thread", thread_id=disclosure.thread_id))


@bp.post("/disclosures/<int:disclosure_id>/close")
@login_required
def close(disclosure_id):
    disclosure = load_disclosure(disclosure_id)
    form = CloseForm()
    flash_outcome(form, lambda: close_disclosure(disclosure, current_user, form.outcome.data),
                  done=_("The disclosure has been closed."))
    return redirect(url_for("boards.thread", thread_id=disclosure.thread_id))
