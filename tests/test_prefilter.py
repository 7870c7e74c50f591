"""The prefilter of costly expressions (hooks/mkdocs_engine.py): the same HTML as without it."""

import random
import re
from pathlib import Path

import markdown
import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils import yaml_load
from mkdocs_engine import Prefilter, Prefiltered, tables

REPO = Path(__file__).resolve().parents[1]


# The site's extensions as MkDocs loads them: its own first, then those of mkdocs.yml, without options.
EXTENSIONS = list(
    dict.fromkeys(
        [
            *MkDocsConfig.markdown_extensions.builtins,
            *(
                entry if isinstance(entry, str) else next(iter(entry))
                for entry in yaml_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))["markdown_extensions"]
            ),
        ]
    )
)

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
    "Setext heading\n==============\n\nAnother one\n---\n\nA line\nthen a - hyphen and = sign, not a heading.",
    "Rules:\n\n---\n\n* * *\n\n___\n\nA - B _ C * D, and ## not a heading\n\n## A heading ##\n\n#Tight",
    "> A quote\n> on two lines\n\nNested:\n\n> > inner > arrow\n\n1 > 0 is no quote.",
    'A reference ]: look-alike, [x] : no, and\n[real]: https://example.org/real "Title"\n\n[real] used.',
    "Note[^a] and [^b].\n\n[^a]: First.\n[^b]: Second\n    on two lines.\n\nA [^ lone] bracket.",
    "```\ncode block\n```\n\n~~~ {.python}\nprint(1)\n~~~\n\nInline `` ``` `` is no fence.",
    "Plain paragraph\nwrapped over\nthree lines, with no markup at all.",
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


def test_the_costly_expressions_are_prefiltered():
    md = markdown.Markdown(extensions=[*EXTENSIONS, Prefilter()])
    for registry, table in tables(md):
        for name, (_, attribute, _) in table.items():
            assert isinstance(getattr(registry[name], attribute), Prefiltered), name
            # on the instance: the class, which other converters share, is left as it is
            assert not isinstance(getattr(type(registry[name]), attribute, None), Prefiltered), name


def test_text_without_any_of_the_needed_strings_is_not_searched():
    searched = []

    class Recording:
        pattern = r"^(=+|-+)$"

        def __getattr__(self, method):  # finditer, search, match: recorded, then asked of re
            def call(text, pos=0):
                searched.append((method, text, pos))
                return getattr(re.compile(self.pattern, re.MULTILINE), method)(text, pos)

            return call

    regex = Prefiltered(Recording(), ("\n=", "\n-"))
    assert regex.search("one line - with a hyphen") is None
    assert regex.match("= at the start, no newline") is None
    assert list(regex.finditer("no underline here")) == []
    assert searched == []
    assert regex.search("Title\n---").group() == "---"
    assert regex.match("Title\n===") is None  # asked, and the expression itself says no
    assert [m.group() for m in regex.finditer("A\n---\nB\n===", 1)] == ["---", "==="]
    assert regex.search("Title\n---", 6) is None  # from pos on, no needed string is left
    assert searched == [
        ("search", "Title\n---", 0),
        ("match", "Title\n===", 0),
        ("finditer", "A\n---\nB\n===", 1),
    ]


def test_the_html_of_random_markdown_punctuation_is_the_same():
    """Texts made of the characters the prefilter looks for, in every arrangement chance gives."""
    rng = random.Random(7)
    pieces = [">", "#", "-", "*", "_", "[", "]", ":", "^", "`", "~", "=", "\n", "\n\n", " ", "    ", "vārds", "1."]
    for _ in range(400):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 40)))
        assert convert(text, prefilter=True) == convert(text, prefilter=False), repr(text)
