"""Letters' deadlines, in Chinese working days (`forum.cases`, `forum.workdays`): how long
a box gives, and moving open letters' due dates when a year's holiday schedule is entered."""
from forum import workdays
from forum.cases import local_day, recounted
from forum.extensions import db
from forum.hooks import working_days_changed
from forum.models import Letter
from forum.models.letter import OPEN_STATES

DEFAULT_ACCEPT_DAYS = 15
DEFAULT_ANSWER_DAYS = 60


def box_days(board):
    """(days to accept, days to answer) from the box settings; 信访 defaults 15 and 60."""
    settings = board.settings or {}
    answer = int(settings.get("answer_days") or settings.get("deadline_days") or DEFAULT_ANSWER_DAYS)
    accept = int(settings.get("accept_days") or min(DEFAULT_ACCEPT_DAYS, answer))
    return accept, answer


@working_days_changed.connect
def move_open_deadlines(before, **_ignored):
    """Keep each open letter's due dates as many working days after their start as they
    were, counted in the calendar just entered (a year unknown until now counted Monday
    to Friday, so its holidays move the dates on)."""
    after = workdays.current()
    for letter in db.session.execute(db.select(Letter).where(Letter.state.in_(OPEN_STATES))).scalars():
        received = local_day(letter.created_at)
        accepted = local_day(letter.accepted_at) if letter.accepted_at else received
        letter.accept_due = recounted(before, after, received, letter.accept_due)
        letter.answer_due = recounted(before, after, accepted, letter.answer_due)
