"""Editors' commands, with the very rules of the build: ``check`` and ``new``.

python -m lrp check [ROOT]                      (make check)
python -m lrp new COLLECTION SLUG [ROOT]        (make new COLLECTION=events SLUG=…)
python -m lrp port PORT                         (make serve: is the preview's port free?)
python -m lrp guide [ROOT]                      (make guide: the guide's tables written from the code)
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import sys
from pathlib import Path

from .base.messages import Message
from .base.settings import COLLECTIONS, SLUG, SLUG_MAX, Settings, markdown_extensions
from .contract.bodies import configured
from .contract.fields import fields_of
from .loader import load_site
from .model.content import Content
from .pages.guide import expand_guide, new_item
from .pages.strings import Strings


def check(root: Path) -> int:
    """Every mistake the build would report: the content, its bodies and the addresses of the plan,
    in the language of the messages (LRP_MESSAGES; by default the site's default language)."""
    try:
        settings = Settings.from_mkdocs_yml(root)
        extensions = markdown_extensions(root)
    except (OSError, ValueError) as error:
        print(f"mkdocs.yml: {error}")
        return 2
    content = load_site(settings, configured(extensions)).content
    if os.environ.get("GITHUB_ACTIONS") == "true":
        print("\n".join(mistake.annotation() for mistake in content.mistakes))
    print(translation_table(content))
    print()
    print(summary(content))
    return 1 if content.mistakes else 0


def summary(content: Content) -> str:
    """What ends ``make check``, so that a new mistake is never scrolled away: the mistakes, then
    the drafts (never published), then the events still planned after their date as one warning
    with their files, then the count of mistakes."""
    lines = [str(mistake) for mistake in content.mistakes]
    drafts = sorted(
        tr.path
        for item in (*content.items.values(), *content.docs.values())
        if item.draft
        for tr in item.translations.values()
    )
    if drafts:
        lines += ["", str(Message("tool.check.drafts", count=len(drafts)))]
        lines += [f"  {path}: {Message('tool.check.draft')}" for path in drafts]
    if content.warnings:
        lines += ["", str(Message("tool.check.unreported", count=len(content.warnings)))]
        lines += [f"  {warning.path}:{warning.line}" for warning in content.warnings]
    count = len(content.mistakes)
    key = "tool.check.none" if not count else "tool.check.count.one" if count == 1 else "tool.check.count.other"
    lines += ["", str(Message(key, count=count))]
    return "\n".join(lines).lstrip("\n")


def translation_table(content: Content) -> str:
    """Per collection: how many items there are, and which lack a language."""
    codes = content.settings.codes
    words = Message("tool.check.collection"), Message("tool.check.items")
    rows = [[*map(str, words), *[str(Message("tool.check.missing", code=code)) for code in codes]]]
    missing_lines = []
    for collection in (*COLLECTIONS, "docs"):
        items = [
            i for i in (content.docs if collection == "docs" else content.items).values() if i.collection == collection
        ]
        row = [collection, str(len(items))]
        for code in codes:
            missing = sorted(
                item.slug
                for item in items
                if code not in item.translations  # a file that could not be read is not missing: its mistake says why
                and f"{collection}/{item.slug}.{code}.md" not in content.unreadable
            )
            row.append(str(len(missing)))
            missing_lines += [
                "  " + str(Message("tool.check.no_file", item=f"{collection}/{slug}", code=code)) for slug in missing
            ]
        rows.append(row)
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    table = "\n".join("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)) for row in rows)
    heading = Message("tool.check.translations")
    return f"{heading}\n" + table + ("\n" + "\n".join(missing_lines) if missing_lines else "")


def new(root: Path, collection: str, slug: str) -> int:
    try:
        settings = Settings.from_mkdocs_yml(root)
    except (OSError, ValueError) as error:
        print(f"mkdocs.yml: {error}")
        return 2
    if collection not in COLLECTIONS:
        print(Message("tool.new.collection", collections=", ".join(COLLECTIONS), collection=collection))
        return 2
    if not SLUG.match(slug) or len(slug) > SLUG_MAX:
        print(Message("tool.new.slug", slug=slug, max=SLUG_MAX))
        return 2
    existing = sorted(str(p.relative_to(root)) for p in (root / collection).rglob(f"{slug}.*.md"))
    if existing:
        print(Message("tool.new.exists", item=f"{collection}/{slug}", paths=", ".join(existing)))
        return 2
    strings = Strings.load(settings)
    paths = []
    for language in settings.languages:
        path = root / collection / f"{slug}.{language.code}.md"
        text = new_item(
            collection, language.code, language is settings.default, fields_of(collection), strings, dt.date.today()
        )
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        paths.append(str(path.relative_to(root)))
    print(Message("tool.new.written", paths=", ".join(paths)))
    return 0


def port(number: str) -> int:
    """0 where the preview can listen on ``number`` at 127.0.0.1; else one line that says what to do."""
    if not number.isdigit() or not 0 < int(number) < 65536:
        print(Message("tool.serve.port", port=number))
        return 2
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", int(number)))
        except OSError:
            print(Message("tool.serve.busy", port=number, other=int(number) + 1 if int(number) < 65535 else 8000))
            return 1
    return 0


def guide(root: Path) -> int:
    """Write the editors' guide's generated tables (fields, messages) into docs/editors.<code>.md,
    so that the guide reads on GitHub as on the site; the files written are named."""
    try:
        settings = Settings.from_mkdocs_yml(root)
    except (OSError, ValueError) as error:
        print(f"mkdocs.yml: {error}")
        return 2
    strings = Strings.load(settings)
    for path in sorted((root / "docs").glob("editors.*.md")):
        lang = path.name.split(".")[1]
        text = path.read_text(encoding="utf-8")
        written = expand_guide(text, lang, strings, fields_of)
        if written != text:
            path.write_text(written, encoding="utf-8")
            print(path.relative_to(root))
    return 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["check"] and len(argv) <= 2:
        return check(Path(argv[1] if len(argv) > 1 else ".").resolve())
    if argv[:1] == ["guide"] and len(argv) <= 2:
        return guide(Path(argv[1] if len(argv) > 1 else ".").resolve())
    if argv[:1] == ["port"] and len(argv) == 2:
        return port(argv[1])
    if argv[:1] == ["new"] and len(argv) in (3, 4):
        return new(Path(argv[3] if len(argv) > 3 else ".").resolve(), argv[1], argv[2])
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
