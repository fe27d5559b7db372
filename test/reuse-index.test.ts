import {describe, expect, it} from "vitest";
import {buildNgramIndex, candidatePairs, fingerprints, ngramHashes} from "../src/lib/reuse-index.js";

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
  it("keeps fewer fingerprints than n-grams, sorted and unique", () => {
    const ids = Int32Array.from({length: 500}, (_, i) => i * 7919);
    const f = fingerprints(ngramHashes(ids, 5), 4);
    expect(f.length).toBeLessThan(496 * 0.6);
    for (let i = 1; i < f.length; i++) expect(f[i]!).toBeGreaterThan(f[i - 1]!);
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
  it("sorts large postings correctly (radix sort)", () => {
    const docs = Array.from({length: 200}, (_, d) => Uint32Array.from(new Set(Array.from({length: 50}, (_, k) => ((d * 2654435761 + k * 40503) >>> 0) % 5000))).sort());
    const index = buildNgramIndex(docs);
    for (let i = 1; i < index.hashes.length; i++) {
      expect(index.hashes[i]! > index.hashes[i - 1]! || (index.hashes[i] === index.hashes[i - 1] && index.documents[i]! > index.documents[i - 1]!)).toBe(true);
    }
  });
});
