"""Avatars: a square picture in two sizes, public, with a version in its URL."""
import io

from flask_babel import gettext as _
from PIL import Image, ImageOps

from forum.attachments import storage
from forum.attachments.files import clean_filename, inspect
from forum.attachments.services import MB
from forum.service import Refused, commit

SIZES = (128, 48)
MAX_BYTES = 5 * MB


def set_avatar(user, upload):
    """Crop the picture to its centre square, keep it at each size, show the new one."""
    if upload is None or not upload.filename:
        raise Refused(_("Choose a picture first."), field="avatar")
    clean_filename(upload.filename)
    data = upload.stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise Refused(_("An avatar may be at most %(n)d MB.", n=MAX_BYTES // MB), field="avatar")
    try:
        checked = inspect(data)
    except Refused as refusal:
        raise Refused(refusal.message, field="avatar") from None
    if checked.kind != "image":
        raise Refused(_("An avatar must be a JPEG, PNG, GIF or WebP picture."), field="avatar")
    old = user.avatar_version
    version = (old or 0) + 1
    with Image.open(io.BytesIO(checked.data)) as image:  # already re-encoded: safe to open
        square = image.convert("RGBA" if "A" in image.mode or image.mode == "P" else "RGB")
    for size in SIZES:
        out = io.BytesIO()
        ImageOps.fit(square, (size, size)).save(out, "WEBP", quality=85)
        storage.write(storage.avatar_path(user.id, version, size), out.getvalue())
    user.avatar_version = version
    commit()
    remove_avatar_files(user.id, old)


def remove_avatar(user):
    """Back to the default avatar; the files go."""
    old = user.avatar_version
    user.avatar_version = None
    commit()
    remove_avatar_files(user.id, old)


def remove_avatar_files(user_id, version):
    """Delete one version's pictures (after the commit that stopped showing them)."""
    if version is not None:
        storage.remove(*(storage.avatar_path(user_id, version, size) for size in SIZES))
