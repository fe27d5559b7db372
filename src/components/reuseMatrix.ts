import * as Plot from "@observablehq/plot";
import {accessibleChart} from "./accessible.js";
import type {DocumentSummary} from "../lib/report.js";
import {formatShare} from "./format.js";

export interface ReuseCell {
  source: string;
  target: string;
  targetCoverage: number;
  sourceCoverage: number;
  label: string;
  direction: string;
}

/**
 * Source × target matrix of shared phrasing: each cell's colour is the share of the target's words
 * inside passages aligned with the source. Axes in order of first publication.
 * @example reuseMatrix(phrasing.reuse, {width, documents: phrasing.documents})
 */
export function reuseMatrix(reuse: ReuseCell[], {width = 640, documents = [] as DocumentSummary[]} = {}) {
  const ids = documents.length ? documents.map((d) => d.id) : [...new Set(reuse.flatMap((r) => [r.source, r.target]))].sort();
  const size = Math.max(24, Math.min(56, (width - 200) / Math.max(1, ids.length)));
  const plot = Plot.plot({
    width,
    height: size * ids.length + 160,
    marginLeft: 170,
    marginBottom: 150,
    x: {domain: ids, label: "Target (later) →", tickRotate: -40},
    y: {domain: ids, label: "↓ Source (earlier)"},
    color: {type: "linear", domain: [0, 1], scheme: "blues", legend: true, label: "Share of the target's words reused", tickFormat: "%"},
    marks: [
      Plot.frame({strokeOpacity: 0.2}),
      Plot.cell(reuse, {x: "target", y: "source", fill: "targetCoverage", inset: 1, tip: true, title: (r: ReuseCell) => `${r.source} → ${r.target}\ntarget coverage ${formatShare(r.targetCoverage)}, source coverage ${formatShare(r.sourceCoverage)}\n${r.label}; direction by ${r.direction}`}),
      Plot.text(reuse, {x: "target", y: "source", text: (r: ReuseCell) => formatShare(r.targetCoverage), fill: (r: ReuseCell) => (r.targetCoverage > 0.5 ? "white" : "currentColor"), fontSize: 10})
    ]
  });
  return accessibleChart(plot, {label: `Matrix of shared phrasing between ${ids.length} documents; ${reuse.length} related pairs.`, description: reuse.map((r) => `${r.source} to ${r.target}: ${formatShare(r.targetCoverage)} of the target`).join("; ")});
}
