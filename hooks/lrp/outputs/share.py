"""Link-preview pictures (og:image), made by the build itself once per build.

Every page names a picture of link-preview shape (1200 × 630, about 1.91:1): an item with an
``image`` shares that picture cropped to the shape, upright and without metadata; every other
page shares the card of its language: the site's mark, name and purpose, drawn with Pillow in
DejaVu Sans (shipped in fonts/, with its licence), which has every letter of Latvian. Nothing is
fetched from anywhere.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, ImageOps

from . import media

SIZE = (1200, 630)
FONTS = Path(__file__).parent / "fonts"
PRIMARY = (11, 79, 108)  # #0b4f6c, the site's header colour
INK = (17, 34, 43)
BACKGROUND = (244, 247, 249)
ACCENT = (138, 59, 0)  # #8a3b00
FOLDER = "media/share"


def card_uri(lang: str) -> str:
    """Site address of a language's card."""
    return f"{FOLDER}/site.{lang}.png"


def image_uri(repo_path: str) -> str:
    """Site address of an image's crop: its repository path, so two images never share one."""
    return f"{FOLDER}/{repo_path}.jpg"


@dataclass
class Images:
    """The pictures a build publishes: a card per language and a crop per shared image."""

    root: Path
    cards: dict = field(default_factory=dict)  # lang -> (name, purpose)
    images: set = field(default_factory=set)  # repository paths of the items' images

    def files(self) -> dict:
        """Site address -> a function that makes its bytes."""
        made = {card_uri(lang): (lambda text=text: card(*text)) for lang, text in self.cards.items()}
        made.update({image_uri(path): (lambda path=path: crop(self.root / path)) for path in sorted(self.images)})
        return made

    def write(self, site_dir: Path) -> list[str]:
        """Draw each picture once and write it under ``site_dir``; returns their addresses."""
        written = []
        for uri, make in self.files().items():
            target = site_dir / uri
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(make())
            written.append(uri)
        return written


def crop(path: Path) -> bytes:
    """The picture cut to link-preview shape (centred, a little above the middle, where faces
    usually are), as JPEG without EXIF, XMP or comments; transparency on white."""
    with Image.open(path) as original:
        original.seek(0)  # the first frame of an animation
        image = media.upright(original)
        icc = original.info.get("icc_profile")  # colour, not personal data
        if image.mode in ("RGBA", "LA", "P", "PA"):
            image = image.convert("RGBA")
            flat = Image.new("RGB", image.size, (255, 255, 255))
            flat.paste(image, mask=image.getchannel("A"))
            image = flat
        fitted = ImageOps.fit(image.convert("RGB"), SIZE, Image.Resampling.LANCZOS, centering=(0.5, 0.4))
    fitted.info = {}  # Pillow would write a JPEG comment (or EXIF) it carried along
    out = io.BytesIO()
    fitted.save(out, "JPEG", quality=82, optimize=True, progressive=True, icc_profile=icc)
    return out.getvalue()


@cache
def _font(bold: bool, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONTS / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")), size)


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int, lines: int) -> list[str]:
    """Words in lines no wider than ``width``; at most ``lines``, the last cut with an ellipsis."""
    result: list[str] = []
    for word in text.split():
        if result and font.getlength(f"{result[-1]} {word}") <= width:
            result[-1] += f" {word}"
        else:
            result.append(word)
    if len(result) > lines:
        last = result[lines - 1]
        while last and font.getlength(last + " …") > width:
            last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
        result = [*result[: lines - 1], last + " …"]
    return result


def _mark(draw: ImageDraw.ImageDraw, x: int, y: int, size: int) -> None:
    """The site's mark (overrides/assets/favicon.svg, drawn on a 32-unit square)."""
    unit = size / 32

    def at(ux: float, uy: float) -> tuple[float, float]:
        return (x + ux * unit, y + uy * unit)

    draw.rounded_rectangle([at(0, 0), at(32, 32)], radius=6 * unit, fill=PRIMARY)
    white = (255, 255, 255)
    for start, end, width in (
        ((16, 7), (16, 25), 1.5),
        ((7, 16), (25, 16), 1.5),
        ((9.6, 9.6), (22.4, 22.4), 1.5),
        ((22.4, 9.6), (9.6, 22.4), 1.5),
    ):
        draw.line([at(*start), at(*end)], fill=white, width=max(1, round(width * unit)))
    draw.ellipse([at(7, 7), at(25, 25)], outline=white, width=max(1, round(2.5 * unit)))
    draw.ellipse([at(13.5, 13.5), at(18.5, 18.5)], fill=white)


def card(name: str, purpose: str) -> bytes:
    """A language's card: the mark, the site's name and its purpose, as PNG."""
    image = Image.new("RGB", SIZE, BACKGROUND)
    draw = ImageDraw.Draw(image)
    width, height = SIZE
    draw.rectangle([0, height - 56, width, height], fill=PRIMARY)
    draw.rectangle([0, height - 62, width, height - 56], fill=ACCENT)
    _mark(draw, 80, 72, 120)
    left, text_width = 80, width - 160
    title = _font(True, 64)
    y = 236
    for line in _wrap(name, title, text_width, 2):
        draw.text((left, y), line, font=title, fill=INK)
        y += 78
    body = _font(False, 34)
    y += 14
    for line in _wrap(purpose, body, text_width, 4 if y < 330 else 3):
        draw.text((left, y), line, font=body, fill=(51, 51, 51))
        y += 46
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()
