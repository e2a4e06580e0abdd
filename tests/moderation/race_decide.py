"""Run by test_concurrency in a separate process: decide one queue item at a set moment."""
import sys
import time

from config import TestingConfig
from forum import create_app
from forum.extensions import db
from forum.models import QueueItem, User
from forum.moderation.queue import decide
from forum.service import Refused


def main(item_id, moderator_id, approve, start_at):
    app = create_app(TestingConfig())
    with app.app_context():
        item = db.session.get(QueueItem, item_id)
        moderator = db.session.get(User, moderator_id)
        item.post.thread  # noqa: B018  (loads everything before the start line)
        time.sleep(max(0.0, start_at - time.time()))
        try:
            decide(item, moderator, approve, "" if approve else "并发拒绝")
        except Refused:
            print("lost")
        else:
            print("won")


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]), sys.argv[3] == "approve", float(sys.argv[4]))
