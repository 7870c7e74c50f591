"""Checkers other than axe over the built pages of the real and the fixture site, both at 0:
the Nu Html Checker (vnu.jar, run with Java) for valid HTML, IBM Equal Access (the rule engine of
npm's accessibility-checker-engine, its ace.js run in Chromium, offline) for accessibility (run
in test_quality.py on one page of each shape, at 320 and 1280 px, beside axe). Also
what those checkers read in the pages: headings in order, and generated tables whose text stays
text (never read as markup).

The tools come from tests/tools (`npm ci --prefix tests/tools`, which `make test` runs). Where Java,
Chromium or tests/tools/node_modules are missing these tests skip, saying what to install; with
REQUIRE_BROWSER=1 (CI) they fail instead."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import REPO

TOOLS = REPO / "tests" / "tools" / "node_modules"
VNU = TOOLS / "vnu-jar" / "build" / "dist" / "vnu.jar"
ACE = TOOLS / "accessibility-checker-engine" / "ace.js"
SITES = ["fixture_site", "real_site"]


def require(missing: str | None) -> None:
    """Skips the calling test with the reason, or fails it under REQUIRE_BROWSER=1 (CI)."""
    if missing:
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"REQUIRE_BROWSER=1 but {missing}")
        pytest.skip(missing)


def java_missing() -> str | None:
    java = shutil.which("java")
    if not java:
        return "the Nu Html Checker needs Java 11 or later (apt-get install default-jre-headless)"
    if not VNU.is_file():
        return f"{VNU.relative_to(REPO)} is missing (npm ci --prefix tests/tools)"
    return None


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


# ---- the Nu Html Checker --------------------------------------------------------------------------

# A page with the mistakes the checker found on this site before: it must report each of them, or
# the check that finds none on the sites proves nothing.
BROKEN = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Broken</title></head>
<body><input type="checkbox" id="box" autocomplete="off"><label for="nothing">Menu</label>
<main><h1>Title</h1><h3>Skipped a level</h3><p>stories/<slug></p></main></body></html>
"""
BROKEN_ERRORS = [
    "Attribute “autocomplete” is only allowed when",
    "The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control",
    "The heading “h3” (with computed level 3) follows the heading “h1” (with computed level 1), skipping 1 heading level",
    "Element “slug” not allowed",
]


@pytest.mark.slow  # one Java run of the Nu Html Checker over every page of both sites
def test_nu_html_checker_reports_the_known_mistakes_and_finds_no_error_on_any_page(request, tmp_path):
    """One run over every HTML file of both sites and a broken page: it reports each mistake of the
    broken page (or finding none on the sites would prove nothing), reads every page and reports
    nothing on them. Each error as ``path:line: type: message``; --verbose names each file read."""
    require(java_missing())
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "index.html").write_text(BROKEN, encoding="utf-8")
    roots = {name: request.getfixturevalue(name).resolve() for name in SITES} | {
        "broken": (tmp_path / "broken").resolve()
    }
    run = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--stdout", "--skip-non-html", "--errors-only"]
        + ["--exit-zero-always", "--verbose", *map(str, roots.values())],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    errors: dict[str, list[str]] = {name: [] for name in [*roots, "elsewhere"]}
    for message in json.loads(run.stdout)["messages"]:
        path = Path(unquote(urlsplit(message.get("url", "")).path))
        name = next((name for name, root in roots.items() if path.is_relative_to(root)), "elsewhere")
        where = path.relative_to(roots[name]).as_posix() if name != "elsewhere" else message.get("url", "")
        line = message.get("lastLine", message.get("firstLine", 0))
        errors[name].append(f"{where}:{line}: {message['type']}: {message['message']}")
    checked = {Path(line.strip()).resolve() for line in run.stderr.splitlines() if line.strip().endswith(".html")}

    missed = [expected for expected in BROKEN_ERRORS if not any(expected in error for error in errors["broken"])]
    assert missed == [], errors["broken"]
    for name in SITES:
        files = {path.resolve() for path in html_files(request.getfixturevalue(name))}
        assert len(files) > 50 and files <= checked, name  # every page was read
    assert {name: errors[name] for name in [*SITES, "elsewhere"]} == {name: [] for name in [*SITES, "elsewhere"]}


# ---- IBM Equal Access -----------------------------------------------------------------------------


def ibm_script() -> str:
    """ace.js as a script put in every page as it opens (Playwright's init script, which the pages'
    Content-Security-Policy does not govern). Playwright runs it in a function of its own, where
    ace.js's ``var ace`` would stay local: it is made the page's."""
    return ACE.read_text(encoding="utf-8") + "\nwindow.ace = ace;\n"


# IBM's rule set on the page, ace.js being in it: its failures, the results that are a VIOLATION
# and FAIL (not recommendations, nor ones for a person to check). The whole set but for two rules
# that the same pages meet in a stricter check (test_quality.py), which take half of IBM's time: a
# text's contrast (axe-core's color-contrast, at both widths) and a visible focus (FOCUS_RINGS in
# test_menu.py: a ring of 2 px at 3:1, at both widths). Its WCAG 2.1 part alone would leave out rules
# nothing else here checks (content in landmarks, a role for what takes the focus; unique landmark
# names are also read on every page by test_details.py). A rule named here that IBM's set no longer
# has stops the check.
IBM_LEFT_OUT = ["text_contrast_sufficient", "style_focus_visible"]
IBM_FAILURES = """async (leftOut) => {
  const checker = new ace.Checker();
  const ibm = checker.getGuidelines().find((guideline) => guideline.id === "IBM_Accessibility");
  if (!ibm) throw new Error("ace.js has no rule set IBM_Accessibility");
  const rules = new Set(ibm.checkpoints.flatMap((checkpoint) => (checkpoint.rules || []).map((rule) => rule.id)));
  const unknown = leftOut.filter((id) => !rules.has(id));
  if (unknown.length) throw new Error(`IBM_Accessibility has no rule ${unknown.join(", ")}`);
  checker.addGuideline({...ibm, id: "lrp", checkpoints: ibm.checkpoints.map((checkpoint) =>
    ({...checkpoint, rules: (checkpoint.rules || []).filter((rule) => !leftOut.includes(rule.id))}))});
  const report = await checker.check(document, ["lrp"]);
  return report.results
    .filter((result) => result.value[0] === "VIOLATION" && result.value[1] === "FAIL")
    .map((result) => `${result.ruleId}: ${result.message} at ${result.path.dom}: ${result.snippet.slice(0, 160)}`);
}"""


def ibm_failures(page) -> list[str]:
    return page.evaluate(IBM_FAILURES, IBM_LEFT_OUT)


def ace_missing() -> str | None:
    if not ACE.is_file():
        return f"{ACE.relative_to(REPO)} is missing (npm ci --prefix tests/tools)"
    return None


@pytest.mark.browser
def test_ibm_checker_reports_broken_labels(browser):
    """The engine runs, offline, put in the page as the pages of each shape get it
    (test_quality.py), and finds what it found on this site before; a rule it is told to leave out
    that its set no longer has stops it."""
    require(ace_missing())
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(ibm_script())
    page = context.new_page()
    page.route("http://broken.test/", lambda route: route.fulfill(body=BROKEN, content_type="text/html"))
    page.goto("http://broken.test/")
    found = ibm_failures(page)
    with pytest.raises(Exception, match="IBM_Accessibility has no rule no_such_rule"):
        page.evaluate(IBM_FAILURES, [*IBM_LEFT_OUT, "no_such_rule"])
    context.close()
    assert any(failure.startswith("label_ref_valid:") for failure in found), found


# ---- headings --------------------------------------------------------------------------------------


class _Headings(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.levels: list[int] = []

    def handle_starttag(self, tag, attrs):
        if re.fullmatch(r"h[1-6]", tag):
            self.levels.append(int(tag[1]))


def heading_mistakes(html: str) -> list[str]:
    parser = _Headings()
    parser.feed(html)
    levels, mistakes = parser.levels, []
    if levels[:1] != [1]:
        mistakes.append(f"the first heading is h{levels[0]}" if levels else "no heading")
    if levels.count(1) != 1:
        mistakes.append(f"{levels.count(1)} h1")
    mistakes += [f"h{b} after h{a}" for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]
    return mistakes


def test_heading_mistakes_are_found():
    assert heading_mistakes("<h1>a</h1><h2>b</h2><h3>c</h3><h2>d</h2><h3>e</h3><h1>f</h1>") == ["2 h1"]
    assert heading_mistakes("<h2>a</h2><h1>b</h1><h3>c</h3><h5>d</h5>") == [
        "the first heading is h2",
        "h3 after h1",
        "h5 after h3",
    ]


@pytest.mark.parametrize("name", SITES)
def test_every_page_has_one_h1_and_headings_in_order(request, name):
    site = request.getfixturevalue(name)
    found = {}
    for path in html_files(site):
        if path.parent == site / "admin":  # the editor's shell: Sveltia draws its headings (test_editor_browser.py)
            continue
        if mistakes := heading_mistakes(path.read_text(encoding="utf-8")):
            found[path.relative_to(site).as_posix()] = mistakes
    assert found == {}


# ---- generated tables -------------------------------------------------------------------------------


class _Cells(HTMLParser):
    """The text of each table cell, as a reader sees it, and the elements inside cells."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.cells: list[str] = []
        self.tags: list[str] = []
        self.depth = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("td", "th"):
            self.depth += 1
            self.cells.append("")
        elif self.depth:
            self.tags.append(tag)

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.cells[-1] += data


def cells(html: str) -> _Cells:
    parser = _Cells()
    parser.feed(html)
    return parser


def test_field_table_shows_its_text_as_written():
    """Texts that look like Markdown or HTML are shown as typed, not as emphasis, code, links,
    elements, references or extra columns."""
    import markdown

    from lrp.contract.fields import fields_of
    from lrp.pages.guide import expand_field_tables

    tricky = r"stories/<slug> *a* _b_ `c` [d](e) [^f] <b>g</b> &amp; h|i \ j # k + l - m. !n {o} ~p~ ^q^"

    class Strings:
        def t(self, lang, key, **values):
            return tricky if key == "guide.meaning" else key

        def own(self, lang, key):
            return f"{key}: {tricky}"

    fields = fields_of("events")
    text = expand_field_tables(
        "<!-- lrp:fields events -->\n<!-- /lrp:fields -->", "en", Strings(), lambda collection: fields
    )
    html = markdown.markdown(text, extensions=["toc", "tables", "footnotes"])
    table = cells(html)
    assert table.tags == ["code"] * len(fields)  # only the field names, as code
    assert table.cells[3] == tricky
    assert table.cells[4:] and table.cells[4::4] == list(fields)
    assert table.cells[7::4] == [f"help.{name}: {tricky}" for name in fields]


def test_editor_guide_shows_references_as_words(real_site):
    """The real guide: "stories/<slug>" is read as it is written, not as an element."""
    for url in ("redaktoriem/", "en/editors/"):
        table = cells((real_site / url / "index.html").read_text(encoding="utf-8"))
        related = next(cell for cell in table.cells if "stories/" in cell)
        assert "stories/<slug>" in related and "events/<slug>" in related
        assert set(table.tags) <= {"code"}
