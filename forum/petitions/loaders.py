"""Fetch a petition for a step, or abort: 404 for anyone who may not see its thread,
exactly as for no petition; 403 for an account of the wrong kind for the step."""
from flask import abort
from flask_login import current_user

from forum.boards.loaders import load_thread
from forum.petitions.access import is_petitioner, is_unit_account, moderates
from forum.petitions.queries import get_petition

MODERATOR_STEPS = ("transfer", "merge", "decline")
UNIT_STEPS = ("answer", "extend", "close")
PETITIONER_STEPS = ("confirm", "reopen", "rate")


def load_petition(petition_id, step):
    """The petition, if the current user sees its thread and is of the kind that takes
    this step: the board's moderators triage, unit accounts answer (the service checks
    that it is theirs), the petitioner confirms, reopens and rates."""
    petition = get_petition(petition_id)
    if petition is None:
        abort(404)
    load_thread(petition.thread_id)
    allowed = {"moderator": moderates(current_user, petition.board),
               "unit": is_unit_account(current_user),
               "petitioner": is_petitioner(current_user, petition)}[_actor_of(step)]
    if not allowed:
        abort(403)
    return petition


def _actor_of(step):
    if step in MODERATOR_STEPS:
        return "moderator"
    return "unit" if step in UNIT_STEPS else "petitioner"
