"""The inline-pattern prefilter (hooks/lrp/inline.py): the same HTML as without it."""

import re
from pathlib import Path

import markdown
import pytest
from mkdocs.utils import yaml_load

from lrp.inline import PREFILTERED, Prefilter, Prefiltered

REPO = Path(__file__).resolve().parents[1]


# The site's extensions, read as MkDocs reads mkdocs.yml, without their options.
EXTENSIONS = [
    entry if isinstance(entry, str) else next(iter(entry))
    for entry in yaml_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))["markdown_extensions"]
]

SAMPLES = [
    "Plain prose without any markup, in Latvian too: romu kopienas pieredze.",
    "Code `x = 1`, ``a `tick` inside``, an escaped \\`tick\\` and \\\\`code after backslashes`.",
    "An unclosed `backtick and a lone ] bracket [ here.",
    "A [link](https://example.org/ 'title'), [a reference][ref], [ref] and [ref][].\n\n[ref]: https://example.org/r",
    "An image ![alt text](a.png) and ![ref image][ref].\n\n[ref]: b.png",
    "Footnote[^1] and brackets [not a link] and [[double]].\n\n[^1]: The note with `code`.",
    "<https://example.org/auto> and <someone@example.org>, &amp; &copy; <b>bold</b>",
    "Line break  \nafter two spaces, *em*, **strong**, _under_, __double__.",
    "| a | b |\n|---|---|\n| `c` | [d](e.md) |\n",
    "# Heading with `code` and [link](x.md)\n\n> quote with [link](y.md)\n\n- item `one`\n- item [two][r]\n\n[r]: z.md",
]


def convert(text: str, prefilter: bool) -> str:
    extensions = [*EXTENSIONS, Prefilter()] if prefilter else EXTENSIONS
    return markdown.Markdown(extensions=extensions).convert(text)


@pytest.mark.parametrize("text", SAMPLES)
def test_the_html_is_the_same(text):
    assert convert(text, prefilter=True) == convert(text, prefilter=False)


def test_the_html_of_the_real_content_is_the_same():
    paths = [path for folder in ("events", "stories", "publications", "docs") for path in (REPO / folder).rglob("*.md")]
    assert paths
    for path in paths:
        text = path.read_text(encoding="utf-8")
        assert convert(text, prefilter=True) == convert(text, prefilter=False), path


def test_the_costly_patterns_are_prefiltered():
    md = markdown.Markdown(extensions=[*EXTENSIONS, Prefilter()])
    assert {name for name in PREFILTERED if isinstance(md.inlinePatterns[name].compiled_re, Prefiltered)} == set(
        PREFILTERED
    )


def test_text_without_what_a_match_needs_is_not_searched():
    class Counting:
        pattern = r"\["
        searched = 0

        def finditer(self, text, pos=0):
            Counting.searched += 1
            return re.finditer(r"\[", text[pos:])

    regex = Prefiltered(Counting(), "[")
    assert list(regex.finditer("no bracket here")) == []
    assert Counting.searched == 0
    assert len(list(regex.finditer("a [bracket", 0))) == 1
    assert list(regex.finditer("[a] plain after", 3)) == []
    assert Counting.searched == 1
