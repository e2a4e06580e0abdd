"""The training pages ask the database a fixed number of times, however many rows."""
from forum.training.studying import start_session
from tests.conftest import login
from tests.factories import make_unit, make_user
from tests.training.conftest import make_lesson


def queries_for(client, path, count_queries):
    with count_queries() as counted:
        assert client.get(path).status_code == 200
    return len(counted)


def test_my_study_and_the_duty_page_do_not_grow_with_records(app, count_queries, training_board, trainer):
    unit = make_unit()
    learner = make_user(unit_id=unit.id, is_verified=True)
    lessons = [make_lesson(training_board, trainer, title=f"第{n}课") for n in range(6)]
    others = [make_user(unit_id=unit.id) for _ in range(5)]
    start_session(learner, lessons[0])
    start_session(others[0], lessons[0])
    mine, officer = login(app.test_client(), learner), login(app.test_client(), trainer)
    few = [queries_for(mine, "/training/mine", count_queries),
           queries_for(officer, "/training/duty", count_queries),
           queries_for(officer, f"/b/{training_board.slug}", count_queries)]
    for lesson in lessons[1:]:
        start_session(learner, lesson)
    for other, lesson in zip(others[1:], lessons[1:]):
        start_session(other, lesson)
    many = [queries_for(mine, "/training/mine", count_queries),
            queries_for(officer, "/training/duty", count_queries),
            queries_for(officer, f"/b/{training_board.slug}", count_queries)]
    assert many == few


def test_the_study_page_asks_a_handful_of_queries(app, count_queries, training_board, trainer, learner_user, lesson):
    client = login(app.test_client(), learner_user)
    assert queries_for(client, f"/study/{lesson.thread_id}", count_queries) <= 12


def test_a_heartbeat_asks_a_handful_of_statements_and_writes_once(count_queries, clock, learner):
    learner.start()
    clock.advance(30)
    learner.beat()
    clock.advance(30)
    with count_queries() as counted:
        assert learner.beat().json["credited"] == 30
    writes = [s for s in counted.statements if s.lstrip().upper().startswith(("UPDATE", "INSERT", "DELETE"))]
    assert len(writes) == 1
    assert len(counted) <= 6
