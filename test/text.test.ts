import {describe, expect, it} from "vitest";
import {normalizeWord, paragraphs, sentences, words} from "../src/lib/text.js";

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
