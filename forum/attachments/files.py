"""What an uploaded file is, decided by its content, and the bytes the forum keeps of it.

The name a browser sends never decides the type. Images are decoded and re-encoded by
Pillow (EXIF, comments and anything appended to the file do not survive); other files
must be, structurally, one of the few document and media types allowed, and are kept as
they came, to be served only as downloads.
"""
import io
import unicodedata
import zipfile
from dataclasses import dataclass

import filetype
import olefile
from flask_babel import gettext as _
from PIL import Image, ImageOps

from forum.service import Refused

# Checked from the header, before a pixel is decoded: decoding and re-encoding costs
# about a second per 40 million pixels. Pillow itself refuses (DecompressionBombError)
# above twice this; we refuse above it ourselves.
MAX_PIXELS = 25_000_000
Image.MAX_IMAGE_PIXELS = MAX_PIXELS
MAX_FRAMES = 200
THUMB_SIZE = (800, 800)
NAME_MAX = 120

# Pillow format -> (mime type, extension, save options)
IMAGE_FORMATS = {
    "JPEG": ("image/jpeg", "jpg", {"quality": 85, "optimize": True}),
    "PNG": ("image/png", "png", {"optimize": True}),
    "GIF": ("image/gif", "gif", {}),
    "WEBP": ("image/webp", "webp", {"quality": 85}),
}
# Sniffed mime type -> extension, for the files kept as they came.
DOWNLOADS = {
    "application/pdf": "pdf",
    "audio/mpeg": "mp3",
    "video/mp4": "mp4",
}
OOXML = {  # the main part's content type inside [Content_Types].xml
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml":
        ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml":
        ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml":
        ("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"),
}
OLE_STREAMS = {  # the stream that makes an OLE compound file a Word, Excel or PowerPoint file
    "worddocument": ("application/msword", "doc"),
    "workbook": ("application/vnd.ms-excel", "xls"),
    "book": ("application/vnd.ms-excel", "xls"),
    "powerpoint document": ("application/vnd.ms-powerpoint", "ppt"),
}
OLE_MACROS = {"macros", "_vba_project_cur", "vba"}
OOXML_MACROS = ("vbaproject", "macroenabled")  # part names and content types, lower case


@dataclass
class Inspected:
    """A file that passed: what it is, and the bytes to keep (re-encoded for images)."""

    kind: str  # image or file
    mime: str
    ext: str
    data: bytes
    thumb: bytes | None = None
    width: int | None = None
    height: int | None = None


def not_allowed():
    return Refused(_("Only images (JPEG, PNG, GIF, WebP), PDF, Word, Excel, PowerPoint, MP3 "
                     "and MP4 files can be attached; this file is none of them."), field="files")


def clean_filename(name):
    """The name to show and download under; refused if it tries to be a path or hides
    control characters."""
    name = unicodedata.normalize("NFC", (name or "").strip())
    if any(c in name for c in "/\\") or any(unicodedata.category(c)[0] == "C" for c in name):
        raise Refused(_("A file name may not contain slashes, backslashes or control "
                        "characters. Rename the file and try again."), field="files")
    if name in {"", ".", ".."}:
        name = "file"
    if len(name) > NAME_MAX:
        stem, dot, ext = name.rpartition(".")
        name = (stem[:NAME_MAX - len(ext) - 1] + dot + ext) if dot and len(ext) <= 8 else name[:NAME_MAX]
    return name


def inspect(data):
    """Decide what the bytes are; raise Refused for anything not allowed."""
    guess = filetype.guess(data)
    mime = guess.mime if guess else None
    if mime in {"image/jpeg", "image/png", "image/apng", "image/gif", "image/webp"}:
        return _image(data)
    if mime in DOWNLOADS and (mime != "application/pdf" or data.startswith(b"%PDF-")):
        return Inspected("file", mime, DOWNLOADS[mime], data)
    if data.startswith(b"PK\x03\x04"):
        return _office_zip(data)
    if data.startswith(bytes.fromhex("D0CF11E0A1B11AE1")):
        return _office_ole(data)
    raise not_allowed()


def _image(data):
    """Decode and re-encode; refuse bombs and anything Pillow cannot read."""
    try:
        with Image.open(io.BytesIO(data)) as image:  # reads the header only
            if image.format not in IMAGE_FORMATS:
                raise not_allowed()
            if image.width * image.height > MAX_PIXELS:  # before frames are counted or decoded
                raise _bomb()
            frames = getattr(image, "n_frames", 1)
            if image.width * image.height * min(frames, MAX_FRAMES) > MAX_PIXELS or frames > MAX_FRAMES:
                raise _bomb()
            return _reencode(image)
    except Refused:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _bomb() from None
    except Exception:  # a decoder meeting a hostile file raises many kinds: all mean damaged
        raise Refused(_("This image is damaged or not really an image."), field="files") from None


def _bomb():
    return Refused(_("This image has too many pixels (more than %(n)d million); make it "
                     "smaller and try again.", n=MAX_PIXELS // 1_000_000), field="files")


def _macros():
    return Refused(_("Documents with macros cannot be attached."), field="files")


def _reencode(image):
    mime, ext, options = IMAGE_FORMATS[image.format]
    animated = image.format in {"GIF", "WEBP"} and getattr(image, "n_frames", 1) > 1
    out = io.BytesIO()
    if animated:
        image.save(out, image.format, save_all=True, **options)
        still = image.copy()
    else:
        still = ImageOps.exif_transpose(image)  # turn by EXIF before EXIF is dropped
        still.info = {}  # no EXIF, ICC, text chunks or comments carried over
        if image.format == "JPEG" and still.mode not in {"RGB", "L"}:
            still = still.convert("RGB")
        still.save(out, image.format, **options)
    return Inspected("image", mime, ext, out.getvalue(), thumb=_thumbnail(still),
                     width=still.width, height=still.height)


def _thumbnail(image):
    thumb = image.convert("RGBA" if image.mode in {"RGBA", "LA", "P", "PA"} else "RGB")
    thumb.thumbnail(THUMB_SIZE)
    out = io.BytesIO()
    thumb.save(out, "WEBP", quality=80)
    return out.getvalue()


def _office_zip(data):
    """docx, xlsx, pptx: a zip whose [Content_Types].xml names the right main part."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = archive.getinfo("[Content_Types].xml")
            if info.file_size > 1_000_000:  # a content-types list is a few kilobytes
                raise not_allowed()
            types = archive.read(info).decode("utf-8", "replace")
            names = archive.namelist()
    except (KeyError, zipfile.BadZipFile, NotImplementedError, RuntimeError, OSError):
        raise not_allowed() from None
    # A .docx with a vbaProject.bin part (or content types declaring macros) is a .docm
    # under another name; Office runs its macros whatever the file is called.
    package = "\n".join([types, *names]).lower()
    if any(mark in package for mark in OOXML_MACROS):
        raise _macros()
    for part, (mime, ext) in OOXML.items():
        if f'ContentType="{part}"' in types:
            return Inspected("file", mime, ext, data)
    raise not_allowed()  # a plain zip, or another OOXML document


def _office_ole(data):
    """doc, xls, ppt: an OLE compound file with the program's main stream, no macros."""
    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            names = {part.lower() for entry in ole.listdir(streams=True, storages=True)
                     for part in entry}
    except Exception:  # olefile raises many kinds on a malformed file: all mean "not one"
        raise not_allowed() from None
    if names & OLE_MACROS:
        raise _macros()
    for stream, (mime, ext) in OLE_STREAMS.items():
        if stream in names:
            return Inspected("file", mime, ext, data)
    raise not_allowed()
