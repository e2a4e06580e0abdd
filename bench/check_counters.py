"""Check a bench-data instance: counters survive `forum recount` unchanged, and the data
keeps the forum's invariants.

    FORUM_INSTANCE=/tmp/bench-small .venv/bin/python bench/check_counters.py [--no-recount]

Snapshots every denormalised counter, runs forum.boards.recount.recount() (timed),
snapshots again and compares; then checks floors, times, authors, titles, usernames,
rendered bodies (a sample) and that no board of an unbuilt type holds content.
Exit status 1 if anything differs.
"""
import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import select, text  # noqa: E402

from forum import create_app  # noqa: E402
from forum.boards.registry import get_type  # noqa: E402
from forum.extensions import db  # noqa: E402
from forum.markup import render  # noqa: E402
from forum.models import Board, Post, Thread, User  # noqa: E402


def snapshot():
    s = db.session
    return {
        "thread": {r[0]: tuple(r[1:]) for r in s.execute(select(
            Thread.id, Thread.reply_count, Thread.last_number, Thread.last_post_id,
            Thread.last_post_at))},
        "board": {r[0]: tuple(r[1:]) for r in s.execute(select(
            Board.id, Board.thread_count, Board.post_count, Board.last_post_id))},
        "user": {r[0]: tuple(r[1:]) for r in s.execute(select(User.id, User.post_count))},
    }


def compare(before, after):
    bad = 0
    for table in before:
        diffs = [(k, before[table][k], after[table].get(k))
                 for k in before[table] if before[table][k] != after[table].get(k)]
        bad += len(diffs)
        print(f"  {table}: {len(before[table]):,} rows, {len(diffs):,} changed by recount")
        for k, old, new in diffs[:5]:
            print(f"    id {k}: {old} -> {new}")
    return bad


INVARIANTS = {
    "threads whose floors are not exactly 1..last_number": """
        SELECT count(*) FROM thread t JOIN (
          SELECT thread_id, count(*) n, min(number) lo, max(number) hi FROM post GROUP BY thread_id
        ) p ON p.thread_id = t.id
        WHERE p.n != t.last_number OR p.lo != 1 OR p.hi != t.last_number""",
    "threads without posts": """
        SELECT count(*) FROM thread t WHERE NOT EXISTS (SELECT 1 FROM post p WHERE p.thread_id = t.id)""",
    "posts older than the floor before them": """
        SELECT count(*) FROM (
          SELECT created_at, lag(created_at) OVER (PARTITION BY thread_id ORDER BY number) prev
          FROM post) x WHERE prev > created_at""",
    "first posts not at the thread's creation time": """
        SELECT count(*) FROM post p JOIN thread t ON t.id = p.thread_id
        WHERE p.number = 1 AND (p.created_at != t.created_at OR p.author_id != t.author_id)""",
    "posts written before their author registered": """
        SELECT count(*) FROM post p JOIN "user" u ON u.id = p.author_id WHERE u.created_at > p.created_at""",
    "titles longer than 80": "SELECT count(*) FROM thread WHERE length(title) > 80",
    "usernames longer than 20": 'SELECT count(*) FROM "user" WHERE length(username) > 20',
}


def check_invariants():
    bad = 0
    for label, sql in INVARIANTS.items():
        n = db.session.execute(text(sql)).scalar()
        bad += n
        print(f"  {'ok ' if n == 0 else 'BAD'} {label}: {n}")
    users = db.session.execute(select(User.username, User.username_key)).all()
    wrong_keys = sum(1 for name, key in users if User.key_for(name) != key)
    bad += wrong_keys
    print(f"  {'ok ' if wrong_keys == 0 else 'BAD'} username_key != casefold(username): {wrong_keys}")

    types = dict(db.session.execute(select(Board.id, Board.type)).all())
    per_board = db.session.execute(
        select(Thread.board_id, db.func.count()).group_by(Thread.board_id)).all()
    unbuilt = sum(n for board_id, n in per_board if not get_type(types[board_id]).built)
    bad += unbuilt
    print(f"  {'ok ' if unbuilt == 0 else 'BAD'} threads in boards of unbuilt types: {unbuilt}")

    sample = db.session.execute(select(Post.body, Post.body_html).where(Post.id % 499 == 0)).all()
    wrong_html = sum(1 for body, html in sample if str(render(body)) != html)
    bad += wrong_html
    print(f"  {'ok ' if wrong_html == 0 else 'BAD'} body_html != render(body) in a sample of "
          f"{len(sample):,}: {wrong_html}")

    big = db.session.execute(select(Board).where(Board.slug == "chengguanzhen")).scalar_one()
    pinned = db.session.execute(select(db.func.count()).where(
        Thread.board_id == big.id, Thread.is_pinned.is_(True))).scalar()
    longest = db.session.execute(
        select(Thread.id, Thread.last_number, Board.slug).join(Board)
        .order_by(Thread.last_number.desc()).limit(1)).first()
    print(f"  info: chengguanzhen {big.thread_count:,} threads "
          f"({-(-(big.thread_count - pinned) // 20):,} pages); longest thread {longest.id} "
          f"with {longest.last_number:,} posts in {longest.slug}")
    return bad


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-recount", action="store_true", help="only check the invariants")
    args = parser.parse_args()
    app = create_app()
    with app.app_context():
        print(f"database: {db.engine.url.render_as_string(hide_password=True)}")
        bad = 0
        if not args.no_recount:
            from forum.boards.recount import recount

            before = snapshot()
            started = time.perf_counter()
            recount()
            print(f"recount took {time.perf_counter() - started:.1f}s")
            db.session.expire_all()
            bad += compare(before, snapshot())
        print("invariants:")
        bad += check_invariants()
        print("OK" if bad == 0 else f"FAILED: {bad} problems")
        return 0 if bad == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
