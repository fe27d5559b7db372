import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {comparisonForm, comparisonTokens, comparisonTokensByWords, hashString, wordHashes} from "../src/lib/reuse-tokens.js";
import {words} from "../src/lib/text.js";

describe("comparisonTokens", () => {
  const same = (text: string) => {
    const fast = comparisonTokens(text);
    const plain = comparisonTokensByWords(text);
    expect([...fast.ids]).toEqual([...plain.ids]);
    expect([...fast.starts]).toEqual([...plain.starts]);
    expect([...fast.ends]).toEqual([...plain.ends]);
    expect([...fast.numeric]).toEqual([...plain.numeric]);
  };

  it("folds what outlets print differently", () => {
    const forms = comparisonTokens("45 per cent of U.S. jobs, one open-minded Ma’s 45%", {keepForms: true}).forms;
    expect(forms).toEqual(["45", "percent", "of", "us", "jobs", "1", "open", "minded", "ma's", "45", "percent"]);
    expect(comparisonTokens("Jobs grew.").ids[1]).toBe(hashString("grew"));
  });

  it("gives the plain word-by-word result on hand-picked text", () => {
    for (const text of ["45 per cent", "per capita per cent.", "It rose 45% to $1,000,000.", "Mr. Ma met U.S. leaders in Jan. 2017.", "one two THREE four-five", "per", "cent per", "Ünïcödé café 東京 3rd COVID19 x.y.z", ""]) same(text);
  });

  it("gives the plain word-by-word result on arbitrary text", () => {
    const piece = fc.constantFrom("per", "cent", "Per", "one", "Two", "pct", "USA", "U.S.", "45", "1,000", "3.5", "%", " ", "  ", ".", ",", "-", "'", "’", "a", "Z", "word", "café", "\n", "x.", "Mr.", "e.g.", "open-minded", "colour", "90’s", "it's", "1,000,000", "rock’n’roll", "9,a", "2’3", "PER", "Cent");
    fc.assert(fc.property(fc.array(piece, {maxLength: 30}).map((a) => a.join("")), (text) => same(text)), {numRuns: 3000});
  });
});

describe("wordHashes", () => {
  const plain = (text: string) => words(text).map((t) => hashString(comparisonForm(t.norm)));

  it("hashes each word's comparison form, word by word", () => {
    expect([...wordHashes("One pct of U.S. jobs, Ma’s open-minded 45%")]).toEqual(
      ["1", "percent", "of", "us", "jobs", "ma's", "open-minded", "45"].map(hashString)
    );
  });

  it("gives the word-by-word result on arbitrary text", () => {
    const piece = fc.constantFrom("per", "cent", "One", "two", "PCT", "usa", "U.S.", "45", "1,000", "%", " ", ".", ",", "-", "'", "’", "a", "Z", "word", "café", "\n", "x.", "Mr.", "open-minded", "Colour", "90’s", "it's", "東京", "\u00a0");
    fc.assert(fc.property(fc.array(piece, {maxLength: 30}).map((a) => a.join("")), (text) => {
      expect([...wordHashes(text)]).toEqual(plain(text));
    }), {numRuns: 3000});
  });
});
