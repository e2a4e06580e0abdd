"""Overdue petitions: marked on the thread and in /mod/ once the clock passes the due
date, and flagged once to the unit and the board's moderators."""
from datetime import date

from forum.extensions import db
from forum.models import Notification
from forum.petitions.services import flag_overdue_petitions
from tests.petitions.conftest import as_user
from tests.petitions.helpers import petition_in, transferred


def _flagged(user):
    return db.session.execute(db.select(db.func.count()).select_from(Notification).where(
        Notification.user_id == user.id, Notification.kind == "petition_overdue")).scalar_one()


def test_a_petition_not_answered_by_its_due_date_is_flagged_once(
        app, today, township_board, moderator, petitioner, transport, transport_account):
    petition = transferred(petition_in(township_board, petitioner), moderator, transport)
    assert petition.answer_due == date(2024, 6, 18)
    today.set(date(2024, 6, 18))
    assert flag_overdue_petitions() == 0
    unit = as_user(app, transport_account)
    assert "badge overdue" not in unit.get(f"/t/{petition.thread_id}").get_data(as_text=True)

    today.set(date(2024, 6, 19))
    assert "badge overdue" in unit.get(f"/t/{petition.thread_id}").get_data(as_text=True)
    assert "badge overdue" in unit.get("/mod/").get_data(as_text=True)
    assert flag_overdue_petitions() == 1
    assert flag_overdue_petitions() == 0
    assert _flagged(transport_account) == 1 and _flagged(moderator) == 1


def test_a_pending_petition_is_late_after_its_days_to_accept(app, today, township_board, moderator,
                                                             petitioner):
    petition_in(township_board, petitioner)
    today.set(date(2024, 6, 6))  # accept due on the 5th
    result = app.test_cli_runner().invoke(args=["forum", "petitions-overdue"])
    assert "1 petitions flagged" in result.output, result.output
    assert _flagged(moderator) == 1
