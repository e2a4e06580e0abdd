"""Avatars on the account page, author cards and profiles; upload limits in the control panel."""
import io
import re

from PIL import Image

from forum.extensions import db
from forum.settings import get_setting
from tests.attachments import samples
from tests.checks import log
from tests.conftest import login, post_form
from tests.factories import make_thread, make_user

AVATAR_RE = re.compile(r'src="(/avatars/\d+/\d+-(\d+)\.webp)"')


def upload_avatar(client, data, name="头像.png"):
    return post_form(client, "/account/avatar", {"avatar": (io.BytesIO(data), name)},
                     content_type="multipart/form-data")


def test_an_avatar_is_cropped_square_in_two_sizes_and_shown_on_thread_and_profile(member_client, member, client):
    response = upload_avatar(member_client, samples.image_bytes("JPEG", size=(300, 120)))
    assert response.status_code == 302
    db.session.refresh(member)
    assert member.avatar_version == 1
    for size in (128, 48):
        served = client.get(f"/avatars/{member.id}/1-{size}.webp")
        assert served.status_code == 200 and served.headers["X-Content-Type-Options"] == "nosniff"
        assert "immutable" in served.headers["Cache-Control"]
        assert Image.open(io.BytesIO(served.data)).size == (size, size)
    thread = make_thread(author=member)
    assert f"/avatars/{member.id}/1-128.webp" in client.get(f"/t/{thread.id}").get_data(as_text=True)
    assert f"/avatars/{member.id}/1-128.webp" in client.get("/u/member").get_data(as_text=True)


def test_a_new_avatar_gets_a_new_url_and_the_old_one_is_gone(member_client, member, client):
    upload_avatar(member_client, samples.image_bytes())
    upload_avatar(member_client, samples.image_bytes("GIF"))
    db.session.refresh(member)
    assert member.avatar_version == 2
    assert client.get(f"/avatars/{member.id}/1-128.webp").status_code == 404
    assert client.get(f"/avatars/{member.id}/2-128.webp").status_code == 200


def test_without_an_avatar_the_author_card_shows_the_default(member, client):
    thread = make_thread(author=member)
    page = client.get(f"/t/{thread.id}").get_data(as_text=True)
    assert 'class="avatar avatar-128 avatar-default"' in page and "/avatars/" not in page


def test_removing_the_avatar_goes_back_to_the_default(member_client, member, client):
    upload_avatar(member_client, samples.image_bytes())
    post_form(member_client, "/account/avatar", {"remove": "1"})
    db.session.refresh(member)
    assert member.avatar_version is None
    assert client.get(f"/avatars/{member.id}/1-128.webp").status_code == 404


def test_an_svg_or_a_bomb_is_refused_as_an_avatar_with_a_message(member_client, member):
    for data, name in [(samples.SVG, "a.svg"), (samples.png_bomb(), "b.png"), (samples.PDF, "c.png")]:
        response = upload_avatar(member_client, data, name)
        assert response.status_code == 302
        page = member_client.get("/account").get_data(as_text=True)
        assert 'class="flash flash-error"' in page
    db.session.refresh(member)
    assert member.avatar_version is None


def test_an_avatar_over_25_megapixels_is_refused_from_its_header(member_client, member):
    member_client.set_cookie("lang", "en")
    upload_avatar(member_client, samples.png_bomb(6000, 5000), "大头像.png")
    page = member_client.get("/account").get_data(as_text=True)
    assert "too many pixels (more than 25 million)" in page
    db.session.refresh(member)
    assert member.avatar_version is None


def test_the_account_page_offers_the_avatar_form(member_client):
    page = member_client.get("/account").get_data(as_text=True)
    assert 'action="/account/avatar"' in page and 'enctype="multipart/form-data"' in page


def test_the_system_admin_sets_upload_limits_per_board_type(app):
    admin = login(app.test_client(), make_user(admin_role="system"))
    assert admin.get("/admin/uploads").status_code == 200
    form = {f"type_{key}": "5" for key in ("discussion", "disclosure", "mailbox", "training",
                                           "counsel", "branch", "fund")}
    response = post_form(admin, "/admin/uploads", {**form, "type_notice": "1", "default": "3",
                                                   "uploads_per_day": "7"})
    assert response.status_code == 302
    assert get_setting("upload_limits_mb")["notice"] == 1
    assert get_setting("uploads_per_day") == 7
    assert log("settings")[-1].reason.startswith("upload_limits_mb: ")


def test_an_upload_limit_outside_the_range_is_refused(app):
    admin = login(app.test_client(), make_user(admin_role="system"))
    response = post_form(admin, "/admin/uploads", {"type_notice": "0", "default": "999",
                                                   "uploads_per_day": "7"})
    assert response.status_code == 200
    assert get_setting("uploads_per_day") == 50


def test_a_limit_set_for_notice_boards_applies_to_them(app):
    admin = login(app.test_client(), make_user(admin_role="system"))
    form = {f"type_{key}": "5" for key in ("discussion", "disclosure", "mailbox", "training",
                                           "counsel", "branch", "fund")}
    post_form(admin, "/admin/uploads", {**form, "type_notice": "1", "default": "5", "uploads_per_day": "50"})
    from forum.attachments.services import size_limit

    assert size_limit("notice") == 1024 * 1024 and size_limit("discussion") == 5 * 1024 * 1024


def test_deleting_the_account_deletes_the_avatar(member_client, member, client, app):
    from pathlib import Path

    upload_avatar(member_client, samples.image_bytes())
    post_form(member_client, "/account/delete", {"password": "correct horse 9"})
    db.session.refresh(member)
    assert member.deleted_at is not None and member.avatar_version is None
    assert client.get(f"/avatars/{member.id}/1-128.webp").status_code == 404
    assert not list((Path(app.config["UPLOAD_FOLDER"]) / "avatars").rglob("*.webp"))
