"""The summary rows /stats reads (DESIGN §2 stats/), kept up by the writes themselves:
a published post on a board whose type counts (private boards count for nothing, as on the
index) adds to today's site and board rows and to its author's unit's month,
a new account to today's members. Each call joins the caller's unit of work.

`recount_days()` (part of `forum recount`) sets the posts, threads and members again from
the rows; page views and visitors are counted only once, by the hit counter (hits.py).
"""
from collections import Counter
from functools import cache

from sqlalchemy import bindparam, delete, select

from forum.boards.registry import types_where
from forum.dates import local_today, utc_to_local
from forum.extensions import db
from forum.models import (ActiveMember, Board, BoardDay, CategoryMonth, ContentStatus, Post,
                          SiteDay, Thread, UnitMonth, User)
from forum.models.base import insert_for

UNIT_SCOPE = "unit"  # ActiveMember.scope of the members counted into their unit's month


def count_post(board, author, new_thread):
    """A published post (a thread's first when new_thread) counts today and this month."""
    today = local_today()
    threads = int(new_thread)
    session_bump(SiteDay, {"day": today}, posts=1, threads=threads)
    session_bump(BoardDay, {"day": today, "board_id": board.id}, posts=1, threads=threads)
    month = today.replace(day=1)
    category = category_scope(board.category_id)
    scopes = [category] + [UNIT_SCOPE] * (author.unit_id is not None)
    first = _first_this_month(month, scopes, author.id)
    if author.unit_id is not None:
        session_bump(UnitMonth, {"month": month, "unit_id": author.unit_id}, posts=1,
                     threads=threads, active=int(UNIT_SCOPE in first))
    if category in first:
        session_bump(CategoryMonth, {"month": month, "category_id": board.category_id}, active=1)


def count_member():
    """A new account counts today."""
    session_bump(SiteDay, {"day": local_today()}, members=1)


def category_scope(category_id):
    """ActiveMember.scope of the members who wrote in a category's boards."""
    return f"c{category_id}"


def _first_this_month(month, scopes, user_id):
    """The scopes in which the member had not written yet this month (and now has), in
    one statement."""
    table = ActiveMember.__table__
    insert = insert_for(_dialect())(table).values(
        [{"month": month, "scope": scope, "user_id": user_id} for scope in scopes])
    return set(db.session.connection().execute(
        insert.on_conflict_do_nothing().returning(table.c.scope)).scalars())


def session_bump(model, keys, **amounts):
    """Add amounts to the row of model with these keys, in the session's unit of work."""
    # On the session's connection: the ORM's handling of a statement (autoflush, its
    # execution context) costs more than this one, which touches no mapped object.
    db.session.connection().execute(*bump(_dialect(), model, keys, amounts))


def bump(dialect, model, keys, amounts):
    """The upsert that adds amounts to a summary row, starting it at them if it is new:
    (statement, parameters), to execute."""
    return _upsert(dialect, model, tuple(keys), tuple(amounts)), {**keys, **amounts}


@cache
def _upsert(dialect, model, keys, amounts):
    """bump's statement, its keys and amounts bound by name: built once, as building it
    cost more CPU than running it (a reply runs four)."""
    table = model.__table__
    values = {c.name: 0 for c in table.columns if c.name not in keys}
    values |= {name: bindparam(name) for name in (*keys, *amounts)}
    insert = insert_for(dialect)(table).values(**values)
    return insert.on_conflict_do_update(
        index_elements=list(keys), set_={name: table.c[name] + insert.excluded[name]
                                          for name in amounts})


def _dialect():
    return db.session.get_bind().dialect.name


def recount_days():
    """Posts, threads and members per day, board and unit month, again from the rows.

    Streams the published posts of counted boards once (a command, not a page); a post counts for the unit
    its author belongs to now.
    """
    site, boards, units, active = Counter(), Counter(), Counter(), {}  # active: scope's members
    rows = db.session.execute(
        select(Post.created_at, Post.author_id, Post.number, Thread.board_id, User.unit_id,
               Board.category_id)
        .join(Thread, Thread.id == Post.thread_id).join(User, User.id == Post.author_id)
        .join(Board, Board.id == Thread.board_id)
        .where(Post.status == ContentStatus.PUBLISHED, Thread.status == ContentStatus.PUBLISHED,
               Board.type.in_(types_where("counted")))
        .execution_options(yield_per=10000))
    for at, author_id, number, board_id, unit_id, category_id in rows:
        day, first = utc_to_local(at).date(), int(number == 1)
        month = day.replace(day=1)
        active.setdefault((month, category_scope(category_id), category_id), set()).add(author_id)
        site[day, "posts"] += 1
        site[day, "threads"] += first
        boards[day, board_id, "posts"] += 1
        boards[day, board_id, "threads"] += first
        if unit_id is not None:
            units[month, unit_id, "posts"] += 1
            units[month, unit_id, "threads"] += first
            active.setdefault((month, UNIT_SCOPE, unit_id), set()).add(author_id)
    for (at,) in db.session.execute(select(User.created_at)):
        site[utc_to_local(at).date(), "members"] += 1
    _replace(site, boards, units, active)


def _replace(site, boards, units, active):
    """Zero the written figures (hits and visitors stay), then add the recounted ones."""
    db.session.execute(SiteDay.__table__.update().values(posts=0, threads=0, members=0))
    db.session.execute(BoardDay.__table__.update().values(posts=0, threads=0))
    db.session.execute(delete(UnitMonth))
    db.session.execute(delete(CategoryMonth))
    db.session.execute(delete(ActiveMember))
    for (day, name), n in site.items():
        session_bump(SiteDay, {"day": day}, **{name: n})
    for (day, board_id, name), n in boards.items():
        session_bump(BoardDay, {"day": day, "board_id": board_id}, **{name: n})
    for (month, unit_id, name), n in units.items():
        session_bump(UnitMonth, {"month": month, "unit_id": unit_id}, **{name: n})
    this_month = local_today().replace(day=1)
    for (month, scope, row_id), members in active.items():
        if scope == UNIT_SCOPE:
            session_bump(UnitMonth, {"month": month, "unit_id": row_id}, active=len(members))
        else:
            session_bump(CategoryMonth, {"month": month, "category_id": row_id}, active=len(members))
        if month == this_month:
            for user_id in members:
                _first_this_month(month, [scope], user_id)
