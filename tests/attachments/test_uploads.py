"""Attaching files to posts through the forms and the editor's upload, as members do."""
import io
from pathlib import Path

import pytest
from flask import current_app
from PIL import Image

from forum.extensions import db
from forum.models import Attachment, Post
from forum.settings import put_setting
from tests.attachments import samples
from tests.checks import says
from tests.conftest import csrf_token, login, post_form
from tests.factories import make_board, make_thread, make_user


def stored_files():
    root = Path(current_app.config["UPLOAD_FOLDER"]) / "files"
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def reply_with(client, thread, files, body="附件见下"):
    data = {"body": body, "submit": "1",
            "files": [(io.BytesIO(content), name) for content, name in files]}
    return post_form(client, f"/t/{thread.id}/reply", data, content_type="multipart/form-data")


def upload_json(client, board, content, name):
    token = csrf_token(client, f"/b/{board.slug}/new")
    return client.post(f"/b/{board.slug}/attachments", headers={"X-CSRFToken": token},
                       data={"files": [(io.BytesIO(content), name)]},
                       content_type="multipart/form-data")


def only_attachment():
    return db.session.execute(db.select(Attachment)).scalar_one()


@pytest.fixture()
def thread():
    return make_thread(board=make_board())


def test_a_reply_with_a_photo_shows_it_and_serves_it_without_its_exif(member_client, thread):
    response = reply_with(member_client, thread, [(samples.jpeg_with_gps_exif(), "会议.jpg")])
    assert response.status_code == 302
    attachment = only_attachment()
    assert attachment.post.thread_id == thread.id and attachment.kind == "image"
    page = member_client.get(f"/t/{thread.id}").get_data(as_text=True)
    assert f'src="/a/{attachment.token}/thumb"' in page
    served = member_client.get(f"/a/{attachment.token}")
    assert served.mimetype == "image/jpeg"
    # The file's own policy, once: the site's headers (forum/security.py) add none twice.
    assert served.headers.getlist("Content-Security-Policy") == ["default-src 'none'; sandbox"]
    assert served.headers.getlist("X-Content-Type-Options") == ["nosniff"]
    assert served.headers["Content-Disposition"].startswith("inline;")
    assert b"SecretCameraMaker" not in served.data and b"party-office" not in served.data
    assert Image.open(io.BytesIO(served.data)).size == (64, 48)
    assert member_client.get(f"/a/{attachment.token}/thumb").mimetype == "image/webp"


def test_a_document_downloads_under_its_original_chinese_name(member_client, thread):
    reply_with(member_client, thread, [(samples.office_zip(samples.DOCX_MAIN), "工作报告.docx")])
    attachment = only_attachment()
    served = member_client.get(f"/a/{attachment.token}")
    assert served.mimetype == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    disposition = served.headers["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "filename*=UTF-8''%E5%B7%A5%E4%BD%9C%E6%8A%A5%E5%91%8A.docx" in disposition
    assert served.headers["X-Content-Type-Options"] == "nosniff"
    page = member_client.get(f"/t/{thread.id}").get_data(as_text=True)
    assert "工作报告.docx" in page


@pytest.mark.parametrize("main,mime", [
    (samples.XLSX_MAIN, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    (samples.PPTX_MAIN, "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
])
def test_spreadsheets_and_slides_are_told_apart_by_their_content_types(member_client, thread, main, mime):
    reply_with(member_client, thread, [(samples.office_zip(main), "名字不算数.bin")])
    assert only_attachment().mime == mime


def test_a_pdf_named_as_a_picture_is_kept_as_a_pdf_download(member_client, thread):
    reply_with(member_client, thread, [(samples.PDF, "照片.jpg")])
    attachment = only_attachment()
    assert (attachment.kind, attachment.mime, attachment.filename) == ("file", "application/pdf", "照片.jpg.pdf")


BAD_FILES = {
    "an executable renamed to .jpg": (samples.EXE, "photo.jpg", "this file is none of them"),
    "an SVG with a script": (samples.SVG, "logo.svg", "this file is none of them"),
    "HTML renamed to .png": (samples.HTML, "page.png", "this file is none of them"),
    "a plain zip renamed to .docx": (samples.office_zip("application/xml"), "a.docx", "this file is none of them"),
    "a macro-enabled Word file": (samples.office_zip(samples.DOCM_MAIN), "a.docx", "Documents with macros"),
    "a .docx holding a macro project": (samples.office_zip(samples.DOCX_MAIN, {"word/vbaProject.bin": b"\xd0\xcf"}),
                                        "a.docx", "Documents with macros"),
    "a .xlsx declaring a macro project": (samples.office_zip(samples.XLSX_MAIN, macro_type=True),
                                          "a.xlsx", "Documents with macros"),
    "a decompression bomb": (samples.png_bomb(), "bomb.png", "too many pixels"),
    "a bomb just over the limit": (samples.png_bomb(8000, 6000), "bomb.png", "too many pixels"),
    "30 megapixels, refused from the header": (samples.png_bomb(6000, 5000), "big.png", "more than 25 million"),
    "a truncated image": (samples.image_bytes("PNG")[:60], "cut.png", "damaged"),
    "a name with a path": (samples.image_bytes(), "../../etc/passwd.png", "may not contain slashes"),
    "a name with a control character": (samples.image_bytes(), "a\x07b.png", "control characters"),
    "a name with a right-to-left override": (samples.image_bytes(), "photo\u202egpj.exe", "control characters"),
}


@pytest.mark.parametrize("content,name,message", BAD_FILES.values(), ids=BAD_FILES.keys())
def test_a_bad_file_is_refused_with_a_message_and_nothing_is_stored(member_client, thread, content,
                                                                    name, message):
    member_client.set_cookie("lang", "en")  # the messages are compared in English
    response = reply_with(member_client, thread, [(content, name)])
    assert response.status_code == 200
    assert message in response.get_data(as_text=True)
    assert db.session.execute(db.select(db.func.count(Attachment.id))).scalar_one() == 0
    assert db.session.execute(db.select(db.func.count(Post.id))).scalar_one() == 1
    assert stored_files() == []


def test_one_bad_file_among_good_ones_keeps_none_of_them(member_client, thread):
    response = reply_with(member_client, thread, [(samples.image_bytes(), "good.png"), (samples.SVG, "bad.svg")])
    assert response.status_code == 200
    assert stored_files() == [] and db.session.execute(db.select(Attachment)).first() is None


def test_an_oversized_file_is_refused_by_the_limit_of_its_board_type(member_client, thread, app):
    put_setting("upload_limits_mb", {"default": 1})
    db.session.commit()
    response = reply_with(member_client, thread, [(samples.PDF + b"0" * (1024 * 1024), "大文件.pdf")])
    assert response.status_code == 200
    assert says(response.get_data(as_text=True), "“%(name)s” is too large: files here may be at most %(n)d MB.",
                name="大文件.pdf", n=1)
    assert stored_files() == []


@pytest.mark.parametrize("payload", [samples.HTML, samples.office_zip(samples.DOCX_MAIN)],
                         ids=["html", "zip"])
@pytest.mark.parametrize("fmt", ["GIF", "JPEG", "PNG"])
def test_a_polyglot_image_keeps_nothing_of_what_was_appended(member_client, thread, fmt, payload):
    reply_with(member_client, thread, [(samples.image_bytes(fmt) + payload, "poly." + fmt.lower())])
    served = member_client.get(f"/a/{only_attachment().token}").data
    assert b"<script" not in served and b"PK\x03\x04" not in served and b"Content_Types" not in served
    assert Image.open(io.BytesIO(served)).format == fmt


def test_a_refused_post_keeps_none_of_its_new_files(member_client, thread):
    from forum.moderation.words import add_word

    add_word("违禁词", "block")
    response = reply_with(member_client, thread, [(samples.image_bytes(), "ok.png")], body="含违禁词")
    assert response.status_code == 200
    assert stored_files() == [] and db.session.execute(db.select(Attachment)).first() is None


def test_the_editor_upload_is_pending_until_the_reply_names_it(member_client, member, thread):
    answer = upload_json(member_client, thread.board, samples.image_bytes(), "截图.png").get_json()
    token = answer["files"][0]["token"]
    assert answer["files"][0]["markdown"] == f"[![截图.png](/a/{token}/thumb)](/a/{token})"
    assert only_attachment().post_id is None
    response = post_form(member_client, f"/t/{thread.id}/reply",
                         {"body": answer["files"][0]["markdown"], "attachments": token, "submit": "1"})
    assert response.status_code == 302
    attachment = only_attachment()
    assert attachment.post.number == 2
    page = member_client.get(f"/t/{thread.id}").get_data(as_text=True)
    assert f'<img alt="截图.png" src="/a/{token}/thumb"' in page


def test_someone_elses_pending_upload_cannot_be_taken_into_a_post(app, member_client, thread):
    other = login(app.test_client(), make_user())
    token = upload_json(other, thread.board, samples.image_bytes(), "x.png").get_json()["files"][0]["token"]
    post_form(member_client, f"/t/{thread.id}/reply", {"body": "拿走", "attachments": token, "submit": "1"})
    assert only_attachment().post_id is None


def test_the_editor_upload_answers_a_refusal_as_json(member_client, thread):
    response = upload_json(member_client, thread.board, samples.SVG, "a.svg")
    assert response.status_code == 400 and "error" in response.get_json()
    assert stored_files() == []


def test_an_account_uploads_no_more_than_its_daily_allowance(member_client, thread):
    put_setting("uploads_per_day", 2)
    db.session.commit()
    for n in range(2):
        assert upload_json(member_client, thread.board, samples.image_bytes(), f"{n}.png").status_code == 200
    third = upload_json(member_client, thread.board, samples.image_bytes(), "3.png")
    assert third.status_code == 400
    assert db.session.execute(db.select(db.func.count(Attachment.id))).scalar_one() == 2


def test_a_file_uploaded_for_a_roomier_board_cannot_join_a_post_where_it_is_too_large(member_client, thread):
    put_setting("upload_limits_mb", {"default": 1, "notice": 5})
    db.session.commit()
    notices = make_board(type="notice")
    big = samples.PDF + b"0" * (2 * 1024 * 1024)
    token = upload_json(member_client, notices, big, "big.pdf").get_json()["files"][0]["token"]
    response = post_form(member_client, f"/t/{thread.id}/reply", {"body": "大", "attachments": token, "submit": "1"})
    assert response.status_code == 200 and only_attachment().post_id is None


def test_a_new_thread_and_an_edit_take_files_too(member_client, member):
    board = make_board()
    response = post_form(member_client, f"/b/{board.slug}/new",
                         {"title": "带附件的主题", "body": "见附件", "submit": "1",
                          "files": [(io.BytesIO(samples.PDF), "通知.pdf")]},
                         content_type="multipart/form-data")
    assert response.status_code == 302
    first = only_attachment().post
    assert "通知.pdf" in member_client.get(f"/p/{first.id}/edit").get_data(as_text=True)
    post_form(member_client, f"/p/{first.id}/edit",
              {"title": "带附件的主题", "body": "又加一个", "submit": "1",
               "files": [(io.BytesIO(samples.image_bytes()), "图.png")]},
              content_type="multipart/form-data")
    names = db.session.execute(db.select(Attachment.filename).where(Attachment.post_id == first.id)
                               .order_by(Attachment.id)).scalars().all()
    assert names == ["通知.pdf", "图.png"]


def test_preview_uploads_the_chosen_files_and_keeps_them_listed(member_client, thread):
    response = post_form(member_client, f"/t/{thread.id}/reply",
                         {"body": "先预览", "preview": "1", "files": [(io.BytesIO(samples.PDF), "预览.pdf")]},
                         content_type="multipart/form-data")
    attachment = only_attachment()
    assert attachment.post_id is None
    assert f'name="attachments" value="{attachment.token}"' in response.get_data(as_text=True)


def test_a_name_with_a_backslash_is_refused_by_the_service(member, thread):
    # Werkzeug's header parser reads a backslash in a quoted filename as an escape, so
    # this is sent to the service as a browser on Windows could name the file.
    from forum.attachments.services import prepare_attachments
    from forum.service import Refused

    with pytest.raises(Refused) as refused:
        prepare_attachments(member, thread.board, [samples.upload(samples.image_bytes(), "..\\boot.png")])
    assert refused.value.field == "files"
    assert stored_files() == []


def test_a_request_larger_than_any_limit_gets_a_clear_413_page(member_client, thread):
    put_setting("upload_limits_mb", {"default": 1})  # ten files of 1 MB and the text: 11 MB
    db.session.commit()
    response = reply_with(member_client, thread, [(samples.PDF + b"0" * 12 * 1024 * 1024, "big.pdf")])
    assert response.status_code == 413
    assert says(response.get_data(as_text=True),
                "What you sent is too large. Send smaller files, or fewer at a time.")
    assert stored_files() == []


def test_uploads_no_post_took_are_pruned_with_their_files(app, member, thread):
    from datetime import timedelta

    from forum.attachments.services import upload_attachments

    old, fresh = (upload_attachments(member, thread.board, [samples.upload(samples.image_bytes(), n)])[0]
                  for n in ("old.png", "fresh.png"))
    old.created_at -= timedelta(days=3)
    db.session.commit()
    result = app.test_cli_runner().invoke(args=["forum", "prune-uploads", "--days", "2"])
    assert "1 pending uploads deleted" in result.output
    tokens = db.session.execute(db.select(Attachment.token)).scalars().all()
    assert tokens == [fresh.token]
    assert len(stored_files()) == 2  # the fresh picture and its thumbnail
