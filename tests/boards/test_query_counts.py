"""SQL statements per page stay fixed whatever the number of boards, threads or posts."""
import pytest
from sqlalchemy import event

from forum.boards.services import reply
from forum.extensions import db
from forum.models import Board, Notification, Subscription
from forum.stats import view_counts
from tests.conftest import csrf_token, login
from tests.factories import make_board, make_thread, make_user


@pytest.fixture(params=["guest", "member"])
def reader(request, client, member):
    return login(client, member) if request.param == "member" else client


def statements_for(reader, count_queries, path):
    reader.get(path)  # warm caches that are per process, not per request
    with count_queries() as queries:
        response = reader.get(path)
    assert response.status_code == 200
    return len(queries)


def fill_seeded_boards(threads_per_board=1):
    authors = [make_user() for _ in range(5)]
    boards = db.session.execute(db.select(Board).where(Board.type == "discussion")).scalars().all()
    for n, board in enumerate(boards):
        for m in range(threads_per_board):
            make_thread(board=board, author=authors[(n + m) % 5], title=f"{board.name}的主题{m}")
    return boards


def test_board_index_with_all_150_boards_takes_at_most_13_statements(reader, seeded, count_queries):
    """The board list's own (categories, boards and units one statement, their last posts
    one, the moderators of all boards one; its site figures come from counters), one for
    党务公开's 公示中 count and one for the care fund's total (their types'
    index_figures); a member's header, and for their new-post marks the
    boards' newest posts (kept with the list where pages are kept) and one look at their
    read marks on those boards and threads."""
    fill_seeded_boards()
    assert db.session.execute(db.select(db.func.count(Board.id))).scalar_one() == 150
    assert statements_for(reader, count_queries, "/") <= 13


def test_board_index_statements_do_not_grow_with_content(reader, seeded, count_queries):
    make_thread(board=db.session.execute(db.select(Board).limit(1)).scalar_one())
    few = statements_for(reader, count_queries, "/")
    fill_seeded_boards(threads_per_board=2)
    assert statements_for(reader, count_queries, "/") == few


@pytest.mark.parametrize("threads", [3, 45])
def test_board_page_takes_at_most_12_statements(reader, count_queries, threads):
    board = make_board()
    authors = [make_user() for _ in range(4)]
    for n in range(threads):
        thread = make_thread(board=board, author=authors[n % 4])
        reply(thread, authors[(n + 1) % 4], "回复")
    pinned = make_thread(board=board, author=authors[0])
    pinned.is_pinned = True
    db.session.commit()
    for page in (1, 2) if threads > 20 else (1,):
        assert statements_for(reader, count_queries, f"/b/{board.slug}?page={page}") <= 12


@pytest.mark.parametrize("posts", [2, 45])
def test_thread_page_takes_at_most_12_statements(reader, count_queries, posts):
    authors = [make_user() for _ in range(5)]
    thread = make_thread(author=authors[0])
    for n in range(posts - 1):
        reply(thread, authors[n % 5], f"第{n}条")
    for page in (1, 3) if posts > 40 else (1,):
        assert statements_for(reader, count_queries, f"/t/{thread.id}?page={page}") <= 12
    view_counts.flush()


def test_board_and_thread_pages_cost_the_same_small_or_large(reader, count_queries):
    small_board, large_board = make_board(), make_board()
    author = make_user()
    small = make_thread(board=small_board, author=author)
    large = make_thread(board=large_board, author=author, replies=30)
    for _ in range(30):
        make_thread(board=large_board, author=make_user())
    assert (statements_for(reader, count_queries, f"/b/{small_board.slug}")
            == statements_for(reader, count_queries, f"/b/{large_board.slug}"))
    assert (statements_for(reader, count_queries, f"/t/{small.id}")
            == statements_for(reader, count_queries, f"/t/{large.id}"))


def test_a_reply_costs_the_same_statements_however_many_follow_the_thread(app, count_queries):
    """No statement per follower (roles, notifications): one query and one INSERT for all."""
    thread = make_thread(board=make_board(), author=make_user())
    counts, following = [], 0
    for followers in (1, 12):
        following += followers
        db.session.add_all(Subscription(user_id=make_user().id, thread_id=thread.id)
                           for _ in range(followers))
        db.session.commit()
        writer = login(app.test_client(), make_user(post_count=50))
        form = {"csrf_token": csrf_token(writer), "body": f"{followers}位关注者"}
        with count_queries() as queries:
            response = writer.post(f"/t/{thread.id}/reply", data=form)
        assert response.status_code == 302
        post_id = int(response.headers["Location"].rsplit("/", 1)[1])
        told = db.session.execute(db.select(db.func.count()).where(
            Notification.post_id == post_id)).scalar()
        assert told == following + 1  # the thread's author too
        counts.append(len(queries))
    # The reply and, as tests run no outbox thread, its search outbox applied after the
    # commit (PostgreSQL's index writes two statements more than Whoosh's); the writer's
    # first post of the month counts them active in the category, a row a later post
    # leaves alone (bench/RESULTS.md, "Posting and study heartbeats, session 7")
    assert counts[0] == counts[1] <= (27 if db.engine.dialect.name == "postgresql" else 25)


def test_a_reply_reads_nothing_once_it_has_written(app):
    """From a post's first write to its commit SQLite lets no other writer in (and
    forum/sqlite_writers.py queues them): the reply's reads (who follows, is mentioned or
    quoted, and may read it; their roles) all come before its first write."""
    thread = make_thread(board=make_board(), author=make_user())
    mentioned, quoted = make_user(), make_user()
    reply(thread, quoted, "被引用的楼层")
    db.session.add_all(Subscription(user_id=make_user().id, thread_id=thread.id) for _ in range(3))
    db.session.commit()
    writer = login(app.test_client(), make_user(post_count=50))
    form = {"csrf_token": csrf_token(writer),
            "body": f"> **{quoted.username}** #2\n\n引用并提到 @{mentioned.username}"}
    sent = []

    def record(_conn, _cursor, statement, *_args):
        sent.append(statement.lstrip().split(None, 1)[0].upper())

    def committed(_conn):
        sent.append("COMMIT")

    event.listen(db.engine, "before_cursor_execute", record)
    event.listen(db.engine, "commit", committed)
    try:
        assert writer.post(f"/t/{thread.id}/reply", data=form).status_code == 302
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
        event.remove(db.engine, "commit", committed)
    first_write = next(i for i, verb in enumerate(sent) if verb in {"INSERT", "UPDATE"})
    written = sent[first_write:sent.index("COMMIT", first_write)]
    assert set(written) <= {"INSERT", "UPDATE"}, sent
    kinds = db.session.execute(db.select(Notification.kind, Notification.user_id)
                               .where(Notification.thread_id == thread.id)).all()
    assert {(mentioned.id, "mention"), (quoted.id, "quote"), (thread.author_id, "reply")} <= {
        (user_id, kind) for kind, user_id in kinds}
