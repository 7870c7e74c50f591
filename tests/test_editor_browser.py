"""The browser editor at /admin/ in Chromium: it loads under its own policy and shows its sign-in;
an editor adds an event with a photo in Latvian and English through the form, in Sveltia's
local-repository mode, and the files it writes pass the content check and build; an item of every
collection opened and left unchanged is not written again."""

from __future__ import annotations

import base64
import shutil
import subprocess
import sys

import pytest
import yaml
from conftest import REPO, build_site, write_site
from PIL import Image

from lrp.contract.fields import fields_of

pytestmark = pytest.mark.browser

SIGN_IN = "Sign In Using Access Token"
LOCAL = "Work with Local Repository"

# Installed before any script: violations and console errors are handed to the test; the folder
# picker of local-repository mode answers with a folder of the Origin Private File System.
RECORDER = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.lrpViolation([event.effectiveDirective, event.blockedURI, event.sourceFile + ":" + event.lineNumber]);
});
window.showDirectoryPicker = async () =>
  (await navigator.storage.getDirectory()).getDirectoryHandle("repo", { create: true });
"""

FILL = """async (files) => {
  const root = await (await navigator.storage.getDirectory()).getDirectoryHandle("repo", { create: true });
  await root.getDirectoryHandle(".git", { create: true });  // what Sveltia looks for in a repository
  for (const [path, data] of Object.entries(files)) {
    let folder = root;
    const parts = path.split("/");
    for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part, { create: true });
    const writable = await (await folder.getFileHandle(parts.at(-1), { create: true })).createWritable();
    await writable.write(Uint8Array.from(atob(data), (c) => c.charCodeAt(0)));
    await writable.close();
  }
}"""

READ = """async () => {
  const files = {};
  async function walk(folder, prefix) {
    for await (const [name, handle] of folder.entries()) {
      if (handle.kind === "directory") await walk(handle, prefix + name + "/");
      else {
        const bytes = new Uint8Array(await (await handle.getFile()).arrayBuffer());
        let text = "";
        for (const byte of bytes) text += String.fromCharCode(byte);
        files[prefix + name] = btoa(text);
      }
    }
  }
  await walk(await (await navigator.storage.getDirectory()).getDirectoryHandle("repo"), "");
  return files;
}"""

CONTENT = ("data", "docs", "stories", "events", "publications")
# One real item of every collection; the repository has no life story yet, so the fixture's.
STORY = REPO / "tests" / "fixtures" / "site" / "stories"
UNCHANGED = {
    "stories": "anna-fiction",
    "events": "ikgadeja-sanaksme-platforma-v",
    "publications": "sando-rudevics-saules-zakens",
    "docs": "about",
}


def repository_files() -> dict[str, bytes]:
    """A copy of the repository's content, as an editor's clone holds it."""
    files = {"mkdocs.yml": (REPO / "mkdocs.yml").read_bytes()}
    for folder in CONTENT:
        files |= {p.relative_to(REPO).as_posix(): p.read_bytes() for p in (REPO / folder).rglob("*") if p.is_file()}
    files |= {f"stories/{p.relative_to(STORY).as_posix()}": p.read_bytes() for p in STORY.rglob("*") if p.is_file()}
    return files


class Editor:
    def __init__(self, browser, base: str):
        self.violations: list = []
        self.errors: list = []
        self.context = browser.new_context(viewport={"width": 1400, "height": 1000})
        self.context.expose_function("lrpViolation", lambda violation: self.violations.append(violation))
        self.context.add_init_script(RECORDER)
        self.page = self.context.new_page()
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.url = base + "admin/"

    def field(self, pane, key: str, inner: str):
        """A field of a pane; the form draws the fields near the view only, so scroll until it is there."""
        found = pane.locator(f"section[data-key-path={key}] {inner}")
        for _ in range(40):
            if found.count():
                break
            pane.hover()
            self.page.mouse.wheel(0, 600)
            self.page.wait_for_timeout(50)
        if "type=file" not in inner:  # a file input is hidden behind its button
            found.first.scroll_into_view_if_needed()
        return found.first

    def files(self) -> dict[str, bytes]:
        return {path: base64.b64decode(data) for path, data in self.page.evaluate(READ).items()}


@pytest.fixture
def editor(browser, real_site, served):
    editor = Editor(browser, served(real_site))
    yield editor
    editor.context.close()


def test_admin_loads_under_its_policy_and_shows_its_sign_in(editor):
    page = editor.page
    page.goto(editor.url)
    page.get_by_role("button", name=SIGN_IN).wait_for()
    assert page.get_by_role("button", name=LOCAL).is_visible()  # offered on 127.0.0.1 only
    page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
    assert (editor.violations, editor.errors) == ([], [])


def test_without_its_style_hashes_the_policy_blocks_the_editor(editor, real_site, served, tmp_path):
    """The check above can fail: the same page under the site's own policy is refused its styles."""
    site = tmp_path / "site"
    shutil.copytree(real_site / "admin", site / "admin")
    shutil.copytree(real_site / "assets", site / "assets")
    page_file = site / "admin" / "index.html"
    html = page_file.read_text(encoding="utf-8")
    start = html.index('content="', html.index("Content-Security-Policy")) + len('content="')
    policy = "default-src 'self'; script-src 'self'; img-src 'self' data:; object-src 'none'"
    page_file.write_text(html[:start] + policy + html[html.index('"', start) :], encoding="utf-8")
    from conftest import static_server

    with static_server(site) as base:
        editor.page.goto(base + "admin/")
        editor.page.get_by_role("button", name=SIGN_IN).wait_for()
    assert {violation[0] for violation in editor.violations} >= {"style-src-elem", "connect-src"}


def test_an_event_with_a_photo_in_both_languages_passes_the_check_and_builds(editor, tmp_path):
    page = editor.page
    page.goto(editor.url)
    page.evaluate(FILL, {path: base64.b64encode(data).decode() for path, data in repository_files().items()})
    before = editor.files()
    page.get_by_role("button", name=LOCAL).click()
    page.get_by_text("Pasākumi / Events").first.wait_for()

    page.goto(editor.url + "#/collections/events/new")
    lv = page.locator("#first-pane-body")
    editor.field(lv, "title", "input").fill("Seminārs Tukumā")
    editor.field(lv, "summary", "textarea").fill("Seminārs par romu mediāciju Tukumā.")
    editor.field(lv, "date", "input").fill("2024-05")
    editor.field(lv, "places", "[role=combobox]").click()
    page.get_by_role("option", name="Tukums").click()
    editor.field(lv, "date", "h4").click()  # closes the list
    editor.field(lv, "project", "[data-value=platforma-vi]").click()
    editor.field(lv, "kind", "[role=combobox]").click()
    page.get_by_role("option", name="Seminārs / Seminar").click()
    photo = tmp_path / "seminars.jpg"
    Image.new("RGB", (64, 48), (200, 80, 40)).save(photo, "JPEG")
    editor.field(lv, "image", "input[type=file]").set_input_files(photo)
    editor.field(lv, "image_alt", "textarea").fill("Semināra dalībnieki pie galda")
    editor.field(lv, "body", "[contenteditable=true]").fill("Seminārā piedalījās romu mediatori.")
    page.get_by_role("radio", name="English").last.click()  # the second pane: the English file
    en = page.locator("#second-pane-body")
    editor.field(en, "title", "input").fill("Seminar in Tukums")
    editor.field(en, "summary", "textarea").fill("A seminar on Roma mediation in Tukums.")
    editor.field(en, "image_alt", "textarea").fill("Participants of the seminar at a table")
    editor.field(en, "body", "[contenteditable=true]").fill("Roma mediators took part in the seminar.")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Seminārs Tukumā").first.wait_for()

    after = editor.files()
    written = {path: data for path, data in after.items() if before.get(path) != data}
    assert sorted(written) == [
        "events/images/seminars.jpg",
        "events/seminars-tukuma.en.md",
        "events/seminars-tukuma.lv.md",
    ]
    assert written["events/seminars-tukuma.lv.md"].decode("utf-8") == (
        "---\ntitle: Seminārs Tukumā\nsummary: Seminārs par romu mediāciju Tukumā.\ndate: 2024-05\n"
        "places:\n  - tukums\nproject: platforma-vi\nimage: images/seminars.jpg\n"
        "image_alt: Semināra dalībnieki pie galda\nkind: seminar\n---\n\nSeminārā piedalījās romu mediatori.\n"
    )
    assert written["events/seminars-tukuma.en.md"].decode("utf-8") == (
        "---\ntitle: Seminar in Tukums\nsummary: A seminar on Roma mediation in Tukums.\n"
        "image_alt: Participants of the seminar at a table\n---\n\nRoma mediators took part in the seminar.\n"
    )
    assert (editor.violations, editor.errors) == ([], [])

    # The files the editor wrote, in a clone of the repository: `make check`, then a build.
    root = write_site(tmp_path / "clone", base=None)
    for folder in CONTENT[1:]:
        shutil.copytree(REPO / folder, root / folder, dirs_exist_ok=True)
    for path, data in written.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_bytes(data)
    check = subprocess.run(
        [sys.executable, "-m", "lrp", "check", str(root)],
        env={"PYTHONPATH": str(REPO / "hooks"), "LRP_MESSAGES": "en", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    site = build_site(root)
    lv_page = (site / "pasakumi" / "seminars-tukuma" / "index.html").read_text(encoding="utf-8")
    en_page = (site / "en" / "events" / "seminars-tukuma" / "index.html").read_text(encoding="utf-8")
    assert "Seminārs Tukumā" in lv_page and "Semināra dalībnieki pie galda" in lv_page
    assert "Seminar in Tukums" in en_page and "Participants of the seminar at a table" in en_page


def test_an_item_of_every_collection_opened_and_left_unchanged_is_not_written(editor):
    page = editor.page
    page.goto(editor.url)
    page.evaluate(FILL, {path: base64.b64encode(data).decode() for path, data in repository_files().items()})
    before = editor.files()
    page.get_by_role("button", name=LOCAL).click()
    page.get_by_text("Pasākumi / Events").first.wait_for()
    for collection, slug in UNCHANGED.items():
        page.goto(editor.url + f"#/collections/{collection}/entries/{slug}")
        page.locator("#first-pane-body section[data-key-path=title] input").wait_for()
        page.get_by_role("radio", name="English").last.click()  # both language files shown
        page.locator("#second-pane-body section[data-key-path=title] input").wait_for()
        save = page.get_by_role("button", name="Save")
        assert save.is_disabled(), f"{collection}/{slug}: an unchanged item can be saved"
        save.click(force=True)  # as an editor would try
        page.wait_for_timeout(300)
    assert editor.files() == before
    assert (editor.violations, editor.errors) == ([], [])


def test_an_edited_item_is_written_with_sveltias_yaml(editor):
    """What changes when an editor does change an existing item (MAINTAINING.md, "Sveltia CMS":
    the normalisation): only the front-matter's form, never a value or the text."""
    page = editor.page
    page.goto(editor.url)
    page.evaluate(FILL, {path: base64.b64encode(data).decode() for path, data in repository_files().items()})
    page.get_by_role("button", name=LOCAL).click()
    page.get_by_text("Pasākumi / Events").first.wait_for()
    page.goto(editor.url + "#/collections/publications/entries/sando-rudevics-saules-zakens")
    title = page.locator("#first-pane-body section[data-key-path=title] input")
    title.fill(title.input_value() + " (2021)")
    page.get_by_role("button", name="Save").click()
    page.wait_for_timeout(1500)
    written = editor.files()["publications/sando-rudevics-saules-zakens.lv.md"].decode("utf-8")
    original = (REPO / "publications/sando-rudevics-saules-zakens.lv.md").read_text(encoding="utf-8")
    _, head, body = written.split("---\n", 2)
    _, old_head, old_body = original.split("---\n", 2)
    assert body == old_body  # the text as it was, byte for byte
    values, old_values = yaml.safe_load(head), yaml.safe_load(old_head)
    assert values == {**old_values, "title": old_values["title"] + " (2021)"}  # every other value as it was
    # The normalisation: keys in the form's order, lists one entry a line, comments left out.
    assert list(values) == [name for name in fields_of("publications") if name in values]
    assert "themes:\n  - culture\n" in head and "#" not in head
