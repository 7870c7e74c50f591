"""Published images: metadata removed, oversized photos scaled, their sizes known to the pages."""

from __future__ import annotations

import io
import os
import posixpath
import warnings
from pathlib import Path
from urllib.parse import unquote, urlsplit

from PIL import Image, ImageSequence

from ..contract.errors import Invalid
from ..contract.messages import Message

MAX_SIDE = 1600  # pixels: plenty for a phone or a laptop screen
# The media the contract allows (images and PDF files), each with what its content must be:
# Pillow's name of the image format, or the first bytes of the file.
IMAGES = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP", ".gif": "GIF"}
DOCUMENTS = {".pdf": b"%PDF-"}
IMAGE_TYPES = tuple(IMAGES)
FILE_TYPES = (*IMAGES, *DOCUMENTS)
# How an image stored in an EXIF orientation is turned upright.
UPRIGHT = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
# How each image type is written anew: a JPEG has one frame; PNG (APNG), WebP and GIF keep their
# animation. Nothing the file carries besides its pixels is passed on, but its colour profile.
SAVE = {
    "JPEG": {"quality": 85, "optimize": True, "progressive": True},
    "PNG": {"optimize": True},
    "WEBP": {"quality": 85},
    "GIF": {"optimize": True},
}


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
        if _orientation(image) in (5, 6, 7, 8):  # stored rotated by 90 degrees
            width, height = height, width
    scale = min(1.0, MAX_SIDE / max(width, height))
    return max(1, round(width * scale)), max(1, round(height * scale))


def prepare(path: Path) -> bytes:
    """The image as published, in its own format: made anew from its pixels, upright, at most
    MAX_SIDE pixels, every frame of an animation kept with its timing. Of what the file carries
    besides pixels (EXIF, XMP, IPTC, comments, text chunks) only its colour profile is kept."""
    size = published_size(path)
    with Image.open(path) as original:
        kind = original.format
        options = dict(SAVE[kind], icc_profile=original.info.get("icc_profile"))  # colour, not personal data
        frames, durations = [], []
        for frame in ImageSequence.Iterator(original):
            frames.append(_redrawn(frame, size))
            durations.append(frame.info.get("duration", 0))  # known once the frame is decoded
        if len(frames) > 1:
            options.update(save_all=True, append_images=frames[1:], duration=durations)
            if "loop" in original.info:  # a GIF without it is played once
                options["loop"] = original.info["loop"]
    first = frames[0].convert("RGB") if kind == "JPEG" else frames[0]
    out = io.BytesIO()
    first.save(out, kind, **options)
    return out.getvalue()


def _orientation(image: Image.Image) -> int:
    """How the image is stored (EXIF orientation, 1: upright); broken EXIF counts as upright
    (it is not published either)."""
    try:
        return image.getexif().get(0x0112, 1)
    except Exception:  # noqa: BLE001 - Pillow raises many kinds for a broken EXIF block
        return 1


def upright(image: Image.Image) -> Image.Image:
    """A copy of the image (its current frame) turned as its EXIF orientation says."""
    turn = UPRIGHT.get(_orientation(image))
    return image.transpose(turn) if turn is not None else image.copy()


def _redrawn(frame: Image.Image, size: tuple[int, int]) -> Image.Image:
    """A frame's pixels alone, upright and at ``size``."""
    image = upright(frame)
    if "transparency" in image.info:  # a palette's or a colour's transparency lives in the info cleared below
        image = image.convert("RGBA")
    image.thumbnail(size)
    if image.size != size:
        image = image.resize(size)
    image.info = {}  # Pillow writes much of what it read (comments, extensions, EXIF) back otherwise
    return image
