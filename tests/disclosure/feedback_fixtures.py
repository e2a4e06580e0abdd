"""The feedback tests' world: a 任前公示 with two people on a board of type "disclosure"
owned by 县委组织部, published through the publishing service, and the readers of its
feedback (the unit's account, its handlers)."""
from forum.boards.roles import grant
from forum.disclosure import period
from forum.disclosure.models import DisclosureKind, DisclosureState
from forum.disclosure.services import publish_disclosure
from forum.extensions import db
from forum.models import Unit, User
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
    """A 公示 published by the board's unit account through the publishing service, its
    period running from today for five working days unless told; then set to `state`."""
    board = board or make_disclosure_board()
    issuer = db.session.execute(db.select(User).where(
        User.unit_id == board.unit_id, User.is_unit_account.is_(True))).scalars().first()
    disclosure = publish_disclosure(
        board, issuer or make_unit_account(db.session.get(Unit, board.unit_id)), kind=kind,
        title=title, body="经县委常委会研究，拟任用以下同志，现予公示。",
        doc_number="织组通〔2026〕1号", starts_on=starts_on or period.today(), ends_on=ends_on,
        people=PEOPLE)
    disclosure.state = state
    db.session.commit()
    return disclosure


PEOPLE = [{"name": "张三", "sex": "男", "born": "1985-03", "current_post": "某镇副镇长",
           "proposed": "某镇党委副书记"},
          {"name": "李四", "sex": "女", "born": "1988-11", "current_post": "某局副局长",
           "proposed": "某局局长"}]


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
