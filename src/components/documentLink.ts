import {html} from "htl";

export interface DocumentLinkOptions {
  /** Path from the page to the site root (default "."). */
  base?: string;
  /** Ids of the documents that have a page; when given, others are shown as plain text. */
  pages?: string[] | Set<string>;
  /** An element id on the document page to land on (a claim's id). */
  hash?: string;
}

/**
 * A link to a document's page, or its label as plain text when the report has no page for it (a
 * large corpus gets pages for its most involved documents only).
 * @example documentLink("000_5ad1", "Reuters", {pages: corpus.pages})
 */
export function documentLink(id: string, label: string, {base = ".", pages, hash}: DocumentLinkOptions = {}): HTMLElement {
  const has = !pages || (pages instanceof Set ? pages.has(id) : pages.includes(id));
  if (!has) return html`<span title="No page was built for this document (DRIFTLINE_DOCUMENT_PAGES sets how many)">${label}</span>` as HTMLElement;
  return html`<a href="${`${base}/documents/${encodeURIComponent(id)}${hash ? `#${encodeURIComponent(hash)}` : ""}`}">${label}</a>` as HTMLElement;
}
