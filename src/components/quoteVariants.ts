import {html} from "htl";
import type {Quote} from "../lib/types.js";
import {diffText, type DiffPiece} from "./diffText.js";
import {documentLink} from "./documentLink.js";

export interface QuoteFamilyView {
  id: string;
  label: string;
  documentIds: string[];
  /** The family's quotations as the phrasing page carries them (without `speakerAt`). */
  quotes: Omit<Quote, "speakerAt">[];
  variants: {quoteId: string; diff: DiffPiece[]}[];
  /** Whether the earliest variant's document certainly came before the others'. */
  earliestCertain?: boolean;
}

/**
 * A quotation family: each variant with its speaker and document, diffed against the earliest (and
 * a note when which came first is not certain).
 * @example quoteVariants(phrasing.quoteFamilies[0])
 */
export function quoteVariants(family: QuoteFamilyView, {base = ".", pages}: {base?: string; pages?: string[]} = {}): HTMLElement {
  const withPage = pages && new Set(pages);
  const quotes = new Map(family.quotes.map((q) => [q.id, q]));
  return html`<div class="quote-family">
    <p class="muted">${family.quotes.length} variants in ${family.documentIds.length} documents${family.earliestCertain === false ? "; which came first is not certain (the documents' publication times overlap), so the differences are shown against the earliest by the best estimates" : ""}</p>
    <ol>${family.variants.map((v) => {
      const q = quotes.get(v.quoteId);
      return html`<li>${q ? documentLink(q.documentId, q.documentId, {base, pages: withPage}) : v.quoteId}${q?.speaker ? html` · <span class="muted">${q.speaker}${q.verb ? ` (${q.verb})` : ""}</span>` : ""}<div>“${diffText(v.diff)}”</div></li>`;
    })}</ol>
  </div>` as HTMLElement;
}
