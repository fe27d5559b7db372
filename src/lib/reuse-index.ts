/**
 * Reuse pass 1 and 2 (passim style): an index of word n-gram fingerprints, then candidate document
 * pairs counted from the index. Everything is integers in typed arrays: n-grams are 32-bit hashes,
 * postings are parallel Uint32Arrays sorted by hash, and pair counting walks each document's
 * postings lists once, so no pair of documents is ever compared in full here.
 *
 * Stock phrases (n-grams in more than `maxDocumentFrequency` documents) are counted over every
 * n-gram of each document, not over fingerprints: winnowing keeps an n-gram only where it is the
 * smallest hash of a window, which depends on the words around it, so a phrase found in many
 * documents is a fingerprint in fewer of them and would slip under the cap.
 */
import {postingRuns} from "./postings.js";

/** Default n-gram order (passim uses 5-grams). */
export const DEFAULT_NGRAM_ORDER = 5;
/** Default winnowing window: any shared run of at least order + window - 1 words (6) is guaranteed
 *  a shared fingerprint, while only about 2 / (window + 1) of the n-grams are indexed. With window 2
 *  a shared run of 8 words (the shortest passage, 4 n-grams in 3 windows) is guaranteed two. */
export const DEFAULT_WINNOW_WINDOW = 2;
/** N-grams in more documents than this are stock phrases or page furniture and are not counted. */
export const DEFAULT_MAX_DOCUMENT_FREQUENCY = 100;
/** Wording found in documents of this many different stories is page furniture or stock phrase
 *  (a copyright line, a newsletter prompt), not one outlet's reuse of another's story. */
export const DEFAULT_MAX_STORIES = 3;
/** A candidate pair needs at least this many shared fingerprints. */
export const DEFAULT_MIN_SHARED_FINGERPRINTS = 2;

function mix(h: number, v: number): number {
  h ^= v;
  h = Math.imul(h, 0x5bd1e995);
  h ^= h >>> 15;
  return h;
}

/**
 * Hashes of every word n-gram of a token-id sequence: entry i covers tokens [i, i + order).
 * @example ngramHashes(Int32Array.of(1, 2, 3), 2).length // 2
 */
export function ngramHashes(ids: ArrayLike<number>, order = DEFAULT_NGRAM_ORDER): Uint32Array {
  const count = Math.max(0, ids.length - order + 1);
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let h = 0x9747b28c ^ order;
    for (let k = 0; k < order; k++) h = mix(h, ids[i + k]!);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    out[i] = h >>> 0;
  }
  return out;
}

/**
 * The document's fingerprints: winnowing (Schleimer, Wilkerson & Aiken 2003) keeps the smallest
 * hash of every window of `window` consecutive n-grams, so two texts sharing a run of
 * order + window - 1 words share at least one fingerprint. Returned sorted and without repeats.
 * With window 1 every n-gram is a fingerprint.
 */
export function fingerprints(hashes: Uint32Array, window = DEFAULT_WINNOW_WINDOW): Uint32Array {
  const kept = winnowed(hashes, window);
  const selected: number[] = [];
  for (let i = 0; i < hashes.length; i++) if (kept[i]) selected.push(hashes[i]!);
  return sortedUnique(Uint32Array.from(selected)).slice();
}

/** 1 at the positions winnowing keeps (the rightmost smallest hash of each window), else 0. */
function winnowed(hashes: Uint32Array, window: number): Uint8Array {
  const w = Math.max(1, Math.floor(window));
  const kept = new Uint8Array(hashes.length);
  if (hashes.length === 0) return kept;
  if (w === 1) return kept.fill(1);
  if (hashes.length <= w) {
    kept[hashes.indexOf(minOf(hashes, 0, hashes.length))] = 1;
    return kept;
  }
  let pos = -1;
  for (let start = 0; start + w <= hashes.length; start++) {
    if (pos < start) {
      pos = start;
      for (let k = start + 1; k < start + w; k++) if (hashes[k]! <= hashes[pos]!) pos = k;
    } else if (hashes[start + w - 1]! <= hashes[pos]!) {
      pos = start + w - 1;
    }
    kept[pos] = 1;
  }
  return kept;
}

/** A document's n-grams for the index: the fingerprints, and every other n-gram (for stock counts). */
export interface DocumentNgrams {
  /** Winnowed fingerprints, sorted and unique (as `fingerprints` gives them). */
  fingerprints: Uint32Array;
  /** The document's remaining n-grams, sorted and unique, none of them a fingerprint. */
  others: Uint32Array;
}

/**
 * Splits a document's n-gram hashes into its fingerprints (`fingerprints`) and all the others,
 * with one sort: each hash is keyed as hash·2 + 1 where winnowing kept it, so the last key of
 * a run of equal hashes says whether the n-gram is a fingerprint anywhere in the document.
 * @example splitNgrams(ngramHashes(ids)).others.length // n-grams winnowing did not keep
 */
export function splitNgrams(hashes: Uint32Array, window = DEFAULT_WINNOW_WINDOW): DocumentNgrams {
  const kept = winnowed(hashes, window);
  const keys = new Float64Array(hashes.length);
  for (let i = 0; i < hashes.length; i++) keys[i] = hashes[i]! * 2 + kept[i]!;
  keys.sort();
  const prints = new Uint32Array(keys.length);
  const others = new Uint32Array(keys.length);
  let p = 0;
  let o = 0;
  for (let i = 0; i < keys.length; i++) {
    if (i + 1 < keys.length && Math.floor(keys[i + 1]! / 2) === Math.floor(keys[i]! / 2)) continue;
    if (keys[i]! % 2 === 1) prints[p++] = Math.floor(keys[i]! / 2);
    else others[o++] = keys[i]! / 2;
  }
  return {fingerprints: prints.slice(0, p), others: others.slice(0, o)};
}

function sortedUnique(a: Uint32Array): Uint32Array {
  a.sort();
  let n = 0;
  for (let i = 0; i < a.length; i++) if (i === 0 || a[i] !== a[n - 1]) a[n++] = a[i]!;
  return a.subarray(0, n);
}

function minOf(a: Uint32Array, from: number, to: number): number {
  let m = a[from]!;
  for (let i = from + 1; i < to; i++) if (a[i]! < m) m = a[i]!;
  return m;
}

export interface NgramIndex {
  documentCount: number;
  /** Posting hashes, sorted ascending; runs of equal hashes are one fingerprint's postings. Only
   *  fingerprints that can pair documents are kept: in at least two documents, and not stock. */
  hashes: Uint32Array;
  /** Document index of each posting, ascending within a run. */
  documents: Uint32Array;
  /** N-grams found in more than `maxDocumentFrequency` documents (stock phrases, furniture). */
  stock: Set<number>;
  maxDocumentFrequency: number;
  /** N-grams found in documents of `maxStories` stories or more (page furniture, not indexed),
   *  when asked for (`keepFurniture`). */
  furniture?: Set<number>;
}

/** Entries sorted at once while building the index: it is built one range of hash values at a
 *  time, so its working memory stays near this many entries whatever the size of the corpus. */
export const DEFAULT_ENTRIES_PER_RANGE = 1 << 21;

/**
 * Pass 1: the inverted index of fingerprints and the stock phrases, built one range of hash values
 * at a time, each range sorted by a two-pass radix sort (linear time).
 * `fingerprintsByDocument[d]` are document d's fingerprints (sorted, unique, e.g. from
 * `fingerprints`); `otherNgramsByDocument[d]`, when given, its other n-grams (`splitNgrams`), which
 * count towards stock phrases but are not indexed. Without them, document frequency is counted over
 * the fingerprints alone (exact when every n-gram is a fingerprint, window 1).
 * @example buildNgramIndex(docs.map((d) => d.fingerprints), {otherNgramsByDocument: docs.map((d) => d.others)})
 */
export function buildNgramIndex(
  fingerprintsByDocument: readonly Uint32Array[],
  {
    maxDocumentFrequency = DEFAULT_MAX_DOCUMENT_FREQUENCY,
    otherNgramsByDocument,
    entriesPerRange = DEFAULT_ENTRIES_PER_RANGE,
    storyOfDocument,
    maxStories = DEFAULT_MAX_STORIES,
    keepFurniture = false,
  }: {maxDocumentFrequency?: number; otherNgramsByDocument?: readonly Uint32Array[]; entriesPerRange?: number; storyOfDocument?: Int32Array; maxStories?: number; keepFurniture?: boolean} = {}
): NgramIndex {
  const n = fingerprintsByDocument.length;
  const cap = Math.max(1, Math.floor(maxDocumentFrequency));
  const prints = fingerprintsByDocument.map(ascendingUnique);
  const others = prints.map((_, d) => ascendingUnique(otherNgramsByDocument?.[d] ?? EMPTY));
  let total = 0;
  for (let d = 0; d < n; d++) total += prints[d]!.length + others[d]!.length;
  const bits = Math.min(16, Math.max(0, Math.ceil(Math.log2(total / Math.max(1, entriesPerRange)))));
  const rangeSize = 2 ** (32 - bits);
  // Each document's lists are read front to back, range after range: where the next range starts.
  const printAt = new Uint32Array(n);
  const otherAt = new Uint32Array(n);
  const stock = new Set<number>();
  // The stories an n-gram is found in are counted with a stamp per story (the run it was last seen in).
  let storyCount = 0;
  if (storyOfDocument) for (const story of storyOfDocument) storyCount = Math.max(storyCount, story + 1);
  const storySeen = new Int32Array(storyCount).fill(-1);
  let stamp = 0;
  const furniture = keepFurniture ? new Set<number>() : undefined;
  const postingHashes = new GrowingUint32();
  const postingDocuments = new GrowingUint32();
  // Entries of one range: the hash, and the document times two plus one for a fingerprint.
  const keys = new GrowingUint32(Math.ceil((total / 2 ** bits) * 1.25) + 1024);
  const values = new GrowingUint32(keys.capacity);
  for (let range = 0; range < 2 ** bits; range++) {
    const upper = (range + 1) * rangeSize;
    keys.clear();
    values.clear();
    for (let d = 0; d < n; d++) {
      printAt[d] = gatherBelow(prints[d]!, printAt[d]!, upper, d * 2 + 1, keys, values);
      otherAt[d] = gatherBelow(others[d]!, otherAt[d]!, upper, d * 2, keys, values);
    }
    const size = keys.length;
    const [hashes, entries] = radixSortPairs(keys.view(), values.view());
    for (let i = 0; i < size; ) {
      let j = i + 1;
      while (j < size && hashes[j] === hashes[i]) j++;
      if (j - i === 1) {
        // In one document (most n-grams): neither stock nor able to pair documents.
        i = j;
        continue;
      }
      // Documents are ascending within a run (the sort is stable), so each is counted once.
      let documents = 0;
      let indexed = 0;
      let stories = 0;
      stamp++;
      for (let e = i; e < j; e++) {
        if (e === i || entries[e]! >>> 1 !== entries[e - 1]! >>> 1) documents++;
        if (entries[e]! & 1) indexed++;
        if (storyOfDocument) {
          const story = storyOfDocument[entries[e]! >>> 1]!;
          if (storySeen[story] !== stamp) {
            storySeen[story] = stamp;
            stories++;
          }
        }
      }
      if (documents > cap) stock.add(hashes[i]!);
      else if (storyOfDocument && stories >= maxStories) {
        // Furniture pairs no documents. It is not made stock: in a large corpus it can be millions
        // of n-grams, and a pair linked by other wording may align through it.
        furniture?.add(hashes[i]!);
      } else if (indexed >= 2) {
        for (let e = i; e < j; e++) {
          if (!(entries[e]! & 1)) continue;
          postingHashes.push(hashes[i]!);
          postingDocuments.push(entries[e]! >>> 1);
        }
      }
      i = j;
    }
  }
  return {documentCount: n, hashes: postingHashes.values(), documents: postingDocuments.values(), stock, maxDocumentFrequency: cap, ...(furniture ? {furniture} : {})};
}

const EMPTY = new Uint32Array(0);

/** The list itself when it is ascending without repeats, else a sorted unique copy. */
function ascendingUnique(list: Uint32Array): Uint32Array {
  for (let i = 1; i < list.length; i++) if (list[i]! <= list[i - 1]!) return sortedUnique(list.slice()).slice();
  return list;
}

/**
 * Appends the values of an ascending list from position `from` while they are below `upper`, each
 * with `entry`; returns the position reached.
 */
function gatherBelow(list: Uint32Array, from: number, upper: number, entry: number, keys: GrowingUint32, values: GrowingUint32): number {
  let i = from;
  while (i < list.length && list[i]! < upper) i++;
  // Element by element: the pieces are short (a document's n-grams in one range), and this runs
  // once per document and range, where a view of the piece would be an object each time.
  if (i > from) {
    keys.appendRange(list, from, i);
    values.appendRepeated(entry, i - from);
  }
  return i;
}

/** A Uint32Array that grows by doubling. */
class GrowingUint32 {
  private data: Uint32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Uint32Array(Math.max(16, capacity));
  }

  get capacity(): number {
    return this.data.length;
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.data.length) return;
    let capacity = this.data.length * 2;
    while (capacity < this.length + extra) capacity *= 2;
    const bigger = new Uint32Array(capacity);
    bigger.set(this.data.subarray(0, this.length));
    this.data = bigger;
  }

  push(value: number): void {
    this.reserve(1);
    this.data[this.length++] = value;
  }

  /** Appends `list[from]` … `list[to - 1]`. */
  appendRange(list: Uint32Array, from: number, to: number): void {
    this.reserve(to - from);
    const data = this.data;
    let at = this.length;
    for (let k = from; k < to; k++) data[at++] = list[k]!;
    this.length = at;
  }

  appendRepeated(value: number, count: number): void {
    this.reserve(count);
    const data = this.data;
    const end = this.length + count;
    for (let at = this.length; at < end; at++) data[at] = value;
    this.length = end;
  }

  clear(): void {
    this.length = 0;
  }

  /** The values so far, sharing memory with this buffer. */
  view(): Uint32Array {
    return this.data.subarray(0, this.length);
  }

  /** A copy of the values so far. */
  values(): Uint32Array {
    return this.data.slice(0, this.length);
  }
}

/** Stable LSD radix sort of (key, value) pairs by key, two 16-bit digits. */
function radixSortPairs(keys: Uint32Array, values: Uint32Array): [Uint32Array, Uint32Array] {
  let k: Uint32Array = keys;
  let v: Uint32Array = values;
  let k2: Uint32Array = new Uint32Array(keys.length);
  let v2: Uint32Array = new Uint32Array(keys.length);
  for (const shift of [0, 16]) {
    const counts = new Uint32Array(65537);
    for (let i = 0; i < k.length; i++) counts[((k[i]! >>> shift) & 0xffff) + 1]!++;
    for (let b = 1; b < counts.length; b++) counts[b]! += counts[b - 1]!;
    for (let i = 0; i < k.length; i++) {
      const pos = counts[(k[i]! >>> shift) & 0xffff]!++;
      k2[pos] = k[i]!;
      v2[pos] = v[i]!;
    }
    [k, k2] = [k2, k];
    [v, v2] = [v2, v];
  }
  return [k, v];
}

export interface CandidatePairs {
  /** Lower document index of each pair. */
  left: Uint32Array;
  /** Higher document index of each pair. */
  right: Uint32Array;
  /** Number of shared (non-stock) fingerprints. */
  shared: Uint32Array;
}

/**
 * Pass 2: document pairs sharing at least `minShared` fingerprints that are not stock phrases,
 * ordered by left then right. Cost is the sum over fingerprints of df², bounded by the df cap.
 */
export function candidatePairs(index: NgramIndex, {minShared = DEFAULT_MIN_SHARED_FINGERPRINTS}: {minShared?: number} = {}): CandidatePairs {
  const {hashes, documents, documentCount: n, maxDocumentFrequency: cap} = index;
  const total = hashes.length;
  // Runs that count: 2 ≤ df ≤ cap, and each document's runs.
  const {starts: runStarts, ends: runEnds, offsets: perDocument, runs: runsOfDocument} = postingRuns(hashes, documents, n, cap, total);
  const counts = new Uint32Array(n);
  const touched: number[] = [];
  const left: number[] = [];
  const right: number[] = [];
  const shared: number[] = [];
  const min = Math.max(1, Math.floor(minShared));
  for (let d = 0; d < n; d++) {
    for (let q = perDocument[d]!; q < perDocument[d + 1]!; q++) {
      const r = runsOfDocument[q]!;
      // A run's documents are in increasing order: only the later ones, from the end.
      for (let p = runEnds[r]! - 1; p >= runStarts[r]!; p--) {
        const other = documents[p]!;
        if (other <= d) break;
        if (counts[other] === 0) touched.push(other);
        counts[other]!++;
      }
    }
    for (const other of Int32Array.from(touched).sort()) {
      if (counts[other]! >= min) {
        left.push(d);
        right.push(other);
        shared.push(counts[other]!);
      }
      counts[other] = 0;
    }
    touched.length = 0;
  }
  return {left: Uint32Array.from(left), right: Uint32Array.from(right), shared: Uint32Array.from(shared)};
}
