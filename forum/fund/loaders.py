"""Fetch an appeal or an entry for a treasurer's tool, or abort: 404 for what does not
exist (or may not be seen: a hidden appeal, a disbursement still waiting), 403 for a
tool in the hands of someone who does not keep the fund's books."""
from flask import abort
from flask_login import current_user
from sqlalchemy.orm import joinedload

from forum.access import Access, require
from forum.boards.loaders import load_board
from forum.extensions import db
from forum.fund.access import is_treasurer
from forum.fund.models import EntryKind, FundAppeal, FundEntry
from forum.models import BoardTypeKey, Thread
from forum.permissions import access_for


def load_fund(slug):
    """A fund board the current user may see."""
    board = load_board(slug)
    if board.type != BoardTypeKey.FUND:
        abort(404)
    return board


def load_fund_for_treasurer(slug):
    board = load_fund(slug)
    _check_treasurer(board)
    return board


def load_appeal(appeal_id):
    """An appeal whose thread the current user sees, if they keep the fund's books."""
    appeal = db.session.execute(
        db.select(FundAppeal).options(joinedload(FundAppeal.thread).joinedload(Thread.board))
        .where(FundAppeal.id == appeal_id)).scalar_one_or_none()
    if appeal is None:
        abort(404)
    require(Access.VIEW, access_for(current_user, appeal.thread.board, appeal.thread),
            private=True)
    _check_treasurer(appeal.thread.board)
    return appeal


def load_entry(entry_id):
    """A ledger entry, for a treasurer of its fund (a waiting disbursement is 404 to
    anyone else, as it is shown nowhere)."""
    entry = db.session.get(FundEntry, entry_id)
    if entry is None:
        abort(404)
    board = entry.appeal.thread.board
    if not is_treasurer(current_user, board):
        waiting = entry.kind == EntryKind.DISBURSEMENT and entry.approval is None
        abort(404 if waiting else 403)
    return entry


def _check_treasurer(board):
    if not is_treasurer(current_user, board):
        abort(403)
