"""Two moderators in two processes decide the same queue item: exactly one wins."""
import os
import subprocess
import sys
import time
from pathlib import Path

from forum.boards.roles import grant
from forum.extensions import db
from forum.models import ModAction, Post, QueueItem
from tests.factories import make_thread, make_user

ROOT = Path(__file__).resolve().parents[2]


def test_two_processes_deciding_one_item_produce_exactly_one_decision(moderated_board, moderator,
                                                                       review_new_accounts):
    other = make_user(is_verified=True)
    grant(other, moderated_board, "moderator")
    make_thread(board=moderated_board, author=make_user())
    item = db.session.execute(db.select(QueueItem)).scalar_one()
    start_at = time.time() + 2.5  # both processes are loaded by then
    runs = [subprocess.Popen([sys.executable, "-m", "tests.moderation.race_decide", str(item.id),
                              str(user.id), verdict, str(start_at)],
                             cwd=ROOT, env=os.environ.copy(), stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
            for user, verdict in [(moderator, "approve"), (other, "reject")]]
    results = [run.communicate(timeout=60) for run in runs]
    outcomes = sorted(out.strip() for out, _ in results)
    assert outcomes == ["lost", "won"], results

    db.session.expire_all()
    item = db.session.get(QueueItem, item.id)
    decisions = db.session.execute(db.select(ModAction).where(
        ModAction.action.in_(["approve", "reject"]))).scalars().all()
    assert len(decisions) == 1
    winner_approved = decisions[0].action == "approve"
    assert item.status == ("approved" if winner_approved else "rejected")
    post = db.session.get(Post, item.post_id)
    assert post.status == ("published" if winner_approved else "hidden")
