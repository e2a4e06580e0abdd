"""Refused steps say why in the reader's language and store nothing."""
from forum.extensions import db
from forum.models import LetterState, ModAction, Post, Thread
from forum.petitions.models import Petition
from tests.checks import says
from tests.factories import make_board, make_user
from tests.petitions.conftest import as_user, post_petition, reread, step
from tests.petitions.helpers import answered, petition_in, transferred


def _count(model):
    return db.session.execute(db.select(db.func.count()).select_from(model)).scalar_one()


def test_a_petition_in_a_board_that_takes_none_is_refused_and_nothing_is_written(app, today, petitioner):
    board = make_board(slug="papers", settings={})  # no unit: no petitions by default
    client = as_user(app, petitioner)
    page = post_petition(client, board, title="一个诉求").get_data(as_text=True)
    assert says(page, "This board does not take petitions.")
    assert _count(Thread) == 0 and _count(Petition) == 0


def test_a_petition_of_no_known_kind_is_refused(app, today, township_board, petitioner):
    client = as_user(app, petitioner)
    page = post_petition(client, township_board, kind="report").get_data(as_text=True)
    assert says(page, "Choose what the petition asks for.")
    assert _count(Thread) == 0


def test_a_petition_naming_no_unit_that_exists_is_refused(app, today, township_board, petitioner):
    client = as_user(app, petitioner)
    page = post_petition(client, township_board, unit="999999").get_data(as_text=True)
    assert says(page, "Choose a unit that exists.")
    assert _count(Thread) == 0


def test_a_unit_may_not_answer_a_petition_not_transferred_to_it(
        app, today, township_board, moderator, petitioner, transport, transport_account, township):
    petition = transferred(petition_in(township_board, petitioner), moderator, transport)
    other = make_user(username="zhenzhengfu", unit_id=township.id, is_unit_account=True, is_verified=True)
    client = as_user(app, other)
    page = client.get(step(client, petition, "answer", body="我们来答").location).get_data(as_text=True)
    assert says(page, "This petition was not transferred to your unit.")
    assert _count(Post) == 1 and reread(petition).state == LetterState.TRANSFERRED


def test_a_second_official_reply_is_refused(app, today, township_board, moderator, petitioner,
                                            transport, transport_account):
    petition = answered(transferred(petition_in(township_board, petitioner), moderator, transport),
                        transport_account)
    client = as_user(app, transport_account)
    page = client.get(step(client, petition, "answer", body="再答一次").location).get_data(as_text=True)
    assert says(page, "This petition has its official reply already.")
    assert _count(Post) == 2


def test_rating_twice_is_refused(app, today, township_board, moderator, petitioner, transport,
                                 transport_account):
    petition = answered(transferred(petition_in(township_board, petitioner), moderator, transport),
                        transport_account)
    client = as_user(app, petitioner)
    step(client, petition, "rate", rating="unsatisfied")
    page = client.get(step(client, petition, "rate", rating="satisfied").location).get_data(as_text=True)
    assert says(page, "You have rated this petition already.")
    assert reread(petition).rating == "unsatisfied"


def test_transferring_to_a_unit_without_an_account_says_so(app, today, township_board, moderator,
                                                           petitioner, lonely_unit):
    petition = petition_in(township_board, petitioner)
    before = _count(ModAction)
    client = as_user(app, moderator)
    page = client.get(step(client, petition, "transfer", unit=lonely_unit.id).location).get_data(as_text=True)
    assert says(page, "%(unit)s has no unit account to answer: choose another unit, or ask the "
                "system administrator to open one.", unit="县档案馆")
    assert reread(petition).state == LetterState.PENDING
    assert _count(ModAction) == before


def test_more_time_is_given_once(app, today, township_board, moderator, petitioner, transport,
                                 transport_account):
    petition = transferred(petition_in(township_board, petitioner), moderator, transport)
    client = as_user(app, transport_account)
    step(client, petition, "extend", days=5, reason="需要现场核查")
    due = reread(petition).answer_due
    page = client.get(step(client, petition, "extend", days=5, reason="再延").location).get_data(as_text=True)
    assert says(page, "The deadline was extended once already.")
    assert reread(petition).answer_due == due


def test_a_petition_is_reopened_only_once(app, today, township_board, moderator, petitioner,
                                          transport, transport_account):
    petition = answered(transferred(petition_in(township_board, petitioner), moderator, transport),
                        transport_account)
    unit, netizen = as_user(app, transport_account), as_user(app, petitioner)
    step(unit, petition, "close")
    step(netizen, petition, "reopen")
    assert reread(petition).state == LetterState.ANSWERED
    step(unit, petition, "close")
    page = netizen.get(step(netizen, petition, "reopen").location).get_data(as_text=True)
    assert says(page, "A petition can be reopened only once.")
    assert reread(petition).state == LetterState.CLOSED


def test_only_the_petitioner_confirms_and_only_moderators_triage(app, today, township_board, moderator,
                                                                  petitioner, transport):
    petition = petition_in(township_board, petitioner)
    stranger = as_user(app, make_user(username="passerby", is_verified=True))
    assert step(stranger, petition, "transfer", unit=transport.id).status_code == 403
    assert step(stranger, petition, "rate", rating="satisfied").status_code == 403
    assert reread(petition).state == LetterState.PENDING
