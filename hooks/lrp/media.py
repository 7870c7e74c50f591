"""Published images: metadata removed, oversized photos scaled, their sizes known to the pages."""

from __future__ import annotations

import io
import re
from pathlib import Path

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
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


class ImageSizes(Extension):
    """Markdown: ``loading="lazy"`` on every image, and the width and height of published ones.

    ``sizes(site_path)`` gives (width, height) of an image by its address on the site
    (``media/…``), or None.
    """

    def __init__(self, sizes):
        super().__init__()
        self.sizes = sizes

    def extendMarkdown(self, md):
        # After MkDocs' own link rewriting (priority 0), so that sources are final addresses.
        md.treeprocessors.register(_ImageSizer(md, self.sizes), "lrp_image_sizes", -10)


class _ImageSizer(Treeprocessor):
    def __init__(self, md, sizes):
        super().__init__(md)
        self.sizes = sizes

    def run(self, root):
        for image in root.iter("img"):
            image.set("loading", image.get("loading") or "lazy")
            src = image.get("src", "")
            if "width" in image.attrib or "://" in src:
                continue
            size = self.sizes(re.sub(r"^(\.\.?/)+", "", src))  # "../../media/x.png" is media/x.png
            if size:
                image.set("width", str(size[0]))
                image.set("height", str(size[1]))
