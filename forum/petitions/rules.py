"""Which boards take petitions and how long their deadlines run: the settings petitions
add to a discussion board's manage page (on by default for the unit boards)."""
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from forum.boards.registry import Setting
from forum.hooks import board_settings
from forum.models import BoardTypeKey
from forum.service import Refused

TAKES = "petitions"
ACCEPT_DAYS = "petition_accept_days"
ANSWER_DAYS = "petition_answer_days"
DEFAULT_ACCEPT_DAYS = 2
DEFAULT_ANSWER_DAYS = 10
MOST_DAYS = 60


def takes_petitions(board):
    """A discussion board whose setting allows them (by default, a unit's own board)."""
    return board.type == BoardTypeKey.DISCUSSION and bool(
        (board.settings or {}).get(TAKES, _on_by_default(board)))


def petition_days(board):
    """(working days to accept, working days to answer) of the board's petitions."""
    settings = board.settings or {}
    return (int(settings.get(ACCEPT_DAYS, DEFAULT_ACCEPT_DAYS)),
            int(settings.get(ANSWER_DAYS, DEFAULT_ANSWER_DAYS)))


@board_settings
def petition_settings(board):
    """On a discussion board: whether it takes petitions, and their deadlines."""
    if board.type != BoardTypeKey.DISCUSSION:
        return ()
    return (Setting(TAKES, _l("Netizens may mark new threads as petitions (网络问政)"),
                    _on_by_default(board)),
            Setting(ACCEPT_DAYS, _l("Working days to accept or decline a petition"),
                    str(DEFAULT_ACCEPT_DAYS), check=_days(ACCEPT_DAYS)),
            Setting(ANSWER_DAYS, _l("Working days for the unit to answer a petition"),
                    str(DEFAULT_ANSWER_DAYS), check=_days(ANSWER_DAYS)))


def _on_by_default(board):
    # The township and department boards are their units' own: a petition there
    # has an obvious addressee.
    return board.unit_id is not None


def _days(name):
    def check(value):
        text = str(value).strip()
        if not text.isdigit() or not 1 <= int(text) <= MOST_DAYS:
            raise Refused(_("Give a number of working days from 1 to %(most)d.", most=MOST_DAYS),
                          field=name)
        return int(text)
    return check
