import pytest

from lrp.base.dates import PartialDate, format_partial, format_span
from lrp.base.errors import Invalid

P = PartialDate.parse


@pytest.mark.parametrize(
    ("written", "precision", "iso"),
    [
        ("2021", "year", "2021"),
        (2021, "year", "2021"),
        ("2021-10", "month", "2021-10"),
        ("2021-09-24", "day", "2021-09-24"),
    ],
)
def test_parse_keeps_precision(written, precision, iso):
    date = P(written)
    assert (date.precision, date.iso) == (precision, iso)


@pytest.mark.parametrize("written", ["21", "2021-13", "2021-02-30", "2021/10/01", "24.09.2021", True, "", [2021]])
def test_parse_rejects(written):
    with pytest.raises(Invalid):
        P(written)


def test_partial_date_sorts_as_start_of_period():
    assert sorted([P("2021-10-05"), P("2021"), P("2021-10")]) == [P("2021"), P("2021-10"), P("2021-10-05")]
    assert P("2021-10").first.isoformat() == "2021-10-01"
    assert P("2021-02").last.isoformat() == "2021-02-28"
    assert P("2021").last.isoformat() == "2021-12-31"


@pytest.mark.parametrize(
    ("written", "lv", "en"),
    [
        ("2021-08-12", "2021. gada 12. augusts", "12 August 2021"),
        ("2021-10", "2021. g. oktobris", "October 2021"),
        ("2021", "2021", "2021"),
    ],
)
def test_long_form_at_each_precision(written, lv, en):
    assert format_partial(P(written), "lv") == lv
    assert format_partial(P(written), "en_GB") == en


def test_month_precision_never_shows_a_day():
    assert "1" not in format_partial(P("2021-08"), "en_GB").replace("2021", "")


@pytest.mark.parametrize(
    ("start", "end", "lv", "en"),
    [
        ("2021-08-12", "2021-08-14", "2021. gada 12.–14. augusts", "12–14 August 2021"),
        ("2021-08-30", "2021-09-02", "2021. gada 30. augusts – 2. septembris", "30 August – 2 September 2021"),
        ("2020-10", "2021-07", "2020. gada oktobris – 2021. gada jūlijs", "October 2020 – July 2021"),
        ("2021", "2023", "2021.–2023.", "2021–2023"),
        ("2021", "2021-08", "2021 – 2021. g. augusts", "2021 – August 2021"),
    ],
)
def test_spans_in_one_phrase(start, end, lv, en):
    def plain(text):
        return text.replace("\u2009", " ").replace("\xa0", " ")

    assert plain(format_span(P(start), P(end), "lv")) == lv
    assert plain(format_span(P(start), P(end), "en_GB")) == en


def test_a_date_as_visitors_type_it_for_search():
    from lrp.base.dates import PartialDate, search_words

    day = search_words(PartialDate(2021, 8, 11), None, "lv").split(" ")
    assert {"2021-08-11", "11.08.2021", "augusts", "2021"} <= set(day) and "11." in day
    assert "11 August" in search_words(PartialDate(2021, 8, 11), None, "en")
    assert "August 2021" in search_words(PartialDate(2021, 8, 11), None, "en")
    span = search_words(PartialDate(2020, 10), PartialDate(2021, 7), "lv")
    assert "oktobris 2020" in span and "jūlijs 2021" in span and "2020-10" in span and "07.2021" in span
    assert search_words(PartialDate(2021), PartialDate(2023), "en") == "2021 2023"
