"""Rebuild denormalised counters from the rows themselves.

`recount()` rebuilds everything (`forum recount`); moderation actions rebuild only the
threads, boards and users they touched, inside their own unit of work.
"""
from sqlalchemy import and_, case, func, select, update

from forum import site_counters
from forum.boards.registry import types_where
from forum.dates import local_today, today_start_utc
from forum.extensions import db
from forum.models import Board, ContentStatus, Post, Thread, User
from forum.service import commit
from forum.stats import daily


def recount(advance=lambda n: None):
    """Threads, then boards, then users, the members and the daily figures: set-based
    statements, one commit. `advance(1)` is called after each of the five steps (a
    progress bar's)."""
    for step in (recount_threads, recount_boards, recount_users, recount_members,
                 daily.recount_days):
        step()
        advance(1)
    commit()


def recount_threads(ids=None):
    published_posts = and_(Post.thread_id == Thread.id, Post.status == ContentStatus.PUBLISHED)
    published = select(func.count(Post.id)).where(published_posts).scalar_subquery()
    statement = update(Thread).values(
        # A thread with no published post (a letter's, one waiting) has no replies, not -1.
        reply_count=case((published > 0, published - 1), else_=0),
        last_number=func.coalesce(
            select(func.max(Post.number)).where(Post.thread_id == Thread.id).scalar_subquery(), 0),
        last_post_id=select(func.max(Post.id)).where(published_posts).scalar_subquery(),
        last_post_at=func.coalesce(
            select(func.max(Post.created_at)).where(published_posts).scalar_subquery(),
            Thread.created_at),
    )
    _run(statement, Thread.id, ids)


def recount_boards(ids=None):
    live = and_(Thread.board_id == Board.id, Thread.status == ContentStatus.PUBLISHED)
    written_today = (select(func.count(Post.id)).join(Thread, Thread.id == Post.thread_id)
                     .where(live, Post.status == ContentStatus.PUBLISHED,
                            Post.created_at >= today_start_utc()))
    statement = update(Board).values(
        thread_count=select(func.count(Thread.id)).where(live).scalar_subquery(),
        post_count=func.coalesce(
            select(func.sum(Thread.reply_count + 1)).where(live).scalar_subquery(), 0),
        last_post_id=select(func.max(Thread.last_post_id)).where(live).scalar_subquery(),
        today_posts=written_today.scalar_subquery(),
        today_on=local_today(),
    )
    _run(statement, Board.id, ids)


def recount_users(ids=None):
    counted = (select(func.count(Post.id))
               .join(Thread, Thread.id == Post.thread_id).join(Board, Board.id == Thread.board_id)
               .where(Post.author_id == User.id, Post.status == ContentStatus.PUBLISHED,
                      Thread.status == ContentStatus.PUBLISHED, Board.type.in_(types_where("counted"))))
    _run(update(User).values(post_count=counted.scalar_subquery()), User.id, ids)


def recount_members():
    site_counters.set_to(site_counters.MEMBERS,
                         db.session.execute(select(func.count(User.id))).scalar_one())


def _run(statement, id_column, ids):
    if ids is not None:
        ids = {i for i in ids if i is not None}
        if not ids:
            return
        statement = statement.where(id_column.in_(ids))
    db.session.execute(statement.execution_options(synchronize_session=False))
