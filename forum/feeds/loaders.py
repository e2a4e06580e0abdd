"""Fetch a board for its feed, or 404: only boards whose type is fed and that a guest
may read have one (a feed is public whoever asks for it)."""
from flask import abort

from forum.access import Access
from forum.boards.loaders import get_board
from forum.boards.registry import get_type
from forum.extensions import login_manager
from forum.permissions import access_for


def load_feed_board(slug):
    """The board, if it has a feed."""
    board = get_board(slug)
    if not (get_type(board.type).in_feeds
            and Access.VIEW in access_for(login_manager.anonymous_user(), board)):
        abort(404)
    return board
