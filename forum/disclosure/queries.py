"""Reads of disclosures: the board's list (by kind, year and 公示中), the index figure,
one disclosure with its people and earlier versions."""
from sqlalchemy.orm import joinedload, selectinload

from forum.disclosure.models import Disclosure, DisclosureState
from forum.extensions import db
from forum.reads import read
from forum.models import ContentStatus, Post, Thread


def open_on(day):
    """The condition "公示中 on this day": published, and the day inside its period."""
    return db.and_(Disclosure.state == DisclosureState.PUBLISHED, Disclosure.starts_on <= day,
                   Disclosure.ends_on >= day)


# Built once and run through Core, as the board index's other statements (forum/reads.py).
_OPEN_COUNTS = (
    db.select(Disclosure.board_id, db.func.count(Disclosure.id))
    .join(Thread, Thread.id == Disclosure.thread_id)
    .where(Disclosure.board_id.in_(db.bindparam("boards", expanding=True)),
           Thread.status == ContentStatus.PUBLISHED, open_on(db.bindparam("day")))
    .group_by(Disclosure.board_id))


def open_counts(board_ids, day):
    """{board id: disclosures 公示中 on `day`} for these boards, in one query."""
    counts = dict(read(_OPEN_COUNTS, {"boards": list(board_ids), "day": day}).all())
    return {board_id: counts.get(board_id, 0) for board_id in board_ids}


def _listed(board, kind=None, year=None, open_day=None):
    """The listing's conditions: the board's published disclosures, filtered."""
    conditions = [Disclosure.board_id == board.id, Thread.status == ContentStatus.PUBLISHED]
    if kind:
        conditions.append(Disclosure.kind == kind)
    if year:
        conditions.append(db.extract("year", Disclosure.created_at) == year)
    if open_day:
        conditions.append(open_on(open_day))
    return conditions


def listed(board, page, per_page, **filters):
    """One page of the board's disclosures, newest first, with their threads and units."""
    return db.session.execute(
        db.select(Disclosure).join(Thread, Thread.id == Disclosure.thread_id)
        .options(joinedload(Disclosure.thread), joinedload(Disclosure.unit))
        .where(*_listed(board, **filters))
        .order_by(Disclosure.created_at.desc(), Disclosure.id.desc())
        .limit(per_page).offset((page - 1) * per_page)).scalars().all()


def counts_by_year(board, kind=None, open_day=None):
    """[(year, disclosures listed that year)], newest year first: the year filter's
    choices and the number to page through, in one query."""
    year = db.extract("year", Disclosure.created_at)
    return [(int(y), n) for y, n in db.session.execute(
        db.select(year, db.func.count(Disclosure.id)).join(Thread, Thread.id == Disclosure.thread_id)
        .where(*_listed(board, kind=kind, open_day=open_day)).group_by(year).order_by(year.desc()))]


def disclosure_of_thread(thread_id):
    """The disclosure a thread carries, with its unit, people and earlier versions."""
    return db.session.execute(
        db.select(Disclosure).options(joinedload(Disclosure.unit),
                                      selectinload(Disclosure.people),
                                      selectinload(Disclosure.revisions))
        .where(Disclosure.thread_id == thread_id)).scalar_one_or_none()


def get_disclosure(disclosure_id):
    return db.session.execute(
        db.select(Disclosure).options(joinedload(Disclosure.thread).joinedload(Thread.board))
        .where(Disclosure.id == disclosure_id)).scalar_one_or_none()


def first_post(disclosure):
    """The post that holds the disclosure's text."""
    return db.session.execute(db.select(Post).where(
        Post.thread_id == disclosure.thread_id, Post.number == 1)).scalar_one()
