"""A corpus big enough for PostgreSQL's planner to choose as on a big forum, and the plans
of the statements a search sends."""
import random
from datetime import timedelta

from sqlalchemy import insert, text

from forum.extensions import db
from forum.models import Post, Thread
from forum.models.base import utcnow
from forum.search.adapter import reindex
from tests import factories

BODIES = ["县委召开民主生活会。", "支部的组织生活会按月召开。", "党建工作责任到人。",
          "学习教育常态化。", "民主生活和生活会都要开好。"]


def indexed_corpus(every, seed, posts=3000, first_id=None, step=1):
    """A board of `posts` posts, one in `every` of BODIES and the others of words as rare
    as on a forum, indexed, with statistics gathered. With `first_id`, the posts' ids
    start there `step` apart (so that windows of post ids hold fewer posts)."""
    board, author = factories.make_board(), factories.make_user()
    start, rng = utcnow() - timedelta(days=30), random.Random(seed)
    db.session.execute(insert(Thread), [
        {"board_id": board.id, "author_id": author.id, "title": f"主题{n}",
         "last_post_at": start, "created_at": start} for n in range(100)])
    thread_ids = db.session.execute(db.select(Thread.id)).scalars().all()
    floors = dict.fromkeys(thread_ids, 0)
    rows = []
    for n in range(posts):
        thread_id = thread_ids[n % len(thread_ids)]
        floors[thread_id] += 1
        body = rng.choice(BODIES) if n % every == 0 else f"会议纪要第{n}号。"
        rows.append({"thread_id": thread_id, "author_id": author.id, "number": floors[thread_id],
                     "body": body, "body_html": f"<p>{body}</p>",
                     "created_at": start + timedelta(minutes=n)}
                    | ({"id": first_id + step * n} if first_id else {}))
    db.session.execute(insert(Post), rows)
    db.session.commit()
    reindex()
    with db.engine.begin() as connection:
        connection.execute(text("ANALYZE post"))


def plan(statement, parameters, *settings, explain="EXPLAIN"):
    """PostgreSQL's plan of a statement a search sent, as lines, under `settings`."""
    with db.engine.connect() as connection:
        cursor = connection.connection.cursor()
        for setting in settings:
            cursor.execute(setting)
        cursor.execute(f"{explain} {statement}", parameters)
        return [row[0] for row in cursor.fetchall()]
