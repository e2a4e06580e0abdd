"""What petitions plug into the core (forum/hooks.py): the new-thread form's petition
fields are checked before the thread is written and filed with it; an official reply is
marked as the reply is written; deadlines follow a new holiday schedule."""
from flask import has_request_context, request
from flask_babel import gettext as _

from forum import workdays
from forum.cases import local_day, recounted
from forum.extensions import db
from forum.hooks import post_created, thread_badges, validator, working_days_changed
from forum.petitions import queries
from forum.petitions.forms import PetitionFields
from forum.petitions.models import OPEN_STATES, Petition
from forum.petitions.rules import takes_petitions
from forum.petitions.services import add_petition, checked_kind, checked_unit, record_answer
from forum.service import Refused

FIELDS_PREFIX = "petition"


def posted_fields():
    """The petition fields of a new-thread form sent with the petition box ticked, or None."""
    if not (has_request_context() and request.method == "POST"
            and request.endpoint == "boards.new_thread"):
        return None
    fields = PetitionFields(prefix=FIELDS_PREFIX)
    return fields if fields.wanted.data else None


@validator
def check_petition(draft):
    """A new thread meant as a petition: its kind and unit, and a board that takes them
    (else nothing is written)."""
    fields = posted_fields()
    if fields is None or draft.editing is not None or draft.title is None:
        return
    if not takes_petitions(draft.board):
        raise Refused(_("This board does not take petitions."))
    draft.found["petition"] = (checked_kind(fields.kind.data, "petition-kind"),
                               checked_unit(fields.unit.data, "petition-unit"))


@post_created.connect
def file_petition(post, draft, **_ignored):
    """The thread's petition row; or the official reply's mark on the petition."""
    if "petition" in draft.found and post.number == 1:
        add_petition(post.thread, draft.author, *draft.found["petition"])
    if "petition_answer" in draft.found:
        record_answer(post, draft.found["petition_answer"])


@working_days_changed.connect
def move_open_deadlines(before, **_ignored):
    """Keep open petitions' due dates as many working days after their start as they were."""
    after = workdays.current()
    for petition in db.session.execute(db.select(Petition).where(Petition.state.in_(OPEN_STATES))).scalars():
        petition.accept_due = recounted(before, after, petition.received_on, petition.accept_due)
        if petition.answer_due is not None:
            petition.answer_due = recounted(before, after, local_day(petition.transferred_at),
                                            petition.answer_due)


thread_badges(queries.thread_badges)
