"""Campaigns: targets, deadlines, progress; essays: length, copies, reviews; the centre's figures."""
from datetime import date

from bs4 import BeautifulSoup

from forum.extensions import db
from forum.models import Campaign, Essay, Notification
from tests.conftest import login, post_form
from tests.factories import make_unit, make_user
from tests.training.conftest import make_lesson

ESSAY = ("通过学习党章，我深刻认识到党员必须牢记全心全意为人民服务的根本宗旨，在工作中密切联系群众，"
         "坚持理论联系实际，做到讲党性、重品行、作表率。今后我将结合本职工作，认真履行党员义务，"
         "积极参加组织生活，不断提高自身素质，为织金县基层组织建设贡献力量。")
OTHER = ("这次学习活动让我对科学发展观有了更系统的理解。发展是第一要义，以人为本是核心，"
         "全面协调可持续是基本要求，统筹兼顾是根本方法。回到乡镇工作中，我要把这些要求落实到"
         "产业发展和民生改善上，多到群众家里走一走，听一听他们的意见和建议。")


def campaign_form(lesson, **overrides):
    form = {"title": "学习十七大精神", "description": "全县党员干部参加", "lessons": str(lesson.id),
            "target": "all", "people": "", "starts_on": "2026-11-01", "ends_on": "2026-12-31",
            "required_hours": "0.5", "essay_min_chars": "50", "essay_required": "y"}
    return {**form, **overrides}


def test_a_trainer_creates_a_campaign_and_verified_accounts_are_told(app, clock, training_board, trainer, lesson):
    verified, unverified = make_user(is_verified=True), make_user()
    client = login(app.test_client(), trainer)
    reply = post_form(client, f"/b/{training_board.slug}/campaigns/new", campaign_form(lesson))
    assert reply.status_code == 302, reply.get_data(as_text=True)
    told = db.session.execute(db.select(Notification.user_id).filter_by(kind="campaign_assigned")).scalars().all()
    assert verified.id in told and unverified.id not in told
    mine = login(app.test_client(), verified).get("/training/mine").get_data(as_text=True)
    assert "学习十七大精神" in mine and "2026-12-31" in mine


def test_a_campaign_for_chosen_units_reaches_only_their_people(app, clock, training_board, trainer, lesson):
    unit, other = make_unit(), make_unit()
    ours, theirs = make_user(unit_id=unit.id), make_user(unit_id=other.id, is_verified=True)
    client = login(app.test_client(), trainer)
    post_form(client, f"/b/{training_board.slug}/campaigns/new",
              campaign_form(lesson, target="units", units=str(unit.id)))
    campaign = db.session.execute(db.select(Campaign)).scalar_one()
    assert login(app.test_client(), ours).get(f"/training/campaigns/{campaign.id}/essay").status_code == 200
    assert login(app.test_client(), theirs).get(f"/training/campaigns/{campaign.id}/essay").status_code == 403


def test_bad_campaigns_are_refused_with_a_message(app, clock, training_board, trainer, lesson):
    client = login(app.test_client(), trainer)
    url = f"/b/{training_board.slug}/campaigns/new"
    for bad in ({"lessons": ""}, {"ends_on": "2026-10-01"}, {"target": "people", "people": "nobody"},
                {"target": "units"}):
        reply = post_form(client, url, campaign_form(lesson, **bad))
        assert reply.status_code == 200 and 'class="error"' in reply.get_data(as_text=True), bad
    assert db.session.execute(db.select(Campaign)).first() is None


def test_members_may_not_create_campaigns(app, training_board, learner_user):
    client = login(app.test_client(), learner_user)
    assert client.get(f"/b/{training_board.slug}/campaigns/new").status_code == 403


def make_campaign(app, board, trainer, lesson, **overrides):
    post_form(login(app.test_client(), trainer), f"/b/{board.slug}/campaigns/new", campaign_form(lesson, **overrides))
    return db.session.execute(db.select(Campaign).order_by(Campaign.id.desc())).scalars().first()


def hand_in(app, user, campaign, body, title="学习体会"):
    client = login(app.test_client(), user)
    return post_form(client, f"/training/campaigns/{campaign.id}/essay", {"title": title, "body": body})


def test_a_short_essay_is_refused(app, clock, training_board, trainer, lesson, learner_user):
    campaign = make_campaign(app, training_board, trainer, lesson)
    reply = hand_in(app, learner_user, campaign, "学习了，很好。")
    assert reply.status_code == 200 and "50" in reply.get_data(as_text=True)
    assert db.session.execute(db.select(Essay)).first() is None


def test_a_copied_essay_is_refused_and_a_similar_one_is_flagged_with_its_match(app, clock, training_board, trainer, lesson):
    campaign = make_campaign(app, training_board, trainer, lesson)
    first, copier, borrower = (make_user(is_verified=True) for _ in range(3))
    assert hand_in(app, first, campaign, ESSAY).status_code == 302
    refused = hand_in(app, copier, campaign, ESSAY.replace("，", "。"))
    assert refused.status_code == 200
    assert hand_in(app, borrower, campaign, ESSAY[:80] + OTHER[:50]).status_code == 302
    flagged = db.session.execute(db.select(Essay).filter_by(user_id=borrower.id)).scalar_one()
    assert flagged.similar_to.user_id == first.id and 50 <= flagged.similarity < 90
    page = login(app.test_client(), trainer).get(f"/training/campaigns/{campaign.id}/essays")
    assert "similar" in page.get_data(as_text=True)


def test_an_essay_after_the_campaign_ended_or_twice_is_refused(app, clock, training_board, trainer, lesson, learner_user):
    campaign = make_campaign(app, training_board, trainer, lesson)
    assert hand_in(app, learner_user, campaign, ESSAY).status_code == 302
    assert hand_in(app, learner_user, campaign, OTHER).status_code == 200
    ended = make_campaign(app, training_board, trainer, lesson, starts_on="2026-01-01", ends_on="2026-02-01")
    assert hand_in(app, learner_user, ended, OTHER).status_code == 200
    assert db.session.execute(db.select(db.func.count(Essay.id))).scalar_one() == 1


def test_a_reviewed_excellent_essay_shows_on_the_campaign_page(app, clock, training_board, trainer, lesson, learner_user):
    campaign = make_campaign(app, training_board, trainer, lesson)
    hand_in(app, learner_user, campaign, ESSAY, title="牢记宗旨")
    essay = db.session.execute(db.select(Essay)).scalar_one()
    officer = login(app.test_client(), trainer)
    assert post_form(officer, f"/training/essays/{essay.id}/review",
                     {"grade": "A", "comment": "写得实在", "excellent": "y"}).status_code == 302
    assert db.session.execute(db.select(Notification).filter_by(kind="essay_reviewed")).scalar_one()
    page = app.test_client().get(f"/training/campaigns/{campaign.id}").get_data(as_text=True)
    assert "牢记宗旨" in page and "全心全意" in page


def test_the_centre_shows_live_figures_and_the_current_campaigns_bars(app, clock, training_board, trainer, lesson):
    from forum.boards.services import reply
    from tests.training.conftest import Learner

    unit = make_unit(name="八步镇")
    learner = make_user(unit_id=unit.id, is_verified=True)
    make_user(unit_id=unit.id, is_verified=True)
    make_campaign(app, training_board, trainer, lesson)
    Learner(login(app.test_client(), learner), lesson).start()
    reply(lesson.thread, learner, "学习了，受益匪浅")
    page = app.test_client().get(f"/b/{training_board.slug}").get_data(as_text=True)
    for figure in ("1", "1", "1", "0"):
        assert figure in page
    assert "八步镇" in page and "0%" in page


def test_progress_counts_completed_lessons_hours(app, clock, training_board, trainer):
    from forum.models import StudyRecord
    from forum.training.campaigns import progress

    lesson = make_lesson(training_board, trainer, minutes=30)
    learner = make_user(is_verified=True)
    campaign = make_campaign(app, training_board, trainer, lesson, required_hours="1", essay_required="")
    db.session.add(StudyRecord(user_id=learner.id, lesson_id=lesson.id, effective_seconds=1800,
                               completed_at=clock.at))
    db.session.commit()
    assert progress(campaign, learner)["hours"] == 1.0 and progress(campaign, learner)["done"]
    assert campaign.ends_on == date(2026, 12, 31)


def test_a_campaigns_export_holds_its_lessons_records_and_its_units_rates(app, clock, training_board, trainer, lesson):
    import csv
    import io

    from forum.training.studying import start_session

    unit = make_unit(name="猫场镇")
    learner = make_user(unit_id=unit.id, is_verified=True)
    make_user(unit_id=unit.id, is_verified=True)
    outside = make_lesson(training_board, trainer, title="不在活动中的课")
    campaign = make_campaign(app, training_board, trainer, lesson)
    start_session(learner, lesson)
    start_session(make_user(unit_id=unit.id), outside)
    reply = login(app.test_client(), trainer).get(f"/training/records.csv?campaign={campaign.id}")
    rows = list(csv.reader(io.StringIO(reply.get_data(as_text=True).lstrip("\ufeff"))))
    lessons = {row[3] for row in rows[1:] if len(row) == 10}
    assert lessons == {lesson.thread.title}
    assert ["猫场镇", "2", "0", "0"] in rows


def test_the_campaign_form_offers_units_as_checkboxes_grouped_by_kind(app, training_board, trainer, lesson):
    for name, kind in (("八步镇", "镇"), ("官寨苗族乡", "民族乡"), ("县委组织部", "党群")):
        make_unit(name=name, kind=kind)
    page = BeautifulSoup(login(app.test_client(), trainer).get(
        f"/b/{training_board.slug}/campaigns/new").get_data(as_text=True), "html.parser")
    assert not page.select("select[name=units]")
    groups = {group.summary.get_text(strip=True).split("（")[0]: [
        box.find_next_sibling("label").get_text() for box in group.select("input[name=units]")]
        for group in page.select("details.unit-group")}
    assert groups == {"镇": ["八步镇"], "民族乡": ["官寨苗族乡"], "党群": ["县委组织部"]}
    assert {box["value"] for box in page.select("input[name=groups]")} == {"townships", "departments", "everyone"}


def test_all_townships_and_one_department_make_the_campaigns_units(app, clock, training_board, trainer, lesson):
    towns = [make_unit(kind="镇"), make_unit(kind="民族乡")]
    department, other = make_unit(kind="党群"), make_unit(kind="政府")
    post_form(login(app.test_client(), trainer), f"/b/{training_board.slug}/campaigns/new",
              campaign_form(lesson, target="units", groups="townships", units=str(department.id)))
    campaign = db.session.execute(db.select(Campaign)).scalar_one()
    assert {u.id for u in campaign.units} == {towns[0].id, towns[1].id, department.id}
    assert other not in campaign.units
