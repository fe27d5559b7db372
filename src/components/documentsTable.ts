import {html} from "htl";
import type {DocumentSummary} from "../lib/report.js";
import {formatEstimate} from "./format.js";
import {documentLink} from "./documentLink.js";
import {overlapsPrevious} from "../lib/order.js";

/**
 * The documents as a table: order, outlet (and wire), publication time in UTC, words, figures and
 * a link to each document's page. "≈" before the order marks a document whose time overlaps that
 * of the row above, so the two may have come in either order. All values are interpolated as text.
 * @example documentsTable(corpus.documents)
 */
export function documentsTable(documents: DocumentSummary[], {base = ".", pages}: {base?: string; pages?: string[]} = {}): HTMLElement {
  const withPage = pages && new Set(pages);
  const overlaps = overlapsPrevious(documents);
  return html`<div class="table-scroll" tabindex="0" role="region" aria-label="Scrollable table"><table class="plain">
    <caption class="muted">${documents.length} documents, earliest first${overlaps.some(Boolean) ? "; ≈ the time overlaps that of the row above: the two may have come in either order" : ""}</caption>
    <thead><tr><th>#</th><th>Document</th><th>Outlet</th><th>Published (UTC)</th><th>Words</th><th>Figures</th></tr></thead>
    <tbody>${documents.map(
      (d, i) => html`<tr>
        <td>${overlaps[i] ? html`<span title="Its time overlaps that of the row above: order not certain">≈&nbsp;</span>` : ""}${d.order}</td>
        <td>${documentLink(d.id, d.title ?? d.id, {base, pages: withPage})}<div class="muted">${d.path}</div></td>
        <td>${d.outlet ?? html`<span class="muted">unknown</span>`}${d.wire && d.wire !== d.outlet ? html`<div class="muted">via ${d.wire}</div>` : ""}</td>
        <td>${formatEstimate(d.published)}</td>
        <td>${d.wordCount}</td>
        <td>${d.claims}</td>
      </tr>`
    )}</tbody>
  </table></div>` as HTMLElement;
}
