"""Issue 24, points 1 and 2, in Chromium: on the real content and on 200 crowded made-up activities,
in both languages, at 320, 390 and 1280 px and at the browser's text size doubled, no two marks of
the chart meet, no label is cut or leaves the chart, the page never scrolls sideways (the chart
only, with a shadow where more is, and only at the doubled size); the skip link leads past the
chart; a filter's left-out marks leave the tab order and say so in their name; forced colours
keep the marks and the held/dashed difference."""

from __future__ import annotations

import datetime as dt
import io
import os
import re

import pytest
from conftest import build_site, require_chromium, write_site
from PIL import Image
from test_chart import many_activities

require_chromium()

WIDTHS = (320, 390, 1280)
DAY = dt.datetime(2026, 11, 25, tzinfo=dt.UTC)  # the crowded site's build day: its layout is fixed

# Every mark's shape and every text of the plot: boxes that meet, texts wider than their box or
# outside the plot (text of the visually hidden name parts is no visible text).
GEOMETRY = """() => {
  const plot = document.querySelector(".lrp-chart__plot");
  const region = document.querySelector(".lrp-chart__scroll");
  const P = plot.getBoundingClientRect();
  const problems = [];
  const boxes = [];
  for (const el of plot.querySelectorAll(".lrp-chart__mark rect, .lrp-chart__mark circle, .lrp-chart__band rect")) {
    const owner = el.closest("[data-key]");
    boxes.push({ what: "mark " + (owner ? owner.dataset.key : "band"), r: el.getBoundingClientRect() });
  }
  const texts = plot.querySelectorAll(".lrp-chart__label, .lrp-chart__year > span, .lrp-chart__foot, .lrp-chart__row--group");
  for (const el of texts) {
    const E = el.getBoundingClientRect();
    const name = el.textContent.trim().slice(0, 40);
    if (el.scrollWidth > el.clientWidth + 1) problems.push("cut: " + name);
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement.closest(".lrp-visually-hidden") || !node.textContent.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const r of range.getClientRects()) {
        if (r.width < 1) continue;
        if (r.left < E.left - 1 || r.right > E.right + 1) problems.push("out of its box: " + name);
        if (r.left < P.left - 1 || r.right > P.right + 1) problems.push("out of the plot: " + name);
        boxes.push({ what: "text " + name, r });
      }
    }
  }
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i].r, b = boxes[j].r;
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (w > 0.5 && h > 0.5 && boxes[i].what !== boxes[j].what) problems.push(boxes[i].what + " meets " + boxes[j].what);
    }
  }
  return {
    problems: problems.slice(0, 10),
    marks: boxes.filter((box) => box.what.startsWith("mark ")).length,
    pageScrolls: document.documentElement.scrollWidth > window.innerWidth,
    chartScrolls: region.scrollWidth > region.clientWidth + 1,
    cue: getComputedStyle(region).backgroundImage.includes("radial-gradient"),
    label: parseFloat(getComputedStyle(plot.querySelector(".lrp-chart__label")).fontSize),
  };
}"""


@pytest.fixture(scope="module")
def crowded_site(tmp_path_factory):
    """The fixture site and 200 crowded made-up activities, built on a fixed day."""
    root = write_site(tmp_path_factory.mktemp("crowded"), many_activities())
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(int(DAY.timestamp()))
    try:
        return build_site(root)
    finally:
        if before is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before


def open_page(browser, address: str, width: int):
    phone = width < 500
    context = browser.new_context(viewport={"width": width, "height": 900}, is_mobile=phone, has_touch=phone)
    page = context.new_page()
    page.goto(address)
    return context, page


def double_text_size(context, page):
    """The browser's own text size setting at 200 % (16 px -> 32 px), as a reader sets it."""
    context.new_cdp_session(page).send("Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 26}})
    page.wait_for_function("() => parseFloat(getComputedStyle(document.documentElement).fontSize) >= 32")


def check_geometry(browser, address: str, fits: bool):
    """At each width, at the normal and the doubled text size: nothing meets, nothing is cut, the
    page does not scroll sideways; the chart fits (where ``fits``) or scrolls with a cue."""
    for width in WIDTHS:
        context, page = open_page(browser, address, width)
        normal = page.evaluate(GEOMETRY)
        double_text_size(context, page)
        large = page.evaluate(GEOMETRY)
        for size, found in (("100 %", normal), ("200 %", large)):
            where = f"{address} at {width} px, text {size}"
            assert found["problems"] == [], where
            assert found["marks"] > 0 and not found["pageScrolls"], where
            assert not found["chartScrolls"] or found["cue"], where
        assert large["label"] == pytest.approx(2 * normal["label"], abs=0.5)  # the chart's text grows
        if fits:
            assert not normal["chartScrolls"], f"{address} at {width} px"
        context.close()


@pytest.mark.slow
@pytest.mark.parametrize("url", ["", "en/", "laika-josla/", "en/timeline/"])
def test_real_chart_hides_no_mark_and_cuts_no_label(browser, real_site, served, url):
    check_geometry(browser, served(real_site) + url, fits=True)


@pytest.mark.slow
@pytest.mark.parametrize("url", ["", "en/timeline/"])
def test_crowded_chart_hides_no_mark_and_cuts_no_label(browser, crowded_site, served, url):
    html = (crowded_site / url / "index.html").read_text(encoding="utf-8")
    plot = html.split('<div class="lrp-chart__plot">')[1].split("<details")[0]
    assert plot.count('data-key="events/fiction-many-') == 200
    check_geometry(browser, served(crowded_site) + url, fits=False)


def test_real_chart_tells_its_empty_years(real_site):
    """The real content has no entry after 2023 (the seed): one break to today, not empty years."""
    for url, text in (("", "nav ierakstu"), ("en/timeline/", "no entries")):
        html = (real_site / url / "index.html").read_text(encoding="utf-8")
        axis = html.split('<p class="lrp-chart__axis">')[1].split("</p>")[0]
        years = re.findall(r'class="lrp-chart__year"><span>(\d+)</span>', axis)
        gaps = re.findall(r'class="lrp-chart__year lrp-chart__year--break"><span>([^<]+)</span>', axis)
        assert years == ["2020", "2021", "2022", "2023"]
        assert len(gaps) == 1 and re.fullmatch(rf"2024(–20\d\d)? {text}", gaps[0]), gaps


def test_skip_link_leads_past_the_chart(browser, real_site, served):
    context, page = open_page(browser, served(real_site) + "en/timeline/", 390)
    skip = page.get_by_role("link", name="Skip the chart")
    skip.focus()
    assert skip.bounding_box()["width"] > 20  # seen when it has the focus
    marks = page.locator(".lrp-chart__plot a")
    assert marks.count() > 20
    assert page.evaluate(
        "() => document.querySelector('.lrp-chart__skip').compareDocumentPosition("
        "document.querySelector('.lrp-chart__plot a')) & Node.DOCUMENT_POSITION_FOLLOWING"
    )
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.id === 'lrp-chart-list'")
    page.keyboard.press("Tab")
    assert not page.evaluate("() => Boolean(document.activeElement.closest('.lrp-chart__plot'))")
    context.close()


def contrast(first: str, second: str) -> float:
    def luminance(css: str) -> float:
        channels = [int(c) / 255 for c in re.findall(r"\d+", css)[:3]]
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


LEFT_OUT = """() => Array.from(document.querySelectorAll(".lrp-chart__mark--dim")).map((mark) => ({
  tabindex: mark.getAttribute("tabindex"),
  name: mark.querySelector("[data-lrp-name]").textContent,
  stroke: getComputedStyle(mark.querySelector("rect, circle")).stroke,
  text: getComputedStyle(mark).color,
}))"""


@pytest.mark.parametrize(
    ("site", "url", "state"),
    [
        ("fixture_site", "laika-josla/?kind=conference", "(nav atlasīts)"),
        ("crowded_site", "en/timeline/?kind=training", "(filtered out)"),
    ],
    ids=["rows-lv", "lanes-en"],
)
def test_left_out_marks_leave_the_tab_order_and_say_so(browser, served, request, site, url, state):
    context, page = open_page(browser, served(request.getfixturevalue(site)) + url, 1280)
    page.wait_for_function("() => document.querySelector('.lrp-chart__mark--dim')")
    left_out = page.evaluate(LEFT_OUT)
    kept = page.locator(".lrp-chart__plot .lrp-chart__mark:not(.lrp-chart__mark--dim)")
    assert left_out and kept.count()
    for mark in left_out:
        assert mark["tabindex"] == "-1" and mark["name"].endswith(state), mark
        assert contrast(mark["stroke"], "rgb(255, 255, 255)") >= 3, mark
        assert contrast(mark["text"], "rgb(255, 255, 255)") >= 4.5, mark
    # The names as a screen reader hears them: the state at the end of each left-out mark's.
    named = page.get_by_role("link", name=re.compile(re.escape(state) + "$"))
    assert named.count() == len(left_out)
    assert kept.first.get_attribute("tabindex") is None
    context.close()


def test_forced_colours_keep_marks_and_the_dashed_held_difference(browser, real_site, served):
    context, page = open_page(browser, served(real_site) + "en/timeline/", 1280)
    page.emulate_media(forced_colors="active")
    canvas = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
    found = page.evaluate("""() => Array.from(document.querySelectorAll(".lrp-chart__plot .lrp-chart__mark")).map((mark) => {
      const shape = getComputedStyle(mark.querySelector("rect, circle"));
      return { status: mark.classList[1], fill: shape.fill, stroke: shape.stroke, dash: shape.strokeDasharray };
    })""")
    assert {mark["status"] for mark in found} >= {"lrp-chart__mark--held", "lrp-chart__mark--unreported"}
    for mark in found:
        assert mark["stroke"] not in ("none", canvas) and "0, 0, 0, 0" not in mark["stroke"], mark
        if mark["status"] == "lrp-chart__mark--held":
            assert mark["fill"] == mark["stroke"] and mark["dash"] == "none", mark  # filled
        if mark["status"] == "lrp-chart__mark--unreported":
            assert mark["fill"] == canvas and mark["dash"] != "none", mark  # outlined, dashed
    # And on the screen: each kind of mark has pixels of its own colour on the canvas.
    background = tuple(int(c) for c in re.findall(r"\d+", canvas)[:3])
    for status in ("held", "unreported"):
        shot = page.locator(f".lrp-chart__plot .lrp-chart__mark--{status} rect").first.screenshot()
        data = Image.open(io.BytesIO(shot)).convert("RGB").tobytes()
        pixels = [data[i : i + 3] for i in range(0, len(data), 3)]
        drawn = sum(1 for pixel in pixels if max(abs(a - b) for a, b in zip(pixel, background, strict=True)) > 60)
        assert drawn > len(pixels) * (0.5 if status == "held" else 0.1), status
    context.close()
