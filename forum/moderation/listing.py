"""Read queries for the moderation pages: open queue items and reports, the logs."""
from sqlalchemy import or_
from sqlalchemy.orm import joinedload

from forum.dates import day_end_utc, day_start_utc
from forum.extensions import db
from forum.models import Board, ModAction, Post, QueueItem, Report, SecurityEvent, User

OPEN_LIMIT = 200
LOG_PAGE = 50


def _scoped(query, column, board_ids):
    return query if board_ids is None else query.where(column.in_(board_ids or [-1]))


def open_queue(board_ids):
    """Open queue items of these boards (None: all), oldest first."""
    query = (db.select(QueueItem)
             .options(joinedload(QueueItem.post).joinedload(Post.thread),
                      joinedload(QueueItem.post).joinedload(Post.author),
                      joinedload(QueueItem.board))
             .where(QueueItem.status == "open").order_by(QueueItem.created_at, QueueItem.id)
             .limit(OPEN_LIMIT))
    return db.session.execute(_scoped(query, QueueItem.board_id, board_ids)).scalars().all()


def open_reports(board_ids):
    query = (db.select(Report)
             .options(joinedload(Report.post).joinedload(Post.thread),
                      joinedload(Report.post).joinedload(Post.author),
                      joinedload(Report.reporter))
             .where(Report.status == "open").order_by(Report.created_at, Report.id)
             .limit(OPEN_LIMIT))
    return db.session.execute(_scoped(query, Report.board_id, board_ids)).scalars().all()


def open_counts(board_ids):
    """(queued posts, open reports) for the page header."""
    def count(model):
        query = db.select(db.func.count(model.id)).where(model.status == "open")
        return db.session.execute(_scoped(query, model.board_id, board_ids)).scalar_one()
    return count(QueueItem), count(Report)


def queue_items_for(post_ids):
    """{post id: open queue item}, for the approve/reject buttons on a thread page."""
    if not post_ids:
        return {}
    rows = db.session.execute(db.select(QueueItem).where(
        QueueItem.post_id.in_(post_ids), QueueItem.status == "open")).scalars()
    return {item.post_id: item for item in rows}


def mod_actions(board_ids, filters, page):
    """One page of the moderation log, newest first, filtered; also the query for CSV."""
    query = (db.select(ModAction).options(joinedload(ModAction.actor), joinedload(ModAction.board))
             .order_by(ModAction.at.desc(), ModAction.id.desc()))
    query = _scoped(query, ModAction.board_id, board_ids)
    query = _filter(query, ModAction.at, [ModAction.actor_id], filters)
    if filters.get("board"):
        query = query.join(Board, Board.id == ModAction.board_id).where(Board.slug == filters["board"])
    return _page(query, page)


def security_events(filters, page):
    """One page of the security log; the actor filter also finds the events an account
    is the subject of (its own logins and failures have no separate actor)."""
    query = (db.select(SecurityEvent)
             .options(joinedload(SecurityEvent.user), joinedload(SecurityEvent.actor))
             .order_by(SecurityEvent.at.desc(), SecurityEvent.id.desc()))
    actors = [SecurityEvent.actor_id, SecurityEvent.user_id]
    return _page(_filter(query, SecurityEvent.at, actors, filters), page)


def _filter(query, at_column, actor_columns, filters):
    if filters.get("actor"):
        actor = db.select(User.id).where(User.username_key == User.key_for(filters["actor"]))
        query = query.where(or_(*(column.in_(actor.scalar_subquery()) for column in actor_columns)))
    if filters.get("since"):
        query = query.where(at_column >= day_start_utc(filters["since"]))
    if filters.get("until"):
        query = query.where(at_column < day_end_utc(filters["until"]))
    return query


def _page(query, page):
    if page is None:  # every row, for the CSV export
        return db.session.execute(query).scalars()
    return db.session.execute(query.limit(LOG_PAGE + 1).offset((page - 1) * LOG_PAGE)).scalars().all()
