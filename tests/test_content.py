"""The content core on its own: every rule of the contract and the line it reports."""

import dataclasses
import datetime as dt
import io
import shutil
import textwrap
from pathlib import Path

import pytest
from conftest import REPO
from PIL import Image

from lrp import Settings, load_content

TODAY = dt.date(2026, 11, 25)


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (2, 1)).save(out, "PNG")
    return out.getvalue()


PNG = _png()  # a real image: images are decoded before they are accepted
SETTINGS = Settings.from_mkdocs_yml(REPO)  # the project's own languages and addresses


EVENT = textwrap.dedent("""\
    ---
    title: Seminārs
    summary: Īss apraksts.
    date: 2021-09-24
    kind: seminar
    places: [riga]
    project: platforma-v
    ---
    Teksts.
    """)


def load(tmp_path: Path, files: dict, drafts: bool = False, dedent: bool = True):
    """The content of a site with the repository's data/ and these files (texts dedented unless told)."""
    shutil.copytree(REPO / "data", tmp_path / "data", dirs_exist_ok=True)
    for rel, text in files.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text) if dedent else text, encoding="utf-8")
    return load_content(dataclasses.replace(SETTINGS, root=tmp_path), today=TODAY, include_drafts=drafts)


def lines(content) -> list[str]:
    return [str(m) for m in content.mistakes]


def event(extra: str = "", **changes) -> str:
    """The valid event above with fields replaced (None removes a field) and ``extra`` lines added."""
    head, body = textwrap.dedent(EVENT).split("---\n")[1:3]
    fields = dict(line.split(": ", 1) for line in head.strip().splitlines())
    for key, value in changes.items():
        if value is None:
            fields.pop(key, None)
        else:
            fields[key] = value
    return "---\n" + "".join(f"{k}: {v}\n" for k, v in fields.items()) + extra + "---\n" + body


def test_valid_event_has_no_mistakes(tmp_path):
    content = load(tmp_path, {"events/a.lv.md": EVENT})
    assert content.mistakes == []
    tr = content.items["events/a"].translations["lv"]
    assert (tr.title, tr.date.iso, tr["places"], tr.url) == ("Seminārs", "2021-09-24", ("riga",), "pasakumi/a/")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("events/a.md", "events/a.md:1: file name: has no language suffix; name it a.lv.md"),
        ("events/a.de.md", "events/a.de.md:1: file name: 'de' is not a language of the site (lv, en)"),
        ("events/Anna_B.lv.md", "events/Anna_B.lv.md:1: file name: the slug 'Anna_B' must be"),
        (f"events/{'a' * 81}.lv.md", f"events/{'a' * 81}.lv.md:1: file name: the slug"),
    ],
)
def test_file_names(tmp_path, name, expected):
    assert lines(load(tmp_path, {name: EVENT}))[0].startswith(expected)


def test_same_slug_in_two_folders_and_translations_apart(tmp_path):
    content = load(tmp_path, {"events/a.lv.md": EVENT, "events/old/a.lv.md": EVENT, "events/x/a.en.md": EVENT})
    assert "events/old/a.lv.md:1: file name: the slug 'a' is already used by events/a.lv.md" in lines(content)
    assert "events/x/a.en.md:1: file name: must sit in the same folder as events/a.lv.md, its other language" in lines(
        content
    )


FOLDERS = ("stories", "events", "publications", "docs")
# Files the build would not read, by class: another extension, a hidden folder, a hidden file.
UNREAD = {
    "file.unread": ("x.lv.markdown", "x.lv.txt", "x.lv.md~", "x.lv.md.bak", "x.lv", "images/notes.docx", "x"),
    "file.bad_name": ("x.lv.MD", "x.LV.MD", "x.lv.Md"),
    "file.hidden_folder": (".drafts/x.lv.md", ".drafts/images/p.png", "images/.cache/p.png", ".git/x.lv.md"),
    "file.hidden": (".x.lv.md", "images/.p.png", ".DS_Store", ".lv.md"),
}


@pytest.mark.parametrize("folder", FOLDERS)
@pytest.mark.parametrize(("key", "name"), [(key, name) for key, names in UNREAD.items() for name in names])
def test_a_file_the_build_would_not_read_is_a_mistake(tmp_path, folder, key, name):
    content = load(tmp_path, {f"{folder}/{name}": EVENT})
    assert [(m.path, m.line, m.field, m.message.key) for m in content.mistakes] == [
        (f"{folder}/{name}", 1, "file name", key)
    ]
    assert not content.items and not content.docs  # and it is not read


def test_the_message_says_what_to_do_with_a_file_not_read(tmp_path):
    content = load(tmp_path, {"events/x.lv.markdown": EVENT, "stories/.drafts/images/p.png": PNG})
    assert lines(content) == [
        "events/x.lv.markdown:1: file name: is never read: an entry is named <slug>.<language>.md, an image or "
        "download is one of .jpg, .jpeg, .png, .webp, .gif, .pdf; rename the file or delete it",
        "stories/.drafts/images/p.png:1: file name: is in the hidden folder .drafts/, which is never read; move "
        "the file out of it or delete it (an entry that is not ready stays in its folder with status: draft)",
    ]


@pytest.mark.parametrize("folder", FOLDERS)
def test_media_anywhere_in_a_collection_and_a_gitkeep_are_no_mistakes(tmp_path, folder):
    names = ("images/p.png", "p.PNG", "files/report.pdf", "a/b/c.webp", "x.JPEG", ".gitkeep", "images/.gitkeep")
    content = load(tmp_path, {f"{folder}/{name}": PNG for name in names})
    assert content.mistakes == []


def test_two_docs_pages_of_one_project_phase_are_a_clash_naming_both(tmp_path):
    page = "---\ntitle: Posms\nproject: {project}\n---\nTeksts.\n"
    content = load(
        tmp_path,
        {
            "docs/phase-a.lv.md": page.format(project="platforma-v"),
            "docs/phase-a.en.md": page.format(project="platforma-v"),
            "docs/projects/phase-b.lv.md": page.format(project="platforma-v"),
            "docs/projects/phase-b.en.md": page.format(project="platforma-v"),
            "docs/phase-c.en.md": page.format(project="platforma-v"),
            "docs/phase-vi.lv.md": page.format(project="platforma-vi"),
        },
    )
    taken = "project: the project phase 'platforma-v' already has its page"
    assert lines(content) == [
        f"docs/phase-c.en.md:3: {taken} docs/phase-a.en.md; a phase has one page",
        f"docs/projects/phase-b.en.md:3: {taken} docs/phase-a.en.md; a phase has one page",
        f"docs/projects/phase-b.lv.md:3: {taken} docs/phase-a.lv.md; a phase has one page",
    ]
    assert content.phases == {"platforma-v": content.docs["phase-a"], "platforma-vi": content.docs["phase-vi"]}


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"title": None}, "events/a.lv.md:1: title: is required"),
        ({"title": "'" + "x" * 121 + "'"}, "events/a.lv.md:2: title: is 121 characters long; at most 120 are allowed"),
        ({"summary": "'" + "x" * 301 + "'"}, "events/a.lv.md:3: summary: is 301 characters long; at most 300"),
        ({"summary": None}, "events/a.lv.md:1: summary: is required"),
        ({"date": None}, "events/a.lv.md:1: date: is required"),
        (
            {"date": "24.09.2021"},
            "events/a.lv.md:4: date: '24.09.2021' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD",
        ),
        ({"end": "2021-08"}, "events/a.lv.md:8: end: 2021-08 is before date 2021-09-24"),
        ({"end": "2021-09"}, None),
        ({"kind": None}, "events/a.lv.md:1: kind: is required"),
        ({"kind": "seminr"}, "events/a.lv.md:5: kind: 'seminr' is not one of: seminar, training"),
        ({"places": "[]"}, "events/a.lv.md:6: places: needs at least one entry, for example [place]"),
        ({"places": None}, "events/a.lv.md:1: places: is required"),
        (
            {"places": "[riga, ventspil]"},
            "events/a.lv.md:6: places: 'ventspil' is not an id in data/places.yml; did you mean 'ventspils'?",
        ),
        ({"places": "riga"}, "events/a.lv.md:6: places: must be a list"),
        (
            {"themes": "[educaton]"},
            "events/a.lv.md:8: themes: 'educaton' is not an id in data/themes.yml; did you mean 'education'?",
        ),
        ({"project": None}, "events/a.lv.md:1: project: is required"),
        (
            {"project": "platforma-x"},
            "events/a.lv.md:7: project: 'platforma-x' is not an id in data/projects.yml; did you mean",
        ),
        ({"event_status": "done"}, "events/a.lv.md:8: event_status: 'done' is not one of: planned, held, cancelled"),
        ({"participants": "-3"}, "events/a.lv.md:8: participants: '-3' must be a whole number, 0 or more"),
        ({"figures": "[{value: six, label: x}]"}, "events/a.lv.md:8: figures: 'six' must be a number"),
        ({"figures": "[{value: 6}]"}, "events/a.lv.md:8: figures: 'label' is missing"),
        ({"status": "hidden"}, "events/a.lv.md:8: status: 'hidden' is not one of: draft, published"),
        ({"sumary": "x"}, "events/a.lv.md:8: sumary: is not a field of events; did you mean 'summary'?"),
        ({"image": "images/none.jpg", "image_alt": "x"}, "events/a.lv.md:8: image: 'images/none.jpg' does not exist"),
        (
            {"image": "https://example.org/a.jpg"},
            "events/a.lv.md:8: image: 'https://example.org/a.jpg' must be a relative path",
        ),
        (
            {"related": "[events/nope]"},
            "events/a.lv.md:8: related: 'events/nope' does not exist (was it withdrawn or renamed?)",
        ),
        (
            {"related": "[event/a]"},
            "events/a.lv.md:8: related: 'event/a' must be written stories/<slug>; did you mean 'events'?",
        ),
        ({"related": "[events/a]"}, "events/a.lv.md:8: related: an item cannot be related to itself"),
    ],
)
def test_event_field_rules(tmp_path, changes, expected):
    found = lines(load(tmp_path, {"events/a.lv.md": event(**changes)}))
    if expected is None:
        assert found == []
    else:
        assert any(line.startswith(expected) for line in found), found


def test_image_needs_alt_text_and_is_given_as_repository_path(tmp_path):
    files = {"events/img/a.png": PNG, "events/a.lv.md": event(image="img/a.png")}
    assert "events/a.lv.md:8: image_alt: is required when image is set: describe the image" in lines(
        load(tmp_path, files)
    )
    files["events/a.lv.md"] = event(image="img/a.png", image_alt="Attēls")
    content = load(tmp_path, files)
    assert content.mistakes == [] and content.items["events/a"].value("image") == "events/img/a.png"


def test_yaml_errors_and_duplicate_keys_point_at_their_line(tmp_path):
    content = load(
        tmp_path,
        {
            "events/a.lv.md": "---\ntitle: A\nsummary: [unclosed\ndate: 2021\n---\n",
            "events/b.lv.md": event().replace("kind: seminar\n", "kind: seminar\nkind: meeting\n"),
            "events/c.lv.md": "---\ntitle: never closed\n",
        },
    )
    found = lines(content)
    assert any(line.startswith("events/a.lv.md:4: front-matter: YAML syntax") for line in found), found
    assert "events/b.lv.md:6: kind: is written twice; keep one of the two lines" in found
    assert any(line.startswith("events/c.lv.md:1: front-matter: the front-matter opened") for line in found)


def test_an_unreadable_file_gives_one_mistake_not_a_cascade(tmp_path):
    content = load(
        tmp_path,
        {
            "events/a.lv.md": event(summary="Kopsavilkums ar kolu: un vēl"),
            "events/a.en.md": "---\ntitle: A\nsummary: A.\n---\n",
            "docs/page.lv.md": "# Lapa\n\n[pasākums](../events/a.lv.md)\n",
        },
    )
    assert len(content.mistakes) == 1
    assert str(content.mistakes[0]).startswith(
        "events/a.lv.md:3: front-matter: YAML syntax: a colon and a space (': ') cannot stand here"
    )


def test_translation_inherits_neutral_fields_but_not_own_ones(tmp_path):
    content = load(
        tmp_path,
        {
            "events/a.lv.md": event(partners="[Biedrība]"),
            "events/a.en.md": "---\ntitle: Seminar\nsummary: Short.\n---\n",
        },
    )
    assert content.mistakes == []
    en = content.items["events/a"].translations["en"]
    assert (en.date.iso, en["places"], en["project"], en.get("partners")) == (
        "2021-09-24",
        ("riga",),
        "platforma-v",
        None,
    )


def test_image_alt_is_written_in_each_language_as_the_contract_says(tmp_path):
    """Contract v1.2: image_alt is per language; each file with an image (its own or the other's)
    describes it in its own language, and the English page carries the English text."""
    files = {
        "events/img/a.png": PNG,
        "events/a.lv.md": event(image="img/a.png", image_alt="Attēls"),
        "events/a.en.md": "---\ntitle: A\nsummary: A.\nimage_alt: Picture\n---\n",
    }
    content = load(tmp_path, files)
    assert lines(content) == []
    by_path = content.by_path()
    assert (by_path["events/a.lv.md"].get("image_alt"), by_path["events/a.en.md"].get("image_alt")) == (
        "Attēls",
        "Picture",
    )
    files["events/a.en.md"] = "---\ntitle: A\nsummary: A.\n---\n"  # the image is shared, its text is not
    assert lines(load(tmp_path / "missing", files)) == [
        "events/a.en.md:1: image_alt: is required when image is set: describe the image"
    ]


def test_a_required_list_is_not_an_empty_one(tmp_path):
    publication = "---\ntitle: G\nsummary: G.\ndate: 2021\nauthors: []\n---\n"
    assert lines(load(tmp_path, {"publications/g.lv.md": publication})) == [
        "publications/g.lv.md:5: authors: needs at least one entry, for example [names]"
    ]


def test_a_language_of_a_work_is_a_code_babel_knows(tmp_path):
    publication = "---\ntitle: G\nsummary: G.\ndate: 2021\nauthors: [A]\nlanguages: [lv, rom, xx, lvv]\n---\n"
    found = lines(load(tmp_path, {"publications/g.lv.md": publication}))
    assert [line.split("; ")[0] for line in found] == [
        "publications/g.lv.md:6: languages: 'lvv' is not a language code",
        "publications/g.lv.md:6: languages: 'xx' is not a language code",
    ]
    assert found[0].endswith("such as lv, en or rom; did you mean 'lv'?")


def test_translations_must_agree_on_neutral_fields(tmp_path):
    content = load(
        tmp_path,
        {
            "events/a.lv.md": event(figures="[{value: 6, label: mediatori}]"),
            "events/a.en.md": "---\ntitle: S\nsummary: S.\ndate: 2021-09-25\nfigures: [{value: 7, label: mediators}]\n---\n",
        },
    )
    assert (
        "events/a.en.md:4: date: differs from events/a.lv.md; a language-neutral field must be equal in both files"
        in lines(content)
    )
    assert (
        "events/a.en.md:5: figures: the values differ from events/a.lv.md; only the labels may be translated"
        in lines(content)
    )


def test_each_language_needs_its_own_title(tmp_path):
    content = load(tmp_path, {"events/a.lv.md": EVENT, "events/a.en.md": "---\nsummary: S.\n---\n"})
    assert lines(content) == ["events/a.en.md:1: title: is required"]


STORY = "---\ntitle: Stāsts\nsummary: Par Annu.\nperson: Anna\ndate: 2024\n{extra}---\nTeksts.\n"


def test_story_needs_consent_unless_source(tmp_path):
    assert lines(load(tmp_path, {"stories/a.lv.md": STORY.format(extra="")})) == [
        "stories/a.lv.md:1: consent: is required unless source is given: the day the person agreed to publication"
    ]
    assert lines(load(tmp_path, {"stories/a.lv.md": STORY.format(extra="consent: 2024-05-02\n")})) == []
    source = "source: {name: LSM.lv, url: 'https://www.lsm.lv/temas/romi/'}\n"
    assert lines(load(tmp_path, {"stories/a.lv.md": STORY.format(extra=source)})) == []


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ("consent: 2024-05\n", "stories/a.lv.md:6: consent: '2024-05' must be a whole day, written YYYY-MM-DD"),
        ("consent: 2099-01-01\n", "stories/a.lv.md:6: consent: '2099-01-01' is in the future"),
        (
            "source: {name: LSM, url: 'http://lsm.lv'}\n",
            "stories/a.lv.md:6: source: 'http://lsm.lv' must be a web address starting with https://",
        ),
        ("source: {name: LSM}\n", "stories/a.lv.md:6: source: 'url' is missing"),
        ("consent: 2024-05-02\nperson: B\n", "stories/a.lv.md:7: person: is written twice"),
    ],
)
def test_story_fields(tmp_path, extra, expected):
    found = lines(load(tmp_path, {"stories/a.lv.md": STORY.format(extra=extra)}))
    assert any(line.startswith(expected) for line in found), found


def test_story_needs_a_person(tmp_path):
    text = STORY.format(extra="consent: 2024-05-02\n").replace("person: Anna\n", "")
    assert lines(load(tmp_path, {"stories/a.lv.md": text})) == ["stories/a.lv.md:1: person: is required"]


PUBLICATION = "---\ntitle: Grāmata\nsummary: Par grāmatu.\ndate: 2021-08\nauthors: [A. Autore]\n{extra}---\n"


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        (
            "isbn: 978-3-16-148410-1\n",
            "publications/p.lv.md:6: isbn: '978-3-16-148410-1' is not a valid ISBN-10 or ISBN-13",
        ),
        ("isbn: 0-306-40615-3\n", "publications/p.lv.md:6: isbn: '0-306-40615-3' is not a valid"),
        (
            "languages: [lv, Latvian]\n",
            "publications/p.lv.md:6: languages: 'Latvian' is not a language code; write an ISO 639 code such as lv, en or rom",
        ),
        ("launch: events/nope\n", "publications/p.lv.md:6: launch: 'events/nope' does not exist"),
        ("launch: stories/a\n", "publications/p.lv.md:6: launch: 'stories/a' must be written events/<slug>"),
        ("files: [{label: PDF}]\n", "publications/p.lv.md:6: files: give exactly one of path or url"),
        (
            "files: [{path: none.pdf, label: PDF}]\n",
            "publications/p.lv.md:6: files: 'none.pdf' does not exist next to this file",
        ),
        (
            "files: [{url: 'javascript:alert(1)', label: PDF}]\n",
            "publications/p.lv.md:6: files: 'javascript:alert(1)' must be a web address starting with https://",
        ),
    ],
)
def test_publication_fields(tmp_path, extra, expected):
    found = lines(load(tmp_path, {"publications/p.lv.md": PUBLICATION.format(extra=extra)}))
    assert any(line.startswith(expected) for line in found), found


def test_valid_isbns_and_authors_required(tmp_path):
    ok = "isbn: 978-3-16-148410-0\n"
    assert lines(load(tmp_path, {"publications/p.lv.md": PUBLICATION.format(extra=ok)})) == []
    assert lines(load(tmp_path, {"publications/p.lv.md": PUBLICATION.format(extra="isbn: 0-306-40615-2\n")})) == []
    text = PUBLICATION.format(extra="").replace("authors: [A. Autore]\n", "")
    assert lines(load(tmp_path, {"publications/p.lv.md": text})) == ["publications/p.lv.md:1: authors: is required"]


def test_reference_suggestions_compare_slugs(tmp_path):
    content = load(tmp_path, {"events/annual-meeting.lv.md": event(related="[events/anual-meeting, events/zzz]")})
    assert lines(content) == [
        "events/annual-meeting.lv.md:8: related: 'events/anual-meeting' does not exist (was it withdrawn or renamed?); "
        "did you mean 'events/annual-meeting'?",
        "events/annual-meeting.lv.md:8: related: 'events/zzz' does not exist (was it withdrawn or renamed?)",
    ]


def test_related_both_ways_and_launch(tmp_path):
    content = load(
        tmp_path,
        {
            "events/a.lv.md": EVENT,
            "stories/s.lv.md": STORY.format(extra="consent: 2024-05-02\nrelated: [events/a]\n"),
            "publications/p.lv.md": PUBLICATION.format(extra="launch: events/a\n"),
        },
    )
    assert content.mistakes == []
    a, s = content.items["events/a"], content.items["stories/s"]
    assert a.related == [s] and s.related == [a]
    assert a.launched == [content.items["publications/p"]]


def test_withdrawn_story_is_reported_everywhere_it_is_named(tmp_path):
    content = load(
        tmp_path,
        {
            "events/a.lv.md": event(related="[stories/gone]"),
            "events/a.en.md": "---\ntitle: A\nsummary: A.\nrelated: [stories/gone]\n---\nSee [her story](../stories/gone.en.md).\n",
        },
    )
    assert lines(content) == [
        "events/a.en.md:4: related: 'stories/gone' does not exist (was it withdrawn or renamed?)",
        "events/a.en.md:6: body: the link '../stories/gone.en.md' leads to a file that does not exist",
        "events/a.lv.md:8: related: 'stories/gone' does not exist (was it withdrawn or renamed?)",
    ]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("<script>alert(1)</script>", "body: <script> is not allowed in the text"),
        ("<style>p{}</style>", "body: <style> is not allowed in the text"),
        ('<iframe src="https://example.org"></iframe>', "body: <iframe> is not allowed in the text"),
        ("<object></object>", "body: <object> is not allowed in the text"),
        ("<embed>", "body: <embed> is not allowed in the text"),
        ("<form></form>", "body: <form> is not allowed in the text"),
        ('<p onclick="x()">a</p>', "body: the attribute onclick= is not allowed (it runs a script)"),
        ('<img src="x.png" alt="a" onerror="x()">', "body: the attribute onerror= is not allowed"),
        ('<a href="javascript:alert(1)">a</a>', "body: 'javascript:alert(1)' is not allowed as a link"),
        ('<a href="JaVaScRiPt:alert(1)">a</a>', "body: 'JaVaScRiPt:alert(1)' is not allowed as a link"),
        ("[a](javascript:alert(1))", "body: 'javascript:alert(1)' is not allowed as a link"),
        ("[a](data:text/html,x)", "body: 'data:text/html,x' is not allowed as a link"),
        ("<javascript:alert(1)>", "body: <javascript:alert(1)> is not on the list of allowed HTML tags"),
        ("![](pic.png)", "body: the image has no alt text"),
        ('<img src="pic.png">', "body: the image has no alt text"),
        (
            "![A photo](https://example.org/p.jpg)",
            "body: the image 'https://example.org/p.jpg' must be stored in the repository",
        ),
        ("[broken](../events/nope.lv.md)", "body: the link '../events/nope.lv.md' leads to a file that does not exist"),
        ("<marquee>x</marquee>", "body: <marquee> is not on the list of allowed HTML tags"),
        (
            '<img src="https://example.org/p.jpg" alt="A photo">',
            "body: the image 'https://example.org/p.jpg' must be stored in the repository",
        ),
        (
            '<img srcset="pic.png 1x, //example.org/p.jpg 2x" src="images/p.png" alt="A photo">',
            "body: the attribute srcset= is not allowed on <img>",
        ),
        ('<img src="/pic.png" alt="A photo">', "body: '/pic.png' must be a relative path such as images/photo.jpg"),
        ('<img src="images/p.png" alt="A photo">', "body: 'images/p.png' does not exist next to this file"),
        ('<a href="http://[oops">a</a>', "body: 'http://[oops' is not a valid address"),
        ("[a](https://[oops)", "body: 'https://[oops' is not a valid address"),
    ],
)
def test_body_rules_report_the_file_line(tmp_path, body, message):
    found = lines(load(tmp_path, {"events/a.lv.md": EVENT + "\nSecond line.\n" + body + "\n"}))
    assert f"events/a.lv.md:12: {message}" in [line[: len(f"events/a.lv.md:12: {message}")] for line in found], found


def test_body_allows_safe_html_code_examples_and_autolinks(tmp_path):
    body = textwrap.dedent("""\
        <details><summary>Vairāk</summary><p>Teksts <strong>treknrakstā</strong>.</p></details>

        Write `<script>` in code, or:

        ```html
        <script>alert(1)</script>
        ```

        <https://www.lsm.lv/temas/romi/> and <pasts@km.gov.lv>. [Home](../docs/index.lv.md#sakums)

        <p><a href="https://www.lsm.lv/">LSM</a>, <a href="mailto:pasts@km.gov.lv">pasts</a>, <a href="#top">top</a></p>
        """)
    content = load(tmp_path, {"events/a.lv.md": EVENT + body, "docs/index.lv.md": "# Sākums\n"})
    assert content.mistakes == []


def test_footnotes_are_not_link_references(tmp_path):
    body = "Teksts ar piezīmi[^1], vēl vienu[^gara] un trešo[^3].\n\n[^1]: Piezīme.\n[^gara]: Gara piezīme\n    otrajā rindā.\n"
    broken = "[^3]: Piezīme ar [saiti](../events/nav.lv.md).\n"
    content = load(tmp_path, {"events/a.lv.md": EVENT + body + broken})
    assert lines(content) == [  # a link inside a footnote is still checked
        f"events/a.lv.md:{EVENT.count(chr(10)) + 6}: body: the link '../events/nav.lv.md' leads to a file that does not exist"
    ]


def test_all_mistakes_of_a_run_are_reported(tmp_path):
    content = load(
        tmp_path,
        {
            "events/a.lv.md": event(kind="x", places="[nowhere]"),
            "stories/s.lv.md": STORY.format(extra=""),
            "publications/p.de.md": PUBLICATION.format(extra=""),
        },
    )
    assert [f"{m.path}:{m.line}: {m.field}" for m in content.mistakes] == [
        "events/a.lv.md:5: kind",
        "events/a.lv.md:6: places",
        "publications/p.de.md:1: file name",
        "stories/s.lv.md:1: consent",
    ]


def test_docs_pages_title_from_heading_and_slug(tmp_path):
    content = load(
        tmp_path,
        {
            "docs/accessibility.lv.md": "---\nslug: pieejamiba\n---\n# Piekļūstamības paziņojums\n",
            "docs/accessibility.en.md": "# Accessibility statement\n",
            "docs/index.lv.md": "---\ntitle: Sākums\n---\n",
            "docs/notitle.lv.md": "Nav virsraksta.\n",
        },
    )
    assert lines(content) == [
        "docs/notitle.lv.md:1: title: is missing; add 'title:' or start the text with '# Heading'"
    ]
    lv, en = content.docs["accessibility"].translations["lv"], content.docs["accessibility"].translations["en"]
    assert (lv.title, lv.url, en.title, en.url) == (
        "Piekļūstamības paziņojums",
        "pieejamiba/",
        "Accessibility statement",
        "en/accessibility/",
    )
    assert content.docs["index"].translations["lv"].url == ""


def test_two_pages_may_not_share_an_address(tmp_path):
    content = load(tmp_path, {"docs/a.lv.md": "---\ntitle: A\nslug: pasakumi\n---\n"})
    assert lines(content) == ["docs/a.lv.md:3: slug: its address /pasakumi/ is already used by the events section"]


def test_drafts_are_listed_only_in_the_preview(tmp_path):
    files = {"events/a.lv.md": event(status="draft"), "events/b.lv.md": EVENT}
    assert [tr.item.slug for tr in load(tmp_path, files).listing("events", "lv")] == ["b"]
    assert [tr.item.slug for tr in load(tmp_path, files, drafts=True).listing("events", "lv")] == ["a", "b"]


def test_link_from_published_page_to_draft_is_a_mistake_in_a_build(tmp_path):
    files = {"events/a.lv.md": event(status="draft"), "events/b.lv.md": EVENT + "[a](a.lv.md)\n"}
    assert lines(load(tmp_path, files)) == [
        "events/b.lv.md:10: body: the link 'a.lv.md' leads to a draft, which is not published"
    ]
    assert lines(load(tmp_path, files, drafts=True)) == []


def test_listing_newest_first_ties_by_title_and_untranslated_left_out(tmp_path):
    content = load(
        tmp_path,
        {
            "events/a.lv.md": event(title="Bārs", date="2021"),
            "events/b.lv.md": event(title="Ābols", date="2021-01-01"),
            "events/c.lv.md": event(title="Cits", date="2021-06"),
            "events/d.en.md": event(title="English", date="2022"),
        },
    )
    assert [tr.title for tr in content.listing("events", "lv")] == ["Cits", "Ābols", "Bārs"]
    assert [tr.title for tr in content.listing("events", "en")] == ["English"]


def test_event_status_defaults_from_the_build_date(tmp_path):
    content = load(tmp_path, {"events/past.lv.md": EVENT, "events/future.lv.md": event(date="2027-01")})
    assert content.items["events/past"].event_status == "held"
    assert content.items["events/future"].event_status == "planned"


def test_vocabulary_mistakes(tmp_path):
    places = "riga: {lv: Rīga, en: Riga}\nBad_Id: {lv: X}\nnolabel: {en: Only English}\n"
    content = load(tmp_path, {"data/places.yml": places})
    found = lines(content)
    assert "data/places.yml:2: Bad_Id: an id is lowercase letters, digits and single hyphens" in found
    assert "data/places.yml:3: nolabel: needs a label in 'lv'" in found


def test_kindred_words_for_search_are_checked_at_their_lines(tmp_path):
    kindred = "jaunieši: [jaunatne]\nbērni: bērns\n2021: [gads]\nkids: [children, 12 gadi]\nempty: []\n"
    content = load(tmp_path, {"data/search/kindred.en.yml": kindred})
    found = [line for line in lines(content) if line.startswith("data/search/")]
    assert found == [
        "data/search/kindred.en.yml:3: 2021: '2021' is not one word; write a word of letters (no digits or spaces)",
        "data/search/kindred.en.yml:4: kids: '12 gadi' is not one word; write a word of letters (no digits or spaces)",
        "data/search/kindred.en.yml:5: empty: give the kindred words as a list, for example [word, another]",
    ]
    assert content.kindred["en"] == {"jaunieši": ["jaunatne"], "bērni": ["bērns"], "kids": ["children"]}
    assert content.kindred["lv"]  # the repository's own list, read without mistakes


def test_the_repository_kindred_words_have_no_mistakes():
    content = load_content(SETTINGS, today=TODAY)
    assert not [m for m in lines(content) if m.startswith("data/search/")]
    assert content.kindred["lv"]["jaunatne"] == ["jaunieši"] and content.kindred["en"]["kids"] == ["children"]


FIELDS = "title: T\nsummary: S.\ndate: 2021\nkind: other\nplaces: [riga]\nproject: platforma-v\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the fields without their opening line: one mistake, not one per required field
        (FIELDS + "---\nTeksts.\n", "events/a.lv.md:1: front-matter: the front-matter has no opening line"),
        ("\n" + FIELDS + "---\n", "events/a.lv.md:1: front-matter: the front-matter has no opening line"),
        # no front-matter at all in an item: one mistake that says how to begin
        ("Tikai teksts.\n", "events/a.lv.md:1: front-matter: the file has no front-matter"),
        # a quote never closed: at the line where it opens
        (
            '---\ntitle: "Nav aizvērts\nsummary: S.\ndate: 2021\n---\n',
            "events/a.lv.md:2: front-matter: YAML syntax: the quote opened here",
        ),
        # a tab in the indentation, in plain words
        (
            "---\ntitle: T\n\tsummary: S.\n---\n",
            "events/a.lv.md:3: front-matter: YAML syntax: a tab is used for indentation",
        ),
    ],
)
def test_one_mistake_per_cause_in_plain_words_at_the_line_of_the_cause(tmp_path, text, expected):
    found = lines(load(tmp_path, {"events/a.lv.md": text}))
    assert len(found) == 1 and found[0].startswith(expected), found


def test_a_docs_page_may_have_no_front_matter_but_not_half_of_one(tmp_path):
    assert lines(load(tmp_path, {"docs/lapa.lv.md": "# Lapa\n\nTeksts: ar kolu.\n\n---\n\nVēl.\n"})) == []
    found = lines(load(tmp_path / "half", {"docs/lapa.lv.md": "title: Lapa\n---\n# Lapa\n"}))
    assert [line.split(": front-matter")[0] for line in found] == ["docs/lapa.lv.md:1"]


def test_a_published_item_may_not_name_a_draft_which_is_not_published(tmp_path):
    draft = event().replace("---\n", "---\nstatus: draft\n", 1)
    files = {
        "events/melnraksts.lv.md": draft,
        "events/a.lv.md": event(related="[events/melnraksts]"),
        "publications/g.lv.md": "---\ntitle: G\nsummary: G.\ndate: 2021\nauthors: [A]\nlaunch: events/melnraksts\n---\n",
    }
    found = lines(load(tmp_path, files))
    assert [line.split(": ", 2)[1] for line in found] == ["related", "launch"]
    assert all("events/melnraksts is a draft, which is not published" in line for line in found)
    assert lines(load(tmp_path / "preview", files, drafts=True)) == []  # the preview shows drafts and these


def test_a_language_written_as_its_name_is_told_its_code(tmp_path):
    publication = "---\ntitle: G\nsummary: G.\ndate: 2021\nauthors: [A]\nlanguages: [English, latviešu]\n---\n"
    found = lines(load(tmp_path, {"publications/g.lv.md": publication}))
    assert [line.rsplit("; ", 1)[1] for line in found] == ["did you mean 'en'?", "did you mean 'lv'?"]
