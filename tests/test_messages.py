"""Messages in the editors' language: one catalogue (hooks/lrp/base/messages.py) in Latvian and English;
`make check`, the build's log and the pull-request annotations in Latvian unless LRP_MESSAGES=en;
the editor guide lists every message in each page's language."""

from __future__ import annotations

import ast
import html
import os
import re
import subprocess
import sys

import pytest
from conftest import REPO, build_site, read, write_site

from lrp.base import messages
from lrp.base.dates import YEARS
from lrp.base.errors import Invalid, Mistake, Report
from lrp.base.messages import CATALOGUE, Message, guide_text, placeholders
from lrp.contract.fields import fields_of
from lrp.pages.guide import EXAMPLES, PLACEHOLDERS

BROKEN = {
    "events/bad.lv.md": "---\ntitle: Slikts\nsummary: S.\ndate: 2021-02-30\nkind: other\nplaces: [riga]\nproject: platforma-v\n---\n",
    "events/bad.en.md": "---\ntitle: Bad, really: bad\nsummary: S.\n---\n",
}
DAY_LV = "events/bad.lv.md:4: date: '2021-02-30': tādas dienas kalendārā nav"
DAY_EN = "events/bad.lv.md:4: date: '2021-02-30' is not a day of the calendar"
HOOKS = REPO / "hooks"


def run(args, root, language: str | None, github: bool = False, cwd=None):
    env = {**os.environ, "PYTHONPATH": str(HOOKS), "GITHUB_ACTIONS": "true" if github else "false"}
    env.pop("LRP_MESSAGES", None)
    if language is not None:
        env["LRP_MESSAGES"] = language
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, env=env, timeout=300)


def check(root, language: str | None, github: bool = False):
    return run([sys.executable, "-m", "lrp", "check", str(root)], root, language, github)


# ---- the catalogue ------------------------------------------------------------------------


def test_every_message_has_both_languages_with_the_same_placeholders():
    assert messages.LANGUAGES == ("lv", "en") and messages.DEFAULT == "lv"
    for key, texts in CATALOGUE.items():
        assert set(texts) == {"lv", "en"}, key
        assert all(text.strip() == text and text for text in texts.values()), key
        assert placeholders(texts["lv"]) == placeholders(texts["en"]), key
        assert "" not in placeholders(texts["en"]), key  # every placeholder is named
        values = {name: f"<{name}>" for name in placeholders(texts["en"])}
        for lang in messages.LANGUAGES:  # every template formats with its values (a brace of the text is doubled)
            shown = Message(key, **values).render(lang)
            assert all(value in shown for value in values.values()), (key, lang)


def test_the_messages_are_data_files_with_the_same_keys_in_every_language_read_by_the_one_mechanism():
    import yaml

    from lrp.base.texts import Texts

    files = {
        code: yaml.safe_load((REPO / "data" / "messages" / f"{code}.yml").read_text("utf-8")) for code in ("lv", "en")
    }
    assert list(files["lv"]) == list(files["en"]) == list(CATALOGUE)  # the same keys, in the same order
    assert all(isinstance(text, str) for table in files.values() for text in table.values())
    assert isinstance(messages.TEXTS, Texts) and messages.TEXTS.tables == files
    assert not list((REPO / "hooks").rglob("messages*.py"))[0].read_text("utf-8").count('"en": ')  # no words in code


def test_every_mistake_is_translated_into_latvian():
    same = [key for key in messages.mistakes() if CATALOGUE[key]["lv"] == CATALOGUE[key]["en"]]
    assert same == ["data.part"]  # "{part}: {problem}": its words are its parts'
    english = re.compile(r"\b(the|is|are|must|not|write|remove|give|file|or|of)\b")
    for key, texts in CATALOGUE.items():
        words = re.sub(r"'[^']*'|\{[a-z_]+\}|<[^>]*>|\([^)]*\)", "", texts["lv"])  # quoted code and values
        if not key.startswith("part.yaml.") and not key.startswith("part.example."):
            assert not english.search(words), (key, texts["lv"])
    assert "varbūt domājāt" in CATALOGUE["hint.did_you_mean"]["lv"]


def _string_constants(path) -> list[str]:
    return [
        node.value for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))) if isinstance(node, ast.Constant)
    ]


def test_every_message_is_used_and_every_message_used_exists():
    sources = [p for p in HOOKS.rglob("*.py") if p.name != "messages.py"]
    used = {text for path in sources for text in _string_constants(path) if isinstance(text, str)}
    unused = [key for key in CATALOGUE if key not in used]
    assert unused == []
    named = {m for path in sources for m in re.findall(r"Message\(\s*\"([^\"]+)\"", path.read_text(encoding="utf-8"))}
    assert named and named <= set(CATALOGUE)


def test_no_words_of_a_message_are_written_in_the_checks():
    """Invalid, Report.add and Mistake take a Message, never text; and no check raises or reports a
    literal (internal errors of other modules, such as search's reading of Pagefind's files, are no
    editor's business)."""
    with pytest.raises(TypeError):
        Invalid("is empty")
    with pytest.raises(TypeError):
        Report().add("events/a.lv.md", 1, "title", "is empty")
    with pytest.raises(TypeError):
        Mistake("events/a.lv.md", 1, "title", "is empty")
    with pytest.raises(KeyError):
        Message("no.such.message")
    literal = re.compile(
        r"""(?:Invalid|ValueError|Problem|Abort|fail)\(\s*f?["']"""  # raise Invalid("…"), fail(f"…")
        r"""|report\.add\([^()]*,\s*f?["'][^"']*["']\s*,?\s*\)"""  # report.add(path, line, field, "…")
        r"""|mistakes\.append\(\([^()]*,\s*f?["']"""  # located.mistakes.append((line, key, "…"))
    )
    found = [
        f"{path.relative_to(REPO)}: {match.group()}"
        for path in sorted((HOOKS / "lrp").rglob("*.py"))
        for match in literal.finditer(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_the_language_comes_from_lrp_messages(monkeypatch):
    message = Message("date.day", value="'2021-02-30'")
    mistake = Mistake("events/bad.lv.md", 4, "date", message)
    monkeypatch.delenv("LRP_MESSAGES")
    assert str(mistake) == DAY_LV  # the site's default language
    assert mistake.annotation() == f"::error file=events/bad.lv.md,line=4::{DAY_LV.split(':', 2)[2].strip()}"
    for value, expected in (("en", DAY_EN), ("EN", DAY_EN), ("lv", DAY_LV), ("de", DAY_LV), ("", DAY_LV)):
        monkeypatch.setenv("LRP_MESSAGES", value)
        assert str(mistake) == expected, value
    monkeypatch.setenv("LRP_MESSAGES", "en")
    assert (
        mistake.annotation() == "::error file=events/bad.lv.md,line=4::date: '2021-02-30' is not a day of the calendar"
    )


def test_a_message_inside_a_message_speaks_the_same_language():
    hint = Message("hint.did_you_mean", choice="ventspils")
    message = Message("term.unknown", value="'ventspil'", vocabulary="places", hint=hint)
    assert message.render("lv") == "failā data/places.yml nav identifikatora 'ventspil'; varbūt domājāt 'ventspils'?"
    assert message.render("en") == "'ventspil' is not an id in data/places.yml; did you mean 'ventspils'?"
    assert message == Message("term.unknown", hint=hint, vocabulary="places", value="'ventspil'")
    assert len({message, Message("term.unknown", value="'ventspil'", vocabulary="places", hint=hint)}) == 1


# ---- make check, the build and the pull request -------------------------------------------


def test_make_check_speaks_latvian_unless_lrp_messages_is_en(tmp_path):
    root = write_site(tmp_path, BROKEN)
    latvian = check(root, None)
    assert latvian.returncode == 1
    lines = latvian.stdout.splitlines()
    assert DAY_LV in lines
    assert (
        "events/bad.en.md:2: front-matter: YAML pieraksta kļūda: šeit nedrīkst būt kols ar atstarpi" in latvian.stdout
    )
    assert "Kļūdu skaits: 2." in lines and "Tulkojumi:" in lines
    english = check(root, "en")
    assert DAY_EN in english.stdout.splitlines() and "2 mistakes." in english.stdout
    assert (
        "events/bad.en.md:2: front-matter: YAML syntax: a colon and a space (': ') cannot stand here" in english.stdout
    )

    # The path, the line and the field the editor wrote are the same in both.
    def places(stdout: str) -> list:
        return [line.split(": ", 2)[:2] for line in stdout.splitlines() if re.match(r"\S+\.md:\d+: ", line)]

    assert places(latvian.stdout) == places(english.stdout) and len(places(english.stdout)) == 2
    assert check(write_site(tmp_path / "good"), None).stdout.rstrip().endswith("Kļūdu nav.")


def test_make_check_annotations_on_github_speak_latvian(tmp_path):
    lines = check(write_site(tmp_path, BROKEN), None, github=True).stdout.splitlines()
    assert "::error file=events/bad.lv.md,line=4::date: '2021-02-30': tādas dienas kalendārā nav" in lines


def test_a_build_logs_and_annotates_in_latvian_by_default(tmp_path):
    root = write_site(tmp_path, BROKEN)
    build = [sys.executable, "-m", "mkdocs", "build"]
    result = run(build, root, None, github=True, cwd=root)
    assert result.returncode != 0
    assert re.search(r"ERROR\s+-\s+" + re.escape(DAY_LV) + "$", result.stderr, re.M), result.stderr
    assert "::error file=events/bad.lv.md,line=4::date: '2021-02-30': tādas dienas kalendārā nav" in result.stdout
    assert "Kļūdu skaits saturā: 2; vietne netika veidota." in result.stdout + result.stderr
    english = run(build, root, "en", cwd=root)
    assert re.search(r"ERROR\s+-\s+" + re.escape(DAY_EN) + "$", english.stderr, re.M), english.stderr
    assert "2 content mistakes: nothing was built." in english.stdout + english.stderr


def test_the_warning_for_an_unreported_event_speaks_both_languages(tmp_path):
    planned = (
        BROKEN["events/bad.lv.md"].replace("2021-02-30", "2021-02-03").replace("kind:", "event_status: planned\nkind:")
    )
    root = write_site(tmp_path, {"events/planned.lv.md": planned})
    latvian, english = check(root, None).stdout, check(root, "en").stdout
    assert re.search(r"Brīdinājums: plānoti pasākumi, kuru datums ir pagājis \(\d+\); katrā failā ierakstiet", latvian)
    assert re.search(r"Warning: planned events whose date has passed \(\d+\); write event_status: held or", english)
    for stdout in (latvian, english):
        assert "\n  events/planned.lv.md:5\n" in stdout  # the file, at the line to change


def test_make_check_ends_with_the_mistakes_then_the_drafts_then_the_past_plans_then_the_count(tmp_path):
    planned = (
        BROKEN["events/bad.lv.md"].replace("2021-02-30", "2021-02-03").replace("kind:", "event_status: planned\nkind:")
    )
    draft = planned.replace("event_status: planned\n", "status: draft\n")
    root = write_site(tmp_path, {**BROKEN, "events/planned.lv.md": planned, "events/draft.lv.md": draft})
    stdout = check(root, "en").stdout
    lines = stdout.splitlines()
    drafts, plans = (
        lines.index(next(x for x in lines if x.startswith("Drafts ("))),
        lines.index(next(x for x in lines if x.startswith("Warning: planned events"))),
    )
    mistakes = [i for i, line in enumerate(lines) if re.match(r"\S+\.md:\d+: ", line)]
    assert len(mistakes) == 2 and mistakes == list(range(mistakes[0], mistakes[0] + 2))
    assert mistakes[-1] < drafts < plans and lines[-1] == "2 mistakes."
    assert "  events/draft.lv.md: draft, will not be published" in lines[drafts:plans]
    assert "  events/planned.lv.md:5" in lines[plans:]
    assert "Translations:" in lines[: mistakes[0]]  # the table comes before the summary
    # A file whose front-matter cannot be read has its mistake; the table does not call it missing too.
    table = stdout[stdout.index("Translations:") : stdout.index("events/bad.en.md:2")]
    assert "bad: no en file" not in table


# ---- the editor guide ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def guide(tmp_path_factory):
    files = {
        f"docs/editors.{lang}.md": (REPO / f"docs/editors.{lang}.md").read_text(encoding="utf-8")
        for lang in ("lv", "en")
    }
    site = build_site(write_site(tmp_path_factory.mktemp("guide"), files))
    return {"lv": read(site, "redaktoriem"), "en": read(site, "en/editors")}


def test_the_editor_guide_lists_every_message_in_its_language(guide):
    for lang, page in guide.items():
        rows = dict(
            re.findall(r"<tr>\s*<td><code>([a-z0-9_.]+)</code></td>\s*<td>((?:(?!</?td).)*)</td>\s*</tr>", page, re.S)
        )
        assert list(rows) == messages.mistakes(), lang
        for key, cell in rows.items():  # the words of the catalogue, as text: nothing read as markup
            assert html.unescape(cell) == guide_text(key, lang), (lang, key, cell)
    assert "&lt;…&gt; tekstā nav atļauts" in guide["lv"] and "&lt;…&gt; is not allowed in the text" in guide["en"]
    assert "LRP_MESSAGES=en" in guide["lv"] and "LRP_MESSAGES=en" in guide["en"]


def test_the_editor_guide_states_the_rules_of_values(guide):
    for page in guide.values():
        assert f"{YEARS[0]}" in page and f"{YEARS[1]}" in page  # the years a date may have
        assert "<code>&gt;</code>" in page  # a long text folded
        assert "<code>true</code>" in page and "<code>false</code>" in page
        assert "<code>2.5</code>" in page  # decimal point
        assert "<code>&amp;</code>" in page and "<code>*</code>" in page and "<code>!!</code>" in page


def test_new_items_show_an_example_of_every_optional_field():
    for collection in ("stories", "events", "publications"):
        for name in fields_of(collection):
            placeholder = name in PLACEHOLDERS["en"] or name == "date"
            assert name in EXAMPLES or placeholder, (collection, name)
    assert EXAMPLES["attendance"] in ("offline", "online", "mixed")
    assert EXAMPLES["author_type"] in ("person", "organization")


def test_message_keys_are_not_ui_keys():
    """The guide shows the keys: none is, or looks like, a UI string's key (test_feeds looks for those
    on every page, as a text the build failed to find)."""
    import yaml

    keys = {key for path in (REPO / "data/ui").glob("*.yml") for key in yaml.safe_load(path.read_text("utf-8"))}
    spaces = {key.rsplit(".", 1)[0] for key in keys if "." in key}
    assert [key for key in messages.mistakes() if key in keys or key.rsplit(".", 1)[0] in spaces] == []
