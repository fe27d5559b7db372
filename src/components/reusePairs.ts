import * as Plot from "@observablehq/plot";
import {accessibleChart} from "./accessible.js";
import type {DocumentSummary} from "../lib/report.js";
import type {ReuseCell} from "./reuseMatrix.js";
import {formatShare} from "./format.js";

/** One bar: a pair, named by its articles and their outlets. */
export interface ReusePairRow extends ReuseCell {
  name: string;
}

/**
 * The `limit` pairs that share the most (by the larger of the two coverages, as the page ranks
 * them), each named "source (outlet) → target (outlet)".
 * @example reusePairRows(phrasing.reuse, phrasing.documents, 2)[0].name // "a1 (Reuters) → a7 (AAP)"
 */
export function reusePairRows(reuse: readonly ReuseCell[], documents: readonly Pick<DocumentSummary, "id" | "outlet">[] = [], limit = 40): ReusePairRow[] {
  const outlet = new Map(documents.map((d) => [d.id, d.outlet]));
  const named = (id: string) => (outlet.get(id) ? `${id} (${outlet.get(id)})` : id);
  return [...reuse]
    .sort((a, b) => Math.max(b.targetCoverage, b.sourceCoverage) - Math.max(a.targetCoverage, a.sourceCoverage))
    .slice(0, limit)
    .map((r) => ({...r, name: `${named(r.source)} → ${named(r.target)}`}));
}

/**
 * The pairs that share the most phrasing, as bars: the share of the later article's words in
 * passages aligned with the earlier one, a tick at the share of the earlier one's. For corpora
 * whose pairs involve too many articles for a source × target matrix to stay legible.
 * @example reusePairs(phrasing.reuse, {width, documents: phrasing.documents, limit: 40})
 */
export function reusePairs(reuse: ReuseCell[], {width = 640, documents = [] as DocumentSummary[], limit = 40} = {}) {
  const rows = reusePairRows(reuse, documents, limit);
  const marginLeft = Math.min(Math.round(width * 0.55), 6.2 * Math.max(0, ...rows.map((r) => r.name.length)) + 12);
  // On a narrow screen a pair is named by its articles alone, cut to the room there is (the tip and the list below name it whole).
  const room = Math.max(8, Math.floor((marginLeft - 12) / 6.2));
  const short = new Map(rows.map((r) => [r.name, `${r.source} → ${r.target}`]));
  const cut = (text: string) => (text.length > room ? `${text.slice(0, room - 1)}…` : text);
  const fit = (name: string) => (name.length <= room ? name : cut(short.get(name) ?? name));
  const plot = Plot.plot({
    width,
    height: 22 * rows.length + 60,
    marginLeft,
    x: {domain: [0, 1], label: "Share of the later article's words reused →", tickFormat: "%", grid: true},
    y: {domain: rows.map((r) => r.name), label: null, tickFormat: fit},
    marks: [
      Plot.barX(rows, {y: "name", x: "targetCoverage", fill: "var(--theme-foreground-focus)", fillOpacity: 0.7, tip: true, title: (r: ReusePairRow) => `${r.name}\ntarget coverage ${formatShare(r.targetCoverage)}, source coverage ${formatShare(r.sourceCoverage)}\n${r.label}; direction by ${r.direction}`}),
      Plot.tickX(rows, {y: "name", x: "sourceCoverage", stroke: "currentColor", strokeWidth: 2}),
      Plot.text(rows, {y: "name", x: "targetCoverage", text: (r: ReusePairRow) => formatShare(r.targetCoverage), dx: 4, textAnchor: "start", fontSize: 10}),
      Plot.ruleX([0])
    ]
  });
  return accessibleChart(plot, {
    label: `The ${rows.length} pairs of articles that share the most phrasing, of ${reuse.length} carried by the page.`,
    description: rows.map((r) => `${r.name}: ${formatShare(r.targetCoverage)} of the later article, ${formatShare(r.sourceCoverage)} of the earlier`).join("; ")
  });
}
