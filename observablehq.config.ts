import {getAnalysis} from "./src/data/analysis-cache.js";

// Document pages: one per document of the current corpus (seeds/ or DRIFTLINE_INPUT).
async function* documentPaths() {
  for (const document of (await getAnalysis()).documents) yield `/documents/${encodeURIComponent(document.id)}`;
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
  search: false,
  linkify: false,
  typographer: false,
  preserveExtension: false,
  footer: "Driftline: a timeline and claim-drift report built from the articles in the corpus."
};
