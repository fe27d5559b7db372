/**
 * Property-based tests (fast-check) for the parsers that read untrusted text: the quantity parser,
 * the date/time parser, the quotation finder and the aligner. On arbitrary strings (any code
 * point, news-like fragments: figures, quotation marks, dates, absurd numbers, line separators)
 * they never throw, every span lies inside the text and in order, every value is finite, and the
 * result on normalised text is the same when computed again.
 */
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {normalizeText} from "../src/lib/decode.js";
import {findQuantities} from "../src/lib/quantity.js";
import {extractQuotes} from "../src/lib/quotes.js";
import {alignDocuments, detectReuse} from "../src/lib/reuse.js";
import {parseDateTimes} from "../src/lib/time-parse.js";
import {makeDocument} from "./helpers.js";

/** Pieces of news text, and of text that breaks parsers, to build strings from. */
const FRAGMENTS = [
  "45", "percent", "per cent", "%", "$1.5", "million", "bn", "£", "€", "¥", "up to", "about", "more than", "between", "and", "-", "–", "—",
  "1,000", "999,999,999,999,999,999,999", "10^400", "1e309", "1.7976931348623157e308", "NaN", "Infinity", "0x1F", "-0", ".5", "5.", "1..2", "½", "٣", "四",
  "one", "two", "half a", "dozen", "hundred", "thousand", "trillion", "jobs", "tariffs", "people", "years",
  "“", "”", "‘", "’", "\"", "'", "«", "»", "„", "said", "told reporters", "he said", "Smith", "Ms. Lee", "according to", "the minister",
  "January", "Jan.", "10", "2017", "9", "Tuesday,", "8:01am", "7.48pm", "19:48", "GMT", "AEDT", "ET", "+08:00", "2017-01-09T21:52:00Z", "09/01/2017", "31/02/2017",
  ",", ".", ";", ":", "?", "!", "(", ")", "[", "]", " ", " ", "  ", "\t", "\n", "\n\n", "\r\n", "\r", "\u2028", "\u00a0", "\u200b", "\ufeff",
  "e\u0301", "😀", "👩‍👩‍👧", "\ud800", "\udc00", "<script>alert(1)</script>", "${x}", "العربية", "עברית", "日本語",
];

const fragmentText = fc.array(fc.constantFrom(...FRAGMENTS), {maxLength: 60}).map((parts) => parts.join(""));
const spacedText = fc.array(fc.constantFrom(...FRAGMENTS), {maxLength: 60}).map((parts) => parts.join(" "));
/** Any string: random code points, news fragments with and without spaces, and mixtures. */
const anyText = fc.oneof(
  fc.string({unit: "binary", maxLength: 200}),
  fc.string({unit: "grapheme", maxLength: 200}),
  fragmentText,
  spacedText,
  fc.tuple(spacedText, fc.string({unit: "binary", maxLength: 40}), fragmentText).map((parts) => parts.join(""))
);

const RUNS = {numRuns: 1000};

const inside = (start: number, end: number, length: number) => Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= length;

describe("normalizeText", () => {
  it("is idempotent and leaves no carriage return, control character or lone surrogate", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const once = normalizeText(text);
        expect(normalizeText(once)).toBe(once);
        expect(once).not.toMatch(/[\r\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufeff]/);
        expect(once).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
      }),
      RUNS
    );
  });
});

describe("findQuantities", () => {
  it("never throws; spans inside the text, in order, not overlapping; values finite", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const found = findQuantities(text);
        let previousEnd = 0;
        for (const q of found) {
          expect(inside(q.start, q.end, text.length), JSON.stringify(q)).toBe(true);
          expect(q.start, `out of order or overlapping: ${JSON.stringify(q)}`).toBeGreaterThanOrEqual(previousEnd);
          previousEnd = q.end;
          expect(text.slice(q.start, q.end)).toBe(q.text);
          expect(inside(q.modifierStart, q.start, text.length), `modifierStart ${JSON.stringify(q)}`).toBe(true);
          expect(Number.isFinite(q.value), `value ${JSON.stringify(q)}`).toBe(true);
          if (q.high !== undefined) expect(Number.isFinite(q.high), `high ${JSON.stringify(q)}`).toBe(true);
        }
      }),
      // Counterexamples found earlier, always tried first.
      {...RUNS, examples: [["45 £ two"], ["45¥hundred"], ["It cost 45 £ half a million"]]}
    );
  });

  it("gives the same figures twice on normalised text", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const normalised = normalizeText(text);
        expect(findQuantities(normalizeText(normalised))).toEqual(findQuantities(normalised));
      }),
      RUNS
    );
  });
});

describe("parseDateTimes", () => {
  it("never throws; spans inside the text and in order; fields in range", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const found = parseDateTimes(text);
        let previousEnd = 0;
        for (const d of found) {
          const [start, end] = d.span;
          expect(inside(start, end, text.length), JSON.stringify(d)).toBe(true);
          expect(start, `out of order: ${JSON.stringify(d)}`).toBeGreaterThanOrEqual(previousEnd);
          previousEnd = end;
          expect(text.slice(start, end)).toBe(d.text);
          expect(d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= 31, JSON.stringify(d)).toBe(true);
          if (d.hour !== null) expect(d.hour >= 0 && d.hour <= 23, JSON.stringify(d)).toBe(true);
          if (d.minute !== null) expect(d.minute >= 0 && d.minute <= 59, JSON.stringify(d)).toBe(true);
          if (d.offsetMinutes !== null) expect(Number.isFinite(d.offsetMinutes) && Math.abs(d.offsetMinutes) <= 18 * 60, JSON.stringify(d)).toBe(true);
          for (const n of [d.year, d.second, d.weekday]) if (n !== null) expect(Number.isFinite(n)).toBe(true);
        }
      }),
      RUNS
    );
  });

  it("gives the same dates twice on normalised text", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const normalised = normalizeText(text);
        expect(parseDateTimes(normalizeText(normalised))).toEqual(parseDateTimes(normalised));
      }),
      RUNS
    );
  });
});

describe("extractQuotes", () => {
  it("never throws; spans inside the text and in order; ids unique", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const quotes = extractQuotes(makeDocument("prop", text));
        let previousStart = 0;
        for (const q of quotes) {
          expect(inside(q.span[0], q.span[1], text.length), JSON.stringify(q)).toBe(true);
          expect(q.span[0], `out of order: ${JSON.stringify(q)}`).toBeGreaterThanOrEqual(previousStart);
          previousStart = q.span[0];
          expect(typeof q.text).toBe("string");
          expect(q.documentId).toBe("prop");
        }
        expect(new Set(quotes.map((q) => q.id)).size).toBe(quotes.length);
      }),
      RUNS
    );
  });

  it("gives the same quotations twice on normalised text", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const normalised = normalizeText(text);
        expect(extractQuotes(makeDocument("prop", normalizeText(normalised)))).toEqual(extractQuotes(makeDocument("prop", normalised)));
      }),
      RUNS
    );
  });
});

describe("the aligner", () => {
  /** Two texts that share a passage, each with its own noise around it. */
  const pair = fc.tuple(anyText, spacedText, anyText, anyText).map(([shared, extra, before, after]) => {
    const passage = `${shared} ${extra}`;
    return [`${before} ${passage}`, `${passage} ${after}`] as const;
  });

  it("alignDocuments never throws; passage spans inside both texts; coverage in 0..1", () => {
    fc.assert(
      fc.property(fc.oneof(pair, fc.tuple(anyText, anyText)), ([first, second]) => {
        const alignment = alignDocuments(first, second);
        for (const coverage of [alignment.firstCoverage, alignment.secondCoverage]) expect(Number.isFinite(coverage) && coverage >= 0 && coverage <= 1).toBe(true);
        for (const p of alignment.passages) {
          expect(inside(p.source[0], p.source[1], first.length), JSON.stringify(p)).toBe(true);
          expect(inside(p.target[0], p.target[1], second.length), JSON.stringify(p)).toBe(true);
          expect(Number.isInteger(p.words) && p.words > 0, JSON.stringify(p)).toBe(true);
        }
      }),
      RUNS
    );
  });

  it("detectReuse never throws; links between distinct documents, spans inside, shares in 0..1", () => {
    fc.assert(
      fc.property(pair, anyText, ([first, second], third) => {
        const documents = [makeDocument("a", first), makeDocument("b", second), makeDocument("c", third)];
        const byId = new Map(documents.map((d) => [d.id, d]));
        for (const link of detectReuse(documents)) {
          expect(link.source).not.toBe(link.target);
          for (const share of [link.sourceCoverage, link.targetCoverage]) expect(Number.isFinite(share) && share >= 0 && share <= 1).toBe(true);
          for (const p of link.passages) {
            expect(inside(p.source[0], p.source[1], byId.get(link.source)!.text.length), JSON.stringify(p)).toBe(true);
            expect(inside(p.target[0], p.target[1], byId.get(link.target)!.text.length), JSON.stringify(p)).toBe(true);
          }
        }
      }),
      {numRuns: 150}
    );
  });

  it("gives the same passages twice on normalised text", () => {
    fc.assert(
      fc.property(pair, ([first, second]) => {
        const [a, b] = [normalizeText(first), normalizeText(second)];
        expect(alignDocuments(normalizeText(a), normalizeText(b))).toEqual(alignDocuments(a, b));
      }),
      {numRuns: 150}
    );
  });

  it("finds the shared passage of two texts that share a long run of words", () => {
    const words = "the council voted on tuesday to raise port fees by a large margin after a long and heated debate about the future of the harbour".split(" ");
    fc.assert(
      fc.property(anyText, anyText, (before, after) => {
        const shared = words.join(" ");
        const first = normalizeText(`Headline one\n\n${before}\n\n${shared}.`);
        const second = normalizeText(`Headline two\n\n${shared}.\n\n${after}`);
        const alignment = alignDocuments(first, second);
        const covered = alignment.passages.reduce((n, p) => n + p.words, 0);
        expect(covered, JSON.stringify({first, second})).toBeGreaterThanOrEqual(words.length - 2);
      }),
      {numRuns: 150}
    );
  });
});
