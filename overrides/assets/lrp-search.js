// Search with Pagefind's index of this language (it follows <html lang>). The form works
// without script too: it reloads this page with ?q=…, which the script then answers.
(() => {
  "use strict";
  const form = document.querySelector("[data-lrp-search]");
  if (!form) return;
  const input = form.querySelector("input[name=q]");
  const status = document.querySelector("[data-lrp-search-status]");
  const list = document.querySelector("[data-lrp-search-results]");
  const bundle = new URL(form.dataset.bundle, window.location.href);
  let pagefind = null;

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

  async function run(query) {
    list.replaceChildren();
    if (!query.trim()) {
      status.textContent = "";
      return;
    }
    status.textContent = form.dataset.searching;
    const search = await (await load()).search(query);
    const results = await Promise.all(search.results.slice(0, 30).map((result) => result.data()));
    list.replaceChildren(...results.map(entry));
    status.textContent = results.length ? form.dataset.results.replace("{count}", String(search.results.length)) : form.dataset.none;
  }

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
