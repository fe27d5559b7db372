import * as Plot from "@observablehq/plot";
import {accessibleChart} from "./accessible.js";
import type {DocumentSummary} from "../lib/report.js";
import {formatShare} from "./format.js";

export interface FlowLink {
  source: string;
  target: string;
  targetCoverage: number;
  direction: string;
  label: string;
}

/**
 * Reuse over the timeline: an arrow from each source's publication time to its target's, one row
 * per document that takes part in a pair; thicker arrows carry more of the target's words. Pairs whose direction is unknown
 * are dashed.
 * @example reuseFlow(phrasing.reuse, {width, documents: phrasing.documents})
 */
export function reuseFlow(reuse: FlowLink[], {width = 640, documents = [] as DocumentSummary[]} = {}) {
  const docs = new Map(documents.map((d) => [d.id, d]));
  const row = (id: string) => `${docs.get(id)?.outlet ?? "unknown"} · ${id}`;
  const dated = reuse.filter((r) => docs.get(r.source)?.published && docs.get(r.target)?.published);
  const when = (id: string) => new Date(docs.get(id)!.published!.best);
  // One row per dated document that takes part in a pair (all of them when there are no pairs).
  const involved = new Set(reuse.flatMap((r) => [r.source, r.target]));
  const shown = documents.filter((d) => d.published && (!involved.size || involved.has(d.id)));
  const rows = shown.map((d) => row(d.id));
  const plot = Plot.plot({
    width,
    height: Math.max(160, 40 * rows.length + 60),
    // Room for the longest "outlet · id" label (about 6 px a character at the axis's 10 px), up to half the width.
    marginLeft: Math.round(Math.min(width * 0.5, Math.max(120, 6.2 * Math.max(0, ...rows.map((r) => r.length)) + 12))),
    x: {type: "utc", label: "Published (UTC) →", grid: true},
    y: {domain: rows, label: null},
    marks: [
      Plot.dot(shown, {x: (d: DocumentSummary) => new Date(d.published!.best), y: (d: DocumentSummary) => row(d.id), fill: "currentColor", r: 3}),
      ...[false, true].map((unknown) => Plot.arrow(dated.filter((r) => (r.direction === "unknown") === unknown), {
        x1: (r: FlowLink) => when(r.source),
        y1: (r: FlowLink) => row(r.source),
        x2: (r: FlowLink) => when(r.target),
        y2: (r: FlowLink) => row(r.target),
        strokeWidth: (r: FlowLink) => 1 + 5 * r.targetCoverage,
        strokeDasharray: unknown ? "4,3" : undefined,
        stroke: "var(--theme-foreground-focus)",
        bend: true,
        inset: 4,
        title: (r: FlowLink) => `${r.source} → ${r.target}: ${formatShare(r.targetCoverage)} of the target (${r.label}; direction by ${r.direction})`
      }))
    ]
  });
  return accessibleChart(plot, {label: `Reuse over the timeline: ${dated.length} arrows from earlier to later documents.`, description: dated.map((r) => `${r.source} to ${r.target}, ${formatShare(r.targetCoverage)}`).join("; ")});
}
