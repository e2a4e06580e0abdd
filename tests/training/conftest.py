"""Training fixtures: a controllable clock, a training board with a trainer and a lesson."""
from datetime import datetime, timedelta

import pytest

from forum.boards.roles import grant
from forum.training import clock as study_clock
from forum.training.lessons import save_lesson
from tests.conftest import csrf_token, login
from tests.factories import make_board, make_thread, make_user


class Clock:
    """The server's clock, moved by hand: tests never sleep."""

    def __init__(self):
        self.at = datetime(2026, 11, 27, 8, 0, 0)

    def __call__(self):
        return self.at

    def advance(self, seconds):
        self.at += timedelta(seconds=seconds)


@pytest.fixture()
def clock(monkeypatch, app):
    fake = Clock()
    monkeypatch.setattr(study_clock, "now", fake)
    # Checks come at a known moment: ten minutes in, two minutes to answer.
    for name, value in {"STUDY_CHECK_MIN_SECONDS": 600, "STUDY_CHECK_MAX_SECONDS": 600,
                        "STUDY_CHECK_WINDOW_SECONDS": 120, "STUDY_BEAT_SECONDS": 30,
                        "STUDY_CREDIT_CAP_SECONDS": 60,
                        "STUDY_IDLE_SECONDS": 300}.items():
        monkeypatch.setitem(app.config, name, value)
    return fake


@pytest.fixture()
def training_board():
    return make_board(type="training", slug="training", name="干部在线教育培训中心")


@pytest.fixture()
def trainer(training_board):
    user = make_user(username="trainer", is_verified=True)
    grant(user, training_board, "trainer")
    return user


def make_lesson(board, trainer, *, minutes=20, quiz="", checks="", closes_at=None, title="学习党章"):
    """A lesson thread with its settings saved."""
    thread = make_thread(board=board, author=trainer, title=title, body="党章的主要内容……")
    return save_lesson(thread, minutes, 60, quiz, checks, closes_at)


@pytest.fixture()
def lesson(training_board, trainer):
    return make_lesson(training_board, trainer)


class Learner:
    """A logged-in page studying a lesson through the JSON API, as study.js does."""

    def __init__(self, client, lesson):
        self.client, self.lesson = client, lesson
        self.token_header = {"X-CSRFToken": csrf_token(client, "/training/mine")}
        self.seq = 0
        self.token = None

    def start(self):
        reply = self.client.post(f"/study/{self.lesson.thread_id}/start", json={},
                                 headers=self.token_header)
        assert reply.status_code == 200, reply.get_data(as_text=True)
        self.token = reply.json["token"]
        return self

    def beat(self, *, visible=True, focused=True, active=True, seq=None, token=None):
        if seq is None:
            self.seq += 1
        return self.client.post("/study/beat", headers=self.token_header, json={
            "token": token or self.token, "seq": self.seq if seq is None else seq,
            "visible": visible, "focused": focused, "active": active})

    def answer(self, check, text):
        return self.client.post(check["url"], headers=self.token_header,
                                json={"token": self.token, "answer": text})


@pytest.fixture()
def learner_user():
    return make_user(username="learner", is_verified=True)


@pytest.fixture()
def learner(app, learner_user, lesson):
    return Learner(login(app.test_client(), learner_user), lesson)
