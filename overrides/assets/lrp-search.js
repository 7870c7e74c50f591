// Search with Pagefind's index of this language (it follows <html lang>). The form works
// without script too: it reloads this page with ?q=…, which the script then answers.
(() => {
  "use strict";
  const form = document.querySelector("[data-lrp-search]");
  if (!form) return;
  const input = form.querySelector("input[name=q]");
  const status = document.querySelector("[data-lrp-search-status]");
  const list = document.querySelector("[data-lrp-search-results]");
  const more = document.querySelector("[data-lrp-search-more]");
  const bundle = new URL(form.dataset.bundle, window.location.href);
  const PAGE = 10; // results fetched at a time: each one is a small download of its own
  let pagefind = null;
  let pending = [];

  async function load() {
    if (!pagefind) {
      pagefind = await import(bundle.href);
      // Result addresses are relative to the site's own path, also under a sub-path (GitHub project sites).
      await pagefind.options({ baseUrl: new URL("../", bundle).pathname });
    }
    return pagefind;
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
    if (data.meta.type) {
      const type = document.createElement("p");
      type.className = "lrp-search__type";
      type.textContent = data.meta.type;
      item.append(type);
    }
    const summary = document.createElement("p");
    summary.textContent = data.meta.summary || "";
    item.append(summary);
    return item;
  }

  async function show() {
    const next = pending.slice(0, PAGE);
    pending = pending.slice(PAGE);
    list.append(...(await Promise.all(next.map((result) => result.data()))).map(entry));
    more.hidden = pending.length === 0;
  }

  async function run(query) {
    list.replaceChildren();
    more.hidden = true;
    if (!query.trim()) {
      status.textContent = "";
      return;
    }
    status.textContent = form.dataset.searching;
    const search = await (await load()).search(query);
    pending = search.results;
    await show();
    status.textContent = search.results.length ? form.dataset.results.replace("{count}", String(search.results.length)) : form.dataset.none;
  }

  more.addEventListener("click", () => show());

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const url = new URL(window.location.href);
    url.searchParams.set("q", input.value);
    window.history.replaceState(null, "", url);
    run(input.value);
  });
  const query = new URLSearchParams(window.location.search).get("q") || "";
  input.value = query;
  if (query) run(query);
})();
