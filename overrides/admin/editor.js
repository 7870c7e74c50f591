// Loaded before Sveltia CMS on /admin/ (hooks/sveltia_engine.py, UNASKED). Sveltia asks two hosts
// besides GitHub's API: unpkg.com for its newest version (the site pins its own, MAINTAINING.md)
// and GitHub's status page. The page's policy allows neither, and a refused request is an error in
// the console; these two requests are answered "not found" here, without the network.
(() => {
  const unasked = new Set([
    "https://unpkg.com/@sveltia/cms/package.json",
    "https://www.githubstatus.com/api/v2/status.json",
  ]);
  const fetch = window.fetch.bind(window);
  window.fetch = (resource, options) => {
    const address = resource instanceof Request ? resource.url : String(resource);
    if (unasked.has(address)) {
      return Promise.resolve(new Response(null, { status: 404, statusText: "Not asked" }));
    }
    return fetch(resource, options);
  };
})();
