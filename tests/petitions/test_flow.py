"""The whole way of a petition through HTTP, with CSRF: posted in a township board,
transferred to 县交通局, answered officially, extended once, closed, confirmed, rated."""
from datetime import date

from forum.extensions import db
from forum.models import LetterState, Notification, Post
from forum.petitions.models import Petition
from tests.checks import log, says
from tests.petitions.conftest import as_user, post_petition, step


def the_petition():
    return db.session.execute(db.select(Petition)).scalar_one()


def test_a_petition_goes_from_the_netizen_to_the_unit_and_back(
        app, today, township_board, transport, transport_account, moderator, petitioner):
    netizen = as_user(app, petitioner)
    assert post_petition(netizen, township_board).status_code == 302
    petition = the_petition()
    assert (petition.state, petition.kind) == (LetterState.PENDING, "complain")
    assert petition.accept_due == date(2024, 6, 5)  # two working days

    mod = as_user(app, moderator)
    queue = mod.get("/mod/").get_data(as_text=True)
    assert "出租车收费标准谁来管" in queue
    assert step(mod, petition, "transfer", unit=transport.id).status_code == 302
    db.session.refresh(petition)
    assert (petition.state, petition.unit_id) == (LetterState.TRANSFERRED, transport.id)
    assert petition.answer_due == date(2024, 6, 18)  # ten working days, 端午 (10 June) off
    assert db.session.execute(db.select(Notification).where(
        Notification.user_id == transport_account.id, Notification.kind == "petition_transferred")).scalar()

    unit = as_user(app, transport_account)
    assert "petitions-link" in unit.get("/").get_data(as_text=True)
    step(unit, petition, "extend", days=3, reason="需要与出租车公司核实")
    step(unit, petition, "answer", body="已责成运管所检查，全部出租车须打表计费。")
    db.session.refresh(petition)
    assert petition.state == LetterState.ANSWERED
    assert petition.answer_due == date(2024, 6, 21)
    assert petition.on_time and petition.days_taken == 0
    reply_post = db.session.get(Post, petition.reply_post_id)
    assert reply_post.author_id == transport_account.id
    page = netizen.get(f"/t/{petition.thread_id}").get_data(as_text=True)
    assert "official-reply" in page and "已责成运管所检查" in page

    step(unit, petition, "close")
    step(netizen, petition, "confirm")
    step(netizen, petition, "rate", rating="satisfied")
    db.session.refresh(petition)
    assert (petition.state, petition.rating) == (LetterState.CLOSED, "satisfied")
    assert petition.confirmed_at is not None
    assert [a.action for a in log()][-5:] == ["petition_extend", "petition_answer", "petition_close",
                                              "petition_confirm", "petition_rate"]
    assert says(netizen.get(f"/t/{petition.thread_id}").get_data(as_text=True), "Satisfied")
