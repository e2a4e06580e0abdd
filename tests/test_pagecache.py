"""Guests' index, board and thread pages and /stats are served from a few seconds of cache."""
import pytest

from forum import pagecache
from forum.boards.services import reply
from forum.stats import view_counts
from tests.conftest import login
from tests.factories import make_thread


def test_a_guests_page_sets_no_cookie_and_is_served_again_without_sql(caching_app, count_queries):
    thread = make_thread(title="三会一课")
    guest = caching_app.test_client()
    with caching_app.app_context(), count_queries() as rendering:  # counts that app's engine
        first = guest.get(f"/b/{thread.board.slug}")
    assert "Set-Cookie" not in first.headers
    with caching_app.app_context(), count_queries() as queries:
        again = guest.get(f"/b/{thread.board.slug}")
    assert again.get_data() == first.get_data() and len(queries) == 0 < len(rendering)


def test_a_guest_may_see_a_page_a_few_seconds_old_but_a_member_never_does(caching_app, member):
    thread = make_thread(title="三会一课")
    guest = caching_app.test_client()
    guest.get(f"/t/{thread.id}")
    reply(thread, member, "新的回复")
    assert "新的回复" not in guest.get(f"/t/{thread.id}").get_data(as_text=True)
    reader = login(caching_app.test_client(), member)
    assert "新的回复" in reader.get(f"/t/{thread.id}").get_data(as_text=True)


def test_a_cached_thread_page_still_counts_the_view(caching_app):
    thread = make_thread()
    guest = caching_app.test_client()
    for _ in range(3):
        guest.get(f"/t/{thread.id}")
    assert view_counts.pending(thread.id) == 3
    view_counts.flush()


def test_error_pages_and_other_languages_are_kept_apart(caching_app):
    thread = make_thread()
    guest = caching_app.test_client()
    chinese = guest.get(f"/t/{thread.id}").get_data(as_text=True)
    guest.post("/lang/en", data={"next": "/"})
    english = guest.get(f"/t/{thread.id}").get_data(as_text=True)
    assert 'lang="zh-CN"' in chinese and 'lang="en"' in english
    assert guest.get("/t/999999").status_code == 404
    assert guest.get("/t/999999").status_code == 404


@pytest.mark.parametrize("path", ["/", "/b/{board}", "/t/{thread}"])
def test_guests_pages_set_no_cookie(client, path):
    thread = make_thread()
    response = client.get(path.format(board=thread.board.slug, thread=thread.id))
    assert response.status_code == 200 and "Set-Cookie" not in response.headers


def test_a_guests_stats_page_is_kept_in_the_cache(caching_app):
    guest = caching_app.test_client()
    first = guest.get("/stats")
    assert [key for key in pagecache._pages if key[0].startswith("/stats")]
    assert guest.get("/stats").get_data() == first.get_data()
