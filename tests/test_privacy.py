"""Published images carry no personal metadata; pages make no requests elsewhere and set no cookies."""

import io
import re

import pytest
from conftest import build_site, read, write_site
from PIL import Image, PngImagePlugin


def photo_with_metadata(size=(3000, 2000)) -> bytes:
    image = Image.new("RGB", size, (150, 110, 80))
    exif = Image.Exif()
    exif[0x010F] = "Made-up Camera Maker"  # Make
    exif[0x013B] = "Anna Fotografe"  # Artist
    exif[0x8825] = {1: "N", 2: (56.0, 57.0, 0.0)}  # GPS latitude
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif, comment="Anna Fotografe, Talsi, 2024")
    return out.getvalue()


def png_with_text() -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Anna Fotografe")
    info.add_text("Location", "Talsi")
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (10, 20, 30)).save(out, "PNG", pnginfo=info)
    return out.getvalue()


STORY = """---
title: Attēlu stāsts
summary: Stāsts ar attēliem.
person: Izdomāta
date: 2024
consent: 2024-02-02
image: images/photo.jpg
image_alt: Izdomāts foto
---

![Izdomāts zīmējums](images/drawing.png)
"""


def test_images_lose_metadata_are_scaled_and_sized(tmp_path):
    root = write_site(
        tmp_path,
        {
            "stories/images/photo.jpg": photo_with_metadata(),
            "stories/images/drawing.png": png_with_text(),
            "stories/pics.lv.md": STORY,
        },
        base=None,
    )
    site = build_site(root)
    published = (site / "media/stories/images/photo.jpg").read_bytes()
    assert b"Made-up Camera" not in published and b"Anna Fotografe" not in published and b"Talsi" not in published
    with Image.open(io.BytesIO(published)) as image:
        assert image.size == (1600, 1067) and len(image.getexif()) == 0 and "exif" not in image.info
        assert "comment" not in image.info
    drawing = (site / "media/stories/images/drawing.png").read_bytes()
    assert b"Anna Fotografe" not in drawing and b"Talsi" not in drawing
    with Image.open(io.BytesIO(drawing)) as image:
        assert image.size == (40, 30) and not getattr(image, "text", {})
    html = read(site, "dzives-stasti/pics")
    assert (
        '<img src="../../media/stories/images/photo.jpg" alt="Izdomāts foto" width="1600" height="1067">'  # the portrait
        in html
    )
    body_image = re.search(r'<img [^>]*src="../../media/stories/images/drawing.png"[^>]*>', html).group(0)
    for attribute in ('alt="Izdomāts zīmējums"', 'loading="lazy"', 'width="40"', 'height="30"'):
        assert attribute in body_image
    card = read(site, "dzives-stasti")
    assert (
        'class="lrp-card__image" src="../media/stories/images/photo.jpg" alt="Izdomāts foto" loading="lazy" width="1600" height="1067"'
        in card
    )


# ---- every image type, every metadata block it can carry ------------------------------------

SECRET = b"Anna Fotografe, Talsi"  # in every metadata block of the images below
GPS = {1: "N", 2: (56.0, 57.0, 0.0), 3: "E", 4: (22.0, 35.0, 0.0)}  # a made-up position
XMP = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><dc:creator>' + SECRET + b"</dc:creator></rdf:RDF></x:xmpmeta>"
# Blocks of pixels, colour, timing and layout: anything else a container holds is metadata.
PNG_IMAGE = {b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"iCCP", b"sRGB", b"gAMA", b"cHRM", b"sBIT", b"pHYs"}
PNG_IMAGE |= {b"bKGD", b"acTL", b"fcTL", b"fdAT"}
WEBP_IMAGE = {b"VP8 ", b"VP8L", b"VP8X", b"ALPH", b"ANIM", b"ANMF", b"ICCP"}
JPEG_IMAGE = {0xE0, 0xE2, 0xEE}  # of the APPn segments: JFIF, ICC profile, Adobe colour transform


def metadata_blocks(data: bytes) -> list[str]:
    """The metadata blocks of a JPEG, PNG, WebP or GIF file, read from its container."""
    if data.startswith(b"\xff\xd8"):
        return _jpeg_blocks(data)
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return _png_blocks(data)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return _webp_blocks(data)
    assert data[:6] in (b"GIF87a", b"GIF89a"), data[:12]
    return _gif_blocks(data)


def _jpeg_blocks(data: bytes) -> list[str]:
    found, pos = [], 2
    while data[pos + 1] != 0xDA:  # up to the start of the scan; all metadata comes before it
        marker, length = data[pos + 1], int.from_bytes(data[pos + 2 : pos + 4], "big")
        payload = data[pos + 4 : pos + 2 + length]
        if marker == 0xE1:
            found.append(
                "EXIF" if payload.startswith(b"Exif\0") else "XMP" if b"ns.adobe.com/xap" in payload else "APP1"
            )
        elif marker == 0xED:
            found.append("IPTC")
        elif marker == 0xFE:
            found.append("comment")
        elif 0xE0 <= marker <= 0xEF and marker not in JPEG_IMAGE:
            found.append(f"APP{marker - 0xE0}")
        pos += 2 + length
    return found


def _png_blocks(data: bytes) -> list[str]:
    found, pos = [], 8
    while pos < len(data):
        length, kind = int.from_bytes(data[pos : pos + 4], "big"), data[pos + 4 : pos + 8]
        if kind not in PNG_IMAGE:
            found.append(kind.decode())
        pos += 12 + length
    return found


def _webp_blocks(data: bytes) -> list[str]:
    found, pos = [], 12
    while pos < len(data):
        kind, length = data[pos : pos + 4], int.from_bytes(data[pos + 4 : pos + 8], "little")
        if kind not in WEBP_IMAGE:
            found.append(kind.decode())
        pos += 8 + length + length % 2
    return found


def _gif_blocks(data: bytes) -> list[str]:
    def skip_sub_blocks(pos):
        while data[pos]:
            pos += 1 + data[pos]
        return pos + 1

    def colour_table(flags):
        return 3 * 2 ** ((flags & 7) + 1) if flags & 0x80 else 0

    found, pos = [], 13 + colour_table(data[10])
    while data[pos] != 0x3B:  # the trailer
        if data[pos] == 0x2C:  # an image: descriptor, local colour table, LZW code size, data
            pos = skip_sub_blocks(pos + 10 + colour_table(data[pos + 9]) + 1)
            continue
        label = data[pos + 1]
        if label == 0xFE:
            found.append("comment")
        elif label == 0x01:
            found.append("plain text")
        elif label == 0xFF and data[pos + 3 : pos + 14] != b"NETSCAPE2.0":  # NETSCAPE: how often it plays
            found.append(f"application {data[pos + 3 : pos + 14].decode()}")
        pos = skip_sub_blocks(pos + 2)
    return found


def _exif() -> Image.Exif:
    exif = Image.Exif()
    exif[0x013B] = SECRET.decode()  # Artist
    exif[0x8825] = GPS  # the GPS block
    return exif


def _frames(size=(2400, 1200), count=1) -> list[Image.Image]:
    return [Image.new("RGB", size, (40 * i, 110, 80)) for i in range(count)]


def _jpeg() -> bytes:
    out = io.BytesIO()
    _frames()[0].save(out, "JPEG", exif=_exif(), xmp=XMP, comment=SECRET)
    data = out.getvalue()
    record = b"\x1c\x02\x50" + len(SECRET).to_bytes(2, "big") + SECRET  # IPTC By-line
    resource = b"8BIM\x04\x04\0\0" + len(record).to_bytes(4, "big") + record
    app13 = b"\xff\xed" + (2 + 14 + len(resource)).to_bytes(2, "big") + b"Photoshop 3.0\0" + resource
    return data[:2] + app13 + data[2:]


def _png() -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", SECRET.decode())  # tEXt
    info.add_text("Location", SECRET.decode(), zip=True)  # zTXt
    info.add_itxt("Description", SECRET.decode(), lang="lv")  # iTXt
    info.add_itxt("XML:com.adobe.xmp", XMP.decode())  # XMP
    out = io.BytesIO()
    _frames()[0].save(out, "PNG", pnginfo=info, exif=_exif())
    return out.getvalue()


def _webp(count: int) -> bytes:
    out = io.BytesIO()
    first, *rest = _frames(count=count)
    first.save(out, "WEBP", save_all=True, append_images=rest, duration=[100, 200, 300][:count], exif=_exif(), xmp=XMP)
    return out.getvalue()


def _gif() -> bytes:
    out = io.BytesIO()
    first, *rest = _frames(count=3)
    first.save(out, "GIF", save_all=True, append_images=rest, duration=[100, 200, 300], loop=0, comment=SECRET)
    data = out.getvalue()
    start = 13 + (3 * 2 ** ((data[10] & 7) + 1) if data[10] & 0x80 else 0)  # after the global colour table
    xmp = b"\x21\xff\x0bXMP DataXMP" + b"".join(bytes([len(c)]) + c for c in (XMP[:200], XMP[200:]) if c) + b"\0"
    return data[:start] + xmp + data[start:]


def images() -> dict:
    """name -> (file, the metadata blocks it carries, its frames); made when a test asks, not when
    the module is collected (a second of drawing and encoding in every worker)."""
    return {
        "photo.jpg": (_jpeg(), {"EXIF", "XMP", "IPTC", "comment"}, 1),
        "photo.jpeg": (_jpeg(), {"EXIF", "XMP", "IPTC", "comment"}, 1),
        "drawing.png": (_png(), {"eXIf", "tEXt", "zTXt", "iTXt"}, 1),
        "still.webp": (_webp(1), {"EXIF", "XMP "}, 1),
        "moving.webp": (_webp(3), {"EXIF", "XMP "}, 3),
        "moving.gif": (_gif(), {"comment", "application XMP DataXMP"}, 3),
    }


@pytest.mark.slow
def test_every_image_type_is_published_without_any_metadata_block(tmp_path):
    made = images()
    files = {f"stories/images/{name}": data for name, (data, _, _) in made.items()}
    body = "".join(f"![Izdomāts attēls {i}](images/{name})\n\n" for i, name in enumerate(made))
    files["stories/pics.lv.md"] = STORY.split("![")[0] + body
    for name, (data, carried, _) in made.items():  # what the reader finds in the files as written
        assert set(metadata_blocks(data)) == carried and SECRET in data, name
    site = build_site(write_site(tmp_path, files, base=None))
    html = read(site, "dzives-stasti/pics")
    for name, (data, _, frames) in made.items():
        published = (site / "media/stories/images" / name).read_bytes()
        assert metadata_blocks(published) == [] and SECRET not in published, name
        with Image.open(io.BytesIO(data)) as before, Image.open(io.BytesIO(published)) as after:
            assert after.format == before.format and after.size == (1600, 800), name
            assert getattr(after, "n_frames", 1) == frames, name
            if frames > 1:  # an animation keeps its timing
                timing = [(after.seek(i), after.load(), after.info["duration"])[2] for i in range(frames)]
                assert timing == [100, 200, 300], name
        assert re.search(rf'<img [^>]*src="../../media/stories/images/{re.escape(name)}"[^>]*width="1600"', html), name


def test_an_animation_counts_the_pixels_of_every_frame(tmp_path, monkeypatch):
    from lrp.base.errors import Invalid
    from lrp.contract import files

    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 10_000)  # each frame below has 4 000
    for count, allowed in ((2, True), (3, False)):
        first, *rest = _frames((80, 50), count)
        path = tmp_path / f"stories/images/{count}.gif"
        path.parent.mkdir(parents=True, exist_ok=True)
        first.save(path, "GIF", save_all=True, append_images=rest)
        try:
            files.check_file(tmp_path, "stories/a.lv.md", f"images/{count}.gif", files.IMAGE_TYPES)
            refused = None
        except Invalid as error:
            refused = error.message.key
        assert refused == (None if allowed else "media.too_big")


@pytest.mark.parametrize("kind", ["JPEG", "PNG", "WEBP"])
def test_an_image_with_a_broken_exif_block_is_published_without_it(tmp_path, kind):
    from lrp.contract.files import published_size
    from lrp.outputs import media, share

    path = tmp_path / f"p.{kind.lower()}"
    Image.new("RGB", (20, 10)).save(path, kind, exif=b"Exif\0\0" + SECRET)  # no TIFF header after "Exif"
    assert published_size(path) == (20, 10)
    published = media.prepare(path)
    assert metadata_blocks(published) == [] and SECRET not in published
    preview = share.crop(path)  # its link preview too
    assert metadata_blocks(preview) == [] and SECRET not in preview
