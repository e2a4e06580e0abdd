"""Campaign pages: create, follow, hand in essays, review them."""
from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from forum.boards.loaders import get_board
from forum.extensions import db
from forum.feedback import show_refusal
from forum.access import Access, require
from forum.models import BoardTypeKey, Campaign, Essay, Lesson, Thread, Unit
from forum.permissions import access_for
from forum.training.access import is_trainer
from forum.service import Refused
from forum.training import bp
from forum.training.campaigns import (create_campaign, is_assigned, progress,
                                      review_essay, submit_essay, unit_bars)
from forum.training.forms import GRADES, CampaignForm, EssayForm, ReviewForm

bp.add_app_template_global(lambda code: GRADES.get(code, code), "grade_label")


def _campaign(campaign_id):
    campaign = db.get_or_404(Campaign, campaign_id)
    require(Access.VIEW, access_for(current_user, campaign.board), private=True)
    return campaign


def _trained(campaign):
    if not is_trainer(current_user, campaign.board):
        abort(403)


@bp.route("/b/<slug>/campaigns/new", methods=["GET", "POST"])
@login_required
def new_campaign(slug):
    board = get_board(slug)
    if board.type != BoardTypeKey.TRAINING or not is_trainer(current_user, board):
        abort(403)
    form = CampaignForm()
    form.lessons.choices = [tuple(row) for row in db.session.execute(
        db.select(Lesson.id, Thread.title).join(Thread, Thread.id == Lesson.thread_id)
        .where(Thread.board_id == board.id).order_by(Lesson.id))]
    form.units.choices = [tuple(row) for row in db.session.execute(
        db.select(Unit.id, Unit.name).order_by(Unit.position, Unit.id))]
    if form.validate_on_submit():
        try:
            campaign = create_campaign(
                board, current_user, title=form.title.data, description=form.description.data,
                lesson_ids=form.lessons.data, target=form.target.data, unit_ids=form.units.data,
                usernames=form.people.data, starts_on=form.starts_on.data, ends_on=form.ends_on.data,
                required_hours=float(form.required_hours.data), essay_required=form.essay_required.data,
                essay_min_chars=form.essay_min_chars.data)
        except Refused as refusal:
            show_refusal(form, refusal, default="title")
        else:
            flash(_("The campaign is created and its learners are told."), "success")
            return redirect(url_for("training.campaign", campaign_id=campaign.id))
    return render_template("training/new_campaign.html", board=board, form=form)


@bp.get("/training/campaigns/<int:campaign_id>")
def campaign(campaign_id):
    campaign = _campaign(campaign_id)
    excellent = db.session.execute(db.select(Essay).filter_by(campaign_id=campaign.id, excellent=True)
                                   .order_by(Essay.reviewed_at)).scalars().all()
    mine = progress(campaign, current_user) if is_assigned(campaign, current_user) else None
    return render_template("training/campaign.html", campaign=campaign, excellent=excellent,
                           mine=mine, bars=unit_bars(campaign),
                           trains=is_trainer(current_user, campaign.board))


@bp.route("/training/campaigns/<int:campaign_id>/essay", methods=["GET", "POST"])
@login_required
def essay(campaign_id):
    campaign = _campaign(campaign_id)
    if not is_assigned(campaign, current_user):
        abort(403)
    form = EssayForm()
    if form.validate_on_submit():
        try:
            submit_essay(campaign, current_user, form.title.data, form.body.data)
        except Refused as refusal:
            show_refusal(form, refusal, default="body")
        else:
            flash(_("Your essay is handed in."), "success")
            return redirect(url_for("training.campaign", campaign_id=campaign.id))
    return render_template("training/essay.html", campaign=campaign, form=form)


@bp.get("/training/campaigns/<int:campaign_id>/essays")
@login_required
def essays(campaign_id):
    campaign = _campaign(campaign_id)
    _trained(campaign)
    rows = db.session.execute(db.select(Essay).filter_by(campaign_id=campaign.id)
                              .order_by(Essay.created_at)).scalars().all()
    return render_template("training/essays.html", campaign=campaign, essays=rows, form=ReviewForm())


@bp.post("/training/essays/<int:essay_id>/review")
@login_required
def review(essay_id):
    essay = db.get_or_404(Essay, essay_id)
    _trained(_campaign(essay.campaign_id))
    form = ReviewForm()
    if form.validate_on_submit():
        review_essay(essay, current_user, form.grade.data, form.comment.data, form.excellent.data)
        flash(_("The review is saved."), "success")
    else:
        flash(_("Choose a grade from the list."), "error")
    return redirect(url_for("training.essays", campaign_id=essay.campaign_id) + f"#e{essay.id}")
