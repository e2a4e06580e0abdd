"""Removing files from a saved post: whoever may edit the post ticks them on the edit
page; the rows and the bytes go, the rest stays, and nobody removes another post's file."""
from forum.attachments import storage
from forum.attachments.services import prepare_attachments
from forum.boards.roles import grant
from forum.boards.services import reply
from forum.extensions import db
from forum.models import Attachment
from tests.attachments import samples
from tests.conftest import login, post_form
from tests.factories import make_board, make_thread, make_user


def _reply_with_files(thread, author, names):
    files = [samples.upload(samples.PDF, name) for name in names]
    return reply(thread, author, "见附件", attachments=prepare_attachments(author, thread.board, files))


def _tokens():
    db.session.expire_all()
    return {a.filename: a.token for a in db.session.execute(db.select(Attachment)).scalars()}


def test_the_author_removes_one_file_and_keeps_the_other(app):
    author = make_user()
    thread = make_thread(author=author)
    post = _reply_with_files(thread, author, ["旧通知.pdf", "新通知.pdf"])
    old, new = _tokens()["旧通知.pdf"], _tokens()["新通知.pdf"]
    client = login(app.test_client(), author)
    page = client.get(f"/p/{post.id}/edit").get_data(as_text=True)
    assert f'name="remove" value="{old}"' in page
    response = post_form(client, f"/p/{post.id}/edit", {"body": "见附件", "remove": [old]})
    assert response.status_code == 302
    assert _tokens() == {"新通知.pdf": new}
    assert not storage.attachment_path(old).exists() and storage.attachment_path(new).exists()
    assert client.get(f"/a/{old}").status_code == 404 and client.get(f"/a/{new}").status_code == 200


def test_a_moderator_removes_a_file_with_a_reason(app):
    author, moderator = make_user(), make_user()
    board = make_board()
    grant(moderator, board, "moderator")
    post = _reply_with_files(make_thread(board=board, author=author), author, ["身份证.pdf"])
    token = _tokens()["身份证.pdf"]
    client = login(app.test_client(), moderator)
    refused = post_form(client, f"/p/{post.id}/edit", {"body": "见附件", "remove": [token]})
    assert refused.status_code == 200 and _tokens() == {"身份证.pdf": token}
    done = post_form(client, f"/p/{post.id}/edit", {"body": "见附件", "remove": [token],
                                                    "reason": "含个人身份信息"})
    assert done.status_code == 302 and _tokens() == {}


def test_a_token_of_another_posts_file_removes_nothing(app):
    author = make_user()
    thread = make_thread(author=author)
    mine = _reply_with_files(thread, author, ["我的.pdf"])
    _reply_with_files(thread, make_user(), ["别人的.pdf"])
    before = _tokens()
    client = login(app.test_client(), author)
    post_form(client, f"/p/{mine.id}/edit", {"body": "见附件", "remove": [before["别人的.pdf"]]})
    assert _tokens() == before


def test_a_refused_edit_removes_nothing(app):
    author = make_user()
    post = _reply_with_files(make_thread(author=author), author, ["材料.pdf"])
    token = _tokens()["材料.pdf"]
    client = login(app.test_client(), author)
    refused = post_form(client, f"/p/{post.id}/edit", {"body": "", "remove": [token]})
    assert refused.status_code == 200 and _tokens() == {"材料.pdf": token}
    assert storage.attachment_path(token).exists()
