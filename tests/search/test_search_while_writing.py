"""A search never fails while posts are written (issue 24: /search answered 500 for 3% of
queries under load, as an index write deleted segment files a searcher still read)."""
import threading

from flask import current_app

from forum.access import Guest
from forum.boards.services import reply
from forum.extensions import db
from forum.models import Thread, User
from forum.search.adapter import search
from tests.factories import make_thread, make_user

REPLIES = 60


def _write_replies(app, thread_id, author_id, done):
    with app.app_context():
        thread, author = db.session.get(Thread, thread_id), db.session.get(User, author_id)
        for n in range(REPLIES):
            reply(thread, author, f"zzbusy 第{n}条回复 党建工作")
        done.set()


def test_searches_succeed_while_another_thread_writes_posts():
    thread = make_thread(body="zzbusy 首帖")
    app, done, failures, searches = current_app._get_current_object(), threading.Event(), [], 0
    writer = threading.Thread(target=_write_replies, args=(app, thread.id, make_user().id, done))
    writer.start()
    while not done.is_set():
        try:
            search("zzbusy", Guest())
            search("党建", Guest(), newest=True)
        except Exception as error:  # what a view would have answered with a 500
            failures.append(repr(error))
        searches += 1
    writer.join()
    assert failures == [], f"{len(failures)} of {searches} searches failed: {failures[:3]}"
    assert len(search("zzbusy", Guest()).hits) == 20
