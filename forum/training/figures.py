"""The training centre's four public figures (the seed's 326 registered learners, 3,820
study visits, 1,123 people in the study discussions, 96 essays), kept by the writes as
site counters so that neither /stats nor the centre's page counts study rows per view.
`recount_centre()` (part of `forum recount`) sets them again from the rows.
"""
from sqlalchemy import func, select

from forum import site_counters
from forum.extensions import db
from forum.hooks import post_created
from forum.models import (Board, BoardTypeKey, ContentStatus, Essay, Post, StudyRecord,
                          StudySession, Thread)

COUNTERS = {"learners": "study_learners", "sessions": "study_visits",
            "discussants": "study_discussants", "essays": "study_essays"}


def centre_figures():
    """{"learners", "sessions", "discussants", "essays"}: one statement."""
    found = site_counters.values(list(COUNTERS.values()))
    return {key: found[name] for key, name in COUNTERS.items()}


def count_learner(user):
    """Before the account's first study record of a lesson: a learner if it had none."""
    if db.session.execute(select(StudyRecord.id).where(StudyRecord.user_id == user.id).limit(1)).first() is None:
        site_counters.add(COUNTERS["learners"])


def count(figure):
    """One more study visit ("sessions") or essay ("essays")."""
    site_counters.add(COUNTERS[figure])


@post_created.connect
def _count_discussant(post, **_kwargs):
    """A published reply on a training board, its author's first there, adds a discussant."""
    if post.number == 1 or post.status != ContentStatus.PUBLISHED:
        return
    if post.thread.board.type != BoardTypeKey.TRAINING:
        return
    earlier = (select(Post.id).join(Thread, Thread.id == Post.thread_id).join(Board, Board.id == Thread.board_id)
               .where(Post.author_id == post.author_id, Post.id != post.id, Post.number > 1,
                      Post.status == ContentStatus.PUBLISHED, Board.type == BoardTypeKey.TRAINING).limit(1))
    if db.session.execute(earlier).first() is None:
        site_counters.add(COUNTERS["discussants"])


def recount_centre():
    """Set the four figures from the rows (joins the caller's unit of work)."""
    replies = (select(func.count(func.distinct(Post.author_id))).join(Thread, Thread.id == Post.thread_id)
               .join(Board, Board.id == Thread.board_id)
               .where(Board.type == BoardTypeKey.TRAINING, Post.number > 1,
                      Post.status == ContentStatus.PUBLISHED))
    live = {"learners": select(func.count(func.distinct(StudyRecord.user_id))),
            "sessions": select(func.count(StudySession.id)), "discussants": replies,
            "essays": select(func.count(Essay.id))}
    for key, query in live.items():
        site_counters.set_to(COUNTERS[key], db.session.execute(query).scalar_one())
