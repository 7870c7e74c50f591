"""Editors' tools: `make check`, `make new`, the editor guide, and mistakes shown on GitHub."""

import os
import re
import subprocess
import sys

import pytest
import yaml
from conftest import REPO, build_site, read, write_site

from lrp.contract.fields import fields_of


def lrp(root, *args, github=False):
    env = {**os.environ, "PYTHONPATH": str(REPO / "hooks"), "GITHUB_ACTIONS": "true" if github else "false"}
    return subprocess.run(
        [sys.executable, "-m", "lrp", *args, str(root)], capture_output=True, text=True, env=env, timeout=120
    )


BROKEN = {
    "events/bad.lv.md": "---\ntitle: Slikts\nsummary: S.\ndate: 2021-02-30\nkind: other\nplaces: [riga]\nproject: platforma-v\n---\n",
    "events/bad.en.md": "---\ntitle: Bad, really: bad\nsummary: S.\n---\n",
}


def test_check_reports_every_mistake_and_exits_non_zero(tmp_path):
    root = write_site(tmp_path, BROKEN)
    result = lrp(root, "check")
    assert result.returncode == 1
    assert "events/bad.lv.md:4: date: '2021-02-30' is not a day of the calendar" in result.stdout.splitlines()
    assert (
        "events/bad.en.md:2: front-matter: YAML syntax: a colon and a space (': ') cannot stand here" in result.stdout
    )
    assert "2 mistakes." in result.stdout and "::error" not in result.stdout


def test_check_prints_github_annotations_on_github(tmp_path):
    root = write_site(tmp_path, BROKEN)
    lines = lrp(root, "check", github=True).stdout.splitlines()
    assert "::error file=events/bad.lv.md,line=4::date%3A '2021-02-30' is not a day of the calendar" not in lines
    assert "::error file=events/bad.lv.md,line=4::date: '2021-02-30' is not a day of the calendar" in lines


def test_build_prints_annotations_at_line_start_on_github(tmp_path):
    root = write_site(tmp_path, BROKEN)
    env = {**os.environ, "GITHUB_ACTIONS": "true", "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build"], cwd=root, capture_output=True, text=True, env=env, timeout=300
    )
    assert result.returncode != 0
    assert (
        "::error file=events/bad.lv.md,line=4::date: '2021-02-30' is not a day of the calendar"
        in result.stdout.splitlines()
    )


def test_check_shows_translation_status(tmp_path):
    result = lrp(write_site(tmp_path), "check")
    assert result.returncode == 0 and result.stdout.rstrip().endswith("No mistakes.")
    table = result.stdout.split("Translations:")[1]
    assert re.search(r"^stories\s+2\s+0\s+1\s*$", table, re.M)
    assert re.search(r"^events\s+7\s+1\s+1\s*$", table, re.M)
    assert "stories/lv-only-story: no en file" in table and "events/english-only: no lv file" in table


def test_check_uses_the_build_rules_on_the_real_content():
    result = lrp(REPO, "check")
    assert result.returncode == 0, result.stdout
    assert re.search(r"^events\s+24\s+0\s+0\s*$", result.stdout, re.M)


@pytest.mark.slow
def test_new_writes_drafts_that_pass_the_check_and_stay_unpublished(tmp_path):
    root = write_site(tmp_path)
    for collection in ("stories", "events", "publications"):
        result = lrp(root, "new", collection, f"new-{collection}")
        assert result.returncode == 0, result.stdout
        lv = (root / collection / f"new-{collection}.lv.md").read_text(encoding="utf-8")
        en = (root / collection / f"new-{collection}.en.md").read_text(encoding="utf-8")
        assert "status: draft" in lv
        for name in fields_of(collection):  # every field is there, filled in or commented
            assert re.search(rf"^#? ?{name}: ", lv, re.M), (collection, name)
        assert re.search(r"^title: New entry", en, re.M) and "date:" not in en
    assert lrp(root, "check").returncode == 0
    site = build_site(root)
    assert not (site / "pasakumi/new-events").exists() and "new-events" not in read(site, "pasakumi")
    # Once status: draft is removed, a story needs its consent before it is published.
    story = root / "stories/new-stories.lv.md"
    story.write_text(re.sub(r"(?m)^status: draft.*\n", "", story.read_text(encoding="utf-8")), encoding="utf-8")
    assert "stories/new-stories.lv.md:1: consent: is required unless source is given" in lrp(root, "check").stdout


def test_new_refuses_existing_and_invalid_slugs(tmp_path):
    root = write_site(tmp_path)
    result = lrp(root, "new", "events", "fiction-month")
    assert result.returncode == 2 and "'events/fiction-month' already exists" in result.stdout
    assert "is not a slug" in lrp(root, "new", "events", "Jauns_Pasākums").stdout
    assert "COLLECTION must be one of" in lrp(root, "new", "event", "x").stdout
    assert not list((root / "events").glob("Jauns*"))


def test_editor_guide_tables_come_from_the_field_definitions(tmp_path):
    site = build_site(
        write_site(
            tmp_path,
            {
                "docs/editors.lv.md": (REPO / "docs/editors.lv.md").read_text(encoding="utf-8"),
                "docs/editors.en.md": (REPO / "docs/editors.en.md").read_text(encoding="utf-8"),
            },
        )
    )
    for url in ("redaktoriem", "en/editors"):
        html = read(site, url)
        tables = html.split("<table>")[1:]
        assert len(tables) == 5, url  # the fields of each folder, then the messages (test_messages.py)
        for table, collection in zip(tables, ("stories", "events", "publications", "docs"), strict=False):
            names = re.findall(r"<td><code>(\w+)</code></td>", table.split("</table>")[0])
            assert names == list(fields_of(collection)), (url, collection)
    assert "obligāta, ja nav source" in read(site, "redaktoriem") and "required unless source is given" in read(
        site, "en/editors"
    )
    assert 'href="../redaktoriem/">Redaktoriem</a>' in read(site, "pasakumi")


def test_pre_commit_runs_the_same_check():
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hook = config["repos"][0]["hooks"][0]
    assert hook["entry"] == "make check" and hook["pass_filenames"] is False


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_the_guides_tables_are_written_in_its_markdown_and_equal_to_what_the_code_gives(lang):
    """The field and message tables read on GitHub as on the site: `make guide` writes them from the
    code, and a change to a field or a message without `make guide` fails here."""
    from lrp.base.settings import Settings
    from lrp.contract.fields import fields_of
    from lrp.pages.guide import expand_guide
    from lrp.pages.strings import Strings

    path = REPO / "docs" / f"editors.{lang}.md"
    text = path.read_text(encoding="utf-8")
    settings = Settings.from_mkdocs_yml(REPO)
    assert expand_guide(text, lang, Strings.load(settings), fields_of) == text, f"run make guide: {path.name}"
    for collection in ("stories", "events", "publications", "docs"):
        table = text.split(f"<!-- lrp:fields {collection} -->", 1)[1].split("<!-- /lrp:fields -->", 1)[0]
        assert "| `title` |" in table and table.count("\n|") > 5, collection
    messages = text.split("<!-- lrp:messages -->", 1)[1].split("<!-- /lrp:messages -->", 1)[0]
    assert "| `date.form` |" in messages
