"""Members' board index: the part every reader sees alike is kept a few seconds."""
from forum import fragments
from forum.boards.services import reply
from tests.conftest import login, post_form
from tests.factories import make_thread, make_user


def test_a_second_members_index_runs_none_of_the_board_lists_statements(caching_app, count_queries):
    make_thread(title="三会一课")
    first, second = (login(caching_app.test_client(), make_user()) for _ in range(2))
    with caching_app.app_context(), count_queries() as rendered:  # counts that app's engine
        first.get("/")
    with caching_app.app_context(), count_queries() as kept:
        page = second.get("/").get_data(as_text=True)
    assert "三会一课" in page
    assert len(kept) < len(rendered) and not any("FROM category" in q for q in kept.statements)


def test_each_member_sees_the_shared_list_under_their_own_header(caching_app):
    make_thread(title="三会一课")
    ann, bob = make_user(username="ann"), make_user(username="bob")
    ann_page = login(caching_app.test_client(), ann).get("/").get_data(as_text=True)
    bob_page = login(caching_app.test_client(), bob).get("/").get_data(as_text=True)
    assert "三会一课" in ann_page and "三会一课" in bob_page
    assert '<a class="me" href="/account">ann</a>' in ann_page
    assert '<a class="me" href="/account">bob</a>' in bob_page


def test_a_member_sees_a_new_post_on_the_index_once_the_fragment_expires(caching_app, member, monkeypatch):
    thread = make_thread(title="三会一课")
    reader = login(caching_app.test_client(), member)
    reader.get("/")
    reply(thread, member, "新的回复")
    now = fragments.time.monotonic()
    monkeypatch.setattr(fragments.time, "monotonic", lambda: now + 61)
    assert member.name in reader.get("/").get_data(as_text=True).split("<main")[1]


def test_the_kept_list_is_kept_per_language(caching_app, member):
    make_thread()
    reader = login(caching_app.test_client(), member)
    chinese = reader.get("/").get_data(as_text=True)
    reader.post("/lang/en", data={"next": "/"})
    english = reader.get("/").get_data(as_text=True)
    assert "帖子" in chinese.split("<main")[1] and "Posts" in english.split("<main")[1]


def test_a_members_new_post_marks_stay_theirs_in_the_shared_list(caching_app):
    thread = make_thread(title="三会一课")
    ann, bob = make_user(username="ann"), make_user(username="bob")
    reply(thread, thread.author, "新的回复")
    ann_client, bob_client = (login(caching_app.test_client(), u) for u in (ann, bob))
    ann_client.get(f"/t/{thread.id}")  # ann reads it; bob has not
    bob_page = bob_client.get("/").get_data(as_text=True)
    ann_page = ann_client.get("/").get_data(as_text=True)
    assert 'class="new-mark"' in bob_page and 'class="new-mark"' not in ann_page


def test_a_board_a_member_marked_read_loses_its_new_post_mark_on_the_index(caching_app):
    thread = make_thread(title="三会一课")
    cal = make_user(username="cal")
    reply(thread, thread.author, "新的回复")
    cal_client = login(caching_app.test_client(), cal)
    assert 'class="new-mark"' in cal_client.get("/").get_data(as_text=True)
    assert post_form(cal_client, f"/b/{thread.board.slug}/read", {}).status_code == 302
    assert 'class="new-mark"' not in cal_client.get("/").get_data(as_text=True)


# A board page's rows (forum/boards/thread_list.py)

def test_a_reply_is_listed_on_the_board_at_once_not_after_the_rows_expire(caching_app, member):
    thread = make_thread(title="三会一课")
    reader = login(caching_app.test_client(), member)
    path = f"/b/{thread.board.slug}"
    assert "<strong>0</strong>" in reader.get(path).get_data(as_text=True)
    reply(thread, thread.author, "新的回复")
    row = reader.get(path).get_data(as_text=True).split('class="threads"')[1]
    assert "<strong>1</strong>" in row  # the board's counters are in the rows' key


def test_a_members_new_post_marks_on_a_board_stay_theirs_in_the_shared_rows(caching_app):
    thread = make_thread(title="三会一课")
    ann, bob = make_user(username="ann"), make_user(username="bob")
    reply(thread, thread.author, "新的回复")
    ann_client, bob_client = (login(caching_app.test_client(), u) for u in (ann, bob))
    ann_client.get(f"/t/{thread.id}")  # ann reads it; bob has not
    path = f"/b/{thread.board.slug}"
    bob_page = bob_client.get(path).get_data(as_text=True)
    ann_page = ann_client.get(path).get_data(as_text=True)
    assert 'class="unread-mark"' in bob_page and 'thread-row unread' in bob_page
    assert 'class="unread-mark"' not in ann_page and 'thread-row unread' not in ann_page
    assert ann_page.count('class="thread-row') == bob_page.count('class="thread-row') == 1


def test_a_board_pages_kept_rows_are_kept_per_language(caching_app, member):
    thread = make_thread()
    reader = login(caching_app.test_client(), member)
    path = f"/b/{thread.board.slug}"
    chinese = reader.get(path).get_data(as_text=True).split('class="threads"')[1]
    reader.post("/lang/en", data={"next": "/"})
    english = reader.get(path).get_data(as_text=True).split('class="threads"')[1]
    assert "回复" in chinese and "Replies" in english


def test_a_flood_of_fresh_keys_is_not_kept_beyond_the_limit(caching_app, monkeypatch):
    monkeypatch.setattr(fragments, "_PURGE_AT", 3)
    with caching_app.test_request_context():
        for n in range(3):
            assert fragments.kept(("page", n), lambda n=n: n) == n
        assert fragments.kept(("page", 3), lambda: "built") == "built"  # answered, not kept
        assert ("page", 3) not in fragments._fragments and len(fragments._fragments) == 3


def test_lasting_values_are_kept_past_the_page_seconds_and_the_least_used_go_first(caching_app, monkeypatch):
    monkeypatch.setattr(fragments, "_LASTING", 2)
    with caching_app.test_request_context():
        for n in range(2):
            assert fragments.lasting(("hole", n), lambda n=n: n) == n
        now = fragments.time.monotonic()
        monkeypatch.setattr(fragments.time, "monotonic", lambda: now + 3600)
        assert fragments.lasting(("hole", 0), lambda: "built again") == 0  # and now most recent
        assert fragments.lasting(("hole", 2), lambda: 2) == 2  # pushes out ("hole", 1)
        assert fragments.lasting(("hole", 1), lambda: "built again") == "built again"
        assert fragments.lasting(("hole", 0), lambda: "built again") == "built again"  # pushed out by 1


def test_nothing_lasts_where_caching_is_off(app):
    with app.test_request_context():
        assert fragments.lasting(("hole", 0), lambda: 0) == 0
        assert fragments.lasting(("hole", 0), lambda: "built again") == "built again"
