/**
 * Reuse pass 3: alignment of one candidate pair around its seeds. Exact shared n-grams (seeds) are
 * merged into diagonal blocks, blocks are chained across small edits (a changed, inserted or dropped
 * word: the gap between two blocks is aligned word by word with a bounded edit script), and the ends
 * of each chain are extended across single-word edits. The cost is proportional to the two texts'
 * lengths plus the seeds, never the product of the lengths.
 */
import {editScript} from "./diff.js";
import {DEFAULT_NGRAM_ORDER, ngramHashes} from "./reuse-index.js";
import type {ComparisonTokens} from "./reuse-tokens.js";

/** Default largest gap (in words, on either side) bridged between two exact blocks. */
export const DEFAULT_MAX_GAP = 8;
/** Default minimum passage length, in words shared by both sides. */
export const DEFAULT_MIN_PASSAGE_WORDS = 8;
/** A passage whose n-grams are at least this share stock phrases is page furniture, dropped. */
export const FURNITURE_SHARE = 0.2;
/** At most this many occurrences of one n-gram in a text are used as seeds (repetitive text). */
const MAX_POSITIONS_PER_NGRAM = 8;

export interface AlignedPassage {
  /** Token range in the first text, [start, end). */
  a: [number, number];
  /** Token range in the second text, [start, end). */
  b: [number, number];
  /** Words identical (after normalisation) on both sides. */
  matched: number;
  /** Figures that differ between the sides, as token indices [inA, inB]. */
  changedNumbers: [number, number][];
}

export interface AlignOptions {
  order?: number;
  minPassageWords?: number;
  maxGap?: number;
  /** N-gram hashes that are stock phrases (from the index): never seeds; passages made of them are dropped. */
  stock?: ReadonlySet<number>;
}

interface Block {
  p: number;
  q: number;
  len: number;
}

/** Positions are packed with their diagonal in a float64 below this (2^24). */
const POSITION = 16777216;

/** The hash table of one text's n-grams (see `seedBlocks`), with the scratch space of a lookup. */
interface SeedTable {
  hashes: Uint32Array;
  mask: number;
  /** Key + 1 per slot (0: empty); the key is the top 28 bits of the n-gram hash. */
  slotKey: Int32Array;
  /** How many positions hold the slot's key (the first MAX_POSITIONS_PER_NGRAM are kept). */
  slotCount: Int32Array;
  slotPositions: Int32Array;
  /** Per slot, positions of the other text used so far (reset after each lookup). */
  usedByB: Int32Array;
  touched: Int32Array;
  stock: ReadonlySet<number> | undefined;
  /** Per slot: 0 not known yet, 1 not stock, 2 stock. */
  stockState: Uint8Array | null;
}

/** The last table built: a text is aligned with several others in a row (candidate pairs come
 *  sorted by their first document), so its table is built once for them. */
let lastTable: SeedTable | null = null;

function seedTable(hashes: Uint32Array, stock: ReadonlySet<number> | undefined): SeedTable {
  const withStock = stock && stock.size > 0 ? stock : undefined;
  let table = lastTable;
  if (!table || table.hashes !== hashes) {
    let capacity = 16;
    while (capacity < hashes.length * 2) capacity *= 2;
    const mask = capacity - 1;
    const slotKey = new Int32Array(capacity);
    const slotCount = new Int32Array(capacity);
    const slotPositions = new Int32Array(capacity * MAX_POSITIONS_PER_NGRAM);
    for (let p = 0; p < hashes.length; p++) {
      const key = hashes[p]! >>> 4;
      let slot = (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
      while (slotKey[slot] !== 0 && slotKey[slot] !== key + 1) slot = (slot + 1) & mask;
      slotKey[slot] = key + 1;
      const count = slotCount[slot]!;
      if (count < MAX_POSITIONS_PER_NGRAM) slotPositions[slot * MAX_POSITIONS_PER_NGRAM + count] = p;
      slotCount[slot] = count + 1;
    }
    table = {hashes, mask, slotKey, slotCount, slotPositions, usedByB: new Int32Array(capacity), touched: new Int32Array(capacity), stock: undefined, stockState: null};
    lastTable = table;
  }
  if (table.stock !== withStock || (withStock && !table.stockState)) {
    table.stock = withStock;
    table.stockState = withStock ? new Uint8Array(table.slotKey.length) : null;
  }
  return table;
}

/**
 * Exact shared n-grams of two token sequences, as [positionInA, positionInB] pairs ordered by
 * diagonal, merged into maximal diagonal blocks. The n-grams of `a` go into a hash table keyed
 * by the top 28 bits of their hash (at most MAX_POSITIONS_PER_NGRAM positions per key, the first
 * ones); `b`'s n-grams are looked up in it and checked word by word. `hashesA` and `hashesB` are
 * `ngramHashes(ids, order)`, computed once per document by the caller when it aligns a document
 * more than once; the table of `hashesA` is reused while the same array comes back, so an array
 * passed here must not change afterwards. No per-pair sorting of either text's n-grams.
 */
export function seedBlocks(
  a: ComparisonTokens,
  b: ComparisonTokens,
  {order = DEFAULT_NGRAM_ORDER, stock, hashesA, hashesB}: AlignOptions & {hashesA?: Uint32Array; hashesB?: Uint32Array} = {}
): Block[] {
  const ha = hashesA ?? ngramHashes(a.ids, order);
  const hb = hashesB ?? ngramHashes(b.ids, order);
  const na = a.ids.length;
  const keys: number[] = [];
  if (ha.length > 0 && hb.length > 0) {
    const table = seedTable(ha, stock);
    const {mask, slotKey, slotCount, slotPositions, usedByB, stockState, touched} = table;
    let touchedCount = 0;
    for (let q = 0; q < hb.length; q++) {
      const key = hb[q]! >>> 4;
      let slot = (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
      while (slotKey[slot] !== 0 && slotKey[slot] !== key + 1) slot = (slot + 1) & mask;
      if (slotKey[slot] === 0) continue;
      if (usedByB[slot]! >= MAX_POSITIONS_PER_NGRAM) continue;
      if (usedByB[slot]!++ === 0) touched[touchedCount++] = slot;
      const first = slot * MAX_POSITIONS_PER_NGRAM;
      if (stockState) {
        // Stock or not as the n-gram at the key's first position in `a`.
        if (stockState[slot] === 0) stockState[slot] = stock!.has(ha[slotPositions[first]!]!) ? 2 : 1;
        if (stockState[slot] === 2) continue;
      }
      const held = Math.min(slotCount[slot]!, MAX_POSITIONS_PER_NGRAM);
      for (let x = 0; x < held; x++) {
        const p = slotPositions[first + x]!;
        let same = true;
        for (let k = 0; k < order && same; k++) same = a.ids[p + k] === b.ids[q + k];
        if (same) keys.push((q - p + na) * POSITION + p);
      }
    }
    for (let t = 0; t < touchedCount; t++) usedByB[touched[t]!] = 0;
  }
  const sorted = Float64Array.from(keys).sort();
  const blocks: Block[] = [];
  let current: Block | null = null;
  for (const key of sorted) {
    const p = key % POSITION;
    const q = Math.floor(key / POSITION) - na + p;
    if (current && current.q - current.p === q - p && p <= current.p + current.len - order + 1) {
      current.len = Math.max(current.len, p + order - current.p);
    } else {
      current = {p, q, len: order};
      blocks.push(current);
    }
  }
  blocks.sort((x, y) => x.p - y.p || x.q - y.q);
  return blocks;
}

/**
 * Aligned passages between two token sequences (pass 3). Passages do not overlap on either side and
 * are ordered by their position in `b`.
 * @example alignTokens(comparisonTokens(x, {keepForms: true}), comparisonTokens(y, {keepForms: true}))
 */
export function alignTokens(
  a: ComparisonTokens,
  b: ComparisonTokens,
  options: AlignOptions & {hashesA?: Uint32Array; hashesB?: Uint32Array} = {}
): AlignedPassage[] {
  const {order = DEFAULT_NGRAM_ORDER, minPassageWords = DEFAULT_MIN_PASSAGE_WORDS, maxGap = DEFAULT_MAX_GAP, stock} = options;
  const blocks = seedBlocks(a, b, {order, stock, hashesA: options.hashesA, hashesB: options.hashesB});
  if (blocks.length === 0) return [];
  // Chain blocks whose gaps are small on both sides.
  interface Chain {
    blocks: Block[];
    pEnd: number;
    qEnd: number;
  }
  const chains: Chain[] = [];
  let active: Chain[] = [];
  for (const block0 of blocks) {
    active = active.filter((c) => c.pEnd >= block0.p - maxGap);
    let best: Chain | null = null;
    let bestCost = Infinity;
    for (const c of active) {
      const gapA = block0.p - c.pEnd;
      const gapB = block0.q - c.qEnd;
      if (gapA > maxGap || gapB > maxGap) continue;
      if (gapA < 1 - block0.len || gapB < 1 - block0.len) continue;
      if (Math.abs(gapA - gapB) > maxGap) continue;
      const cost = Math.max(gapA, gapB, 0) + Math.abs(gapA - gapB);
      if (cost < bestCost) {
        bestCost = cost;
        best = c;
      }
    }
    if (best) {
      const trim = Math.max(0, best.pEnd - block0.p, best.qEnd - block0.q);
      const block = {p: block0.p + trim, q: block0.q + trim, len: block0.len - trim};
      if (block.len <= 0) continue;
      best.blocks.push(block);
      best.pEnd = block.p + block.len;
      best.qEnd = block.q + block.len;
    } else {
      const chain = {blocks: [block0], pEnd: block0.p + block0.len, qEnd: block0.q + block0.len};
      chains.push(chain);
      active.push(chain);
    }
  }
  const passages: AlignedPassage[] = [];
  for (const chain of chains) {
    const passage = alignChain(a, b, chain.blocks);
    if (passage.matched < minPassageWords) continue;
    if (stock && stock.size > 0 && isFurniture(a, passage, order, stock)) continue;
    passages.push(passage);
  }
  // Keep the longest passages that do not overlap on either side.
  passages.sort((x, y) => y.matched - x.matched || x.b[0] - y.b[0] || x.a[0] - y.a[0]);
  const kept: AlignedPassage[] = [];
  for (const p of passages) {
    const overlaps = kept.some((k) => p.a[0] < k.a[1] && k.a[0] < p.a[1]) || kept.some((k) => p.b[0] < k.b[1] && k.b[0] < p.b[1]);
    if (!overlaps) kept.push(p);
  }
  kept.sort((x, y) => x.b[0] - y.b[0] || x.a[0] - y.a[0]);
  return kept;
}

function isFurniture(a: ComparisonTokens, passage: AlignedPassage, order: number, stock: ReadonlySet<number>): boolean {
  const hashes = ngramHashes(a.ids.subarray(passage.a[0], passage.a[1]), order);
  if (hashes.length === 0) return false;
  let stockCount = 0;
  for (const h of hashes) if (stock.has(h)) stockCount++;
  return stockCount / hashes.length >= FURNITURE_SHARE;
}

function alignChain(a: ComparisonTokens, b: ComparisonTokens, blocks: Block[]): AlignedPassage {
  const first = blocks[0]!;
  const last = blocks[blocks.length - 1]!;
  let matched = 0;
  const changedNumbers: [number, number][] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    matched += block.len;
    const next = blocks[i + 1];
    if (!next) break;
    const a0 = block.p + block.len;
    const b0 = block.q + block.len;
    const steps = editScript(a.ids.subarray(a0, next.p), b.ids.subarray(b0, next.q));
    let removed: number[] = [];
    let added: number[] = [];
    const flush = () => {
      compareNumbers(a, b, removed, added, changedNumbers);
      removed = [];
      added = [];
    };
    for (const step of steps) {
      if (step.op === "same") {
        matched++;
        flush();
      } else if (step.op === "removed") removed.push(a0 + step.a);
      else added.push(b0 + step.b);
    }
    flush();
  }
  // Extend both ends across exact words and single-word edits confirmed by two matching words.
  let p0 = first.p;
  let q0 = first.q;
  for (;;) {
    if (p0 > 0 && q0 > 0 && a.ids[p0 - 1] === b.ids[q0 - 1]) {
      p0--;
      q0--;
      matched++;
      continue;
    }
    const edit = ([[1, 1], [0, 1], [1, 0]] as const).find(
      ([da, db]) => p0 - da >= 2 && q0 - db >= 2 && a.ids[p0 - da - 1] === b.ids[q0 - db - 1] && a.ids[p0 - da - 2] === b.ids[q0 - db - 2]
    );
    if (!edit) break;
    if (edit[0] === 1 && edit[1] === 1) compareNumbers(a, b, [p0 - 1], [q0 - 1], changedNumbers);
    p0 -= edit[0];
    q0 -= edit[1];
  }
  let p1 = last.p + last.len;
  let q1 = last.q + last.len;
  const na = a.ids.length;
  const nb = b.ids.length;
  for (;;) {
    if (p1 < na && q1 < nb && a.ids[p1] === b.ids[q1]) {
      p1++;
      q1++;
      matched++;
      continue;
    }
    const edit = ([[1, 1], [0, 1], [1, 0]] as const).find(
      ([da, db]) => p1 + da + 2 <= na && q1 + db + 2 <= nb && a.ids[p1 + da] === b.ids[q1 + db] && a.ids[p1 + da + 1] === b.ids[q1 + db + 1]
    );
    if (!edit) break;
    if (edit[0] === 1 && edit[1] === 1) compareNumbers(a, b, [p1], [q1], changedNumbers);
    p1 += edit[0];
    q1 += edit[1];
  }
  changedNumbers.sort((x, y) => x[1] - y[1]);
  return {a: [p0, p1], b: [q0, q1], matched, changedNumbers};
}

/** Pairs the figures of a replaced stretch in order; those that differ are changed numbers. */
function compareNumbers(a: ComparisonTokens, b: ComparisonTokens, removed: number[], added: number[], out: [number, number][]): void {
  if (removed.length === 0 || added.length === 0) return;
  const numbersA = removed.filter((i) => a.numeric[i] === 1);
  const numbersB = added.filter((j) => b.numeric[j] === 1);
  for (let k = 0; k < Math.min(numbersA.length, numbersB.length); k++) {
    const i = numbersA[k]!;
    const j = numbersB[k]!;
    if (a.ids[i] !== b.ids[j]) out.push([i, j]);
  }
}
