// Search with Pagefind's index of this language (it follows <html lang>).
//
// The query and the chosen type live in the address (?q=…&type=…): a search can be reloaded,
// shared and gone back to. The form works without script too: it reloads this page with ?q=…,
// which the script then answers; without script the page says that search needs it.
//
// Where lrp-stem.js has a stemmer for the page's language (Latvian), each query word is searched
// as the words of its family that the index holds (its stem and the kind of its ending: a noun's
// cases, not its verb's participles), found in the index's word list: the forms closest to the
// word as typed first, and their pages in that order (the typed word's own pages first where
// the index holds it), each page once. Other languages (English) are searched as typed, with
// Pagefind's own stemming.
(() => {
  "use strict";
  const form = document.querySelector("[data-lrp-search]");
  if (!form) return;
  const input = form.querySelector("input[name=q]");
  const types = form.querySelector("[data-lrp-search-types]");
  const status = document.querySelector("[data-lrp-search-status]");
  const list = document.querySelector("[data-lrp-search-results]");
  const more = document.querySelector("[data-lrp-search-more]");
  const empty = document.querySelector("[data-lrp-search-empty]");
  const bundle = new URL(form.dataset.bundle, window.location.href);
  const stemmer = (window.lrpStemmers || {})[document.documentElement.lang] || null;
  const PAGE = 10; // results fetched at a time: each one is a small download of its own
  // The other languages are searched where this one finds fewer pages than this, unless every
  // query word is this language's own (isOwn): searching them costs a first search about
  // 100–190 KB at N = 2000 (a second Pagefind instance, their metadata and a chunk of their index),
  // which the first-search budget of a rare word (150 KB, benchmarks/run.py) cannot also hold.
  const FEW = 3;
  const FORMS = 20; // the words of a query word's family searched, at most
  const VARIANTS = 24; // the combinations of a query's words' forms searched, at most
  const WORD = /[\p{L}\p{N}]+/gu;
  let pagefind = null;
  let pending = [];
  let terms = [];
  let latest = 0; // the number of the latest search: an older one that ends later is dropped

  const fold = (text) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

  async function load() {
    if (!pagefind) {
      pagefind = await import(bundle.href);
      // Result addresses are relative to the site's own path, also under a sub-path (GitHub project sites).
      await pagefind.options({ baseUrl: new URL("../", bundle).pathname });
      // The type filter's index (one small file), so that each search counts its results by type.
      await pagefind.filters();
    }
    return pagefind;
  }

  // ---- what the index holds (lrp-words.<language>.json, written by hooks/pagefind_engine.py) ----

  const kindred = JSON.parse(form.dataset.kindred || "{}");
  const others = (form.dataset.others || "").split(" ").filter(Boolean);
  const root = new URL("../", bundle);
  let wordList = null;
  const listed = new Set(); // words known to be in the index as they are (from its word list)
  const known = new Set(); // query words whose family the index holds (see familyOf)
  // What Pagefind's English stemmer strips: an English query word is held where the index holds
  // a word that begins with it, or the word's stem followed by these endings.
  const ENGLISH_REST = /^(?:e|s|es|ies|ied|ed|ing|ings|ly|y|er|ers|or|ors|al|ally|ality|alities|ation|ations|ational|ate|ates|ated|iti|ity|ities|ive|ives|ion|ions|ism|ist|ists|ness|ment|ments|ous|ful|ance|ence|ant|ent|able|ible|ize|izes|ized|ise|ises|ised)+$/;

  /** The index's words of this page's language, [[word, pages, written form?], …], in order:
      fetched once, the first time a query word's family is looked for (most Latvian words) or a
      word may have no match. */
  function indexWords() {
    if (!wordList) {
      wordList = fetch(form.dataset.words)
        .then((response) => (response.ok ? response.json() : []))
        .catch(() => []);
    }
    return wordList;
  }

  function lowerBound(list, word) {
    let low = 0;
    let high = list.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (list[middle][0] < word) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Whether the index holds a word that ``term`` begins (as Pagefind matches it, without falling
      back to a shorter beginning). */
  async function held(term) {
    const list = await indexWords();
    if (!list.length) return true; // no word list (not written, not fetched): nothing is judged junk
    const next = list[lowerBound(list, term)];
    if (next && next[0].startsWith(term)) return true;
    if (stemmer || !/^[a-z]+$/.test(term)) return false;
    for (let cut = term.length - 1; cut >= 3; cut--) {
      const stem = list[lowerBound(list, term.slice(0, cut))];
      if (stem && stem[0] === term.slice(0, cut)) return ENGLISH_REST.test(term.slice(cut));
    }
    return false;
  }

  /** Restricted Damerau-Levenshtein distance, or limit + 1 once it is certainly above ``limit``. */
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    let before = null;
    let row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const next = [i];
      let least = i;
      for (let j = 1; j <= b.length; j++) {
        const cost = a[i - 1] === b[j - 1] ? 0 : 1;
        let value = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + cost);
        if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2] + 1);
        next.push(value);
        least = Math.min(least, value);
      }
      if (least > limit) return limit + 1;
      before = row;
      row = next;
    }
    return row[b.length];
  }

  /** The index's word nearest to ``word`` (one edit, two for words of eight letters or more; a
      swap of two letters is one), the one on most pages among equals; null where none is. */
  async function nearest(word) {
    if (word.length < 4 || !/^\p{L}+$/u.test(word)) return null; // numbers and short words: no guess
    const limit = word.length >= 8 ? 2 : 1;
    // English words are indexed by their stems: the word is also compared without its ending.
    const forms = [word];
    for (let cut = word.length - 1; !stemmer && cut >= 4; cut--) if (ENGLISH_REST.test(word.slice(cut))) forms.push(word.slice(0, cut));
    let best = null;
    for (const [candidate, pages, written] of await indexWords()) {
      if (!/^\p{L}+$/u.test(candidate)) continue;
      const edits = Math.min(...forms.map((form) => distance(form, candidate, limit)));
      if (edits <= limit && (!best || edits < best.edits || (edits === best.edits && pages > best.pages))) {
        best = { word: candidate, written: written || candidate, edits, pages };
      }
    }
    return best;
  }

  // ---- one search: its variants, the junk left out, the other language -------------------------

  const split = (query) => (stemmer ? stemmer.words(query) : (query.match(WORD) || []).map(fold));
  const family = (word) => (stemmer ? stemmer.stem(word) : fold(word));

  /** Pagefind's results for ``terms`` and the terms no word of the index begins with (those
      Pagefind matched by a shorter beginning: their results are junk). */
  async function attempt(engine, terms, options) {
    const search = await engine.search(terms.join(" "), options);
    const missing = [];
    let text = [];
    if (terms.every((term) => listed.has(term))) return { search, missing };
    if (search.results.length) {
      const first = await search.results[0].data();
      text = fold(`${first.meta.title || ""} ${first.content || ""}`).match(WORD) || [];
    }
    for (const term of terms) {
      if (!text.some((word) => word.startsWith(term)) && !(await held(term))) missing.push(term);
    }
    return { search, missing };
  }

  /** The index's words of the family of a typed word (lrp-stem.js: related), closest to it
      first: [{word, edits}], the typed word itself first only where the index holds exactly it.
      A word of the same stem and kind of ending is of the family; where the index has none,
      the words of the same stem of another kind are (a verb finds its -šana noun). A word the
      stemmer leaves as it is, or whose stem the index lacks, is searched as typed. */
  async function familyOf(word) {
    const splits = stemmer.analyses(word);
    if (!splits.length || splits[0].stem === word) return [{ word, edits: 0 }];
    const list = await indexWords();
    const start = splits.map((split) => split.stem).reduce((a, b) => (b.length < a.length ? b : a));
    const stemmed = [];
    for (let i = lowerBound(list, start); i < list.length && list[i][0].startsWith(start); i++) {
      const [candidate, pages] = list[i];
      const relation = stemmer.related(word, candidate);
      if (relation) stemmed.push({ word: candidate, pages, kin: relation === "kin" });
    }
    const kin = stemmed.some((form) => form.kin) ? stemmed.filter((form) => form.kin) : stemmed;
    if (!kin.length) return [{ word, edits: 0 }];
    known.add(word);
    for (const form of kin) listed.add(form.word);
    return kin
      .map((form) => ({ ...form, edits: distance(word, form.word, 99) }))
      .sort((a, b) => a.edits - b.edits || b.pages - a.pages)
      .slice(0, FORMS);
  }

  /** The variants of a query to search, best first: as typed, and where a stemmer knows the
      language, each word replaced by the words of its family in the index, the combinations
      whose words are closest to the typed ones first (at most VARIANTS of them). */
  async function variants(typed, phrase) {
    if (!stemmer || phrase) return [typed];
    const families = await Promise.all(typed.map(familyOf));
    let combinations = [{ terms: [], edits: 0 }];
    for (const forms of families) {
      combinations = combinations.flatMap(({ terms, edits }) => forms.map((form) => ({ terms: [...terms, form.word], edits: edits + form.edits })));
    }
    return combinations
      .sort((a, b) => a.edits - b.edits) // stable: among equals, the first word's closest form first
      .slice(0, VARIANTS)
      .map(({ terms }) => terms);
  }

  /** Variants with each word replaced, in turn, by its kindred words (data/search/), each then
      searched as the typed query is (variants: every word as the words of its family). */
  async function kindredVariants(typed, phrase) {
    const list = [];
    if (phrase) return list;
    for (const [i, word] of typed.entries()) {
      for (const [key, values] of Object.entries(kindred)) {
        if (family(key) !== family(word)) continue;
        for (const value of values) list.push(...(await variants(typed.map((other, j) => (j === i ? fold(value) : other)), phrase)));
      }
    }
    return list;
  }

  /** Search every variant; the results of those with no junk, in the order of the variants, and
      the widest of their searches (its counts by type are shown). */
  async function searchAll(engine, lists, options) {
    const good = [];
    const seen = new Set();
    let first = null;
    let widest = null;
    for (const terms of lists) {
      const found = await attempt(engine, terms, options);
      first = first || found;
      if (found.missing.length) continue;
      if (!widest || found.search.unfilteredResultCount > widest.unfilteredResultCount) widest = found.search;
      for (const result of found.search.results) {
        if (!seen.has(result.id)) {
          seen.add(result.id);
          good.push(result);
        }
      }
    }
    return { good, first, widest };
  }

  /** Up to ``wanted`` pages of the other languages for the query (each language's own Pagefind
      instance on the same bundle), each shown at its translation in this page's language where
      there is one. One search per language (by the stems where lrp-stem.js knows the language:
      they begin the forms as typed too), and only the fragments of the pages taken are fetched:
      where the first lacks a query word, Pagefind matched a shorter beginning, and none is. */
  async function otherLanguages(query, options, shown, wanted) {
    const found = [];
    for (const code of others) {
      if (found.length >= wanted) break;
      const engine = await otherEngine(code);
      const theirs = (window.lrpStemmers || {})[code];
      const terms = theirs ? theirs.words(query).map(theirs.stem) : (query.match(WORD) || []).map(fold);
      const search = await engine.search(terms.join(" "), options);
      for (const result of search.results) {
        if (found.length >= wanted) break;
        const data = await result.data();
        const text = fold(`${data.meta.title || ""} ${data.content || ""}`).match(WORD) || [];
        const matched = terms.every((term) => text.some((word) => word.startsWith(term)));
        if (!matched && !found.length) break; // no junk
        const own = data.meta[`in_${document.documentElement.lang}`];
        const target = own === undefined ? new URL(data.url, root).pathname : new URL(own, root).pathname;
        if (!matched || data.meta.lang !== code || shown.has(target)) continue;
        shown.add(target);
        found.push({ result, other: code, data });
      }
    }
    return found;
  }

  const otherEngines = {};
  function otherEngine(code) {
    if (!otherEngines[code]) {
      otherEngines[code] = (async () => {
        // A module of its own (another address) whose index is the other language's: Pagefind
        // takes an instance's language (its index, and its stemmer) from <html lang> as it
        // starts, so the page's is that language's for as long as init() reads it (not awaited:
        // nothing is drawn meanwhile). A merged index would be searched with this language's
        // stemmer (none for Latvian), and English words would not meet their stems.
        const engine = await import(`${bundle.href}?language=${code}`);
        await engine.options({ baseUrl: root.pathname });
        const html = document.documentElement;
        const lang = html.lang;
        html.lang = code;
        const started = engine.init();
        html.lang = lang;
        await started;
        return engine;
      })();
    }
    return otherEngines[code];
  }

  /** Whether a query word is this language's own: a number (written alike in every language), or
      a word whose family this language's index holds. For such words the other languages would
      mostly bring the translations of the pages found already; for the others (a word of another
      language, a name the stemmer leaves as it is) they are searched where few pages are found. */
  /** Whether a query word is this language's own: a number, a word whose family this language's
      index holds, or, in a language with no stemmer here, a word its index holds (held). */
  async function isOwn(word) {
    if (!/\p{L}/u.test(word) || known.has(word) || listed.has(word)) return true;
    return !stemmer && (await held(word));
  }

  async function allOwn(words) {
    for (const word of words) if (!(await isOwn(word))) return false;
    return true;
  }

  /** Results of the query: as typed and by its stems and kindred words, junk left out; a word
      the index lacks corrected to its nearest; the other languages' pages where few are found. */
  async function find(query, type) {
    const engine = await load();
    const options = type ? { filters: { type } } : {};
    const phrase = /^\s*".+"\s*$/.test(query);
    let typed = split(query);
    let note = "";
    let lists = [...(await variants(typed, phrase)), ...(await kindredVariants(typed, phrase))];
    let { good, first, widest } = await searchAll(engine, lists, options);
    if (!good.length && first.missing.length) {
      const corrections = await Promise.all(typed.map((word) => (first.missing.includes(word) ? nearest(word) : null)));
      if (corrections.some(Boolean)) {
        const corrected = typed.map((word, i) => (corrections[i] ? corrections[i].word : word));
        const again = [...(await variants(corrected, phrase)), ...(await kindredVariants(corrected, phrase))];
        const found = await searchAll(engine, again, options);
        if (found.good.length) {
          ({ good, widest } = found);
          lists = again;
          typed = corrected;
          const written = corrections.filter(Boolean).map((correction) => correction.written);
          note = form.dataset.corrected.replace("{word}", written.join(" "));
        }
      }
    }
    const results = good.map((result) => ({ result, other: null }));
    if (others.length && (!good.length || (good.length < FEW && !(await allOwn(typed))))) {
      // Too few found: the other languages' pages too, each at its page in this language.
      const shown = new Set(await Promise.all(good.map(async (result) => new URL((await result.data()).url, root).pathname)));
      results.push(...(await otherLanguages(query, options, shown, PAGE - good.length)));
    }
    let partial = false;
    if (!results.length && first.search.results.length) {
      // Nothing else: what Pagefind found by a shorter beginning of the words, said so.
      results.push(...first.search.results.map((result) => ({ result, other: null })));
      widest = first.search;
      partial = true;
      note = form.dataset.partial.replace("{word}", first.missing.join(" "));
    }
    return {
      results,
      counts: widest ? widest.totalFilters.type || {} : {},
      all: widest ? widest.unfilteredResultCount : results.length,
      partial,
      note,
      terms: [...new Set([...typed, ...lists.flat()])].filter(Boolean),
    };
  }

  /** `text` with the words that a searched term begins marked, as Pagefind matched them. */
  function marked(text) {
    const part = document.createDocumentFragment();
    let last = 0;
    for (const match of text.matchAll(WORD)) {
      const word = fold(match[0]);
      if (terms.some((term) => word.startsWith(term))) {
        const mark = document.createElement("mark");
        mark.textContent = match[0];
        part.append(text.slice(last, match.index), mark);
        last = match.index + match[0].length;
      }
    }
    part.append(text.slice(last));
    return part;
  }

  /** Pagefind's excerpt (HTML with <mark>) as text and marks only. */
  function excerpt(html) {
    const part = document.createDocumentFragment();
    const body = new DOMParser().parseFromString(html, "text/html").body;
    for (const node of body.childNodes) {
      if (node.nodeName === "MARK") {
        // Pagefind marks the word with the punctuation that follows it ("zaķēns."): the word alone.
        const [, before, word, after] = node.textContent.match(/^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/su);
        const mark = document.createElement("mark");
        mark.textContent = word;
        part.append(before, mark, after);
      } else {
        part.append(node.textContent);
      }
    }
    return part;
  }

  function paragraph(className, content) {
    const p = document.createElement("p");
    p.className = className;
    p.append(content);
    return p;
  }

  /** A result's entry; one found through another language links to its translation in this
      page's language where there is one, with that title, and says how it was found. */
  function entry(data, other) {
    const item = document.createElement("li");
    const link = document.createElement("a");
    const own = other ? data.meta[`in_${document.documentElement.lang}`] : undefined;
    link.href = own === undefined ? data.url : new URL(own, root).pathname;
    link.textContent = (own !== undefined && data.meta[`in_${document.documentElement.lang}_title`]) || data.meta.title || data.url;

    const heading = document.createElement("h2");
    heading.className = "lrp-search__title";
    heading.append(link);
    item.append(heading);
    if (other) {
      item.dataset.lrpOther = other;
      item.append(paragraph("lrp-search__other", form.dataset.otherFound));
    }
    const about = [data.meta.type, data.meta.date].filter(Boolean).join(" · ");
    const texts = [];
    if (about) texts.push(paragraph("lrp-search__type", about));
    const summary = paragraph("lrp-search__summary", marked(data.meta.summary || ""));
    texts.push(summary);
    // Where the summary does not hold the words, the passage of the page that does.
    if (!summary.querySelector("mark") && data.excerpt) {
      const passage = excerpt(data.excerpt);
      passage.prepend("… ");
      passage.append(" …");
      texts.push(paragraph("lrp-search__excerpt", passage));
    }
    if (other) {
      // Found through the other language: its page's own texts are in that language (a voice
      // reads them so), and so is its title where the page has no translation here.
      for (const text of texts) text.lang = other;
      if (own === undefined) link.lang = other;
    }
    item.append(...texts);
    return item;
  }

  /** The next results; after "show more" (``asked``) the focus goes to the first of them, before
      the button hides itself, and their number is announced. */
  async function show(search, asked = false) {
    const next = pending.slice(0, PAGE);
    pending = pending.slice(PAGE);
    const entries = await Promise.all(next.map(async ({ result, other, data }) => entry(data || (await result.data()), other)));
    if (search !== latest) return;
    list.append(...entries);
    if (asked && entries.length) {
      entries[0].querySelector("a").focus();
      status.textContent = count(form.dataset.shown, entries.length);
    }
    more.hidden = pending.length === 0;
  }

  function count(text, value) {
    return text.replace("{count}", String(value));
  }

  function showCounts(counts, all) {
    for (const label of types.querySelectorAll("[data-lrp-count]")) {
      const key = label.dataset.lrpCount;
      const value = key ? counts?.[key] || 0 : all;
      label.textContent = counts === null ? "" : `(${value})`;
      // A type with no result is left out (unless it is the one chosen, which stays to be unchosen).
      const choice = label.closest("label");
      choice.hidden = counts !== null && key !== "" && value === 0 && !choice.querySelector("input").checked;
    }
  }

  async function run(query, type) {
    const search = ++latest;
    list.replaceChildren();
    more.hidden = true;
    empty.hidden = true;
    pending = [];
    if (!query.trim()) {
      status.textContent = "";
      showCounts(null, 0);
      list.setAttribute("aria-busy", "false");
      list.dataset.query = "";
      return;
    }
    list.setAttribute("aria-busy", "true");
    status.textContent = form.dataset.searching;
    const found = await find(query, type);
    if (search !== latest) return;
    terms = found.terms;
    pending = found.results;
    await show(search);
    if (search !== latest) return;
    showCounts(found.counts, found.all);
    // A word corrected, or only pages that begin alike: said before the count.
    const counted = found.partial ? "" : found.results.length ? count(form.dataset.results, found.results.length) : form.dataset.none;
    status.textContent = [found.note, counted].filter(Boolean).join(" ");
    list.dataset.partial = found.partial ? "true" : "false";
    if (!found.results.length || found.partial) offer(query);
    list.setAttribute("aria-busy", "false");
    list.dataset.query = query; // a search that has ended (the tests wait for it)
  }

  /** Nothing found: what to try, the other languages' search asked the same query. */
  function offer(query) {
    for (const link of empty.querySelectorAll("[data-lrp-search-other]")) {
      const url = new URL(link.href);
      url.search = new URLSearchParams({ q: query }).toString();
      link.href = url.href;
    }
    empty.hidden = false;
  }

  function chosenType() {
    const chosen = types.querySelector("input[name=type]:checked");
    return chosen ? chosen.value : "";
  }

  /** The address of the search shown: ?q=…, and &type=… where one is chosen. */
  function remember(push) {
    const url = new URL(window.location.href);
    url.searchParams.set("q", input.value);
    if (chosenType()) url.searchParams.set("type", chosenType());
    else url.searchParams.delete("type");
    if (url.href !== window.location.href) window.history[push ? "pushState" : "replaceState"](null, "", url);
  }

  /** Take the query and type from the address, and search them. */
  function fromAddress() {
    const params = new URLSearchParams(window.location.search);
    input.value = params.get("q") || "";
    const type = params.get("type") || "";
    const radio = types.querySelector(`input[name=type][value="${CSS.escape(type)}"]`) || types.querySelector("input[name=type][value='']");
    radio.checked = true;
    run(input.value, radio.value);
  }

  more.addEventListener("click", () => show(latest, true));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    remember(true);
    run(input.value, chosenType());
  });
  types.addEventListener("change", () => {
    remember(false);
    run(input.value, chosenType());
  });
  window.addEventListener("popstate", fromAddress);
  types.hidden = false;
  fromAddress();
})();
