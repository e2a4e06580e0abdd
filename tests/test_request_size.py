"""Bodies are capped before they are parsed (issue 12: a 250 MB form to /login took a
worker to 910 MB, a 100 MB reply 10 s of CPU): a form of text at MAX_CONTENT_LENGTH,
more only for a form with files sent to a view that takes them; beyond, a 413 page."""
import io

import pytest
from flask import current_app

from forum.extensions import db
from forum.models import Post, User
from tests.attachments import samples
from tests.checks import says
from tests.conftest import csrf_token, post_form
from tests.factories import make_thread

TOO_LARGE = "What you sent is too large. Send smaller files, or fewer at a time."
MB = 1024 * 1024


def _count(model):
    return db.session.execute(db.select(db.func.count()).select_from(model)).scalar_one()


def test_a_large_urlencoded_form_to_login_gets_a_413_page(client):
    body = "username=" + "a" * 2 * MB + "&password=x"
    response = client.post("/login", data=body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 413
    assert says(response.get_data(as_text=True), TOO_LARGE)


@pytest.mark.parametrize("path", ["/login", "/register", "/search"])
def test_a_file_sent_where_no_form_takes_files_gets_a_413(client, path):
    data = {"username": "x", "file": (io.BytesIO(b"x" * 2 * MB), "big.bin")}
    response = client.post(path, data=data, content_type="multipart/form-data")
    assert response.status_code == 413
    assert _count(User) == 0


def test_a_large_reply_without_files_gets_a_413_and_saves_nothing(member_client):
    thread = make_thread()
    body = "回复" * MB
    response = post_form(member_client, f"/t/{thread.id}/reply", {"body": body})
    assert response.status_code == 413
    assert _count(Post) == 1


def test_a_large_text_field_in_a_form_with_files_gets_a_413(member_client):
    thread = make_thread()
    data = {"body": "回" * 100_000,  # 300 KB: five times the longest body
            "files": [(io.BytesIO(samples.PDF), "a.pdf")]}
    response = post_form(member_client, f"/t/{thread.id}/reply", data,
                         content_type="multipart/form-data")
    assert response.status_code == 413
    assert _count(Post) == 1


def test_a_form_of_too_many_parts_gets_a_413(member_client):
    thread = make_thread()
    data = {f"f{n}": "x" for n in range(current_app.config["MAX_FORM_PARTS"] + 1)}
    data["body"] = "回复"
    response = post_form(member_client, f"/t/{thread.id}/reply", data,
                         content_type="multipart/form-data")
    assert response.status_code == 413
    assert _count(Post) == 1


def test_a_reply_with_a_file_larger_than_a_text_form_is_taken(member_client, empty_upload_folder):
    thread = make_thread()
    pdf = samples.PDF + b"0" * 3 * MB  # within the default 5 MB a file may have
    data = {"body": "附件见下", "files": [(io.BytesIO(pdf), "report.pdf")],
            "csrf_token": csrf_token(member_client)}
    response = member_client.post(f"/t/{thread.id}/reply", data=data,
                                  content_type="multipart/form-data")
    assert response.status_code == 302
    assert _count(Post) == 2
