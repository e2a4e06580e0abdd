"""Campaign pages: create, follow, hand in essays, review them."""
from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from forum.extensions import db
from forum.feedback import attempt
from forum.models import Essay, Lesson, Thread
from forum.training.access import is_trainer
from forum.training import bp
from forum.training.campaigns import (create_campaign, is_assigned, progress,
                                      review_essay, submit_essay, unit_bars)
from forum.training.forms import GRADES, CampaignForm, EssayForm, ReviewForm
from forum.training.loaders import load_campaign, load_essay, load_trained_board
from forum.unit_groups import grouped_choices

bp.add_app_template_global(lambda code: GRADES.get(code, code), "grade_label")


@bp.route("/b/<slug>/campaigns/new", methods=["GET", "POST"])
@login_required
def new_campaign(slug):
    board = load_trained_board(slug)
    form = CampaignForm()
    form.lessons.choices = [tuple(row) for row in db.session.execute(
        db.select(Lesson.id, Thread.title).join(Thread, Thread.id == Lesson.thread_id)
        .where(Thread.board_id == board.id).order_by(Lesson.id))]
    form.units.choices = grouped_choices()
    if form.validate_on_submit() and (created := attempt(
            form, lambda: _create(board, form), default="title",
            done=_("The campaign is created and its learners are told."))):
        return redirect(url_for("training.campaign", campaign_id=created.value.id))
    return render_template("training/new_campaign.html", board=board, form=form)


def _create(board, form):
    return create_campaign(
        board, current_user, title=form.title.data, description=form.description.data,
        lesson_ids=form.lessons.data, target=form.target.data, groups=form.groups.data,
        unit_ids=form.units.data,
        usernames=form.people.data, starts_on=form.starts_on.data, ends_on=form.ends_on.data,
        required_hours=float(form.required_hours.data), essay_required=form.essay_required.data,
        essay_min_chars=form.essay_min_chars.data)


@bp.get("/training/campaigns/<int:campaign_id>")
def campaign(campaign_id):
    campaign = load_campaign(campaign_id)
    excellent = db.session.execute(db.select(Essay).filter_by(campaign_id=campaign.id, excellent=True)
                                   .order_by(Essay.reviewed_at)).scalars().all()
    mine = progress(campaign, current_user) if is_assigned(campaign, current_user) else None
    return render_template("training/campaign.html", campaign=campaign, excellent=excellent,
                           mine=mine, bars=unit_bars(campaign),
                           trains=is_trainer(current_user, campaign.board))


@bp.route("/training/campaigns/<int:campaign_id>/essay", methods=["GET", "POST"])
@login_required
def essay(campaign_id):
    campaign = load_campaign(campaign_id)
    if not is_assigned(campaign, current_user):
        abort(403)
    form = EssayForm()
    if form.validate_on_submit() and attempt(
            form, lambda: submit_essay(campaign, current_user, form.title.data, form.body.data),
            default="body", done=_("Your essay is handed in.")):
        return redirect(url_for("training.campaign", campaign_id=campaign.id))
    return render_template("training/essay.html", campaign=campaign, form=form)


@bp.get("/training/campaigns/<int:campaign_id>/essays")
@login_required
def essays(campaign_id):
    campaign = load_campaign(campaign_id, trainer=True)
    rows = db.session.execute(db.select(Essay).filter_by(campaign_id=campaign.id)
                              .order_by(Essay.created_at)).scalars().all()
    return render_template("training/essays.html", campaign=campaign, essays=rows, form=ReviewForm())


@bp.post("/training/essays/<int:essay_id>/review")
@login_required
def review(essay_id):
    essay = load_essay(essay_id)
    form = ReviewForm()
    if form.validate_on_submit():
        attempt(None, lambda: review_essay(essay, current_user, form.grade.data, form.comment.data,
                                           form.excellent.data), done=_("The review is saved."))
    else:
        flash(_("Choose a grade from the list."), "error")
    return redirect(url_for("training.essays", campaign_id=essay.campaign_id) + f"#e{essay.id}")
