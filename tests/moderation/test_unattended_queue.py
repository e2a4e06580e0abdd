"""Board staff post without new-account review; what waits on a board nobody moderates
goes to the system admin, who is told, and the author is told who will review it."""
from forum.boards.roles import grant
from forum.extensions import db
from forum.models import AdminRole, Notification, Post
from forum.settings import put_setting
from tests.checks import says
from tests.conftest import login, post_form
from tests.factories import make_board, make_thread, make_user


def review_new_accounts():
    put_setting("new_account_review_posts", 3)
    db.session.commit()


def statuses():
    db.session.expire_all()
    return db.session.execute(db.select(Post.status).order_by(Post.id)).scalars().all()


def test_a_new_trainer_publishes_a_lesson_on_their_board_without_waiting(app):
    board = make_board(type="training", slug="training")
    trainer = make_user(username="xinjiaoshi")
    grant(trainer, board, "trainer")
    review_new_accounts()
    post_form(login(app.test_client(), trainer), f"/b/{board.slug}/new",
              {"title": "学习党章", "body": "党章的主要内容"})
    assert statuses() == ["published"]


def test_a_post_waiting_on_a_board_nobody_moderates_goes_to_the_system_admin(app):
    admin = make_user(username="xitong", admin_role=AdminRole.SYSTEM)
    board = make_board()
    thread = make_thread(board=board)
    review_new_accounts()
    newcomer = login(app.test_client(), make_user())
    answer = post_form(newcomer, f"/t/{thread.id}/reply", {"body": "新人的回复"}, follow_redirects=True)
    assert says(answer.get_data(as_text=True),
                "Your post is awaiting approval: this board has no moderator, so the system "
                "administrator will review it. Until then only you can see it.")
    notice = db.session.execute(db.select(Notification).where(Notification.user_id == admin.id)).scalar_one()
    assert notice.kind == "queue_unattended" and notice.data["title"] == thread.title
    queue = login(app.test_client(), admin).get("/mod/").get_data(as_text=True)
    assert "新人的回复" in queue


def test_a_post_waiting_on_a_moderated_board_troubles_no_admin(app, moderated_board, moderator):
    make_user(username="xitong", admin_role=AdminRole.SYSTEM)
    thread = make_thread(board=moderated_board)
    review_new_accounts()
    answer = post_form(login(app.test_client(), make_user()), f"/t/{thread.id}/reply",
                       {"body": "新人的回复"}, follow_redirects=True)
    assert says(answer.get_data(as_text=True),
                "Your post is awaiting a moderator's approval; until then only you can see it.")
    assert db.session.execute(db.select(db.func.count(Notification.id)).where(
        Notification.kind == "queue_unattended")).scalar_one() == 0
