/**
 * The index's recall against exhaustive alignment: every pair of documents is aligned with the same
 * aligner as the pipeline (same options, same stock phrases), with no index to pick candidates; the
 * wording of three stories or more (furniture, which pairs no documents in the index) counts as
 * stock here, so a pair is truth only for a passage of its own wording; the
 * pairs that yield at least one passage are the truth, and the recall is the share of them that the
 * pipeline's reuse links hold. Quadratic: for the 1,000-article corpus only.
 */
import {alignDocuments, indexDocuments, prepareText} from "../lib/reuse.js";
import {DEFAULT_NGRAM_ORDER, ngramHashes} from "../lib/reuse-index.js";
import type {Analysis} from "../lib/types.js";

export interface ExhaustiveResult {
  /** Pairs with a passage by exhaustive alignment. */
  pairs: number;
  /** Of those, pairs the pipeline linked. */
  found: number;
  recall: number;
  seconds: number;
}

/** Aligns every pair of the analysis's documents and compares with its reuse links. */
export function exhaustiveRecall(analysis: Analysis): ExhaustiveResult {
  const start = performance.now();
  const docs = analysis.documents;
  // The stories of the analysis, for its furniture.
  const stories = new Map<string, number>();
  (analysis.stories ?? []).forEach((story, s) => story.documentIds.forEach((id) => stories.set(id, s)));
  const index = indexDocuments(docs, {stories, keepFurniture: true});
  const unpaired = new Set([...index.stock, ...(index.furniture ?? [])]);
  const prepared = docs.map((d) => prepareText(d.text));
  const linked = new Set(analysis.reuse.map((l) => (l.source < l.target ? `${l.source}\u0000${l.target}` : `${l.target}\u0000${l.source}`)));
  // The aligner seeds passages only on shared n-grams that are not stock, so a pair sharing none
  // cannot yield a passage: such pairs are skipped (an exact shortcut, not a sample). Every n-gram is
  // used here, with no winnowing, no frequency cap and no minimum count.
  const partners = sharedNgramPartners(prepared.map((p) => ngramHashes(p.tokens.ids, DEFAULT_NGRAM_ORDER)), unpaired);
  let pairs = 0;
  let found = 0;
  for (let i = 0; i < docs.length; i++) {
    for (const j of partners[i]!) {
      const alignment = alignDocuments(docs[i]!.text, docs[j]!.text, {stock: unpaired, firstPrepared: prepared[i]!, secondPrepared: prepared[j]!});
      if (alignment.passages.length === 0) continue;
      pairs++;
      const a = docs[i]!.id;
      const b = docs[j]!.id;
      if (linked.has(a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`)) found++;
    }
  }
  return {pairs, found, recall: pairs ? found / pairs : 1, seconds: (performance.now() - start) / 1000};
}

/** For each document, the later documents (by index) sharing at least one non-stock n-gram with it. */
function sharedNgramPartners(hashesByDocument: readonly Uint32Array[], stock: ReadonlySet<number>): number[][] {
  const postings = new Map<number, number[]>();
  hashesByDocument.forEach((hashes, d) => {
    for (const h of new Set(hashes)) {
      if (stock.has(h)) continue;
      const list = postings.get(h);
      if (list) list.push(d);
      else postings.set(h, [d]);
    }
  });
  const partners = hashesByDocument.map(() => new Set<number>());
  for (const list of postings.values()) {
    for (let x = 0; x < list.length; x++) for (let y = x + 1; y < list.length; y++) partners[list[x]!]!.add(list[y]!);
  }
  return partners.map((set) => [...set].sort((a, b) => a - b));
}
