"""Moderation fixtures: a board with its moderator, a unit account and a review setting."""
import pytest

from forum.boards.roles import grant
from forum.extensions import db
from forum.settings import put_setting
from tests.factories import make_board, make_unit, make_user


@pytest.fixture()
def unit():
    return make_unit()


@pytest.fixture()
def moderated_board(unit):
    return make_board(unit=unit)


@pytest.fixture()
def moderator(moderated_board):
    user = make_user(username="banzhu", is_verified=True)
    grant(user, moderated_board, "moderator")
    return user


@pytest.fixture()
def review_new_accounts():
    """New accounts' first 3 posts wait, as on a fresh site."""
    put_setting("new_account_review_posts", 3)
    db.session.commit()
