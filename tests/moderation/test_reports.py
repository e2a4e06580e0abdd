"""Members report posts; the report reaches the moderators of that board, who close it once."""
import pytest

from forum.boards.roles import grant
from forum.extensions import db
from forum.models import ModAction, Post, Report
from tests.conftest import login, post_form
from tests.factories import make_board, make_thread, make_user, make_unit
from tests.checks import says


def reports():
    db.session.expire_all()
    return db.session.execute(db.select(Report).order_by(Report.id)).scalars().all()


def mod_actions():
    db.session.expire_all()
    return db.session.execute(db.select(ModAction).where(ModAction.action.like("report_%"))
                              .order_by(ModAction.id)).scalars().all()


@pytest.fixture()
def reply_post(moderated_board):
    thread = make_thread(board=moderated_board, author=make_user(username="author"), replies=1)
    return db.session.execute(db.select(Post).where(Post.thread_id == thread.id, Post.number == 2)
                              ).scalar_one()


@pytest.fixture()
def mod_client(app, moderator):
    return login(app.test_client(), moderator)


def report(client, post, reason="abuse", text="人身攻击", **kwargs):
    return post_form(client, f"/p/{post.id}/report", {"reason": reason, "text": text}, **kwargs)


def test_the_thread_page_offers_a_report_form_with_the_reasons(member_client, reply_post):
    page = member_client.get(f"/t/{reply_post.thread_id}").get_data(as_text=True)
    assert f'action="/p/{reply_post.id}/report"' in page
    assert 'value="abuse"' in page and 'value="privacy"' in page


def test_a_member_reports_a_post_with_a_reason_and_text(member, member_client, reply_post, moderated_board):
    response = report(member_client, reply_post)
    assert response.status_code == 302 and response.headers["Location"].startswith(f"/p/{reply_post.id}")
    page = member_client.get(response.headers["Location"], follow_redirects=True).get_data(as_text=True)
    assert says(page, "Thank you. The moderators of this board will look at your report.")
    [filed] = reports()
    assert (filed.post_id, filed.reporter_id, filed.board_id, filed.reason, filed.text, filed.status) == (
        reply_post.id, member.id, moderated_board.id, "abuse", "人身攻击", "open")


def test_the_report_shows_in_the_queue_of_that_boards_moderator(member_client, mod_client, reply_post):
    report(member_client, reply_post)
    page = mod_client.get("/mod/").get_data(as_text=True)
    assert f'id="r{reports()[0].id}"' in page
    assert "人身攻击" in page and '<strong class="report-count">1</strong>' in page


def test_the_boards_unit_account_and_the_system_admin_see_the_report(app, unit, member_client, reply_post):
    report(member_client, reply_post)
    unit_account = make_user(unit_id=unit.id, is_unit_account=True, is_verified=True)
    for user in (unit_account, make_user(admin_role="system")):
        page = login(app.test_client(), user).get("/mod/").get_data(as_text=True)
        assert f'id="r{reports()[0].id}"' in page, user


def test_a_moderator_of_another_board_does_not_see_the_report(app, member_client, reply_post):
    report(member_client, reply_post)
    elsewhere = make_user(is_verified=True)
    grant(elsewhere, make_board(), "moderator")
    page = login(app.test_client(), elsewhere).get("/mod/").get_data(as_text=True)
    assert f'id="r{reports()[0].id}"' not in page and "人身攻击" not in page
    assert '<strong class="report-count">0</strong>' in page


def test_the_account_of_another_unit_does_not_see_the_report(app, member_client, reply_post):
    report(member_client, reply_post)
    other_unit = make_unit()
    make_board(unit=other_unit)
    account = make_user(unit_id=other_unit.id, is_unit_account=True, is_verified=True)
    page = login(app.test_client(), account).get("/mod/").get_data(as_text=True)
    assert "人身攻击" not in page


@pytest.mark.parametrize("role", [None, "security", "audit"])
def test_someone_who_moderates_nothing_gets_403_on_the_queues(app, member_client, reply_post, role):
    report(member_client, reply_post)
    client = login(app.test_client(), make_user(admin_role=role))
    response = client.get("/mod/")
    assert response.status_code == 403 and "人身攻击" not in response.get_data(as_text=True)


def test_reporting_the_same_post_twice_is_refused_with_a_message(member_client, reply_post):
    report(member_client, reply_post)
    page = report(member_client, reply_post, text="再报一次", follow_redirects=True).get_data(as_text=True)
    assert says(page, "You have already reported this post; the moderators will look at it.")
    assert len(reports()) == 1


def test_two_members_may_report_the_same_post(app, member_client, reply_post):
    report(member_client, reply_post)
    report(login(app.test_client(), make_user()), reply_post, reason="spam")
    assert [r.reason for r in reports()] == ["abuse", "spam"]


def test_after_a_report_is_closed_the_member_may_report_the_post_again(
        member_client, mod_client, reply_post):
    report(member_client, reply_post)
    post_form(mod_client, f"/mod/reports/{reports()[0].id}/dismiss", {})
    report(member_client, reply_post)
    assert [r.status for r in reports()] == ["dismissed", "open"]


@pytest.mark.parametrize("reason", ["nonsense", ""])
def test_a_reason_not_on_the_list_changes_nothing(member_client, reply_post, reason):
    response = report(member_client, reply_post, reason=reason, follow_redirects=True)
    assert response.status_code == 200 and "flash-error" in response.get_data(as_text=True)
    assert reports() == []


def test_a_text_over_500_characters_is_refused(member_client, reply_post):
    page = report(member_client, reply_post, text="长" * 501, follow_redirects=True).get_data(as_text=True)
    assert says(page, "At most 500 characters.")
    assert reports() == []


def test_reporting_a_post_that_does_not_exist_is_404(member_client):
    assert report(member_client, type("P", (), {"id": 999})()).status_code == 404
    assert reports() == []


def test_a_post_of_a_hidden_thread_cannot_be_reported(member_client, mod_client, reply_post):
    post_form(mod_client, f"/t/{reply_post.thread_id}/hide", {"reason": "违规"})
    assert report(member_client, reply_post).status_code == 404
    assert reports() == []


def test_a_guest_cannot_report_and_is_sent_to_log_in(client, reply_post):
    response = report(client, reply_post)
    assert response.status_code == 302 and "/login" in response.headers["Location"]
    assert reports() == []


# Closing reports


@pytest.mark.parametrize("verdict, status", [("resolve", "resolved"), ("dismiss", "dismissed")])
def test_the_moderator_closes_a_report_and_the_decision_is_logged(
        member_client, mod_client, moderator, reply_post, moderated_board, verdict, status):
    report(member_client, reply_post)
    filed = reports()[0]
    response = post_form(mod_client, f"/mod/reports/{filed.id}/{verdict}", {"reason": "已处理"})
    assert response.status_code == 302 and response.headers["Location"].endswith("/mod/")
    closed = reports()[0]
    assert (closed.status, closed.decided_by_id) == (status, moderator.id)
    assert closed.decided_at is not None
    assert [(a.actor_id, a.action, a.target_type, a.target_id, a.board_id, a.reason)
            for a in mod_actions()] == [
        (moderator.id, f"report_{status}", "report", filed.id, moderated_board.id, "已处理")]
    assert f'id="r{filed.id}"' not in mod_client.get("/mod/").get_data(as_text=True)


def test_closing_a_closed_report_gives_a_message_and_changes_nothing(member_client, mod_client, reply_post):
    report(member_client, reply_post)
    filed = reports()[0]
    post_form(mod_client, f"/mod/reports/{filed.id}/resolve", {})
    page = post_form(mod_client, f"/mod/reports/{filed.id}/dismiss", {}, follow_redirects=True
                     ).get_data(as_text=True)
    assert says(page, "This report has already been closed by another moderator.")
    assert reports()[0].status == "resolved"
    assert len(mod_actions()) == 1


def test_a_moderator_of_another_board_cannot_close_the_report(app, member_client, reply_post):
    report(member_client, reply_post)
    elsewhere = make_user(is_verified=True)
    grant(elsewhere, make_board(), "moderator")
    client = login(app.test_client(), elsewhere)
    assert post_form(client, f"/mod/reports/{reports()[0].id}/resolve", {}).status_code == 404
    assert reports()[0].status == "open" and mod_actions() == []


def test_the_reporter_cannot_close_their_own_report(member_client, reply_post):
    report(member_client, reply_post)
    assert post_form(member_client, f"/mod/reports/{reports()[0].id}/dismiss", {}).status_code == 404
    assert reports()[0].status == "open"


def test_closing_a_report_that_does_not_exist_is_404(mod_client):
    assert post_form(mod_client, "/mod/reports/999/resolve", {}).status_code == 404


def test_an_unknown_verdict_is_404(member_client, mod_client, reply_post):
    report(member_client, reply_post)
    assert post_form(mod_client, f"/mod/reports/{reports()[0].id}/delete", {}).status_code == 404
    assert reports()[0].status == "open"
