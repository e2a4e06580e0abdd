"""The writer's link of a letter: plain in ordinary boxes, sealed in the whistleblower box."""
from datetime import timedelta

from forum.extensions import db
from forum.seal import seal, unseal
from forum.models import Letter
from forum.models.base import utcnow

NEWS_DAYS = 7  # news to show when this browser has not looked at the list before


def is_whistleblower_box(board):
    return bool((board.settings or {}).get("whistleblower"))


def link_writer(letter, board, writer):
    """Keep who wrote the letter; nothing at all for an anonymous letter or a guest."""
    if writer is None or letter.anonymous:
        return
    if is_whistleblower_box(board):
        letter.writer_sealed = seal(writer.id)
    else:
        letter.writer_id = writer.id


def writer_id_of(letter):
    """The writer's account id, or None (guest, anonymous, or a key that cannot open it)."""
    if letter.writer_id is not None:
        return letter.writer_id
    opened = unseal(letter.writer_sealed)
    return int(opened) if opened else None


def letters_of(user):
    """The user's own letters, newest first; sealed links are opened one by one."""
    plain = db.select(Letter).where(Letter.writer_id == user.id)
    sealed = db.select(Letter).where(Letter.writer_sealed.is_not(None))
    rows = list(db.session.execute(plain).scalars())
    rows += [letter for letter in db.session.execute(sealed).scalars()
             if writer_id_of(letter) == user.id]
    return sorted(rows, key=lambda letter: letter.id, reverse=True)


def my_letters(user, seen_at):
    """The user's own letters, newest first, and the ids of those with news since
    `seen_at` (when this browser last looked), or in the last NEWS_DAYS without one."""
    letters = letters_of(user)
    since = seen_at or utcnow() - timedelta(days=NEWS_DAYS)
    return letters, {letter.id for letter in letters
                     if letter.news_at is not None and letter.news_at > since}
