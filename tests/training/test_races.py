"""Parallel requests of one account: each runs in its own thread, app context and
database connection, released together, as a script firing requests at once would."""
import threading
from concurrent.futures import ThreadPoolExecutor

from flask_babel import force_locale, gettext

from forum.extensions import db
from forum.models import StudyRecord, StudySession
from tests.conftest import csrf_token, login
from tests.training.conftest import Learner
from tests.training.test_pages import quiz_lesson

PARALLEL = 8


def at_once(calls):
    """Run the calls in parallel threads released by one barrier; their results in order."""
    barrier = threading.Barrier(len(calls))

    def run(call):
        barrier.wait()
        return call()

    with ThreadPoolExecutor(len(calls)) as pool:
        return list(pool.map(run, calls))


def start_at_once(app, user, lesson):
    """The account's pages start studying the lesson in parallel; their replies."""
    url = f"/study/{lesson.thread_id}/start"
    learners = [Learner(login(app.test_client(), user), lesson) for _ in range(PARALLEL)]
    return at_once([lambda learner=learner: learner.client.post(url, json={}, headers=learner.token_header)
                    for learner in learners])


def test_parallel_starts_leave_one_open_session(app, clock, learner_user, lesson):
    Learner(login(app.test_client(), learner_user), lesson).start()  # studied it before
    replies = start_at_once(app, learner_user, lesson)
    assert {reply.status_code for reply in replies} <= {200, 409}
    db.session.expire_all()
    open_sessions = db.session.execute(db.select(StudySession).where(
        StudySession.user_id == learner_user.id, StudySession.ended_at.is_(None))).scalars().all()
    assert len(open_sessions) == 1
    with force_locale("zh_CN"):
        why = gettext("This lesson was opened in another page at the same moment. "
                      "Study there, or reload this page.")
    assert all(reply.json == {"ok": False, "message": why}
               for reply in replies if reply.status_code == 409)


def test_parallel_first_starts_make_one_record_and_no_error(app, clock, learner_user, lesson):
    replies = start_at_once(app, learner_user, lesson)
    assert {reply.status_code for reply in replies} <= {200, 409}
    db.session.expire_all()
    assert len(db.session.execute(db.select(StudyRecord)).scalars().all()) == 1


def test_parallel_quiz_hand_ins_are_scored_at_most_twice(app, clock, training_board, trainer, learner_user):
    lesson = quiz_lesson(training_board, trainer)
    q1, _ = lesson.questions
    clients = [login(app.test_client(), learner_user) for _ in range(PARALLEL)]
    Learner(clients[0], lesson).start()  # the record exists: only the hand-ins race
    url, answer = f"/study/{lesson.thread_id}/quiz", {f"q{q1.id}": "1"}  # a wrong one
    tokens = [csrf_token(client, url) for client in clients]
    replies = at_once([lambda client=client, token=token: client.post(
        url, data={"csrf_token": token, **answer}, follow_redirects=True)
        for client, token in zip(clients, tokens)])
    with force_locale("zh_CN"):
        scored_message = gettext("Your score is %(score)s: not passed.", score=0)
    scored = sum(scored_message in reply.get_data(as_text=True) for reply in replies)
    db.session.expire_all()
    record = db.session.execute(db.select(StudyRecord)).scalar_one()
    assert scored <= 2
    assert record.quiz_attempts == scored
