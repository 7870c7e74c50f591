"""Every message the checks give editors, in Latvian and in English: one catalogue, the texts of
data/messages/<code>.yml.

A check never writes a message's words itself: it raises or reports a ``Message``, a key of the
catalogue with the values its placeholders take (``Message("date.form", value="'2021-13'")``).
The words are chosen when the message is shown, in the language of the messages: the site's
default language, Latvian, unless ``LRP_MESSAGES=en`` asks for English. ``make check``, the build's
log and the pull-request annotations all show them so; the editor guide lists the catalogue in
each page's language (``<!-- lrp:messages -->``).

Keys under ``part.`` are parts of other messages (a list's kind, an example, the owner of an
address); keys under ``tool.`` are what the tools print besides mistakes. The rest are mistakes,
and the editor guide lists every one of them. A value an editor wrote is given as written (quoted
by the caller), in every language.
"""

from __future__ import annotations

import os
import string
from pathlib import Path

from .texts import read_folder

LANGUAGES = ("lv", "en")
DEFAULT = "lv"  # the site's default language (mkdocs.yml: extra.lrp.languages[0])
ENVIRONMENT = "LRP_MESSAGES"

# The texts, data/messages/<code>.yml: key -> template per language, read by the site's one
# translation mechanism (base/texts.py). CATALOGUE: key -> {language: template}, in the files' order.
TEXTS = read_folder(Path(__file__).resolve().parents[3] / "data" / "messages", LANGUAGES, DEFAULT)
CATALOGUE: dict[str, dict[str, str]] = {
    key: {code: TEXTS.own(code, key) for code in LANGUAGES} for key in TEXTS.tables[DEFAULT]
}


def language() -> str:
    """The language of the messages: ``LRP_MESSAGES`` where the catalogue has it, else the default.

    Read from the environment when a message is shown, so that one process shows all its messages
    in one language, and a test may choose another for its own run."""
    chosen = os.environ.get(ENVIRONMENT, "").strip().lower()
    return chosen if chosen in LANGUAGES else DEFAULT


def placeholders(template: str) -> set[str]:
    """The names of a template's placeholders: ``{"value", "hint"}``."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def _message_of(key: str, values: tuple) -> Message:
    return Message(key, **dict(values))


class Message:
    """One message: a key of the catalogue and the values of its placeholders (text, a number, or
    another message, shown in the same language). Equal when key and values are equal."""

    __slots__ = ("key", "values")

    def __init__(self, key: str, /, **values: str | int | Message) -> None:
        if key not in CATALOGUE:
            raise KeyError(f"no message {key!r} in data/messages/{DEFAULT}.yml")
        for name, value in values.items():
            if not isinstance(value, str | int | Message):
                raise TypeError(f"{key}: the value of {name} is {type(value).__name__}, not text or a message")
        object.__setattr__(self, "key", key)
        object.__setattr__(self, "values", tuple(sorted(values.items())))

    def __setattr__(self, name, value):
        raise AttributeError("a Message does not change")

    def __reduce__(self):
        """Pickled as its key and values (bodies converted by other processes carry messages)."""
        return _message_of, (self.key, self.values)

    def render(self, lang: str | None = None) -> str:
        """The message in ``lang`` (by default the language of the messages)."""
        lang = lang if lang in LANGUAGES else language()
        template = TEXTS.text(lang, self.key)
        filled = {name: value.render(lang) if isinstance(value, Message) else value for name, value in self.values}
        return template.format_map(filled)

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        values = "".join(f", {name}={value!r}" for name, value in self.values)
        return f"Message({self.key!r}{values})"

    def __eq__(self, other) -> bool:
        return isinstance(other, Message) and (self.key, self.values) == (other.key, other.values)

    def __hash__(self) -> int:
        return hash((self.key, self.values))

    def __lt__(self, other: Message) -> bool:
        """In the order of their words (mistakes on one line are listed so), then of their keys."""
        return self._order() < other._order()

    def _order(self) -> tuple:
        return (self.render(), self.key, tuple((name, str(value)) for name, value in self.values))


class _Elided(dict):
    """Placeholders shown as "…" in the guide; a suggestion ({hint}) is left out."""

    def __missing__(self, name: str) -> str:
        return "" if name == "hint" else "…"


def guide_text(key: str, lang: str) -> str:
    """A message as the editor guide shows it: its words, with "…" where a value goes."""
    return TEXTS.text(lang, key).format_map(_Elided())


def mistakes() -> list[str]:
    """The keys of the messages that are mistakes (not parts of messages nor the tools' words),
    in the catalogue's order: the rows of the editor guide's table."""
    return [key for key in CATALOGUE if not key.startswith(("part.", "tool."))]
