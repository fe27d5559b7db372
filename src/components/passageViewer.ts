import {html} from "htl";
import {diffText, type DiffPiece} from "./diffText.js";

export interface ViewedPassage {
  sourceText: string;
  targetText: string;
  words: number;
  diff: DiffPiece[];
  changedNumbers?: {source: string; target: string}[];
}

/**
 * Aligned passages of one pair side by side: the source's wording (removed words struck) next to
 * the target's (added words underlined), changed figures outlined and listed.
 * @example passageViewer(pair.passages, {source: pair.source, target: pair.target})
 */
export function passageViewer(passages: ViewedPassage[], {source = "source", target = "target"}: {source?: string; target?: string} = {}): HTMLElement {
  return html`<div class="passages">${passages.map(
    (p) => html`<div class="grid grid-cols-2 passage">
      <div><div class="muted">${source} · ${p.words} words</div>${diffText(p.diff, {show: "before"})}</div>
      <div><div class="muted">${target}</div>${diffText(p.diff, {show: "after"})}
        ${p.changedNumbers?.length ? html`<div class="changed-number-list">Changed figures: ${p.changedNumbers.map((n, i) => html`${i ? "; " : ""}<del class="diff changed-number">${n.source}</del> → <ins class="diff changed-number">${n.target}</ins>`)}</div>` : ""}
      </div>
    </div>`
  )}</div>` as HTMLElement;
}
