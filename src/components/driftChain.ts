import {html} from "htl";
import type {ChainLink} from "../lib/report.js";
import {diffText} from "./diffText.js";
import {formatInstant} from "./format.js";
import {documentLink} from "./documentLink.js";

/**
 * One figure's journey: each appearance in publication order with the words around the figure
 * diffed against the appearance it is compared with, the closest in the previous document (added
 * words underlined, removed struck through), the whole sentence on hover, and tags for the drift
 * that led to it (its description on hover), marked when which document came first is not certain.
 * @example driftChain(claims.chains[family.id], {base: "."})
 */
export function driftChain(chain: ChainLink[], {base = ".", pages}: {base?: string; pages?: string[]} = {}): HTMLElement {
  const withPage = pages && new Set(pages);
  return html`<ol class="drift-chain">${chain.map(
    (link) => html`<li>
      <div><strong>${link.outlet ?? "unknown outlet"}</strong> · ${documentLink(link.documentId, link.documentId, {base, pages: withPage, hash: link.claimId})}
        <span class="muted"> · ${link.published ? formatInstant(link.published) : "time unknown"} · ${link.modality}${link.hedges.length ? ` · hedges: ${link.hedges.join(", ")}` : ""}${link.speaker ? ` · attributed to ${link.speaker}` : ""}${link.inHeadline ? " · headline" : ""}${link.comparedWithDocument ? " · compared with " : ""}</span>${link.comparedWithDocument ? documentLink(link.comparedWithDocument, link.comparedWithDocument, {base, pages: withPage, hash: link.comparedWith ?? undefined}) : ""}</div>
      <div title="${link.sentence}">${diffText(link.diff)}</div>
      ${link.drift.length ? html`<div class="drift-events">${link.drift.map((e) => html`<span class="drift-tag" title="${e.description}${e.orderCertain ? "" : "; which document came first is not certain"}">${e.kind.replace(/-/g, " ")}</span> `)}${link.drift.some((e) => !e.orderCertain) ? html`<span class="muted">order not certain</span>` : ""}</div>` : ""}
    </li>`
  )}</ol>` as HTMLElement;
}
