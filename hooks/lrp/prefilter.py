"""A Markdown extension: Python-Markdown's costliest regular expressions skip text they cannot match.

Python-Markdown tries each inline pattern on each run of text and each block processor on each
block. The regular expressions of code spans and of the three kinds of link begin with a
look-behind, and those of block quotes, headings, rules, link references and footnotes with an
alternation at the start of a line; Python's engine cannot search for either quickly. On plain
prose, trying them cost about as much as the rest of converting it. Every match of each holds a
known character or pair of characters (a backtick, an opening bracket, ">", "#" …), so a text
without one is left at once. The HTML is the same with and without this (tests/test_prefilter.py).
"""

from __future__ import annotations

from markdown import blockprocessors, inlinepatterns
from markdown.extensions import Extension, fenced_code, footnotes

# Per registry, name -> (the class registered under that name, the attribute holding its
# expression, what each of its matches holds: one of these strings)
INLINE = {
    "backtick": (inlinepatterns.BacktickInlineProcessor, "compiled_re", ("`",)),
    "reference": (inlinepatterns.ReferenceInlineProcessor, "compiled_re", ("[",)),
    "link": (inlinepatterns.LinkInlineProcessor, "compiled_re", ("[",)),
    "short_reference": (inlinepatterns.ShortReferenceInlineProcessor, "compiled_re", ("[",)),
}
BLOCKS = {
    "quote": (blockprocessors.BlockQuoteProcessor, "RE", (">",)),
    "hashheader": (blockprocessors.HashHeaderProcessor, "RE", ("#",)),
    "setextheader": (blockprocessors.SetextHeaderProcessor, "RE", ("\n=", "\n-")),
    "hr": (blockprocessors.HRProcessor, "SEARCH_RE", ("-", "_", "*")),
    "reference": (blockprocessors.ReferenceProcessor, "RE", ("]:",)),
    "footnote": (footnotes.FootnoteBlockProcessor, "RE", ("[^",)),
}
PREPROCESSORS = {
    "fenced_code_block": (fenced_code.FencedBlockPreprocessor, "FENCED_BLOCK_RE", ("```", "~~~")),
}


def tables(md) -> list:
    """Each registry of a converter with the table of what is prefiltered in it."""
    return [(md.inlinePatterns, INLINE), (md.parser.blockprocessors, BLOCKS), (md.preprocessors, PREPROCESSORS)]


class Prefilter(Extension):
    def extendMarkdown(self, md):
        for registry, table in tables(md):
            for name, (kind, attribute, needed) in table.items():
                if name in registry:
                    _prefilter(registry[name], kind, attribute, needed)


def _prefilter(processor, kind: type, attribute: str, needed: tuple[str, ...]) -> None:
    # only the processors as Python-Markdown makes them; another extension's are left alone
    regex = getattr(processor, attribute)
    if type(processor) is kind and not isinstance(regex, Prefiltered):
        setattr(processor, attribute, Prefiltered(regex, needed))  # on this instance, not its class


class Prefiltered:
    """A compiled regular expression that finds nothing in text without one of ``needed``,
    from ``pos`` on. It offers what Python-Markdown's processors ask of their expressions."""

    def __init__(self, regex, needed: tuple[str, ...]):
        self.regex = regex
        self.needed = needed
        self.pattern = regex.pattern

    def _may_match(self, text: str, pos: int) -> bool:
        # A loop, not any(): this runs for every text and block, and a generator each time costs.
        for needed in self.needed:  # noqa: SIM110
            if text.find(needed, pos) >= 0:
                return True
        return False

    def finditer(self, text: str, pos: int = 0):
        return self.regex.finditer(text, pos) if self._may_match(text, pos) else iter(())

    def search(self, text: str, pos: int = 0):
        return self.regex.search(text, pos) if self._may_match(text, pos) else None

    def match(self, text: str, pos: int = 0):
        return self.regex.match(text, pos) if self._may_match(text, pos) else None
