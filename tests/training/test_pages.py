"""Training pages: lesson settings, quizzes, duty officers, records and the export."""
import csv
import io
from datetime import timedelta

from forum.extensions import db
from forum.models import IdentityCheck, Notification, StudyRecord, StudySession
from tests.checks import says
from tests.conftest import login, post_form
from tests.factories import PASSWORD, make_unit, make_user
from tests.training.conftest import Learner, make_lesson

QUIZ = """? 党的最高理想是什么？
* 实现共产主义
- 发家致富
? 以下哪些是党的作风？
* 理论联系实际
* 密切联系群众
- 脱离群众
"""


def test_only_trainers_start_lessons_and_members_discuss_them(app, training_board, trainer, learner_user, lesson):
    member = login(app.test_client(), learner_user)
    assert member.get(f"/b/{training_board.slug}/new").status_code == 403
    assert login(app.test_client(), trainer).get(f"/b/{training_board.slug}/new").status_code == 200
    reply = post_form(member, f"/t/{lesson.thread_id}/reply", {"body": "学习体会：要读原著"})
    assert reply.status_code == 302


def test_a_trainer_sets_minutes_quiz_and_checks(app, training_board, trainer):
    from tests.factories import make_thread

    thread = make_thread(board=training_board, author=trainer, title="学习十七大精神")
    client = login(app.test_client(), trainer)
    reply = post_form(client, f"/t/{thread.id}/lesson", {"minutes": "30", "pass_mark": "80",
                                                         "quiz": QUIZ, "checks": "大会在哪一年召开？ = 2007"})
    assert reply.status_code == 302
    page = client.get(f"/t/{thread.id}").get_data(as_text=True)
    assert "30" in page and "/study/" in page
    form = client.get(f"/t/{thread.id}/lesson").get_data(as_text=True)
    assert "* 理论联系实际" in form and "大会在哪一年召开？ = 2007" in form


def test_a_malformed_quiz_is_refused_with_the_line(app, training_board, trainer, lesson):
    client = login(app.test_client(), trainer)
    reply = post_form(client, f"/t/{lesson.thread_id}/lesson",
                      {"minutes": "30", "pass_mark": "60", "quiz": "? 只有题目\n- 错的\n- 也错", "checks": ""})
    assert reply.status_code == 200
    assert "只有题目" in reply.get_data(as_text=True)
    reply = post_form(client, f"/t/{lesson.thread_id}/lesson",
                      {"minutes": "30", "pass_mark": "60", "quiz": "随便写", "checks": "没有等号"})
    assert reply.status_code == 200


def test_members_may_not_change_lessons(app, learner_user, lesson):
    client = login(app.test_client(), learner_user)
    assert client.get(f"/t/{lesson.thread_id}/lesson").status_code == 403


def quiz_lesson(board, trainer, **kwargs):
    return make_lesson(board, trainer, minutes=10, quiz=QUIZ, **kwargs)


def test_a_quiz_is_passed_once_and_adds_half_an_hour(app, training_board, trainer, learner_user):
    lesson = quiz_lesson(training_board, trainer)
    q1, q2 = lesson.questions
    client = login(app.test_client(), learner_user)
    reply = post_form(client, f"/study/{lesson.thread_id}/quiz",
                      {f"q{q1.id}": "0", f"q{q2.id}": ["0", "1"]}, follow_redirects=True)
    assert "100" in reply.get_data(as_text=True)
    record = db.session.execute(db.select(StudyRecord)).scalar_one()
    assert record.quiz_passed and record.completed_at is None  # no time studied yet
    again = post_form(client, f"/study/{lesson.thread_id}/quiz", {f"q{q1.id}": "0"}, follow_redirects=True)
    assert again.status_code == 200
    db.session.expire_all()
    assert db.session.get(StudyRecord, record.id).quiz_attempts == 1


def test_a_failed_quiz_may_be_resat_once(app, training_board, trainer, learner_user):
    lesson = quiz_lesson(training_board, trainer)
    q1, _ = lesson.questions
    client = login(app.test_client(), learner_user)
    for _attempt in range(3):
        post_form(client, f"/study/{lesson.thread_id}/quiz", {f"q{q1.id}": "1"})
    record = db.session.execute(db.select(StudyRecord)).scalar_one()
    assert (record.quiz_attempts, record.quiz_score, record.quiz_passed) == (2, 0, False)


def test_quiz_answers_after_the_deadline_are_refused(app, clock, training_board, trainer, learner_user):
    lesson = quiz_lesson(training_board, trainer, closes_at=clock.at - timedelta(days=1))
    q1, q2 = lesson.questions
    client = login(app.test_client(), learner_user)
    reply = post_form(client, f"/study/{lesson.thread_id}/quiz",
                      {f"q{q1.id}": "0", f"q{q2.id}": ["0", "1"]}, follow_redirects=True)
    assert reply.status_code == 200
    assert db.session.execute(db.select(StudyRecord)).scalar_one_or_none() is None


def test_the_study_page_shows_the_material_and_plays_media(app, learner_user, lesson):
    client = login(app.test_client(), learner_user)
    page = client.get(f"/study/{lesson.thread_id}").get_data(as_text=True)
    assert "党章的主要内容" in page and "study.js" in page
    assert db.session.execute(db.select(StudyRecord)).first() is None  # a GET never writes


def test_a_thread_that_is_not_a_lesson_has_no_study_page(app, learner_user, training_board, trainer):
    from tests.factories import make_board, make_thread

    plain = make_thread(board=training_board, author=trainer)
    discussion = make_thread(board=make_board())
    client = login(app.test_client(), learner_user)
    assert client.get(f"/study/{plain.id}").status_code == 404
    assert client.get(f"/study/{discussion.id}").status_code == 404


def test_a_duty_officer_sees_who_studies_and_sends_a_check(app, clock, trainer, learner, learner_user, lesson):
    learner.start()
    clock.advance(30)
    learner.beat()
    officer = login(app.test_client(), trainer)
    page = officer.get("/training/duty").get_data(as_text=True)
    assert "learner" in page and lesson.thread.title in page
    session = db.session.execute(db.select(StudySession)).scalar_one()
    assert post_form(officer, f"/training/duty/{session.id}/check", {}).status_code == 302
    assert db.session.execute(db.select(Notification).filter_by(kind="study_check")).scalar_one()
    clock.advance(30)
    check = learner.beat().json["check"]
    assert check["secret"] and "值班员" in check["prompt"]
    clock.advance(150)
    learner.beat()
    mine = learner.client.get("/training/mine").get_data(as_text=True)
    assert "值班员" in mine


def test_the_duty_page_names_a_learner_once_and_says_why_no_unit_shows(app, clock, trainer, learner, lesson):
    learner.start()
    learner.beat()
    page = login(app.test_client(), trainer).get("/training/duty").get_data(as_text=True)
    assert "learner (learner)" not in page and "<td>learner</td>" in page
    assert "<td></td>" not in page and says(page, "No unit given")


def test_a_second_duty_check_waits_for_the_first(app, clock, trainer, learner):
    learner.start()
    officer = login(app.test_client(), trainer)
    session = db.session.execute(db.select(StudySession)).scalar_one()
    post_form(officer, f"/training/duty/{session.id}/check", {})
    post_form(officer, f"/training/duty/{session.id}/check", {})
    assert db.session.execute(db.select(db.func.count(IdentityCheck.id))).scalar_one() == 1


def test_members_are_not_duty_officers(app, learner_user):
    client = login(app.test_client(), learner_user)
    assert client.get("/training/duty").status_code == 403
    assert client.get("/training/records.csv").status_code == 403


def test_my_study_lists_records_and_hours(app, clock, learner, learner_user, lesson):
    learner.start()
    for _ in range(3):
        check = None
        for _beat in range(20):
            clock.advance(30)
            check = learner.beat().json["check"] or check
        learner.answer(check, PASSWORD)
    page = learner.client.get("/training/mine").get_data(as_text=True)
    assert lesson.thread.title in page and "0.5" in page


def test_a_unit_account_sees_only_its_units_learners(app, clock, lesson):
    unit, other = make_unit(), make_unit()
    ours = make_user(username="ours", unit_id=unit.id)
    theirs = make_user(username="theirs", unit_id=other.id)
    for user in (ours, theirs):
        Learner(login(app.test_client(), user), lesson).start()
    account = login(app.test_client(), make_user(username="unitacct", unit_id=unit.id, is_unit_account=True))
    page = account.get("/training/unit").get_data(as_text=True)
    assert "ours" in page and "theirs" not in page
    assert login(app.test_client(), ours).get("/training/unit").status_code == 403


def test_the_export_lists_records_by_unit_with_participation_and_defuses_formulas(app, clock, trainer, lesson):
    unit = make_unit(name="=HYPERLINK(1)镇")
    studier = make_user(username="studier", unit_id=unit.id, display_name="=cmd|x")
    make_user(username="idle", unit_id=unit.id)
    Learner(login(app.test_client(), studier), lesson).start()
    reply = login(app.test_client(), trainer).get("/training/records.csv")
    assert reply.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(reply.get_data(as_text=True).lstrip("\ufeff"))))
    assert rows[1][:3] == ["'=HYPERLINK(1)镇", "studier", "'=cmd|x"]
    assert ["'=HYPERLINK(1)镇", "2", "1", "50", "0"] in rows
    summary = login(app.test_client(), trainer).get("/training/records").get_data(as_text=True)
    assert "50%" in summary


def test_a_lessons_video_audio_and_pdf_play_or_open_in_the_study_page(app, training_board, trainer, learner_user):
    from forum.attachments.services import prepare_attachments
    from forum.boards.services import create_thread
    from forum.training.lessons import save_lesson
    from tests.attachments import samples
    from tests.attachments.test_files import MP3, MP4

    files = prepare_attachments(trainer, training_board, [
        samples.upload(MP4, "党课.mp4"), samples.upload(MP3, "讲话.mp3"), samples.upload(samples.PDF, "党章.pdf")])
    thread = create_thread(training_board, trainer, "视频党课", "请观看视频。", files)
    save_lesson(thread, 15, 60, "", "")
    page = login(app.test_client(), learner_user).get(f"/study/{thread.id}").get_data(as_text=True)
    assert page.count("<video controls") == 1 and page.count("<audio controls") == 1
    assert "党章.pdf" in page


def test_a_quiz_deadline_is_entered_and_shown_in_beijing_time(app, training_board, trainer):
    from datetime import datetime

    from forum.models import Lesson
    from tests.factories import make_thread

    thread = make_thread(board=training_board, author=trainer, title="学习二十大精神")
    client = login(app.test_client(), trainer)
    reply = post_form(client, f"/t/{thread.id}/lesson", {"minutes": "30", "pass_mark": "60",
                                                         "closes_at": "2026-12-10T18:00"})
    assert reply.status_code == 302
    assert db.session.scalar(db.select(Lesson.quiz_closes_at)) == datetime(2026, 12, 10, 10, 0)
    form = client.get(f"/t/{thread.id}/lesson").get_data(as_text=True)
    assert 'value="2026-12-10T18:00"' in form and "UTC" not in form


def test_the_lesson_box_and_the_centres_figures_come_after_the_breadcrumb(app, learner_user, lesson):
    client = login(app.test_client(), learner_user)
    for path, box in ((f"/t/{lesson.thread_id}", '<section class="lesson-box"'),
                      ("/b/training", '<section class="lesson-box centre"')):
        page = client.get(path).get_data(as_text=True)
        assert page.index('class="crumbs"') < page.index("<h1") < page.index(box), path
