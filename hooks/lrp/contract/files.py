"""The media files the contract allows (images and PDF files): the check of a file an item names,
and the size an image is published at. outputs/media.py writes the published images.
"""

from __future__ import annotations

import os
import posixpath
import warnings
from pathlib import Path
from urllib.parse import unquote, urlsplit

from PIL import Image, ImageSequence

from ..base.errors import Invalid
from ..base.messages import Message

MAX_SIDE = 1600  # pixels: plenty for a phone or a laptop screen
# The media the contract allows (images and PDF files), each with what its content must be:
# Pillow's name of the image format, or the first bytes of the file.
IMAGES = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP", ".gif": "GIF"}
DOCUMENTS = {".pdf": b"%PDF-"}
IMAGE_TYPES = tuple(IMAGES)
FILE_TYPES = (*IMAGES, *DOCUMENTS)


def check_file(root: Path, source: str, address: str, types: tuple[str, ...]) -> str:
    """The repository path of a file an item at ``source`` (a repository path) names
    relatively; raises ``Invalid`` unless it is a file of an allowed type inside the item's
    collection folder, reached without a symbolic link, and is what its name says."""
    example = "images/photo.jpg" if types == IMAGE_TYPES else "files/report.pdf"
    try:
        parts = urlsplit(address)
    except ValueError:
        parts = None
    if not parts or parts.scheme or parts.netloc or address.startswith(("/", "\\")) or "\\" in address:
        raise Invalid(Message("media.relative", address=address, example=example))
    collection = source.split("/", 1)[0]
    path = posixpath.normpath(posixpath.join(posixpath.dirname(source), unquote(parts.path)))
    if not path.startswith(f"{collection}/"):
        raise Invalid(Message("media.leaves", address=address, collection=collection))
    suffix = posixpath.splitext(path)[1].lower()
    if suffix not in types:
        raise Invalid(Message("media.type", address=address, types=", ".join(types)))
    full = Path(root) / path
    if any(os.path.islink(Path(root, *path.split("/")[:depth])) for depth in range(1, path.count("/") + 2)):
        raise Invalid(Message("media.symlink", address=address))
    if not full.is_file():
        raise Invalid(Message("media.missing", address=address))
    wrong = _content_problem(full, suffix)
    if wrong:
        key, values = wrong
        raise Invalid(Message(key, address=address, **values))
    return path


def _content_problem(path: Path, suffix: str) -> tuple[str, dict] | None:
    """Why the file is not what its name says (a message's key and values), or None."""
    if suffix in DOCUMENTS:
        with path.open("rb") as file:
            return None if file.read(len(DOCUMENTS[suffix])) == DOCUMENTS[suffix] else ("media.not_pdf", {})
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                found = image.format
                pixels = 0
                for frame in ImageSequence.Iterator(image):  # decoded whole: a broken or truncated file fails here
                    frame.load()
                    pixels += frame.width * frame.height
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return ("media.too_big", {})
    except Exception:  # noqa: BLE001 - Pillow raises many kinds for a file that is no image
        return ("media.unreadable", {"format": IMAGES[suffix]})
    if found != IMAGES[suffix]:
        return ("media.format", {"found": str(found), "expected": IMAGES[suffix]})
    if pixels > Image.MAX_IMAGE_PIXELS:  # an animation is published frame by frame: all of them count
        return ("media.too_big", {})
    return None


def is_image(path: str) -> bool:
    return path.lower().endswith(IMAGE_TYPES)


def published_size(path: Path) -> tuple[int, int]:
    """Width and height of the published image, read from its header alone."""
    with Image.open(path) as image:
        width, height = image.size
        if orientation(image) in (5, 6, 7, 8):  # stored rotated by 90 degrees
            width, height = height, width
    scale = min(1.0, MAX_SIDE / max(width, height))
    return max(1, round(width * scale)), max(1, round(height * scale))


def orientation(image: Image.Image) -> int:
    """How the image is stored (EXIF orientation, 1: upright); broken EXIF counts as upright
    (it is not published either)."""
    try:
        return image.getexif().get(0x0112, 1)
    except Exception:  # noqa: BLE001 - Pillow raises many kinds for a broken EXIF block
        return 1
