"""Crediting study time: the server's clock, one session per account, identity checks."""
from forum.extensions import db
from forum.models import IdentityCheck, StudyRecord
from tests.factories import PASSWORD
from tests.training.conftest import Learner


def record_of(user, lesson):
    db.session.expire_all()
    return db.session.execute(db.select(StudyRecord).filter_by(
        user_id=user.id, lesson_id=lesson.id)).scalar_one()


def study(learner, clock, seconds, **state):
    """Beat every 30 s for `seconds`; return the last reply."""
    reply = None
    for _ in range(seconds // 30):
        clock.advance(30)
        reply = learner.beat(**state)
    return reply


def test_visible_focused_time_is_credited_once_a_check_is_passed(clock, learner, learner_user, lesson):
    learner.start()
    reply = study(learner, clock, 300)
    assert reply.json["pending_seconds"] == 300
    assert reply.json["effective_seconds"] == 0
    reply = study(learner, clock, 300)
    check = reply.json["check"]
    assert check and check["secret"]
    assert learner.answer(check, PASSWORD).json["passed"] is True
    assert record_of(learner_user, lesson).effective_seconds == 600


def test_hidden_tab_time_is_not_credited(clock, learner, lesson):
    learner.start()
    study(learner, clock, 120)
    reply = study(learner, clock, 240, visible=False)
    assert reply.json["credited"] == 0
    assert reply.json["pending_seconds"] == 120
    clock.advance(30)
    # The first beat back only says the page is visible again; it earns from then on.
    assert learner.beat().json["credited"] == 0
    clock.advance(30)
    assert learner.beat().json["credited"] == 30


def test_unfocused_and_idle_pages_earn_nothing(clock, learner):
    learner.start()
    assert study(learner, clock, 60, focused=False).json["credited"] == 0
    study(learner, clock, 60)
    reply = study(learner, clock, 330, active=False)
    assert reply.json["credited"] == 0  # five minutes without a key or a touch
    assert reply.json["pending_seconds"] < 60 + 330


def test_a_gap_between_beats_earns_at_most_twice_the_interval(clock, learner):
    learner.start()
    clock.advance(500)
    assert learner.beat().json["credited"] == 60


def test_beats_faster_than_real_time_earn_only_real_time(clock, learner):
    learner.start()
    for _ in range(50):
        clock.advance(1)
        reply = learner.beat()
    assert reply.json["pending_seconds"] == 50


def test_a_second_session_ends_the_first(app, clock, learner, learner_user, lesson):
    learner.start()
    study(learner, clock, 120)
    other_device = Learner(learner.client, lesson).start()
    clock.advance(30)
    refused = learner.beat()
    assert refused.status_code == 409
    assert "another page or device" in refused.json["message"] or "另一" in refused.json["message"]
    assert other_device.beat().status_code == 200


def test_a_wrong_answer_uncredits_the_time_since_the_last_check(clock, learner, learner_user, lesson):
    learner.start()
    check = study(learner, clock, 600).json["check"]
    learner.answer(check, PASSWORD)
    check = study(learner, clock, 600).json["check"]
    assert learner.answer(check, "not my password").json["passed"] is False
    record = record_of(learner_user, lesson)
    assert (record.effective_seconds, record.checks_passed, record.checks_failed) == (600, 1, 1)


def test_a_missed_check_uncredits_and_is_recorded(clock, learner, learner_user, lesson):
    learner.start()
    check = study(learner, clock, 600).json["check"]
    reply = study(learner, clock, 150)
    assert reply.json["notes"]
    late = learner.answer(check, PASSWORD)
    assert late.status_code == 409
    record = record_of(learner_user, lesson)
    assert (record.effective_seconds, record.checks_failed) == (0, 1)


def test_a_script_that_answers_no_checks_earns_nothing(clock, learner, learner_user, lesson):
    learner.start()
    for _ in range(6 * 120):  # six hours of perfect heartbeats
        clock.advance(30)
        reply = learner.beat()
    assert reply.status_code == 200
    record = record_of(learner_user, lesson)
    assert record.effective_seconds == 0
    assert record.completed_at is None
    assert record.checks_failed > 10


def test_lesson_questions_are_asked_before_the_password(clock, training_board, trainer, app, learner_user):
    from tests.conftest import login
    from tests.training.conftest import make_lesson

    lesson = make_lesson(training_board, trainer, minutes=5, checks="党的根本宗旨是什么？ = 全心全意为人民服务")
    page = Learner(login(app.test_client(), learner_user), lesson).start()
    check = study(page, clock, 300).json["check"]
    assert check["prompt"] == "党的根本宗旨是什么？" and not check["secret"]
    assert page.answer(check, " 全心全意 为人民服务 ").json["passed"] is True
    assert record_of(learner_user, lesson).completed_at == clock.at


def test_the_record_completes_only_through_a_passed_check(clock, learner, learner_user, lesson):
    learner.start()
    for _ in range(3):
        check = study(learner, clock, 600).json["check"]
        learner.answer(check, PASSWORD)
    record = record_of(learner_user, lesson)
    assert record.effective_seconds >= lesson.required_seconds
    assert record.completed_at is not None
    assert record.hours == 0.5


def test_out_of_order_and_replayed_beats_are_not_counted(clock, learner):
    learner.start()
    clock.advance(30)
    assert learner.beat(seq=5).status_code == 200
    clock.advance(30)
    for seq in (5, 3, "6", True, None):
        reply = learner.beat(seq=seq) if seq is not None else learner.client.post(
            "/study/beat", headers=learner.token_header, json={"token": learner.token})
        assert reply.status_code == 409, seq
    assert learner.beat(seq=6).json["credited"] == 30


def test_beats_for_a_lesson_not_opened_are_refused(clock, learner):
    reply = learner.beat(token="made-up")
    assert reply.status_code == 409
    assert reply.json["message"]
    assert learner.client.post("/study/beat", data="not json",
                               headers=learner.token_header).status_code == 409


def test_someone_elses_session_token_is_refused(app, clock, learner, lesson):
    from tests.conftest import login
    from tests.factories import make_user

    learner.start()
    thief = Learner(login(app.test_client(), make_user()), lesson)
    assert thief.beat(token=learner.token).status_code == 409


def test_a_check_answered_twice_is_refused(clock, learner):
    learner.start()
    check = study(learner, clock, 600).json["check"]
    learner.answer(check, PASSWORD)
    again = learner.answer(check, PASSWORD)
    assert again.status_code == 409 and again.json["message"]


def test_beats_without_the_csrf_header_are_refused(clock, learner):
    learner.start()
    reply = learner.client.post("/study/beat", json={"token": learner.token, "seq": 1})
    assert reply.status_code == 400


def test_only_open_checks_of_the_own_session_are_answered(app, clock, learner):
    learner.start()
    check = study(learner, clock, 600).json["check"]
    assert db.session.get(IdentityCheck, check["id"]).passed is None
    stranger = Learner(learner.client, learner.lesson)
    stranger.token = "nope"
    assert stranger.answer(check, PASSWORD).status_code == 409


def test_reloading_the_lesson_keeps_unchecked_time_but_not_an_open_check(clock, learner, learner_user, lesson):
    learner.start()
    study(learner, clock, 300)
    learner.start()  # the page is reloaded
    assert study(learner, clock, 60).json["pending_seconds"] == 360
    check = study(learner, clock, 240).json["check"]
    assert check  # the reload did not put the check off
    learner.start()
    reply = study(learner, clock, 30)
    assert reply.json["pending_seconds"] == 30
    assert record_of(learner_user, lesson).checks_failed == 1


def test_studying_another_lesson_ends_the_first_and_its_unchecked_time(app, clock, learner, training_board, trainer):
    from tests.training.conftest import make_lesson

    learner.start()
    study(learner, clock, 300)
    other = Learner(learner.client, make_lesson(training_board, trainer, title="第二课")).start()
    assert study(other, clock, 30).json["pending_seconds"] == 30
    assert learner.beat().status_code == 409


def test_a_trainer_may_rewrite_check_questions_while_a_check_is_open(app, clock, training_board, trainer, learner_user):
    from forum.training.lessons import save_lesson
    from tests.conftest import login
    from tests.training.conftest import make_lesson

    lesson = make_lesson(training_board, trainer, minutes=30, checks="大会在哪一年召开？ = 2007")
    page = Learner(login(app.test_client(), learner_user), lesson).start()
    check = study(page, clock, 600).json["check"]
    save_lesson(lesson.thread, 30, 60, "", "新问题 = 新答案")
    assert page.answer(check, "2007").json["passed"] is True


def test_a_lesson_whose_time_is_reached_asks_no_check_before_the_usual_gap(clock, training_board, trainer, app, learner_user):
    from tests.conftest import login
    from tests.training.conftest import make_lesson

    lesson = make_lesson(training_board, trainer, minutes=5)
    page = Learner(login(app.test_client(), learner_user), lesson).start()
    assert page.answer(study(page, clock, 300).json["check"], PASSWORD).json["passed"] is True
    assert record_of(learner_user, lesson).completed_at is not None
    for _ in range(10):  # five more minutes, within the usual ten between checks
        clock.advance(30)
        assert page.beat().json["check"] is None
    assert db.session.execute(db.select(db.func.count(IdentityCheck.id))).scalar_one() == 1
