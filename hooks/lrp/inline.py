"""A Markdown extension: Python-Markdown's costliest inline patterns skip text they cannot match.

Python-Markdown tries each inline pattern on each run of text. The regular expressions of code
spans and of the three kinds of link begin with a look-behind, which Python's engine cannot
search for quickly: on plain prose, trying them cost about as much as the rest of converting
it. Every match of them holds a backtick or an opening bracket, so a text without one is left
at once. The HTML is the same with and without this (tests/test_inline.py).
"""

from __future__ import annotations

from markdown import inlinepatterns
from markdown.extensions import Extension

# Registry name -> (the pattern class registered under it, what each of its matches holds)
PREFILTERED = {
    "backtick": (inlinepatterns.BacktickInlineProcessor, "`"),
    "reference": (inlinepatterns.ReferenceInlineProcessor, "["),
    "link": (inlinepatterns.LinkInlineProcessor, "["),
    "short_reference": (inlinepatterns.ShortReferenceInlineProcessor, "["),
}


class Prefilter(Extension):
    def extendMarkdown(self, md):
        for name, (kind, needed) in PREFILTERED.items():
            if name in md.inlinePatterns:
                pattern = md.inlinePatterns[name]
                # only the patterns as Python-Markdown makes them; another extension's are left alone
                if type(pattern) is kind and not isinstance(pattern.compiled_re, Prefiltered):
                    pattern.compiled_re = Prefiltered(pattern.compiled_re, needed)


class Prefiltered:
    """A compiled regular expression that finds nothing in text without ``needed``."""

    def __init__(self, regex, needed: str):
        self.regex = regex
        self.needed = needed
        self.pattern = regex.pattern

    def finditer(self, text: str, pos: int = 0):
        """What Python-Markdown's inline processor asks of a pattern's expression (and all it asks)."""
        return self.regex.finditer(text, pos) if text.find(self.needed, pos) >= 0 else iter(())
