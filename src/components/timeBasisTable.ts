import {html} from "htl";
import type {DocumentSummary} from "../lib/report.js";
import {formatEstimate} from "./format.js";

/**
 * Each document's publication, update and event times with their basis and evidence text.
 * @example timeBasisTable(timeline.documents, {timeZone: "Asia/Hong_Kong"})
 */
export function timeBasisTable(documents: DocumentSummary[], {timeZone = "UTC"}: {timeZone?: string} = {}): HTMLElement {
  const row = (d: DocumentSummary, kind: "published" | "updated" | "event") => {
    const t = d[kind];
    if (!t) return kind === "published" ? html`<tr><td>${d.id}</td><td>${kind}</td><td class="muted">unknown</td><td></td><td></td></tr>` : null;
    return html`<tr><td>${d.id}</td><td>${kind}</td><td class="when">${formatEstimate(t)}${timeZone !== "UTC" ? html`<div class="muted">${formatEstimate(t, timeZone)}</div>` : ""}</td><td>${t.basis}</td><td class="evidence">${t.evidence.map((e) => html`<div>${e.text}</div>`)}</td></tr>`;
  };
  return html`<div class="table-scroll" tabindex="0" role="region" aria-label="Scrollable table"><table class="plain">
    <thead><tr><th>Document</th><th>Time</th><th>When</th><th>Basis</th><th>Evidence</th></tr></thead>
    <tbody>${documents.flatMap((d) => [row(d, "published"), row(d, "updated"), row(d, "event")].filter(Boolean))}</tbody>
  </table></div>` as HTMLElement;
}
