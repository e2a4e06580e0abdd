"""What /stats and /stats.json show, from the summary rows alone (daily.py, hits.py) and
the sections features register (hooks.section("stats")): a fixed number of queries
whatever the size of the forum, computed at most once per STATS_CACHE_SECONDS per worker.

Every value is JSON-able and the same in every language; docs/stats.md gives the shape.
"""
import threading
import time
from datetime import timedelta

from flask import current_app
from sqlalchemy import and_, func, select

from forum import hooks, site_counters
from forum.boards.registry import types_where
from forum.dates import local_today
from forum.extensions import db
from forum.models import Board, BoardDay, Category, CategoryMonth, SiteDay, Unit, UnitMonth

DAYS = 90  # the days of the daily figures and charts
DAY_FIGURES = ("hits", "uniques", "posts", "threads", "members")

_lock = threading.Lock()
_cached = {}  # "figures" -> (expires, figures)


def page_figures():
    """The page's figures: kept if still fresh, else computed again."""
    seconds = current_app.config["STATS_CACHE_SECONDS"]
    hit = _cached.get("figures")
    if seconds and hit is not None and hit[0] > time.monotonic():
        return hit[1]
    figures = compute()
    with _lock:
        _cached["figures"] = (time.monotonic() + seconds, figures)
    return figures


def compute():
    """{"days", "totals", "categories", "units", "sections"}, computed now."""
    today = local_today()
    days = daily(today)
    return {"as_of": today.isoformat(), "days": days, "totals": totals(days),
            "categories": categories(today.replace(day=1)),
            "units": unit_ranking(today.replace(day=1)), "sections": sections()}


def daily(today):
    """The last DAYS days, oldest first, a day without a row as zeros."""
    first = today - timedelta(days=DAYS - 1)
    rows = {row.day: row for row in db.session.execute(
        select(SiteDay).where(SiteDay.day >= first)).scalars()}
    return [{"day": day.isoformat(), **{name: getattr(rows.get(day), name, 0) for name in DAY_FIGURES}}
            for day in (first + timedelta(days=n) for n in range(DAYS))]


def totals(days):
    """Whole-site totals: page views ever, today's views and visitors, members, threads, posts."""
    hits = db.session.execute(select(func.coalesce(func.sum(SiteDay.hits), 0))).scalar_one()
    threads, posts = db.session.execute(
        select(func.coalesce(func.sum(Board.thread_count), 0), func.coalesce(func.sum(Board.post_count), 0))
        .where(Board.type.in_(types_where("counted")))).one()
    return {"hits": hits, "hits_today": days[-1]["hits"], "uniques_today": days[-1]["uniques"],
            "members": site_counters.value(site_counters.MEMBERS), "threads": threads, "posts": posts}


def categories(month):
    """Per category of the index: threads and posts in all; this month's, its page views
    and its active members (who wrote at least once in its boards)."""
    this_month = (select(BoardDay.board_id, func.sum(BoardDay.threads).label("threads"),
                         func.sum(BoardDay.posts).label("posts"), func.sum(BoardDay.hits).label("hits"))
                  .where(BoardDay.day >= month).group_by(BoardDay.board_id).subquery())
    rows = db.session.execute(
        select(Category.name, func.sum(Board.thread_count), func.sum(Board.post_count),
               func.coalesce(func.sum(this_month.c.threads), 0),
               func.coalesce(func.sum(this_month.c.posts), 0),
               func.coalesce(func.sum(this_month.c.hits), 0),
               func.coalesce(func.max(CategoryMonth.active), 0))
        .join(Board, Board.category_id == Category.id)
        .outerjoin(this_month, this_month.c.board_id == Board.id)
        .outerjoin(CategoryMonth, and_(CategoryMonth.category_id == Category.id,
                                       CategoryMonth.month == month))
        .where(Board.type.in_(types_where("counted")))
        .group_by(Category.id, Category.name, Category.position).order_by(Category.position, Category.id))
    names = ("category", "threads", "posts", "threads_this_month", "posts_this_month", "hits_this_month",
             "active_members_this_month")
    return [dict(zip(names, row)) for row in rows]


def unit_ranking(month):
    """Every township and department, by this month's posts, then active members: the
    units' ranking (a member's posts count for the unit they belonged to when writing)."""
    rows = db.session.execute(
        select(Unit.name, Unit.kind, func.coalesce(UnitMonth.threads, 0),
               func.coalesce(UnitMonth.posts, 0), func.coalesce(UnitMonth.active, 0))
        .outerjoin(UnitMonth, and_(UnitMonth.unit_id == Unit.id, UnitMonth.month == month))
        .order_by(func.coalesce(UnitMonth.posts, 0).desc(), func.coalesce(UnitMonth.active, 0).desc(),
                  Unit.position, Unit.id))
    return [{"rank": rank, "unit": name, "kind": kind, "threads": threads, "posts": posts,
             "active_members": active}
            for rank, (name, kind, threads, posts, active) in enumerate(rows, start=1)]


def sections():
    """[(name, template, values)] the features add; name is the template's folder."""
    return [(template.split("/")[0], template, values) for template, values in hooks.sections("stats")]


def tables(figures):
    """Every table of the page by its CSV name: the core's, then those sections offer."""
    found = {"days": figures["days"], "categories": figures["categories"], "units": figures["units"]}
    for _name, _template, values in figures["sections"]:
        found.update(values.get("tables", {}))
    return found


def as_json(figures):
    """The page's figures as /stats.json gives them."""
    return {**figures, "sections": {name: values for name, _template, values in figures["sections"]}}


def clear():
    """Forget the cached figures (tests)."""
    with _lock:
        _cached.clear()
