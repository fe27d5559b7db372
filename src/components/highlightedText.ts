export interface Highlight {
  span: [number, number];
  className: string;
  title?: string;
  /** An element id, so links can land on the highlight. */
  id?: string;
}

/**
 * Article text with highlighted spans, built from text nodes only: the text is never parsed as HTML.
 * Overlapping highlights nest: a figure inside a quotation is marked with both classes.
 * @example highlightedText(doc.text, claims.map((c) => ({span: c.span, className: "claim", title: c.modality})))
 */
export function highlightedText(text: string, highlights: Highlight[], {className = "article-text"} = {}): HTMLElement {
  const root = document.createElement("div");
  root.className = className;
  const valid = highlights.filter((h) => h.span[0] < h.span[1] && h.span[0] >= 0 && h.span[1] <= text.length);
  const cuts = [...new Set([0, text.length, ...valid.flatMap((h) => h.span)])].sort((a, b) => a - b);
  const placed = new Set<Highlight>();
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [start, end] = [cuts[i]!, cuts[i + 1]!];
    const covering = valid.filter((h) => h.span[0] <= start && h.span[1] >= end);
    if (!covering.length) {
      root.append(document.createTextNode(text.slice(start, end)));
      continue;
    }
    const mark = document.createElement("mark");
    mark.className = [...new Set(covering.map((h) => h.className))].join(" ");
    mark.textContent = text.slice(start, end);
    const titles = covering.map((h) => h.title).filter(Boolean);
    if (titles.length) mark.title = titles.join("\n");
    const starting = covering.find((h) => h.id && !placed.has(h) && h.span[0] === start);
    if (starting) {
      mark.id = starting.id!;
      placed.add(starting);
    }
    root.append(mark);
  }
  return root;
}
