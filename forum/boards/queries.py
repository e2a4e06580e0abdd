"""Read queries for the forum pages, each a fixed number of statements."""
from collections import namedtuple

from flask_babel import lazy_gettext as _l, lazy_pgettext
from sqlalchemy import and_, bindparam, func, or_
from sqlalchemy.orm import joinedload, selectinload

from forum import site_counters
from forum.boards.registry import get_type
from forum.dates import local_today
from forum.extensions import db
from forum.reads import read
from forum.models import Board, BoardRole, Category, ContentStatus, Post, Role, Thread, Unit, User
from forum.models.content import FEATURED
from forum.models.base import LabelledEnum


class ThreadOrder(LabelledEnum):
    """How a board lists its threads; each order walks an index of the thread table."""

    LAST_REPLY = "last", _l("Last reply")
    STARTED = "started", _l("Start time")
    REPLIES = "replies", lazy_pgettext("order", "Most replies")


_ORDERS = {  # ix_thread_listing, ix_thread_started, ix_thread_replies (migration 0031)
    ThreadOrder.LAST_REPLY: (Thread.last_post_at.desc(), Thread.id.desc()),
    ThreadOrder.STARTED: (Thread.created_at.desc(), Thread.id.desc()),
    ThreadOrder.REPLIES: (Thread.reply_count.desc(), Thread.last_post_at.desc(), Thread.id.desc()),
}


IndexCategory = namedtuple("IndexCategory", "id name boards")
# A board as the index shows it: plain values, not a mapped object (building 150 of
# those and their units cost the index several milliseconds). `today_posts` is today's
# count, 0 when the board's counter is of an older day.
IndexBoard = namedtuple("IndexBoard", "id slug name description type unit_kind thread_count "
                                      "post_count last_post_id today_posts")
LastPost = namedtuple("LastPost", "id created_at title author")  # author: a UserCard or None


class UserCard(namedtuple("UserCard", "id username display_name title is_verified deleted_at")):
    """What a link to an account shows (the user_link macro), without loading the account."""

    __slots__ = ()
    name = User.name


_CARD = (User.id, User.username, User.display_name, User.title, User.is_verified, User.deleted_at)


def _card(row):
    return UserCard(*row) if row[0] is not None else None


# The index's statements are built once and run through Core (forum/reads.py):
# building a select and its cache key costs SQLAlchemy more than SQLite takes to run it.
_INDEX_BOARDS = (
    db.select(Category.id, Category.name, Board.id, Board.slug, Board.name, Board.description,
              Board.type, Unit.kind, Board.thread_count, Board.post_count, Board.last_post_id,
              Board.today_posts, Board.today_on)
    .outerjoin(Board, and_(Board.category_id == Category.id, Board.archived_at.is_(None)))
    .outerjoin(Unit, Unit.id == Board.unit_id)
    .where(Category.archived_at.is_(None))
    .order_by(Category.position, Category.id, Board.position, Board.id))


def index_categories():
    """Categories in order, archived ones left out, each with its live boards in order and
    their units' kinds (one statement; the last posts are last_posts', as a join to the
    post table here would have SQLite read it whole into a Bloom filter)."""
    today = local_today()
    categories = {}
    # .all(): fetched at once, where iterating a result fetches row by row.
    for category_id, name, *board, today_posts, today_on in read(_INDEX_BOARDS).all():
        boards = categories.setdefault(category_id, IndexCategory(category_id, name, [])).boards
        if board[0] is not None:
            boards.append(IndexBoard(*board, today_posts if today_on == today else 0))
    return list(categories.values())


# From the roles to their accounts (an outer join keeps that order, and deleted accounts
# are left out in board_moderators): when the small board_role table has no statistics,
# SQLite would otherwise read every account to look up its roles.
_MODERATORS = (
    db.select(BoardRole.board_id, *_CARD).outerjoin(User, User.id == BoardRole.user_id)
    .where(BoardRole.board_id.in_(bindparam("boards", expanding=True)),
           BoardRole.role == Role.MODERATOR))


def board_moderators(board_ids):
    """{board id: [UserCard, …] by name} for these boards (one statement)."""
    rows = read(_MODERATORS, {"boards": list(board_ids)}).all()
    moderators = {}
    for board_id, *card in sorted((row for row in rows if row.deleted_at is None),
                                  key=lambda row: row.username):
        moderators.setdefault(board_id, []).append(UserCard(*card))
    return moderators


def _of_last(column):
    return db.select(column).where(Post.id == Board.last_post_id).scalar_subquery()


# A lookup per board, not a join: without statistics on the board table SQLite takes it
# for a big one and reads the whole post table into a Bloom filter for the join (280 ms
# at 1,000,000 posts).
_NEWEST_POSTS = (db.select(Board.type, Board.id, _of_last(Post.created_at),
                           _of_last(Post.thread_id))
                 .where(Board.last_post_id.is_not(None)))


def newest_posts():
    """(board id, time, thread id) of the newest post of each board the index lists, for
    a member's unread marks there (reading.unread_board_ids)."""
    rows = read(_NEWEST_POSTS).all()
    return [(board_id, at, thread_id) for key, board_id, at, thread_id in rows
            if at is not None and get_type(key).on_index]


_LAST_POSTS = (
    db.select(Post.id, Post.created_at, Thread.title, *_CARD)
    .join(Thread, Thread.id == Post.thread_id).outerjoin(User, User.id == Post.author_id)
    .where(Post.id.in_(bindparam("ids", expanding=True)),
           Post.status == ContentStatus.PUBLISHED, Thread.status == ContentStatus.PUBLISHED))


def last_posts(post_ids):
    """{post id: LastPost} with its thread's title and its author, for the 'last post'
    columns of the index and of a board page (one statement, a lookup by key each).

    Only published posts of published threads: a counter that points at a held or
    hidden one (an old row, a race) shows nothing rather than its title.
    """
    ids = {pid for pid in post_ids if pid}
    if not ids:
        return {}
    rows = read(_LAST_POSTS, {"ids": list(ids)}).all()
    return {post_id: LastPost(post_id, at, title, _card(card))
            for post_id, at, title, *card in rows}


_NEWEST_MEMBER = db.select(*_CARD).order_by(User.id.desc()).limit(1)


def site_figures(categories):
    """Members, threads, posts, today's posts and the newest member, from the counters the
    writes keep (no row is counted here); private boards count for nothing."""
    boards = [b for c in categories for b in c.boards if get_type(b.type).counted]
    newest = read(_NEWEST_MEMBER).first()
    return {
        "members": site_counters.value(site_counters.MEMBERS),
        "threads": sum(b.thread_count for b in boards),
        "posts": sum(b.post_count for b in boards),
        "today": sum(b.today_posts for b in boards),
        "newest": newest and _card(newest),
    }


def pinned_threads(board):
    """The board's pinned threads and the site-wide pins of every board."""
    ids = (db.select(Thread.id)
           .where(Thread.status == ContentStatus.PUBLISHED, Thread.is_pinned.is_(True),
                  or_(Thread.board_id == board.id, Thread.pin_scope == "site")))
    return _threads_by_ids(ids)


def board_threads(board, page, per_page, order=ThreadOrder.LAST_REPLY, unanswered=False,
                  featured=False):
    """One page of a board's unpinned threads in the order asked, newest activity first
    by default; `unanswered` keeps the threads without a reply, `featured` the 精华 ones.

    The inner query reads only an index (a deferred join), so a deep page costs an index
    walk, never a scan of the thread rows before it. Unanswered threads last posted when
    they were started, so every order lists them by ix_thread_replies' last_post_at;
    featured threads are listed by last reply, the order of their own ix_thread_featured.
    """
    if unanswered or featured:
        order = ThreadOrder.LAST_REPLY
    ids = (_listed(board, unanswered, featured).with_only_columns(Thread.id)
           .order_by(*_ORDERS[order]).limit(per_page).offset((page - 1) * per_page))
    return _threads_by_ids(ids, _ORDERS[order])


def filtered_count(board, unanswered, featured):
    """How many of the board's unpinned threads a filter keeps (a range of one index)."""
    return db.session.execute(
        _listed(board, unanswered, featured).with_only_columns(func.count(Thread.id))).scalar_one()


def _listed(board, unanswered=False, featured=False):
    query = db.select(Thread).where(Thread.board_id == board.id,
                                    Thread.status == ContentStatus.PUBLISHED,
                                    Thread.is_pinned.is_(False))
    if featured:
        query = query.where(FEATURED)  # the words of ix_thread_featured's condition
    return query.where(Thread.reply_count == 0) if unanswered else query


def _threads_by_ids(id_query, order=_ORDERS[ThreadOrder.LAST_REPLY]):
    return db.session.execute(
        db.select(Thread).options(joinedload(Thread.author))
        .where(Thread.id.in_(id_query.scalar_subquery()))
        .order_by(*order)
    ).scalars().all()


# Built once: a member's every thread page runs it.
_POSTS_VERSION = (db.select(Post.id, Post.status, Post.edited_at)
                  .where(Post.thread_id == bindparam("thread_id"),
                         Post.number.between(bindparam("first"), bindparam("last")))
                  .order_by(Post.number).limit(bindparam("per_page")))


def posts_version(thread, page, per_page):
    """What changes on a thread page when a post on it is edited, hidden or approved:
    its posts' ids, statuses and last edits (twenty short rows, by the floor index)."""
    first = (page - 1) * per_page + 1
    return tuple(read(_POSTS_VERSION, {
        "thread_id": thread.id, "first": first, "last": first + per_page - 1,
        "per_page": per_page}).tuples())


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
