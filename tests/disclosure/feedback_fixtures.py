"""A disclosure built directly with the models, until the publishing service and
tests/disclosure/conftest.py arrive: a 任前公示 on a board of type "disclosure" owned by
县委组织部, its thread and first post, and two people."""
from forum.boards.roles import grant
from forum.disclosure import period
from forum.disclosure.models import (Disclosure, DisclosureKind, DisclosurePerson,
                                     DisclosureState)
from forum.extensions import db
from forum.markup import render
from forum.models import ContentStatus, Post, Thread, Unit
from tests.factories import make_board, make_user

ORGANISATION = "县委组织部"


def organisation_unit():
    """县委组织部, made on first use (the seed makes it too)."""
    unit = db.session.execute(db.select(Unit).where(Unit.name == ORGANISATION)).scalar_one_or_none()
    if unit is None:
        unit = Unit(name=ORGANISATION, kind="党委部门", slug="xianweizuzhibu")
        db.session.add(unit)
        db.session.commit()
    return unit


def make_disclosure_board(*, unit=None, slug=None):
    return make_board(type="disclosure", slug=slug, name="党务公开", unit=unit or organisation_unit())


def make_disclosure(*, board=None, title="干部任前公示", starts_on=None, ends_on=None,
                    state=DisclosureState.PUBLISHED, kind=DisclosureKind.PRE_APPOINTMENT):
    """A published 公示 whose period runs from today for five working days unless told."""
    board = board or make_disclosure_board()
    starts_on = starts_on or period.today()
    thread = Thread(board_id=board.id, title=title, status=ContentStatus.PUBLISHED, last_number=1)
    body = "经县委常委会研究，拟任用以下同志，现予公示。"
    post = Post(thread=thread, number=1, body=body, body_html=render(body),
                status=ContentStatus.PUBLISHED)
    disclosure = Disclosure(thread=thread, board_id=board.id, unit_id=board.unit_id, kind=kind,
                            doc_number="织组通〔2026〕1号", starts_on=starts_on,
                            ends_on=ends_on or period.default_end(starts_on), state=state)
    disclosure.people = [
        DisclosurePerson(position=1, name="张三", sex="男", born="1985-03",
                         current_post="某镇副镇长", proposed="某镇党委副书记"),
        DisclosurePerson(position=2, name="李四", sex="女", born="1988-11",
                         current_post="某局副局长", proposed="某局局长")]
    db.session.add_all([thread, post, disclosure])
    db.session.commit()
    return disclosure


def make_unit_account(unit, username=None):
    return make_user(username=username, unit_id=unit.id, is_unit_account=True, is_verified=True)


def make_feedback_handler(board, unit, username=None):
    """A handler the unit designated on the disclosure board."""
    handler = make_user(username=username, unit_id=unit.id, is_verified=True)
    grant(handler, board, "handler")
    return handler


def build_feedback_world(people):
    """For the access matrix: a disclosure of the matrix's unit, with one feedback."""
    from forum.disclosure.feedback import send_feedback

    unit = db.session.get(Unit, people["unit_account"].unit_id)
    disclosure = make_disclosure(board=make_disclosure_board(unit=unit))
    feedback, _code = send_feedback(disclosure, None, body="意见", anonymous=True)
    return {"disclosure": disclosure.id, "feedback": feedback.id}
