"""The editor's live preview: one endpoint renders the text through forum.markup."""
import pytest

from tests.conftest import login, post_form
from tests.factories import make_board, make_thread
from tests.test_ratelimit import limited_workers


def test_the_preview_renders_markdown_as_a_post_and_drops_scripts(member_client):
    response = post_form(member_client, "/preview", {"body": "**加粗**\n\n<script>alert(1)</script>"})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "<strong>加粗</strong>" in html
    assert "<script" not in html


@pytest.mark.parametrize("length, message", [(0, "请填写内容"), (1, "帖子内容最多")])
def test_empty_or_too_long_text_gets_its_message_and_no_rendering(app, member_client, length, message):
    body = "字" * (app.config["BODY_MAX"] + length) if length else ""
    response = post_form(member_client, "/preview", {"body": body})
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)


def test_a_preview_without_the_forms_token_is_refused(member_client):
    response = member_client.post("/preview", data={"body": "**加粗**"})
    assert response.status_code == 400
    assert "<strong>" not in response.get_data(as_text=True)


def test_a_guest_is_sent_to_log_in(client):
    assert post_form(client, "/preview", {"body": "预览"}).status_code == 302


@pytest.mark.parametrize("page", ["new", "reply", "edit"])
def test_every_editor_has_the_live_panel_and_keeps_the_preview_button(member_client, member, page):
    board = make_board()
    thread = make_thread(board=board, author=member)
    path = {"new": f"/b/{board.slug}/new", "reply": f"/t/{thread.id}/reply",
            "edit": f"/p/{thread.last_post_id}/edit"}[page]
    html = member_client.get(path).get_data(as_text=True)
    assert 'data-url="/preview"' in html and 'aria-live="polite"' in html
    assert "live-preview.js" in html and 'name="preview"' in html


def test_previews_are_rate_limited(app, member, clock):  # one window: it ends on the minute
    with limited_workers(1) as (worker,):
        client = login(worker.test_client(), member)
        statuses = [post_form(client, "/preview", {"body": "预览"}).status_code for _ in range(31)]
    assert statuses == [200] * 30 + [429]
