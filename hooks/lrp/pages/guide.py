"""New item files for editors, written from the field definitions the validator uses."""

from __future__ import annotations

import datetime as dt
import re

from ..base import messages
from ..contract.fields import Field
from .strings import Strings

# Valid placeholders for required fields, so that a new draft passes the check as it is.
PLACEHOLDERS = {
    "lv": {
        "title": "Jauns ieraksts",
        "summary": "Viens vai divi teikumi par šo ierakstu.",
        "person": "Vārds",
        "authors": "[Vārds Uzvārds]",
    },
    "en": {
        "title": "New entry",
        "summary": "One or two sentences about this entry.",
        "person": "Name",
        "authors": "[First Last]",
    },
}
EXAMPLES = {
    "end": "2021-08-14",
    "themes": "[education]",
    "places": "[riga]",
    "project": "platforma-vi",
    "image": "images/photo.jpg",
    "image_alt": "…",
    "related": "[events/annual-meeting-2021]",
    "consent": "2021-08-11",
    "source": "{name: LSM.lv, url: 'https://www.lsm.lv/temas/romi/'}",
    "author": "…",
    "kind": "other",
    "event_status": "held",
    "participants": "12",
    "attendance": "online",
    "partners": "[…]",
    "figures": "[{value: 6, label: …}]",
    "authors": "[…]",
    "publisher": "…",
    "isbn": "978-9934-0-0000-0",
    "languages": "[lv, rom]",
    "files": "[{path: files/report.pdf, label: …}]",
    "launch": "events/annual-meeting-2021",
    "featured": "true",
    "author_type": "organization",
    "status": "draft",
}


def help_text(strings: Strings, lang: str, spec: Field) -> str:
    """The field's explanation in that language; the definition's own English otherwise."""
    return strings.own(lang, f"help.{spec.name}") or spec.help


def new_item(
    collection: str, lang: str, default: bool, fields: dict[str, Field], strings: Strings, today: dt.date
) -> str:
    """Front-matter with every field of the collection: required ones filled in, the rest commented.

    The default language's file carries the language-neutral fields; the others only their own
    texts, and inherit the rest.
    """
    lines = ["---", f"# {strings.t(lang, 'new.intro')}"]
    for name, spec in fields.items():
        if not default and spec.scope == "neutral":
            continue
        explanation = help_text(strings, lang, spec)
        if name == "status":
            lines.append(f"status: draft  # {explanation}")
        elif collection in spec.required:
            value = PLACEHOLDERS.get(lang, PLACEHOLDERS["en"]).get(name)
            value = value or (today.isoformat() if name == "date" else EXAMPLES[name])
            lines.append(f"{name}: {value}  # {explanation}")
        else:
            lines.append(f"# {name}: {EXAMPLES.get(name, '…')}  # {explanation}")
    if not default:
        lines.append(f"# {strings.t(lang, 'new.inherits')}")
    lines += ["---", "", strings.t(lang, "new.body"), ""]
    return "\n".join(lines)


# The guide's generated tables stand in its Markdown between their markers, so that the guide
# reads on GitHub as on the site: `make guide` writes them, the build writes them anew, and a test
# keeps the files equal to what the code gives (tests/test_editors.py).
_PLACEHOLDER = re.compile(
    r"<!--\s*lrp:fields\s+(stories|events|publications|docs)\s*-->.*?<!--\s*/lrp:fields\s*-->", re.S
)
# Python-Markdown's backslash escapes (Markdown.ESCAPED_CHARS, with "|" of the tables extension):
# each of these is shown as itself when a backslash stands before it.
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def literal(text: str) -> str:
    """Text as Markdown that shows exactly that text in a table cell: HTML's &, < and > as
    references, Markdown's punctuation escaped, on one line. "stories/<slug>" stays words, never
    an element; *x*, `x`, [x](y) and a | stay as typed."""
    text = " ".join(str(text).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", text)


def expand_field_tables(markdown: str, lang: str, strings: Strings, fields_of) -> str:
    """Write the table of a collection's fields between ``<!-- lrp:fields events -->`` and
    ``<!-- /lrp:fields -->``."""

    def table(match: re.Match) -> str:
        collection = match.group(1)
        t = strings.t
        head = [t(lang, "guide.field"), t(lang, "guide.required"), t(lang, "guide.shared"), t(lang, "guide.meaning")]
        rows = [f"| {' | '.join(map(literal, head))} |", "|---|---|---|---|"]
        for name, spec in fields_of(collection).items():
            required = t(lang, "guide.yes") if collection in spec.required else t(lang, "guide.no")
            shared = t(lang, f"guide.scope.{spec.scope}")
            meaning = help_text(strings, lang, spec)
            cells = [f"`{name}`", *map(literal, (required, shared, meaning))]
            rows.append(f"| {' | '.join(cells)} |")
        return f"<!-- lrp:fields {collection} -->\n\n" + "\n".join(rows) + "\n\n<!-- /lrp:fields -->"

    return _PLACEHOLDER.sub(table, markdown)


_MESSAGES = re.compile(r"<!--\s*lrp:messages\s*-->.*?<!--\s*/lrp:messages\s*-->", re.S)


def expand_messages(markdown: str, lang: str) -> str:
    """Write between ``<!-- lrp:messages -->`` and ``<!-- /lrp:messages -->`` the table of every
    mistake message in that language (data/messages/<code>.yml), "…" where it shows a value."""
    if not _MESSAGES.search(markdown):
        return markdown
    head = [messages.guide_text("tool.guide.key", lang), messages.guide_text("tool.guide.message", lang)]
    rows = [f"| {' | '.join(map(literal, head))} |", "|---|---|"]
    rows += [f"| `{key}` | {literal(messages.guide_text(key, lang))} |" for key in messages.mistakes()]
    table = "<!-- lrp:messages -->\n\n" + "\n".join(rows) + "\n\n<!-- /lrp:messages -->"
    return _MESSAGES.sub(lambda match: table, markdown)


def expand_guide(markdown: str, lang: str, strings: Strings, fields_of) -> str:
    """The editor guide with its generated tables (of fields and of messages) written anew."""
    return expand_messages(expand_field_tables(markdown, lang, strings, fields_of), lang)
