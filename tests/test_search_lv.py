"""Search that understands Latvian (overrides/assets/lrp-stem.js, lrp-search.js, lrp/search.html):
the stemmer on its own, the evaluation set (tests/search_eval.yml) through the site's own search
page in Chromium, and the page as visitors use it: the query in the address, the result's type,
date and marked summary, the type filter, the count announced, and the page without script."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

import pytest
import yaml
from conftest import REPO, require_chromium, static_server

STEMMER = REPO / "overrides" / "assets" / "lrp-stem.js"
EVAL = yaml.safe_load((REPO / "tests" / "search_eval.yml").read_text(encoding="utf-8"))

pytestmark = pytest.mark.browser


def fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c)).lower()


# ---- the stemmer, in the browser that runs it ----------------------------------------------------


@pytest.fixture(scope="module")
def stemmer(browser):
    require_chromium()
    page = browser.new_page()
    page.set_content('<!doctype html><html lang="lv"><head></head><body></body></html>')
    page.add_script_tag(content=STEMMER.read_text(encoding="utf-8"))

    def call(name: str, *args, each: list | None = None):
        """The stemmer's function ``name`` on ``args``, or on every item of the list ``each`` in one
        call to the browser (a call costs a few milliseconds)."""
        if each is not None:
            return page.evaluate(f"(items) => items.map((item) => window.lrpStemmers.lv.{name}(item))", each)
        return page.evaluate(f"(args) => window.lrpStemmers.lv.{name}(...args)", list(args))

    yield call
    page.close()


@pytest.mark.parametrize(
    "forms",
    [
        # every case of a noun meets in one stem
        [
            "seminārs",
            "semināra",
            "semināram",
            "semināru",
            "seminārā",
            "semināri",
            "semināriem",
            "seminārus",
            "semināros",
        ],
        ["izdevums", "izdevuma", "izdevumu", "izdevumā", "izdevumi", "izdevumiem"],
        ["pašvaldība", "pašvaldības", "pašvaldībai", "pašvaldību", "pašvaldībā", "pašvaldībām", "pašvaldībās"],
        ["prakse", "prakses", "praksei", "praksi", "praksē", "praksēm"],
        ["mediācija", "mediācijas", "mediācijai", "mediāciju", "mediācijā"],
        # names and places
        ["Lietuva", "Lietuvas", "Lietuvai", "Lietuvu", "Lietuvā"],
        ["Ventspils", "Ventspilij", "Ventspili", "Ventspilī"],
        ["Viļaka", "Viļakas", "Viļakai", "Viļaku", "Viļakā"],
        ["Jelgava", "Jelgavas", "Jelgavā"],
        ["Talsi", "Talsu", "Talsiem", "Talsos"],
        ["Rudevičs", "Rudeviča", "Rudevičam", "Rudeviču"],
        # adjectives and participles, definite and not
        ["ikgadējā", "ikgadējās", "ikgadējais", "ikgadējo", "ikgadējiem", "ikgadējām"],
        ["plānots", "plānoti", "plānotie", "plānotajiem", "plānotajām", "plānot"],
        ["etnisks", "etniskie", "etniskajiem", "etniskos"],
        # alternations of the stem's last consonant: t/š, d/ž, k/c, g/dz, n/ņ, l/ļ, c/č, m/mj, p/pj, b/bj, v/vj
        ["sieviete", "sievietes", "sievietēm", "sieviešu"],
        ["jaunietis", "jaunieša", "jaunieši", "jauniešiem", "jauniešu"],
        ["latvietis", "latvieši", "latviešu"],
        ["olimpiāde", "olimpiādes", "olimpiāžu"],
        ["dzejnieks", "dzejnieka", "dzejniece", "dzejnieces"],
        ["pedagogs", "pedagoga", "pedagoģe", "pedagodze"],
        ["ģimene", "ģimenes", "ģimeņu"],
        ["brālis", "brāļa", "brāļu"],
        ["tēvocis", "tēvoča", "tēvoču"],
        ["sanāksme", "sanāksmes", "sanāksmē", "sanāksmēm", "sanāksmju"],
        ["ziepes", "ziepju"],
        ["gulbis", "gulbju"],
        ["dzērve", "dzērves", "dzērvju"],
        # nouns made of verbs, and the verbs
        ["popularizēšana", "popularizēšanas", "popularizēšanai", "popularizēt"],
        ["apspriest", "apspriests", "apspriestas", "apspriesti"],
    ],
)
def test_the_forms_of_a_word_meet_in_one_stem(stemmer, forms):
    stems = {form: stemmer("stem", form) for form in forms}
    assert len(set(stems.values())) == 1, stems


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("Seminārā", "seminar"),  # folded as Pagefind's index is
        ("VIĻAKĀ", "vilak"),
        ("romu", "romu"),  # a short word stays whole: "rom" would begin every "romantisks"
        ("romi", "romi"),
        ("dati", "dati"),
        ("datiem", "dati"),  # a shorter ending where the longer leaves too little
        ("Rīga", "riga"),
        ("Rīgā", "riga"),
        ("tikšanās", "tiksan"),
        ("palīgs", "palig"),  # "pali" would be too short to cut g/dz from
        ("ERIAC", "eriac"),  # no ending: as typed
        ("2021", "2021"),
        ("12b", "12b"),
    ],
)
def test_stems(stemmer, word, stem):
    assert stemmer("stem", word) == stem


@pytest.mark.parametrize(
    ("query", "word", "relation"),
    [
        # a noun's cases are its kin, also where an ending could be read after a letter of the stem
        ("skolotājs", "skolotajiem", "kin"),
        ("sieviešu", "sievietem", "kin"),
        ("Rīgas", "riga", "kin"),
        ("datiem", "dati", "kin"),
        # a -šana noun, a participle and an infinitive of one verb: the stem only, not kin
        ("plānošana", "planosanai", "kin"),
        ("plānošana", "planots", "stem"),
        ("plānošana", "planot", "stem"),
        ("veicināt", "veicinasana", "stem"),
        ("plānots", "planotajiem", "kin"),
        # words of another stem that begin alike: unrelated
        ("plāns", "planots", None),
        ("tiesa", "tiesibam", None),
        ("tiesības", "tiesibsarga", None),
    ],
)
def test_a_word_is_related_to_its_family_by_stem_and_kind_of_ending(stemmer, query, word, relation):
    assert stemmer("related", query, word) == relation


def test_queries_are_stemmed_word_by_word(stemmer):
    assert stemmer("stemQuery", "Romu sieviešu seminārs Lietuvā") == "romu sievie seminar lietuv"
    assert (
        stemmer("stemQuery", "anti-čigānisma  pasākumi") == "anticiganism pasakum"
    )  # punctuation as Pagefind drops it
    assert stemmer("stemQuery", "romu") is None  # nothing to add to the search as typed
    assert stemmer("stemQuery", "2021") is None
    assert stemmer("stemQuery", '"seminārs Lietuvā"') is None  # an exact phrase is searched as written
    assert stemmer("words", "Viļakā, Ventspilī!") == ["vilaka", "ventspili"]


def test_every_stem_begins_its_word(stemmer):
    """So that the stems find every page the words as typed find: tried on every word of the
    real content and the fixtures."""
    text = " ".join(
        path.read_text(encoding="utf-8")
        for folder in ("events", "docs", "publications", "stories", "tests/fixtures/site")
        for path in sorted((REPO / folder).rglob("*.lv.md"))
    )
    words = sorted({word for word in re.findall(r"[^\W\d_]+", text)})
    assert len(words) > 1000
    stems = stemmer("words", " ".join(words))
    stemmed = stemmer("stem", each=words)
    wrong = [
        (word, stem) for word, folded, stem in zip(words, stems, stemmed, strict=True) if not folded.startswith(stem)
    ]
    assert wrong == []


# ---- the evaluation set, on the site's own search page ------------------------------------------


@pytest.fixture(scope="module")
def sites(real_site, fixture_site):
    with static_server(real_site) as real, static_server(fixture_site) as fixture:
        yield {"real": real, "fixture": fixture}


def make_searcher(browser, sites):
    """``search(site, query)``: the addresses of the results, in order, as the search page shows
    them after a visitor types the query and presses Enter: every result (more are asked for until
    none is left), or with ``first=n`` at least the first n (the page shows ten at a time)."""
    require_chromium()
    context = browser.new_context()
    pages = {}

    def search(site: str, query: str, url: str = "meklet/", first: int | None = None) -> list[str]:
        if (site, url) not in pages:
            pages[site, url] = context.new_page()
            pages[site, url].goto(sites[site] + url)
        page = pages[site, url]
        page.get_by_role("searchbox", name=re.compile("Meklēt|Search")).last.fill(query)
        page.get_by_role("searchbox", name=re.compile("Meklēt|Search")).last.press("Enter")
        finished(page, query)
        more, shown = page.locator("[data-lrp-search-more]"), page.locator(".lrp-search__results > li")
        while more.is_visible() and (first is None or shown.count() < first):
            count = shown.count()
            more.click()
            page.wait_for_function("n => document.querySelectorAll('.lrp-search__results > li').length > n", arg=count)
        return page.locator(".lrp-search__title a").evaluate_all("links => links.map((a) => a.getAttribute('href'))")

    return search, context


@pytest.fixture(scope="module")
def searcher(browser, sites):
    search, context = make_searcher(browser, sites)
    yield search
    context.close()


def recall(search) -> tuple[float, list[str]]:
    found, missed = 0, []
    for case in EVAL["recall"]:
        first_ten = search(case["site"], case["query"], first=10)[:10]
        for url in case["expect"]:
            if url in first_ten:
                found += 1
            else:
                missed.append(f"{case['site']}: {case['query']!r} misses {url} (first ten: {first_ten})")
    return found / (found + len(missed)), missed


def finished(page, query: str) -> None:
    page.wait_for_function(
        "q => { const l = document.querySelector('[data-lrp-search-results]'); return l.dataset.query === q && l.getAttribute('aria-busy') === 'false'; }",
        arg=query,
    )


def test_recall_on_the_evaluation_set(searcher):
    """The set asks for other forms of the words than the pages use (test_the_evaluation_set_is_
    written_from_the_content): Pagefind alone, without the stemmer, found 47 % of the expected
    pages when the set was written (commit a448599). That test reads whole words only, not the
    beginnings of words that Pagefind also matches: a set that became easy for Pagefind alone
    would no longer be seen here (the second run that measured it took 17 s of make test)."""
    measured, missed = recall(searcher)
    total = sum(len(case["expect"]) for case in EVAL["recall"])
    print(
        f"\nLatvian search recall: {measured:.1%} of {total} expected pages among the first ten ({len(EVAL['recall'])} queries)"
    )
    for line in missed:
        print("  " + line)
    assert len(EVAL["recall"]) >= 60
    assert measured >= 0.95


def test_precision_on_the_evaluation_set(searcher):
    wrong = []
    for case in EVAL["precision"]:
        first_five = searcher(case["site"], case["query"], first=5)[:5]
        assert first_five, case
        unrelated = [url for url in first_five if url in case["never"]]
        if unrelated:
            wrong.append(f"{case['site']}: {case['query']!r} brings {unrelated} into the first five")
    for line in wrong:
        print("  " + line)
    kept = len(EVAL["precision"]) - len(wrong)
    print(
        f"\nLatvian search precision: {kept} of {len(EVAL['precision'])} queries keep unrelated pages out of the first five"
    )
    assert wrong == []


def forgiving_search(page, query: str) -> tuple[list[str], bool]:
    """The first ten results' addresses and whether they are only what a shorter beginning of
    the words matched (shown under the notice that says so)."""
    box = page.get_by_role("searchbox", name=re.compile("Meklēt|Search")).last
    box.fill(query)
    box.press("Enter")
    finished(page, query)
    more, shown = page.locator("[data-lrp-search-more]"), page.locator(".lrp-search__results > li")
    while more.is_visible() and shown.count() < 10:
        count = shown.count()
        more.click()
        page.wait_for_function("n => document.querySelectorAll('.lrp-search__results > li').length > n", arg=count)
    urls = page.locator(".lrp-search__title a").evaluate_all("links => links.map((a) => a.getAttribute('href'))")
    return urls[:10], page.locator("[data-lrp-search-results]").get_attribute("data-partial") == "true"


def test_search_forgives_typos_dates_kindred_words_and_the_other_language(browser, sites):
    """Issue 25's classes (tests/search_eval.yml, forgiving): per class the share of expected pages
    among the first ten, the mean reciprocal rank of the first expected page, and the junk rate
    (queries that must find nothing but show results as found, or show a page named `never`)."""
    cases = EVAL["forgiving"]
    assert len(cases) >= 40 and {case["class"] for case in cases} == {
        "typo",
        "junk",
        "stem",
        "other",
        "date",
        "kindred",
    }
    context = browser.new_context()
    pages = {lang: context.new_page() for lang in ("lv", "en")}
    pages["lv"].goto(sites["real"] + "meklet/")
    pages["en"].goto(sites["real"] + "en/search/")
    report, missed, junk = {}, [], []
    for case in cases:
        urls, partial = forgiving_search(pages[case["lang"]], case["query"])
        row = report.setdefault(case["class"], {"expected": 0, "found": 0, "ranks": [], "queries": 0, "junk": 0})
        row["queries"] += 1
        wrong = (case.get("nothing") and urls and not partial) or any(url in urls for url in case.get("never", []))
        if wrong:
            row["junk"] += 1
            junk.append(f"{case['lang']}: {case['query']!r} shows {urls}{' (partial)' if partial else ''}")
        expected = case.get("expect", [])
        row["expected"] += len(expected)
        row["found"] += sum(url in urls for url in expected)
        missed += [
            f"{case['lang']}: {case['query']!r} misses {url} (first ten: {urls})" for url in expected if url not in urls
        ]
        if expected:
            ranks = [urls.index(url) + 1 for url in expected if url in urls]
            row["ranks"].append(1 / min(ranks) if ranks else 0)
    context.close()
    print("\nSearch that forgives, per class: recall (first ten), MRR, junk rate")
    for name, row in report.items():
        recall = row["found"] / row["expected"] if row["expected"] else 1
        mrr = sum(row["ranks"]) / len(row["ranks"]) if row["ranks"] else 1
        print(
            f"  {name:8} {row['queries']:3} queries  recall {recall:6.1%}  MRR {mrr:.2f}  junk {row['junk'] / row['queries']:6.1%}"
        )
    for line in missed + junk:
        print("  " + line)
    total = sum(row["expected"] for row in report.values())
    found = sum(row["found"] for row in report.values())
    assert found / total >= 0.95, missed
    assert junk == []


def test_the_evaluation_set_is_written_from_the_content(real_site, fixture_site):
    """Every page named exists, and no query is written as its expected pages have it (in the
    text that search reads), unless it is the word's dictionary form."""
    content = {}
    for site, built in (("real", real_site), ("fixture", fixture_site)):
        for fragment in fragments(built, "lv"):
            content[site, fragment["url"]] = fragment["content"].lower()
    for case in EVAL["recall"] + EVAL["precision"]:
        for url in case.get("expect", []) + case.get("never", []):
            assert (case["site"], url) in content, (case["query"], url)
    for case in EVAL["recall"]:
        words = case["query"].lower().split()
        same = [
            url
            for url in case["expect"]
            if all(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", content[case["site"], url]) for w in words)
        ]
        assert case.get("dictionary") or len(same) < len(case["expect"]), case["query"]


def fragments(site, lang: str) -> list[dict]:
    """What Pagefind keeps of each page of a language (its fragment files)."""
    import gzip
    import json

    return [
        json.loads(gzip.decompress(path.read_bytes())[12:])
        for path in (site / "pagefind" / "fragment").glob(f"{lang}_*")
    ]


def test_a_phase_page_is_not_a_result_for_the_activities_its_chart_names(real_site):
    """The chart and the list of a phase's activities on its page name every activity: those
    have pages of their own, so the phase's page is searched for its own text only."""
    by_url = {fragment["url"]: fragment for fragment in fragments(real_site, "lv")}
    phase = by_url["/platforma-vi/"]["content"]
    html = (real_site / "platforma-vi" / "index.html").read_text(encoding="utf-8")
    titles = re.findall(
        r'<a class="lrp-chart__mark[^"]*" href="[^"]*" data-key="[^"]*">\s*<span class="lrp-chart__label">([^<]+)<',
        html,
    )
    assert titles, "the phase's page draws its activities"
    assert not [title for title in titles if title in phase]


# ---- the search page -------------------------------------------------------------------------


def test_exact_words_come_first(searcher):
    # "Lietuvas" is written so on one page only (as "Lietuvas un Igaunijas"); the pages about
    # Lithuania say "Lietuvā" in their titles, and come after it.
    results = searcher("real", "Lietuvas")
    assert results[0] == "/pasakumi/tiksanas-ar-eriac/"
    assert {"/pasakumi/romu-jauniesu-atbalsta-pasakums-lietuva/", "/pasakumi/romu-sieviesu-seminars-lietuva/"} <= set(
        results[1:]
    )


@pytest.mark.parametrize("query", ["capacity", "women"])
def test_few_results_bring_the_other_languages_pages_marked(browser, sites, query):
    """An English word on the Latvian site that one or two Latvian pages have (in their English
    title): the English pages that have it come too, after them, each at its Latvian page and
    marked as found in English; no page twice."""
    page = browser.new_page()
    page.goto(sites["real"] + "meklet/?q=" + quote(query))
    finished(page, query)
    items = page.locator(".lrp-search__results > li")
    own = items.locator(":scope:not([data-lrp-other])")
    other = items.locator(":scope[data-lrp-other=en]")
    assert 1 <= own.count() <= 2 and other.count() >= 1
    links = items.locator(".lrp-search__title a").evaluate_all("ls => ls.map((a) => a.getAttribute('href'))")
    assert len(links) == len(set(links)) and not [link for link in links if link.startswith("/en/")]
    marked = [item.get_attribute("data-lrp-other") for item in items.all()]
    assert marked == [None] * own.count() + ["en"] * other.count()  # the own pages first
    for item in other.all():
        assert item.locator(".lrp-search__other").inner_text() == "Atrasts angliski"
    assert own.locator(".lrp-search__other").count() == 0
    page.close()


def test_english_is_searched_as_typed_with_pagefinds_stemming(browser, sites):
    page = browser.new_page()
    page.goto(sites["real"] + "en/search/?q=" + quote("mediators municipalities"))
    finished(page, "mediators municipalities")
    shown = page.locator(".lrp-search__title a").evaluate_all("links => links.map((a) => a.getAttribute('href'))")
    direct = page.evaluate(
        """async (query) => {
          const bundle = new URL(document.querySelector("[data-lrp-search]").dataset.bundle, location.href);
          const pagefind = await import(bundle.href);
          const search = await pagefind.search(query);
          return Promise.all(search.results.map(async (r) => (await r.data()).url));
        }""",
        "mediators municipalities",
    )
    assert shown == direct[:10] and "/en/events/romu-mediacijas-prakse-pasvaldibas/" in shown
    assert page.evaluate("() => Object.keys(window.lrpStemmers)") == ["lv"]
    page.close()


def test_the_query_lives_in_the_address(browser, sites):
    page = browser.new_page()
    page.goto(sites["real"] + "meklet/")
    box = page.get_by_role("searchbox", name="Meklēt vietnē").last
    box.fill("Lietuvā")
    box.press("Enter")
    finished(page, "Lietuvā")
    assert parse_qs(urlsplit(page.url).query) == {"q": ["Lietuvā"]}
    first = page.locator(".lrp-search__title a").all_inner_texts()
    box.fill("seminārs")
    box.press("Enter")
    finished(page, "seminārs")
    page.reload()  # a reload (or a shared address) shows the same search
    finished(page, "seminārs")
    assert box.input_value() == "seminārs" and page.locator(".lrp-search__results > li").count() == 10
    page.go_back()  # and the previous search is one step back
    finished(page, "Lietuvā")
    assert box.input_value() == "Lietuvā" and page.locator(".lrp-search__title a").all_inner_texts() == first
    page.close()


def test_a_result_shows_type_date_and_summary_with_the_words_marked(browser, sites):
    page = browser.new_page()
    page.goto(sites["fixture"] + "meklet/?q=" + quote("semināri"))
    finished(page, "semināri")
    result = page.locator(".lrp-search__results > li").filter(has=page.get_by_role("link", name="Izdomāts seminārs"))
    assert result.locator(".lrp-search__type").inner_text() == "Pasākums · 2021. gada 24. septembris"
    summary = result.locator(".lrp-search__summary")
    assert summary.inner_text() == "Dienas precizitātes seminārs testiem."
    assert summary.locator("mark").all_inner_texts() == ["seminārs"]  # another form than typed: the stem's match
    book = page.locator(".lrp-search__results > li").filter(has=page.get_by_role("link", name="Izdomātā grāmata"))
    assert book.locator(".lrp-search__type").inner_text() == "Izdevums · 2021. gada 24. septembris"
    # Where the summary lacks the word, the passage of the page that has it, marked by Pagefind.
    page.goto(sites["fixture"] + "meklet/?q=" + quote("zaķēnu"))
    finished(page, "zaķēnu")
    month = page.locator(".lrp-search__results > li").first
    assert month.locator(".lrp-search__type").inner_text() == "Pasākums · 2021. g. oktobris"
    assert month.locator(".lrp-search__summary mark").count() == 0
    assert month.locator(".lrp-search__excerpt mark").all_inner_texts() == ["zaķēns"]
    # A page of the site has no date, only its type.
    page.goto(sites["fixture"] + "meklet/?q=" + quote("vietnē"))
    finished(page, "vietnē")
    assert page.locator(".lrp-search__results > li").first.locator(".lrp-search__type").inner_text() == "Lapa"
    page.close()


def test_markup_in_a_page_is_shown_as_text_in_its_result(browser, tmp_path):
    from conftest import build_site, write_site

    event = (
        "---\ntitle: Zīmes <b>un</b> &amp;\nsummary: 'Kopsavilkums <img src=x> ar zīmēm & <i>citu</i>.'\n"
        "date: 2021-01-05\nkind: meeting\nplaces: [riga]\nproject: platforma-v\n---\nTeksts ar `<script>` zīmēm.\n"
    )
    site = build_site(write_site(tmp_path, {"events/signs.lv.md": event}, base=None))
    with static_server(site) as base:
        page = browser.new_page()
        page.goto(base + "meklet/?q=" + quote("zīmēm"))
        finished(page, "zīmēm")
        result = page.locator(".lrp-search__results > li").first
        assert result.locator(".lrp-search__title").inner_text() == "Zīmes <b>un</b> &amp;"
        assert result.locator(".lrp-search__summary").inner_text() == "Kopsavilkums <img src=x> ar zīmēm & <i>citu</i>."
        assert result.locator("img, b, i, script").count() == 0
        page.close()


def test_filter_by_type(browser, sites):
    page = browser.new_page()
    page.goto(sites["real"] + "meklet/?q=" + quote("izdevums"))
    finished(page, "izdevums")
    types = page.get_by_role("group", name="Veids")
    assert types.get_by_role("radio").evaluate_all(
        "rs => rs.map((r) => r.labels[0].textContent.replace(/\\s+/g, ' ').trim())"
    ) == [
        "Visi (6)",
        "Pasākumi (2)",
        "Izdevumi (1)",
        "Lapas (3)",
    ]
    types.get_by_role("radio", name=re.compile("^Izdevumi")).check()
    finished(page, "izdevums")
    assert page.locator(".lrp-search__title a").evaluate_all("ls => ls.map((a) => a.getAttribute('href'))") == [
        "/izdevumi/sando-rudevics-saules-zakens/"
    ]
    assert page.get_by_role("status").inner_text() == "Atrasto rezultātu skaits: 1"
    assert parse_qs(urlsplit(page.url).query) == {"q": ["izdevums"], "type": ["publications"]}
    page.reload()  # the type is kept in the address too
    finished(page, "izdevums")
    assert types.get_by_role("radio", name=re.compile("^Izdevumi")).is_checked()
    assert page.locator(".lrp-search__results > li").count() == 1
    types.get_by_role("radio", name=re.compile("^Lapas")).check()
    finished(page, "izdevums")
    assert set(page.locator(".lrp-search__title a").evaluate_all("ls => ls.map((a) => a.getAttribute('href'))")) == {
        "/",
        "/platforma-v/",
        "/redaktoriem/",
    }
    types.get_by_role("radio", name=re.compile("^Visi")).check()
    finished(page, "izdevums")
    assert "type" not in parse_qs(urlsplit(page.url).query)
    page.close()


def test_the_count_is_announced(browser, sites):
    page = browser.new_page()
    page.goto(sites["real"] + "meklet/?q=" + quote("Viļakā"))
    finished(page, "Viļakā")
    status = page.get_by_role("status")
    assert status.get_attribute("aria-live") == "polite"
    assert status.inner_text() == f"Atrasto rezultātu skaits: {page.locator('.lrp-search__results > li').count()}"
    page.get_by_role("searchbox", name="Meklēt vietnē").last.fill("qqqzzz")
    page.get_by_role("searchbox", name="Meklēt vietnē").last.press("Enter")
    finished(page, "qqqzzz")
    assert status.inner_text() == "Nekas netika atrasts."
    page.goto(sites["real"] + "en/search/?q=Lithuania")
    finished(page, "Lithuania")
    assert re.fullmatch(r"Results found: \d+", page.get_by_role("status").inner_text())
    page.close()


@pytest.mark.parametrize(
    ("url", "message"),
    [("meklet/?q=semin%C4%81rs", "Meklēšanai nepieciešams JavaScript"), ("en/search/", "Search needs JavaScript")],
)
def test_without_script_the_page_says_so_and_leads_to_the_timeline(browser, sites, real_site, url, message):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(sites["real"] + url)
    notice = page.locator(".lrp-search__noscript")
    assert message in notice.inner_text()
    links = notice.get_by_role("link").evaluate_all("ls => ls.map((a) => a.getAttribute('href'))")
    assert any("/kind/seminar/" in link for link in links) and any("/project/platforma-vi/" in link for link in links)
    for link in links:  # each a page of the site
        target = urlsplit(page.url)._replace(query="").geturl()
        path = urlsplit(page.evaluate("([l, b]) => new URL(l, b).pathname", [link, target])).path
        assert (real_site / path.strip("/") / "index.html").is_file(), link
    assert page.locator("[data-lrp-search-types]").is_hidden()  # a filter that only script can use
    context.close()


def test_search_page_needs_no_inline_script(real_site):
    html = (real_site / "meklet" / "index.html").read_text(encoding="utf-8")
    scripts = re.findall(r"<script\b[^>]*>", html)
    assert any("assets/lrp-stem.js" in tag for tag in scripts) and any("assets/lrp-search.js" in tag for tag in scripts)
    assert all(" src=" in tag for tag in scripts)
    assert not re.search(r"\son[a-z]+=|\sstyle=", html)


def test_the_index_knows_each_items_type_and_date(real_site):
    by_url = {fragment["url"]: fragment for fragment in fragments(real_site, "lv")}
    assert by_url["/izdevumi/sando-rudevics-saules-zakens/"]["filters"] == {"type": ["publications"]}
    assert by_url["/izdevumi/sando-rudevics-saules-zakens/"]["meta"]["date"] == "2021. gada 12. augusts"
    assert by_url["/pasakumi/koordinacijas-sanaksme-2021/"]["filters"] == {"type": ["events"]}
    assert by_url["/pieejamiba/"]["filters"] == {"type": ["pages"]} and "date" not in by_url["/pieejamiba/"]["meta"]
    assert by_url["/"]["filters"] == {"type": ["pages"]}
    assert {fragment["filters"]["type"][0] for fragment in by_url.values()} == {"events", "publications", "pages"}


# ---- the index cut into smaller chunks (hooks/pagefind_engine.py: rechunk) ---------------------------------


def bundle_of(tmp_path, pages: int, cut: bool = True) -> Path:
    """A Latvian bundle of ``pages`` pages, each with common words; one names a rare person."""
    import random

    import pagefind_engine as search

    words = "romu kopiena sadarbība seminārs mācības jauniešiem sievietēm pašvaldībā Rīgā Viļakā pieredze".split()
    indexer = search.Indexer(cut=cut)
    for n in range(pages):
        shuffle = random.Random(n)  # words at other places on each page, as in real text
        text = " ".join(shuffle.choice(words) for _ in range(80)) + (" Sando Rudevičs dzejnieks." if n == 7 else "")
        indexer.add(PAGE.format(title=f"Pasākums {n}", text=text), f"/pasakumi/p{n}/")
    output = tmp_path / ("cut" if cut else "whole") / "pagefind"
    indexer.finish(output)
    return output


PAGE = '<!doctype html><html lang="lv"><head></head><body><main data-pagefind-body><h1>{title}</h1><p>{text}</p></main></body></html>'


def chunks_of(bundle: Path) -> list[list[str]]:
    """The language's chunks as [from, to, name], from its metadata."""
    import json

    import pagefind_engine as search

    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    return search._decode(search._read(bundle / f"pagefind.{entry['languages']['lv']['hash']}.pf_meta"))[2]


def words_of(bundle: Path, name: str) -> list[str]:
    import pagefind_engine as search

    return [word for word, _ in search._entries(search._read(bundle / "index" / f"{name}.pf_index"))]


def test_a_rare_word_comes_in_a_small_chunk(tmp_path):
    whole, cut = bundle_of(tmp_path, 1500, cut=False), bundle_of(tmp_path, 1500)
    assert len(chunks_of(cut)) > len(chunks_of(whole))

    def chunk_with(bundle, word):
        (name,) = [name for _, _, name in chunks_of(bundle) if word in words_of(bundle, name)]
        return (bundle / "index" / f"{name}.pf_index").stat().st_size

    # Pagefind puts the name with the common words that follow it, which it counts for nothing
    # as they have diacritics; cut, it comes with the few rare words near it.
    assert chunk_with(whole, "rudevics") > 4 * chunk_with(cut, "rudevics")
    assert chunk_with(cut, "rudevics") < 2_000
    # Every word is kept, in order, once; the bundle names only files that are there.
    all_words = [word for _, _, name in chunks_of(cut) for word in words_of(cut, name)]
    assert all_words == sorted(all_words) == [w for _, _, name in chunks_of(whole) for w in words_of(whole, name)]
    assert {path.name for path in (cut / "index").iterdir()} == {f"{name}.pf_index" for _, _, name in chunks_of(cut)}
    assert len(list(cut.glob("pagefind.*.pf_meta"))) == 1


def test_words_that_begin_alike_share_a_chunk(tmp_path):
    bundle = bundle_of(tmp_path, 1500)
    chunks = chunks_of(bundle)
    for (_, _, before), (_, _, after) in zip(chunks, chunks[1:], strict=False):
        last, first = words_of(bundle, before)[-1], words_of(bundle, after)[0]
        assert last[:4] != first[:4], (last, first)


def test_search_finds_the_same_in_the_cut_index(tmp_path, browser):
    whole, cut = bundle_of(tmp_path, 400, cut=False), bundle_of(tmp_path, 400)
    found = {}
    for bundle in (whole, cut):
        (bundle.parent / "index.html").write_text(
            '<!doctype html><html lang="lv"><title>t</title></html>', encoding="utf-8"
        )
        with static_server(bundle.parent) as base:
            page = browser.new_page()
            page.goto(base)
            found[bundle] = page.evaluate(
                """async (queries) => {
                  const pagefind = await import("./pagefind/pagefind.js");
                  const out = [];
                  for (const q of queries) {
                    const search = await pagefind.search(q);
                    out.push([q, search.results.length, search.results.slice(0, 5).map((r) => r.id)]);
                  }
                  return out;
                }""",
                ["romu", "rudevi", "rudevičs", "sievie", "semināri", "pasakums 17", "mācības romu", "jaunie", "7"],
            )
            page.close()
    assert found[cut] == found[whole]
    assert dict((q, n) for q, n, _ in found[cut])["rudevi"] == 1
