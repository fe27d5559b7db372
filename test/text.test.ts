import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {capitalModalIsName, hasWord, isQuestion, normalizeWord, paragraphs, scanWords, sentences, TextLayout, WORD_PATTERN, words} from "../src/lib/text.js";

describe("words", () => {
  it("keeps offsets into the original text", () => {
    const text = "Ma met U.S. leaders, at 8:01am.";
    for (const t of words(text)) expect(text.slice(t.start, t.end)).toBe(t.raw);
  });
  it("normalises initialisms, apostrophes and thousands separators", () => {
    expect(words("U.S. firm’s 36,446 staff").map((t) => t.norm)).toEqual(["us", "firm's", "36446", "staff"]);
  });
  it("drops a sentence-final dot but keeps an abbreviation's", () => {
    expect(words("He met Mr. Ma in the U.S.").map((t) => t.raw)).toEqual(["He", "met", "Mr.", "Ma", "in", "the", "U.S."]);
    expect(words("It grew.").map((t) => t.raw)).toEqual(["It", "grew"]);
  });
  it("normalizeWord keeps decimals", () => {
    expect(normalizeWord("1.5")).toBe("1.5");
  });
});

describe("sentences", () => {
  const slice = (text: string) => sentences(text).map(([s, e]) => text.slice(s, e));
  it("splits after terminal punctuation with closing quotes", () => {
    expect(slice("He left. She said “yes.” Then Mr. Ma spoke.")).toEqual(["He left.", "She said “yes.”", "Then Mr. Ma spoke."]);
  });
  it("does not split inside U.S. or initials", () => {
    expect(slice("The U.S. President met Jack B. Smith. Later he left.")).toEqual(["The U.S. President met Jack B. Smith.", "Later he left."]);
  });
  it("never crosses a line break", () => {
    expect(slice("Headline here\nBody starts. Ends")).toEqual(["Headline here", "Body starts.", "Ends"]);
  });
  it("paragraphs are trimmed", () => {
    expect(paragraphs("  a \n\n b")).toEqual([[2, 3], [7, 8]]);
  });
});

describe("scanWords", () => {
  const byPattern = (text: string) => [...text.matchAll(WORD_PATTERN)].map((m) => [m.index, m.index + m[0].length]);
  const byScanner = (text: string) => {
    const out: number[][] = [];
    scanWords(text, (start, end) => out.push([start, end]));
    return out;
  };

  it("finds exactly the matches of the word pattern", () => {
    for (const text of ["U.S. jobs rose 1,000,000. Ma’s plan-B", "e.g. a.m. 3.5% x.", "Ünïcödé 東京 𝐀𝐁 x\uD800y \uDC00z", "'-,.", "a-", "a--b", "45%.", ""]) {
      expect(byScanner(text)).toEqual(byPattern(text));
    }
  });

  it("agrees with the pattern on arbitrary text", () => {
    const alphabet = fc.constantFrom(..."aZ09 .,'’-\n\t\"é東𝐀\uD800\uDC00!?%".split(""), "𝐀", "\uD835");
    fc.assert(fc.property(fc.array(alphabet, {maxLength: 40}).map((a) => a.join("")), (text) => {
      expect(byScanner(text)).toEqual(byPattern(text));
    }), {numRuns: 2000});
  });
});

describe("paragraphs, sentences and their layout", () => {
  // The definition the scanner implements: lines trimmed of white space as `\s` and `trim` know it.
  const byRegex = (text: string) => {
    const spans: number[][] = [];
    for (const m of text.matchAll(/[^\n]+/g)) {
      const lead = m[0].length - m[0].trimStart().length;
      const trimmed = m[0].trim();
      if (trimmed) spans.push([m.index + lead, m.index + lead + trimmed.length]);
    }
    return spans;
  };
  const alphabet = fc.constantFrom(..."aZ0 .!?\n\r\t\v\f\"“”’(U.S".split(""), "\u00a0", "\u1680", "\u2003", "\u2028", "\u202f", "\u3000", "\ufeff", "\u200b", "\u0085", "Mr. ");

  it("splits paragraphs exactly as the line pattern and trim do", () => {
    fc.assert(fc.property(fc.array(alphabet, {maxLength: 40}).map((a) => a.join("")), (text) => {
      expect(paragraphs(text)).toEqual(byRegex(text));
    }), {numRuns: 2000});
  });

  it("gives the same sentences through a layout, and keeps them", () => {
    const text = "He left. She said “yes.” Then Mr. Ma spoke.\n\nU.S. jobs rose! Did they?";
    const layout = new TextLayout(text);
    expect(layout.paragraphs).toEqual(paragraphs(text));
    expect(layout.sentences).toEqual(sentences(text));
    expect(layout.sentences).toBe(layout.sentences);
    fc.assert(fc.property(fc.array(alphabet, {maxLength: 40}).map((a) => a.join("")), (t) => {
      expect(new TextLayout(t).sentences).toEqual(sentences(t));
    }), {numRuns: 500});
  });

  it("hasWord holds exactly where words finds one", () => {
    const chars = fc.constantFrom(..." .,'’-\n\"!?%a9é".split(""), "𝐀", "\uD835", "\uDC00");
    fc.assert(fc.property(fc.array(chars, {maxLength: 12}).map((a) => a.join("")), fc.nat(12), fc.nat(12), (text, a, b) => {
      const [start, end] = a <= b ? [a, b] : [b, a];
      expect(hasWord(text, start, end)).toBe(words(text.slice(start, end)).length > 0);
    }), {numRuns: 3000});
  });
});

describe("capitalModalIsName", () => {
  const at = (sentence: string, word: string) => {
    const tokens = words(sentence);
    return capitalModalIsName(tokens, tokens.findIndex((t) => t.raw === word));
  };
  it("reads a capitalised May or Will in a sentence-case sentence, or before a lower-case word, as a name", () => {
    expect(at("Theresa May said jobs were lost.", "May")).toBe(true);
    expect(at("The actor Will Smith gave money.", "Will")).toBe(true);
    expect(at("May said members would vote against it.", "May")).toBe(true);
    expect(at("British Prime Minister Theresa May greets Israeli Prime Minister Benjamin Netanyahu.", "May")).toBe(true);
  });
  it("reads a sentence-opening Will before a capitalised word as a name unless the sentence is a question", () => {
    const tokens = words("Will Smith arrived in Paris on Monday.");
    expect(capitalModalIsName(tokens, 0, {question: false})).toBe(true);
    expect(capitalModalIsName(tokens, 0, {question: true})).toBe(false);
    expect(capitalModalIsName(words("Will Smith Gives Millions Away"), 0, {question: false})).toBe(false);
  });
  it("keeps the modal in a title-case line, in a question, and in lower case", () => {
    expect(at("Tariffs May Reach New Highs", "May")).toBe(false);
    expect(at("Ford Will Hire Workers", "Will")).toBe(false);
    expect(at("Will it work?", "Will")).toBe(false);
    expect(at("Prices may rise.", "may")).toBe(false);
  });
});

describe("isQuestion", () => {
  it("is true for a sentence ending with a question mark, closing quotes and brackets aside", () => {
    expect(isQuestion("Will it work?")).toBe(true);
    expect(isQuestion("“Will it work?” ")).toBe(true);
    expect(isQuestion("He asked whether it would work.")).toBe(false);
  });
});
