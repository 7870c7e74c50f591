"""Bodies are judged on the HTML they become: the safe list, its lines, links and anchors, and
what is published (only what the safe list keeps)."""

import re
import textwrap

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser as LexborParser
from test_content import EVENT, lines, load

from lrp.contract import safehtml
from lrp.contract.bodies import Converter, Invalid

HEAD_LINES = EVENT.count("\n") - 1  # the body starts on this line + 1
MARKUP = "<svg> <math> <base> <meta> <link> <template> <noscript> <marquee> <input> <button> <video> <audio>".split()


def check(tmp_path, body: str, extra: dict | None = None):
    """The mistakes of an event with this body, and the event's published HTML."""
    content = load(tmp_path, {"events/a.lv.md": EVENT.replace("Teksts.\n", "") + body, **(extra or {})})
    return lines(content), content.items["events/a"].translations["lv"].html


def assert_published_is_safe(html: str) -> None:
    """What is published holds nothing outside the safe list, on a second look too."""
    again = [p for p in safehtml.scan(html).problems if "alt text" not in str(p.message)]  # a rule, not a risk
    assert again == [], (html, again)


# ---- the classes of the issue: each becomes markup, is reported at its line, and is not published ----


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        # comment and CDATA openings that browsers close at once
        ("Teksts.\n\n<!--><script>alert(1)</script>\n", 3, "<script> is not allowed in the text"),
        ("Teksts.\n\n<![CDATA[ ]]><img src=x alt=a onerror=alert(1)>\n", 3, "the attribute onerror= is not allowed"),
        # a backtick that opens no code span
        ("Teksts ` ar vienu.\n\n` un <script>alert(1)</script>\n", 3, "<script> is not allowed in the text"),
        # a fence that does not close: the rest is not code
        ("Teksts.\n\n    ```\n\n<style>p{}</style>\n", 5, "<style> is not allowed in the text"),
        # inside list items and footnotes
        ("- viens\n\n    <iframe src=x></iframe>\n", 3, "<iframe> is not allowed in the text"),
        (
            "Piezīme[^1].\n\n[^1]: Teksts.\n\n    <b onclick=alert(1)>x</b>\n",
            5,
            "the attribute onclick= is not allowed",
        ),
        # javascript: links in every way Markdown writes a link
        ("Teksts.\n\n[a](<javascript:alert(1)>)\n", 3, "'javascript:alert(1)' is not allowed as a link"),
        ("Teksts.\n\n[a [b] c](javascript:alert(1))\n", 3, "'javascript:alert(1)' is not allowed as a link"),
        ("Teksts.\n\n[a](javascript:alert((1)))\n", 3, "'javascript:alert((1))' is not allowed as a link"),
        ("- [a][x]\n\n- b\n\n    [x]: javascript:alert(1)\n", 5, "'javascript:alert(1)' is not allowed as a link"),
        ("Teksts.\n\n[a](&#106;avascript:alert(1))\n", 3, "'javascript:alert(1)' is not allowed as a link"),
        ("Teksts.\n\n<a href=' java&#9;script:alert(1)'>a</a>\n", 3, "is not allowed as a link"),
        # host-relative tricks
        ("Teksts.\n\n[a](/\\evil.example/)\n", 3, "leads to another site without saying how"),
        ("Teksts.\n\n<a href='//evil.example/'>a</a>\n", 3, "leads to another site without saying how"),
        # attributes and elements outside the list
        ("Teksts.\n\n<a href='https://lsm.lv' ping='https://evil.example'>a</a>\n", 3, "ping= is not allowed"),
        ("Teksts.\n\n<table background='https://evil.example/x.png'><tr><td>a</td></tr></table>\n", 3, "background="),
        ("Teksts.\n\n<p style='color:red'>a</p>\n", 3, "style= is not allowed"),
        ("Teksts.\n\n![Foto](https://evil.example/p.jpg)\n", 3, "must be stored in the repository"),
        ("Teksts.\n\n![](images/p.png)\n", 3, "the image has no alt text"),
    ]
    + [(f"Teksts.\n\nVairāk.\n{tag[:-1]} href='x'>\n", 4, f"{tag} is not on the list") for tag in MARKUP],
)
def test_markup_outside_the_safe_list(tmp_path, body, line, message):
    found, html = check(tmp_path, body)
    expected = f"events/a.lv.md:{HEAD_LINES + line}: body: "
    assert any(m.startswith(expected) and message in m for m in found), found
    assert_published_is_safe(html)
    assert "alert" not in html.replace("alert(1)</", "") or "<script" not in html


@pytest.mark.parametrize(
    "body",
    [
        "Rakstiet `<script>` kodā.\n",
        "```html\n<script>alert(1)</script>\n```\n",
        "    <script>alert(1)</script>\n",
        "- punkts\n\n        <script>alert(1)</script>\n",
        "<details><summary>Vairāk</summary><p><strong>Teksts</strong>, <a href='https://lsm.lv'>LSM</a></p></details>\n",
        "<https://www.lsm.lv/temas/romi/> un <pasts@km.gov.lv>, [pasts](mailto:pasts@km.gov.lv)\n",
        "| a | b |\n|:--|--:|\n| 1 | 2 |\n",
        "Piezīme[^1].\n\n[^1]: Teksts.\n",
    ],
)
def test_code_and_safe_markup_pass_and_stay(tmp_path, body):
    found, html = check(tmp_path, body)
    assert found == []
    assert_published_is_safe(html)


def test_script_in_code_is_published_as_text(tmp_path):
    _, html = check(tmp_path, "```html\n<script>alert(1)</script>\n```\n")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script" not in html


def test_table_alignment_is_a_class_not_a_style(tmp_path):
    _, html = check(tmp_path, "| a | b |\n|:--|--:|\n| 1 | 2 |\n")
    assert 'class="lrp-align-left"' in html and 'class="lrp-align-right"' in html and "style" not in html


def test_every_problem_of_a_body_is_reported_at_its_own_line(tmp_path):
    body = "Viens.\n\n<script>a()</script>\n\nDivi.\n\n<script>b()</script>\n\n[x](javascript:c())\n"
    found, html = check(tmp_path, body)
    assert found == [
        f"events/a.lv.md:{HEAD_LINES + 3}: body: <script> is not allowed in the text",
        f"events/a.lv.md:{HEAD_LINES + 7}: body: <script> is not allowed in the text",
        f"events/a.lv.md:{HEAD_LINES + 9}: body: 'javascript:c()' is not allowed as a link (only web and relative links)",
    ]
    assert "<script" not in html and "javascript" not in html


def test_a_line_inside_a_block_is_found_by_its_words(tmp_path):
    found, _ = check(tmp_path, "<div>\n<p>Viens</p>\n<p onmouseover='x()'>Divi</p>\n</div>\n")
    assert found == [
        f"events/a.lv.md:{HEAD_LINES + 3}: body: the attribute onmouseover= is not allowed (it runs a script)"
    ]


# ---- links to other items: a file and an anchor that exist; addresses as published ----

OTHER = EVENT.replace("Teksts.\n", "## Rezultāti\n\nTeksts.\n")


def test_links_need_an_existing_file_and_anchor(tmp_path):
    body = "[a](b.lv.md#rezultati) [b](b.lv.md#nav) [c](c.lv.md) [e](#piezime)\n\n## Piezīme\n"
    found, html = check(tmp_path, body, {"events/b.lv.md": OTHER})
    assert found == [
        f"events/a.lv.md:{HEAD_LINES + 1}: body: the link 'b.lv.md#nav' leads to an anchor '#nav' that events/b.lv.md does not have",
        f"events/a.lv.md:{HEAD_LINES + 1}: body: the link 'c.lv.md' leads to a file that does not exist",
    ]


def test_links_get_their_published_address_in_markdown_and_html(tmp_path):
    body = "[a](b.lv.md#rezultati) <a href='../stories/s.lv.md'>s</a> ![Foto](images/p.png)\n"
    png = _png()
    story = "---\ntitle: S\nsummary: S.\ndate: 2021\nperson: A\nconsent: 2021-01-01\n---\nX\n"
    found, html = check(tmp_path, body, {"events/b.lv.md": OTHER, "stories/s.lv.md": story, "events/images/p.png": png})
    assert found == []
    assert 'href="../b/#text-rezultati"' in html  # the anchor as b's body publishes its ids
    assert 'href="../../dzives-stasti/s/"' in html
    assert 'src="../../media/events/images/p.png"' in html and 'width="2"' in html and 'height="1"' in html


def _png() -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (2, 1)).save(out, "PNG")
    return out.getvalue()


# ---- files: inside the collection, no links, what the name says ----


@pytest.mark.parametrize(
    ("reference", "message"),
    [
        ("../stories/images/p.png", "leaves the folder events/"),
        ("../../outside.png", "leaves the folder events/"),
        ("/etc/passwd.png", "not an address or an absolute path"),
        ("images/p.svg", "must be one of the file types"),
        ("images/fake.png", "is not a readable PNG image"),
        ("images/jpeg.png", "is a JPEG image, not the PNG its name says"),
        ("images/link.png", "is a symbolic link"),
    ],
)
def test_files_stay_inside_the_collection_and_are_what_they_say(tmp_path, reference, message):
    import io

    from PIL import Image

    jpeg = io.BytesIO()
    Image.new("RGB", (2, 2)).save(jpeg, "JPEG")
    files = {
        "stories/images/p.png": _png(),
        "outside.png": _png(),
        "events/images/p.svg": "<svg/>",
        "events/images/fake.png": b"not an image",
        "events/images/jpeg.png": jpeg.getvalue(),
        "events/images/real.png": _png(),
    }
    (tmp_path / "events/images").mkdir(parents=True)
    (tmp_path / "events/images/link.png").symlink_to(tmp_path / "events/images/real.png")
    found, _ = check(tmp_path, f"![Foto]({reference})\n", files)
    assert any(message in m and m.startswith(f"events/a.lv.md:{HEAD_LINES + 1}: body:") for m in found), found
    image_field = load(
        tmp_path, {"events/b.lv.md": EVENT.replace("---\nTeksts", f"image: {reference}\nimage_alt: Foto\n---\nTeksts")}
    )
    assert any(m.startswith("events/b.lv.md:8: image:") and message in m for m in lines(image_field)), lines(
        image_field
    )


def test_a_symlinked_content_file_is_a_mistake(tmp_path):
    outside = tmp_path / "secret.txt"
    outside.write_text("---\ntitle: x\n---\n", encoding="utf-8")
    (tmp_path / "events").mkdir()
    (tmp_path / "events/b.lv.md").symlink_to(outside)
    assert "events/b.lv.md:1: file name: is a symbolic link; put the file itself in the repository" in lines(
        load(tmp_path, {})
    )


# ---- the property: whatever the body, nothing outside the safe list is published ----

FRAGMENTS = st.sampled_from(
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1) alt=a>",
        "<!-->",
        "<![CDATA[",
        "]]>",
        "-->",
        "<svg onload=alert(1)>",
        "<math><mi xlink:href='javascript:alert(1)'>x</mi></math>",
        "<a href='javascript:x'>",
        "[a](javascript:alert(1))",
        "[a](<javascript:x>)",
        "[x]: javascript:alert(1)",
        "[a][x]",
        "`",
        "```",
        "    ",
        "- ",
        "> ",
        "[^1]",
        "[^1]: ",
        "<style>",
        "</style>",
        "<base href=//evil>",
        "<meta http-equiv=refresh>",
        "<a href=/\\evil>",
        "<a ping=//evil href=#>",
        "<p style=x>",
        "<iframe srcdoc=x>",
        "<form action=//x>",
        "<table background=//x>",
        "<details open ontoggle=alert(1)>",
        "<object data=x>",
        "<embed src=x>",
        "<",
        ">",
        '"',
        "'",
        "&#106;avascript:",
        "data:text/html,x",
        "<noscript><p title='</noscript><img src=x onerror=y>'>",
        "<template><script>x</script></template>",
        "<textarea><script>",
        "</textarea>",
        "<title>",
        "*",
        "_",
        "#",
        "![a](//evil/x.png)",
        "<img srcset='//evil 1x' alt=a>",
        "text",
        "\n",
        "\n\n",
        "<div>",
        "</div>",
        "<p>",
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(FRAGMENTS, min_size=1, max_size=12).map("".join))
def test_no_published_body_holds_anything_outside_the_safe_list(body):
    try:
        html, _ = _CONVERTER.convert(body)
    except Invalid:  # beyond the limits (limits.py): refused, nothing of it published
        return
    published = safehtml.clean(html)
    assert_published_is_safe(published)
    for name in ("<script", "<style", "<iframe", "<svg", "<math", "<base", "<meta", "<object", "<embed", "<form"):
        assert name not in published.lower()
    if safehtml.scan(html).problems == []:  # nothing reported: nothing of the body was taken away
        assert safehtml.scan(published).links == [(n, _published(a)) for n, a in safehtml.scan(html).links]


def _published(address: str) -> str:
    """An address as clean() publishes it: an anchor of the body carries the prefix of its ids."""
    return f"#{safehtml.anchor(address[1:])}" if address.startswith("#") and address not in ("#", "#top") else address


_CONVERTER = Converter(("toc", "tables", "fenced_code", "footnotes"))


def test_a_body_markdown_cannot_convert_is_a_mistake_not_a_traceback(tmp_path):
    found, _ = check(tmp_path, textwrap.dedent("Teksts.\n") + "[" * 5000 + "\n")
    assert all(m.startswith("events/a.lv.md:") for m in found)


# ---- addresses: one owner each; a clash names both -----------------------------------------


def plan(tmp_path, files: dict, page_size: int = 12):
    import dataclasses

    from test_content import SETTINGS, TODAY

    from lrp import load_content
    from lrp.pages.plan import plan_site
    from lrp.pages.strings import Strings

    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    import shutil

    from conftest import REPO

    shutil.copytree(REPO / "data", tmp_path / "data", dirs_exist_ok=True)
    settings = dataclasses.replace(SETTINGS, root=tmp_path, page_size=page_size)
    content = load_content(settings, today=TODAY)
    plan_site(content, Strings.load(settings))
    return lines(content)


def test_an_item_at_a_numbered_listing_page_is_a_mistake(tmp_path):
    found = plan(tmp_path, {"events/2.lv.md": EVENT, "events/b.lv.md": EVENT}, page_size=1)
    assert found == [
        "events/2.lv.md:1: file name: its address /pasakumi/2/ is needed by page 2 of the events listing /pasakumi/; choose another name"
    ]


def test_docs_pages_cannot_take_a_section_or_a_term_page(tmp_path):
    found = plan(
        tmp_path,
        {
            "docs/x.lv.md": "---\ntitle: X\nslug: meklet\n---\nX\n",
            "docs/temas/mediation.lv.md": "---\ntitle: M\n---\nM\n",
            "docs/temas/index.lv.md": "---\ntitle: T\n---\nT\n",
        },
    )
    assert found == [
        "docs/temas/index.lv.md:1: file name: its address /temas/ is already used by the themes section",
        "docs/temas/mediation.lv.md:1: file name: its address /temas/mediation/ is needed by the page of themes 'mediation'; choose another name",
        "docs/x.lv.md:3: slug: its address /meklet/ is already used by the search section",
    ]


@pytest.mark.parametrize("name", ["events/a.lv.MD", "events/.lv.md", "events/a.LV.md"])
def test_files_the_contract_cannot_read_are_mistakes(tmp_path, name):
    found = plan(tmp_path, {name: EVENT})
    assert found and found[0].startswith(f"{name}:1: file name:"), found


def test_no_template_source_is_published(fixture_site):
    published = [p for p in fixture_site.rglob("*") if p.is_file() and p.suffix in (".html", ".xml", ".txt", ".json")]
    assert published and not (fixture_site / "lrp").exists()
    leaked = [p for p in published if "{%" in p.read_text(encoding="utf-8", errors="replace")]
    assert leaked == []


def test_many_problems_in_one_body_each_get_their_line(tmp_path):
    body = "\n\n".join(f"Teksts {i}.\n<b onclick='x({i})'>{i}</b>" for i in range(150)) + "\n"
    found, html = check(tmp_path, body)
    assert found == [
        f"events/a.lv.md:{HEAD_LINES + 2 + 3 * i}: body: the attribute onclick= is not allowed (it runs a script)"
        for i in range(150)
    ]
    assert "onclick" not in html


@pytest.mark.slow  # the workers start from PARALLEL_FROM bodies on
def test_bodies_converted_by_forked_workers_are_those_one_process_converts():
    """Bodies handed to forked workers as they are read (bodies.Converting) come back the same as
    converted in one process, a mistake as a mistake; with another thread (the preview) nothing
    is forked; a worker that fails, or none that can start, leaves the bodies to this process,
    and ``fallback`` says why (the build logs it)."""
    script = """
import os
import threading
from lrp.contract import bodies

MAIN = os.getpid()

class Content:
    def image_size(self, path):
        if path.endswith("broken.png") and os.getpid() != MAIN:
            os._exit(1)  # the worker dies (this process converts it then)
        return (4, 3)

texts = [f"# T{i}\\n\\nTeksts [a](b.lv.md) ![x](k{i}.png) <b onclick='x()'>{i}</b>\\n\\n| a |\\n|:-|\\n| {i} |\\n" for i in range(400)]
texts[9] = "[" * 11  # refused before Python-Markdown: a mistake, not a result
converter = bodies.Converter(("toc", "tables", "fenced_code", "footnotes"))
paths = [f"events/e{i}.lv.md" for i in range(400)]
here = {p: bodies._convert_one(converter, t, bodies._sizer(Content(), p)) for p, t in zip(paths, texts)}
same = lambda a, b: a == b if not isinstance(a, Exception) else str(a) == str(b)

def converted(texts, workers=2, more=0):
    converting = bodies.Converting(converter, Content(), workers=workers)
    for p, t in list(zip(paths, texts))[: len(texts) - more]:
        converting.add(p, t)
    done = converting.finish(list(zip(paths, texts))[len(texts) - more :])
    return converting, done

assert threading.active_count() == 1
forked, ahead = converted(texts, more=30)  # 370 as the files are read, 30 at the end (docs pages)
assert forked.fallback is None and list(ahead) == paths
assert all(same(ahead[p], here[p]) for p in paths), "differ"
assert isinstance(ahead[paths[9]], bodies.Invalid) and 'width="4"' in ahead[paths[3]][0]
assert ahead[paths[3]][2].problems and ahead[paths[3]][2].links[0] == ("href", "b.lv.md")

broken, done = converted([t.replace("k7.png", "broken.png") for t in texts])
assert broken.fallback.startswith("a worker process failed") and len(done) == 400

def no_fork(*args, **kwargs):
    raise OSError("Resource temporarily unavailable")
forking, bodies.ProcessPoolExecutor = bodies.ProcessPoolExecutor, no_fork
unforked, done = converted(texts)
bodies.ProcessPoolExecutor = forking
assert unforked.fallback.startswith("no worker process could start") and all(same(done[p], here[p]) for p in paths)

stop = threading.Event()
thread = threading.Thread(target=stop.wait)
thread.start()
try:
    preview, done = converted(texts)  # the preview's threads: one process, by choice, not a failure
    assert preview.fallback is None and all(same(done[p], here[p]) for p in paths)
finally:
    stop.set()
    thread.join()
assert bodies._worker == ()  # nothing of a worker's is left in this process
print("ok")
"""
    run_alone(script)


def run_alone(script: str) -> None:
    """Run ``script`` in a Python process of its own (no other thread, as in a build: workers
    may be forked), with the hooks on its path; it prints "ok" when its assertions hold."""
    import subprocess
    import sys

    from conftest import REPO

    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=REPO,
        env={"PYTHONPATH": str(REPO / "hooks")},
        capture_output=True,
        text=True,
    )
    assert done.stdout.strip() == "ok", done.stderr[-2000:]


# ---- classes and ids: a body keeps the site's look and its own names -----------------------------


def _stylesheet_classes() -> set[str]:
    """Every class the page's stylesheets style: Material's and the site's own."""
    from pathlib import Path

    import material
    from conftest import REPO

    sheets = [*(Path(material.__file__).parent / "templates/assets/stylesheets").glob("*.css")]
    sheets += (REPO / "overrides/assets").glob("*.css")
    text = "".join(sheet.read_text(encoding="utf-8") for sheet in sheets)
    return set(re.findall(r"\.(-?[A-Za-z_][\w-]*)", text))


def test_no_class_the_stylesheets_know_passes_unless_the_site_lists_it_for_bodies():
    others = sorted(_stylesheet_classes() - safehtml.CLASSES)
    assert len(others) > 100 and "md-dialog--active" in others and "md-header" in others
    html = "".join(f'<div class="{name}">x</div>' for name in others)
    assert [str(p.message) for p in safehtml.scan(html).problems] == [
        f"the class {name} is not allowed: a text keeps the site's look (use Markdown formatting)" for name in others
    ]
    assert "class=" not in safehtml.clean(html)


def test_the_classes_the_sites_markdown_writes_pass_and_stay():
    from conftest import REPO

    from lrp.base.settings import markdown_extensions
    from lrp.contract.bodies import configured

    body = (
        "[TOC]\n\n## Rezultāti\n\nTeksts[^1].\n\n| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n\n"
        "```python\nx = 1\n```\n\n[^1]: Piezīme.\n"
    )
    html, _ = configured(markdown_extensions(REPO)).convert(body)
    written = {name for value in re.findall(r'class="([^"]*)"', html) for name in value.split()}
    assert written >= {"toc", "footnote", "footnote-ref", "footnote-backref", "language-python", "lrp-align-center"}
    assert safehtml.scan(html).problems == []
    assert {name for value in re.findall(r'class="([^"]*)"', safehtml.clean(html)) for name in value.split()} == written


def test_a_theme_class_in_a_body_is_a_mistake_at_its_line(tmp_path):
    found, html = check(tmp_path, "Teksts.\n\n<div class='md-dialog md-dialog--active'>Logs</div>\n")
    assert found == [
        f"events/a.lv.md:{HEAD_LINES + 3}: body: the class md-dialog md-dialog--active is not allowed: "
        "a text keeps the site's look (use Markdown formatting)"
    ]
    assert "md-dialog" not in html


IDS = st.one_of(
    st.sampled_from(["main-content", "lrp-header-q", "today", "year-2021", "__drawer", "lrpStemmers", "top", "fn:1"]),
    st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc", "Zs", "Zl", "Zp"]), min_size=1, max_size=12),
)  # an id holds no white space (HTML)


@settings(max_examples=200, deadline=None)
@given(st.lists(IDS, min_size=1, max_size=5))
def test_every_published_id_is_the_bodys_own_and_its_links_follow(ids):
    """Whatever ids a body writes (the page's own, a script global's), each is published under the
    body's prefix, and a link to one of them still leads to it."""
    from html import escape

    html = "".join(f'<p id="{escape(name)}"><a href="#{escape(name)}">x</a></p>' for name in ids)
    published = LexborParser(safehtml.clean(html)).body
    for element in published.css("[id]"):
        assert element.attributes["id"].startswith(safehtml.ID_PREFIX)
    for link in published.css("a[href]"):
        href = link.attributes["href"]
        if href.lower() != "#top":  # the page's top, where no element has that id
            assert href[1:] in {element.attributes["id"] for element in published.css("[id]")}, (href, ids)


def test_headings_footnotes_and_links_from_other_pages_lead_to_the_published_ids(tmp_path):
    body = "## Rezultāti\n\nTeksts[^1] un [b](b.lv.md#rezultati).\n\n[^1]: Piezīme.\n"
    content = load(tmp_path, {"events/a.lv.md": EVENT.replace("Teksts.\n", body), "events/b.lv.md": OTHER})
    assert lines(content) == []
    a, b = (content.items[f"events/{slug}"].translations["lv"] for slug in "ab")
    ids_a, ids_b = (set(re.findall(r'id="([^"]*)"', tr.html)) for tr in (a, b))
    assert ids_a and all(name.startswith(safehtml.ID_PREFIX) for name in ids_a | ids_b)
    assert {token["id"] for token in a.toc} <= ids_a  # the page's table of contents
    for href in re.findall(r'href="#([^"]*)"', a.html):  # footnotes and their way back
        assert href in ids_a
    assert f'href="../b/#{safehtml.anchor("rezultati")}"' in a.html and safehtml.anchor("rezultati") in ids_b


def test_only_bodies_carry_the_bodies_prefix_and_every_body_id_carries_it(fixture_site):
    """On every built page: an id with the prefix is in a body, and a body's ids all have it."""
    for path in fixture_site.rglob("*.html"):
        tree = LexborParser(path.read_text(encoding="utf-8"))
        inside = {node.mem_id for body in tree.css(".lrp-body") for node in body.css("[id]")}
        for node in tree.css("[id]"):
            assert node.attributes["id"].startswith(safehtml.ID_PREFIX) == (node.mem_id in inside), (path, node.html)


HOSTILE = (
    '<div class="md-dialog md-dialog--active" id="main-content"><div class="md-dialog__inner md-typeset">Logs'
    '</div></div><div class="md-header md-header--shadow" id="lrpStemmers">Viltus galvene</div>'
    '<p class="md-sidebar md-sidebar--primary" id="__drawer">x</p><p class="footnote">Piezīme.</p>'
)


def test_a_body_with_the_themes_classes_leaves_the_page_as_it_was(fixture_site, browser, tmp_path):
    """The about page as built, and with theme classes and the page's ids handed to the cleaner in
    its body: the header, the main column and the skip link's target stay where they were. The
    same markup not cleaned does move them (the test can see what it guards against)."""
    import shutil

    from conftest import static_server

    site = tmp_path / "site"
    shutil.copytree(fixture_site, site, ignore=shutil.ignore_patterns("pagefind"))
    built = (site / "par-mums/index.html").read_text(encoding="utf-8")
    marker = '<div class="lrp-body" data-pagefind-filter="type:pages">'
    assert marker in built
    (site / "par-mums/cleaned.html").write_text(built.replace(marker, marker + safehtml.clean(HOSTILE)), "utf-8")
    (site / "par-mums/raw.html").write_text(built.replace(marker, marker + HOSTILE), "utf-8")
    layout = """() => {
        const box = (selector) => { const r = document.querySelector(selector).getBoundingClientRect();
                                    return [r.x, r.y, r.width, r.height]; };
        const shown = [...document.querySelectorAll(".md-header, .md-dialog")].filter(e => e.offsetHeight);
        return {header: box("header.md-header"), main: box(".md-main"), shown: shown.length,
                skipTo: document.querySelectorAll('[id="main-content"]').length, global: typeof window.lrpStemmers};
    }"""
    with static_server(site) as url:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        seen = {}
        for name in ("index.html", "cleaned.html", "raw.html"):
            page.goto(f"{url}par-mums/{name}")
            seen[name] = page.evaluate(layout)
        context.close()
    assert seen["cleaned.html"] == seen["index.html"]
    assert seen["raw.html"] != seen["index.html"]
    assert seen["raw.html"]["shown"] > 1 and seen["raw.html"]["skipTo"] == 2 and seen["raw.html"]["global"] == "object"


def test_each_of_many_broken_links_is_reported_at_its_own_line(tmp_path):
    """Issue 20: 1 500 broken links, each found in the source after the one before it."""
    links = [f"[saite](../events/nav-{i % 700}.lv.md)" for i in range(1500)]
    body = "".join(f"Teksts {i}.\n{link}\n\n" for i, link in enumerate(links))
    found, _ = check(tmp_path, body)
    assert found == [
        f"events/a.lv.md:{HEAD_LINES + 2 + 3 * i}: body: the link '{link[8:-1]}' leads to a file that does not exist"
        for i, link in enumerate(links)
    ]


def test_a_problem_is_found_where_it_is_written_not_where_its_word_is_mentioned(tmp_path):
    body = "Par script, onclick un style.\n\n<b onclick='x()'>a</b> <script>x()</script>\n\n[^1]\n\n[^1]: <i style='x'>b</i>\n"
    found, _ = check(tmp_path, body)
    assert [m.split(": body: ")[0] for m in found] == [f"events/a.lv.md:{HEAD_LINES + line}" for line in (3, 3, 7)]


@pytest.mark.parametrize(
    "element",
    [
        '<iframe src="https://example.org"></iframe>',
        '<object data="x.swf"></object>',
        '<embed src="x.swf">',
        "<SCRIPT SRC=//x.example/a.js></SCRIPT>",
        '<form action="https://example.org"><input name="q"><button>Sūtīt</button></form>',
    ],
)
def test_a_forbidden_element_is_one_mistake_with_all_it_holds(tmp_path, element):
    found, html = check(tmp_path, f"Teksts.\n\n{element}\n")
    assert len(found) == 1 and found[0].startswith(f"events/a.lv.md:{HEAD_LINES + 3}: body: <"), found
    assert "<input" not in html and "src=" not in html


def test_an_address_with_a_line_end_written_as_a_reference_is_found_at_its_line(tmp_path):
    found, _ = check(tmp_path, 'Teksts.\n\nVēl.\n\n<a href="java&NewLine;script:alert(1)">x</a>\n')
    assert [line.split(": body: ")[0] for line in found] == [f"events/a.lv.md:{HEAD_LINES + 5}"]
