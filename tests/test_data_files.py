"""The files under data/ are read like content: the interface texts (data/ui/*.yml) are complete,
known, with the default language's placeholders, and an address where the templates use one;
the map's outlines (data/geo/*.geojson) are checked before any page is made. Every mistake is
one line `path:line: field: message`, never a traceback, and a build with one publishes nothing."""

import dataclasses
import json
import os
import re
import subprocess
import sys

import pytest
from conftest import REPO, write_site
from test_content import SETTINGS

from lrp.pages.geo import read_outlines
from lrp.pages.strings import ADDRESSES, PLACEHOLDERS, Strings, placeholders

LV = (REPO / "data/ui/lv.yml").read_text(encoding="utf-8")
EN = (REPO / "data/ui/en.yml").read_text(encoding="utf-8")
KEYS = [line.split(":", 1)[0] for line in EN.splitlines() if line and not line.startswith("#")]


def strings(tmp_path, en: str = EN, lv: str = LV) -> Strings:
    root = write_site(tmp_path, {"data/ui/en.yml": en, "data/ui/lv.yml": lv}, base=None)
    return Strings.load(dataclasses.replace(SETTINGS, root=root))


def found(loaded: Strings) -> list[str]:
    return [str(mistake) for mistake in loaded.mistakes]


def without(text: str, keys) -> str:
    return "".join(line for line in text.splitlines(keepends=True) if line.split(":", 1)[0] not in keys)


def test_the_repository_texts_have_no_mistakes():
    assert Strings.load(SETTINGS).mistakes == []


# ---- every text in every language, and no other ---------------------------------------------


def test_every_text_the_default_language_has_is_missing_where_another_language_lacks_it(tmp_path):
    dropped = {key for key in KEYS[::3] if not key.startswith("timeline.year_count.")}
    assert sorted(found(strings(tmp_path, without(EN, dropped)))) == sorted(
        f"data/ui/en.yml:1: {key}: is missing: the default language's file has this text; write it here too"
        for key in dropped
    )


def test_an_empty_text_is_a_mistake_not_a_silent_fallback(tmp_path):
    loaded = strings(tmp_path, EN.replace("search.none: ", "search.none: ''\nx: ", 1))
    assert "data/ui/en.yml:" in found(loaded)[0] and ": search.none: is empty" in found(loaded)[0]


def test_a_missing_language_file_is_a_mistake(tmp_path):
    root = write_site(tmp_path, base=None)
    (root / "data/ui/en.yml").unlink()
    loaded = Strings.load(dataclasses.replace(SETTINGS, root=root))
    assert found(loaded) == ["data/ui/en.yml:1: ui: the file is missing"]


def test_a_misspelt_key_is_unknown_with_the_key_it_stands_for(tmp_path):
    """Each key with its last but one letter dropped: the typo is unknown (did you mean the key?) and
    the key missing."""
    typos = {key: key[:-2] + key[-1] for key in KEYS if "year_count" not in key}
    assert not set(typos.values()) & set(KEYS)
    text = "".join(
        f"{typos.get(line.split(':', 1)[0], line.split(':', 1)[0])}:{line.split(':', 1)[1]}\n"
        for line in EN.splitlines()
        if ":" in line and not line.startswith("#")
    )
    mistakes = "\n".join(found(strings(tmp_path, text)))
    for key, typo in typos.items():
        assert re.search(
            rf"^data/ui/en\.yml:\d+: {re.escape(typo)}: is not one of the site's interface texts; "
            rf"did you mean '{re.escape(key)}'\?$",
            mistakes,
            re.M,
        ), typo
        assert f"data/ui/en.yml:1: {key}: is missing" in mistakes


def test_a_count_text_has_the_plural_forms_of_its_own_language(tmp_path):
    assert found(strings(tmp_path, EN.replace("timeline.year_count.one:", "timeline.year_count.zero:"))) == [
        "data/ui/en.yml:1: timeline.year_count.one: is missing: the default language's file has this text; "
        "write it here too",
        f"data/ui/en.yml:{line_of(EN, 'timeline.year_count.one:')}: timeline.year_count.zero: this language has no "
        "such plural form; its forms are one, other",
    ]
    lv = without(LV, {"timeline.year_count.zero"})  # Latvian has a zero form (0, 10, 20, …)
    assert found(strings(tmp_path / "lv", lv=lv)) == [
        "data/ui/lv.yml:1: timeline.year_count.zero: is missing: the default language's file has this text; "
        "write it here too"
    ]


# ---- placeholders ----------------------------------------------------------------------------


def test_a_translation_uses_the_same_placeholders_as_the_default_language(tmp_path):
    """Every formatted text (not a plural form) with one of its placeholders left out."""
    lv = Strings.load(SETTINGS).tables["lv"]
    changed = {}
    for key in (key for key in PLACEHOLDERS if key in lv):  # (a count text by plural forms is not)
        names = sorted(set(re.findall(r"\{(\w+)\}", lv[key])))
        changed[key] = f"Text {' '.join('{' + name + '}' for name in names[1:])}"
    text = without(EN, changed) + "".join(f"{key}: '{value}'\n" for key, value in changed.items())
    expected = [
        f": {key}: must use the same placeholders as the default language's text: "
        + ", ".join(f"{{{name}}}" for name in sorted(set(re.findall(r"\{(\w+)\}", lv[key]))))
        for key in changed
    ]
    mistakes = found(strings(tmp_path, text))
    assert len(mistakes) == len(expected)
    for ending in expected:
        assert any(m.endswith(ending) for m in mistakes), ending
    assert all(placeholders(key) for key in changed)


# ---- texts used as addresses -------------------------------------------------------------------


def test_every_text_the_templates_put_in_an_address_is_checked_as_one():
    attribute = re.compile(r"""(?:href|src|action|formaction|srcset|poster|data)="([^"]*)\"""")
    text_key = re.compile(r"""T\[['"]([\w.]+)['"]\]|\.t\(\s*\w+,\s*['"]([\w.]+)['"]""")
    used = {
        key
        for path in (REPO / "overrides").rglob("*.html")
        for value in attribute.findall(path.read_text(encoding="utf-8"))
        for pair in text_key.findall(value)
        for key in pair
        if key
    }
    assert used == set(ADDRESSES)


LINKS_REFUSED = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html,<script>alert(1)</script>",
    "http://www.lsm.lv/",
    "//evil.example/",
    "/\\evil.example/",
    "ftp://example.org/",
    "www.lsm.lv",
    "https://",
    "https://exa mple.org/",
]


@pytest.mark.parametrize("value", LINKS_REFUSED)
def test_a_link_text_is_an_https_address_or_a_site_path(tmp_path, value):
    written = json.dumps(value)
    mistakes = found(
        strings(
            tmp_path, EN.replace("empty.stories.link: https://www.lsm.lv/temas/romi/", f"empty.stories.link: {written}")
        )
    )
    assert len(mistakes) == 1, mistakes
    assert re.fullmatch(
        r"data/ui/en\.yml:13: empty\.stories\.link: .* is not a web address; write an https:// .*", mistakes[0]
    )


@pytest.mark.parametrize("value", ["https://www.lsm.lv/temas/romi/", "/izdevumi/", "/dzives-stasti/#sakums"])
def test_a_link_text_may_be_an_https_address_or_a_site_path(tmp_path, value):
    assert strings(tmp_path, EN.replace("https://www.lsm.lv/temas/romi/", value)).mistakes == []


@pytest.mark.parametrize(
    "value", ["javascript:alert(1)", "pasts@km.gov.lv?body=x", "pasts", "a b@km.gov.lv", "@km.gov.lv"]
)
def test_an_email_text_is_an_email_address(tmp_path, value):
    mistakes = found(
        strings(
            tmp_path,
            EN.replace("footer.contact_address: pasts@km.gov.lv", f"footer.contact_address: {json.dumps(value)}"),
        )
    )
    assert (
        len(mistakes) == 1 and ": footer.contact_address: " in mistakes[0] and "is not an e-mail address" in mistakes[0]
    )


# ---- the map's outlines ------------------------------------------------------------------------

FEATURE = {
    "type": "Feature",
    "properties": {"name": "Fictionland"},
    "geometry": {"type": "Polygon", "coordinates": [[[21.0, 56.0], [22.0, 57.0], [23.0, 56.0], [21.0, 56.0]]]},
}


def outlines(tmp_path, text: str):
    root = write_site(tmp_path, {"data/geo/fiction.geojson": text}, base=None)
    return read_outlines(root)


def pretty(feature) -> str:
    return json.dumps(feature, indent=1)


def changed(**parts):
    return {**FEATURE, **parts}


def test_the_repository_outlines_are_read():
    read, mistakes = read_outlines(REPO)
    assert mistakes == [] and [name for name, _ in read] == ["Latvia", "Lithuania"]


def test_a_valid_feature_is_drawn(tmp_path):
    read, mistakes = outlines(tmp_path, pretty(FEATURE))
    ring = tuple((float(lon), float(lat)) for lon, lat in FEATURE["geometry"]["coordinates"][0])
    assert mistakes == [] and ("Fictionland", (ring,)) in read


def json_line(text: str) -> int:
    try:
        json.loads(text)
    except json.JSONDecodeError as error:
        return error.lineno
    raise AssertionError("valid JSON")


@pytest.mark.parametrize(
    "text",
    ["", "{", '{"type": "Feature",\n "properties": {}\n "geometry": null}', "[1, 2,]", '{"a": 1} x', "{'a': 1}"],
)
def test_a_file_that_is_not_json_is_one_mistake_at_its_line(tmp_path, text):
    _, mistakes = outlines(tmp_path, text)
    assert [str(m).split(" (column ")[0] for m in mistakes] == [
        f"data/geo/fiction.geojson:{json_line(text)}: geojson: is not valid JSON"
    ]


def test_nesting_without_end_is_a_mistake_not_a_traceback(tmp_path):
    _, mistakes = outlines(tmp_path, "[" * 100_000 + "]" * 100_000)
    assert [str(m).split(": ", 1)[0] for m in mistakes] == ["data/geo/fiction.geojson:1"]


def line_of(text: str, fragment: str) -> int:
    return text[: text.index(fragment)].count("\n") + 1


@pytest.mark.parametrize(
    ("feature", "field", "at", "message"),
    [
        ({"type": "FeatureCollection", "features": [FEATURE]}, "type", None, "must be one GeoJSON Feature"),
        ([FEATURE], "type", None, "must be one GeoJSON Feature"),
        ("Feature", "type", None, "must be one GeoJSON Feature"),
        (changed(geometry=None), "geometry", None, "must be a Polygon"),
        ({k: v for k, v in FEATURE.items() if k != "geometry"}, "geometry", None, "must be a Polygon"),
        (changed(geometry={"type": "Point", "coordinates": [21, 56]}), "geometry", '"geometry"', "must be a Polygon"),
        (changed(geometry={"type": "Polygon", "coordinates": []}), "geometry", '"coordinates"', "must be a Polygon"),
        (changed(properties={}), "name", '"properties"', "is empty"),
        (changed(properties={"name": "\u200b"}), "name", '"properties"', "has no visible characters"),
        (changed(properties={"name": "A\ufffeB"}), "name", '"properties"', "is not a character"),
        (changed(properties={"name": 5}), "name", '"properties"', "must be one text"),
    ],
)
def test_a_file_of_another_shape_is_a_mistake_at_its_line(tmp_path, feature, field, at, message):
    """``at``: the text on the line of the value the mistake is about (None: the whole file's, 1)."""
    text = pretty(feature)
    _, mistakes = outlines(tmp_path, text)
    line = line_of(text, at) if at else 1
    assert len(mistakes) == 1 and str(mistakes[0]).startswith(f"data/geo/fiction.geojson:{line}: {field}: "), mistakes
    assert message in str(mistakes[0])


@pytest.mark.parametrize(
    "position", [["21", 56], [21], [21, 56, 3], [True, 56], [181, 56], [21, -91], "21,56", None, {"lon": 21}]
)
def test_every_wrong_position_is_its_own_mistake_at_its_line(tmp_path, position):
    ring = [[21.0, 56.0], position, [22.0, 57.0], [999, 0], [23.0, 56.0], [21.0, 56.0]]
    text = pretty(changed(geometry={"type": "Polygon", "coordinates": [ring]}))
    _, mistakes = outlines(tmp_path, text)
    assert len(mistakes) == 2, mistakes
    for mistake in mistakes:
        assert re.fullmatch(
            r"data/geo/fiction\.geojson:\d+: coordinates: .* must be \[longitude, latitude\].*", str(mistake)
        )
    if isinstance(position, list):  # an array: its own line
        assert len({m.line for m in mistakes}) == 2


def test_not_a_number_is_not_a_coordinate(tmp_path):
    text = pretty(FEATURE).replace("22.0", "NaN", 1)
    _, mistakes = outlines(tmp_path, text)
    assert [m.field for m in mistakes] == ["coordinates"]


@pytest.mark.parametrize("ring", [[[21, 56], [22, 57], [21, 56]], [[21, 56], [22, 57], [23, 56], [24, 57]], "ring", []])
def test_a_ring_is_closed_and_has_four_positions(tmp_path, ring):
    text = pretty(changed(geometry={"type": "Polygon", "coordinates": [ring]}))
    _, mistakes = outlines(tmp_path, text)
    assert [(m.field, "a ring must be a list of at least 4 positions" in m.text) for m in mistakes] == [
        ("coordinates", True)
    ]


# ---- a build with a broken data file publishes nothing ---------------------------------------------


def test_a_broken_geojson_fails_the_build_before_any_page_is_written(tmp_path):
    broken = pretty(changed(geometry={"type": "Polygon", "coordinates": [[[21, 56], ["x", 57], [23, 56], [21, 56]]]}))
    root = write_site(
        tmp_path, {"data/geo/fiction.geojson": broken, "data/geo/latvia.geojson": '{"type": "Feature",\n'}
    )
    (root / "site").mkdir()
    (root / "site/before.txt").write_text("a file of an earlier build\n", encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build"], cwd=root, capture_output=True, text=True, env=env, timeout=300
    )
    out = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in out
    assert [path.name for path in (root / "site").iterdir()] == ["before.txt"]  # nothing written, nothing removed
    lines = [line for line in out.splitlines() if ".geojson:" in line]
    assert len(lines) == 2, out
    position = line_of(broken, '"x"') - 1  # the line of its "["
    assert f"data/geo/fiction.geojson:{position}: coordinates: " in lines[0]
    assert "data/geo/latvia.geojson:2: geojson: " in lines[1]
    assert re.search(r"\d+ content mistakes?: nothing was built", out)
