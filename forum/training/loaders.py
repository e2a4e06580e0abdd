"""Fetch a training object for a view, or abort: each loads through the core's loaders
where it can and adds the training centre's own check (a lesson, a trainer)."""
from flask import abort
from flask_login import current_user

from forum.access import Access, require
from forum.boards.loaders import get_board, load_thread
from forum.extensions import db
from forum.models import BoardTypeKey, Campaign, Essay
from forum.permissions import access_for
from forum.training.access import is_trainer
from forum.training.lessons import lesson_of


def load_lesson(thread_id):
    """The lesson of a training thread the current user may read, or 404."""
    thread = load_thread(thread_id)
    lesson = lesson_of(thread) if thread.board.type == BoardTypeKey.TRAINING else None
    if lesson is None:
        abort(404)
    return lesson


def load_trained_thread(thread_id):
    """A thread the current user may read (else 404) of a training board they train (else 403)."""
    thread = load_thread(thread_id)
    _check_trainer(thread.board)
    return thread


def load_trained_board(slug):
    """A training board the current user trains (else 403)."""
    board = get_board(slug)
    _check_trainer(board)
    return board


def load_campaign(campaign_id, trainer=False):
    """The campaign, if the current user may see its board (else 404); with `trainer`,
    only if they train it (else 403)."""
    campaign = db.get_or_404(Campaign, campaign_id)
    require(Access.VIEW, access_for(current_user, campaign.board), private=True)
    if trainer and not is_trainer(current_user, campaign.board):
        abort(403)
    return campaign


def load_essay(essay_id):
    """An essay, for the trainers of its campaign's board."""
    essay = db.get_or_404(Essay, essay_id)
    load_campaign(essay.campaign_id, trainer=True)
    return essay


def _check_trainer(board):
    if board.type != BoardTypeKey.TRAINING or not is_trainer(current_user, board):
        abort(403)
