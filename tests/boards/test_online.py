"""Who is online (members and guests in the last 15 minutes) and today's posts on the index."""
import re
from datetime import timedelta

from forum import site_counters
from forum.boards import services
from forum.boards.recount import recount
from forum.dates import local_today
from forum.extensions import db
from forum.models import AdminRole, Board, Post, Presence, User
from forum.models.base import utcnow
from forum.moderation.actions import hide_post
from forum.stats import online
from tests.boards.test_query_counts import statements_for
from tests.conftest import login
from tests.factories import make_board, make_thread, make_user


def shown(page):
    """(members, guests) as the index shows them."""
    members = re.search(r'class="online-members">(\d+)', page).group(1)
    guests = re.search(r'class="online-guests">(\d+)', page).group(1)
    return int(members), int(guests)


def index(client, **headers):
    return client.get("/", headers=headers).get_data(as_text=True)


def test_the_index_counts_members_and_guests_seen_in_the_last_15_minutes(app, member):
    reader = login(app.test_client(), member)
    online.clear()  # forget the login page, read as a guest
    reader.get("/")
    index(app.test_client(), **{"User-Agent": "phone"})
    assert shown(index(app.test_client(), **{"User-Agent": "desktop"})) == (1, 2)
    online.flush()
    assert shown(index(app.test_client(), **{"User-Agent": "desktop"})) == (1, 2)


def test_one_guest_counts_once_however_many_pages_they_read(client):
    for _ in range(5):
        index(client)
    online.flush()
    assert shown(index(client)) == (0, 1)
    assert db.session.execute(db.select(db.func.count()).select_from(Presence)).scalar_one() == 1


def test_a_visitor_is_written_at_most_once_a_minute(client, member):
    login(client, member)
    online.flush()
    client.get("/")
    client.get("/")
    assert online.flush() == 1
    client.get("/")
    client.get(f"/u/{member.username}")
    assert online.flush() == 0


def test_no_raw_ip_address_is_stored(client):
    client.get("/", environ_base={"REMOTE_ADDR": "10.9.8.7"})
    online.flush()
    key, user_id = db.session.execute(db.select(Presence.key, Presence.user_id)).one()
    assert "10.9.8.7" not in key and user_id is None and key.startswith("g")


def test_visitors_older_than_15_minutes_are_not_counted_and_are_cleared(client):
    db.session.add(Presence(key="gold", user_id=None, seen_at=utcnow() - timedelta(minutes=16)))
    db.session.add(Presence(key="u999", user_id=999, seen_at=utcnow() - timedelta(minutes=5)))
    db.session.commit()
    assert shown(index(client)) == (1, 1)
    online.flush()
    keys = db.session.execute(db.select(Presence.key)).scalars().all()
    assert "gold" not in keys and "u999" in keys


def test_the_index_shows_todays_published_posts_of_public_boards(client, monkeypatch):
    board = make_board()
    with monkeypatch.context() as yesterday:
        yesterday.setattr(services, "local_today", lambda: local_today() - timedelta(days=1))
        make_thread(board=board, replies=4)
    make_thread(board=board, replies=2)
    make_thread(board=make_board(type="mailbox"))
    assert re.search(r'class="posts-today">3<', index(client))


def test_a_post_hidden_today_leaves_todays_figure(app, client):
    board = make_board()
    thread = make_thread(board=board, replies=2)
    post = db.session.execute(db.select(Post).where(Post.thread_id == thread.id, Post.number == 3)).scalar_one()
    hide_post(post, make_user(admin_role=AdminRole.SYSTEM), "广告")
    assert re.search(r'class="posts-today">2<', index(client))


def test_a_recount_rebuilds_todays_posts_and_the_members(app, client):
    board = make_board()
    make_thread(board=board, replies=1)
    db.session.execute(db.update(Board).values(today_posts=99))
    site_counters.set_to(site_counters.MEMBERS, 99)
    db.session.commit()
    recount()
    assert re.search(r'class="posts-today">2<', index(client))
    members = db.session.execute(db.select(db.func.count(User.id))).scalar_one()
    assert site_counters.value(site_counters.MEMBERS) == members == 1


def test_each_new_account_adds_one_to_the_members_on_the_index(client):
    make_user()
    make_user()
    assert re.search(r'class="members-count">2<', index(client))


def test_online_figures_cost_the_index_one_statement(client, count_queries):
    make_board()
    before = statements_for(client, count_queries, "/")
    online.flush()
    db.session.add(Presence(key="u999", user_id=999, seen_at=utcnow()))
    db.session.commit()
    assert statements_for(client, count_queries, "/") == before
