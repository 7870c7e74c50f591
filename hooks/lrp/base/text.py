"""Plain text: what a character of text is, when text shows nothing, and a text field's value
(``plain_text``): the one rule for every text field, vocabulary label, interface text, map name
and image alt text.

Python's ``unicodedata`` has no Default_Ignorable_Code_Point, so that property is written out
below from the Unicode Character Database (DerivedCoreProperties.txt; the same ranges from
Unicode 14.0 to 16.0, and the standard keeps them ignorable: UAX #44, section 5.3).
"""

from __future__ import annotations

import re
import unicodedata

from .errors import BIDI_CONTROLS, Invalid
from .messages import Message

# Code points that are not characters of text: the surrogates (never characters on their own)
# and the noncharacters (U+FDD0..U+FDEF and the last two code points of every plane, U+FFFE,
# U+FFFF, U+1FFFE, …, U+10FFFF), which XML 1.0 forbids or discourages and feed readers refuse.
# Written as the inside of a regular expression's character class.
NOT_CHARACTERS = "\ud800-\udfff\ufdd0-\ufdef" + "".join(
    chr(plane | 0xFFFE) + chr(plane | 0xFFFF) for plane in range(0, 0x110000, 0x10000)
)

# Default_Ignorable_Code_Point (DerivedCoreProperties.txt): shown as nothing by any renderer that
# does not know them, whatever their general category (Mn variation selectors, Lo Hangul fillers).
DEFAULT_IGNORABLE = (
    (0x00AD, 0x00AD),  # soft hyphen
    (0x034F, 0x034F),  # combining grapheme joiner
    (0x061C, 0x061C),  # Arabic letter mark
    (0x115F, 0x1160),  # Hangul choseong and jungseong fillers
    (0x17B4, 0x17B5),  # Khmer inherent vowels
    (0x180B, 0x180F),  # Mongolian free variation selectors and vowel separator
    (0x200B, 0x200F),  # zero-width space, joiners, marks
    (0x202A, 0x202E),  # bidirectional embeddings and overrides
    (0x2060, 0x206F),  # word joiner, invisible operators, isolates, deprecated format characters
    (0x3164, 0x3164),  # Hangul filler
    (0xFE00, 0xFE0F),  # variation selectors 1-16
    (0xFEFF, 0xFEFF),  # zero-width no-break space
    (0xFFA0, 0xFFA0),  # halfwidth Hangul filler
    (0xFFF0, 0xFFF8),  # reserved
    (0x1BCA0, 0x1BCA3),  # shorthand format controls
    (0x1D173, 0x1D17A),  # musical beam and phrase controls
    (0xE0000, 0xE0FFF),  # tags, variation selectors 17-256, reserved
)

# By general category: the "other" code points (controls, format characters, surrogates, private
# use, unassigned: C*) and the separators (Z*) show nothing of their own; a nonspacing or
# enclosing mark (Mn, Me) shows only on a base character.
_MARKS = ("Mn", "Me")
BRAILLE_BLANK = "\u2800"  # So, but a pattern without dots: the one blank symbol outside the rule


def default_ignorable(char: str) -> bool:
    code = ord(char)
    return any(first <= code <= last for first, last in DEFAULT_IGNORABLE)


def invisible(char: str) -> bool:
    """Whether a character shows nothing by itself (a mark needs a base to show on)."""
    return (
        char.isspace()
        or unicodedata.category(char)[0] in "CZ"
        or unicodedata.category(char) in _MARKS
        or default_ignorable(char)
        or char == BRAILLE_BLANK
    )


def blank(text: str) -> bool:
    """Whether a text shows nothing: it is empty, or made only of invisible characters."""
    return all(map(invisible, text))


# Plain text (the contract: "Text fields hold plain text"). A text is one line: a line break
# inside it is a mistake (a long text may be folded over several lines with YAML's ">", which
# joins them with spaces). Control characters (C0, DEL, C1), line and paragraph separators,
# surrogates and noncharacters (above: with the controls, every character XML 1.0 forbids) and
# the bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) are
# mistakes; the bidirectional marks U+200E, U+200F and U+061C change no order and are allowed in
# text, but not as all of it: text that shows nothing is no text (blank). Lengths are
# counted on NFC text, which is kept.
_LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
_NOT_TEXT = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029" + NOT_CHARACTERS + "".join(sorted(BIDI_CONTROLS)) + "]")
_NOT_CHARACTER = re.compile(f"[{NOT_CHARACTERS}]")


def plain_text(value, limit: int | None = None) -> str:
    """A text field's value: one line of plain text, NFC-normalised, at most ``limit`` characters."""
    text = unicodedata.normalize("NFC", one(value, "text")).strip(" \n")
    refuse_not_text(text)
    text = text.strip()
    if not text:
        raise Invalid(Message("text.empty"))
    if blank(text):
        raise Invalid(Message("text.invisible"))
    if limit and len(text) > limit:
        raise Invalid(Message("text.too_long", length=len(text), limit=limit))
    return text


def refuse_not_text(text: str) -> None:
    """Raise for the first character that no text may hold (a line break, a control, …)."""
    bad = _NOT_TEXT.search(text)
    if bad:
        char = bad.group()
        code = f"U+{ord(char):04X}"
        if char in _LINE_BREAKS:
            raise Invalid(Message("text.line_break"))
        if char in BIDI_CONTROLS:
            raise Invalid(Message("text.bidi", code=code))
        if _NOT_CHARACTER.match(char):
            raise Invalid(Message("text.not_character", code=code))
        raise Invalid(Message("text.control", code=code))


def one(value, what: str = "value") -> str:
    """A single value (a scalar, as the editor wrote it), not a list or a mapping."""
    if isinstance(value, str):
        return value
    kind = "list" if isinstance(value, list) else "mapping" if isinstance(value, dict) else "other"
    raise Invalid(_NOT_ONE[what, kind])


_NOT_ONE = {
    ("text", "list"): Message("one.text.list"),
    ("text", "mapping"): Message("one.text.mapping"),
    ("text", "other"): Message("one.text.other"),
    ("value", "list"): Message("one.value.list"),
    ("value", "mapping"): Message("one.value.mapping"),
    ("value", "other"): Message("one.value.other"),
}


# What no page may hold, whatever text it is part of (a body too, where tabs and line ends are
# its own): the controls XML 1.0 and HTML forbid (every C0 control but tab and line ends, DEL,
# the C1 controls), surrogates and noncharacters. The astral noncharacters are looked for only in
# text that has an astral character: a class of single astral characters makes the search of a
# body sixteen times slower.
_NOT_IN_PAGES = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def not_in_any_page(text: str) -> re.Match | None:
    """The first character of ``text`` that no page may hold, or None."""
    found = [m for m in (_NOT_IN_PAGES.search(text), _ASTRAL.search(text) and _NOT_CHARACTER.search(text)) if m]
    return min(found, key=lambda match: match.start()) if found else None
