"""The summary rows /stats reads (DESIGN §2 stats/), kept up by the writes themselves:
a published post on a board whose type counts (private boards count for nothing, as on the
index) adds to today's site and board rows and to its author's unit's month,
a new account to today's members. Each call joins the caller's unit of work.

`recount_days()` (part of `forum recount`) sets the posts, threads and members again from
the rows; page views and visitors are counted only once, by the hit counter (hits.py).
"""
from collections import Counter
from functools import cache

from sqlalchemy import bindparam, delete, select, text

from forum.boards.registry import types_where
from forum.dates import local_today, utc_to_local
from forum.extensions import db
from forum.models import (ActiveMember, Board, BoardDay, CategoryMonth, ContentStatus, Post,
                          SiteDay, Thread, UnitMonth, User)

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
    params = {"month": month, "user_id": user_id} | {f"scope_{n}": scope for n, scope in enumerate(scopes)}
    return set(db.session.connection().execute(_claim(len(scopes)), params).scalars())


@cache
def _claim(count):
    """_first_this_month's statement for `count` scopes, as text (see _upsert)."""
    rows = ", ".join(f"(:month, :scope_{n}, :user_id)" for n in range(count))
    return _typed(ActiveMember, f'INSERT INTO "active_member" ("month", "scope", "user_id") '
                                f'VALUES {rows} ON CONFLICT DO NOTHING RETURNING "scope"',
                  {"month": "month", "user_id": "user_id"} | {f"scope_{n}": "scope" for n in range(count)})


def session_bump(model, keys, **amounts):
    """Add amounts to the row of model with these keys, in the session's unit of work."""
    # On the session's connection: the ORM's handling of a statement (autoflush, its
    # execution context) costs more than this one, which touches no mapped object.
    db.session.connection().execute(*bump(model, keys, amounts))


def bump(model, keys, amounts):
    """The upsert that adds amounts to a summary row, starting it at them if it is new:
    (statement, parameters), to execute."""
    return _upsert(model, tuple(keys), tuple(amounts)), {**keys, **amounts}


@cache
def _upsert(model, keys, amounts):
    """bump's statement, its keys and amounts bound by name. Text, written once in the SQL
    that SQLite and PostgreSQL share: SQLAlchemy compiles their dialects' INSERT ... ON
    CONFLICT again on every execution (it has no cache key), which cost a reply more
    CPU than running its four upserts; text is compiled once."""
    table = model.__table__
    bound = (*keys, *amounts)
    values = ", ".join(f":{c.name}" if c.name in bound else "0" for c in table.columns)
    sets = ", ".join(f'"{name}" = "{table.name}"."{name}" + excluded."{name}"' for name in amounts)
    return _typed(model, f'INSERT INTO "{table.name}" ({_names(c.name for c in table.columns)}) '
                         f"VALUES ({values}) ON CONFLICT ({_names(keys)}) DO UPDATE SET {sets}",
                  {name: name for name in bound})


def _names(names):
    """Column names for the text statements, quoted as both databases read them."""
    return ", ".join(f'"{name}"' for name in names)


def _typed(model, sql, params):
    """text(sql) with each parameter typed as the model's column it names ({param: column}),
    so that dates are bound as the mapped statements bind them."""
    table = model.__table__
    return text(sql).bindparams(*(bindparam(param, type_=table.c[column].type)
                                  for param, column in params.items()))


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
