import {html} from "htl";
import type {ChainLink} from "../lib/report.js";
import {diffText} from "./diffText.js";
import {formatInstant} from "./format.js";

/**
 * One figure's journey: each appearance in publication order with its wording diffed against the
 * previous one (added words underlined, removed struck through) and the drift that led to it.
 * @example driftChain(claims.chains[family.id], {base: "."})
 */
export function driftChain(chain: ChainLink[], {base = "."}: {base?: string} = {}): HTMLElement {
  return html`<ol class="drift-chain">${chain.map(
    (link) => html`<li>
      <div><strong>${link.outlet ?? "unknown outlet"}</strong> · <a href="${`${base}/documents/${encodeURIComponent(link.documentId)}#${encodeURIComponent(link.claimId)}`}">${link.documentId}</a>
        <span class="muted"> · ${link.published ? formatInstant(link.published) : "time unknown"} · ${link.modality}${link.hedges.length ? ` · hedges: ${link.hedges.join(", ")}` : ""}${link.speaker ? ` · attributed to ${link.speaker}` : ""}${link.inHeadline ? " · headline" : ""}</span></div>
      <div>${diffText(link.diff)}</div>
      ${link.drift.length ? html`<ul class="drift-events">${link.drift.map((e) => html`<li><code>${e.kind}</code> ${e.description}</li>`)}</ul>` : ""}
    </li>`
  )}</ol>` as HTMLElement;
}
