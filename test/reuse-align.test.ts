import {describe, expect, it} from "vitest";
import {alignTokens, seedBlocks} from "../src/lib/reuse-align.js";
import {comparisonTokens} from "../src/lib/reuse-tokens.js";

const tok = (text: string) => comparisonTokens(text, {keepForms: true});

describe("seedBlocks", () => {
  it("merges consecutive shared n-grams into one diagonal block", () => {
    const blocks = seedBlocks(tok("a b c d e f g h"), tok("x a b c d e f g h y"));
    expect(blocks).toEqual([{p: 0, q: 1, len: 8}]);
  });
});

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
