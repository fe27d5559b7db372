import {describe, expect, it} from "vitest";
import {attributionIn, insideQuotation, quotationSpans} from "../src/lib/claims-attribution.js";
import type {Span} from "../src/lib/types.js";

describe("insideQuotation", () => {
  const quotes: Span[] = [[10, 20], [30, 45]];
  it("finds the quotation holding a span, with or without its marks", () => {
    expect(insideQuotation(quotes, 12, 18)).toEqual([10, 20]);
    // A span starting where a quotation's words start (spans without marks) is inside it.
    expect(insideQuotation(quotes, 30, 35)).toEqual([30, 45]);
    expect(insideQuotation(quotes, 40, 45)).toEqual([30, 45]);
  });
  it("gives null for a span outside every quotation or running past one", () => {
    expect(insideQuotation(quotes, 0, 5)).toBeNull();
    expect(insideQuotation(quotes, 18, 25)).toBeNull();
    expect(insideQuotation(quotes, 44, 50)).toBeNull();
    expect(insideQuotation([], 1, 2)).toBeNull();
  });
  it("agrees with quotationSpans' spans, marks included", () => {
    const text = `He said “we will hire 300 people” on Monday.`;
    const spans = quotationSpans(text);
    const at = text.indexOf("300");
    expect(insideQuotation(spans, at, at + 3)).toEqual(spans[0]);
    expect(insideQuotation(spans, text.indexOf("Monday"), text.indexOf("Monday") + 6)).toBeNull();
  });
});

describe("attributionIn: according to", () => {
  const speakerOf = (sentence: string) => attributionIn(sentence, 0, sentence.indexOf("5"))?.speaker;
  it("ends the source at punctuation, or where a clause of its own begins", () => {
    expect(speakerOf("Sales rose 5 percent, according to the Acme index.")).toBe("the Acme index");
    expect(speakerOf("Sales rose 5 percent, according to Acme Data and is the biggest rise this year.")).toBe("Acme Data");
    expect(speakerOf("Sales rose 5 percent according to the firm which runs the index.")).toBe("firm");
    // "and" between two names is not a clause.
    expect(speakerOf("Sales rose 5 percent, according to Smith and Jones.")).toBe("Smith and Jones");
  });
});
