import {getAnalysis, pageIds} from "./src/data/analysis-cache.js";

// Document pages: one per document of the current corpus (seeds/ or DRIFTLINE_INPUT). Framework
// takes these paths unencoded (it encodes links itself); only "%", "#" and "?" are escaped, which it
// would read as an escape, a fragment or a query. The [id] loader decodes them, and the build names
// the files by the decoded id (src/cli/page-names.ts), as a static server expects.
// A large corpus gets pages for its most involved documents only (DEFAULT_DOCUMENT_PAGES, or
// DRIFTLINE_DOCUMENT_PAGES): every page runs a loader, and thousands of them would make the build long.
async function* documentPaths() {
  for (const id of pageIds(await getAnalysis())) yield `/documents/${id.replace(/[%#?]/g, encodeURIComponent)}`;
}

export default {
  title: "Driftline",
  root: "src",
  output: process.env.DRIFTLINE_OUTPUT ?? "dist",
  // No web fonts, no CDN stylesheet: the report works offline.
  globalStylesheets: [],
  style: "style.css",
  pages: [
    {name: "Timeline", path: "/timeline"},
    {name: "Claims", path: "/claims"},
    {name: "Shared phrasing", path: "/phrasing"},
    {name: "Data quality", path: "/data-quality"},
    {name: "Write your own page", path: "/guide"}
  ],
  dynamicPaths: documentPaths,
  // TypeScript loaders run in this Node.js with tsx's hooks, not through the tsx command, which
  // starts a second Node.js process for each loader (about 0.2 s more per loader).
  interpreters: {".ts": [process.execPath, "--import", "tsx"]},
  search: false,
  linkify: false,
  typographer: false,
  preserveExtension: false,
  footer: "Driftline: a timeline and claim-drift report built from the articles in the corpus.",
  // An icon in the page itself: without one, browsers ask the server for /favicon.ico, which a
  // static copy of the report does not have (a 404 in every reader's console).
  head: `<link rel="icon" href="data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'><path d='M1 8h14' stroke='rgb(66,105,208)' stroke-width='2'/><circle cx='4' cy='8' r='2.5' fill='rgb(66,105,208)'/><circle cx='11' cy='8' r='2.5' fill='rgb(239,177,24)'/></svg>">`
};
