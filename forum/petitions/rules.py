"""Which boards take petitions and how long their deadlines run: the settings petitions
add to a discussion board's manage page (on by default for the unit boards)."""
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from forum.boards.registry import Setting
from forum.hooks import board_settings
from forum.models import BoardTypeKey
from forum.service import Refused

TAKES = "petitions"  # on a board no unit owns: it takes petitions
REFUSES = "no_petitions"  # on a unit's own board: it takes none
ACCEPT_DAYS = "petition_accept_days"
ANSWER_DAYS = "petition_answer_days"
DEFAULT_ACCEPT_DAYS = 2
DEFAULT_ANSWER_DAYS = 10
MOST_DAYS = 60


def takes_petitions(board):
    """A discussion board whose setting allows them: a unit's own board unless it says
    no, another board if it says yes."""
    if board.type != BoardTypeKey.DISCUSSION:
        return False
    settings = board.settings or {}
    return not settings.get(REFUSES) if _unit_board(board) else bool(settings.get(TAKES))


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
    # Each box starts unticked, so a form sent without it changes nothing.
    switch = (Setting(REFUSES, _l("This board takes no petitions (网络问政)")) if _unit_board(board)
              else Setting(TAKES, _l("Netizens may mark new threads as petitions (网络问政)")))
    return (switch,
            Setting(ACCEPT_DAYS, _l("Working days to accept or decline a petition"),
                    str(DEFAULT_ACCEPT_DAYS), check=_days(ACCEPT_DAYS)),
            Setting(ANSWER_DAYS, _l("Working days for the unit to answer a petition"),
                    str(DEFAULT_ANSWER_DAYS), check=_days(ANSWER_DAYS)))


def _unit_board(board):
    # The township and department boards are their units' own: a petition there has an
    # obvious addressee, so they take petitions unless told not to.
    return board.unit_id is not None


def _days(name):
    def check(value):
        text = str(value).strip()
        if not text.isdigit() or not 1 <= int(text) <= MOST_DAYS:
            raise Refused(_("Give a number of working days from 1 to %(most)d.", most=MOST_DAYS),
                          field=name)
        return str(int(text))  # as the default is: a text box's value
    return check
