import * as Plot from "@observablehq/plot";
import {binEnd, type BinUnit} from "../lib/bins.js";
import type {PublicationBin} from "../lib/report.js";
import {accessibleChart} from "./accessible.js";

export interface PublicationChartOptions {
  width?: number;
  /** The bin size the counts were made with. */
  unit?: BinUnit;
  /** Outlets drawn in their own colour; the rest are grouped as "other outlets". */
  topOutlets?: number;
}

/**
 * How many articles each outlet published per hour (or day, week, month, year), stacked: the timeline of a corpus too
 * large for one row per document.
 * @example publicationChart(timeline.publication.bins, {width, unit: timeline.publication.unit})
 */
export function publicationChart(bins: PublicationBin[], {width = 640, unit = "hour", topOutlets = 8}: PublicationChartOptions = {}) {
  const totals = new Map<string, number>();
  for (const b of bins) totals.set(b.outlet ?? "unknown", (totals.get(b.outlet ?? "unknown") ?? 0) + b.count);
  const top = new Set([...totals].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, topOutlets).map(([name]) => name));
  const rows = bins.map((b) => ({start: new Date(b.start), end: new Date(binEnd(Date.parse(b.start), unit)), outlet: top.has(b.outlet ?? "unknown") ? (b.outlet ?? "unknown") : "other outlets", count: b.count}));
  const plot = Plot.plot({
    width,
    height: 260,
    x: {type: "utc", label: `Published (UTC, per ${unit}) →`},
    y: {label: "↑ Articles", grid: true},
    color: {legend: true, label: "Outlet"},
    marks: [Plot.rectY(rows, {x1: "start", x2: "end", y: "count", fill: "outlet", tip: true}), Plot.ruleY([0])]
  });
  const total = bins.reduce((n, b) => n + b.count, 0);
  return accessibleChart(plot, {
    label: `Articles published per ${unit} by outlet: ${total} articles, ${totals.size} outlets.`,
    description: [...totals].sort((a, b) => b[1] - a[1]).slice(0, 20).map(([name, n]) => `${name}: ${n}`).join("; ")
  });
}
