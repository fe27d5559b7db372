export interface Highlight {
  span: [number, number];
  className: string;
  title?: string;
  /** An element id, so links can land on the highlight. */
  id?: string;
}

/**
 * Article text with highlighted spans, built from text nodes only: the text is never parsed as HTML.
 * Overlapping highlights are clipped so the first one wins.
 * @example highlightedText(doc.text, claims.map((c) => ({span: c.span, className: "claim", title: c.modality})))
 */
export function highlightedText(text: string, highlights: Highlight[], {className = "article-text"} = {}): HTMLElement {
  const root = document.createElement("div");
  root.className = className;
  const sorted = [...highlights].filter((h) => h.span[0] < h.span[1]).sort((a, b) => a.span[0] - b.span[0] || b.span[1] - a.span[1]);
  let at = 0;
  for (const h of sorted) {
    const start = Math.max(h.span[0], at);
    const end = Math.min(h.span[1], text.length);
    if (start >= end) continue;
    if (start > at) root.append(document.createTextNode(text.slice(at, start)));
    const mark = document.createElement("mark");
    mark.className = h.className;
    mark.textContent = text.slice(start, end);
    if (h.title) mark.title = h.title;
    if (h.id) mark.id = h.id;
    root.append(mark);
    at = end;
  }
  if (at < text.length) root.append(document.createTextNode(text.slice(at)));
  return root;
}
