import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {alignTokens, seedBlocks} from "../src/lib/reuse-align.js";
import {ngramHashes} from "../src/lib/reuse-index.js";
import {comparisonTokens, type ComparisonTokens} from "../src/lib/reuse-tokens.js";

const tok = (text: string) => comparisonTokens(text, {keepForms: true});

describe("seedBlocks", () => {
  it("merges consecutive shared n-grams into one diagonal block", () => {
    const blocks = seedBlocks(tok("a b c d e f g h"), tok("x a b c d e f g h y"));
    expect(blocks).toEqual([{p: 0, q: 1, len: 8}]);
  });
  it("takes at most 8 positions of one n-gram on each side", () => {
    // The same 5 words ten times in each text, between words found once.
    const repeated = (filler: number) => Int32Array.from({length: 60}, (_, i) => (i % 6 < 5 ? 1 + (i % 6) : filler + i));
    const tokens = (a: Int32Array): ComparisonTokens => ({ids: a, starts: new Int32Array(a.length), ends: new Int32Array(a.length), numeric: new Uint8Array(a.length)});
    const blocks = seedBlocks(tokens(repeated(100)), tokens(repeated(200)));
    expect(blocks).toHaveLength(64);
    expect(Math.max(...blocks.map((x) => x.p))).toBe(42);
    expect(Math.max(...blocks.map((x) => x.q))).toBe(42);
  });
  it("gives the blocks of a sort-merge of both texts' n-grams (every shared n-gram, at most 8 positions each, stock skipped)", () => {
    // Few distinct words, so n-grams repeat, often more than 8 times in one text.
    const ids = (words: number) => fc.array(fc.integer({min: 1, max: words}), {minLength: 0, maxLength: 120}).map((a) => Int32Array.from(a));
    const texts = fc.integer({min: 2, max: 5}).chain((words) => fc.tuple(ids(words), ids(words)));
    const tokens = (a: Int32Array): ComparisonTokens => ({ids: a, starts: new Int32Array(a.length), ends: new Int32Array(a.length), numeric: new Uint8Array(a.length)});
    fc.assert(
      fc.property(texts, fc.integer({min: 0, max: 6}), ([x, y], stockCount) => {
        const a = tokens(x);
        const b = tokens(y);
        const stock = new Set([...ngramHashes(x)].slice(0, stockCount));
        expect(seedBlocks(a, b, {stock})).toEqual(seedBlocksBySorting(a, b, stock));
        // One text against several others in a row, its n-gram hashes given (the table is reused).
        const hashesA = ngramHashes(x);
        const reversed = tokens(y.slice().reverse());
        expect(seedBlocks(a, b, {stock, hashesA})).toEqual(seedBlocksBySorting(a, b, stock));
        expect(seedBlocks(a, reversed, {hashesA})).toEqual(seedBlocksBySorting(a, reversed, new Set()));
        expect(seedBlocks(a, a, {stock, hashesA})).toEqual(seedBlocksBySorting(a, a, stock));
      }),
      {numRuns: 500}
    );
  });
});

/** Seeds found by sorting each text's n-grams (hash, position) and merging the two lists: the
 *  straightforward way, as the reference. */
function seedBlocksBySorting(a: ComparisonTokens, b: ComparisonTokens, stock: ReadonlySet<number>, order = 5) {
  const POSITION = 2 ** 24;
  const sorted = (t: ComparisonTokens) => {
    const hashes = ngramHashes(t.ids, order);
    return Float64Array.from(hashes, (h, i) => (h >>> 4) * POSITION + i).sort();
  };
  const ka = sorted(a);
  const kb = sorted(b);
  const hashesA = ngramHashes(a.ids, order);
  const keys: number[] = [];
  let i = 0;
  let j = 0;
  while (i < ka.length && j < kb.length) {
    const ha = Math.floor(ka[i]! / POSITION);
    const hb = Math.floor(kb[j]! / POSITION);
    if (ha < hb) i++;
    else if (ha > hb) j++;
    else {
      let i2 = i;
      while (i2 < ka.length && Math.floor(ka[i2]! / POSITION) === ha) i2++;
      let j2 = j;
      while (j2 < kb.length && Math.floor(kb[j2]! / POSITION) === hb) j2++;
      if (!stock.has(hashesA[ka[i]! % POSITION]!)) {
        for (let x = i; x < Math.min(i2, i + 8); x++) {
          const p = ka[x]! % POSITION;
          for (let y = j; y < Math.min(j2, j + 8); y++) {
            const q = kb[y]! % POSITION;
            let same = true;
            for (let k = 0; k < order && same; k++) same = a.ids[p + k] === b.ids[q + k];
            if (same) keys.push((q - p + a.ids.length) * POSITION + p);
          }
        }
      }
      i = i2;
      j = j2;
    }
  }
  const blocks: {p: number; q: number; len: number}[] = [];
  let current: {p: number; q: number; len: number} | null = null;
  for (const key of Float64Array.from(keys).sort()) {
    const p = key % POSITION;
    const q = Math.floor(key / POSITION) - a.ids.length + p;
    if (current && current.q - current.p === q - p && p <= current.p + current.len - order + 1) current.len = Math.max(current.len, p + order - current.p);
    else blocks.push((current = {p, q, len: order}));
  }
  return blocks.sort((x, y) => x.p - y.p || x.q - y.q);
}

describe("alignTokens", () => {
  const sentence = "the central bank raised its key interest rate by half a point on thursday to curb inflation that has reached a ten year high";
  it("bridges a dropped word, an inserted word and a changed word", () => {
    const edited = sentence.replace("its key", "its").replace("on thursday", "early on thursday").replace("curb", "tame");
    const passages = alignTokens(tok(sentence), tok(edited));
    expect(passages).toHaveLength(1);
    expect(passages[0]!.a).toEqual([0, tok(sentence).ids.length]);
    expect(passages[0]!.matched).toBe(tok(sentence).ids.length - 2);
  });
  it("extends across an edit near the ends that no seed covers", () => {
    const passages = alignTokens(tok("senior officials say " + sentence), tok("senior officials said " + sentence));
    expect(passages[0]!.a[0]).toBe(0);
  });
  it("finds passages in a different order in the two texts, without overlaps", () => {
    const one = "storm damage closed the coastal highway for most of the weekend and left thousands without power";
    const two = "the ministry of education said all schools in the district would reopen on monday after inspections";
    const passages = alignTokens(tok(`${one} and then ${two}`), tok(`${two} while ${one}`));
    expect(passages).toHaveLength(2);
    expect(passages[0]!.b[0]).toBeLessThan(passages[1]!.b[0]);
  });
  it("pairs changed figures in a replaced stretch", () => {
    const a = tok("the fund lost 2.5 billion dollars last year according to the annual report released today");
    const b = tok("the fund lost 1.8 billion dollars last year according to the annual report released today");
    const [passage] = alignTokens(a, b);
    expect(passage!.changedNumbers).toHaveLength(1);
    const [i, j] = passage!.changedNumbers[0]!;
    expect([a.forms![i], b.forms![j]]).toEqual(["2.5", "1.8"]);
  });
});
