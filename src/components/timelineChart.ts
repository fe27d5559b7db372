import * as Plot from "@observablehq/plot";
import type {DocumentSummary} from "../lib/report.js";
import type {TimeEstimate} from "../lib/types.js";
import {formatEstimate} from "./format.js";

export interface TimelineOptions {
  width?: number;
  /** Zone used for the tooltips' local time (IANA), default UTC. */
  timeZone?: string;
  /** The reported event, drawn as a shaded band. */
  event?: TimeEstimate | null;
  height?: number;
}

/**
 * Publication times on one UTC axis, one row per document (grouped by outlet): a bar where the time
 * is an interval, a dot at the best estimate, a tick at each update, a band for the event.
 * @example timelineChart(timeline.documents, {width, event: timeline.event})
 */
export function timelineChart(documents: DocumentSummary[], {width = 640, timeZone = "UTC", event = null, height}: TimelineOptions = {}) {
  const dated = documents.filter((d) => d.published);
  const label = (d: DocumentSummary) => `${d.outlet ?? "unknown outlet"} · ${d.id}`;
  const rows = [...dated].sort((a, b) => (a.outlet ?? "~").localeCompare(b.outlet ?? "~") || a.order - b.order).map(label);
  const tip = (d: DocumentSummary) =>
    [`${d.title ?? d.id}`, `outlet: ${d.outlet ?? "unknown"}`, `published (UTC): ${formatEstimate(d.published)}`, `published (${timeZone}): ${formatEstimate(d.published, timeZone)}`, `local (${d.timezone ?? "zone unknown"}): ${formatEstimate(d.published, d.timezone ?? "UTC")}`, `basis: ${d.published?.basis}`].join("\n");
  const plot = Plot.plot({
    width,
    height: height ?? Math.max(140, 42 * rows.length + 70),
    marginLeft: Math.min(260, Math.max(120, width * 0.3)),
    x: {type: "utc", label: "Published (UTC) →", grid: true},
    y: {domain: rows, label: null},
    marks: [
      event ? Plot.rectX([event], {x1: (e: TimeEstimate) => new Date(e.earliest), x2: (e: TimeEstimate) => new Date(e.latest), fill: "currentColor", fillOpacity: 0.08}) : null,
      event ? Plot.ruleX([event], {x: (e: TimeEstimate) => new Date(e.best), stroke: "currentColor", strokeDasharray: "4,3", strokeOpacity: 0.6}) : null,
      Plot.ruleY(dated, {y: label, x1: (d: DocumentSummary) => new Date(d.published!.earliest), x2: (d: DocumentSummary) => new Date(d.published!.latest), strokeWidth: 8, strokeOpacity: 0.35, stroke: "var(--theme-foreground-focus)"}),
      Plot.dot(dated, {y: label, x: (d: DocumentSummary) => new Date(d.published!.best), r: 4, fill: "var(--theme-foreground-focus)", tip: true, title: tip}),
      Plot.tickX(dated.filter((d) => d.updated), {y: label, x: (d: DocumentSummary) => new Date(d.updated!.best), stroke: "var(--theme-red, #d62728)", strokeWidth: 2})
    ]
  });
  plot.setAttribute("role", "img");
  plot.setAttribute("aria-label", `Timeline of ${dated.length} documents' publication times in UTC${documents.length > dated.length ? `; ${documents.length - dated.length} without a known time are not drawn` : ""}.`);
  return plot;
}
