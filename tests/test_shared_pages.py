"""Members' pages built once and shared, with holes for what is the reader's own
(forum/shared_pages.py, forum/holes.py): each member still sees only their own things."""
import re

from forum.boards.registry import types_where
from forum.boards.roles import grant
from forum.boards.services import edit_post, reply
from forum.extensions import db
from forum.models import Post
from forum.moderation.bans import ban_user
from forum.notifications.service import notify
from forum.notifications.subscriptions import subscribe
from tests.conftest import login
from tests.factories import make_board, make_thread, make_user


def _report_tokens(page):
    return set(re.findall(r'action="/[^"]*/report">\s*<input type="hidden" name="csrf_token" value="([^"]+)"', page))


def _main(page):
    return page.split('<main id="main"')[1]


def _first_and_second_member(app, count_queries, path):
    """The statements of a first member's view of `path`, and of a second's, and the page."""
    first, second = (login(app.test_client(), make_user()) for _ in range(2))
    with app.app_context(), count_queries() as built:  # counts that app's engine
        first.get(path)
    with app.app_context(), count_queries() as shared:
        page = second.get(path).get_data(as_text=True)
    return built, shared, page


def test_a_second_members_thread_page_loads_no_posts(caching_app, count_queries):
    thread = make_thread(title="三会一课", replies=3)
    built, shared, page = _first_and_second_member(caching_app, count_queries, f"/t/{thread.id}")
    assert "三会一课" in page and page.count('<article class="post"') == 4
    assert len(shared) < len(built)
    assert not [q for q in shared.statements if "post.body" in q or "FROM attachment" in q]


def test_a_second_members_board_page_reads_no_threads_or_last_posts(caching_app, count_queries):
    thread = make_thread(title="三会一课")
    built, shared, page = _first_and_second_member(caching_app, count_queries, f"/b/{thread.board.slug}")
    assert "三会一课" in page
    assert len(shared) < len(built)
    assert not [q for q in shared.statements if re.search(r"FROM (thread|post)\b", q)]


def test_members_share_a_thread_page_but_each_gets_their_own_header_and_tokens(caching_app):
    thread = make_thread(title="三会一课", body="第一楼的正文", replies=2)
    ann, bob = make_user(username="ann"), make_user(username="bob")
    ann_client, bob_client = (login(caching_app.test_client(), u) for u in (ann, bob))
    path = f"/t/{thread.id}"
    ann_page, bob_page = (c.get(path).get_data(as_text=True) for c in (ann_client, bob_client))
    assert '<a class="me" href="/account">ann</a>' in ann_page and "bob" not in ann_page
    assert '<a class="me" href="/account">bob</a>' in bob_page and ">ann<" not in bob_page
    assert f'data-account="{bob.id}"' in bob_page and f'data-account="{ann.id}"' not in bob_page
    ann_tokens, bob_tokens = _report_tokens(ann_page), _report_tokens(bob_page)
    assert len(ann_tokens) == len(bob_tokens) == 1 and ann_tokens != bob_tokens
    assert "<!--" not in bob_page.replace("<!--/row-->", "")  # every hole and slot is filled
    form = re.search(r'<form method="post" action="(/[^"]*/report)">', bob_page)[1]
    answer = bob_client.post(form, data={"csrf_token": bob_tokens.pop(), "reason": "spam", "text": "广告"})
    assert answer.status_code == 302  # bob's own token, in the shared page, is accepted


def test_one_members_follow_state_and_flashes_are_never_shown_to_another(caching_app):
    thread = make_thread(title="三会一课")
    ann, bob = make_user(username="ann"), make_user(username="bob")
    subscribe(ann, thread=thread)
    db.session.commit()
    ann_client, bob_client = (login(caching_app.test_client(), u) for u in (ann, bob))
    path = f"/t/{thread.id}"
    ann_page = ann_client.get(path).get_data(as_text=True)
    bob_page = bob_client.get(path).get_data(as_text=True)
    assert 'aria-pressed="true"' in ann_page and 'aria-pressed="true"' not in bob_page
    with ann_client.session_transaction() as session:
        session["_flashes"] = [("success", "只给安的消息")]
    assert "只给安的消息" in ann_client.get(path).get_data(as_text=True)
    assert "只给安的消息" not in bob_client.get(path).get_data(as_text=True)


def test_a_new_reply_or_an_edit_shows_at_once_to_a_member_who_shares_the_page(caching_app):
    thread = make_thread(title="三会一课", body="第一楼的正文")
    reader = login(caching_app.test_client(), make_user())
    path = f"/t/{thread.id}"
    assert "第一楼的正文" in reader.get(path).get_data(as_text=True)
    reply(thread, thread.author, "新的回复")
    assert "新的回复" in reader.get(path).get_data(as_text=True)
    first = db.session.execute(db.select(Post).where(Post.number == 1, Post.thread_id == thread.id)).scalar_one()
    edit_post(first, thread.author, "改过的正文")
    assert "改过的正文" in reader.get(path).get_data(as_text=True)


def test_the_author_of_a_post_on_the_page_gets_their_own_edit_links(caching_app):
    thread = make_thread(title="三会一课", body="第一楼的正文")
    author_client = login(caching_app.test_client(), thread.author)
    reader = login(caching_app.test_client(), make_user())
    path = f"/t/{thread.id}"
    edit_link = re.compile(r'href="/p/\d+/edit"')
    assert not edit_link.search(reader.get(path).get_data(as_text=True))
    assert edit_link.search(author_client.get(path).get_data(as_text=True))
    assert not edit_link.search(reader.get(path).get_data(as_text=True))


def test_a_moderators_controls_never_reach_a_member_and_a_members_page_never_a_moderator(caching_app):
    board = make_board()
    thread = make_thread(board=board, title="三会一课")
    moderator = make_user(username="banzhu", is_verified=True)
    grant(moderator, board, "moderator")
    db.session.commit()
    mod_client = login(caching_app.test_client(), moderator)
    first_member, second_member = (login(caching_app.test_client(), make_user()) for _ in range(2))
    path = f"/t/{thread.id}"
    controls = f'action="/t/{thread.id}/pin"'
    assert controls in mod_client.get(path).get_data(as_text=True)
    assert controls not in first_member.get(path).get_data(as_text=True)
    assert controls in mod_client.get(path).get_data(as_text=True)
    assert controls not in second_member.get(path).get_data(as_text=True)


def test_moderators_of_a_board_share_its_page_but_each_moves_only_where_they_moderate(
        caching_app, count_queries):
    board, elsewhere = make_board(), make_board(name="另一个版块")
    thread = make_thread(board=board, title="三会一课")
    both, one = make_user(username="liangge", is_verified=True), make_user(username="yige", is_verified=True)
    for user, boards in ((both, (board, elsewhere)), (one, (board,))):
        for moderated in boards:
            grant(user, moderated, "moderator")
    db.session.commit()
    path = f"/t/{thread.id}"
    target = f'<option value="{elsewhere.id}">另一个版块</option>'
    both_page = login(caching_app.test_client(), both).get(path).get_data(as_text=True)
    one_client = login(caching_app.test_client(), one)
    with caching_app.app_context(), count_queries() as shared:
        one_page = one_client.get(path).get_data(as_text=True)
    assert not [q for q in shared.statements if "post.body" in q]  # the page built for both
    assert target in both_page and f'action="/t/{thread.id}/pin"' in both_page
    assert target not in one_page and f'action="/t/{thread.id}/pin"' in one_page
    assert ">liangge<" not in one_page and ">yige<" in one_page


def test_moderators_with_the_same_choices_share_the_thread_controls_each_with_their_own_token(
        caching_app):
    board = make_board()
    thread = make_thread(board=board, title="三会一课")
    first, second = make_user(username="diyi", is_verified=True), make_user(username="dier", is_verified=True)
    for user in (first, second):
        grant(user, board, "moderator")
    db.session.commit()
    lock = rf'action="/t/{thread.id}/lock"[^>]*>\s*<input type="hidden" name="csrf_token" value="([^"]+)"'
    first_page = login(caching_app.test_client(), first).get(f"/t/{thread.id}").get_data(as_text=True)
    second_client = login(caching_app.test_client(), second)
    second_page = second_client.get(f"/t/{thread.id}").get_data(as_text=True)
    first_token, second_token = re.search(lock, first_page)[1], re.search(lock, second_page)[1]
    assert first_token != second_token and "csrf-token" not in second_page
    answer = second_client.post(f"/t/{thread.id}/lock", data={"csrf_token": second_token, "reason": ""})
    assert answer.status_code == 302
    db.session.expire_all()
    assert thread.is_locked


def test_an_admin_gets_a_page_of_their_own(caching_app):
    thread = make_thread(title="三会一课")
    admin = make_user(username="xitong", admin_role="system")
    member_client = login(caching_app.test_client(), make_user())
    member_client.get(f"/t/{thread.id}")
    page = login(caching_app.test_client(), admin).get(f"/t/{thread.id}").get_data(as_text=True)
    assert 'href="/admin/"' in page or 'href="/admin"' in page


def test_a_banned_member_sees_their_own_ban_and_no_reply_form(caching_app):
    thread = make_thread(title="三会一课")
    security = make_user(admin_role="security")
    member, ann, bob = make_user(), make_user(), make_user()
    ban_user(ann, security, "发小广告")
    ban_user(bob, security, "灌水刷屏")
    member_client, ann_client, bob_client = (login(caching_app.test_client(), u) for u in (member, ann, bob))
    path = f"/t/{thread.id}"
    assert 'id="reply-heading"' in member_client.get(path).get_data(as_text=True)
    ann_page = ann_client.get(path).get_data(as_text=True)
    bob_page = bob_client.get(path).get_data(as_text=True)
    assert 'id="reply-heading"' not in ann_page and 'id="reply-heading"' not in bob_page
    assert "发小广告" in ann_page and "灌水刷屏" not in ann_page
    assert "灌水刷屏" in bob_page and "发小广告" not in bob_page


def test_the_board_pages_start_button_is_the_readers_own(caching_app):
    board = make_board(settings={"verified_only": True})
    make_thread(board=board, author=make_user(is_verified=True))
    verified, unverified = make_user(is_verified=True), make_user(is_verified=False)
    path = f"/b/{board.slug}"
    new_thread = f'href="/b/{board.slug}/new"'
    verified_client, unverified_client = (login(caching_app.test_client(), u) for u in (verified, unverified))
    for _ in range(2):  # either after the other: one's kept button never reaches the other
        assert new_thread not in _main(unverified_client.get(path).get_data(as_text=True))
        assert new_thread in _main(verified_client.get(path).get_data(as_text=True))


def test_only_the_discussion_type_shares_its_pages():
    """A type whose pages show a member their own things must never share them: adding a
    type that shares is a decision to review (forum/boards/registry.py, shares_pages)."""
    assert types_where("shares_pages") == ["discussion"]


def test_a_letter_is_never_served_to_another_member(caching_app):
    mailbox = make_board(type="mailbox")
    writer, other = make_user(is_verified=True), make_user(is_verified=True)
    letter = make_thread(board=mailbox, author=writer, title="写给书记的信")
    writer_client, other_client = (login(caching_app.test_client(), u) for u in (writer, other))
    writer_client.get(f"/t/{letter.id}")
    assert other_client.get(f"/t/{letter.id}").status_code == 404


def _header(page):
    return page.split('<nav class="account"')[1].split("</nav>")[0]


def test_a_members_kept_header_shows_a_new_notification_a_new_name_and_their_own_token_at_once(caching_app):
    thread = make_thread(title="三会一课")
    ann, bob = make_user(username="ann"), make_user(username="bob")
    ann_client, bob_client = (login(caching_app.test_client(), u) for u in (ann, bob))
    path = f"/b/{thread.board.slug}"
    assert 'class="bell-count zero">0<' in _header(ann_client.get(path).get_data(as_text=True))
    notify([ann], "reply", thread=thread)
    ann.display_name = "安书记"
    db.session.commit()
    header = _header(ann_client.get(path).get_data(as_text=True))
    assert 'class="bell-count">1<' in header and '<a class="me" href="/account">安书记</a>' in header
    bob_header = _header(bob_client.get(path).get_data(as_text=True))
    assert "安书记" not in bob_header and 'class="bell-count zero">0<' in bob_header
    token = re.search(r'name="csrf_token" value="([^"]+)"', bob_header)[1]
    assert bob_client.post("/logout", data={"csrf_token": token}).status_code == 302
    assert '<a class="me"' not in bob_client.get(path).get_data(as_text=True)


def test_a_kept_follow_button_turns_at_once_when_the_member_follows(caching_app):
    thread = make_thread(title="三会一课")
    ann = make_user(username="ann")
    ann_client = login(caching_app.test_client(), ann)
    path = f"/t/{thread.id}"
    page = ann_client.get(path).get_data(as_text=True)
    assert 'aria-pressed="true"' not in page
    form = re.search(rf'<form method="post" action="(/t/{thread.id}/[a-z]+)" class="inline follow">\s*'
                     r'<input type="hidden" name="csrf_token" value="([^"]+)"', page)
    assert ann_client.post(form[1], data={"csrf_token": form[2]}).status_code == 302
    assert 'aria-pressed="true"' in ann_client.get(path).get_data(as_text=True)
