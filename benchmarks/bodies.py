"""Time the worst bodies found for the parsers, at 1x, 4x and 16x their size, through the real path.

    python benchmarks/bodies.py [--size KB] [--only NAME ...]        (make benchmark)

Each input is the body of one event on a site of its own (the repository's data/, one file),
read by ``load_content`` with the site's Markdown extensions (mkdocs.yml, as ``make check``
reads them, without the build's prefilter): limits, conversion, scan, clean and the locating
of every mistake. Two kinds of input:

- refused: beyond a limit of hooks/lrp/contract/limits.py (the inputs of issue 20 among them);
  the body is reported at its line and never converted;
- at the limits: as many unclosed brackets, tags and fences, as much depth and nesting as is
  accepted, or a mistake on every line: the slowest bodies that are converted.

For each, the best of three runs: the CPU time of the body (the load of an empty body taken
off), its time per KB at each size (KB of characters), and the growth from 4x to 16x (4.0 is
linear). The targets are linear growth (a line ends "NOT LINEAR" where 16x costs over 1.5 times
per KB what 4x does) and a few seconds for any body: 16x is the longest body the limits accept,
and a longer one is refused unread.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "hooks"))
from lrp import Settings, load_content  # noqa: E402
from lrp.contract import limits  # noqa: E402
from lrp.contract.bodies import configured  # noqa: E402
from lrp.settings import markdown_extensions  # noqa: E402

HEAD = (
    "---\ntitle: Seminārs\nsummary: Īss apraksts.\ndate: 2021-09-24\nkind: seminar\nplaces: [riga]\n"
    "project: platforma-v\n---\n"
)
WORDS = "romu kopiena ģimeņu mācības skolotāju palīgi pašvaldība sadarbība izglītība jaunieši "


def prose(size: int) -> str:
    """Ordinary words, ``size`` characters, a paragraph each 600."""
    text = (WORDS * (size // len(WORDS) + 1))[:size]
    return "\n\n".join(text[i : i + 600] for i in range(0, len(text), 600))


def repeat(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit))


def paragraphs(head: str, size: int, length: int = 4000) -> str:
    """Paragraphs of ``length`` characters, each starting with ``head``."""
    unit = head + (WORDS * (length // len(WORDS) + 1))[: length - len(head)] + "\n\n"
    return repeat(unit, size)


OPEN, TAGS, DEPTH, NESTING = limits.OPEN_MAX, limits.TAGS_MAX, limits.DEPTH_MAX, limits.NESTING_MAX
LONGEST = limits.PARAGRAPH_MAX - 10  # a paragraph as long as the limits accept
SHORTEST = -(-limits.BODY_MAX // limits.PARAGRAPHS_MAX)  # as short as they are in the longest body

REFUSED = {  # name -> (the body of that size, the limit's message)
    "[ x n (issue 20)": (lambda n: repeat("[", n), "body.open"),
    "[^ x n": (lambda n: repeat("[^", n), "body.open"),
    "![ x n": (lambda n: repeat("![", n), "body.open"),
    "[x]( x n": (lambda n: repeat("[x](", n), "body.open"),
    "` `` ``` ...": (lambda n: "".join("`" * i + " x " for i in range(1, int((2 * n) ** 0.5))), "body.open"),
    "<a  x n (issue 20)": (lambda n: repeat("<a ", n), "body.tags"),
    "<http:// x n (issue 20)": (lambda n: repeat("<http://", n), "body.tags"),
    "<p x n": (lambda n: repeat("<p", n), "body.tags"),
    "<a b='x  x n": (lambda n: repeat("x <a b='x ", n), "body.tags"),
    "<script> x n": (lambda n: repeat("x <script> ", n), "body.tags"),
    "```py x n": (lambda n: repeat("```py\nx\n", n), "body.fences"),
    "one long paragraph": (lambda n: prose(n).replace("\n\n", " "), "body.paragraph"),
    "<div> nested (issue 20)": (lambda n: "<div>\n" + repeat("<div>", n - 6), "body.depth"),
    "> nested": (lambda n: repeat(">", n - 2) + " x", "body.nesting"),
    "- nested": (lambda n: "".join("    " * i + "- x\n" for i in range(int((n / 2) ** 0.5))), "body.nesting"),
}

ACCEPTED = {  # name -> the body of that size
    f"{OPEN} x [ per paragraph": lambda n: paragraphs("[ " * OPEN, n),
    f"{OPEN} x [ per longest paragraph": lambda n: paragraphs("[ " * OPEN, n, LONGEST),
    f'{OPEN} x [x](" per paragraph': lambda n: paragraphs('[x](" ' * OPEN, n),
    f"{OPEN} backtick runs per paragraph": lambda n: paragraphs("".join("`" * i + " " for i in range(1, OPEN + 1)), n),
    f"{TAGS} x <a  then prose": lambda n: "x " + "<a " * TAGS + prose(n),
    f"{TAGS} x ``` then prose": lambda n: "```\n" * TAGS + prose(n),
    f"<div> {DEPTH} deep, repeated": lambda n: repeat("<div>" * DEPTH + "x" + "</div>" * DEPTH + "\n\n", n),
    f"lists {NESTING} deep, repeated": lambda n: repeat(
        "".join("    " * i + "- x\n" for i in range(NESTING)) + "\n", n
    ),
    f"quotes {NESTING} deep, repeated": lambda n: repeat("> " * NESTING + "x\n\n", n),
    "broken links (issue 20)": lambda n: "".join(f"[a](nav-{i}.lv.md)\n\n" for i in range(n // 20)),
    "onclick, a mistake a paragraph": lambda n: repeat("<b onclick='x()'>a</b>\n\n", n),
    "images without alt": lambda n: repeat("![](https://example.org/p.jpg)\n\n", n),
    "links, longest paragraphs": lambda n: repeat(repeat("[a](https://example.org/) ", LONGEST) + "\n\n", n),
    "# same heading": lambda n: repeat("# " + "a" * (SHORTEST - 4) + "\n\n", n),
    "tables, longest": lambda n: repeat(
        "| a | b |\n|:--|--:|\n" + repeat("| [x](https://example.org/) | `y` |\n", LONGEST - 20) + "\n", n
    ),
    "<!--, longest paragraphs": lambda n: repeat(repeat("<!--", LONGEST) + "\n\n", n),
    "a < b, longest paragraphs": lambda n: repeat(repeat("a < b ", LONGEST) + "\n\n", n),
    "*a* _b_, longest paragraphs": lambda n: repeat(repeat("*a* _b_ ", LONGEST) + "\n\n", n),
    "&amp;, longest paragraphs": lambda n: repeat(repeat("&amp;", LONGEST) + "\n\n", n),
    "`a`, longest paragraphs": lambda n: repeat(repeat("`a` ", LONGEST) + "\n\n", n),
    "[a](b), longest paragraphs": lambda n: repeat(repeat("[a](b) ", LONGEST) + "\n\n", n),
    "shortest paragraphs": lambda n: repeat("x" * (SHORTEST - 2) + "\n\n", n),
    "ordinary prose": prose,
}


class Site:
    """A site of its own with one event, whose body is what is timed."""

    def __init__(self, root: Path):
        self.root = root
        shutil.copytree(REPO / "data", root / "data")
        (root / "events").mkdir()
        self.settings = dataclasses.replace(Settings.from_mkdocs_yml(REPO), root=root)
        self.converter = configured(markdown_extensions(REPO))

    def load(self, body: str):
        (self.root / "events/a.lv.md").write_text(HEAD + body, encoding="utf-8")
        started = (
            time.process_time()
        )  # one body: converted in this process; its CPU time, which neighbours disturb less
        content = load_content(self.settings, today=dt.date(2026, 11, 25), converter=self.converter)
        return time.process_time() - started, content.mistakes


def measure(site: Site, make, base: int, empty: float) -> list[tuple[int, float, list]]:
    rows = []
    for factor in (1, 4, 16):
        body = make(base * factor)
        seconds, mistakes = min(site.load(body) for _ in range(3))  # the best of three: the machine is shared
        rows.append((len(body), max(seconds - empty, 1e-6), mistakes))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    largest = limits.BODY_MAX // 17 // 1024  # so that 16x is a body the limits accept
    parser.add_argument(
        "--size", type=int, default=largest, help=f"KB at 1x (default {largest}: 16x is the longest body)"
    )
    parser.add_argument("--only", nargs="*", help="the inputs whose names hold one of these")
    args = parser.parse_args()
    base = args.size * 1024
    worst, nonlinear = (0.0, ""), []
    with tempfile.TemporaryDirectory() as tmp:
        site = Site(Path(tmp))
        site.load("x\n")  # imports and the first conversion
        empty = min(site.load("x\n")[0] for _ in range(3))
        print(f"{'input':34} {'result':14} {'1x':>9} {'4x':>9} {'16x':>9}   ms/KB at 1x 4x 16x   16x/4x")
        for kind, table in (("refused", REFUSED), ("accepted", ACCEPTED)):
            for name, entry in table.items():
                if args.only and not any(word in name for word in args.only):
                    continue
                make, key = entry if kind == "refused" else (entry, None)
                rows = measure(site, make, base, empty)
                keys = {m.message.key for _, _, mistakes in rows for m in mistakes}
                limit_keys = {k for k in keys if k.startswith("body.") and k != "body.markdown"}
                if kind == "refused":
                    result = key if key in limit_keys else f"WRONG {sorted(keys)}"
                else:
                    result = "accepted" if not limit_keys else f"REFUSED {sorted(limit_keys)}"
                per_kb = [seconds * 1000 / (size / 1024) for size, seconds, _ in rows]
                growth = rows[2][1] / rows[1][1]
                verdict = "" if per_kb[2] <= 1.5 * per_kb[1] or rows[2][1] < 0.05 else "  NOT LINEAR"
                if verdict:
                    nonlinear.append(name)
                if per_kb[2] > worst[0]:
                    worst = (per_kb[2], name)
                sizes = " ".join(f"{size / 1024:8.0f}K" for size, _, _ in rows)
                times = " ".join(f"{seconds:8.3f}s" for _, seconds, _ in rows)
                print(f"{name:34} {result:14} {sizes}")
                rates = " ".join(f"{rate:5.2f}" for rate in per_kb)
                print(f"{'':34} {'':14} {times}   {rates}   {growth:5.1f}{verdict}")
    longest = limits.BODY_MAX / 1024
    print(
        f"\nworst at 16x: {worst[0]:.2f} ms per KB ({worst[1]}): {worst[0] * longest / 1000:.1f} s for the longest body"
    )
    print("linear growth: " + ("met" if not nonlinear else "NOT MET: " + ", ".join(nonlinear)))
    return 1 if nonlinear else 0


if __name__ == "__main__":
    sys.exit(main())
