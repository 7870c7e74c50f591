// Instant filtering of the timeline. Without this script the filter links lead to static
// filtered views; with it they filter in place, keep the choice in the URL (?kind=seminar),
// name the choice on the folded control, count each year's entries again, grey out the chart's
// marks of the entries left out (out of the tab order, "filtered out" at the end of their name)
// and announce the number of shown entries.
(() => {
  "use strict";
  const list = document.querySelector("[data-lrp-timeline]");
  const nav = document.querySelector("[data-lrp-filters]");
  if (!list || !nav) return;
  const entries = Array.from(list.children);
  const headings = Array.from(list.querySelectorAll("h2[data-year]"));
  const today = document.querySelector("[data-lrp-today]");
  const count = document.querySelector("[data-lrp-count]");
  const years = Array.from(document.querySelectorAll(".lrp-years li[data-year]"));
  const links = Array.from(nav.querySelectorAll("a[data-lrp-filter]"));
  const facets = links.map((a) => a.dataset.lrpFilter).filter(Boolean);
  const choice = nav.querySelector("[data-lrp-choice]");
  const marks = Array.from(document.querySelectorAll(".lrp-chart__mark[data-key]"));
  const figure = document.querySelector("[data-lrp-left-out]");
  const leftOut = figure ? figure.dataset.lrpLeftOut : "";
  const plural = new Intl.PluralRules(document.documentElement.lang || "en");
  const forms = list.dataset;

  function countText(number) {
    const form = plural.select(number);
    const key = "count" + form.charAt(0).toUpperCase() + form.slice(1);
    return (forms[key] || forms.countOther || "{count}").replace("{count}", String(number));
  }

  function apply(facet, value) {
    let shown = 0;
    for (const entry of entries) {
      const match = !facet || (entry.dataset[facet] || "").split(" ").includes(value);
      entry.hidden = !match;
      if (match) shown += 1;
    }
    const visible = entries.filter((entry) => !entry.hidden);
    for (const heading of headings) {
      const ofYear = visible.filter((entry) => entry.dataset.year === heading.dataset.year);
      heading.hidden = !ofYear.length;
      if (ofYear.length) ofYear[0].querySelector(".lrp-timeline__item").before(heading);
      const yearCount = heading.querySelector("[data-lrp-year-count]");
      if (yearCount && ofYear.length) yearCount.textContent = countText(ofYear.length);
    }
    const shownKeys = new Set(visible.map((entry) => entry.dataset.key));
    for (const mark of marks) {
      const out = Boolean(facet) && !shownKeys.has(mark.dataset.key);
      mark.classList.toggle("lrp-chart__mark--dim", out);
      if (out) mark.setAttribute("tabindex", "-1");
      else mark.removeAttribute("tabindex");
      const name = mark.querySelector("[data-lrp-name]");  // where the mark's name ends
      if (name) {
        if (name.dataset.name === undefined) name.dataset.name = name.textContent;
        name.textContent = out ? name.dataset.name + " (" + leftOut + ")" : name.dataset.name;
      }
    }
    for (const year of years) {
      year.hidden = !visible.some((entry) => entry.dataset.year === year.dataset.year);
    }
    const future = visible.find((entry) => "future" in entry.dataset);
    if (today) {
      if (future) future.prepend(today);
      else list.after(today);
    }
    for (const link of links) {
      const current = link.dataset.lrpFilter === (facet || "") && link.dataset.value === (value || "");
      if (current) link.setAttribute("aria-current", "true");
      else link.removeAttribute("aria-current");
      if (current && choice) {
        const group = link.closest(".lrp-filters__group");
        const label = group && group.querySelector(".lrp-filters__label");
        choice.textContent = label ? label.textContent.trim() + ": " + link.textContent.trim() : choice.dataset.all;
      }
    }
    count.textContent = count.dataset.template.replace("{count}", String(shown));
  }

  nav.addEventListener("click", (event) => {
    const link = event.target.closest("a[data-lrp-filter]");
    if (!link || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    const facet = link.dataset.lrpFilter;
    const url = new URL(window.location.href);
    url.search = facet ? new URLSearchParams({ [facet]: link.dataset.value }).toString() : "";
    url.hash = "";
    window.history.pushState(null, "", url);
    apply(facet, link.dataset.value);
  });

  function fromUrl() {
    const params = new URLSearchParams(window.location.search);
    const facet = facets.find((name) => params.has(name));
    apply(facet, facet ? params.get(facet) : "");
  }
  window.addEventListener("popstate", fromUrl);
  if (window.location.search) fromUrl();
})();
