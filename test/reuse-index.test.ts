import {describe, expect, it} from "vitest";
import {buildNgramIndex, candidatePairs, fingerprints, ngramHashes, splitNgrams} from "../src/lib/reuse-index.js";

describe("ngramHashes", () => {
  it("hashes every n-gram, equal n-grams equally", () => {
    const h = ngramHashes(Int32Array.of(1, 2, 3, 1, 2, 3), 3);
    expect(h.length).toBe(4);
    expect(h[0]).toBe(h[3]);
    expect(h[0]).not.toBe(h[1]);
    expect(ngramHashes(Int32Array.of(1, 2), 5).length).toBe(0);
  });
});

describe("fingerprints", () => {
  it("guarantees a shared fingerprint for a shared run of order + window - 1 words", () => {
    const shared = [101, 102, 103, 104, 105, 106, 107, 108];
    for (let seed = 0; seed < 50; seed++) {
      const a = Int32Array.from([...Array.from({length: 20}, (_, i) => seed * 1000 + i), ...shared, 7, 8, 9]);
      const b = Int32Array.from([5, 6, ...shared, ...Array.from({length: 15}, (_, i) => seed * 1000 + 500 + i)]);
      const fa = new Set(fingerprints(ngramHashes(a, 5), 4));
      const fb = fingerprints(ngramHashes(b, 5), 4);
      expect(Array.from(fb).some((h) => fa.has(h))).toBe(true);
    }
  });
  it("with window 2, gives a shared run of 8 words (the shortest passage) two shared fingerprints", () => {
    const shared = [101, 102, 103, 104, 105, 106, 107, 108];
    for (let seed = 0; seed < 200; seed++) {
      const a = Int32Array.from([...Array.from({length: 20}, (_, i) => seed * 1000 + i), ...shared, 7, 8, 9]);
      const b = Int32Array.from([5, 6, ...shared, ...Array.from({length: 15}, (_, i) => seed * 1000 + 500 + i)]);
      const fa = new Set(fingerprints(ngramHashes(a, 5), 2));
      const fb = fingerprints(ngramHashes(b, 5), 2);
      expect(Array.from(fb).filter((h) => fa.has(h)).length).toBeGreaterThanOrEqual(2);
    }
  });
  it("keeps fewer fingerprints than n-grams, sorted and unique", () => {
    const ids = Int32Array.from({length: 500}, (_, i) => i * 7919);
    const f = fingerprints(ngramHashes(ids, 5), 4);
    expect(f.length).toBeLessThan(496 * 0.6);
    for (let i = 1; i < f.length; i++) expect(f[i]!).toBeGreaterThan(f[i - 1]!);
  });
});

describe("splitNgrams", () => {
  it("splits every distinct n-gram into fingerprints and others, sorted and disjoint", () => {
    const ids = Int32Array.from({length: 300}, (_, i) => (i * 7919) % 97);
    const hashes = ngramHashes(ids, 5);
    const {fingerprints: prints, others} = splitNgrams(hashes, 2);
    expect(Array.from(prints)).toEqual(Array.from(fingerprints(hashes, 2)));
    expect([...prints, ...others].sort((x, y) => x - y)).toEqual([...new Set(hashes)].sort((x, y) => x - y));
    for (let i = 1; i < others.length; i++) expect(others[i]!).toBeGreaterThan(others[i - 1]!);
  });
});

describe("buildNgramIndex and candidatePairs", () => {
  it("counts shared fingerprints per pair, skipping stock ones", () => {
    const index = buildNgramIndex([Uint32Array.of(1, 2, 3, 9), Uint32Array.of(2, 3, 9), Uint32Array.of(3, 9), Uint32Array.of(9)], {maxDocumentFrequency: 3});
    expect([...index.stock]).toEqual([9]);
    const pairs = candidatePairs(index, {minShared: 1});
    expect(Array.from(pairs.left)).toEqual([0, 0, 1]);
    expect(Array.from(pairs.right)).toEqual([1, 2, 2]);
    expect(Array.from(pairs.shared)).toEqual([2, 1, 1]);
    const strict = candidatePairs(index, {minShared: 2});
    expect(Array.from(strict.left)).toEqual([0]);
  });
  it("pairs no documents through wording found in three stories or more (furniture)", () => {
    // 5 and 6 are in documents 0, 1 and 2; 7 and 8 in documents 0 and 3 only.
    const prints = [Uint32Array.of(5, 6, 7, 8), Uint32Array.of(5, 6), Uint32Array.of(5, 6), Uint32Array.of(7, 8)];
    const threeStories = buildNgramIndex(prints, {storyOfDocument: Int32Array.of(0, 1, 2, 0), keepFurniture: true});
    expect([...threeStories.furniture!].sort()).toEqual([5, 6]);
    expect(threeStories.stock.size).toBe(0);
    const pairs = candidatePairs(threeStories, {minShared: 2});
    expect([Array.from(pairs.left), Array.from(pairs.right)]).toEqual([[0], [3]]);
    // In two stories, the same wording still pairs its documents.
    const twoStories = buildNgramIndex(prints, {storyOfDocument: Int32Array.of(0, 1, 1, 0), keepFurniture: true});
    expect(twoStories.furniture!.size).toBe(0);
    expect(buildNgramIndex(prints, {storyOfDocument: Int32Array.of(0, 1, 2, 0)}).furniture).toBeUndefined();
    expect(Array.from(candidatePairs(twoStories, {minShared: 2}).left)).toEqual([0, 0, 0, 1]);
  });
  it("counts stock phrases over every n-gram of each document, not only the fingerprints", () => {
    // 7 is a fingerprint of documents 0 and 1 only, but an n-gram of 0 to 3: above a cap of 3.
    const prints = [Uint32Array.of(1, 7), Uint32Array.of(1, 7), Uint32Array.of(2), Uint32Array.of(2)];
    const others = [Uint32Array.of(3), Uint32Array.of(), Uint32Array.of(7), Uint32Array.of(3, 7)];
    const index = buildNgramIndex(prints, {maxDocumentFrequency: 3, otherNgramsByDocument: others});
    expect([...index.stock]).toEqual([7]);
    expect(Array.from(index.hashes)).toEqual([1, 1, 2, 2]);
    expect(Array.from(candidatePairs(index, {minShared: 2}).left)).toEqual([]);
    // Counted over the fingerprints alone, 7 is in two documents and pairs them.
    expect(Array.from(candidatePairs(buildNgramIndex(prints, {maxDocumentFrequency: 3}), {minShared: 2}).left)).toEqual([0]);
  });
  it("builds the same index one range of hash values at a time", () => {
    const random = (seed: number) => () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0), seed);
    const next = random(42);
    const lists = (count: number, length: number, pool: number) =>
      Array.from({length: count}, () => Uint32Array.from(new Set(Array.from({length}, () => (next() % pool) * 65521 + (next() % 3) * 0x40000000))).sort());
    const prints = lists(120, 40, 3000);
    const others = lists(120, 60, 3000);
    const whole = buildNgramIndex(prints, {maxDocumentFrequency: 4, otherNgramsByDocument: others});
    const ranged = buildNgramIndex(prints, {maxDocumentFrequency: 4, otherNgramsByDocument: others, entriesPerRange: 500});
    expect(Array.from(ranged.hashes)).toEqual(Array.from(whole.hashes));
    expect(Array.from(ranged.documents)).toEqual(Array.from(whole.documents));
    expect([...ranged.stock].sort()).toEqual([...whole.stock].sort());
    const frequency = new Map<number, number>();
    for (let d = 0; d < prints.length; d++) for (const h of new Set([...prints[d]!, ...others[d]!])) frequency.set(h, (frequency.get(h) ?? 0) + 1);
    expect([...whole.stock].sort()).toEqual([...frequency].filter(([, df]) => df > 4).map(([h]) => h).sort());
    expect(whole.stock.size).toBeGreaterThan(0);
    expect(whole.hashes.length).toBeGreaterThan(0);
  });
  it("sorts large postings correctly (radix sort)", () => {
    const docs = Array.from({length: 200}, (_, d) => Uint32Array.from(new Set(Array.from({length: 50}, (_, k) => ((d * 2654435761 + k * 40503) >>> 0) % 5000))).sort());
    const index = buildNgramIndex(docs);
    for (let i = 1; i < index.hashes.length; i++) {
      expect(index.hashes[i]! > index.hashes[i - 1]! || (index.hashes[i] === index.hashes[i - 1] && index.documents[i]! > index.documents[i - 1]!)).toBe(true);
    }
  });
});
