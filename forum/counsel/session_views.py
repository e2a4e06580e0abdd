"""做客谈心室's pages: scheduling (counsellors), a session's page with its public Q&A and
the question form, and the host's answers. Unanswered questions show to the host alone."""
from flask import redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from forum.access import Access
from forum.counsel import bp, queries
from forum.counsel.access import counsellors, is_counsellor
from forum.counsel.forms import (AnswerForm, QuestionForm, SessionForm, chosen_id,
                                 counsellor_choices)
from forum.counsel.loaders import load_question, load_room, load_session
from forum.counsel.sessions import (answer_question, ask_question, is_over,
                                    schedule_session, takes_questions)
from forum.dates import local_to_utc
from forum.extensions import limiter
from forum.feedback import attempt, flash_outcome
from forum.security import no_store


@bp.route("/counsel/<slug>/sessions/new", methods=["GET", "POST"])
@login_required
def schedule(slug):
    """GET,POST: a counsellor schedules a hosted session."""
    board = load_room(slug, need=Access.HANDLE)
    form = SessionForm()
    form.host.choices = counsellor_choices(counsellors(board.id), _("Choose…"))
    if form.validate_on_submit() and (scheduled := attempt(form, lambda: schedule_session(
            board, current_user, title=form.title.data, host_id=chosen_id(form.host.data),
            starts_at=local_to_utc(form.starts_at.data), ends_at=local_to_utc(form.ends_at.data)),
            done=_("The session has been scheduled."))):
        return redirect(url_for("counsel.session", session_id=scheduled.value.id))
    return render_template("counsel/schedule.html", board=board, form=form)


@bp.route("/counsel/sessions/<int:session_id>", methods=["GET", "POST"])
@limiter.limit("30 per hour", methods=["POST"])
def session(session_id):
    """GET,POST: the session, its answered questions, and the question form."""
    session = load_session(session_id)
    form = QuestionForm()
    if current_user.is_authenticated and not current_user.is_banned and form.validate_on_submit() \
            and attempt(form, lambda: ask_question(session, current_user, form.body.data),
                        done=_("Your question has been sent to the host.")):
        return redirect(url_for("counsel.session", session_id=session.id))
    hosts = current_user.id == session.host_id and is_counsellor(current_user, session.board_id)
    page = render_template(
        "counsel/session.html", session=session, board=session.board, form=form,
        questions=queries.questions(session, answered_only=not hosts), hosts=hosts,
        answer_form=AnswerForm(), open=takes_questions(session), over=is_over(session))
    return no_store(page) if hosts or form.errors else page


@bp.post("/counsel/questions/<int:question_id>/answer")
@login_required
def answer(question_id):
    """The host answers one question, which then shows publicly."""
    question = load_question(question_id)
    form = AnswerForm()
    flash_outcome(form, lambda: answer_question(question, form.body.data),
                  _("The answer has been published."))
    return redirect(url_for("counsel.session", session_id=question.session_id,
                            _anchor=f"question-{question.id}"))
