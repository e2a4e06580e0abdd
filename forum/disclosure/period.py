"""The 公示期 in working days (China's holidays and make-up days, as the mailboxes count
them) and where a disclosure stands on a given day."""
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from forum.cases import today as local_today
from forum.disclosure.models import DisclosureState
from forum.workdays import add_working_days, is_working_day

PRE_APPOINTMENT_DAYS = 5  # 干部任前公示: at least five working days


def today():
    """The forum's local date; tests move it with monkeypatch."""
    return local_today()


def working_days(starts_on, ends_on):
    """How many working days the period holds, both ends included."""
    count, day = (1 if is_working_day(starts_on) else 0), starts_on
    while day < ends_on:
        day = add_working_days(day, 1)
        if day <= ends_on:
            count += 1
    return count


def default_end(starts_on, days=PRE_APPOINTMENT_DAYS):
    """The last day of a period of `days` working days starting on `starts_on`."""
    first = starts_on if is_working_day(starts_on) else add_working_days(starts_on, 1)
    return add_working_days(first, days - 1) if days > 1 else first


@dataclass(frozen=True)
class Standing:
    """Where a disclosure stands: its key, the label readers see, and working days left."""

    key: str
    label: str
    days_left: int = 0

    @property
    def takes_feedback(self):
        return self.key == "open"


NOTICE = Standing("notice", _l("Published"))
UPCOMING = Standing("upcoming", _l("Period not started"))
EXPIRED = Standing("expired", _l("Period ended"))
WITHDRAWN = Standing("withdrawn", _l("Withdrawn"))
CLOSED = Standing("closed", _l("Closed"))


def standing(disclosure, on=None):
    """公示中 (with the working days left, today included), 已期满, 已撤回, 已办结, not
    started yet, or a plain published notice without a period."""
    on = on or today()
    if disclosure.state == DisclosureState.WITHDRAWN:
        return WITHDRAWN
    if disclosure.state == DisclosureState.CLOSED:
        return CLOSED
    if disclosure.starts_on is None:
        return NOTICE
    if on < disclosure.starts_on:
        return UPCOMING
    if on > disclosure.ends_on:
        return EXPIRED
    return Standing("open", _l("Under public notice"), working_days(on, disclosure.ends_on))
