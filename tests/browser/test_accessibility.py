"""axe-core on the forum's pages, desktop and 360 px: no serious or critical violation.

axe-playwright-python ships axe.min.js inside its wheel (axe-core 4.12) and injects it with
page.evaluate, so nothing is fetched at run time and the pages' CSP is not loosened.
"""
import pytest
from playwright.sync_api import expect

from forum.boards.services import reply
from forum.extensions import db
from forum.models import Board, Post
from tests import factories
from tests.browser.helpers import log_in

BLOCKING = {"serious", "critical"}
BOARD_SLUG = "papers"  # 论文原创, a seeded discussion board


def blocking_violations(axe, page):
    """The serious and critical violations on the page, as a readable report ('' if none)."""
    results = axe.run(page)
    lines = []
    for violation in results.response["violations"]:
        if violation["impact"] not in BLOCKING:
            continue
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"]:
            lines.append(f"    {', '.join(map(str, node['target']))}: {node['html'][:200]}")
            for check in node.get("any", []) + node.get("all", []) + node.get("none", []):
                if check.get("message"):
                    lines.append(f"      * {check['message']}")
    return "\n".join(lines)


def check_pages(axe, page, paths, device):
    """Visit each path and collect the blocking violations of all of them."""
    found = []
    for path in paths:
        page.goto(path)
        expect(page.locator("main")).to_be_visible()
        report = blocking_violations(axe, page)
        if report:
            found.append(f"{path} ({device}):\n{report}")
    return found


@pytest.fixture()
def content(seeded):
    """A thread with a quote, a list and a link, and a reply by someone else (whose post
    the logged-in member sees with other actions than their own)."""
    author = factories.make_user(username="王支书")
    other = factories.make_user(username="李党员")
    board = db.session.execute(db.select(Board).filter_by(slug=BOARD_SLUG)).scalar_one()
    thread = factories.make_thread(
        board=board, author=author, title="三会一课记录",
        body="> 引用的内容\n\n**重点**：\n\n- 第一项\n- 第二项\n\n[县委组织部](https://example.org/)",
        replies=1)
    reply(thread, other, "收到，**马上落实**。")
    first = db.session.execute(
        db.select(Post.id).filter_by(thread_id=thread.id, number=1)).scalar_one()
    ids = {"thread": thread.id, "first_post": first, "username": author.username}
    db.session.remove()
    return ids


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_no_serious_violations(device, new_page, content, axe):
    page = new_page(device)
    thread = f"/t/{content['thread']}"
    found = check_pages(axe, page, ["/", f"/b/{BOARD_SLUG}", thread, "/login", "/register"],
                        f"{device}, visitor")

    # Logged in: the thread with its reply form and links, the quote and edit forms, and
    # the new-thread form, empty, with its errors shown, and with a preview.
    page.goto("/login")
    page.locator("#username").fill(content["username"])
    page.locator("#password").fill(factories.PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page.locator("nav.account .me")).to_have_text(content["username"])
    first = content["first_post"]
    found += check_pages(axe, page, [thread, f"{thread}/reply?quote={first}", f"/p/{first}/edit",
                                     f"/b/{BOARD_SLUG}/new", "/account", "/account/verify",
                                     "/account/password", f"/u/{content['username']}",
                                     f"/b/{BOARD_SLUG}", "/notifications"],
                         f"{device}, member")

    page.goto(f"/b/{BOARD_SLUG}/new")
    page.locator("button[name=submit], input[name=submit]").click()  # empty: errors
    expect(page.locator(".field.has-error")).to_have_count(2)
    report = blocking_violations(axe, page)
    if report:
        found.append(f"new thread with errors ({device}):\n{report}")

    page.locator("#title").fill("预览")
    page.locator("#body").fill("**预览**内容")
    page.locator("button[name=preview], input[name=preview]").click()
    expect(page.locator("section.preview strong")).to_have_text("预览")
    report = blocking_violations(axe, page)
    if report:
        found.append(f"new thread with a preview ({device}):\n{report}")

    assert not found, "serious or critical accessibility violations:\n" + "\n".join(found)


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_no_serious_violations_on_the_staff_pages(device, new_page, content, axe):
    pages = {
        "system": ["/mod/", "/admin/", "/admin/boards", "/admin/settings", "/admin/words",
                   f"/b/{BOARD_SLUG}/manage", f"/t/{content['thread']}"],
        "security": ["/admin/verifications", "/admin/users?q=王", "/admin/roles", "/admin/bans"],
        "audit": ["/mod/log", "/mod/log?kind=security"],
    }
    found = []
    for role, paths in pages.items():
        staff = factories.make_user(username=f"{role}管理员", admin_role=role)
        page = new_page(device)
        log_in(page, staff)
        found += check_pages(axe, page, paths, f"{device}, {role} admin")
    assert not found, "serious or critical accessibility violations:\n" + "\n".join(found)
