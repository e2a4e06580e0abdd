"""Writing a letter: a thread and first post without an author, and the Letter row.

The word filter does not screen letters: a complaint must be able to name what it
complains about, and only the box's handlers ever read it.
"""
import re
from datetime import timedelta

from flask_babel import gettext as _

from forum.attachments.services import MB, discard_files, prepare_attachments
from forum.boards.services import check_not_archived
from forum.cases import local_day
from forum.extensions import db
from forum.letters.codes import hash_code, new_code
from forum.letters.deadlines import box_days
from forum.seal import seal
from forum.letters.writers import link_writer
from forum.markup import render
from forum.models import (Board, BoardTypeKey, ContentStatus, Letter, LetterKind, LetterState,
                          Post, Thread)
from forum.models.base import utcnow
from forum.letters.notices import notify_handlers
from forum.service import Refused, commit
from forum.workdays import add_working_days

TITLE_MAX = 80
BODY_MAX = 5000
CODE_LIFETIME = timedelta(days=730)
PHONE_RE = re.compile(r"^[0-9+\- ]{5,20}$")
# A letter's files: a guest sends them with no daily quota, so the letter has its own.
LETTER_FILES = 5
LETTER_MB = 20  # in all


def letter_kinds(board):
    """The kinds a box takes: 举报 only in a whistleblower box."""
    if board.settings.get("whistleblower"):
        return list(LetterKind)
    return [kind for kind in LetterKind if kind != LetterKind.REPORT]


def superior_box(board):
    """The box named by this box's `superior` setting, if it is a mailbox."""
    slug = board.settings.get("superior")
    return mailbox_by_slug(slug) if slug else None


def mailbox_by_slug(slug):
    """The mailbox with this slug, or None."""
    return db.session.execute(db.select(Board).where(
        Board.slug == slug, Board.type == BoardTypeKey.MAILBOX)).scalar_one_or_none()


def write_letter(board, writer, *, kind, title, body, phone="", consent=False, anonymous=False,
                 to_superior=False, files=()):
    """Store a letter and its files; returns (letter, query code). The code exists only
    in the answer. The files are checked before anything is kept, and go if the letter
    is not saved."""
    if to_superior:
        board = superior_box(board) or board
    title, body, phone = (title or "").strip(), (body or "").strip(), (phone or "").strip()
    check_not_archived(board)
    _check(board, writer, kind, title, body, phone, anonymous)
    files = prepare_attachments(None, board, files, max_files=LETTER_FILES, max_bytes=LETTER_MB * MB)
    try:
        letter, code = _store(board, writer, kind, title, body, phone, consent, anonymous, files)
        commit()
    except BaseException:
        db.session.rollback()
        discard_files(files)
        raise
    return letter, code


def _store(board, writer, kind, title, body, phone, consent, anonymous, files):
    now = utcnow()
    thread = Thread(board_id=board.id, author_id=None, title=title, status=ContentStatus.LETTER,
                    last_number=1, last_post_at=now, created_at=now)
    post = Post(thread=thread, author_id=None, number=1, body=body, body_html=render(body),
                status=ContentStatus.LETTER, created_at=now)
    code = new_code()
    accept_days, answer_days = box_days(board)
    received = local_day(now)
    letter = Letter(thread=thread, board_id=board.id, kind=kind, state=LetterState.PENDING,
                    code_hash=hash_code(code), code_expires_at=now + CODE_LIFETIME,
                    anonymous=bool(anonymous), consent=bool(consent), created_at=now,
                    # An anonymous writer is not asked for a way to find them.
                    contact_sealed=None if anonymous else seal(phone),
                    accept_due=add_working_days(received, accept_days),
                    answer_due=add_working_days(received, answer_days))
    link_writer(letter, board, writer)
    for attachment in files:
        attachment.post = post
    db.session.add_all([thread, post, letter])
    db.session.flush()
    notify_handlers(letter, "letter_new")
    return letter, code


def _check(board, writer, kind, title, body, phone, anonymous):
    if writer is None and not board.settings.get("guests"):
        raise Refused(_("Please log in to write to this box."))
    if kind not in letter_kinds(board):
        raise Refused(_("Choose what kind of letter this is."), field="kind")
    if not title or len(title) > TITLE_MAX:
        raise Refused(_("A title of at most %(max)d characters is required.", max=TITLE_MAX),
                      field="title")
    if not body or len(body) > BODY_MAX:
        raise Refused(_("The letter must have a text of at most %(max)d characters.",
                        max=BODY_MAX), field="body")
    if phone and not PHONE_RE.match(phone):
        raise Refused(_("Enter a phone number of digits only."), field="phone")
    if anonymous and not board.settings.get("anonymous"):
        raise Refused(_("This box does not take anonymous letters."), field="anonymous")
