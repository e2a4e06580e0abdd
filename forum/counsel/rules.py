"""What a talk, a pseudonym and a question must satisfy before they are stored, and the
words of danger that mark a talk urgent."""
from flask_babel import gettext as _

from forum.counsel.models import CounsellorKind
from forum.extensions import db
from forum.models import User
from forum.service import Refused

PSEUDONYM_MAX = 20
BODY_MAX = 5000
# A pseudonym must not pass for an official or for the room's staff.
OFFICIAL_TITLES = ("书记", "部长", "县长", "主任", "局长", "主席", "谈心员", "管理员",
                   "心理学专家", "县领导", "组织部领导", "counsellor", "admin")


def check_pseudonym(name):
    """The pseudonym to store: not empty, no official title, nobody's name."""
    name = (name or "").strip()
    if not name or len(name) > PSEUDONYM_MAX:
        raise Refused(_("Choose a pseudonym of at most %(max)d characters.", max=PSEUDONYM_MAX),
                      field="pseudonym")
    titles = OFFICIAL_TITLES + tuple(str(kind.label) for kind in CounsellorKind)
    folded = name.casefold()
    if any(title.casefold() in folded for title in titles):
        raise Refused(_("A pseudonym may not carry an official title."), field="pseudonym")
    taken = db.session.execute(db.select(User.id).where(db.or_(
        User.username_key == folded, db.func.lower(User.display_name) == folded)).limit(1)).first()
    if taken:
        raise Refused(_("This is a member's name; choose another pseudonym."), field="pseudonym")
    return name


def check_body(text, field="body"):
    """A message's or a question's text, stripped, or a refusal beside `field`."""
    text = (text or "").strip()
    if not text or len(text) > BODY_MAX:
        raise Refused(_("Write a text of at most %(max)d characters.", max=BODY_MAX), field=field)
    return text


def danger_words(board):
    """The board's words of danger, one per line of its setting."""
    return [w.strip() for w in (board.settings.get("danger_words") or "").splitlines() if w.strip()]


def is_dangerous(board, text):
    """Does the text hold one of the board's words of danger?"""
    folded = text.casefold()
    return any(word.casefold() in folded for word in danger_words(board))
