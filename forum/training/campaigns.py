"""Campaigns (学习活动): who must study which lessons by when, and their essays."""
import re

from flask import url_for
from flask_babel import gettext as _
from sqlalchemy import func

from forum.boards.services import check_not_archived
from forum.extensions import db
from forum.models import Campaign, Essay, Lesson, StudyRecord, Thread, Unit, User
from forum.models.campaign import campaign_person, campaign_unit
from forum.models.training import credit_hours
from forum.notifications.service import notify
from forum.service import Refused, commit
from forum.training import clock
from forum.training.figures import count
from forum.unit_groups import unit_ids_in

FLAG_AT = 50  # percent of an essay's shingles found in an earlier one: flagged to the trainer
REFUSE_AT = 90  # percent that refuses it as copied
_NOT_TEXT = re.compile(r"[\W_]+")


def create_campaign(board, trainer, *, title, description, lesson_ids, target, unit_ids,
                    usernames, starts_on, ends_on, required_hours, essay_required, essay_min_chars,
                    groups=()):
    """Group lessons of board into a campaign and tell the people it targets."""
    check_not_archived(board)
    lessons = _lessons(board, lesson_ids)
    if ends_on < starts_on:
        raise Refused(_("The campaign cannot end before it starts."), field="ends_on")
    campaign = Campaign(board_id=board.id, title=title.strip(), description=description.strip(),
                        target=target, starts_on=starts_on, ends_on=ends_on,
                        required_tenths=round(required_hours * 10), essay_required=essay_required,
                        essay_min_chars=essay_min_chars, created_by_id=trainer.id, lessons=lessons,
                        created_at=clock.now())
    if target == "units":
        campaign.units = _units(unit_ids_in(groups, unit_ids))
    elif target == "people":
        campaign.people = _people(usernames)
    db.session.add(campaign)
    db.session.flush()
    notify(db.session.execute(_targeted(campaign, User.id)).scalars().all(), "campaign_assigned",
           actor=trainer, url=url_for("training.campaign", campaign_id=campaign.id),
           data={"title": campaign.title, "ends_on": campaign.ends_on.isoformat()})
    commit()
    return campaign


def _lessons(board, lesson_ids):
    lessons = db.session.execute(db.select(Lesson).join(Thread, Thread.id == Lesson.thread_id)
                                 .where(Thread.board_id == board.id, Lesson.id.in_(lesson_ids or [])))
    lessons = lessons.scalars().all()
    if not lessons:
        raise Refused(_("Choose at least one lesson of this training centre."), field="lessons")
    return lessons


def _units(unit_ids):
    units = db.session.execute(db.select(Unit).where(Unit.id.in_(unit_ids))).scalars().all()
    if not units:
        raise Refused(_("Choose the units the campaign is for."), field="units")
    return units


def _people(usernames):
    keys = {User.key_for(name) for name in re.split(r"[\s,，、]+", usernames or "") if name}
    people = db.session.execute(db.select(User).where(User.username_key.in_(keys),
                                                      User.deleted_at.is_(None))).scalars().all()
    unknown = keys - {person.username_key for person in people}
    if unknown:
        raise Refused(_("No such member: %(names)s", names="、".join(sorted(unknown))), field="people")
    if not people:
        raise Refused(_("Name the people the campaign is for."), field="people")
    return people


def _targeted(campaign, *columns):
    """A select of the campaign's target accounts."""
    query = db.select(*columns).where(User.deleted_at.is_(None), User.is_unit_account.is_(False))
    if campaign.target == "all":
        return query.where(User.is_verified.is_(True))
    if campaign.target == "units":
        return query.join(campaign_unit, campaign_unit.c.unit_id == User.unit_id).where(
            campaign_unit.c.campaign_id == campaign.id)
    return query.join(campaign_person, campaign_person.c.user_id == User.id).where(
        campaign_person.c.campaign_id == campaign.id)


def is_assigned(campaign, user):
    """Is the campaign meant for this account?"""
    return user.is_authenticated and db.session.execute(
        _targeted(campaign, User.id).where(User.id == user.id)).first() is not None


def assigned_campaigns(user):
    """Campaigns for the account, latest deadline first."""
    campaigns = db.session.execute(db.select(Campaign).order_by(Campaign.ends_on.desc())).scalars()
    return [c for c in campaigns if is_assigned(c, user)]


def current_campaign():
    """The campaign running today that ends first, or None."""
    today = clock.now().date()
    return db.session.execute(db.select(Campaign).where(
        Campaign.starts_on <= today, Campaign.ends_on >= today)
        .order_by(Campaign.ends_on, Campaign.id).limit(1)).scalar_one_or_none()


def progress(campaign, user):
    """The account's hours earned in the campaign's lessons, and its essay."""
    records = db.session.execute(db.select(StudyRecord).where(
        StudyRecord.user_id == user.id, StudyRecord.completed_at.is_not(None),
        StudyRecord.lesson_id.in_([lesson.id for lesson in campaign.lessons]))).scalars().all()
    hours = sum(credit_hours(r.lesson.required_seconds, r.quiz_passed) for r in records)
    essay = db.session.execute(db.select(Essay).filter_by(
        user_id=user.id, campaign_id=campaign.id)).scalar_one_or_none()
    done = hours >= campaign.required_hours and (essay is not None or not campaign.essay_required)
    return {"hours": hours, "lessons_done": len(records), "essay": essay, "done": done}


def unit_bars(campaign):
    """Per unit: targeted learners and those who completed a lesson of the campaign."""
    lesson_ids = [lesson.id for lesson in campaign.lessons]
    learners = dict(db.session.execute(
        _targeted(campaign, User.unit_id, func.count(User.id)).where(User.unit_id.is_not(None))
        .group_by(User.unit_id)).all())
    studied = dict(db.session.execute(
        _targeted(campaign, User.unit_id, func.count(func.distinct(User.id)))
        .join(StudyRecord, StudyRecord.user_id == User.id)
        .where(StudyRecord.lesson_id.in_(lesson_ids), StudyRecord.completed_at.is_not(None))
        .group_by(User.unit_id)).all())
    units = db.session.execute(db.select(Unit).where(Unit.id.in_(learners))
                               .order_by(Unit.position, Unit.id)).scalars()
    return [{"unit": u.name, "learners": learners[u.id], "studied": studied.get(u.id, 0),
             "rate": round(100 * studied.get(u.id, 0) / learners[u.id])} for u in units]


def submit_essay(campaign, user, title, body):
    """Hand in the account's one essay for a campaign: long enough, in time, not copied."""
    check_not_archived(campaign.board)
    if not is_assigned(campaign, user):
        raise Refused(_("This campaign is not assigned to you."))
    if clock.now().date() > campaign.ends_on:
        raise Refused(_("The campaign has ended; essays are no longer accepted."))
    text = (body or "").strip()
    if len(_NOT_TEXT.sub("", text)) < campaign.essay_min_chars:
        raise Refused(_("An essay needs at least %(n)s characters of text.", n=campaign.essay_min_chars), field="body")
    if db.session.execute(db.select(Essay.id).filter_by(user_id=user.id, campaign_id=campaign.id)).first():
        raise Refused(_("You have already handed in your essay for this campaign."))
    match, percent = most_similar(text, exclude_user=user)
    if percent >= REFUSE_AT:
        raise Refused(_("This essay repeats an essay handed in earlier. Write your own study essay."), field="body")
    essay = Essay(user_id=user.id, campaign_id=campaign.id, title=title.strip(), body=text,
                  created_at=clock.now(), similar_to_id=match.id if percent >= FLAG_AT else None,
                  similarity=percent if percent >= FLAG_AT else None)
    db.session.add(essay)
    count("essays")
    commit(on_conflict=Refused(_("You have already handed in your essay for this campaign.")))
    return essay


def shingles(text, size=3):
    """Overlapping runs of `size` characters, punctuation and spaces left out."""
    letters = _NOT_TEXT.sub("", text.casefold())
    return {letters[i:i + size] for i in range(max(1, len(letters) - size + 1))}


def most_similar(text, exclude_user):
    """The earlier essay by someone else that holds most of this text, and the percent of
    this text's shingles found in it (containment: a copy padded with a few words of one's
    own still scores high, where Jaccard would let it pass)."""
    mine, best, score = shingles(text), None, 0
    others = db.session.execute(db.select(Essay).where(Essay.user_id != exclude_user.id)).scalars()
    for essay in others:
        theirs = shingles(essay.body)
        percent = round(100 * len(mine & theirs) / len(mine)) if mine else 0
        if percent > score:
            best, score = essay, percent
    return best, score


def review_essay(essay, trainer, grade, comment, excellent):
    """Grade an essay; excellent ones are shown on the campaign page."""
    check_not_archived(essay.campaign.board)
    essay.grade, essay.comment, essay.excellent = grade, (comment or "").strip() or None, excellent
    essay.reviewed_by_id, essay.reviewed_at = trainer.id, clock.now()
    notify([essay.user_id], "essay_reviewed", actor=trainer,
           url=url_for("training.campaign", campaign_id=essay.campaign_id),
           data={"title": essay.title, "grade": grade})
    commit()
