"""The browser editor's engine room (hooks/sveltia_engine.py): the pinned Sveltia CMS file, its
version, and the configuration made from the contract, checked against Sveltia's own JSON schema
and against the contract itself."""

from __future__ import annotations

import hashlib
import json
import logging
import re
from html import unescape
from xml.etree import ElementTree

import jsonschema
import pytest
import sveltia_engine as engine
import yaml
from conftest import REPO, read

from lrp.base.errors import Report
from lrp.base.settings import Settings
from lrp.contract import fields as contract
from lrp.contract.vocab import load_vocabularies
from lrp.pages.strings import Strings

ADMIN = REPO / "overrides" / "admin"
SCHEMA = REPO / "tests" / "fixtures" / "sveltia" / f"sveltia-cms-{engine.WRITTEN_FOR}.schema.json"
# Each pinned file of the editor and its SHA-256 (the editor's own is sveltia_engine.PINNED_SHA256).
PINNED = {
    "LICENSE.txt": "dcbe3c626d85741f6fabefed0b34d07a2e92c032f63aa21c0279062363859c32",
    "material-symbols-outlined-latin-400-normal.woff2": (
        "d3d09c5433f9c3aeb32239aa3bdeacde7a80bbfcadf7fc9ce8547a5d24f95f81"
    ),
}


# ---- the pinned file --------------------------------------------------------------------------


def test_the_pinned_editor_is_the_file_its_checksum_names():
    assert hashlib.sha256(engine.PINNED.read_bytes()).hexdigest() == engine.PINNED_SHA256
    for name, digest in PINNED.items():
        assert hashlib.sha256((ADMIN / name).read_bytes()).hexdigest() == digest, name


def test_its_licences_are_kept_beside_it():
    assert (ADMIN / "LICENSE.txt").read_text(encoding="utf-8").startswith("MIT License")
    assert "SIL Open Font License" in (ADMIN / "LICENSE-material-symbols.txt").read_text(encoding="utf-8")


def test_the_pinned_editor_is_the_version_the_engine_was_written_for(caplog):
    assert engine.pinned_version() == engine.WRITTEN_FOR
    with caplog.at_level(logging.WARNING):
        assert engine.check_version() is None
    assert caplog.records == []


def test_another_version_is_said_in_one_line(tmp_path, caplog):
    other = tmp_path / "sveltia-cms.js"
    other.write_text(
        engine.PINNED.read_text(encoding="utf-8").replace(f"version:`{engine.WRITTEN_FOR}`", "version:`0.222.0`", 1),
        encoding="utf-8",
    )
    assert engine.pinned_version(other) == "0.222.0"
    with caplog.at_level(logging.WARNING):
        assert engine.check_version(other) == "0.222.0"
    assert [record.getMessage() for record in caplog.records] == [
        f"hooks/sveltia_engine.py was written for Sveltia CMS {engine.WRITTEN_FOR}, not 0.222.0 (MAINTAINING.md)"
    ]


def test_the_insides_it_relies_on_are_in_the_pinned_file():
    """What the engine knows of this version besides its configuration: its styles (and the one
    that holds its fonts), its style attributes, the two requests editor.js answers."""
    styles = engine.styles()
    assert len(styles) > 100 and "cdn.jsdelivr.net" in styles[engine.FONT_STYLE]
    assert not any("cdn.jsdelivr.net" in code for name, code in styles.items() if name != engine.FONT_STYLE)
    assert len(engine.style_hashes()) == len(styles) - 1
    assert engine.attribute_style_hashes()
    bundle = engine.PINNED.read_text(encoding="utf-8")
    assert "`https://unpkg.com/@sveltia/cms`" in bundle and "${iP}/package.json" in bundle
    assert "`https://www.githubstatus.com/api/v2/status.json`" in bundle
    page_script = (ADMIN / "editor.js").read_text(encoding="utf-8")
    assert all(f'"{address}"' in page_script for address in engine.UNASKED)
    # It is one file: the only chunk it could load (react-dom) serves custom React widgets, which
    # this site does not register.
    assert re.findall(r"`chunks/\$\{e\}\.js`", bundle) and "registerPreviewTemplate" in bundle


# ---- the configuration ------------------------------------------------------------------------

ITEMS = [("events", "annual-meeting", "Ikgadējā sanāksme"), ("stories", "anna", "Anna")]


@pytest.fixture(scope="module")
def made():
    settings = Settings.from_mkdocs_yml(REPO)
    strings = Strings.load(settings)
    vocab = load_vocabularies(settings, Report())
    config = engine.editor_config(settings, strings, vocab, ITEMS, "romu-platforma/site", "main")
    return settings, strings, vocab, config


def collection(config: dict, name: str) -> dict:
    return next(entry for entry in config["collections"] if entry["name"] == name)


def test_the_configuration_validates_against_sveltias_own_schema(made):
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    config = yaml.safe_load(engine.config_yaml(made[3]))
    assert config == made[3]
    errors = list(jsonschema.Draft7Validator(schema).iter_errors(config))
    assert errors == []
    wrong = {**config, "publish_mode": "pull_requests"}
    assert list(jsonschema.Draft7Validator(schema).iter_errors(wrong)), "the schema refuses nothing"


def test_saving_opens_a_pull_request_with_a_token_for_one_repository(made):
    config = made[3]
    assert config["publish_mode"] == "editorial_workflow"
    assert config["backend"] == {
        "name": "github",
        "repo": "romu-platforma/site",
        "branch": "main",
        "auth_methods": ["token"],
    }
    written = engine.config_yaml(config)
    assert written.count("token") == 1  # the way to sign in, and never a token itself
    assert "ghp_" not in written and "github_pat_" not in written


def test_every_field_of_the_contract_is_in_the_form_with_its_required_flag(made):
    config = made[3]
    assert [entry["name"] for entry in config["collections"]] == ["stories", "events", "publications", "docs"]
    for name in engine.EDITED:
        entry = collection(config, name)
        assert (entry["folder"], entry["path"], entry["extension"]) == (name, "{{slug}}", "md")
        form = {field["name"]: field for field in entry["fields"]}
        assert list(form) == [*contract.fields_of(name), "body"]
        for spec in contract.fields_of(name).values():
            assert form[spec.name]["required"] is (name in spec.required), (name, spec.name)
            assert form[spec.name]["i18n"] is (spec.scope == "own"), (name, spec.name)


def test_both_language_files_latvian_first(made):
    settings, _, _, config = made
    assert config["i18n"] == {"structure": "multiple_files", "locales": ["lv", "en"], "default_locale": "lv"}
    assert list(settings.codes) == config["i18n"]["locales"]


def test_every_choice_list_is_the_ids_in_data(made):
    _, _, vocab, config = made
    events = {field["name"]: field for field in collection(config, "events")["fields"]}
    values = {
        name: [option["value"] for option in events[name]["options"]] for name in events if "options" in events[name]
    }
    assert values["kind"] == list(contract.KINDS)
    assert values["event_status"] == list(contract.EVENT_STATUSES)
    assert values["status"] == ["draft", "published"]
    assert values["attendance"] == ["offline", "online", "mixed"]
    for vocabulary in ("places", "themes", "projects"):
        name = "project" if vocabulary == "projects" else vocabulary
        data = yaml.safe_load((REPO / "data" / f"{vocabulary}.yml").read_text(encoding="utf-8"))
        assert values[name] == list(data) == list(vocab.get(vocabulary)), vocabulary
    assert events["places"]["multiple"] is True and events["places"]["min"] == 1  # events: at least one
    assert values["related"] == ["events/annual-meeting", "stories/anna"]
    publications = {field["name"]: field for field in collection(config, "publications")["fields"]}
    assert [option["value"] for option in publications["launch"]["options"]] == ["events/annual-meeting"]


def test_labels_and_hints_in_both_languages_from_data_ui(made):
    _, strings, _, config = made
    events = {field["name"]: field for field in collection(config, "events")["fields"]}
    assert events["date"]["label"] == "Datums / Date"
    assert events["kind"]["options"][0]["label"] == "Seminārs / Seminar"
    places = {option["value"]: option["label"] for option in events["places"]["options"]}
    assert places["riga"] == "Rīga / Riga"
    assert events["title"]["hint"] == f"{strings.own('lv', 'help.title')} / {strings.own('en', 'help.title')}"
    assert events["title"]["maxlength"] == 120 and events["summary"]["maxlength"] == 300


def test_partial_dates_are_text_with_the_contracts_pattern(made):
    events = {field["name"]: field for field in collection(made[3], "events")["fields"]}
    pattern = re.compile(events["date"]["pattern"][0])
    assert events["date"]["widget"] == "string"
    assert all(pattern.match(value) for value in ("2021", "2021-08", "2021-08-12"))
    assert not any(pattern.match(value) for value in ("21", "2021-8", "12.08.2021", "2021-08-12T10:00"))


def test_images_go_to_the_collections_images_folder_written_relatively(made):
    for name in engine.EDITED:
        entry = collection(made[3], name)
        assert (entry["media_folder"], entry["public_folder"]) == ("images", "images")
    image = next(field for field in collection(made[3], "stories")["fields"] if field["name"] == "image")
    assert image["widget"] == "image" and image["accept"] == ".jpg,.jpeg,.png,.webp,.gif"


def test_figures_and_files_keep_their_numbers_and_files_in_both_languages(made):
    events = {field["name"]: field for field in collection(made[3], "events")["fields"]}
    parts = {part["name"]: part for part in events["figures"]["fields"]}
    assert (parts["value"]["i18n"], parts["label"]["i18n"], parts["value"]["required"]) == ("duplicate", True, True)
    publications = {field["name"]: field for field in collection(made[3], "publications")["fields"]}
    parts = {part["name"]: part for part in publications["files"]["fields"]}
    assert {name: (part["i18n"], part["required"]) for name, part in parts.items()} == {
        "path": ("duplicate", False),
        "url": ("duplicate", False),
        "label": (True, True),
    }


def test_a_field_added_to_the_contract_without_its_widget_fails(made, monkeypatch):
    settings, strings, vocab, _ = made

    def rating(value, ctx):  # a check of a new kind, which the engine has never seen
        return value

    table = {**contract.fields_of("events"), "rating": contract.Field("rating", rating, "1 to 5")}
    monkeypatch.setattr(contract, "fields_of", lambda name: table if name == "events" else contract._FIELDS[name])
    with pytest.raises(engine.NoWidget, match="rating"):
        engine.editor_config(settings, strings, vocab, ITEMS, "romu-platforma/site", "main")


def test_a_wrong_repository_is_refused(made):
    settings, strings, vocab, _ = made
    with pytest.raises(ValueError, match="owner/name"):
        engine.editor_config(settings, strings, vocab, ITEMS, "https://github.com/x/y", "main")


# ---- the admin page in the built site ---------------------------------------------------------


def test_admin_is_built_with_its_own_policy_and_noindex(real_site):
    html = read(real_site, "admin")
    assert '<meta name="robots" content="noindex">' in html
    written = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    policy = unescape(written)
    assert policy == engine.policy()
    assert "connect-src 'self' blob: data: https://api.github.com;" in policy
    assert "img-src 'self' blob: data:;" in policy and "script-src 'self';" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert f'id="{engine.FONT_STYLE}" href="editor.css"' in html and '<script src="sveltia-cms.js">' in html
    assert html.index('src="editor.js"') < html.index('src="sveltia-cms.js"')
    assert "data-pagefind-body" not in html and "https://" not in html.replace(written, "")
    config = yaml.safe_load((real_site / "admin" / "config.yml").read_text(encoding="utf-8"))
    assert config["backend"]["repo"] == "romu-platforma/romu-platforma.github.io"
    for name in ("sveltia-cms.js", "LICENSE.txt", "editor.js", "editor.css", "LICENSE-material-symbols.txt"):
        assert (real_site / "admin" / name).is_file(), name
    assert (real_site / "admin" / "sveltia-cms.js").read_bytes() == engine.PINNED.read_bytes()


def test_admin_is_no_page_of_the_public_site(real_site):
    """Not in the sitemap, the feeds, search or any visitor's navigation: only the guide links to it."""
    sitemap = ElementTree.parse(real_site / "sitemap.xml").getroot()
    assert not [
        loc.text for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc") if "admin" in loc.text
    ]
    for feed in ("feed.xml", "en/feed.xml"):
        assert "admin" not in (real_site / feed).read_text(encoding="utf-8")
    assert not list((real_site / "pagefind").rglob("*admin*"))
    linking = sorted(
        path.relative_to(real_site).as_posix()
        for path in real_site.rglob("*.html")
        if re.search(r'href="[^"]*admin/"', path.read_text(encoding="utf-8"))
    )
    assert linking == ["en/editors/index.html", "redaktoriem/index.html"]


def test_no_page_may_take_the_editors_address(tmp_path):
    from conftest import write_site

    from lrp.base.addresses import RESERVED

    assert "admin/" in RESERVED
    root = write_site(tmp_path, {"docs/admin.lv.md": "---\ntitle: Admin\nsummary: X.\n---\n\nX.\n"})
    from lrp.cli import check

    assert check(root) == 1
