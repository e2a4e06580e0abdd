"""Files for upload tests, made in memory: good ones and hostile ones."""
import io
import struct
import zipfile
import zlib

from PIL import Image
from werkzeug.datastructures import FileStorage


def image_bytes(fmt="PNG", size=(64, 48), color=(200, 30, 30), exif=None):
    out = io.BytesIO()
    options = {"exif": exif} if exif is not None else {}
    Image.new("RGB", size, color).save(out, fmt, **options)
    return out.getvalue()


def jpeg_with_gps_exif():
    """A JPEG whose EXIF names a camera and carries a comment: both must not survive."""
    exif = Image.Exif()
    exif[0x010F] = "SecretCameraMaker"  # Make
    exif[0x9286] = "located-at-the-party-office"  # UserComment
    return image_bytes("JPEG", exif=exif.tobytes())


def png_bomb(width=30_000, height=30_000):
    """A tiny PNG whose header claims a huge picture (900 million pixels)."""
    png = bytearray(image_bytes("PNG", size=(1, 1)))
    ihdr = png[12:29]  # b"IHDR" + 13 bytes of data
    data = struct.pack(">II", width, height) + bytes(ihdr[12:17])
    chunk = b"IHDR" + data
    png[12:33] = chunk + struct.pack(">I", zlib.crc32(chunk) & 0xFFFFFFFF)
    return bytes(png)


def office_zip(main_type, extra=None, macro_type=False):
    """A minimal OOXML package: [Content_Types].xml naming the main part (and, if asked,
    declaring a VBA project type)."""
    macros = '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>' if macro_type else ""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", (
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            f'content-types">{macros}<Override PartName="/main.xml" ContentType="{main_type}"/></Types>'))
        archive.writestr("main.xml", "<doc/>")
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return out.getvalue()


DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
XLSX_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
PPTX_MAIN = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
DOCM_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48 + b"PE\x00\x00" + b"\x00" * 200
SVG = (b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">'
       b'<script>alert(document.cookie)</script></svg>')
HTML = b"<!doctype html><html><body><script>alert(document.cookie)</script></body></html>"


def upload(data, name):
    """A FileStorage as a browser sends it."""
    return FileStorage(io.BytesIO(data), filename=name)
