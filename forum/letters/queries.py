"""Read queries for letters: the handlers' queue, published letters, the figures."""
from collections import defaultdict

from sqlalchemy.orm import joinedload

from forum.extensions import db
from forum.cases import local_day
from forum.letters.writers import is_whistleblower_box
from forum.models import Board, BoardTypeKey, Letter, LetterRating, Post, Thread

QUEUE_LIMIT = 200
PUBLISHED_LIMIT = 50


def letter_queue(board_ids, unit_id, filters):
    """Letters of the handled boxes and those transferred to the unit, due first."""
    reach = []
    if board_ids:
        reach.append(Letter.board_id.in_(board_ids))
    if unit_id is not None:
        reach.append(Letter.unit_id == unit_id)
    if not reach:
        return []
    query = (db.select(Letter).options(joinedload(Letter.thread), joinedload(Letter.board),
                                       joinedload(Letter.unit))
             .where(db.or_(*reach)).order_by(Letter.created_at, Letter.id).limit(QUEUE_LIMIT))
    for name in ("state", "kind"):
        if filters.get(name):
            query = query.where(getattr(Letter, name) == filters[name])
    if filters.get("unit"):
        query = query.where(Letter.unit_id == filters["unit"])
    return db.session.execute(query).scalars().all()


def get_letter(letter_id):
    """A letter with its thread, box and unit, or None."""
    return db.session.execute(
        db.select(Letter).options(joinedload(Letter.thread), joinedload(Letter.board),
                                  joinedload(Letter.unit))
        .where(Letter.id == letter_id)).scalar_one_or_none()


def letter_of_thread(thread_id):
    """The letter whose thread this is, or None."""
    return db.session.execute(
        db.select(Letter).where(Letter.thread_id == thread_id)).scalar_one_or_none()


def first_post(letter):
    """The letter's text: the first post of its thread."""
    return db.session.execute(db.select(Post).where(
        Post.thread_id == letter.thread_id, Post.number == 1)).scalar_one()


def published_letters(board):
    """(letter, first post) of the box's published letters, newest first."""
    rows = db.session.execute(
        db.select(Letter, Post).join(Thread, Thread.id == Letter.thread_id)
        .join(Post, (Post.thread_id == Thread.id) & (Post.number == 1))
        .options(joinedload(Letter.thread))
        .where(Letter.board_id == board.id, Letter.published_at.is_not(None))
        .order_by(Letter.published_at.desc()).limit(PUBLISHED_LIMIT)).all()
    return [tuple(row) for row in rows]


def box_page(board):
    """What the public box page shows: published letters and the box's figures."""
    return {"published": published_letters(board), "figures": figures([board])}


def figures(boards):
    """Monthly rows per box, newest first: received, accepted, answered, on time, satisfaction.

    A whistleblower box gives monthly totals only, never by kind (nor by unit: no
    figure anywhere is split by unit).
    """
    ids = [b.id for b in boards]
    rows = db.session.execute(db.select(
        Letter.board_id, Letter.kind, Letter.created_at, Letter.accepted_at, Letter.answered_at,
        Letter.answer_due, Letter.rating).where(Letter.board_id.in_(ids or [-1]))).all()
    by_box = {b.id: defaultdict(_Tally) for b in boards}
    whistle = {b.id for b in boards if is_whistleblower_box(b)}
    for row in rows:
        month = local_day(row.created_at).strftime("%Y-%m")
        kind = "" if row.board_id in whistle else row.kind
        by_box[row.board_id][(month, kind)].add(row)
        if kind:
            by_box[row.board_id][(month, "")].add(row)
    return {board_id: [tally.row(month, kind) for (month, kind), tally in sorted(tallies.items(), reverse=True)]
            for board_id, tallies in by_box.items()}


class _Tally:
    """Counts of one month (and kind) of one box."""

    def __init__(self):
        self.received = self.accepted = self.answered = self.on_time = 0
        self.rated = self.satisfied = 0

    def add(self, row):
        self.received += 1
        self.accepted += row.accepted_at is not None
        if row.answered_at is not None:
            self.answered += 1
            self.on_time += local_day(row.answered_at) <= row.answer_due
        if row.rating is not None:
            self.rated += 1
            self.satisfied += row.rating in (LetterRating.SATISFIED, LetterRating.FAIR)

    @property
    def on_time_rate(self):
        return round(100 * self.on_time / self.answered) if self.answered else None

    @property
    def satisfaction(self):
        return round(100 * self.satisfied / self.rated) if self.rated else None

    def row(self, month, kind):
        """The tally as a JSON-able row (/stats.json); kind "" for all kinds."""
        return {"month": month, "kind": str(kind), "received": self.received,
                "accepted": self.accepted, "answered": self.answered, "on_time": self.on_time,
                "on_time_rate": self.on_time_rate, "rated": self.rated, "satisfied": self.satisfied,
                "satisfaction": self.satisfaction}


def mailboxes():
    """Every mailbox, in index order."""
    return db.session.execute(db.select(Board).where(Board.type == BoardTypeKey.MAILBOX)
                              .order_by(Board.category_id, Board.position)).scalars().all()
