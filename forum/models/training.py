"""The training centre: lessons, quizzes, study sessions, records and identity checks."""
from sqlalchemy import text

from forum.extensions import db
from forum.models.base import utcnow

CHECK_KINDS = ("question", "password", "duty")
OPEN = text("ended_at IS NULL")


def credit_hours(required_seconds, quiz_passed=False):
    """学时 for a lesson: 30 min or more = 1, 15–30 = 0.5, under 15 = 0.25; a passed quiz +0.5."""
    minutes = required_seconds / 60
    hours = 1.0 if minutes >= 30 else 0.5 if minutes >= 15 else 0.25
    return hours + (0.5 if quiz_passed else 0.0)


class Lesson(db.Model):
    """A thread of a training board whose first post is the material."""

    id = db.Column(db.Integer, primary_key=True)
    thread_id = db.Column(db.ForeignKey("thread.id"), nullable=False, unique=True)
    required_seconds = db.Column(db.Integer, nullable=False)
    pass_mark = db.Column(db.Integer, nullable=False, default=60)  # percent of the quiz
    quiz_closes_at = db.Column(db.DateTime, nullable=True)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)

    thread = db.relationship("Thread")
    questions = db.relationship("QuizQuestion", order_by="QuizQuestion.position",
                                cascade="all, delete-orphan")
    checks = db.relationship("CheckQuestion", order_by="CheckQuestion.id",
                             cascade="all, delete-orphan")

    @property
    def has_quiz(self):
        return bool(self.questions)

    @property
    def hours(self):
        """The hours the lesson is worth, a passed quiz included."""
        return credit_hours(self.required_seconds, self.has_quiz)


class QuizQuestion(db.Model):
    """A single or multiple choice question; `answer` lists the right choices' indexes."""

    id = db.Column(db.Integer, primary_key=True)
    lesson_id = db.Column(db.ForeignKey("lesson.id"), nullable=False, index=True)
    position = db.Column(db.Integer, nullable=False)
    text = db.Column(db.String(500), nullable=False)
    choices = db.Column(db.JSON, nullable=False)
    answer = db.Column(db.JSON, nullable=False)

    @property
    def multiple(self):
        return len(self.answer) > 1


class CheckQuestion(db.Model):
    """A question on the lesson's own content, asked at random while studying."""

    id = db.Column(db.Integer, primary_key=True)
    lesson_id = db.Column(db.ForeignKey("lesson.id"), nullable=False, index=True)
    text = db.Column(db.String(300), nullable=False)
    answer = db.Column(db.String(100), nullable=False)


class StudySession(db.Model):
    """One page studying one lesson; an account has at most one session not ended.

    `unchecked_seconds` is time earned since the last passed check: it moves into the
    record when a check is passed and is lost when one is failed or missed.
    """

    # One open session per account, held by the database: parallel starts cannot leave
    # two sessions earning at once.
    __table_args__ = (db.Index("uq_study_session_open_user", "user_id", unique=True,
                               sqlite_where=OPEN, postgresql_where=OPEN),)

    id = db.Column(db.Integer, primary_key=True)
    token = db.Column(db.String(64), nullable=False, unique=True)
    user_id = db.Column(db.ForeignKey("user.id"), nullable=False, index=True)
    lesson_id = db.Column(db.ForeignKey("lesson.id"), nullable=False, index=True)
    started_at = db.Column(db.DateTime, nullable=False)
    last_beat_at = db.Column(db.DateTime, nullable=False)
    last_seq = db.Column(db.Integer, nullable=False, default=0)
    last_check_at = db.Column(db.DateTime, nullable=False)
    next_check_at = db.Column(db.DateTime, nullable=False)
    last_activity_at = db.Column(db.DateTime, nullable=False)
    visible = db.Column(db.Boolean, nullable=False, default=True)
    focused = db.Column(db.Boolean, nullable=False, default=True)
    unchecked_seconds = db.Column(db.Integer, nullable=False, default=0)
    ended_at = db.Column(db.DateTime, nullable=True, index=True)
    end_reason = db.Column(db.String(20), nullable=True)

    user = db.relationship("User")
    lesson = db.relationship("Lesson")


class StudyRecord(db.Model):
    """One account's record of one lesson (一人一帐号、一号一记录)."""

    __table_args__ = (db.UniqueConstraint("user_id", "lesson_id"),)

    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.ForeignKey("user.id"), nullable=False, index=True)
    lesson_id = db.Column(db.ForeignKey("lesson.id"), nullable=False, index=True)
    effective_seconds = db.Column(db.Integer, nullable=False, default=0)
    sessions = db.Column(db.Integer, nullable=False, default=0)
    checks_passed = db.Column(db.Integer, nullable=False, default=0)
    checks_failed = db.Column(db.Integer, nullable=False, default=0)
    quiz_score = db.Column(db.Integer, nullable=True)
    quiz_attempts = db.Column(db.Integer, nullable=False, default=0)
    quiz_passed = db.Column(db.Boolean, nullable=False, default=False)
    completed_at = db.Column(db.DateTime, nullable=True)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)

    user = db.relationship("User")
    lesson = db.relationship("Lesson")

    @property
    def hours(self):
        """Hours earned: the lesson's hours once complete, else none."""
        if self.completed_at is None:
            return 0.0
        return credit_hours(self.lesson.required_seconds, self.quiz_passed)


class IdentityCheck(db.Model):
    """A question the learner must answer in the page before `due_at`."""

    id = db.Column(db.Integer, primary_key=True)
    session_id = db.Column(db.ForeignKey("study_session.id"), nullable=False, index=True)
    record_id = db.Column(db.ForeignKey("study_record.id"), nullable=False, index=True)
    kind = db.Column(db.String(10), nullable=False)
    # A lesson question is copied, so the trainer may rewrite the lesson's questions
    # while checks are open; without one the learner re-enters their password.
    prompt = db.Column(db.String(300), nullable=True)
    expected = db.Column(db.String(100), nullable=True)
    asked_by_id = db.Column(db.ForeignKey("user.id"), nullable=True)  # the duty officer
    asked_at = db.Column(db.DateTime, nullable=False)
    due_at = db.Column(db.DateTime, nullable=False)
    answered_at = db.Column(db.DateTime, nullable=True)
    passed = db.Column(db.Boolean, nullable=True)  # None while open

    asked_by = db.relationship("User")
    session = db.relationship("StudySession")
