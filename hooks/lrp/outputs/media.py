"""Published images: made anew from their pixels (no metadata), upright, oversized photos scaled
(to the size contract/files.py gives)."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageSequence

from ..contract.files import orientation, published_size

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


def upright(image: Image.Image) -> Image.Image:
    """A copy of the image (its current frame) turned as its EXIF orientation says."""
    turn = UPRIGHT.get(orientation(image))
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
