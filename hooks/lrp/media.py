"""Published images: metadata removed, oversized photos scaled, their sizes known to the pages."""

from __future__ import annotations

import io
import posixpath
import re
from pathlib import Path

from PIL import Image, ImageOps

MAX_SIDE = 1600  # pixels: plenty for a phone or a laptop screen
PROCESSED = (".jpg", ".jpeg", ".png")


def is_processed(path: str) -> bool:
    return path.lower().endswith(PROCESSED)


def published_size(path: Path) -> tuple[int, int]:
    """Width and height of the published image, read from its header alone."""
    with Image.open(path) as image:
        width, height = image.size
        if image.getexif().get(0x0112) in (5, 6, 7, 8):  # stored rotated by 90 degrees
            width, height = height, width
    scale = min(1.0, MAX_SIDE / max(width, height))
    return max(1, round(width * scale)), max(1, round(height * scale))


def prepare(path: Path) -> bytes:
    """The image as published: upright, at most MAX_SIDE pixels, without EXIF, XMP or text chunks."""
    with Image.open(path) as original:
        image = ImageOps.exif_transpose(original)
        image.thumbnail((MAX_SIDE, MAX_SIDE))
        size = published_size(path)
        if image.size != size:
            image = image.resize(size)
        out = io.BytesIO()
        icc = original.info.get("icc_profile")  # colour, not personal data
        if path.suffix.lower() == ".png":
            image.save(out, "PNG", optimize=True, icc_profile=icc)
        else:
            image.convert("RGB").save(out, "JPEG", quality=85, optimize=True, progressive=True, icc_profile=icc)
        return out.getvalue()


_IMG = re.compile(r"<img\b([^>]*?)\s*/?>")
_SRC = re.compile(r'\ssrc="([^"]+)"')


def decorate(html: str, page_url: str, sizes) -> str:
    """Give every <img> of rendered Markdown loading="lazy", and width/height where known.

    ``sizes(site_path)`` gives (width, height) of an image by its address on the site, or None.
    """

    def attributes(match: re.Match) -> str:
        attrs = match.group(1)
        src = _SRC.search(attrs)
        extra = "" if "loading=" in attrs else ' loading="lazy"'
        if src and "width=" not in attrs and "://" not in src.group(1):
            size = sizes(posixpath.normpath(posixpath.join(page_url, src.group(1))))
            if size:
                extra += f' width="{int(size[0])}" height="{int(size[1])}"'
        return f"<img{attrs}{extra}>"

    return _IMG.sub(attributes, html)
