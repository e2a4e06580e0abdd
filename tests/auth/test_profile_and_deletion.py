"""Profiles, official titles, and deleting an account (posts stay, as 已注销用户)."""
from forum.extensions import db
from forum.models import User, Verification
from tests.conftest import login, post_form
from tests.factories import PASSWORD, make_board, make_thread, make_user


def test_a_profile_shows_name_unit_join_date_post_count_and_public_posts(client, member):
    make_thread(author=member, title="村级组织活动场所建设")
    make_thread(board=make_board(type="mailbox"), author=member, title="写给书记的信")
    page = client.get(f"/u/{member.username}").get_data(as_text=True)
    assert "村级组织活动场所建设" in page and "写给书记的信" not in page


def test_a_profiles_recent_posts_name_each_thread_once(client, member):
    make_thread(author=member, title="村级组织活动场所建设", replies=3)
    make_thread(author=member, title="两学一做心得")
    page = client.get(f"/u/{member.username}").get_data(as_text=True)
    assert page.count("村级组织活动场所建设") == 1 and page.count("两学一做心得") == 1
    assert page.index("两学一做心得") < page.index("村级组织活动场所建设")


def test_an_unknown_profile_is_404(client):
    assert client.get("/u/nobody").status_code == 404


def test_the_security_admin_gives_an_official_title_shown_beside_the_name(app, client, member):
    security = login(app.test_client(), make_user(admin_role="security"))
    post_form(security, f"/admin/users/{member.id}", {"title": "县委书记"})
    thread = make_thread(author=member)
    assert "县委书记" in client.get(f"/t/{thread.id}").get_data(as_text=True)


def test_deleting_an_account_erases_the_person_and_keeps_the_posts(app, member_client, member):
    thread = make_thread(author=member, body="我的发言")
    db.session.add(Verification(user_id=member.id, real_name="王五", phone="13900000000",
                                id_masked="110105********002X", id_hash="ab" * 32, status="approved"))
    db.session.commit()
    assert post_form(member_client, "/account/delete", {"password": "wrong"}).status_code == 200
    assert post_form(member_client, "/account/delete", {"password": PASSWORD}).status_code == 302
    db.session.expire_all()
    assert db.session.execute(db.select(Verification)).scalars().all() == []
    user = db.session.get(User, member.id)
    assert user.deleted_at is not None and user.email is None
    page = app.test_client().get(f"/t/{thread.id}").get_data(as_text=True)
    assert "我的发言" in page and "已注销用户" in page and "member" not in page.split("<main")[1]
    assert post_form(app.test_client(), "/login", {"username": "member", "password": PASSWORD}).status_code == 200
