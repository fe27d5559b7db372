import * as Plot from "@observablehq/plot";
import {accessibleChart} from "./accessible.js";
import type {DocumentSummary} from "../lib/report.js";
import type {TimeEstimate} from "../lib/types.js";
import {formatEstimate} from "./format.js";

export interface TimelineOptions {
  width?: number;
  /** Zone for the axis and labels (IANA), default UTC. */
  timeZone?: string;
  /** The reported event, drawn as a shaded band with a dashed rule at its best estimate. */
  event?: TimeEstimate | null;
  height?: number;
}

/** A clock in `timeZone`; with `withYear`, for times that span more than one year, the year too. */
function clock(timeZone: string, withYear = false) {
  const format = new Intl.DateTimeFormat("en-GB", {timeZone, day: "numeric", month: "short", ...(withYear ? {year: "numeric"} : {}), hour: "2-digit", minute: "2-digit", hourCycle: "h23"});
  return (date: Date) => format.format(date);
}

/** Axis ticks as the span needs: the time of day within a few days, the day within a few months,
 *  else month and year (a tick of "1 Jan, 00:00" once a year says nothing). */
export function axisTickFormat(spanMs: number, timeZone: string): (date: Date) => string {
  const day = 86_400_000;
  const options: Intl.DateTimeFormatOptions =
    spanMs > 180 * day ? {month: "short", year: "numeric"} : spanMs > 4 * day ? {day: "numeric", month: "short"} : {day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23"};
  const format = new Intl.DateTimeFormat("en-GB", {timeZone, ...options});
  return (date: Date) => format.format(date);
}

/**
 * Publication times on one axis, one row per document grouped by outlet: a bar where the time is
 * an interval, a dot at the best estimate (hollow when the interval is wide), a red tick at each
 * update, a band for the event. Labels give the rank of first publication, the time on the axis's
 * zone and the outlet's own clock.
 * @example timelineChart(timeline.documents, {width, event: timeline.event, timeZone: "Asia/Hong_Kong"})
 */
export function timelineChart(documents: DocumentSummary[], {width = 640, timeZone = "UTC", event = null, height}: TimelineOptions = {}) {
  const dated = documents.filter((d) => d.published);
  const short = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
  const label = (d: DocumentSummary) => `${short(d.outlet ?? "unknown outlet", 24)} · ${short(d.id, 12)}`;
  const rows = [...dated].sort((a, b) => (a.outlet ?? "~").localeCompare(b.outlet ?? "~") || a.order - b.order).map(label);
  // A time label runs from its dot toward the middle of the axis, so none is cut at either edge.
  const times = dated.flatMap((d) => [d.published!.earliest, d.published!.latest]).concat(event ? [event.earliest, event.latest] : []).map((t) => new Date(t).getTime());
  const first = times.length ? times.reduce((a, b) => Math.min(a, b)) : 0;
  const last = times.length ? times.reduce((a, b) => Math.max(a, b)) : 0;
  const middle = (first + last) / 2;
  const crossesYears = times.length > 0 && new Date(first).getUTCFullYear() !== new Date(last).getUTCFullYear();
  const axisClock = clock(timeZone, crossesYears);
  const exact = (d: DocumentSummary) => d.published!.earliest === d.published!.latest;
  const text = (d: DocumentSummary) => {
    const best = new Date(d.published!.best);
    const own = d.timezone && d.timezone !== timeZone ? ` · local ${clock(d.timezone, crossesYears)(best)}` : "";
    return `#${d.order} ${exact(d) ? "" : "≈"}${axisClock(best)}${own}`;
  };
  const tip = (d: DocumentSummary) =>
    [d.title ?? d.id, `outlet: ${d.outlet ?? "unknown"}`, `published (${timeZone}): ${formatEstimate(d.published, timeZone)}`, `outlet's clock (${d.timezone ?? "zone unknown"}): ${formatEstimate(d.published, d.timezone ?? "UTC")}`, `basis: ${d.published?.basis}`, d.updated ? `updated: ${formatEstimate(d.updated, timeZone)}` : ""].filter(Boolean).join("\n");
  const inRightHalf = (d: DocumentSummary) => new Date(d.published!.best).getTime() > middle;
  const timeLabels = (side: DocumentSummary[], textAnchor: "start" | "end") =>
    Plot.text(side, {y: label, x: (d: DocumentSummary) => new Date(d.published!.best), text, textAnchor, dx: textAnchor === "start" ? -4 : 4, dy: -13, fontSize: 10, fill: "currentColor"});
  // On a narrow screen the row labels go above each row instead of in a left margin.
  const narrow = width < 520;
  const marginLeft = narrow ? 12 : Math.min(250, Math.max(120, width * 0.36));
  const plot = Plot.plot({
    width,
    height: height ?? Math.max(150, (narrow ? 58 : 46) * rows.length + 70),
    marginLeft,
    marginRight: 24,
    x: {type: "utc", label: `Published (${timeZone}) →`, grid: true, tickFormat: axisTickFormat(last - first, timeZone), ticks: Math.max(2, Math.floor((width - marginLeft) / 120))},
    y: {domain: rows, label: null, axis: narrow ? null : "left"},
    marks: [
      event ? Plot.rectX([event], {x1: (e: TimeEstimate) => new Date(e.earliest), x2: (e: TimeEstimate) => new Date(e.latest), fill: "currentColor", fillOpacity: 0.08}) : null,
      event ? Plot.ruleX([event], {x: (e: TimeEstimate) => new Date(e.best), stroke: "currentColor", strokeDasharray: "4,3", strokeOpacity: 0.6}) : null,
      event ? Plot.text([event], {x: (e: TimeEstimate) => new Date(e.best), frameAnchor: "top", dy: -2, text: () => "event", fontSize: 10, fill: "currentColor"}) : null,
      Plot.ruleY(dated.filter((d) => !exact(d)), {y: label, x1: (d: DocumentSummary) => new Date(d.published!.earliest), x2: (d: DocumentSummary) => new Date(d.published!.latest), strokeWidth: 8, strokeOpacity: 0.35, stroke: "var(--theme-foreground-focus)", strokeLinecap: "round"}),
      Plot.dot(dated, {y: label, x: (d: DocumentSummary) => new Date(d.published!.best), r: 5, fill: (d: DocumentSummary) => (exact(d) ? "var(--theme-foreground-focus)" : "var(--theme-background)"), stroke: "var(--theme-foreground-focus)", strokeWidth: 2, tip: true, title: tip}),
      Plot.tickX(dated.filter((d) => d.updated), {y: label, x: (d: DocumentSummary) => new Date(d.updated!.best), stroke: "var(--theme-red, #d62728)", strokeWidth: 2}),
      narrow
        ? Plot.text(dated, {y: label, frameAnchor: "left", textAnchor: "start", text: (d: DocumentSummary) => `#${d.order} ${d.outlet ?? d.id} · ${exact(d) ? "" : "≈"}${axisClock(new Date(d.published!.best))}`, dy: -15, fontSize: 10, fill: "currentColor"})
        : null,
      narrow ? null : timeLabels(dated.filter((d) => !inRightHalf(d)), "start"),
      narrow ? null : timeLabels(dated.filter(inRightHalf), "end")
    ]
  });
  return accessibleChart(plot, {label: `Timeline of ${dated.length} documents' publication times in ${timeZone}, earliest ${dated[0] ? `${dated[0].outlet ?? dated[0].id} at ${formatEstimate(dated[0].published, timeZone)}` : "unknown"}${documents.length > dated.length ? `; ${documents.length - dated.length} without a known time are not drawn` : ""}. The table below lists every time with its basis.`, description: dated.map((d) => `#${d.order} ${d.outlet ?? d.id}: ${formatEstimate(d.published, timeZone)}`).join("; ")});
}
