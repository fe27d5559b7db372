/**
 * Shared phrasing between documents, as a sequence of passes that can each be run and inspected on
 * their own (after passim):
 *
 * 1. `documentNgrams`: comparison tokens → word 5-gram hashes → winnowed fingerprints, and the
 *    document's other n-grams; `buildNgramIndex` (reuse-index.ts): the inverted index of the
 *    fingerprints, and the stock phrases (n-grams in more documents than a cap, counted over every
 *    n-gram of each document).
 * 2. `candidatePairs` (reuse-index.ts): pairs sharing at least two fingerprints that are not stock.
 * 3. `alignDocuments`: passages of one candidate pair around its seeds (reuse-align.ts), as spans
 *    into each document's text, with changed figures.
 * 4. `reuseLink`: coverage of each side, label, direction.
 * 5. `markCommonSources`: two later documents sharing text that an earlier related one lacks.
 *
 * `detectReuse` runs them all.
 */
import {publicationOrder, publishedBefore} from "./order.js";
import {alignTokens, DEFAULT_MAX_GAP, DEFAULT_MIN_PASSAGE_WORDS, type AlignedPassage} from "./reuse-align.js";
import {
  buildNgramIndex,
  candidatePairs,
  DEFAULT_MAX_DOCUMENT_FREQUENCY,
  DEFAULT_MIN_SHARED_FINGERPRINTS,
  DEFAULT_NGRAM_ORDER,
  DEFAULT_WINNOW_WINDOW,
  ngramHashes,
  splitNgrams,
  type DocumentNgrams,
  type NgramIndex,
} from "./reuse-index.js";
import {comparisonTokens, type ComparisonTokens} from "./reuse-tokens.js";
import type {DocumentRecord, ReuseLink, ReusePassage} from "./types.js";

export {buildNgramIndex, candidatePairs, type DocumentNgrams} from "./reuse-index.js";
export {alignTokens} from "./reuse-align.js";
export {comparisonTokens} from "./reuse-tokens.js";

/**
 * Label thresholds, calibrated on the Clough & Stevenson corpus of plagiarised short answers (95
 * answers, each aligned with its Wikipedia source; src/eval/similarity.ts prints these figures).
 * The score is the target's coverage: the share of the reusing text's words inside aligned passages.
 * Mean coverage by gold category: cut 0.648, light 0.627, heavy 0.290, non 0.002 (some "cut"
 * answers copy only part of the source). A grid search over all cut points gives 0.183 (derived |
 * heavy) and 0.037 (heavy | non), with passages' exactness 0.944 separating cut from light:
 * four-level agreement 0.81 (77 of 95); with the rounded constants below the same 0.81, and
 * three-level agreement (derived = cut + light, partially-derived = heavy, independent = non) 0.84.
 */
export const DERIVED_MIN_COVERAGE = 0.18;
export const PARTIALLY_DERIVED_MIN_COVERAGE = 0.04;
/** Derived text whose passages are at least this exact (shared words / words inside passages) is
 *  a verbatim cut rather than a light revision (the evaluation's fourth level). */
export const CUT_MIN_EXACTNESS = 0.945;

/** Containment asymmetry needed to orient a pair without a timeline: the more contained side's
 *  coverage must be at least this multiple of the other's, and at least this much larger. */
export const CONTAINMENT_RATIO = 1.25;
export const CONTAINMENT_MIN_DIFFERENCE = 0.05;

/** Documents kept prepared (tokens and sorted n-grams) during the alignment pass. */
const PREPARED_CACHE_SIZE = 4096;

export interface ReuseOptions {
  /** Word n-gram order of seeds and index (default 5). */
  order?: number;
  /** Winnowing window of the index (default 2; 1 indexes every n-gram). */
  window?: number;
  /** N-grams in more documents than this are stock phrases (default 100). */
  maxDocumentFrequency?: number;
  /** Shared fingerprints for a candidate pair (default 2). */
  minShared?: number;
  /** Minimum passage length in shared words (default 8). */
  minPassageWords?: number;
  /** Largest gap in words bridged inside a passage (default 8). */
  maxGap?: number;
  /** The story of each document, by id (`findStories`): wording found in documents of three
   *  stories or more is furniture and pairs no documents. Without it, there is no furniture. */
  stories?: ReadonlyMap<string, number>;
}

/**
 * Pass 1, per document: its fingerprints (sorted unique 32-bit hashes of winnowed word n-grams),
 * and its other n-grams (which count towards stock phrases).
 * @example documentNgrams("The council expects the plan to create ten thousand local jobs").fingerprints.length > 0
 */
export function documentNgrams(text: string, options: ReuseOptions = {}): DocumentNgrams {
  return tokenNgrams(comparisonTokens(text).ids, options);
}

/** `documentNgrams` of a text already split into comparison token ids (`comparisonTokens(text).ids`). */
export function tokenNgrams(ids: Int32Array, {order = DEFAULT_NGRAM_ORDER, window = DEFAULT_WINNOW_WINDOW}: ReuseOptions = {}): DocumentNgrams {
  return splitNgrams(ngramHashes(ids, order), window);
}

/**
 * Pass 1 over a corpus: the fingerprint index and stock phrases of documents already split by
 * `documentNgrams`, in the given order (the pipeline's workers split them).
 */
export function indexNgrams(ngramsByDocument: readonly DocumentNgrams[], {maxDocumentFrequency = DEFAULT_MAX_DOCUMENT_FREQUENCY, storyOfDocument, keepFurniture}: ReuseOptions & {storyOfDocument?: Int32Array; keepFurniture?: boolean} = {}): NgramIndex {
  return buildNgramIndex(
    ngramsByDocument.map((d) => d.fingerprints),
    {maxDocumentFrequency, otherNgramsByDocument: ngramsByDocument.map((d) => d.others), storyOfDocument, keepFurniture}
  );
}

/** Pass 1 over a corpus: the fingerprint index of the documents, in the given order. */
export function indexDocuments(documents: readonly Pick<DocumentRecord, "text" | "id">[], options: ReuseOptions & {keepFurniture?: boolean} = {}): NgramIndex {
  return indexNgrams(documents.map((d) => documentNgrams(d?.text ?? "", options)), {...options, storyOfDocument: storyNumbers(documents, options.stories)});
}

/** The story number of each document, in order (undefined without stories). */
export function storyNumbers(documents: readonly Pick<DocumentRecord, "id">[], stories: ReadonlyMap<string, number> | undefined): Int32Array | undefined {
  if (!stories) return undefined;
  const out = Int32Array.from(documents, (d) => stories.get(d?.id) ?? -1);
  // A document without a story is a story of its own.
  let next = 0;
  for (const s of out) next = Math.max(next, s + 1);
  for (let i = 0; i < out.length; i++) if (out[i]! < 0) out[i] = next++;
  return out;
}

/** Passages between two documents with spans into each text, before direction is known. */
export interface PairAlignment {
  /** Passages, with `source` in the first document and `target` in the second. */
  passages: ReusePassage[];
  /** Share of the first document's words inside passages. */
  firstCoverage: number;
  /** Share of the second document's words inside passages. */
  secondCoverage: number;
}

const SCALE_WORDS = new Set(["million", "billion", "trillion", "thousand", "percent", "per", "%"]);

function figureText(text: string, tokens: ComparisonTokens, i: number): string {
  const next = i + 1 < tokens.ids.length ? text.slice(tokens.starts[i + 1]!, tokens.ends[i + 1]!).toLowerCase() : undefined;
  const end = next && SCALE_WORDS.has(next.split(" ")[0]!) && tokens.starts[i + 1]! - tokens.ends[i]! <= 1 ? tokens.ends[i + 1]! : tokens.ends[i]!;
  return text.slice(tokens.starts[i]!, end);
}

/** A document prepared for alignment: its comparison tokens and their n-gram hashes. */
export interface PreparedText {
  tokens: ComparisonTokens;
  hashes: Uint32Array;
}

/** Pass 3 input, computed once per document: comparison tokens and their n-gram hashes. */
export function prepareText(text: string, {order = DEFAULT_NGRAM_ORDER}: ReuseOptions = {}): PreparedText {
  const tokens = comparisonTokens(typeof text === "string" ? text : "");
  return {tokens, hashes: ngramHashes(tokens.ids, order)};
}

const NO_OFFSETS = new Int32Array(0);

/**
 * A document prepared for screening a pair: its comparison token ids alone (no offsets, no figure
 * marks), which is all the alignment reads to decide where the passages are.
 */
export function prepareTokenIds(ids: Int32Array, {order = DEFAULT_NGRAM_ORDER}: ReuseOptions = {}): PreparedText {
  const tokens: ComparisonTokens = {ids, starts: NO_OFFSETS, ends: NO_OFFSETS, numeric: new Uint8Array(ids.length)};
  return {tokens, hashes: ngramHashes(ids, order)};
}

/**
 * Whether `alignDocuments` would find any passage between two documents, from their token ids
 * (`prepareTokenIds`): the passages depend on the ids only (offsets and figure marks only
 * describe them), so a pair that fails here has none, and the texts need not be prepared.
 */
export function sharesPassage(first: PreparedText, second: PreparedText, options: ReuseOptions & {stock?: ReadonlySet<number>} = {}): boolean {
  return (
    alignTokens(first.tokens, second.tokens, {
      order: options.order ?? DEFAULT_NGRAM_ORDER,
      minPassageWords: options.minPassageWords ?? DEFAULT_MIN_PASSAGE_WORDS,
      maxGap: options.maxGap ?? DEFAULT_MAX_GAP,
      stock: options.stock,
      hashesA: first.hashes,
      hashesB: second.hashes
    }).length > 0
  );
}

function coverage(passages: AlignedPassage[], side: "a" | "b", total: number): number {
  if (total === 0) return 0;
  let covered = 0;
  for (const p of passages) covered += p[side][1] - p[side][0];
  return Math.min(1, covered / total);
}

/**
 * Pass 3: aligned passages between two texts. `stock` comes from the index (`index.stock`).
 * @example alignDocuments(earlier.text, later.text).passages[0].words
 */
export function alignDocuments(
  first: string,
  second: string,
  options: ReuseOptions & {stock?: ReadonlySet<number>; firstPrepared?: PreparedText; secondPrepared?: PreparedText} = {}
): PairAlignment {
  const textA = typeof first === "string" ? first : "";
  const textB = typeof second === "string" ? second : "";
  const preparedA = options.firstPrepared ?? prepareText(textA, options);
  const preparedB = options.secondPrepared ?? prepareText(textB, options);
  const a = preparedA.tokens;
  const b = preparedB.tokens;
  const aligned = alignTokens(a, b, {
    order: options.order ?? DEFAULT_NGRAM_ORDER,
    minPassageWords: options.minPassageWords ?? DEFAULT_MIN_PASSAGE_WORDS,
    maxGap: options.maxGap ?? DEFAULT_MAX_GAP,
    stock: options.stock,
    hashesA: preparedA.hashes,
    hashesB: preparedB.hashes,
  });
  const passages: ReusePassage[] = aligned.map((p) => {
    const passage: ReusePassage = {
      source: [a.starts[p.a[0]]!, a.ends[p.a[1] - 1]!],
      target: [b.starts[p.b[0]]!, b.ends[p.b[1] - 1]!],
      words: p.matched,
    };
    if (p.changedNumbers.length > 0) {
      passage.changedNumbers = p.changedNumbers.map(([i, j]) => ({source: figureText(textA, a, i), target: figureText(textB, b, j)}));
    }
    return passage;
  });
  return {passages, firstCoverage: coverage(aligned, "a", a.ids.length), secondCoverage: coverage(aligned, "b", b.ids.length)};
}

/**
 * The label of a pair from the reusing side's coverage (thresholds above).
 * @example reuseLabel(0.9) // "derived"
 */
export function reuseLabel(targetCoverage: number): ReuseLink["label"] {
  if (targetCoverage >= DERIVED_MIN_COVERAGE) return "derived";
  if (targetCoverage >= PARTIALLY_DERIVED_MIN_COVERAGE) return "partially-derived";
  return "independent";
}

/**
 * Pass 4: the link between two aligned documents, oriented source → target: by the timeline when
 * one was certainly published before the other, else by containment (the side more contained in
 * the other is the target), else `unknown` (then the earlier in publication order, or by id, is
 * listed as source). The label uses the target's coverage (the larger coverage when unknown).
 */
export function reuseLink(first: DocumentRecord, second: DocumentRecord, alignment: PairAlignment): ReuseLink {
  const {firstCoverage, secondCoverage} = alignment;
  let firstIsSource: boolean;
  let direction: ReuseLink["direction"];
  const before = publishedBefore(first, second);
  if (before !== null) {
    firstIsSource = before;
    direction = "timeline";
  } else if (secondCoverage >= firstCoverage * CONTAINMENT_RATIO && secondCoverage - firstCoverage >= CONTAINMENT_MIN_DIFFERENCE) {
    firstIsSource = true;
    direction = "containment";
  } else if (firstCoverage >= secondCoverage * CONTAINMENT_RATIO && firstCoverage - secondCoverage >= CONTAINMENT_MIN_DIFFERENCE) {
    firstIsSource = false;
    direction = "containment";
  } else {
    firstIsSource = publicationOrder([first, second])[0] === first;
    direction = "unknown";
  }
  const passages = firstIsSource
    ? alignment.passages
    : alignment.passages
        .map((p) => {
          const flipped: ReusePassage = {source: p.target, target: p.source, words: p.words};
          if (p.changedNumbers) flipped.changedNumbers = p.changedNumbers.map((c) => ({source: c.target, target: c.source}));
          return flipped;
        })
        .sort((x, y) => x.target[0] - y.target[0] || x.source[0] - y.source[0]);
  const sourceCoverage = firstIsSource ? firstCoverage : secondCoverage;
  const targetCoverage = firstIsSource ? secondCoverage : firstCoverage;
  const labelScore = direction === "unknown" ? Math.max(sourceCoverage, targetCoverage) : targetCoverage;
  return {
    source: firstIsSource ? first.id : second.id,
    target: firstIsSource ? second.id : first.id,
    sourceCoverage: round(sourceCoverage),
    targetCoverage: round(targetCoverage),
    label: reuseLabel(labelScore),
    direction,
    passages,
    longestPassage: passages.reduce((m, p) => Math.max(m, p.words), 0),
  };
}

function round(x: number): number {
  return Number.isFinite(x) ? Math.round(x * 10000) / 10000 : 0;
}

function overlapShare(span: [number, number], others: readonly [number, number][]): number {
  const length = span[1] - span[0];
  if (length <= 0) return 1;
  let covered = 0;
  for (const o of others) covered += Math.max(0, Math.min(span[1], o[1]) - Math.max(span[0], o[0]));
  return Math.min(1, covered / length);
}

/**
 * Pass 5: sets `commonSourceSuspected` on a link X–Y when some document E, related by reuse to X or
 * Y and certainly published before both, lacks a passage that X and Y share (less than half of the
 * passage lies in E's passages with X, and less than half in E's passages with Y): the two later
 * documents probably drew on a third text. Returns new links; the input is not mutated.
 */
export function markCommonSources(links: readonly ReuseLink[], documents: readonly DocumentRecord[], {minPassageWords = DEFAULT_MIN_PASSAGE_WORDS}: ReuseOptions = {}): ReuseLink[] {
  const byId = new Map(documents.map((d) => [d.id, d]));
  // For each document, the first link with each other document.
  const linkWith = new Map<string, Map<string, ReuseLink>>();
  const add = (id: string, other: string, link: ReuseLink) => {
    let withOthers = linkWith.get(id);
    if (!withOthers) linkWith.set(id, (withOthers = new Map()));
    if (!withOthers.has(other)) withOthers.set(other, link);
  };
  for (const link of links) {
    add(link.source, link.target, link);
    add(link.target, link.source, link);
  }
  const sideSpans = new Map<ReuseLink, {source: [number, number][]; target: [number, number][]}>();
  const spansIn = (id: string, other: string): [number, number][] => {
    const link = linkWith.get(id)?.get(other);
    if (!link) return [];
    let spans = sideSpans.get(link);
    if (!spans) sideSpans.set(link, (spans = {source: link.passages.map((p) => p.source), target: link.passages.map((p) => p.target)}));
    return link.source === id ? spans.source : spans.target;
  };
  return links.map((link) => {
    const x = byId.get(link.source);
    const y = byId.get(link.target);
    const copy: ReuseLink = {...link};
    if (!x || !y) return copy;
    // A document related to X or Y, certainly earlier than both, that lacks a passage they share.
    const lacks = (eId: string): boolean => {
      if (eId === x.id || eId === y.id) return false;
      const e = byId.get(eId);
      if (!e || publishedBefore(e, x) !== true || publishedBefore(e, y) !== true) return false;
      const inX = spansIn(x.id, eId);
      const inY = spansIn(y.id, eId);
      return link.passages.some((p) => p.words >= minPassageWords && overlapShare(p.source, inX) < 0.5 && overlapShare(p.target, inY) < 0.5);
    };
    // Any one such document is enough, so the order they are tried in does not matter.
    search: for (const id of [x.id, y.id]) {
      for (const eId of linkWith.get(id)?.keys() ?? []) {
        if (lacks(eId)) {
          copy.commonSourceSuspected = true;
          break search;
        }
      }
    }
    return copy;
  });
}

/**
 * Aligned shared passages between documents, one link per related pair, with direction.
 * Candidate pairs come from the fingerprint index only; links have at least one passage and are
 * ordered by source id then target id.
 * @example detectReuse(documents).filter((l) => l.label === "derived")
 */
export function detectReuse(documents: readonly DocumentRecord[], options: ReuseOptions = {}): ReuseLink[] {
  const docs = (documents ?? []).filter((d): d is DocumentRecord => !!d && typeof d.id === "string");
  if (docs.length < 2) return [];
  const index = indexDocuments(docs, options);
  const pairs = candidatePairs(index, {minShared: options.minShared ?? DEFAULT_MIN_SHARED_FINGERPRINTS});
  const links: ReuseLink[] = [];
  // Prepared texts are cached (least recently used first out), so a document in many pairs is
  // tokenised once while memory stays bounded on large corpora.
  const cache = new Map<number, PreparedText>();
  const prepared = (d: number): PreparedText => {
    let p = cache.get(d);
    if (p) {
      cache.delete(d);
      cache.set(d, p);
      return p;
    }
    p = prepareText(docs[d]!.text, options);
    cache.set(d, p);
    if (cache.size > PREPARED_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    return p;
  };
  for (let k = 0; k < pairs.left.length; k++) {
    const i = pairs.left[k]!;
    const j = pairs.right[k]!;
    const alignment = alignDocuments(docs[i]!.text, docs[j]!.text, {
      ...options,
      stock: index.stock,
      firstPrepared: prepared(i),
      secondPrepared: prepared(j),
    });
    if (alignment.passages.length === 0) continue;
    links.push(reuseLink(docs[i]!, docs[j]!, alignment));
  }
  links.sort((x, y) => (x.source < y.source ? -1 : x.source > y.source ? 1 : x.target < y.target ? -1 : x.target > y.target ? 1 : 0));
  return markCommonSources(links, docs, options);
}
