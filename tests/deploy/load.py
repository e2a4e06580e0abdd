"""Members posting replies over HTTP while something goes wrong (the kill test, the
database restart), and what is asked afterwards: was every acknowledged reply kept once,
and is it found by search once the search outbox has drained?"""
import http.client
import threading
import time
from collections import Counter

from sqlalchemy import select

from forum.access import Guest
from forum.extensions import db
from forum.models import Post
from forum.search.adapter import search
from forum.search.outbox import SearchChange
from tests.deploy.servers import Browser
from tests.factories import PASSWORD

DRAIN_SECONDS = 30  # the periodic drain runs every 5 s for rows 5 s old


class Member(threading.Thread):
    """Posts numbered replies, each with a word of its own, until told to stop; keeps
    the replies acknowledged (a 302), the count of each answer, and the first page of
    each answer that was not a 302."""

    def __init__(self, base, username, thread_id, stop):
        super().__init__(daemon=True)
        self.url, self.stop = f"{base}/t/{thread_id}/reply", stop
        self.browser, self.name_ = Browser(), username
        status, _ = self.browser.post(f"{base}/login", f"{base}/login",
                                      {"username": username, "password": PASSWORD})
        assert status == 302
        self.token = self.browser.token(self.url)
        self.acknowledged, self.answers, self.pages = [], Counter(), {}

    def run(self):
        number = 0
        while not self.stop.is_set():
            number += 1
            body = f"并发测试的回复 loadtest{self.name_}n{number} 内容完整"
            try:
                status, page = self.browser.send(self.url, {"csrf_token": self.token, "body": body})
            except (OSError, http.client.HTTPException):  # killed mid-request, or restarting
                status, page = "no answer", None
            self.answers[status] += 1
            self.pages.setdefault(status, page)
            if status == 302:
                self.acknowledged.append(body)
            else:
                time.sleep(0.2)  # as a person waits a moment before trying again


class Tally:
    """What became of the members' acknowledged replies in one thread."""

    def __init__(self, members, thread_id):
        self.acknowledged = [body for member in members for body in member.acknowledged]
        self.answers = sum((member.answers for member in members), Counter())
        stored = Counter(db.session.execute(select(Post.body).where(Post.thread_id == thread_id))
                         .scalars())
        self.lost = [body for body in self.acknowledged if stored[body] == 0]
        self.duplicated = [body for body in self.acknowledged if stored[body] > 1]
        self.found = [body for body in self.acknowledged if _found(body)]

    def __str__(self):
        return (f"{len(self.acknowledged)} acknowledged, {len(self.found)} found by search, "
                f"{len(self.lost)} lost, {len(self.duplicated)} duplicated; "
                f"answers {dict(self.answers)}")

    def all_kept_once_and_found(self):
        return (self.lost == [] and self.duplicated == []
                and len(self.found) == len(self.acknowledged))


def _found(body):
    word = body.split()[1]
    return [hit.post.body for hit in search(word, Guest()).hits] == [body]


def wait_for_an_empty_outbox():
    """True once the search outbox is empty; False if it is not within DRAIN_SECONDS."""
    deadline = time.monotonic() + DRAIN_SECONDS
    while time.monotonic() < deadline:
        if db.session.execute(select(db.func.count(SearchChange.id))).scalar() == 0:
            return True
        db.session.rollback()
        time.sleep(0.5)
    return False
