"""Who is told of a letter's steps: the unit it is transferred to, the handlers of its
unit's draft answer; in the bell and in the digest."""
from markupsafe import escape

from forum.extensions import db
from forum.models import Letter, Notification
from forum.notifications.digest import send_digests
from forum.notifications.kinds import describe
from tests.conftest import login, post_form
from tests.factories import make_unit, make_user
from tests.letters.helpers import make_box, make_handler, write
from tests.notifications.test_digest_and_completion import clear_outbox, mails


def _step(client, letter, step, **data):
    assert post_form(client, f"/letters/{letter.id}/{step}", data).status_code == 302


def _transferred(app):
    box = make_box()
    handler = make_handler(box, "handler")
    unit = make_unit(name="城关镇")
    unit_account = make_user(username="chengguan", unit_id=unit.id, is_unit_account=True,
                             is_verified=True, email="cg@example.cn", wants_digest=True)
    write(app.test_client(), box)
    letter = db.session.execute(db.select(Letter)).scalar_one()
    staff = login(app.test_client(), handler)
    _step(staff, letter, "accept")
    _step(staff, letter, "transfer", unit=unit.id)
    return letter, handler, unit_account


def _news(user, kind):
    """The sentence of the user's one notification of kind."""
    (note,) = db.session.execute(db.select(Notification).where(
        Notification.user_id == user.id, Notification.kind == kind)).scalars()
    return str(escape(describe(note)))


def test_a_letter_transferred_to_a_unit_tells_its_accounts_in_the_bell_and_the_digest(app):
    clear_outbox()
    letter, _handler, unit_account = _transferred(app)
    news = _news(unit_account, "letter_transferred")
    assert str(letter.id) in news
    assert news in login(app.test_client(), unit_account).get("/notifications").get_data(as_text=True)
    assert send_digests() == 1
    (mail,) = mails()
    assert news in mail.read_text(encoding="utf-8")
    clear_outbox()


def test_a_units_draft_answer_tells_the_boxs_handlers(app):
    letter, handler, unit_account = _transferred(app)
    _step(login(app.test_client(), unit_account), letter, "draft", body="已责成镇党委核查。")
    news = _news(handler, "letter_drafted")
    assert "chengguan" in news and str(letter.id) in news
    assert news in login(app.test_client(), handler).get("/notifications").get_data(as_text=True)
