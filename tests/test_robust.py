"""Fail closed: no input, however broken, ends in a traceback. Every mistake is one line
`path:line: field: message`, values are read as the editor wrote them, every wrong entry of a
list is its own mistake, and the preview keeps serving the valid pages."""

import dataclasses
import datetime as dt
import html
import logging
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
import yaml
from conftest import REPO, build_site, pages, write_site
from hypothesis import assume, given
from hypothesis import strategies as st
from test_content import EVENT, PNG, SETTINGS, TODAY, event, lines
from test_content import load as load_content_of

from lrp import Settings, load_content
from lrp.base import yamlmarks
from lrp.base.dates import YEARS, PartialDate, format_partial, format_span
from lrp.base.errors import BIDI_CONTROLS, Invalid
from lrp.base.text import BRAILLE_BLANK, DEFAULT_IGNORABLE, NOT_CHARACTERS, blank, invisible, plain_text
from lrp.base.yamlmarks import ANCHORS, load_mapping
from lrp.contract import safehtml
from lrp.contract.fields import count, flag, number
from lrp.pages.plan import plan_site
from lrp.pages.strings import PLACEHOLDERS, Strings, placeholders

EN = "---\ntitle: Seminar\nsummary: Short.\n---\nText.\n"


def load(root: Path, files: dict, drafts: bool = False):
    return load_content_of(root, files, drafts, dedent=False)  # inputs exactly as written


def one_line(mistakes) -> None:
    for mistake in mistakes:
        text = str(mistake)
        assert text.isprintable(), repr(text)
        assert not any(c in BIDI_CONTROLS for c in text), repr(text)


# ---- values read as written ----------------------------------------------------------------

# Plain scalars that YAML 1.1 (PyYAML's safe loader) would turn into something else than the text.
RESOLVED = [
    "0306406152",  # an ISBN, octal to YAML 1.1
    "017",
    "0x1F",
    "0b101",
    "1_000",
    "+12",
    "190:20:30",  # sexagesimal
    "1.5e+3",
    "6.0",
    ".5",
    ".nan",
    ".NaN",
    ".inf",
    "-.Inf",
    "yes",
    "no",
    "on",
    "off",
    "true",
    "False",
    "null",
    "~",
    "2021-09-24",
    "2021-09-24 10:00:00",
]


@pytest.mark.parametrize("written", RESOLVED)
def test_a_plain_value_is_kept_as_the_editor_wrote_it(written):
    assert not isinstance(yaml.safe_load(f"v: {written}")["v"], str)  # what YAML would have done
    located = load_mapping(f"v: {written}\nlist: [{written}]\nmap: {{k: {written}}}\n")
    assert located.data == {"v": written, "list": [written], "map": {"k": written}}


def test_the_reader_constructs_nothing_with_yaml(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a YAML constructor was used")

    monkeypatch.setattr(yaml.constructor.BaseConstructor, "construct_object", refuse)
    monkeypatch.setattr(yaml.constructor.BaseConstructor, "construct_document", refuse)
    assert load_mapping("a: 1\nb: [x, {c: d}]\n").data == {"a": "1", "b": ["x", {"c": "d"}]}


def test_messages_quote_the_value_as_written(tmp_path):
    content = load(tmp_path, {"events/a.lv.md": event(kind="no", participants="0x1F", extra="end: 2021-09-31\n")})
    assert lines(content) == [
        "events/a.lv.md:5: kind: 'no' is not one of: seminar, training, meeting, conference, presentation, "
        "campaign, study, programme, other",
        "events/a.lv.md:8: participants: '0x1F' must be a whole number, 0 or more, written in digits",
        "events/a.lv.md:9: end: '2021-09-31' is not a day of the calendar",
    ]


def test_an_unquoted_isbn_is_that_isbn(tmp_path):
    text = "---\ntitle: G\nsummary: S.\ndate: 2021\nauthors: [A]\nisbn: 0306406152\n---\n"
    content = load(tmp_path, {"publications/p.lv.md": text})
    assert content.mistakes == []
    assert content.items["publications/p"].value("isbn") == "0306406152"


def test_data_files_still_read_numbers_dates_and_labels():
    content = load_content(SETTINGS, today=TODAY)
    riga = content.vocab.places["riga"]
    assert (riga.lat, riga.lon, riga.country, riga.labels["lv"]) == (56.9496, 24.1052, "LV", "Rīga")
    phase = content.vocab.projects["platforma-v"]
    assert (phase.date.iso, phase.end.iso) == ("2020", "2021")
    assert not [m for m in content.mistakes if m.path.startswith("data/")]


def test_ui_strings_are_read_as_written():
    strings = Strings.load(SETTINGS)
    assert strings.mistakes == []
    assert (strings.t("en", "guide.yes"), strings.t("en", "guide.no")) == ("yes", "no")  # not True and False


# ---- anchors, aliases, tags, nesting ---------------------------------------------------------


def billion_laughs(depth: int = 9, width: int = 10) -> str:
    """``width ** depth`` copies of "lol" once expanded: 10 ** 9 here."""
    rows = ['l0: &l0 "lol"'] + [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * width)}]" for i in range(1, depth + 1)]
    return "\n".join(rows) + "\n"


def test_an_alias_bomb_is_a_mistake_at_its_first_anchor_and_is_never_expanded(tmp_path, monkeypatch):
    """Expanding it would take minutes and gigabytes: the reader stops at its first anchor, having
    read not one alias of it, and constructs nothing."""

    def refuse(*args, **kwargs):
        raise AssertionError("a YAML node was constructed")

    monkeypatch.setattr(yaml.constructor.BaseConstructor, "construct_object", refuse)
    events = []  # every event the parser gives, in every file the reader reads
    get_event = yamlmarks._Loader.get_event
    monkeypatch.setattr(yamlmarks._Loader, "get_event", lambda parser: events.append(get_event(parser)) or events[-1])
    with pytest.raises(Invalid) as error:
        load_mapping(billion_laughs())
    assert (error.value.line, error.value.field, error.value.message) == (1, "l0", ANCHORS)
    # the stream, the document, the mapping, the key l0 and its anchored value: the last event read
    assert [type(event).__name__ for event in events] == [
        "StreamStartEvent",
        "DocumentStartEvent",
        "MappingStartEvent",
        "ScalarEvent",
        "ScalarEvent",
    ]
    assert events[-1].anchor == "l0"
    events.clear()
    content = load(tmp_path, {"events/a.lv.md": event(extra=billion_laughs())})
    assert lines(content) == [f"events/a.lv.md:8: l0: {ANCHORS}"]
    assert [e.anchor for e in events if getattr(e, "anchor", None)] == ["l0"]  # read in no other file either
    assert not any(isinstance(e, yaml.AliasEvent) for e in events)


@pytest.mark.parametrize(
    ("yaml_text", "line"),
    [
        ("a: &x 1\n", 1),
        ("a: 1\nb: &x [1, 2]\n", 2),
        ("a: 1\nb:\n  &x c: d\n", 3),
        ("a: 1\nb: *x\n", 2),  # an alias to no anchor
        ("a: [1, *x]\n", 1),
        ("&x a: 1\n", 1),
        ("--- &x\na: 1\n", 1),
        ("a: 1\n<<: *x\n", 2),  # a merge key
    ],
)
def test_anchors_and_aliases_are_refused_wherever_they_stand(yaml_text, line):
    with pytest.raises(Invalid) as error:
        load_mapping(yaml_text)
    assert (error.value.line, error.value.message) == (line, ANCHORS)


@pytest.mark.parametrize("tagged", ["!!int 5", "!!str x", "!!binary aGk=", "!!set {a}", "!x y", "!Important news"])
def test_yaml_tags_are_refused(tmp_path, tagged):
    assert lines(load(tmp_path, {"events/a.lv.md": event(title=tagged)})) == [
        f"events/a.lv.md:2: title: '{tagged.split()[0]}' is a YAML tag, which is not allowed; "
        "put a value that starts with '!' in quotes"
    ]


@pytest.mark.parametrize("depth", [8, 50, 10_000])
def test_deep_nesting_is_a_mistake_not_a_recursion(tmp_path, depth):
    text = event(extra=f"related: {'[' * depth}{']' * depth}\n")
    assert lines(load(tmp_path, {"events/a.lv.md": text})) in (
        ["events/a.lv.md:8: related: is nested too deeply for any field"],
        ["events/a.lv.md:8: front-matter: YAML syntax: exceeded maximum nesting depth"],  # libyaml's own limit
    )


def test_a_key_written_twice_is_reported_under_its_own_name(tmp_path):
    story = (
        "---\ntitle: S\nsummary: S.\nperson: P\ndate: 2024\nconsent: 2024-05-02\n"
        "source: {name: LSM, url: 'https://lsm.lv', name: LTV}\nperson: Q\n---\n"
    )
    assert lines(load(tmp_path, {"stories/a.lv.md": story})) == [
        "stories/a.lv.md:7: source: 'name' is written twice; keep one of the two",
        "stories/a.lv.md:8: person: is written twice; keep one of the two lines",
    ]


# ---- YAML errors anywhere, one mistake each ------------------------------------------------------

BROKEN_YAML = [
    "a: [unclosed\n",
    "a: {unclosed\n",
    "a: b: c\n",
    "a: 1\n- b\n",
    "a:\n\t- b\n",
    "a: 'unclosed\n",
    'a: "unclosed\n',
    'a: "\\q"\n',
    "a: x\n  b: y\n",
    "a: @x\n",
    "a: `x`\n",
    "- a\n- b\n",
    "just text\n",
    "a: 1\n---\nb: 2\n",
    "a: \x07\n",
    "a: \x00\n",
]


@pytest.mark.parametrize(
    ("where", "broken"),
    [
        (where, broken)
        for where in ("events/a.lv.md", "data/places.yml", "data/themes.yml", "data/projects.yml")
        for broken in BROKEN_YAML
        if not (where.endswith(".md") and "---" in broken)  # a second '---' would close the front-matter
    ],
)
def test_a_yaml_error_is_one_mistake_in_its_file(tmp_path, broken, where):
    text = ("---\n" + broken + "---\n") if where.endswith(".md") else broken
    files = {"events/b.lv.md": EVENT, where: text}
    found = lines(load(tmp_path, files))
    assert len(found) == 1 and found[0].startswith(f"{where}:"), found


@pytest.mark.parametrize("broken", BROKEN_YAML)
def test_a_yaml_error_in_ui_strings_is_a_mistake_and_the_default_language_stands_in(tmp_path, broken):
    root = write_site(tmp_path, {"data/ui/en.yml": broken}, base=None)
    strings = Strings.load(dataclasses.replace(SETTINGS, root=root))
    assert len(strings.mistakes) == 1 and str(strings.mistakes[0]).startswith("data/ui/en.yml:")
    assert strings.t("en", "site.name") == strings.t("lv", "site.name") == "Latvijas romu platforma"


# ---- an error in one file of a pair: exactly one mistake, in that file -----------------------------

ONE_FILE_ERRORS = {
    "yaml syntax": "---\ntitle: [x\n---\n",
    "anchor": event(extra="x: &a 1\n"),
    "tag": event(date="!!int 2021"),
    "too deep": event(themes="[[[[[[[[[[]]]]]]]]]]"),
    "not a mapping": "---\n- a\n- b\n---\n",
    "never closed": "---\ntitle: x\n",
    "not utf-8": "---\ntitle: Semin\xe2rs\n---\n".encode("latin-1"),
    "written twice": event(extra="kind: meeting\n"),
    "bad date": event(date="2021-02-29"),
    "year 0": event(date="0000"),
    "bad kind": event(kind="no"),
    "bad place": event(places="[rigaa]"),
    "bad project": event(project="platforma"),
    "empty date": event(date=""),
    "control character": event(title='"Semin\\x07ārs"'),
    "list for a date": event(date="[2021]"),
}


@pytest.mark.parametrize("error", ONE_FILE_ERRORS)
def test_an_error_in_one_language_file_does_not_cascade_into_the_other(tmp_path, error):
    content = load(tmp_path, {"events/a.lv.md": ONE_FILE_ERRORS[error], "events/a.en.md": EN})
    found = content.mistakes
    assert len(found) == 1 and found[0].path == "events/a.lv.md", lines(content)
    en = content.items["events/a"].translations["en"]
    # shown only where it lacks nothing that the broken file was to give
    assert content.shown(en) == all(en.get(name) for name in ("date", "kind", "places", "project"))


def test_a_translation_without_what_the_broken_file_gives_is_not_shown_in_the_preview(tmp_path):
    files = {"events/a.lv.md": event(date="2021-13"), "events/a.en.md": EN}
    site = build_site(write_site(tmp_path, files), serve=True)
    assert not (site / "en/events/a").exists() and not (site / "pasakumi/a").exists()
    assert (site / "en/events/fiction-seminar-2021/index.html").is_file()


# ---- plain text -------------------------------------------------------------------------------

CONTROLS = [chr(c) for c in (*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0))]


@pytest.mark.parametrize("char", CONTROLS, ids=lambda c: f"U+{ord(c):04X}")
def test_every_control_character_in_a_text_is_a_mistake(tmp_path, char):
    with pytest.raises(Invalid) as error:
        plain_text(f"A{char}B")
    assert f"U+{ord(char):04X}" in str(error.value) or "line break" in str(error.value)
    title = f'"A\\x{ord(char):02x}B"'  # written as a YAML escape
    found = lines(load(tmp_path, {"events/a.lv.md": event(title=title)}))
    assert len(found) == 1 and found[0].startswith("events/a.lv.md:2: title: "), found


@pytest.mark.parametrize("char", CONTROLS, ids=lambda c: f"U+{ord(c):04X}")
def test_a_raw_control_character_in_a_file_is_a_mistake_or_a_line_break(tmp_path, char):
    content = load(tmp_path, {"events/a.lv.md": event(title=f"A{char}B")})
    one_line(content.mistakes)
    if content.mistakes:  # YAML refuses it, or the text does, or it broke the line ("B" is no field)
        assert [m.path for m in content.mistakes] == ["events/a.lv.md"], lines(content)
    else:  # YAML reads it as a line break inside a plain value, folded to a space
        assert content.items["events/a"].translations["lv"].title == "A B"


@pytest.mark.parametrize("char", sorted(BIDI_CONTROLS), ids=lambda c: f"U+{ord(c):04X}")
def test_every_bidirectional_override_embedding_and_isolate_is_a_mistake(tmp_path, char):
    found = lines(load(tmp_path, {"events/a.lv.md": event(title=f"Seminārs {char}sraksts")}))
    assert found == [
        f"events/a.lv.md:2: title: contains the bidirectional control character U+{ord(char):04X}, "
        "which can make text read differently from how it is stored; remove it"
    ]


@pytest.mark.parametrize("mark", ["\u200e", "\u200f", "\u061c"])
def test_bidirectional_marks_are_allowed_in_text_but_are_not_text(mark):
    assert plain_text(f"Rīga{mark} 2021") == f"Rīga{mark} 2021"
    with pytest.raises(Invalid, match="no visible characters"):
        plain_text(mark * 3)


# XML 1.0's Char production: what a feed, a sitemap or a calendar may carry.
XML_CHAR = re.compile("[\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]*")
MARKS = ("Mn", "Me")
SHOWN = (
    "Lu",
    "Ll",
    "Lt",
    "Lm",
    "Lo",
    "Mc",
    "Nd",
    "Nl",
    "No",
    "Pc",
    "Pd",
    "Ps",
    "Pe",
    "Pi",
    "Pf",
    "Po",
    "Sm",
    "Sc",
    "Sk",
    "So",
)


def every_char():
    return map(chr, range(0x110000))


@pytest.mark.slow  # every code point: seconds
def test_whatever_a_text_field_accepts_xml_accepts():
    """Over every code point: a text holding it is refused, or is XML 1.0 text that is no
    noncharacter (U+FDD0..U+FDEF, U+xxFFFE, U+xxFFFF) either."""
    for char in every_char():
        try:
            text = plain_text(f"A{char}B")
        except Invalid as error:
            assert error.message.key in ("text.control", "text.line_break", "text.bidi", "text.not_character")
            continue
        assert XML_CHAR.fullmatch(text), hex(ord(char))
        code = ord(char)
        assert not (0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE), hex(code)


@pytest.mark.parametrize("code", [0xFFFE, 0xFFFF, 0xFDD0, 0xFDEF, 0x1FFFE, 0x10FFFF])
def test_a_noncharacter_is_a_mistake_in_every_kind_of_file(tmp_path, code):
    """(A surrogate cannot even be written: YAML refuses its escape, a syntax mistake at its line.)"""
    escape = f'"A\\U{code:08X}B"'  # the only way to write one: a YAML escape
    files = {
        "events/a.lv.md": event(title=escape),
        "data/themes.yml": f"culture: {{lv: {escape}, en: Culture}}\n",
        "data/ui/en.yml": (REPO / "data/ui/en.yml")
        .read_text("utf-8")
        .replace("site.name: Latvian Roma Platform", f"site.name: {escape}"),
    }
    found = lines(load(tmp_path, files))
    assert [m for m in found if not m.startswith("data/ui/")] == [
        f"data/themes.yml:1: culture: lv: contains U+{code:04X}, which is not a character; remove it",
        f"events/a.lv.md:2: title: contains U+{code:04X}, which is not a character; remove it",
    ], found
    strings = Strings.load(dataclasses.replace(SETTINGS, root=tmp_path))
    assert [str(m) for m in strings.mistakes] == [
        f"data/ui/en.yml:2: site.name: contains U+{code:04X}, which is not a character; remove it"
    ]


def test_invisible_follows_unicode_properties_over_whole_categories():
    """Invisible: every separator, control, format, private-use and unassigned code point, every
    mark (it shows only on a base) and every Default_Ignorable code point; visible: every other
    letter, digit, punctuation and symbol (save the blank braille pattern)."""
    ignorable = {code for first, last in DEFAULT_IGNORABLE for code in range(first, last + 1)}
    for char in every_char():
        category = unicodedata.category(char)
        if category[0] in "ZC" or category in MARKS or ord(char) in ignorable:
            assert invisible(char), hex(ord(char))
        elif category in SHOWN and char != BRAILLE_BLANK and not char.isspace():
            assert not invisible(char), hex(ord(char))
    # the classes the rule must catch although their category says "letter" or "mark"
    for code in (0x115F, 0x1160, 0x3164, 0xFFA0, 0x180B, 0x180F, 0xFE00, 0xE0100, 0xE01EF, 0x034F, 0x2800):
        assert invisible(chr(code)) and unicodedata.category(chr(code)) in ("Lo", "Mn", "So"), hex(code)


INVISIBLE_CHARS = st.characters(categories=["Zs", "Cf", "Co", "Cn", "Mn", "Me"]) | st.sampled_from(
    [chr(code) for first, last in DEFAULT_IGNORABLE for code in (first, last)] + [BRAILLE_BLANK]
)
SHOWN_CHARS = st.characters(categories=SHOWN).filter(lambda c: not invisible(c))


@given(st.text(INVISIBLE_CHARS, min_size=1, max_size=8))
def test_text_made_only_of_invisible_characters_is_a_mistake(text):
    with pytest.raises(Invalid) as error:
        plain_text(text)
    # empty or invisible, unless one of its characters is no text at all (a noncharacter, an override)
    assert error.value.message.key in ("text.empty", "text.invisible", "text.not_character", "text.bidi")


@given(st.text(INVISIBLE_CHARS, max_size=4), SHOWN_CHARS, st.text(INVISIBLE_CHARS, max_size=4))
def test_one_shown_character_makes_a_text(before, shown, after):
    text = before + shown + after
    assume(not re.search(f"[{NOT_CHARACTERS}{''.join(BIDI_CONTROLS)}]", text))
    assert plain_text(text)


@given(st.text(INVISIBLE_CHARS, max_size=6), SHOWN_CHARS)
def test_an_image_alt_text_is_held_to_the_same_rule(alt, shown):
    assume(not re.search(f"[{NOT_CHARACTERS}]", alt + shown))
    for written in (alt, alt + shown):
        keys = [p.message.key for p in safehtml.scan(f'<p><img src="p.png" alt="{html.escape(written)}"></p>').problems]
        assert keys == (["html.alt"] if blank(written) else []), repr(written)


def test_an_alt_text_of_invisible_characters_is_a_mistake_in_a_body(tmp_path):
    body = "Teksts.\n\n![\u200b\ufe0f\u3164\U000e0100](images/p.png)\n"
    found = lines(load(tmp_path, {"events/a.lv.md": event() + body, "events/images/p.png": PNG}))
    assert found == ["events/a.lv.md:12: body: the image has no alt text; write ![what the image shows](path)"]


def test_zero_width_title_in_a_file(tmp_path):
    found = lines(load(tmp_path, {"events/a.lv.md": event(title='"\\u200b\\u2060\\ufeff\\u00ad"')}))
    assert found == ["events/a.lv.md:2: title: has no visible characters, only invisible ones"]


def test_lengths_are_counted_on_nfc_text_which_is_kept(tmp_path):
    decomposed = "e\u0301" * 120  # 240 code points, 120 characters once composed
    content = load(tmp_path, {"events/a.lv.md": event(title=decomposed)})
    assert content.mistakes == []
    assert content.items["events/a"].translations["lv"].title == "\u00e9" * 120
    assert lines(load(tmp_path, {"events/a.lv.md": event(title="e\u0301" * 121)})) == [
        "events/a.lv.md:2: title: is 121 characters long; at most 120 are allowed"
    ]


def test_a_text_is_one_line_but_may_be_folded(tmp_path):
    folded = event(summary=">\n  Viens teikums,\n  turpināts.")
    content = load(tmp_path, {"events/a.lv.md": folded})
    assert content.mistakes == [] and content.items["events/a"].translations["lv"].summary == (
        "Viens teikums, turpināts."
    )
    literal = event(summary="|\n  Viena rinda.\n  Otra rinda.")
    assert lines(load(tmp_path, {"events/a.lv.md": literal})) == [
        "events/a.lv.md:3: summary: has a line break inside; a text is one line (fold a long one with '>')"
    ]


def test_a_mistake_quoting_unsafe_characters_stays_one_line(tmp_path):
    found = load(tmp_path, {"events/a.lv.md": event(kind='"sem\\ninar\\u202e"', places='["ri\\x1bga"]')})
    one_line(found.mistakes)
    assert "kind: 'sem\\u000ainar\\u202e' is not one of" in lines(found)[0]


# ---- dates ------------------------------------------------------------------------------------


def impossible_dates():
    for year in (2021, 2024, 1900, 2000):
        for month in range(1, 13):
            last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
            yield f"{year}-{month:02d}-{last + 1:02d}"
        yield f"{year}-00"
        yield f"{year}-13"
        yield f"{year}-01-00"
    yield from ("0000", "0000-01-01", f"{YEARS[0] - 1}", f"{YEARS[1] + 1}-12-31", "9999-12-31", "٢٠٢١", "2021-1-1")


@pytest.mark.parametrize("written", list(impossible_dates()))
def test_impossible_and_out_of_range_dates_are_mistakes(tmp_path, written):
    with pytest.raises(Invalid):
        PartialDate.parse(written)
    found = lines(load(tmp_path, {"events/a.lv.md": event(date=written)}))
    assert len(found) == 1 and found[0].startswith(f"events/a.lv.md:4: date: '{written}' "), found


@pytest.mark.parametrize("written", [f"{YEARS[0]}", f"{YEARS[0]}-01-01", f"{YEARS[1]}-12", f"{YEARS[1]}-12-31"])
def test_the_first_and_last_dates_format_in_every_language(written):
    date = PartialDate.parse(written)
    for language in SETTINGS.languages:
        assert str(date.year) in format_partial(date, language.locale)
        assert format_span(PartialDate.parse(f"{YEARS[0]}"), date, language.locale)
    assert date.last + dt.timedelta(days=1)  # the iCalendar export's exclusive end


# ---- numbers and flags ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written", ["-1", "1.5", "1e3", "0x10", "0o7", ".nan", "inf", "1_000", "1 000", "٣", "１２", "+3", "9" * 10, ""]
)
def test_count_takes_whole_numbers_in_digits_only(written):
    with pytest.raises(Invalid):
        count(written, None)


@pytest.mark.parametrize(("written", "value"), [("0", 0), ("12", 12), ("007", 7), ("999999999", 999_999_999)])
def test_count_reads_digits(written, value):
    assert count(written, None) == value


@pytest.mark.parametrize(
    "written",
    [".nan", "nan", "NaN", ".NAN", ".inf", "-.inf", "+.Inf", "inf", "Infinity", "-infinity", "1e400", "1e3", "0x10"],
)
def test_a_number_is_finite_and_written_in_digits(tmp_path, written):
    with pytest.raises(Invalid):
        number(written, None)
    found = lines(load(tmp_path, {"events/a.lv.md": event(extra=f"figures: [{{value: {written}, label: x}}]\n")}))
    assert found == [f"events/a.lv.md:8: figures: '{written}' must be a number written in digits, such as 6 or 2.5"]


def test_a_decimal_comma_gets_a_hint():
    with pytest.raises(Invalid, match="write the decimal point as '.'"):
        number("2,5", None)
    assert str(number("2.50", None)) == "2.50"  # shown as written


@pytest.mark.parametrize("written", ["yes", "no", "on", "off", "y", "1", "0", "[true]"])
def test_a_flag_is_true_or_false(written):
    with pytest.raises(Invalid):
        flag(yaml_value(written), None)
    assert (flag("true", None), flag("False", None)) == (True, False)


def yaml_value(written: str):
    return load_mapping(f"v: {written}\n").data["v"]


@pytest.mark.parametrize("key", ["lat", "lon"])
@pytest.mark.parametrize("written", [".nan", ".inf", "-.inf", "nan", "1e400", "200", "north", "[1]"])
def test_a_place_needs_finite_coordinates(tmp_path, key, written):
    places = f"riga: {{lv: Rīga, en: Riga, {key}: {written}}}\ntalsi: {{lv: Talsi, en: Talsi}}\n"
    content = load(tmp_path, {"data/places.yml": places, "events/a.lv.md": event()})
    found = lines(content)
    assert len(found) == 1 and found[0].startswith(f"data/places.yml:1: riga: {key}: "), found
    assert content.vocab.places["riga"].labels["lv"] == "Rīga"  # the rest of the entry stands


# ---- every entry of a list ----------------------------------------------------------------------


def test_every_wrong_entry_of_a_list_is_its_own_mistake(tmp_path):
    content = load(
        tmp_path,
        {
            "events/a.lv.md": event(
                places="[Riga, talssi]",
                extra="themes:\n  - educaton\n  - women\n  - yuoth\nrelated:\n  - events\n  - stories/x\n  - foo/bar\n"
                "partners: [Biedrība, '', Biedrība]\nfigures:\n  - {value: six, label: x}\n  - {value: 6, labl: y}\n",
            )
        },
    )
    assert lines(content) == [
        "events/a.lv.md:6: places: 'Riga' is not an id in data/places.yml; did you mean 'riga'?",
        "events/a.lv.md:6: places: 'talssi' is not an id in data/places.yml; did you mean 'talsi'?",
        "events/a.lv.md:9: themes: 'educaton' is not an id in data/themes.yml; did you mean 'education'?",
        "events/a.lv.md:11: themes: 'yuoth' is not an id in data/themes.yml; did you mean 'youth'?",
        "events/a.lv.md:13: related: 'events' must be written stories/<slug>",
        "events/a.lv.md:15: related: 'foo/bar' must be written stories/<slug>",
        "events/a.lv.md:16: partners: 'Biedrība' is listed twice",
        "events/a.lv.md:16: partners: is empty",
        "events/a.lv.md:18: figures: 'six' must be a number written in digits, such as 6 or 2.5",
        "events/a.lv.md:19: figures: 'labl' is not known here; did you mean 'label'?",
    ]


# ---- UI strings ----------------------------------------------------------------------------------


def english(changes: str) -> str:
    """data/ui/en.yml with the lines of ``changes`` (at the top) in place of those of their keys."""
    keys = {line.split(":", 1)[0] for line in changes.splitlines()}
    kept = [
        line for line in (REPO / "data/ui/en.yml").read_text("utf-8").splitlines() if line.split(":", 1)[0] not in keys
    ]
    return changes + "\n".join(kept) + "\n"


def ui(tmp_path, en: str, lv: str | None = None) -> Strings:
    """The strings of a site whose English texts are the repository's with ``en`` in place."""
    files = {"data/ui/en.yml": english(en), **({"data/ui/lv.yml": lv} if lv is not None else {})}
    root = write_site(tmp_path, files, base=None)
    return Strings.load(dataclasses.replace(SETTINGS, root=root))


FORMATTED = sorted(key for key in Strings.load(SETTINGS).tables["en"] if placeholders(key))  # with plural forms
UNFILLED = ["{foo}", "{", "}", "{0}", "{}", "{count!r}", "{count:>{x}}", "{label.x}", "{title[0]}"]


@pytest.mark.parametrize(
    ("key", "bad"),
    [
        (key, bad)
        for key in FORMATTED
        for bad in UNFILLED
        if bad.strip("{}!:>rx0") not in placeholders(key)  # {count!r} is a placeholder of a text with a count
    ],
)
def test_a_ui_string_with_a_placeholder_its_caller_does_not_fill_falls_back(tmp_path, key, bad):
    strings = ui(tmp_path, f"{key}: 'Text {bad}'\n")
    assert [str(m).split(": ", 1)[0] for m in strings.mistakes] == ["data/ui/en.yml:1"]
    assert str(strings.mistakes[0]).startswith(f"data/ui/en.yml:1: {key}: ")
    values = {name: "V" for name in placeholders(key)}
    assert strings.t("en", key, **values) == strings.t("lv", key, **values) != key  # the default language's


def test_a_ui_string_uses_the_placeholders_of_the_default_languages_and_may_write_braces(tmp_path):
    strings = ui(tmp_path, "pagination.title: 'Page {number}'\nsearch.none: 'Nothing {here}'\n")
    assert [str(m) for m in strings.mistakes] == [
        "data/ui/en.yml:1: pagination.title: must use the same placeholders as the default language's text: "
        "{number}, {title}"
    ]
    assert strings.t("en", "search.none") == "Nothing {here}"  # a text without placeholders is shown as written
    # a plural form may leave the count out: English "one" is 1 alone
    assert ui(tmp_path / "one", "timeline.year_count.one: one entry\n").mistakes == []


@pytest.mark.parametrize("value", ["[a, b]", "{a: b}", '"a\\x07"', '"\\u202e"', '"\\u200b"'])
def test_a_ui_string_that_is_not_plain_text_is_a_mistake(tmp_path, value):
    strings = ui(tmp_path, f"site.name: {value}\n")
    assert len(strings.mistakes) == 1 and str(strings.mistakes[0]).startswith("data/ui/en.yml:1: site.name: ")
    assert strings.t("en", "site.name") == "Latvijas romu platforma"


def test_t_never_raises(tmp_path):
    strings = ui(tmp_path, "site.name: 'Name {x}'\nsearch.none: '{'\n")
    for key in ("site.name", "search.none", "pagination.title", "no.such.key"):
        for values in ({}, {"x": 1}, {"title": "T"}, {"number": object()}):
            assert isinstance(strings.t("en", key, **values), str)


def test_placeholders_are_those_the_code_fills(tmp_path, monkeypatch):
    """Every text formatted during a build is in PLACEHOLDERS, with the values it is given."""
    calls = set()
    t = Strings.t

    def recording(self, lang, key, **values):
        if values:
            calls.add((key, tuple(sorted(values))))
        return t(self, lang, key, **values)

    monkeypatch.setattr(Strings, "t", recording)
    build_site(write_site(tmp_path, page_size="1"), serve=True)  # listings of several pages
    assert {(key, tuple(sorted(placeholders(key) or ()))) for key, _ in calls} == calls
    bases = {key if key in PLACEHOLDERS else key.rpartition(".")[0] for key, _ in calls}
    assert bases == set(PLACEHOLDERS)  # and none is listed that the code does not fill


def test_a_broken_ui_file_fails_the_build_with_a_mistake_line_and_no_traceback(tmp_path):
    root = write_site(tmp_path, {"data/ui/en.yml": "site.name: Latvian Roma Platform\nsection.events: [Events\n"})
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build"], cwd=root, capture_output=True, text=True, env=env, timeout=300
    )
    out = result.stdout + result.stderr
    assert result.returncode != 0
    assert "data/ui/en.yml:3: ui: YAML syntax: a ',' or ']' was expected; is the list closed with ']'?" in out, out
    assert re.search(r"\d+ content mistakes?: nothing was built", out)
    assert "Traceback" not in out


# ---- settings ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "mapping",
    [
        [],
        "lv",
        {"languages": "lv"},
        {"languages": ["lv"]},
        {"languages": [{"code": 5}]},
        {"languages": [{"code": "lv", "sections": "x"}]},
        {"languages": [{"code": "lv", "sections": {"stories": "a"}}]},
        {"languages": [{"code": "lv", "locale": "xx_YY_ZZ", "sections": {s: s for s in ("stories",)}}]},
        {"page_size": "twelve"},
        {"nav": "index"},
    ],
)
def test_settings_errors_are_value_errors_with_a_message(mapping):
    good = SETTINGS.default
    if isinstance(mapping, dict) and "languages" not in mapping:
        mapping = {**mapping, "languages": [{"code": "lv", "sections": dict(good.sections)}]}
    with pytest.raises(ValueError, match=r"extra\.lrp"):
        Settings.from_mapping(REPO, mapping)


def test_an_unknown_locale_is_a_settings_error():
    raw = {"code": "lv", "locale": "zz_QQ", "sections": dict(SETTINGS.default.sections)}
    with pytest.raises(ValueError, match="is not a locale Babel knows"):
        Settings.from_mapping(REPO, {"languages": [raw]})


# ---- the preview never freezes -------------------------------------------------------------------


BROKEN = {  # a YAML mistake in every kind of file the build reads
    "data/ui/en.yml": "site.name: [broken\n",
    "data/ui/lv.yml": "site.name: &a x\n",
    "data/places.yml": "riga: {lv: Rīga\n",
    "data/themes.yml": "- not a mapping\n",
    "data/projects.yml": "platforma-v: {lv: V, en: V, date: 0000}\n",
    "events/fiction-month.lv.md": "---\ntitle: [broken\n---\n",
}


def test_the_preview_logs_a_yaml_error_and_serves_the_other_pages(tmp_path, caplog):
    """Every kind of file broken at once (one build: none of them stops the preview, nor hides
    another's mistake)."""
    caplog.set_level(logging.ERROR)
    site = build_site(write_site(tmp_path, BROKEN), serve=True)
    for rel in BROKEN:
        assert f"{rel}:" in caplog.text, rel
    assert "Traceback" not in caplog.text
    built = pages(site)
    assert "pasakumi/fiction-seminar-2021/" in built and "en/events/fiction-seminar-2021/" in built
    assert "" in built and "en/" in built


def test_a_broken_vocabulary_does_not_cascade_into_the_items_using_it(tmp_path):
    content = load(tmp_path, {"data/places.yml": "riga: [broken\n", "events/a.lv.md": event(places="[riga, talsi]")})
    assert lines(content) == [
        "data/places.yml:2: places: YAML syntax: a ',' or ']' was expected; is the list closed with ']'?"
    ]
    assert content.shown(content.items["events/a"].translations["lv"])
    assert lines(load(tmp_path, {"events/b.lv.md": event(places="[Not An Id]")}))  # an id must still be one


# ---- any value in any field ----------------------------------------------------------------------

NASTY = [
    "[",
    "&a x",
    "*a",
    "!!int 1",
    "- a",
    "? x",
    "|\n  a\n  b",
    "@x",
    "{a: [b: c]}",
    "x" * 3000,
    "",
    "~",
    "no",
    "-1",
    ".nan",
    "0000-01-01",
    "9999-12-31",
    "'\u202e'",
    "'\u200b'",
    "[a, a]",
    "{}",
    "[]",
    "[{}]",
    "[[a]]",
    "[{value: .inf, label: x}, {value: 1}]",
    "https://[::1",
    "../../../etc/passwd",
    '"\\t"',
    '"\\U0010FFFF"',
    "12:30",
    "events/a",
]


@pytest.mark.slow
def test_any_value_in_any_field_gives_mistakes_or_is_kept_as_written_never_a_traceback(tmp_path):
    """Each value in each field of an event gives one-line mistakes in that file, except where it
    is a value of that field: a text field takes "no" or "../../../etc/passwd" as the text it is,
    an optional list may be empty. Those are kept as written; every other one is refused."""
    from lrp.contract.fields import fields_of

    settings = dataclasses.replace(SETTINGS, root=tmp_path)
    load(tmp_path, {})
    strings = Strings.load(settings)
    path = tmp_path / "events" / "a.lv.md"
    path.parent.mkdir()
    accepted = []
    for name in fields_of("events"):
        for value in NASTY:
            path.write_text(event(**{name: None}, extra=f"{name}: {value}\n"), encoding="utf-8")
            content = load_content(settings, today=TODAY, include_drafts=True)
            plan_site(content, strings)
            one_line(content.mistakes)
            if content.mistakes:
                assert {m.path for m in content.mistakes} == {"events/a.lv.md"}, (name, value, lines(content))
            else:
                kept = content.items["events/a"].value(name)
                assert kept == (() if value == "[]" else value), (name, value, kept)
                accepted.append((name, value))
    texts = ["~", "no", "-1", ".nan", "0000-01-01", "9999-12-31", "https://[::1", "../../../etc/passwd", "12:30"]
    texts.append("events/a")
    assert sorted(accepted) == sorted(
        [(name, text) for name in ("title", "summary", "image_alt") for text in texts]
        + [(name, "[]") for name in ("themes", "related", "partners", "figures")]
    )


def test_a_title_from_the_first_heading_is_plain_text_too(tmp_path):
    content = load(tmp_path, {"docs/page.lv.md": "Ievads.\n\n# Lapa \u202eevil\n", "docs/ok.lv.md": "# Lapa\u00a0\n"})
    assert lines(content) == [
        "docs/page.lv.md:3: title: the first heading contains the bidirectional control character U+202E, "
        "which can make text read differently from how it is stored; remove it"
    ]
    assert content.docs["ok"].translations["lv"].title == "Lapa"


def test_make_check_reports_ui_string_mistakes_and_a_broken_mkdocs_yml(tmp_path, capsys):
    from conftest import write_site

    from lrp.cli import check, new

    root = write_site(tmp_path, {"data/ui/en.yml": "site.name: [unclosed\n"}, base=None)
    assert check(root) == 1
    assert "data/ui/en.yml:2: ui: YAML syntax" in capsys.readouterr().out
    (root / "mkdocs.yml").write_text("site_name: [unclosed\n", encoding="utf-8")
    assert check(root) == 2 and new(root, "events", "x") == 2
    assert capsys.readouterr().out.startswith("mkdocs.yml: ")


def test_a_reference_to_an_unreadable_item_is_not_a_second_mistake(tmp_path):
    from test_content import event, lines, load

    found = lines(
        load(tmp_path, {"events/a.lv.md": event(related="[events/b]"), "events/b.lv.md": "---\ntitle: [x\n---\n"})
    )
    assert [m.split(":")[0] for m in found] == ["events/b.lv.md"], found


def test_a_project_phase_ends_on_or_after_it_starts(tmp_path):
    projects = (REPO / "data" / "projects.yml").read_text(encoding="utf-8")
    broken = projects.replace("date: 2020\n  end: 2021", "date: 2021\n  end: 2020", 1)
    assert broken != projects
    content = load(tmp_path, {"data/projects.yml": broken})
    end = projects[: projects.index("date: 2020\n  end: 2021")].count("\n") + 2  # the line of end:
    assert [line for line in lines(content) if line.startswith("data/projects.yml")] == [
        f"data/projects.yml:{end}: platforma-v: end: 2020 is before date 2021"
    ]
