"""Bodies that would make the parsers slow are refused at their line, before Python-Markdown
reads them; bodies as people write them, up to the limits, are converted. No test here times
anything: benchmarks/bodies.py measures that the accepted ones convert in linear time."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_bodies import HEAD_LINES, check
from test_content import EVENT, load

from lrp.contract import limits
from lrp.contract.limits import (
    BODY_MAX,
    DEPTH_MAX,
    NESTING_MAX,
    OPEN_MAX,
    PARAGRAPH_MAX,
    PARAGRAPHS_MAX,
    TAGS_MAX,
)

WORDS = "Romu kopienas mediatori stāsta par savu darbu skolās un pašvaldībās. "


def refusals(tmp_path, body: str) -> list[tuple[int, str]]:
    """The limits a body breaks, as (line in the body, from 1; message key); and it is not published."""
    content = load(tmp_path, {"events/a.lv.md": EVENT.replace("Teksts.\n", "") + body}, dedent=False)
    assert content.items["events/a"].translations["lv"].html == ""
    return [(m.line - HEAD_LINES, m.message.key) for m in content.mistakes if m.field == "body"]


def one_a_line(make, count: int) -> str:
    """``count`` lines of one paragraph after a first one, line ``i`` (from 0) holding ``make(i)``."""
    return "Teksts.\n\n" + "".join(f"Vārdi {make(i)} vārdi\n" for i in range(count))


# ---- each class of slow input is refused at the line where it goes over its limit -----------

OPENERS = {
    "unclosed [": lambda i: "[",
    "unclosed ![": lambda i: "![",
    "unclosed footnote [^": lambda i: "[^",
    "link ( without )": lambda i: "[x](",
    "link ( with an open quote": lambda i: '[x]("y)',
    "backtick runs without a partner": lambda i: "`" * (i + 1),
    "brackets nested": lambda i: "[a",
}


@pytest.mark.parametrize("opener", OPENERS.values(), ids=OPENERS.keys())
def test_more_open_brackets_and_code_spans_in_a_paragraph_than_the_limit_is_refused_there(tmp_path, opener):
    assert refusals(tmp_path, one_a_line(opener, OPEN_MAX + 3)) == [(3 + OPEN_MAX, "body.open")]


TAGS = {  # each opens a tag that nothing closes
    "start tag": "<a ",
    "autolink": "<http://",
    "end tag": "</a ",
    "tag in a tag": "<p<b",
    "unclosed quote": "<a title='x>",
    "processing instruction": "<?x>",
    "script never ended": "<script>",
}


@pytest.mark.parametrize("opener", TAGS.values(), ids=TAGS.keys())
def test_more_unclosed_tags_in_a_body_than_the_limit_is_refused_at_the_one_over(tmp_path, opener):
    body = "".join(f"Rindkopa {opener} teksts.\n\n" for _ in range(TAGS_MAX + 3))
    per_paragraph = opener.count("<")
    assert refusals(tmp_path, body) == [(1 + 2 * (TAGS_MAX // per_paragraph), "body.tags")]


def test_more_unclosed_code_fences_than_the_limit_is_refused_at_the_one_over(tmp_path):
    body = "".join("```python\nprint(1)\n\n" for _ in range(TAGS_MAX + 3))
    assert refusals(tmp_path, body) == [(1 + 3 * TAGS_MAX, "body.fences")]


@pytest.mark.parametrize("tag", ["div", "span", "blockquote", "b"])
def test_html_nested_deeper_than_the_limit_is_refused_where_it_goes_over(tmp_path, tag):
    body = "Teksts.\n\n" + "".join(f"<{tag}>\n" for _ in range(DEPTH_MAX + 5)) + f"</{tag}>\n" * (DEPTH_MAX + 5)
    assert refusals(tmp_path, body) == [(3 + DEPTH_MAX, "body.depth")]


@pytest.mark.parametrize(
    "level",
    [lambda i: "    " * i + "- punkts", lambda i: "> " * (i + 1) + "citāts", lambda i: "> - " * (i // 2 + 1) + "x"],
    ids=["lists", "quotes", "quoted lists"],
)
def test_lists_and_quotes_nested_deeper_than_the_limit_are_refused_where_they_go_over(tmp_path, level):
    lines = [level(i) for i in range(2 * NESTING_MAX + 2)]
    first_over = next(i for i, line in enumerate(lines) if limits.check(line))
    body = "Teksts.\n\n" + "\n".join(lines) + "\n"
    assert refusals(tmp_path, body) == [(3 + first_over, "body.nesting")]


def test_a_paragraph_longer_than_the_limit_is_refused_at_its_first_line(tmp_path):
    body = "Teksts.\n\n" + "Virsraksts\n" + WORDS * (PARAGRAPH_MAX // len(WORDS) + 1) + "\n\nBeigas.\n"
    assert refusals(tmp_path, body) == [(3, "body.paragraph")]


def test_more_paragraphs_than_the_limit_are_refused_at_the_first_one_over(tmp_path):
    body = "Teksts.\n\n" * (PARAGRAPHS_MAX + 3)
    assert refusals(tmp_path, body) == [(1 + 2 * PARAGRAPHS_MAX, "body.paragraphs")]


def test_a_body_longer_than_the_limit_is_refused_unread(tmp_path):
    body = ("[" * 20 + "\n\n") + (WORDS * 10 + "\n\n") * (BODY_MAX // len(WORDS) // 10 + 1)
    assert refusals(tmp_path, body) == [(1, "body.too_long")]


def test_every_limit_a_body_breaks_is_reported_at_its_line(tmp_path):
    body = one_a_line(lambda i: "[", OPEN_MAX + 1) + "\n" + "".join("Teksts <a x\n\n" for _ in range(TAGS_MAX + 1))
    assert refusals(tmp_path, body) == [(3 + OPEN_MAX, "body.open"), (5 + OPEN_MAX + 2 * TAGS_MAX, "body.tags")]


def test_the_limits_say_what_to_do_in_both_languages():
    from lrp.base.messages import CATALOGUE

    keys = ("body.open", "body.tags", "body.fences", "body.depth", "body.nesting", "body.paragraph", "body.paragraphs")
    for key in keys:
        for text in CATALOGUE[key].values():
            assert "{max}" in text and ";" in text, (key, text)  # the limit, then what to do


# ---- bodies as people write them, up to the limits, are converted ---------------------------


def test_bodies_at_the_limits_are_accepted(tmp_path):
    stray = "Cenas [2021 un [2022 gadā " + "[" * (OPEN_MAX - 2) + " bez beigām.\n\n"
    nested = "[![Foto " + "[a " * (OPEN_MAX - 4) + "](x)](https://lsm.lv/)\n\n"
    titled = "".join(f'[saite {i}](https://lsm.lv/{i} "Virsraksts") ' for i in range(3 * OPEN_MAX)) + "\n\n"
    code = "Kods `a[0]`, ``b[`1`]`` un `c(` " * OPEN_MAX + "\n\n"
    escaped = "\\[" * (3 * OPEN_MAX) + " un \\` " * OPEN_MAX + "\n\n"
    fenced = "```text\n" + "[ <a ` " * 200 + "\n```\n\n"
    tags = "Salīdziniet: 3 <b un " + "x <y " * (TAGS_MAX - 1) + "\n\n"
    deep = "<div>" * (DEPTH_MAX - 1) + "x" + "</div>" * (DEPTH_MAX - 1) + "\n\n"
    lists = "".join("    " * i + f"- līmenis {i}\n" for i in range(NESTING_MAX)) + "\n"
    quotes = "> " * NESTING_MAX + "citāts\n\n"
    long = (WORDS * (PARAGRAPH_MAX // len(WORDS)))[: PARAGRAPH_MAX - 100] + "\n\n"
    body = stray + nested + titled + code + escaped + fenced + tags + deep + lists + quotes + long
    assert limits.check(body) == []
    found, html = check(tmp_path, body)
    assert found == [] and html


def test_a_body_of_the_longest_length_is_accepted(tmp_path):
    body = (WORDS * 20 + "\n\n") * (BODY_MAX // (len(WORDS) * 20 + 2))
    assert len(body) <= BODY_MAX and limits.check(body) == []


FRAGMENTS = st.sampled_from(
    [
        "vārdi ",
        "[saite](../x.lv.md) ",
        "[saite](https://lsm.lv/ 'nosaukums') ",
        "![Foto](images/p.png) ",
        "`kods [ ( <` ",
        "``kods ` ar `` ",
        "*slīpi* ",
        "**treknrakstā** ",
        "<b>x</b> ",
        "<https://lsm.lv/> ",
        "<a href='https://lsm.lv/'>x</a> ",
        "[^1] ",
        "\n\n[^1]: Piezīme.\n\n",
        "\n",
        "\n\n",
        "\n- punkts ",
        "\n    - punkts ",
        "\n> citāts ",
        "\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n",
        "\n\n```\n[ <a ` ((\n```\n\n",
        "\\[ ",
        "3 < 5 ",
        "(iekavās) ",
    ]
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(FRAGMENTS, min_size=1, max_size=60).map("".join))
def test_text_made_of_closed_markup_is_never_refused(body):
    assert limits.check(body) == []


@pytest.mark.parametrize(
    "char", ["\x00", "\x08", "\x0b", "\x1f", "\x7f", "\x85", "\ufffe", "\uffff", "\U0001fffe", "\ufdd0"]
)
def test_a_character_no_page_may_hold_is_refused_at_its_line(char):
    from lrp.contract.limits import check

    found = check(f"Pirmā rinda.\n\nOtrā rinda ar {char} rakstzīmi.\n")
    assert [(line, message.key) for line, message in found] == [
        (3, "text.control" if char <= "\x9f" else "text.not_character")
    ]
    assert f"U+{ord(char):04X}" in str(found[0][1])


def test_tabs_line_ends_and_every_other_character_pass():
    from lrp.contract.limits import check

    assert check("Ā\tb\r\nč 😀 \u200d \u00a0 \ufffd \U0010fffd.\n") == []


def test_a_noncharacter_in_a_body_is_a_mistake_at_its_line_of_the_file(tmp_path):
    found, _ = check(tmp_path, "Teksts.\n\nVēl\ufffe teksts.\n")
    assert found == [f"events/a.lv.md:{HEAD_LINES + 3}: body: contains U+FFFE, which is not a character; remove it"]
