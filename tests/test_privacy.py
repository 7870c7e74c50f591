"""Published images carry no personal metadata; pages make no requests elsewhere and set no cookies."""

import io
import re

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
