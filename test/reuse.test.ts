import fc from "fast-check";
import {readFileSync, readdirSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {describe, expect, it} from "vitest";
import {
  alignDocuments,
  candidatePairs,
  detectReuse,
  indexDocuments,
  markCommonSources,
  prepareTokenIds,
  reuseLabel,
  sharesPassage,
  reuseLink,
  DERIVED_MIN_COVERAGE,
  PARTIALLY_DERIVED_MIN_COVERAGE,
} from "../src/lib/reuse.js";
import {ngramHashes} from "../src/lib/reuse-index.js";
import {comparisonTokens} from "../src/lib/reuse-tokens.js";
import type {DocumentRecord, TimeEstimate} from "../src/lib/types.js";
import {makeDocument} from "./helpers.js";

const at = (earliest: string, latest = earliest, best = earliest): TimeEstimate => ({earliest, latest, best, timezone: null, basis: "test", evidence: []});

const seedsDir = fileURLToPath(new URL("../seeds/", import.meta.url));
function seeds(): DocumentRecord[] {
  const published: Record<string, TimeEstimate> = {
    // 000: Monday 9 January 2017, a New York day; 001: 10 January 2017, 7:48pm Sydney.
    "000": at("2017-01-09T05:00:00Z", "2017-01-10T04:59:59Z", "2017-01-09T17:00:00Z"),
    "001": at("2017-01-10T08:48:00Z"),
  };
  return readdirSync(seedsDir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => makeDocument(f.slice(0, 3), readFileSync(seedsDir + f, "utf8"), {published: published[f.slice(0, 3)] ?? null}));
}

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

describe("detectReuse on the seed articles", () => {
  const docs = seeds();
  const links = detectReuse(docs);
  const link = (a: string, b: string) => links.find((l) => (l.source === a && l.target === b) || (l.source === b && l.target === a));

  it("finds 001 derived from 000, oriented by the timeline", () => {
    const l = link("000", "001")!;
    expect(l.source).toBe("000");
    expect(l.target).toBe("001");
    expect(l.direction).toBe("timeline");
    expect(l.label).toBe("derived");
    expect(l.targetCoverage).toBeGreaterThan(0.6);
    expect(l.longestPassage).toBeGreaterThan(150);
    // The long passage runs across "U.S." → "US" and "45 percent" → "45 per cent" without a break.
    const d001 = docs.find((d) => d.id === "001")!;
    const longest = l.passages.find((p) => p.words === l.longestPassage)!;
    const target = d001.text.slice(...longest.target);
    expect(target).toContain("45 per cent tariffs");
    expect(target).toContain("small US businesses");
    expect(longest.changedNumbers ?? []).toEqual([]);
  });
  it("finds 003 reusing 000's quotations of the analyst", () => {
    const l = link("000", "003")!;
    const d003 = docs.find((d) => d.id === "003")!;
    const texts = l.passages.map((p) => d003.text.slice(...(l.target === "003" ? p.target : p.source)));
    expect(texts.some((t) => t.includes("nothing to lose in talking about"))).toBe(true);
  });
  it("finds Ma's quotation shared by 002 and 003", () => {
    const l = link("002", "003")!;
    const d002 = docs.find((d) => d.id === "002")!;
    const texts = l.passages.map((p) => d002.text.slice(...(l.source === "002" ? p.source : p.target)));
    expect(texts.some((t) => t.includes("China and USA relationship should be strengthened — should be more friendly"))).toBe(true);
  });
  it("finds little shared between 004 and 001", () => {
    const l = link("001", "004");
    expect(l === undefined || (l.label === "independent" && l.targetCoverage < 0.05)).toBe(true);
  });
  it("emits links with passages, spans inside the texts, finite figures, stable order", () => {
    const byId = new Map(docs.map((d) => [d.id, d]));
    for (const l of links) {
      expect(l.passages.length).toBeGreaterThan(0);
      for (const p of l.passages) {
        expect(p.source[0]).toBeGreaterThanOrEqual(0);
        expect(p.source[1]).toBeLessThanOrEqual(byId.get(l.source)!.text.length);
        expect(p.target[1]).toBeLessThanOrEqual(byId.get(l.target)!.text.length);
        expect(p.words).toBeGreaterThanOrEqual(8);
      }
      expect(Number.isFinite(l.sourceCoverage) && Number.isFinite(l.targetCoverage)).toBe(true);
    }
    expect(detectReuse([...docs].reverse())).toEqual(links);
  });
});

describe("comparison tokens", () => {
  it("fold case, quotes, per cent, %, U.S. and number words, keeping offsets", () => {
    const a = comparisonTokens(`The U.S. plan: 45 per cent tariffs, Ma’s “one million” jobs`, {keepForms: true});
    const b = comparisonTokens(`the US plan - 45% tariffs, Ma's "1 million" jobs`, {keepForms: true});
    expect(a.forms).toEqual(b.forms);
    expect(Array.from(a.ids)).toEqual(Array.from(b.ids));
    const text = `45 per cent`;
    const t = comparisonTokens(text, {keepForms: true});
    expect(t.forms).toEqual(["45", "percent"]);
    expect(text.slice(t.starts[1]!, t.ends[1]!)).toBe("per cent");
  });
});

const base =
  "The regional council voted on Tuesday to close three rural hospitals by the end of next year, citing a shortage of nurses and rising costs. " +
  "Health minister Sarah Okafor said the decision was painful but necessary, and promised that a new clinic network would open before any hospital closed. " +
  "Opposition members walked out of the chamber before the vote.";

describe("alignment", () => {
  it("keeps a lightly edited sentence as one passage", () => {
    const edited = base
      .replace("voted on Tuesday", "voted Tuesday")
      .replace("rising costs", "soaring costs")
      .replace("painful but necessary", "painful but absolutely necessary");
    const {passages} = alignDocuments(base, edited);
    expect(passages).toHaveLength(1);
    expect(passages[0]!.words).toBeGreaterThan(words(base) - 8);
  });
  it("reports changed figures but not reformatted ones", () => {
    const a = "The company had 36,446 full-time employees as of March and expects tariffs of 45 percent on its imports, the filing showed on Monday.";
    const b = "The company had 36,000 full-time employees as of March and expects tariffs of 45 per cent on its imports, the filing showed on Monday.";
    const {passages} = alignDocuments(a, b);
    expect(passages).toHaveLength(1);
    expect(passages[0]!.changedNumbers).toEqual([{source: "36,446", target: "36,000"}]);
  });
  it("ignores passages shorter than the minimum", () => {
    const {passages} = alignDocuments("Officials said on Monday that talks would go on.", "Officials said on Monday that the strike was over.");
    expect(passages).toEqual([]);
  });
  it("measures coverage of each side", () => {
    const longer = base + " " + "Farmers in the valley fear the closures will leave them hours from emergency care, a local union leader told the newspaper.";
    const {firstCoverage, secondCoverage} = alignDocuments(base, longer);
    expect(firstCoverage).toBeGreaterThan(0.95);
    expect(secondCoverage).toBeLessThan(0.8);
  });
});

describe("screening a pair on its token ids", () => {
  const screen = (a: string, b: string, stock?: ReadonlySet<number>) =>
    sharesPassage(prepareTokenIds(comparisonTokens(a).ids), prepareTokenIds(comparisonTokens(b).ids), {stock});
  it("passes a pair with a lightly edited passage and stops one that shares only a short phrase", () => {
    expect(screen(base, base.replace("rising costs", "soaring costs"))).toBe(true);
    expect(screen("Officials said on Monday that talks would go on.", "Officials said on Monday that the strike was over.")).toBe(false);
  });
  it("agrees with the alignment of the texts on every pair (random texts with copied, edited passages)", () => {
    // A small vocabulary, so unrelated texts share short runs by chance; figures among the words.
    const word = fc.constantFrom("the", "council", "said", "on", "Monday", "that", "plan", "would", "create", "jobs", "in", "45", "percent", "of", "1,000", "tariffs", "and", "a");
    const text = fc.array(word, {minLength: 5, maxLength: 60});
    const edit = fc.record({at: fc.nat(), op: fc.constantFrom("change", "drop", "insert", "none"), with: word});
    const pair = fc.record({a: text, b: text, from: fc.nat(), length: fc.integer({min: 3, max: 20}), to: fc.nat(), edits: fc.array(edit, {maxLength: 3})});
    const seen = {shared: 0, none: 0};
    fc.assert(
      fc.property(pair, fc.boolean(), ({a, b, from, length, to, edits}, withStock) => {
        const start = from % a.length;
        const copied = a.slice(start, start + length);
        for (const e of edits) {
          const i = e.at % Math.max(1, copied.length);
          if (e.op === "change") copied[i] = e.with;
          else if (e.op === "drop") copied.splice(i, 1);
          else if (e.op === "insert") copied.splice(i, 0, e.with);
        }
        const at = to % (b.length + 1);
        const first = a.join(" ") + ".";
        const second = [...b.slice(0, at), ...copied, ...b.slice(at)].join(" ") + ".";
        const stock = withStock ? new Set(ngramHashes(comparisonTokens(first).ids).slice(0, 3)) : undefined;
        const aligned = alignDocuments(first, second, {stock}).passages.length > 0;
        seen[aligned ? "shared" : "none"]++;
        expect(screen(first, second, stock)).toBe(aligned);
      }),
      {numRuns: 400}
    );
    // Both outcomes were tried, each many times (the samples are random: 52–67 of the 400 shared a
    // passage in five runs, and once only 40, so the bound leaves room).
    expect(seen.shared).toBeGreaterThan(10);
    expect(seen.none).toBeGreaterThan(10);
  });
});

describe("index and candidate pairs", () => {
  const furniture = " Share this with family and friends. Related posts. Leave a comment below and subscribe to our newsletter for daily updates today.";
  const stories = Array.from({length: 30}, (_, i) =>
    makeDocument(`s${String(i).padStart(2, "0")}`, `Story ${i}\nIn district ${i} the weather ${i % 2 ? "turned" : "stayed"} mild while lake number ${i} froze over for the ${i}th time since records began in the colonial archives.${furniture}`)
  );
  it("caps stock phrases and page furniture by document frequency", () => {
    const index = indexDocuments(stories, {maxDocumentFrequency: 10});
    expect(index.stock.size).toBeGreaterThan(0);
    expect(candidatePairs(index).left.length).toBe(0);
    expect(detectReuse(stories, {maxDocumentFrequency: 10})).toEqual([]);
    // Without the cap the furniture alone would pair every story with every other.
    expect(candidatePairs(indexDocuments(stories, {maxDocumentFrequency: 1000})).left.length).toBe((30 * 29) / 2);
  });
  it("counts every n-gram of the furniture as stock, whichever of them winnowing keeps", () => {
    const index = indexDocuments(stories, {maxDocumentFrequency: 10});
    const grams = ngramHashes(comparisonTokens(furniture).ids, 5);
    expect(grams.length).toBeGreaterThan(10);
    for (const h of grams) expect(index.stock.has(h)).toBe(true);
  });
  it("pairs only documents sharing fingerprints, furniture aside", () => {
    const copied = makeDocument("copy", `Hospitals to close\n${base}${furniture}`);
    const original = makeDocument("orig", `Council closes hospitals\n${base}`);
    const docs = [...stories, copied, original];
    const index = indexDocuments(docs, {maxDocumentFrequency: 10});
    const pairs = candidatePairs(index);
    expect(Array.from(pairs.left).map((l, k) => [docs[l]!.id, docs[pairs.right[k]!]!.id])).toEqual([["copy", "orig"]]);
    const links = detectReuse(docs, {maxDocumentFrequency: 10});
    expect(links).toHaveLength(1);
    expect(links[0]!.passages).toHaveLength(1);
  });
});

describe("direction and labels", () => {
  const original = makeDocument("a", `Council closes hospitals\n${base}`);
  const rewrite = makeDocument("b", `Nurses protest\nNurses gathered outside the council building on Wednesday. ${base} A second protest is planned for Friday, the union said, and more could follow across the region.`);
  it("orients by the timeline when the times do not overlap", () => {
    const early = {...rewrite, published: at("2020-01-01T10:00:00Z")};
    const late = {...original, published: at("2020-01-02T10:00:00Z")};
    const l = reuseLink(early, late, alignDocuments(early.text, late.text));
    expect([l.source, l.target, l.direction]).toEqual(["b", "a", "timeline"]);
  });
  it("falls back to containment: the more contained side is the target", () => {
    const l = reuseLink(rewrite, original, alignDocuments(rewrite.text, original.text));
    expect([l.source, l.target, l.direction]).toEqual(["b", "a", "containment"]);
  });
  it("says unknown when times overlap and containment is even", () => {
    const x = {...original, id: "x", published: at("2020-01-01T00:00:00Z", "2020-01-02T00:00:00Z")};
    const y = {...original, id: "y", published: at("2020-01-01T12:00:00Z", "2020-01-03T00:00:00Z")};
    const l = reuseLink(y, x, alignDocuments(y.text, x.text));
    expect(l.direction).toBe("unknown");
    expect(l.label).toBe("derived");
  });
  it("labels by calibrated coverage thresholds", () => {
    expect(reuseLabel(0.9)).toBe("derived");
    expect(reuseLabel(DERIVED_MIN_COVERAGE)).toBe("derived");
    expect(reuseLabel((DERIVED_MIN_COVERAGE + PARTIALLY_DERIVED_MIN_COVERAGE) / 2)).toBe("partially-derived");
    expect(reuseLabel(0)).toBe("independent");
  });
});

describe("common source", () => {
  const wire = "Rescue teams pulled twelve people from the collapsed apartment block overnight, and the fire chief said the search would continue until every resident was accounted for.";
  const first = "Engineers had warned the city about cracks in the building's foundations two years ago, according to documents seen by reporters this week.";
  it("is suspected when two later documents share text an earlier related one lacks", () => {
    const e = makeDocument("e", `Warnings ignored\n${first} The mayor declined to comment on the report.`, {published: at("2021-03-01T08:00:00Z")});
    const x = makeDocument("x", `Block collapse\n${first} ${wire}`, {published: at("2021-03-02T08:00:00Z")});
    const y = makeDocument("y", `Twelve rescued\n${wire} Neighbours brought food and blankets to the shelters.`, {published: at("2021-03-02T09:00:00Z")});
    const links = detectReuse([e, x, y]);
    const xy = links.find((l) => l.source === "x" && l.target === "y")!;
    expect(xy.commonSourceSuspected).toBe(true);
    const ex = links.find((l) => l.source === "e" && l.target === "x")!;
    expect(ex.commonSourceSuspected).toBeUndefined();
  });
  it("is not suspected when the earlier document has the shared text", () => {
    const e = makeDocument("e", `Twelve rescued\n${wire}`, {published: at("2021-03-01T08:00:00Z")});
    const x = makeDocument("x", `Block collapse\n${wire} Officials met on Tuesday.`, {published: at("2021-03-02T08:00:00Z")});
    const y = makeDocument("y", `Rescue\n${wire} Schools stay closed on Friday.`, {published: at("2021-03-02T09:00:00Z")});
    const links = markCommonSources(detectReuse([e, x, y]), [e, x, y]);
    expect(links.every((l) => !l.commonSourceSuspected)).toBe(true);
  });
});

describe("robustness", () => {
  it("never throws on odd input and returns nothing for unrelated texts", () => {
    const docs = ["", "“”", "a", "\u0000\u0001", "x ".repeat(5000), "1 2 3 4 5 6 7 8 9 10 11 12"].map((t, i) => makeDocument(`o${i}`, t));
    expect(() => detectReuse(docs)).not.toThrow();
    expect(detectReuse([])).toEqual([]);
  });
  it("does not mutate its input", () => {
    const docs = seeds();
    const before = JSON.stringify(docs);
    detectReuse(docs);
    expect(JSON.stringify(docs)).toBe(before);
  });
});
