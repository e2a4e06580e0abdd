from tests.conftest import login, post_form
from tests.factories import make_thread, make_user


def test_index_renders_seeded_boards(client, seeded):
    page = client.get("/").get_data(as_text=True)
    assert "城关镇" in page and "县委书记信箱" in page


def test_member_starts_thread_and_replies(member_client, board):
    response = post_form(member_client, f"/b/{board.slug}/new", {"title": "标题", "body": "内容"})
    assert response.status_code == 302
    thread_url = response.headers["Location"]
    response = post_form(member_client, thread_url + "/reply", {"body": "回复"})
    assert response.status_code == 302
    page = member_client.get(thread_url).get_data(as_text=True)
    assert "回复" in page
