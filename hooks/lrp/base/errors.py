"""Mistakes in content, reported to editors as one line each."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from .messages import Message

# Bidirectional embeddings, overrides and isolates: they can make text read differently from how
# it is stored. (The marks U+200E, U+200F and U+061C change no order and are allowed in text.)
BIDI_CONTROLS = frozenset(map(chr, (*range(0x202A, 0x202F), *range(0x2066, 0x206A))))


def visible(text: str) -> str:
    """``text`` with every character that does not show as itself on one line (control, format,
    bidirectional, separator and unassigned characters; a space stays) written as its code
    point, ``\\u200b``: a quoted value is seen as it is, and a message stays one line."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in text)


def quote(value, limit: int = 60) -> str:
    """A value as the editor wrote it, in quotes, safe to show on one line: ``'talssi'``."""
    text = value if isinstance(value, str) else str(value)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"'{visible(text)}'"


def _message(message) -> Message:
    """``message`` itself: every message is a key of the catalogue (hooks/lrp/base/messages.py), never words."""
    if not isinstance(message, Message):
        raise TypeError(
            f"a message is a Message of hooks/lrp/base/messages.py, not {type(message).__name__}: {message!r}"
        )
    return message


@dataclass(frozen=True, order=True)
class Mistake:
    """One mistake: ``path:line: field: message``. The path, the line and the field (the key the
    editor wrote) are the same in every language; the message is shown in the language of the
    messages (LRP_MESSAGES, by default the site's default language)."""

    path: str
    line: int
    field: str
    message: Message

    def __post_init__(self) -> None:
        _message(self.message)

    @property
    def text(self) -> str:
        """The message in words, one line of plain text whatever it quotes."""
        return visible(self.message.render())

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.text}"

    def annotation(self) -> str:
        """The mistake as a GitHub Actions command, shown on the pull request's diff."""

        def escape(text: str, extra: str = "") -> str:
            text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
            return text.replace(":", "%3A").replace(",", "%2C") if extra else text

        return f"::error file={escape(self.path, 'property')},line={self.line}::{escape(f'{self.field}: {self.text}')}"


class Invalid(ValueError):
    """A mistake found while reading or checking a value.

    ``line`` is the file line where the reader knows it; ``field`` the field it belongs to where
    the reader knows it; ``path`` where inside a field's value a check found it (list indexes and
    keys, for example ``(2, "value")``). ``Invalid.several`` carries several mistakes at once, so
    that every wrong entry of a list is its own mistake.
    """

    def __init__(self, message: Message, line: int | None = None, *, field: str | None = None, path: tuple = ()):
        super().__init__(_message(message))
        self.message = message
        self.line = line
        self.field = field
        self.path = tuple(path)
        self.problems: list[Invalid] = []

    @classmethod
    def several(cls, problems: list[Invalid]) -> Invalid:
        if len(problems) == 1:
            return problems[0]
        error = cls(problems[0].message, problems[0].line, field=problems[0].field, path=problems[0].path)
        error.problems = list(problems)
        return error

    def each(self) -> list[Invalid]:
        """Every mistake this one carries (itself, when it is one)."""
        return self.problems or [self]

    def within(self, *path) -> Invalid:
        """The same mistakes, found inside the part ``path`` of a value."""
        moved = [Invalid(p.message, p.line, field=p.field, path=(*path, *p.path)) for p in self.each()]
        return Invalid.several(moved)


class Report:
    """Collects every mistake of a run, so that all of them are shown at once."""

    def __init__(self) -> None:
        self._mistakes: list[Mistake] = []
        self._withheld: set[str] = set()

    def add(self, path: str, line: int | None, field: str, message: Message) -> None:
        """Add a mistake; whatever the message quotes, it is shown as one line of plain text."""
        self._mistakes.append(Mistake(path, line or 1, visible(str(field)), _message(message)))

    def withhold(self, path: str) -> None:
        """Mark a file as not publishable without a mistake of its own: what it lacks is a
        mistake reported in another file (its other language's, which it inherits from)."""
        self._withheld.add(path)

    def paths(self) -> set[str]:
        """The files that are not valid: those with a mistake, and those withheld."""
        return {m.path for m in self._mistakes} | self._withheld

    @property
    def mistakes(self) -> list[Mistake]:
        return sorted(set(self._mistakes))


def close_match(word: str, choices) -> str | None:
    """The choice closest to ``word``, where one is close enough to suggest."""
    if not isinstance(word, str) or len(word) > 200:
        return None
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return close[0] if close else None


def did_you_mean(word: str, choices, prefix: str = "") -> Message | str:
    """A suggestion such as "; did you mean 'ventspils'?" (as a message), or "" when nothing is
    close; ``prefix`` goes before the suggested choice ("events/")."""
    close = close_match(word, choices)
    return Message("hint.did_you_mean", choice=prefix + close) if close else ""
