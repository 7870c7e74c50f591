// Search with Pagefind's index of this language (it follows <html lang>).
//
// The query and the chosen type live in the address (?q=…&type=…): a search can be reloaded,
// shared and gone back to. The form works without script too: it reloads this page with ?q=…,
// which the script then answers; without script the page says that search needs it.
//
// Where lrp-stem.js has a stemmer for the page's language (Latvian), each query is searched
// twice: as typed, and with each word reduced to its stem, which Pagefind matches as the start
// of every form of the word. Pages that match the words as typed come first, in Pagefind's
// order, then those that only the stems find. Other languages (English) are searched as typed,
// with Pagefind's own stemming.
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

  /** Results of the query as typed, then those only its stems find; counts by type. */
  async function find(query, type) {
    const engine = await load();
    const options = type ? { filters: { type } } : {};
    const typed = await engine.search(query, options);
    const stemmed = stemmer && stemmer.stemQuery(query);
    const wide = stemmed ? await engine.search(stemmed, options) : null;
    let results = typed.results;
    if (wide) {
      // Each stem begins its word, so the stems find every page that the typed words find as
      // the start of a word. Where the typed query found a page the stems do not, Pagefind
      // matched a typed word it could not find by a shorter word ("jaunietis" by "jau"): then
      // no page is an exact match, and only the stems' results are kept.
      const stemmedIds = new Set(wide.results.map((result) => result.id));
      const exact = typed.results.every((result) => stemmedIds.has(result.id)) ? typed.results : [];
      const exactIds = new Set(exact.map((result) => result.id));
      results = [...exact, ...wide.results.filter((result) => !exactIds.has(result.id))];
    }
    const counts = (wide || typed).totalFilters.type || {};
    const all = (wide || typed).unfilteredResultCount;
    const words = stemmer ? stemmer.words(query) : (query.match(WORD) || []).map(fold);
    return { results, counts, all, terms: [...words, ...(stemmed ? stemmed.split(" ") : [])].filter(Boolean) };
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

  function entry(data) {
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = data.url;
    link.textContent = data.meta.title || data.url;
    const heading = document.createElement("h2");
    heading.className = "lrp-search__title";
    heading.append(link);
    item.append(heading);
    const about = [data.meta.type, data.meta.date].filter(Boolean).join(" · ");
    if (about) item.append(paragraph("lrp-search__type", about));
    const summary = paragraph("lrp-search__summary", marked(data.meta.summary || ""));
    item.append(summary);
    // Where the summary does not hold the words, the passage of the page that does.
    if (!summary.querySelector("mark") && data.excerpt) {
      const passage = excerpt(data.excerpt);
      passage.prepend("… ");
      passage.append(" …");
      item.append(paragraph("lrp-search__excerpt", passage));
    }
    return item;
  }

  /** The next results; after "show more" (``asked``) the focus goes to the first of them, before
      the button hides itself, and their number is announced. */
  async function show(search, asked = false) {
    const next = pending.slice(0, PAGE);
    pending = pending.slice(PAGE);
    const entries = (await Promise.all(next.map((result) => result.data()))).map(entry);
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
    status.textContent = found.results.length ? count(form.dataset.results, found.results.length) : form.dataset.none;
    if (!found.results.length) offer(query);
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
