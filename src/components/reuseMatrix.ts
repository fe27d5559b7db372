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

/** Room the matrix keeps beside its cells for the row labels and the axis. */
const LABELS_WIDTH = 200;
/** The narrowest cell that still holds its share ("42%"). */
const MIN_CELL = 24;

/**
 * Whether a matrix of `count` documents fits `width` with cells wide enough for their labels.
 * @example matrixFits(5, 390) // true; matrixFits(16, 390) // false
 */
export function matrixFits(count: number, width: number): boolean {
  return (width - LABELS_WIDTH) / Math.max(1, count) >= MIN_CELL;
}

/**
 * Source × target matrix of shared phrasing: each cell's colour is the share of the target's words
 * inside passages aligned with the source. Axes in order of first publication.
 * @example reuseMatrix(phrasing.reuse, {width, documents: phrasing.documents})
 */
export function reuseMatrix(reuse: ReuseCell[], {width = 640, documents = [] as DocumentSummary[]} = {}) {
  const ids = documents.length ? documents.map((d) => d.id) : [...new Set(reuse.flatMap((r) => [r.source, r.target]))].sort();
  const size = Math.max(MIN_CELL, Math.min(56, (width - LABELS_WIDTH) / Math.max(1, ids.length)));
  // Room under the cells for the slanted column labels, as long as the longest needs.
  const longest = ids.reduce((n, id) => Math.max(n, id.length), 0);
  const marginBottom = Math.min(150, 40 + Math.round(longest * 4.5));
  const plot = Plot.plot({
    width,
    height: size * ids.length + marginBottom + 10,
    marginLeft: 170,
    marginBottom,
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
