"""Counters kept by the writing services, rebuilt by `forum recount`, and view counts."""
from forum.boards.recount import recount
from forum.boards.services import edit_post, reply
from forum.extensions import db
from forum.models import Board, Post, Thread, User
from forum.stats import view_counts
from tests.factories import make_board, make_thread, make_user


def snapshot():
    db.session.expire_all()
    boards = db.session.execute(db.select(Board.id, Board.thread_count, Board.post_count,
                                          Board.last_post_id).order_by(Board.id)).all()
    threads = db.session.execute(db.select(Thread.id, Thread.reply_count, Thread.last_number,
                                           Thread.last_post_id, Thread.last_post_at)
                                 .order_by(Thread.id)).all()
    users = db.session.execute(db.select(User.id, User.post_count).order_by(User.id)).all()
    return boards, threads, users


def test_services_keep_board_thread_and_user_counters():
    board, alice, bob = make_board(), make_user(), make_user()
    first = make_thread(board=board, author=alice, replies=2)
    make_thread(board=board, author=bob)
    last = reply(first, bob, "最后一条")
    db.session.expire_all()
    board = db.session.get(Board, board.id)
    assert (board.thread_count, board.post_count, board.last_post_id) == (2, 5, last.id)
    thread = db.session.get(Thread, first.id)
    assert (thread.reply_count, thread.last_number, thread.last_post_id) == (3, 4, last.id)
    assert db.session.get(User, alice.id).post_count == 3
    assert db.session.get(User, bob.id).post_count == 2


def test_recount_agrees_with_the_services():
    boards = [make_board(), make_board()]
    users = [make_user() for _ in range(3)]
    for n in range(6):
        thread = make_thread(board=boards[n % 2], author=users[n % 3], replies=n)
        if n % 2:
            reply(thread, users[(n + 1) % 3], "回复")
    edit_post(db.session.execute(db.select(Post).limit(1)).scalar_one(), users[0], "改过")
    before = snapshot()
    recount()
    assert snapshot() == before


def test_recount_repairs_broken_counters():
    thread = make_thread(replies=3)
    expected = snapshot()
    db.session.execute(db.update(Board).values(thread_count=99, post_count=0, last_post_id=None))
    db.session.execute(db.update(Thread).values(reply_count=-1))
    db.session.execute(db.update(User).values(post_count=42))
    db.session.commit()
    recount()
    assert snapshot() == expected
    assert thread.id


def test_posts_in_boards_of_unbuilt_types_do_not_count_for_the_author():
    mailbox = make_board(type="mailbox")
    author = make_user()
    make_thread(board=mailbox, author=author)  # a service call only; no route allows it
    recount()
    db.session.expire_all()
    assert db.session.get(User, author.id).post_count == 0


def test_page_views_are_buffered_and_written_in_one_batch(client):
    thread = make_thread()
    for _ in range(3):
        client.get(f"/t/{thread.id}")
    db.session.expire_all()
    assert db.session.get(Thread, thread.id).view_count == 0
    assert view_counts.pending(thread.id) == 3
    assert view_counts.flush() == 1
    db.session.expire_all()
    assert db.session.get(Thread, thread.id).view_count == 3


def test_the_thread_page_shows_views_not_yet_flushed(client):
    thread = make_thread()
    client.get(f"/t/{thread.id}")
    page = client.get(f"/t/{thread.id}").get_data(as_text=True)
    assert '<span class="views">2</span>' in page


def test_a_page_view_runs_no_write_statement(client, count_queries):
    thread = make_thread()
    with count_queries() as queries:
        client.get(f"/t/{thread.id}")
    writes = [s for s in queries.statements if s.lstrip().upper().startswith(("UPDATE", "INSERT", "DELETE"))]
    assert writes == []
