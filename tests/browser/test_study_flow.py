"""A learner studies a short lesson to completion in Chromium: the page beats, a check
from the lesson's content is answered in the dialog, the quiz is passed; the record and
its hours show on 我的学习. The server's clock runs sixty times fast, so a minute of study
takes a second, and the page beats every second."""
import importlib.util
import time
from datetime import date, datetime, timedelta

import pytest
from playwright.sync_api import expect

from forum.boards.roles import grant
from forum.extensions import db
from forum.models import Campaign, Essay, StudyRecord, User
from forum.training import clock
from tests.browser.helpers import assert_fits_width, log_in, require_or_skip, screenshot
from tests.browser.test_accessibility import check_pages
from tests.factories import make_board, make_user
from tests.training.conftest import make_lesson

SPEED = 60


@pytest.fixture()
def fast_study(app, monkeypatch):
    started, base = time.monotonic(), datetime(2026, 11, 27, 8, 0)
    monkeypatch.setattr(clock, "now", lambda: base + timedelta(seconds=(time.monotonic() - started) * SPEED))
    for name, value in {"STUDY_BEAT_SECONDS": 1, "STUDY_CREDIT_CAP_SECONDS": 2 * SPEED,
                        "STUDY_CHECK_MIN_SECONDS": 90, "STUDY_CHECK_MAX_SECONDS": 90,
                        "STUDY_CHECK_WINDOW_SECONDS": 30 * SPEED,
                        "STUDY_IDLE_SECONDS": 60 * SPEED}.items():
        monkeypatch.setitem(app.config, name, value)


@pytest.fixture()
def lesson():
    board = make_board(type="training", slug="training", name="干部在线教育培训中心")
    trainer = make_user(username="trainer", is_verified=True)
    grant(trainer, board, "trainer")
    made = make_lesson(board, trainer, minutes=3, title="学习党章",
                       quiz="? 党的最高理想是什么？\n* 实现共产主义\n- 发家致富",
                       checks="党的根本宗旨是什么？ = 全心全意为人民服务")
    campaign = Campaign(board_id=board.id, title="学习十七大精神", target="all",
                        starts_on=date(2026, 11, 1), ends_on=date(2026, 12, 31), required_tenths=10,
                        created_by_id=trainer.id, lessons=[made], essay_required=True)
    db.session.add(campaign)
    db.session.flush()
    essay = Essay(user_id=trainer.id, campaign_id=campaign.id, title="体会", body="学习体会" * 20)
    db.session.add(essay)
    db.session.commit()
    ids = {"thread": made.thread_id, "campaign": campaign.id}
    db.session.remove()
    return ids


def answer_checks(page, minutes):
    """Answer each check the page asks until the counted minutes reach `minutes`. A check
    may follow another at once (the one that banks the completing time), so the dialog is
    not expected to stay closed in between."""
    dialog, counted = page.locator("#check-dialog"), page.locator("#study-counted")
    for _ in range(5):
        if counted.text_content() == str(minutes):
            return
        expect(dialog).to_be_visible(timeout=15_000)
        expect(page.locator("#check-prompt")).to_have_text("党的根本宗旨是什么？")
        page.locator("#check-answer").fill("全心全意为人民服务")
        page.locator("#check-form button[type=submit]").click()
        page.wait_for_function("""() => !document.getElementById("check-dialog").open
                                  || document.getElementById("check-answer").value === "" """)
        page.wait_for_timeout(1500)  # a beat or two (one a second) brings the new count
    expect(counted).to_have_text(str(minutes))


def test_a_learner_studies_a_lesson_to_completion(new_page, fast_study, lesson, zh):
    learner = make_user(username="learner", is_verified=True)
    page = new_page("phone")
    log_in(page, learner)
    page.goto(f"/t/{lesson['thread']}")
    page.get_by_role("link", name=zh("Study this lesson")).click()
    expect(page.locator("#study-heading")).to_be_visible()
    assert_fits_width(page, "the study page")
    expect(page.locator("#check-dialog")).to_be_visible(timeout=15_000)
    screenshot(page, "study-check-phone", full_page=False)
    # The random check a minute and a half in, then the one that banks the completing time.
    answer_checks(page, 3)

    page.goto(f"/study/{lesson['thread']}/quiz")
    page.get_by_label("实现共产主义").check()
    page.get_by_role("button", name=zh("Hand in")).click()
    expect(page.locator(".flash-success")).to_have_text(zh("Your score is %(score)s: passed.", score=100))

    page.goto("/training/mine")
    screenshot(page, "study-mine-phone")
    expect(page.locator("main")).to_contain_text(zh("Credit hours earned: %(h)s", h=0.75))
    record = db.session.execute(db.select(StudyRecord)).scalar_one()
    assert record.completed_at is not None and record.checks_failed == 0
    assert record.checks_passed >= 2


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_training_pages_have_no_serious_accessibility_violations(device, new_page, fast_study, lesson):
    require_or_skip(importlib.util.find_spec("axe_playwright_python") is not None,
                    "axe-playwright-python is not installed")
    from axe_playwright_python.sync_playwright import Axe

    page = new_page(device)
    log_in(page, db.session.execute(db.select(User).filter_by(username="trainer")).scalar_one())
    thread = lesson["thread"]
    found = check_pages(Axe(), page, [f"/t/{thread}", f"/study/{thread}", f"/study/{thread}/quiz",
                                      f"/t/{thread}/lesson", "/training/duty", "/training/mine",
                                      "/training/records", "/b/training", "/b/training/campaigns/new",
                                      f"/training/campaigns/{lesson['campaign']}",
                                      f"/training/campaigns/{lesson['campaign']}/essay",
                                      f"/training/campaigns/{lesson['campaign']}/essays"], device)
    assert not found, "\n".join(found)
    for path in ("/b/training", f"/training/campaigns/{lesson['campaign']}", "/training/mine",
                 f"/training/campaigns/{lesson['campaign']}/essays"):
        page.goto(path)
        assert_fits_width(page, f"{path} ({device})")
        screenshot(page, f"training{path.replace('/', '-')}-{device}")
