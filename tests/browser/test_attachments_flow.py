"""A member pastes a picture into a reply and sees it inline once posted; uploads avatar;
the account and thread pages with files pass axe, desktop and 360 px."""
import base64
import re

import pytest
from playwright.sync_api import expect

from forum.attachments.avatars import set_avatar
from forum.attachments.services import prepare_attachments
from forum.boards.services import reply
from tests.attachments import samples
from tests.browser.helpers import assert_fits_width, log_in, screenshot
from tests.browser.test_accessibility import blocking_violations
from tests.factories import make_board, make_thread, make_user

SUBMIT = "button[name=submit], input[name=submit]"

# A paste as a browser makes it: a ClipboardEvent whose DataTransfer holds a PNG file.
PASTE_PNG = """(b64) => {
  const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
  const data = new DataTransfer();
  data.items.add(new File([bytes], "粘贴.png", {type: "image/png"}));
  const paste = new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true});
  document.querySelector("#body").dispatchEvent(paste);
}"""


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_a_pasted_image_shows_inline_in_the_posted_reply(device, new_page, zh):
    page = new_page(device)
    author = make_user()
    thread = make_thread(board=make_board(), author=author)
    log_in(page, author)
    page.goto(f"/t/{thread.id}/reply")
    if device == "phone":
        assert_fits_width(page, "the reply page with its file input")
    page.locator("#body").fill("现场照片如下：")
    png = base64.b64encode(samples.image_bytes(size=(120, 80), color=(20, 120, 220))).decode()
    page.evaluate(PASTE_PNG, png)
    expect(page.locator(".upload-status")).to_have_text(zh("Uploaded."))
    expect(page.locator(".attachment-list li")).to_have_text("粘贴.png")
    expect(page.locator("#body")).to_have_value(
        re.compile(r"现场照片如下：\n\[!\[粘贴\.png\]\(/a/([\w-]{32})/thumb\)\]\(/a/\1\)\n$"))
    page.locator(SUBMIT).first.click()

    image = page.locator("article.post .post-body a[href^='/a/'] img[src$='/thumb']")
    expect(image).to_have_count(1)
    expect(image).to_be_visible()
    assert page.evaluate("img => img.naturalWidth", image.element_handle()) == 120
    # Shown in the text already, so not a second time in the list under the post.
    expect(page.locator("article.post .post-files img[src$='/thumb']")).to_have_count(0)
    screenshot(page, f"pasted-image-{device}")


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_a_file_is_removed_from_a_saved_post_on_its_edit_page(device, new_page, zh):
    author = make_user()
    thread = make_thread(board=make_board(), author=author)
    files = [samples.upload(samples.PDF, "旧通知.pdf"), samples.upload(samples.PDF, "新通知.pdf")]
    post = reply(thread, author, "见附件", attachments=prepare_attachments(author, thread.board, files))
    page = new_page(device)
    log_in(page, author)
    page.goto(f"/p/{post.id}/edit")
    assert_fits_width(page, "the edit page with its files")
    page.get_by_label(zh("Remove %(name)s", name="旧通知.pdf")).check()
    page.locator(SUBMIT).first.click()
    expect(page.locator(".flash")).to_contain_text(zh("Your changes have been saved."))
    files_shown = page.locator(f"#p{post.id} .post-files")
    expect(files_shown).to_contain_text("新通知.pdf")
    expect(files_shown).not_to_contain_text("旧通知.pdf")


def test_a_refused_paste_says_why_and_adds_nothing(page, zh):
    author = make_user()
    thread = make_thread(board=make_board(), author=author)
    log_in(page, author)
    page.goto(f"/t/{thread.id}/reply")
    svg = base64.b64encode(samples.SVG).decode()
    page.evaluate(PASTE_PNG, svg)  # an SVG dressed up as a PNG
    expect(page.locator(".upload-status")).to_have_class(re.compile("error"))
    expect(page.locator(".attachment-list li")).to_have_count(0)
    expect(page.locator("#body")).to_have_value("")


def test_the_avatar_is_uploaded_on_the_account_page_and_shown_on_the_profile(page, tmp_path):
    member = make_user()
    log_in(page, member)
    page.goto("/account")
    picture = tmp_path / "头像.png"
    picture.write_bytes(samples.image_bytes(size=(200, 100)))
    page.locator("#avatar").set_input_files(str(picture))
    page.locator(".avatar-form button.primary").click()
    expect(page.locator(".flash-success")).to_be_visible()
    page.goto(f"/u/{member.username}")
    expect(page.locator(".profile img.avatar")).to_have_attribute("src", re.compile(r"^/avatars/\d+/1-128\.webp$"))
    assert page.evaluate("() => document.querySelector('.profile img.avatar').naturalWidth") == 128


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_pages_with_files_and_avatars_pass_axe(device, new_page, axe):  # noqa: F811
    page = new_page(device)
    author = make_user()
    set_avatar(author, samples.upload(samples.image_bytes(), "a.png"))
    thread = make_thread(board=make_board(), author=author)
    files = [samples.upload(samples.image_bytes(), "图.png"), samples.upload(samples.PDF, "一个很长很长的文件名称用来检查窄屏换行.pdf")]
    post = reply(thread, author, "附件", attachments=prepare_attachments(author, thread.board, files))
    log_in(page, author)
    found = []
    for path in (f"/t/{thread.id}", "/account", f"/t/{thread.id}/reply", f"/p/{post.id}/edit"):
        page.goto(path)
        if device == "phone":
            assert_fits_width(page, path)
        report = blocking_violations(axe, page)
        if report:
            found.append(f"{path}:\n{report}")
    assert not found, "\n".join(found)
