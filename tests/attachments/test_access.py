"""An attachment is read by exactly those who read its post; everyone else gets 404."""
import pytest

from forum.attachments.services import prepare_attachments, upload_attachments
from forum.boards.roles import grant
from forum.boards.services import create_thread, reply
from forum.extensions import db
from forum.moderation.actions import hide_post, hide_thread
from forum.permissions import can_read_attachment
from tests.attachments import samples
from tests.conftest import login
from tests.factories import make_board, make_thread, make_user


def attached_to_new_reply(thread, author, data=None, name="附件.png"):
    files = [samples.upload(data or samples.image_bytes(), name)]
    post = reply(thread, author, "见附件", attachments=prepare_attachments(author, thread.board, files))
    return post.attachments[0]


def statuses(app, token, people):
    """{name: status of GET /a/<token>} for each person (None: a guest)."""
    answers = {}
    for name, user in people.items():
        client = app.test_client()
        if user is not None:
            login(client, user)
        answers[name] = (client.get(f"/a/{token}").status_code,
                         client.get(f"/a/{token}/thumb").status_code)
    return answers


@pytest.fixture()
def world():
    board = make_board()
    author, moderator, reader = make_user(), make_user(), make_user()
    grant(moderator, board, "moderator")
    thread = make_thread(board=board, author=author)
    return {"board": board, "thread": thread, "author": author, "moderator": moderator,
            "people": {"guest": None, "reader": reader, "author": author, "moderator": moderator}}


def test_a_published_posts_file_is_read_by_everyone_who_reads_the_post(app, world):
    attachment = attached_to_new_reply(world["thread"], world["author"])
    assert set(statuses(app, attachment.token, world["people"]).values()) == {(200, 200)}


def test_a_file_in_a_hidden_thread_answers_404_to_all_but_its_author_and_moderators(app, world):
    attachment = attached_to_new_reply(world["thread"], world["author"])
    hide_thread(world["thread"], world["moderator"], "违规")
    assert statuses(app, attachment.token, world["people"]) == {
        "guest": (404, 404), "reader": (404, 404), "author": (200, 200), "moderator": (200, 200)}


def test_a_hidden_posts_file_answers_404_to_all_but_moderators(app, world):
    attachment = attached_to_new_reply(world["thread"], world["author"])
    hide_post(attachment.post, world["moderator"], "违规")
    answers = statuses(app, attachment.token, world["people"])
    # Its author sees only the moderator's note in place of the post, so not its files.
    assert answers == {"guest": (404, 404), "reader": (404, 404), "author": (404, 404),
                       "moderator": (200, 200)}


def test_a_post_awaiting_approval_shows_its_file_to_its_author_and_moderators_only(app, world):
    world["board"].settings = {"premoderated": True}
    db.session.commit()
    attachment = attached_to_new_reply(world["thread"], world["author"])
    assert attachment.post.status == "pending"
    assert statuses(app, attachment.token, world["people"]) == {
        "guest": (404, 404), "reader": (404, 404), "author": (200, 200), "moderator": (200, 200)}


def test_a_file_in_a_board_whose_type_denies_every_thread_answers_404_to_everyone(app):
    # A mailbox that is not built yet answers every thread with Access.NONE; the file
    # follows the post through the same access path, so nobody reads it either.
    mailbox = make_board(type="mailbox")
    writer, admin = make_user(), make_user(admin_role="system")
    files = [samples.upload(samples.PDF, "举报材料.pdf")]
    thread = create_thread(mailbox, writer, "来信", "内容",
                           attachments=prepare_attachments(writer, mailbox, files))
    token = thread_attachment_token(thread)
    assert {status for status, _ in statuses(app, token, {
        "guest": None, "writer": writer, "admin": admin, "other": make_user()}).values()} == {404}


def thread_attachment_token(thread):
    from forum.models import Attachment, Post

    return db.session.execute(db.select(Attachment.token).join(Post)
                              .where(Post.thread_id == thread.id)).scalar_one()


def test_a_pending_upload_is_its_uploaders_alone(app, world):
    attachment = upload_attachments(world["author"], world["board"],
                                    [samples.upload(samples.image_bytes(), "草稿.png")])[0]
    assert statuses(app, attachment.token, world["people"]) == {
        "guest": (404, 404), "reader": (404, 404), "author": (200, 200), "moderator": (404, 404)}


def test_an_unknown_token_and_a_files_thumbnail_answer_404(app, world, client):
    attachment = attached_to_new_reply(world["thread"], world["author"], samples.PDF, "a.pdf")
    assert client.get("/a/" + "A" * 32).status_code == 404
    assert client.get(f"/a/{attachment.token}/thumb").status_code == 404
    assert client.get(f"/a/{attachment.token}").status_code == 200


def test_the_token_is_long_and_random(world):
    tokens = {attached_to_new_reply(world["thread"], world["author"]).token for _ in range(3)}
    assert len(tokens) == 3 and all(len(token) >= 32 for token in tokens)  # >= 192 bits


def test_can_read_attachment_asks_the_same_question_as_the_post(world):
    attachment = attached_to_new_reply(world["thread"], world["author"])
    hide_thread(world["thread"], world["moderator"], "违规")
    assert not can_read_attachment(world["people"]["reader"], attachment)
    assert can_read_attachment(world["moderator"], attachment)


def test_a_posts_files_are_listed_under_it_only_where_the_post_shows(app, world):
    attachment = attached_to_new_reply(world["thread"], world["author"], samples.PDF, "纪要.pdf")
    reader = login(app.test_client(), world["people"]["reader"])
    assert "纪要.pdf" in reader.get(f"/t/{world['thread'].id}").get_data(as_text=True)
    hide_post(attachment.post, world["moderator"], "违规")
    assert "纪要.pdf" not in reader.get(f"/t/{world['thread'].id}").get_data(as_text=True)
