"""Training centre pages and the studying API: load, check access, call one service."""
from flask import (abort, current_app, flash, jsonify, redirect, render_template, request,
                   url_for)
from flask_babel import gettext as _
from flask_login import current_user, login_required

from forum import hooks
from forum.csvfile import csv_download
from forum.dates import local_to_utc, utc_to_local
from forum.extensions import db
from forum.feedback import attempt, json_refusals
from forum.models import Campaign, Post, StudyRecord, StudySession
from forum.training.access import can_see_unit_records, is_duty_officer
from forum.training import bp, notices, records  # noqa: F401  (notices registers its kinds)
from forum.training.campaigns import assigned_campaigns, current_campaign, progress, unit_bars
from forum.training.figures import centre_figures
from forum.training.forms import ActionForm, LessonForm
from forum.training.lessons import lesson_of, save_lesson, submit_quiz
from forum.training.loaders import load_lesson, load_trained_thread
from forum.training.studying import answer_check, record_beat, send_duty_check, start_session
from forum.urls import int_arg, parse_int


@bp.get("/study/<int:thread_id>")
@login_required
def study(thread_id):
    lesson = load_lesson(thread_id)
    material = db.session.execute(db.select(Post).filter_by(thread_id=thread_id, number=1)).scalar_one()
    return render_template("training/study.html", lesson=lesson, thread=lesson.thread,
                           material=material, record=study_record_view(lesson),
                           beat_seconds=current_app.config["STUDY_BEAT_SECONDS"], form=ActionForm())


def study_record_view(lesson):
    """The learner's record, or None before they first study (a GET never writes)."""
    return db.session.execute(db.select(StudyRecord).filter_by(
        user_id=current_user.id, lesson_id=lesson.id)).scalar_one_or_none()


@bp.post("/study/<int:thread_id>/start")
@login_required
@json_refusals(409)
def start(thread_id):
    lesson = load_lesson(thread_id)
    session = start_session(current_user, lesson)
    return jsonify(ok=True, token=session.token, beat_seconds=current_app.config["STUDY_BEAT_SECONDS"])


@bp.post("/study/beat")
@login_required
@json_refusals(409)
def beat():
    data = request.get_json(silent=True) or {}
    result = record_beat(current_user, data.get("token"), data.get("seq"),
                         data.get("visible") is True, data.get("focused") is True,
                         data.get("active") is True)
    record, check = result.record, result.check
    return jsonify(ok=True, credited=result.credited, effective_seconds=record.effective_seconds,
                   pending_seconds=result.session.unchecked_seconds,
                   required_seconds=result.lesson.required_seconds,
                   completed=record.completed_at is not None, notes=result.notes,
                   check=_check_json(check) if check else None)


def _check_json(check):
    if check.prompt is not None:
        prompt = check.prompt
    elif check.kind == "duty":
        prompt = _("A duty officer asks you to confirm who you are: enter your password.")
    else:
        prompt = _("To confirm it is you studying, enter your password.")
    return {"id": check.id, "prompt": prompt, "secret": check.expected is None,
            "url": url_for("training.check", check_id=check.id),
            "due_in": max(0, int((check.due_at - check.asked_at).total_seconds()))}


@bp.post("/study/checks/<int:check_id>")
@login_required
@json_refusals(409)
def check(check_id):
    data = request.get_json(silent=True) or {}
    passed = answer_check(current_user, check_id, data.get("token"), str(data.get("answer") or ""))
    message = (_("Thank you: the check is passed and your time is counted.") if passed
               else _("That answer is not right: the time since the last check was not counted."))
    return jsonify(ok=True, passed=passed, message=message)


@bp.route("/study/<int:thread_id>/quiz", methods=["GET", "POST"])
@login_required
def quiz(thread_id):
    lesson = load_lesson(thread_id)
    if not lesson.has_quiz:
        abort(404)
    form = ActionForm()
    if form.validate_on_submit():
        answers = {q.id: [n for n in map(parse_int, request.form.getlist(f"q{q.id}"))
                          if n is not None] for q in lesson.questions}
        scored = attempt(None, lambda: submit_quiz(current_user, lesson, answers))
        if scored:
            record = scored.value
            flash(_("Your score is %(score)s: passed.", score=record.quiz_score) if record.quiz_passed
                  else _("Your score is %(score)s: not passed.", score=record.quiz_score),
                  "success" if record.quiz_passed else "error")
        return redirect(url_for("training.quiz", thread_id=thread_id))
    return render_template("training/quiz.html", lesson=lesson, thread=lesson.thread, form=form,
                           record=study_record_view(lesson))


@bp.route("/t/<int:thread_id>/lesson", methods=["GET", "POST"])
@login_required
def lesson_settings(thread_id):
    thread = load_trained_thread(thread_id)
    lesson = lesson_of(thread)
    form = LessonForm(obj=None)
    if request.method == "GET" and lesson is not None:
        _fill(form, lesson)
    if form.validate_on_submit() and attempt(
            form, lambda: save_lesson(thread, form.minutes.data, form.pass_mark.data,
                                      form.quiz.data, form.checks.data,
                                      local_to_utc(form.closes_at.data)),
            default="minutes", done=_("The lesson is saved.")):
        return redirect(url_for("boards.thread", thread_id=thread.id))
    return render_template("training/lesson.html", thread=thread, form=form)


def _fill(form, lesson):
    form.minutes.data = lesson.required_seconds // 60
    form.pass_mark.data = lesson.pass_mark
    form.closes_at.data = utc_to_local(lesson.quiz_closes_at)
    form.quiz.data = "\n".join(
        "? " + q.text + "".join(f"\n{'*' if n in q.answer else '-'} {c}" for n, c in enumerate(q.choices))
        for q in lesson.questions)
    form.checks.data = "\n".join(f"{c.text} = {c.answer}" for c in lesson.checks)


@bp.get("/training/duty")
@login_required
def duty():
    if not is_duty_officer(current_user):
        abort(403)
    return render_template("training/duty.html", sessions=records.studying_now(), form=ActionForm())


@bp.post("/training/duty/<int:session_id>/check")
@login_required
def duty_check(session_id):
    if not is_duty_officer(current_user):
        abort(403)
    session = db.get_or_404(StudySession, session_id)
    if ActionForm().validate_on_submit():
        attempt(None, lambda: send_duty_check(current_user, session),
                done=_("The check is sent; %(name)s has two minutes to answer.", name=session.user.name))
    return redirect(url_for("training.duty"))


@bp.get("/training/mine")
@login_required
def mine():
    rows = records.records_of(current_user)
    campaigns = [(c, progress(c, current_user)) for c in assigned_campaigns(current_user)]
    return render_template("training/mine.html", records=rows, campaigns=campaigns,
                           failed=records.failed_checks([r.id for r in rows]),
                           hours=sum(r.hours for r in rows))


@bp.get("/training/unit")
@login_required
def unit():
    if not can_see_unit_records(current_user):
        abort(403)
    rows = records.unit_records(current_user.unit_id)
    return render_template("training/unit.html", records=rows, unit=current_user.unit,
                           failed=records.failed_checks([r.id for r in rows]))


@bp.get("/training/records")
@login_required
def summary():
    if not is_duty_officer(current_user):
        abort(403)
    return render_template("training/summary.html", units=records.unit_summary())


@bp.get("/training/records.csv")
@login_required
def export():
    if not is_duty_officer(current_user):
        abort(403)
    campaign_id = int_arg("campaign")
    campaign = db.get_or_404(Campaign, campaign_id) if campaign_id is not None else None
    name = f"campaign-{campaign.id}" if campaign else "training"
    return csv_download(f"{name}-records.csv", lambda writer: _write_records(writer, campaign))


def _write_records(writer, campaign):
    writer.writerow(["unit", "username", "name", "lesson", "effective_seconds", "checks_passed",
                     "checks_failed", "quiz_score", "completed_at_utc", "hours"])
    for r in records.export_rows([lesson.id for lesson in campaign.lessons] if campaign else None):
        writer.writerow([r.user.unit.name if r.user.unit else "", r.user.username, r.user.name,
                         r.lesson.thread.title, r.effective_seconds, r.checks_passed,
                         r.checks_failed, "" if r.quiz_score is None else r.quiz_score,
                         r.completed_at.isoformat() if r.completed_at else "", r.hours])
    writer.writerow([])
    _write_units(writer, campaign)


@hooks.section("stats")
def stats_section():
    """The training centres' four figures and the current campaign's participation by unit
    on /stats; also the CSV table "training_units"."""
    ids = records.centre_ids()
    if not ids:
        return None
    current = current_campaign()
    bars = unit_bars(current) if current else []
    campaign = current and {"id": current.id, "title": current.title,
                            "starts_on": current.starts_on.isoformat(),
                            "ends_on": current.ends_on.isoformat()}
    return "training/stats.html", {"figures": centre_figures(), "campaign": campaign,
                                   "units": bars, "tables": {"training_units": bars}}


def _write_units(writer, campaign):
    """参学率 and completion by unit: of the campaign's targets, or of every account."""
    if campaign is not None:
        writer.writerow(["unit", "learners", "completed_a_lesson", "participation_rate_percent"])
        for row in unit_bars(campaign):
            writer.writerow([row["unit"], row["learners"], row["studied"], row["rate"]])
        return
    writer.writerow(["unit", "learners", "participants", "participation_rate_percent", "completed"])
    for row in records.unit_summary():
        writer.writerow([row["unit"].name, row["learners"], row["participants"], row["rate"],
                         row["completed"]])
