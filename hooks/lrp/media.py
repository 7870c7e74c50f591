"""Published images: metadata removed, oversized photos scaled, their sizes known to the pages."""

from __future__ import annotations

import io
import os
import posixpath
import warnings
from pathlib import Path
from urllib.parse import unquote, urlsplit

from PIL import Image, ImageOps

from .errors import Invalid

MAX_SIDE = 1600  # pixels: plenty for a phone or a laptop screen
PROCESSED = (".jpg", ".jpeg", ".png")
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
        raise Invalid(f"'{address}' must be a relative path such as {example}, not an address or an absolute path")
    collection = source.split("/", 1)[0]
    path = posixpath.normpath(posixpath.join(posixpath.dirname(source), unquote(parts.path)))
    if not path.startswith(f"{collection}/"):
        raise Invalid(f"'{address}' leaves the folder {collection}/; keep the file inside it")
    suffix = posixpath.splitext(path)[1].lower()
    if suffix not in types:
        raise Invalid(f"'{address}' must be one of the file types {', '.join(types)}")
    full = Path(root) / path
    if any(os.path.islink(Path(root, *path.split("/")[:depth])) for depth in range(1, path.count("/") + 2)):
        raise Invalid(f"'{address}' is a symbolic link; put the file itself in the repository")
    if not full.is_file():
        raise Invalid(f"'{address}' does not exist next to this file")
    wrong = _content_problem(full, suffix)
    if wrong:
        raise Invalid(f"'{address}' {wrong}")
    return path


def _content_problem(path: Path, suffix: str) -> str | None:
    """Why the file is not what its name says, or None."""
    if suffix in DOCUMENTS:
        with path.open("rb") as file:
            return None if file.read(len(DOCUMENTS[suffix])) == DOCUMENTS[suffix] else "is not a PDF file"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                found = image.format
                image.load()  # decoded whole: a broken or truncated file fails here
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return "has too many pixels to be published; make it smaller"
    except Exception:  # noqa: BLE001 - Pillow raises many kinds for a file that is no image
        return f"is not a readable {IMAGES[suffix]} image"
    if found != IMAGES[suffix]:
        return f"is a {found} image, not the {IMAGES[suffix]} its name says; give it the right name"
    return None


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
