"""The control panel in a real browser, at 1280 and 360 px: the security admin imports the
134 units' accounts from a CSV; the system admin makes a category and a mailbox in it that
takes guests' letters with a 10-day deadline; the unit logs in with its one-time password,
must change it, and appoints a handler; a guest's letter reaches that handler."""
from pathlib import Path

import pytest
from playwright.sync_api import expect

from forum import captcha
from tests.browser.helpers import assert_fits_width, log_in
from tests.browser.test_accessibility import blocking_violations
from tests.factories import make_unit, make_user

CAPTCHA_TEXT = "ACDEF"
NEW_PASSWORD = "Xin-Mima_2026"
SHOTS = Path("/tmp/panel-shots")


@pytest.fixture(autouse=True)
def known_captcha(monkeypatch):
    monkeypatch.setattr(captcha, "text_for", lambda challenge_id: CAPTCHA_TEXT)


@pytest.fixture()
def world():
    units = [make_unit(name=f"第{n}镇" if n > 1 else "县委组织部", kind="镇" if n > 1 else "党委部门",
                       slug=f"town{n}") for n in range(1, 135)]
    clerk = make_user(username="组织部干事", unit_id=units[0].id, is_verified=True)
    admins = {role: make_user(username=f"{role}_admin", admin_role=role) for role in ("system", "security")}
    return units, clerk, admins


def shot(page, device, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{device}-{name}.png"), full_page=True)


def _import_units(page, units, device):
    csv = "单位,用户名,显示名\n" + "".join(f"{u.name},{u.slug}_zzb,{u.name}\n" for u in units)
    page.goto("/admin/users/import")
    page.locator("#file").set_input_files(files=[{"name": "units.csv", "mimeType": "text/csv",
                                                  "buffer": csv.encode("utf-8")}])
    # 134 accounts, each password hashed: seconds of work, more on a loaded machine.
    page.locator("main form button[type=submit]").click(no_wait_after=True)
    expect(page.locator("#initial-passwords tbody tr")).to_have_count(134, timeout=60_000)
    assert_fits_width(page, "the initial passwords")
    shot(page, device, "initial-passwords")
    row = page.locator("#initial-passwords tbody tr", has_text="town1_zzb")
    return row.locator(".initial-password").inner_text()


def _make_mailbox(page, zh, device):
    page.goto("/admin/categories")
    page.locator("#name").fill("信箱专区")
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".flash")).to_contain_text(zh("The category has been added."))
    page.goto("/admin/boards/new")
    page.locator("#name").fill("组织部信箱")
    page.locator("#slug").fill("zzbbox")
    page.locator("#type").select_option("mailbox")
    page.locator("#category_id").select_option(label="信箱专区")
    page.locator("#unit_id").select_option(label="县委组织部")
    assert_fits_width(page, "the new board form")
    shot(page, device, "new-board")
    page.locator("main form button[type=submit]").click()
    page.locator("#guests").check()
    page.locator("#deadline_days").fill("10")
    assert_fits_width(page, "the mailbox settings")
    shot(page, device, "mailbox-settings")
    page.locator("main form.post-form button[type=submit]").first.click()
    expect(page.locator(".flash")).to_contain_text(zh("The board's settings have been saved."))
    expect(page.locator("#deadline_days")).to_have_value("10")


def _unit_appoints_handler(page, zh, password, device):
    page.goto("/login")
    page.locator("#username").fill("town1_zzb")
    page.locator("#password").fill(password)
    page.locator("main form button[type=submit]").click()
    page.goto("/b/zzbbox/manage")
    assert page.url.endswith("/account/password")
    shot(page, device, "must-change-password")
    page.locator("#current").fill(password)
    page.locator("#password").fill(NEW_PASSWORD)
    page.locator("#confirm").fill(NEW_PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.goto("/b/zzbbox")
    expect(page.locator("main .notice")).to_contain_text(
        zh("%(box)s has no handler: its letters are read by nobody.", box="组织部信箱"))
    page.goto("/b/zzbbox/manage")
    page.locator("#handler-username").fill("组织部干事")
    page.get_by_role("button", name=zh("Appoint %(role)s", role=zh("Mailbox handler"))).click()
    expect(page.locator(".flash")).to_contain_text("组织部干事")
    assert_fits_width(page, "the box's manage page")
    shot(page, device, "handler-appointed")


def _guest_writes(page):
    page.goto("/b/zzbbox/new")
    page.locator("#kind").select_option("complain")
    page.locator("#title").fill("入党材料何时审核")
    page.locator("#body").fill("三个月前交的入党申请书还没有回音。")
    page.locator("#consent").check()
    page.locator("#captcha").fill(CAPTCHA_TEXT)
    page.locator("#submit").click()
    expect(page.locator("#query-code")).to_be_visible()


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_units_are_imported_a_mailbox_made_staffed_and_a_guest_letter_reaches_its_handler(
        new_page, zh, world, device):
    units, clerk, admins = world
    security = new_page(device)
    log_in(security, admins["security"])
    password = _import_units(security, units, device)

    system = new_page(device)
    log_in(system, admins["system"])
    _make_mailbox(system, zh, device)
    system.goto("/admin/")
    expect(system.locator("main .notice", has_text="组织部信箱")).to_be_visible()
    shot(system, device, "admin-home")

    _unit_appoints_handler(new_page(device), zh, password, device)
    _guest_writes(new_page(device))

    handler = new_page(device)
    log_in(handler, clerk)
    handler.goto("/mod/")
    expect(handler.get_by_role("link", name="入党材料何时审核")).to_be_visible()
    shot(handler, device, "handler-queue")


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_the_control_panel_pages_pass_axe(new_page, world, axe, device):
    _units, _clerk, admins = world
    for role, paths in {"system": ["/admin/", "/admin/categories", "/admin/boards/new", "/admin/boards",
                                   "/admin/settings"],
                        "security": ["/admin/users", "/admin/users/new", "/admin/users/import"]}.items():
        page = new_page(device)
        log_in(page, admins[role])
        for path in paths:
            page.goto(path)
            assert not blocking_violations(axe, page), path
            assert_fits_width(page, path)
