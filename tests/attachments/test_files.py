"""What a file is, decided by its bytes alone."""
import pytest

from forum.attachments.files import clean_filename, inspect
from forum.service import Refused
from tests.attachments import samples

MP4 = b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2" + b"\x00" * 100
M4A = b"\x00\x00\x00\x18ftypM4A \x00\x00\x02\x00isomiso2" + b"\x00" * 100
MP3 = b"ID3\x03\x00\x00\x00\x00\x00\x0a" + b"\x00" * 100
OLE_GARBAGE = bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 600


@pytest.mark.parametrize("data,kind,ext", [
    (samples.image_bytes("PNG"), "image", "png"), (samples.image_bytes("JPEG"), "image", "jpg"),
    (samples.image_bytes("GIF"), "image", "gif"), (samples.image_bytes("WEBP"), "image", "webp"),
    (samples.PDF, "file", "pdf"), (MP3, "file", "mp3"), (MP4, "file", "mp4"),
    (samples.office_zip(samples.DOCX_MAIN), "file", "docx"),
    (samples.office_zip(samples.XLSX_MAIN), "file", "xlsx"),
    (samples.office_zip(samples.PPTX_MAIN), "file", "pptx"),
], ids=["png", "jpeg", "gif", "webp", "pdf", "mp3", "mp4", "docx", "xlsx", "pptx"])
def test_allowed_types_are_recognised_by_content(data, kind, ext):
    found = inspect(data)
    assert (found.kind, found.ext) == (kind, ext)


@pytest.mark.parametrize("data", [M4A, OLE_GARBAGE, samples.EXE, samples.SVG, samples.HTML,
                                  b"PK\x03\x04broken zip", b"plain text"],
                         ids=["m4a", "ole-without-streams", "exe", "svg", "html", "broken-zip", "text"])
def test_other_types_are_refused(data):
    with pytest.raises(Refused):
        inspect(data)


def test_an_animated_gif_stays_animated_and_loses_what_was_appended():
    import io

    from PIL import Image

    frames = [Image.new("RGB", (20, 20), color) for color in ("red", "green", "blue")]
    out = io.BytesIO()
    frames[0].save(out, "GIF", save_all=True, append_images=frames[1:])
    found = inspect(out.getvalue() + samples.HTML)
    assert Image.open(io.BytesIO(found.data)).n_frames == 3 and b"<script" not in found.data


def test_long_names_are_shortened_keeping_their_extension():
    name = clean_filename("很" * 300 + ".pdf")
    assert len(name) == 120 and name.endswith(".pdf")
    assert clean_filename("  ") == "file"
