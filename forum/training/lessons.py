"""Publishing lessons (their minutes, quiz and check questions) and taking quizzes."""
from flask_babel import gettext as _
from sqlalchemy import update

from forum.boards.services import check_not_archived
from forum.extensions import db
from forum.models import CheckQuestion, Lesson, QuizQuestion, StudyRecord
from forum.service import Refused, commit
from forum.training import clock
from forum.training.studying import complete_if_done, study_record

MAX_ATTEMPTS = 2  # the first try and one resit


def lesson_of(thread):
    """The lesson a thread is, or None."""
    return db.session.execute(db.select(Lesson).filter_by(thread_id=thread.id)).scalar_one_or_none()


def save_lesson(thread, minutes, pass_mark, quiz_text, checks_text, closes_at=None):
    """Make a thread a lesson, or change it; the quiz and checks are replaced whole."""
    check_not_archived(thread.board)
    questions = parse_quiz(quiz_text)
    checks = parse_checks(checks_text)
    if not 1 <= minutes <= 600:
        raise Refused(_("Study minutes must be between 1 and 600."), field="minutes")
    if not 1 <= pass_mark <= 100:
        raise Refused(_("The pass mark is a percentage from 1 to 100."), field="pass_mark")
    lesson = lesson_of(thread) or Lesson(thread_id=thread.id, created_at=clock.now())
    lesson.required_seconds = minutes * 60
    lesson.pass_mark = pass_mark
    lesson.quiz_closes_at = closes_at
    lesson.questions = [QuizQuestion(position=n, **q) for n, q in enumerate(questions)]
    lesson.checks = [CheckQuestion(text=text, answer=answer) for text, answer in checks]
    db.session.add(lesson)
    commit()
    return lesson


def parse_quiz(text):
    """Questions from lines: `? question`, then `* right choice` and `- wrong choice`."""
    questions = []
    for number, raw in enumerate((text or "").splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        mark, body = line[0], line[1:].strip()
        if mark in "?？" and body:
            questions.append({"text": body[:500], "choices": [], "answer": []})
        elif mark in "*-" and body and questions:
            question = questions[-1]
            if mark == "*":
                question["answer"].append(len(question["choices"]))
            question["choices"].append(body[:200])
        else:
            raise Refused(_("Quiz line %(n)s: start a question with ?, a right choice with * and a wrong one with -.", n=number), field="quiz")
    for question in questions:
        if len(question["choices"]) < 2 or not question["answer"]:
            raise Refused(_("Quiz question “%(q)s” needs at least two choices and one right choice.", q=question["text"]), field="quiz")
    return questions


def parse_checks(text):
    """Check questions from lines `question = answer`."""
    checks = []
    for number, raw in enumerate((text or "").splitlines(), 1):
        if not raw.strip():
            continue
        question, sep, answer = raw.rpartition("=")
        if not sep or not question.strip() or not answer.strip():
            raise Refused(_("Check line %(n)s: write “question = answer”.", n=number), field="checks")
        checks.append((question.strip()[:300], answer.strip()[:100]))
    return checks


def submit_quiz(user, lesson, answers):
    """Score a quiz attempt: {question id: [choice indexes]}; one resit, none after passing."""
    check_not_archived(lesson.thread.board)
    record = study_record(user, lesson)
    now = clock.now()
    if not lesson.has_quiz:
        raise Refused(_("This lesson has no quiz."))
    if lesson.quiz_closes_at is not None and now > lesson.quiz_closes_at:
        raise Refused(_("The quiz closed at its deadline; answers are no longer accepted."))
    if record.quiz_passed:
        raise Refused(_("You have already passed this quiz."))
    if record.quiz_attempts >= MAX_ATTEMPTS:
        raise Refused(_("You have used the quiz and its one resit."))
    right = sum(sorted(answers.get(q.id, [])) == sorted(q.answer) for q in lesson.questions)
    score = round(100 * right / len(lesson.questions))
    # One conditional UPDATE claims the attempt: of parallel hand-ins, one is scored.
    won = db.session.execute(
        update(StudyRecord).where(StudyRecord.id == record.id, StudyRecord.quiz_passed.is_(False),
                                  StudyRecord.quiz_attempts == record.quiz_attempts)
        .values(quiz_attempts=StudyRecord.quiz_attempts + 1, quiz_score=score,
                quiz_passed=score >= lesson.pass_mark)
        .execution_options(synchronize_session=False)).rowcount == 1
    if not won:
        db.session.rollback()
        raise Refused(_("This quiz was handed in more than once at the same moment; only one hand-in was scored."))
    db.session.refresh(record)
    complete_if_done(record, now)
    commit()
    return record
