"""Read queries for the forum pages, each a fixed number of statements."""
from sqlalchemy import or_
from sqlalchemy.orm import joinedload, selectinload

from forum import site_counters
from forum.boards.registry import get_type
from forum.dates import local_today
from forum.extensions import db
from forum.models import Board, BoardRole, Category, ContentStatus, Post, Role, Thread, User


def index_categories():
    """Categories in order, each with its boards in order and their units (two statements)."""
    return db.session.execute(
        db.select(Category).options(selectinload(Category.boards).joinedload(Board.unit))
        .order_by(Category.position)
    ).scalars().all()


def board_moderators(board_ids):
    """{board id: [moderator, …] by name} for these boards (one statement)."""
    rows = db.session.execute(
        db.select(BoardRole.board_id, User).join(User, User.id == BoardRole.user_id)
        .where(BoardRole.board_id.in_(list(board_ids)), BoardRole.role == Role.MODERATOR,
               User.deleted_at.is_(None))
        .order_by(User.username))
    moderators = {}
    for board_id, user in rows:
        moderators.setdefault(board_id, []).append(user)
    return moderators


def last_posts(post_ids):
    """{post id: post} with thread and author loaded, for the 'last post' columns.

    Only published posts of published threads: a counter that points at a held or
    hidden one (an old row, a race) shows nothing rather than its title.
    """
    ids = {pid for pid in post_ids if pid}
    if not ids:
        return {}
    rows = db.session.execute(
        db.select(Post).join(Thread, Thread.id == Post.thread_id)
        .options(joinedload(Post.thread), joinedload(Post.author))
        .where(Post.id.in_(ids), Post.status == ContentStatus.PUBLISHED,
               Thread.status == ContentStatus.PUBLISHED)
    ).scalars()
    return {post.id: post for post in rows}


def site_figures(categories):
    """Members, threads, posts, today's posts and the newest member, from the counters the
    writes keep (no row is counted here); private boards count for nothing."""
    boards = [b for c in categories for b in c.boards if get_type(b.type).counted]
    newest = db.session.execute(db.select(User).order_by(User.id.desc()).limit(1)).scalar()
    today = local_today()
    return {
        "members": site_counters.value(site_counters.MEMBERS),
        "threads": sum(b.thread_count for b in boards),
        "posts": sum(b.post_count for b in boards),
        "today": sum(b.today_posts for b in boards if b.today_on == today),
        "newest": newest,
    }


def pinned_threads(board):
    """The board's pinned threads and the site-wide pins of every board."""
    ids = (db.select(Thread.id)
           .where(Thread.status == ContentStatus.PUBLISHED, Thread.is_pinned.is_(True),
                  or_(Thread.board_id == board.id, Thread.pin_scope == "site")))
    return _threads_by_ids(ids)


def board_threads(board, page, per_page):
    """One page of a board's unpinned threads, newest activity first.

    The inner query reads only the listing index (a deferred join), so a deep page
    costs an index walk, never a scan of the thread rows before it.
    """
    ids = (db.select(Thread.id)
           .where(Thread.board_id == board.id, Thread.status == ContentStatus.PUBLISHED,
                  Thread.is_pinned.is_(False))
           .order_by(Thread.last_post_at.desc(), Thread.id.desc())
           .limit(per_page).offset((page - 1) * per_page))
    return _threads_by_ids(ids)


def _threads_by_ids(id_query):
    return db.session.execute(
        db.select(Thread).options(joinedload(Thread.author))
        .where(Thread.id.in_(id_query.scalar_subquery()))
        .order_by(Thread.last_post_at.desc(), Thread.id.desc())
    ).scalars().all()


def thread_posts(thread, page, per_page):
    """The posts on one page of a thread, found by floor number (an index seek)."""
    first = (page - 1) * per_page + 1
    return db.session.execute(
        db.select(Post)
        .options(joinedload(Post.author).joinedload(User.unit), joinedload(Post.edited_by),
                 selectinload(Post.attachments))
        .where(Post.thread_id == thread.id, Post.number.between(first, first + per_page - 1))
        .order_by(Post.number)
        .limit(per_page)  # tells PostgreSQL's planner it is 20 rows, not a share of the thread
    ).scalars().all()
