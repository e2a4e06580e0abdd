"""The blocks petitions add to core pages (hooks.section): a petition's card on its
thread, its fields in the new-thread form, the unit's figures on its board, the 问政
queues on /mod/, the unit account's count in the header, and the figures on /stats."""
from flask import get_template_attribute, render_template
from flask_babel import get_locale
from markupsafe import Markup

from forum import cases, fragments
from forum.access import Access
from forum.holes import kept, renderer
from forum.hooks import section
from forum.models import BoardTypeKey, ContentStatus, LetterState
from forum.permissions import moderated_board_ids
from forum.petitions import queries
from forum.petitions.access import answers, is_petitioner, is_unit_account
from forum.petitions.forms import (AnswerForm, DeclineForm, ExtendForm, MakeForm, MergeForm,
                                   PetitionFields, PlainForm, RateForm, TransferForm)
from forum.petitions.listeners import FIELDS_PREFIX
from forum.petitions.rules import takes_petitions

STEP_PREFIX = "step"  # the step forms' ids, apart from the thread's own reply form


@section("thread")
def petition_card(thread, access, user, **_ignored):
    """The petition's state, deadlines and official reply, with the steps the user may
    take; for a moderator of a thread that is no petition, the form to make it one."""
    if thread.board.type != BoardTypeKey.DISCUSSION:
        return None
    petition = queries.petition_of_thread(thread.id)
    if petition is None:
        if Access.MODERATE in access and thread.status == ContentStatus.PUBLISHED \
                and takes_petitions(thread.board):
            return "petitions/_make.html", {"markup": _make_form(thread)}
        return None
    today = cases.today()
    return "petitions/_card.html", {
        "petition": petition, "overdue": cases.is_overdue(petition, today),
        "due": cases.due_date(petition) if petition.is_open else None,
        "label": queries.state_label(petition.state, petition.unit.name if petition.unit else None,
                                     queries.taken(petition, today)),
        "forms": step_forms(petition, user, access)}


def step_forms(petition, user, access):
    """{step: form} of the steps this user may take on the petition now."""
    state, forms = petition.state, {}
    if Access.MODERATE in access and state == LetterState.PENDING:
        forms.update(transfer=TransferForm(prefix=STEP_PREFIX).offer(),
                     merge=MergeForm(prefix=STEP_PREFIX), decline=DeclineForm(prefix=STEP_PREFIX))
    if answers(user, petition) and state == LetterState.TRANSFERRED:
        forms["answer"] = AnswerForm(prefix=STEP_PREFIX)
        if petition.extended_at is None:
            forms["extend"] = ExtendForm(prefix=STEP_PREFIX)
    if answers(user, petition) and state == LetterState.ANSWERED:
        forms["close"] = PlainForm(prefix=STEP_PREFIX)
    if is_petitioner(user, petition):
        if state == LetterState.CLOSED and not (petition.confirmed_at or petition.reopened_at):
            forms.update(confirm=PlainForm(prefix=STEP_PREFIX), reopen=PlainForm(prefix=STEP_PREFIX))
        if state in (LetterState.ANSWERED, LetterState.CLOSED) and petition.rating is None:
            forms["rate"] = RateForm(prefix=STEP_PREFIX)
    return forms


def _make_form(thread):
    """The form that makes the thread a petition, the same for each of its moderators but
    for the CSRF token and the units to choose from, which are filled in (forum/holes.py)."""
    return kept(("petition-make", str(get_locale()), thread.id), lambda: render_template(
        "petitions/_make_form.html", thread=thread, form=MakeForm(prefix=STEP_PREFIX)))


@renderer("petition-make-fields")
def make_fields(**_ignored):
    """The make form's kind and unit, the same on every thread: its 134 units took a
    moderator's thread page milliseconds to render, so they are kept as a page's shared
    parts are (forum/fragments.py), per language."""
    def render():
        form = MakeForm(prefix=STEP_PREFIX).offer()
        field = get_template_attribute("_macros/forms.html", "field")
        return Markup(field(form.kind) + field(form.unit))
    return fragments.kept(("petition-make-fields", str(get_locale())), render)


@section("new_thread")
def petition_fields(board, user, **_ignored):
    """The petition box, kind and unit, on a board that takes petitions."""
    if not takes_petitions(board):
        return None
    return "petitions/_fields.html", {"form": PetitionFields(prefix=FIELDS_PREFIX).offer()}


@section("board")
def unit_figures(board, **_ignored):
    """A unit's own board: the petitions transferred to the unit, by month (once there are)."""
    if board.unit_id is None or not takes_petitions(board):
        return None
    months = queries.unit_months([board.unit_id])
    return ("petitions/_board.html", {"months": months}) if months else None


@section("mod")
def petition_queues(user, **_ignored):
    """待受理 petitions of the boards the user moderates, oldest first; the petitions
    transferred to a unit account's unit."""
    board_ids = moderated_board_ids(user)
    triage = queries.triage_queue(board_ids) if board_ids is None or board_ids else None
    unit = queries.unit_queue(user.unit_id) if is_unit_account(user) else None
    if triage is None and unit is None:
        return None
    today = cases.today()
    return "petitions/_queues.html", {"triage": triage, "unit": unit,
                                      "overdue": lambda p: cases.is_overdue(p, today),
                                      "due": cases.due_date}


@section("header")
def waiting_count(user, **_ignored):
    """A unit account's count of petitions waiting for its answer."""
    if not is_unit_account(user):
        return None
    return "petitions/_header.html", {"count": queries.waiting_count(user.unit_id)}


@section("stats")
def stats_section(**_ignored):
    """Per unit and month, and the units' ranking; the CSV tables "petitions" and
    "petition_ranking"."""
    months = queries.unit_months()
    ranking = queries.ranking(months)
    monthly = [{name: value for name, value in row.items() if name != "unit_id"} for row in months]
    return "petitions/stats.html", {"months": monthly, "ranking": ranking,
                                    "tables": {"petitions": monthly, "petition_ranking": ranking}}
