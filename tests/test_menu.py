"""The menu and the focus as a keyboard user meets them, at phone width (320 px, as at 400 % zoom
of a 1280 px window) and at desktop width, in Chromium and in Firefox.

The menu is a <details> disclosure in the header below 76.25em (overrides/lrp/chrome/menu.html):
named, with its state, opened and closed from the keyboard without script, and while closed its
links take no focus. Here: its keyboard use and the focus order; Firefox's layout on one page of each
shape. Every page's sideways scrolling at 320 px, and the focus ring (at least 3:1 against the
background around it) of everything that can take the focus on one page of each shape at both
widths, are looked at in test_quality.py."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from conftest import DESKTOP, PHONE, page_shapes, require_chromium

pytestmark = pytest.mark.browser

require_chromium()


@contextlib.contextmanager
def new_page(browser, viewport, init_script: str | None = None, **options):
    # Reduced motion: Material's skip link fades in; without transitions it is visible at once.
    context = browser.new_context(viewport=viewport, reduced_motion="reduce", **options)
    if init_script:  # a checker put in each page as it opens (the policy does not govern it)
        context.add_init_script(init_script)
    try:
        yield context.new_page()
    finally:
        context.close()


# What has the focus, as the visitor sees it; None when the focus has left the page's elements.
# "onTop": not wholly covered by something else, at its middle or near one of its corners.
FOCUSED = """() => {
  const element = document.activeElement;
  if (!element || element === document.body || element === document.documentElement) return null;
  const box = element.getClientRects()[0] || element.getBoundingClientRect();
  const inset = Math.min(2, box.width / 2, box.height / 2);
  const points = [[box.left + box.width / 2, box.top + box.height / 2], [box.left + inset, box.top + inset],
                  [box.right - inset, box.top + inset], [box.left + inset, box.bottom - inset],
                  [box.right - inset, box.bottom - inset]];
  const hits = points.filter(([x, y]) => x >= 0 && y >= 0 && x < innerWidth && y < innerHeight)
    .map(([x, y]) => document.elementFromPoint(x, y));
  return {
    text: (element.getAttribute("aria-label") || element.textContent).trim().replace(/\\s+/g, " ").slice(0, 60),
    tag: element.tagName.toLowerCase(),
    inMenu: !!element.closest(".lrp-menu__panel"),
    inSidebar: !!element.closest(".md-sidebar--primary"),
    shown: element.checkVisibility({opacityProperty: true, visibilityProperty: true}) && box.width > 0 && box.height > 0,
    inView: box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth,
    onTop: hits.some((hit) => hit && (hit === element || element.contains(hit))),
    // Covered only by a link drawn in the very same place (marks of one date in the picture of
    // the years): its ring still shows there.
    twin: hits.length > 0 && hits.every((hit) => {
      const link = hit && hit.closest("a");
      if (!link || link === element) return false;
      const a = link.getBoundingClientRect();
      return Math.abs(a.left - box.left) < 1 && Math.abs(a.top - box.top) < 1 && Math.abs(a.width - box.width) < 1;
    }),
  };
}"""


def tab(page, keys: str = "Tab") -> dict | None:
    page.keyboard.press(keys)
    return page.evaluate(FOCUSED)


def tab_through(page, limit: int = 3000) -> list[dict]:
    """Presses Tab from the top of the page until the focus leaves it; what had the focus, in order."""
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None:
            return seen
        seen.append(focused)
    pytest.fail(f"the focus did not leave the page after {limit} presses of Tab")


def menu_entries(page) -> list[str]:
    """The navigation's entries, as the page lists them (in the menu and the sidebar alike)."""
    return page.locator(".lrp-menu__list a").evaluate_all("links => links.map((a) => a.textContent.trim())")


def disclosure(page) -> dict:
    """The menu button as assistive technology gets it from Chromium: role, name and state."""
    cdp = page.context.new_cdp_session(page)
    button = page.locator("summary.lrp-menu__button")
    node_id = cdp.send("DOM.describeNode", {"objectId": _object_id(cdp, button)})["node"]["backendNodeId"]
    node = cdp.send("Accessibility.getPartialAXTree", {"backendNodeId": node_id, "fetchRelatives": False})["nodes"][0]
    states = {item["name"]: item["value"].get("value") for item in node.get("properties", [])}
    cdp.detach()
    return {"role": node["role"]["value"], "name": node["name"]["value"], **states}


def _object_id(cdp, locator) -> str:
    locator.evaluate("element => { window.lrpProbe = element; }")
    return cdp.send("Runtime.evaluate", {"expression": "window.lrpProbe"})["result"]["objectId"]


# ---- the menu ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("url", "name"), [("pasakumi/", "Navigācija"), ("en/events/", "Navigation")])
def test_menu_button_has_a_name_and_a_state_and_works_by_keyboard(fixture_site, served, browser, url, name):
    with new_page(browser, PHONE) as page:
        page.goto(served(fixture_site) + url)
        assert disclosure(page) == {"role": "DisclosureTriangle", "name": name, "focusable": True, "expanded": False}
        links = page.locator(".lrp-menu__list a")
        assert links.count() > 5 and not links.first.is_visible()
        page.locator("summary.lrp-menu__button").focus()
        page.keyboard.press("Enter")
        assert disclosure(page)["expanded"] is True
        assert all(links.nth(i).is_visible() for i in range(links.count()))
        page.keyboard.press("Space")
        assert disclosure(page)["expanded"] is False and not links.first.is_visible()


@pytest.mark.parametrize("java_script", [True, False])
def test_keyboard_opens_the_menu_and_follows_a_link(fixture_site, served, browser, java_script):
    with new_page(browser, PHONE, java_script_enabled=java_script) as page:
        base = served(fixture_site)
        page.goto(base + "en/events/fiction-seminar-2021/")
        order = [tab(page)["text"] for _ in range(3)]
        assert order == ["Skip to content", "Navigation", "Latvian Roma Platform"]  # the button, then the logo
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Enter")
        steps = [tab(page) for _ in menu_entries(page)]
        assert [step["text"] for step in steps] == menu_entries(page)
        assert all(step["inMenu"] and step["shown"] and step["inView"] and step["onTop"] for step in steps)
        assert tab(page)["text"] == "Latvian Roma Platform"  # out of the menu, on to the logo
        page.keyboard.press("Shift+Tab")  # back to the last entry of the menu
        last, address = menu_entries(page)[-1], page.locator(".lrp-menu__list a").last.evaluate("a => a.href")
        page.keyboard.press("Enter")
        page.wait_for_url(address)
        assert page.get_by_role("heading", level=1).inner_text() == last


WALKED = {
    "fixture_site": [
        "",
        "en/",
        "pasakumi/",
        "en/events/fiction-seminar-2021/",
        "dzives-stasti/anna-fiction/",
        "izdevumi/fiction-book/",
        "par-mums/",
        "laika-josla/",
        "meklet/",
        "vietas/riga/",
        "404.html",
    ],
    # The real content: its home pages and their chart, the editors' guide, the real years.
    "real_site": ["", "en/", "redaktoriem/", "en/timeline/"],
}


@pytest.mark.parametrize(("name", "url"), [(name, url) for name, urls in WALKED.items() for url in urls])
def test_tab_reaches_every_link_and_never_loses_the_focus_at_320px(request, served, browser, name, url):
    """Closed, the menu's links take no focus, nor the hidden sidebar's; open, each of its links
    comes in turn. Whatever has the focus is shown, in view and not covered."""
    with new_page(browser, PHONE) as page:
        page.goto(served(request.getfixturevalue(name)) + url)
        entries = menu_entries(page)
        closed = tab_through(page)
        page.goto(page.url)
        page.locator("summary.lrp-menu__button").focus()
        page.keyboard.press("Enter")
        opened = tab_through(page)
    assert closed[0]["text"] in ("Pāriet uz saturu", "Skip to content") and closed[1]["tag"] == "summary"
    assert not [step for step in closed if step["inMenu"] or step["inSidebar"]]
    # Open: the same walk with the menu's entries right after its button (Tab from the button).
    assert [step["text"] for step in opened[: len(entries)]] == entries
    assert [step for step in opened[len(entries) :] if step["inMenu"] or step["inSidebar"]] == []
    lost = [
        step for step in closed + opened if not (step["shown"] and step["inView"] and (step["onTop"] or step["twin"]))
    ]
    assert lost == []


def test_sidebar_at_desktop_width_and_menu_at_phone_width(fixture_site, served, browser):
    with new_page(browser, DESKTOP) as page:
        page.goto(served(fixture_site) + "en/events/")
        assert not page.locator("summary.lrp-menu__button").is_visible()
        sidebar = page.locator(".md-sidebar--primary a")
        assert sidebar.count() > 5 and all(sidebar.nth(i).is_visible() for i in range(sidebar.count()))
        walk = tab_through(page)
        assert [step["text"] for step in walk if step["inSidebar"]] == menu_entries(page)
        assert not [
            step for step in walk if step["inMenu"] or step["tag"] == "summary" and step["text"] == "Navigation"
        ]
    with new_page(browser, PHONE) as page:
        page.goto(served(fixture_site) + "en/events/")
        assert page.locator(".md-sidebar--primary").evaluate("sidebar => getComputedStyle(sidebar).display") == "none"
        assert page.locator("summary.lrp-menu__button").is_visible()


# ---- a focus ring that can be seen (test_quality.py looks at one page of each shape at both widths) ----

# The contrast of the focus ring of every element that can take the focus (at 320 px the menu open) with
# what lies around it: the outline's colour against the colours painted where the outline is drawn,
# sampled at the middle of each side. Elements are focused from script after one press of Tab, so
# that :focus-visible applies as it does for a keyboard user.
FOCUS_RINGS = """() => {
  const rgba = (text) => {
    const m = text.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return null;
    const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const luminance = (c) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
  };
  const contrast = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const painted = (x, y, element) => {
    let colour = [255, 255, 255];
    for (const layer of document.elementsFromPoint(x, y).reverse()) {
      if (layer === element || element.contains(layer)) continue;
      const c = rgba(getComputedStyle(layer).backgroundColor);
      let alpha = c ? c[3] : 0;  // times the opacity of the layer and what holds it
      for (let e = layer; e && alpha > 0; e = e.parentElement) alpha *= parseFloat(getComputedStyle(e).opacity);
      if (alpha > 0) colour = [0, 1, 2].map((i) => c[i] * alpha + colour[i] * (1 - alpha));
    }
    return colour;
  };
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
  const failures = [];
  let checked = 0;
  for (const element of document.querySelectorAll(selector)) {
    if (!element.checkVisibility({opacityProperty: true, visibilityProperty: true})) continue;
    element.focus();
    if (document.activeElement !== element) continue;
    const name = `${element.tagName.toLowerCase()} "${(element.getAttribute("aria-label") || element.textContent).trim().replace(/\\s+/g, " ").slice(0, 40)}"`;
    if (!element.matches(":focus-visible")) { failures.push(`${name}: not :focus-visible`); continue; }
    const style = getComputedStyle(element);
    const width = parseFloat(style.outlineWidth), offset = parseFloat(style.outlineOffset) || 0;
    const colour = rgba(style.outlineColor);
    if (style.outlineStyle === "none" || width < 2 || !colour || colour[3] < 1) {
      failures.push(`${name}: outline ${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`);
      continue;
    }
    checked += 1;
    const box = element.getClientRects()[0] || element.getBoundingClientRect();
    const d = offset + width / 2;
    const points = [[box.left + box.width / 2, box.top - d], [box.left + box.width / 2, box.bottom + d],
                    [box.left - d, box.top + box.height / 2], [box.right + d, box.top + box.height / 2]]
      .filter(([x, y]) => x >= 0 && y >= 0 && x < innerWidth && y < innerHeight);
    const worst = Math.min(...points.map(([x, y]) => contrast(colour, painted(x, y, element))));
    if (worst < 3) failures.push(`${name}: ${worst.toFixed(2)}:1 (${style.outlineColor})`);
  }
  return {checked, failures};
}"""


def test_focus_ring_check_finds_a_faint_ring(fixture_site, served, browser):
    """The focus rings' check (test_quality.py) can fail: the old ring, dark orange on the header's dark blue, is found."""
    with new_page(browser, PHONE, bypass_csp=True) as page:
        page.goto(served(fixture_site) + "en/")
        page.add_style_tag(content=".md-header { --lrp-focus: #8a3b00; }")
        page.keyboard.press("Tab")
        failures = page.evaluate(FOCUS_RINGS)["failures"]
    assert any(failure.startswith('summary "Navigation": 1.1') for failure in failures), failures


# ---- Firefox -----------------------------------------------------------------------------------------

FIREFOX = os.environ.get("FIREFOX", "/usr/bin/firefox-esr")


# Resolves once the page is zoomed: its device pixel ratio, 1 before, changes with the zoom.
ZOOMED = """
const done = arguments[arguments.length - 1];
const check = () => (window.devicePixelRatio !== 1 ? done(window.devicePixelRatio) : setTimeout(check, 10));
check();
"""


class Marionette:
    """Firefox driven through Marionette, its own remote protocol (length-prefixed JSON over TCP):
    Playwright drives only its own Firefox build. Headless Firefox keeps windows at least 500 px
    wide, so the page is zoomed until its viewport is 320 CSS px wide: what a 320 px phone, or
    400 % zoom of a 1280 px window, lays out."""

    def __init__(self, binary: str):
        self.profile = Path(tempfile.mkdtemp(prefix="lrp-firefox-"))
        # Port 0: Firefox picks a free port and writes it to the profile.
        prefs = {"marionette.port": 0}
        (self.profile / "user.js").write_text(
            "".join(f"user_pref({json.dumps(k)}, {json.dumps(v)});\n" for k, v in prefs.items()), encoding="utf-8"
        )
        self.process = subprocess.Popen(
            [binary, "--headless", "--marionette", "-remote-allow-system-access", "--no-remote"]
            + ["--profile", str(self.profile)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            port_file, deadline = self.profile / "MarionetteActivePort", time.monotonic() + 60
            while not (port_file.exists() and port_file.read_text().strip()):
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise RuntimeError("Firefox did not start Marionette")
                time.sleep(0.1)
            self.socket = socket.create_connection(("127.0.0.1", int(port_file.read_text())), timeout=60)
            self.buffer, self.id = b"", 0
            self._read()  # the server's greeting
            self.call("WebDriver:NewSession", {"capabilities": {"alwaysMatch": {"pageLoadStrategy": "normal"}}})
            self.call("WebDriver:SetWindowRect", {"width": 500, "height": 900})
        except BaseException:  # Firefox and its profile go with the failure
            self.close()
            raise

    def _read(self):
        while b":" not in self.buffer:
            self.buffer += self.socket.recv(65536)
        size, _, rest = self.buffer.partition(b":")
        while len(rest) < int(size):
            rest += self.socket.recv(65536)
        self.buffer = rest[int(size) :]
        return json.loads(rest[: int(size)])

    def call(self, command: str, parameters: dict | None = None):
        self.id += 1
        data = json.dumps([0, self.id, command, parameters or {}]).encode()
        self.socket.sendall(str(len(data)).encode() + b":" + data)
        _, _, error, result = self._read()
        if error:
            raise RuntimeError(f"{command}: {error}")
        return result

    def script(self, source: str, context: str = "content"):
        self.call("Marionette:SetContext", {"value": context})
        return self.call("WebDriver:ExecuteScript", {"script": source, "args": []})["value"]

    def open(self, url: str, width: int) -> int:
        """Opens the page, zooms it by 156 % (Firefox then snaps its device pixel ratio) and sizes
        the window until the page's viewport, scroll bar included as in a media query, is ``width``
        CSS px. A new page starts unzoomed: the zoom is set on each. Returns the viewport's width."""
        self.call("WebDriver:Navigate", {"url": url})
        self.script("ZoomManager.setZoomForBrowser(gBrowser.selectedBrowser, 500 / 320); return 0", "chrome")
        self.call("Marionette:SetContext", {"value": "content"})
        # Until the zoom reaches the page (WebDriver's script timeout, 30 s, guards against a hang).
        self.call("WebDriver:ExecuteAsyncScript", {"script": ZOOMED, "args": []})
        for _ in range(10):  # each step brings the viewport closer: a step count, not a time
            inner, ratio = self.script("return [window.innerWidth, window.devicePixelRatio]")
            if inner == width:
                break
            outer = self.call("WebDriver:GetWindowRect")["width"]
            step = round((width - inner) * ratio) or (1 if width > inner else -1)
            self.call("WebDriver:SetWindowRect", {"width": outer + step, "height": 900})
        return self.script("return window.innerWidth")

    def close(self):
        with contextlib.suppress(Exception):
            self.call("Marionette:Quit", {"flags": ["eForceQuit"]})
        with contextlib.suppress(Exception):
            self.process.wait(20)
        if self.process.poll() is None:
            self.process.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


@pytest.fixture(scope="module")
def firefox():
    if not Path(FIREFOX).exists():
        reason = f"the Firefox check needs Debian's Firefox ESR at {FIREFOX} (apt-get install firefox-esr)"
        if os.environ.get("REQUIRE_BROWSER") == "1":  # as .ci/run sets it: a missing browser is a failure
            pytest.fail(reason)
        pytest.skip(reason)
    driver = Marionette(FIREFOX)
    yield driver
    driver.close()


# Sideways overflow as Firefox lays the page out, with the menu closed and open: the width of the
# page's content against the viewport's (the root hides what overflows, so a visitor would not
# even reach it), and how far a script can scroll it sideways.
OVERFLOW = """
const measure = () => {
  window.scrollTo(10000, window.scrollY);
  const scrolled = window.scrollX;
  window.scrollTo(0, 0);
  return {width: document.documentElement.clientWidth, scrollWidth: document.documentElement.scrollWidth, scrolled};
};
const closed = measure();
document.querySelector("details.lrp-menu").open = true;
return {viewport: window.innerWidth, closed, open: measure()};
"""


@pytest.mark.slow
def test_no_sideways_scrolling_at_320px_in_firefox(fixture_site, real_site, served, firefox):
    """One page of each shape of both sites in Firefox (conftest.page_shapes): what a second engine
    may lay out otherwise follows from the elements and styles; Chromium looks at every page's words
    (test_quality.py)."""
    wide = {}
    for site, rel in page_shapes(fixture_site, real_site):
        url = served(site) + rel.removesuffix("index.html")
        assert firefox.open(url, 320) == 320, url
        result = firefox.script(OVERFLOW)
        assert result["viewport"] == 320, url
        for state in ("closed", "open"):
            measured = result[state]
            if measured["scrolled"] or measured["scrollWidth"] > measured["width"]:
                wide[url, state] = measured
    assert wide == {}
