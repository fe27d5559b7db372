import {beforeAll, describe, expect, it} from "vitest";
import {analyzePaths} from "../src/lib/run.js";
import fc from "fast-check";
import {claimWindow, claimsSlice, corpusSlice, firstPublished, storiesSummary, diagnosticsSlice, documentSlice, fitToBudget, jsonPrefixLength, PAGE_DATA_BUDGET, phrasingSlice, publicationBins, rankFamilies, timelineSlice} from "../src/lib/report.js";
import type {Analysis, DocumentRecord} from "../src/lib/types.js";
import {makeDocument} from "./helpers.js";

let analysis: Analysis;
beforeAll(async () => {
  analysis = (await analyzePaths(["seeds"])).analysis;
});

describe("report slices", () => {
  it("corpusSlice counts what the analysis holds and carries no article text", () => {
    const slice = corpusSlice(analysis);
    expect(slice.counts.documents).toBe(analysis.documents.length);
    expect(slice.counts.claims).toBe(analysis.claims.length);
    expect(slice.documents.map((d) => d.order)).toEqual(analysis.documents.map((_, i) => i + 1));
    expect(JSON.stringify(slice)).not.toContain(analysis.documents[0]!.text.slice(1500, 1560));
    expect(slice.findings.topFamilies[0]?.documents).toBe(Math.max(...analysis.families.map((f) => f.documentIds.length)));
  });

  it("says which documents may have been published before the first", () => {
    // Reuters is first by its best time, known only to within 9–10 January (UTC). The South China
    // Morning Post's 00:01 on the 10th falls inside that, and the two articles placed by their
    // weekday may be anywhere in the week after the 9th; the AAP's 08:48 on the 10th is after it.
    const first = corpusSlice(analysis).findings.first!;
    expect(first.id).toBe("000_5ad1dcb2ed7479b7");
    expect(first.mayBeEarlierCount).toBe(3);
    expect(first.mayBeEarlier.map((d) => d.id)).toEqual(["004_f8eb0480b2581824", "002_6a889b47bfff0538", "003_8ec8a35b82516445"]);
    expect(first.mayBeEarlier[0]!.name).toBe("South China Morning Post");
    const at = (id: string, earliest: string, latest: string) => ({id, published: {earliest, latest, best: latest, timezone: null, basis: "metadata", evidence: []}});
    expect(firstPublished([at("a", "2020-01-01T00:00:00Z", "2020-01-01T01:00:00Z"), at("b", "2020-01-01T02:00:00Z", "2020-01-01T02:00:00Z")])).toEqual({id: "a", mayBeEarlier: [], mayBeEarlierCount: 0});
    expect(firstPublished([{id: "u", published: null}])).toBeNull();
    // No two consecutive documents of the bundled corpus are certainly in order, so no drift is.
    const drift = analysis.families.flatMap((f) => f.drift);
    expect(drift.length).toBeGreaterThan(0);
    expect(drift.some((e) => e.orderCertain)).toBe(false);
    const chains = Object.values(claimsSlice(analysis).chains).flat();
    expect(chains.flatMap((link) => link.drift).every((e) => e.orderCertain === false)).toBe(true);
  });

  it("timelineSlice keeps each document's times and outlet zone", () => {
    const slice = timelineSlice(analysis);
    for (const d of slice.documents) {
      const doc = analysis.documents.find((x) => x.id === d.id)!;
      expect(d.published).toEqual(doc.published);
      expect(d.outlet).toBe(doc.outlet?.name ?? null);
    }
  });

  it("claimsSlice orders each drift chain by publication and diffs each wording against the previous", () => {
    const slice = claimsSlice(analysis);
    const top = rankFamilies(analysis.families)[0]!;
    const chain = slice.chains[top.id]!;
    expect(chain).toHaveLength(top.claimIds.length);
    const orders = chain.map((link) => slice.documents.find((d) => d.id === link.documentId)!.order);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
    expect(chain[0]!.diff).toEqual([{op: "same", text: chain[0]!.wording}]);
    const rebuilt = chain[1]!.diff.filter((p) => p.op !== "removed").map((p) => p.text).join(" ");
    expect(rebuilt.replace(/\s+/g, " ")).toBe(chain[1]!.wording.replace(/\s+/g, " ").trim());
  });

  it("claimWindow keeps the words around the figure inside its sentence", () => {
    const sentence = "Alibaba Group Holding Ltd expects the initiative to create one million U.S. jobs as each company adds a position, company spokesman Bob Christie said in a phone call.";
    const at = sentence.indexOf("one million");
    const window = claimWindow({sentence, sentenceSpan: [100, 100 + sentence.length], span: [100 + at, 100 + at + 11]}, 3);
    expect(window).toBe("… initiative to create one million U.S. jobs as …");
  });

  it("claimsSlice honours the family limit", () => {
    const slice = claimsSlice(analysis, {families: 2});
    expect(slice.families).toHaveLength(2);
    expect(new Set(slice.claims.map((c) => c.familyId))).toEqual(new Set(slice.families.map((f) => f.id)));
  });

  it("phrasingSlice carries passage excerpts that match the spans, capped per pair", () => {
    const slice = phrasingSlice(analysis, {passagesPerPair: 1});
    const pair = slice.reuse[0]!;
    expect(pair.passages).toHaveLength(1);
    const source = analysis.documents.find((d) => d.id === pair.source)!;
    expect(source.text.slice(...pair.passages[0]!.source).startsWith(pair.passages[0]!.sourceText.replace(/…$/, ""))).toBe(true);
  });

  it("fitToBudget cuts a page's data to its budget, keeps the totals and says what it did", () => {
    const bytes = (v: unknown) => new TextEncoder().encode(JSON.stringify(v)).length;
    const whole = phrasingSlice(analysis);
    // The seeds' pages fit the real budget untouched.
    expect(fitToBudget(phrasingSlice, analysis)).toEqual(whole);
    expect(bytes(whole)).toBeLessThan(PAGE_DATA_BUDGET);
    const budget = Math.floor(bytes(whole) / 2);
    const cut = fitToBudget(phrasingSlice, analysis, {}, budget);
    expect(bytes(cut)).toBeLessThanOrEqual(budget);
    expect(cut.fitted?.budget).toBe(budget);
    expect(cut.reuse.length * 100 + cut.reuse.reduce((n, r) => n + r.passages.length, 0)).toBeLessThan(whole.reuse.length * 100 + whole.reuse.reduce((n, r) => n + r.passages.length, 0));
    expect([cut.reuseTotal, cut.quoteFamiliesTotal, cut.documentsTotal]).toEqual([whole.reuseTotal, whole.quoteFamiliesTotal, whole.documentsTotal]);
    // Every pair and quotation it keeps still names a document the page carries.
    const carried = new Set(cut.documents.map((d) => d.id));
    expect(cut.reuse.every((r) => carried.has(r.source) && carried.has(r.target))).toBe(true);
    const claims = fitToBudget(claimsSlice, analysis, {}, Math.floor(bytes(claimsSlice(analysis)) / 2));
    expect(claims.fitted?.limits.families).toBeLessThan(300);
    expect(claims.familiesTotal).toBe(analysis.families.length);
  });

  it("publicationBins counts by outlet and hour, and leaves a few far-off times out of the bins, counted", () => {
    const at = (id: string, iso: string | null, outlet = "Wire"): DocumentRecord => ({
      ...makeDocument(id, "T\nText."),
      outlet: {name: outlet, registryId: null, role: "publisher", basis: "metadata", evidence: [], timezone: null, kind: null, wire: null},
      published: iso ? {earliest: iso, latest: iso, best: iso, basis: "metadata", evidence: []} : null
    } as DocumentRecord);
    const week = Array.from({length: 40}, (_, i) => at(`d${i}`, new Date(Date.UTC(2024, 2, 4) + i * 3 * 3_600_000).toISOString(), i % 2 ? "Wire" : "Daily"));
    const plain = publicationBins([...week, at("u", null)]);
    expect([plain.unit, plain.undated, plain.outside, plain.imprecise]).toEqual(["hour", 1, null, 0]);
    expect(plain.bins.reduce((n, b) => n + b.count, 0)).toBe(40);
    expect(plain.bins[0]).toEqual({start: "2024-03-04T00:00:00.000Z", outlet: "Daily", count: 1});
    // One article from 2009 would stretch the axis over fifteen years of empty days.
    const stray = publicationBins([at("old", "2009-05-11T12:00:00Z"), ...week]);
    expect(stray.unit).toBe("hour");
    expect(stray.outside).toEqual({before: 1, after: 0, earliest: "2009-05-11T12:00:00.000Z", latest: week[39]!.published!.best});
    expect(stray.bins.reduce((n, b) => n + b.count, 0)).toBe(40);
    // Times spread over three years are all drawn, per week.
    const spread = publicationBins(Array.from({length: 40}, (_, i) => at(`s${i}`, new Date(Date.UTC(2020, 0, 1) + i * 30 * 86_400_000).toISOString())));
    expect([spread.unit, spread.outside]).toEqual(["week", null]);
    expect(spread.bins.every((b) => new Date(b.start).getUTCDay() === 1)).toBe(true);
  });

  it("publicationBins counts a document only in a bin as long as its window, and moves to days when most are known only to the day", () => {
    const within = (id: string, earliest: string, hours: number): DocumentRecord => {
      const start = Date.parse(earliest);
      const end = new Date(start + hours * 3_600_000).toISOString();
      return {...makeDocument(id, "T\nText."), outlet: null, published: {earliest, latest: end, best: end, timezone: null, basis: "metadata", evidence: []}} as DocumentRecord;
    };
    const hourly = Array.from({length: 30}, (_, i) => within(`h${i}`, new Date(Date.UTC(2024, 2, 4) + i * 5 * 3_600_000).toISOString(), 0));
    const weekly = Array.from({length: 10}, (_, i) => within(`w${i}`, new Date(Date.UTC(2024, 2, 4) + i * 3_600_000).toISOString(), 7 * 24));
    const mixed = publicationBins([...hourly, ...weekly]);
    expect([mixed.unit, mixed.imprecise]).toEqual(["hour", 10]);
    expect(mixed.bins.reduce((n, b) => n + b.count, 0)).toBe(30);
    // Known to the day (a clock change makes one 25 hours long): counted per day, every one.
    const daily = Array.from({length: 40}, (_, i) => within(`d${i}`, new Date(Date.UTC(2024, 2, 1) + (i % 10) * 86_400_000).toISOString(), i === 0 ? 25 : 24));
    const days = publicationBins(daily);
    expect([days.unit, days.imprecise]).toEqual(["day", 0]);
    expect(days.bins.reduce((n, b) => n + b.count, 0)).toBe(40);
  });

  it("documentSlice returns one document's text and records, or null", () => {
    const id = analysis.documents[0]!.id;
    const slice = documentSlice(analysis, id)!;
    expect(slice.document.text).toBe(analysis.documents[0]!.text);
    expect(slice.claims.every((c) => c.documentId === id)).toBe(true);
    expect(documentSlice(analysis, "no-such-id")).toBeNull();
    expect(slice.cut).toBeUndefined();
  });

  it("documentSlice cuts a text too long for one page at a line break or a space, with the findings of the part it keeps", () => {
    // The first document written out 400 times (about 1.8 MB of text), with its figures and
    // quotations at each copy.
    const doc = analysis.documents[0]!;
    const copies = 400;
    const step = doc.text.length + 1;
    const text = Array.from({length: copies}, () => doc.text).join("\n");
    const shift = <T extends {span: [number, number]; id?: string}>(items: T[]) => items.flatMap((x) => Array.from({length: copies}, (_, k) => ({...x, id: `${x.id}-${k}`, span: [x.span[0] + k * step, x.span[1] + k * step] as [number, number]})));
    const claims = shift(analysis.claims.filter((c) => c.documentId === doc.id));
    const quotes = shift(analysis.quotes.filter((q) => q.documentId === doc.id));
    expect(claims.length).toBeGreaterThan(copies);
    const long: Analysis = {...analysis, documents: [{...doc, text}, ...analysis.documents.slice(1)], claims, quotes};
    const slice = documentSlice(long, doc.id)!;
    expect(Buffer.byteLength(JSON.stringify(slice))).toBeLessThanOrEqual(PAGE_DATA_BUDGET);
    const cut = slice.cut!;
    expect(cut.totalCharacters).toBe(text.length);
    expect(cut.shownCharacters).toBeGreaterThan(100_000);
    expect(cut.shownCharacters).toBeLessThan(text.length);
    expect(slice.document.text).toBe(text.slice(0, cut.shownCharacters));
    expect([" ", "\n"]).toContain(text[cut.shownCharacters - 1]);
    expect(slice.claims.length).toBeGreaterThan(0);
    expect(slice.claims.every((c) => c.span[1] <= cut.shownCharacters)).toBe(true);
    expect(slice.claims.length + cut.claimsLeft).toBe(claims.length);
    expect(slice.quotes.length + cut.quotesLeft).toBe(quotes.length);
    // Every figure in the part kept is there.
    expect(slice.claims.length).toBe(claims.filter((c) => c.span[1] <= cut.shownCharacters).length);
    // A smaller budget keeps less.
    const small = documentSlice(long, doc.id, 100_000)!;
    expect(Buffer.byteLength(JSON.stringify(small))).toBeLessThanOrEqual(100_000);
    expect(small.cut!.shownCharacters).toBeLessThan(cut.shownCharacters);
  });

  it("jsonPrefixLength gives the longest prefix whose JSON string fits the bytes, never half a pair", () => {
    const jsonSize = (s: string) => Buffer.byteLength(JSON.stringify(s)) - 2;
    expect(jsonPrefixLength('a"b', 3)).toBe(2);
    expect(jsonPrefixLength("é€😀", 5)).toBe(2);
    expect(jsonPrefixLength("😀", 3)).toBe(0);
    expect(jsonPrefixLength("\u0001x", 6)).toBe(1);
    const text = fc.array(fc.oneof(fc.string({unit: "grapheme"}), fc.string({unit: "binary"}), fc.constantFrom('"', "\\", "\n", "\u0000", "\ud800", "\udc00", "😀")), {maxLength: 20}).map((parts) => parts.join(""));
    fc.assert(
      fc.property(text, fc.nat(80), (s, bytes) => {
        const k = jsonPrefixLength(s, bytes);
        expect(jsonSize(s.slice(0, k))).toBeLessThanOrEqual(bytes);
        const c = s.charCodeAt(k - 1);
        const d = s.charCodeAt(k);
        expect(k > 0 && c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff).toBe(false);
        if (k < s.length) {
          const pair = d >= 0xd800 && d <= 0xdbff && s.charCodeAt(k + 1) >= 0xdc00 && s.charCodeAt(k + 1) <= 0xdfff;
          expect(jsonSize(s.slice(0, k + (pair ? 2 : 1)))).toBeGreaterThan(bytes);
        }
      })
    );
  });

  it("diagnosticsSlice counts by level", () => {
    const slice = diagnosticsSlice(analysis);
    expect(slice.counts.error + slice.counts.warning + slice.counts.info).toBe(analysis.diagnostics.length);
  });
});

describe("storiesSummary", () => {
  it("counts the stories, those of one document, and lists the largest with their words", () => {
    const base = analysis;
    const stories = [
      {id: "s1", label: "A", documentIds: ["a", "b"], cosines: [null, 0.4], words: ["x"], event: null},
      {id: "s2", label: "B", documentIds: ["c"], cosines: [null], words: [], event: null},
      {id: "s3", label: "C", documentIds: ["d", "e", "f"], cosines: [null, 0.3, 0.5], words: ["y", "z"], event: null},
    ];
    const summary = storiesSummary({...base, stories});
    expect(summary.total).toBe(3);
    expect(summary.alone).toBe(1);
    expect(summary.listed.map((s) => [s.id, s.documents, s.first])).toEqual([["s3", 3, "d"], ["s1", 2, "a"]]);
    expect(storiesSummary({...base, stories}, 1).listed).toHaveLength(1);
    // The bundled corpus is one story.
    expect(corpusSlice(base).stories).toMatchObject({total: 1, alone: 0});
    expect(corpusSlice(base).counts.stories).toBe(1);
  });
});

describe("documentSlice and stories", () => {
  it("names the document's story, the cosine it joined with and the shared words, when there are several stories", () => {
    const ids = analysis.documents.map((d) => d.id);
    expect(documentSlice(analysis, ids[0]!)!.story).toBeNull();
    const stories = [
      {id: "s1", label: "First", documentIds: ids.slice(0, 3), cosines: [null, 0.41, 0.5], words: ["trump", "ma"], event: null},
      {id: "s2", label: "Second", documentIds: ids.slice(3), cosines: [null, 0.3], words: [], event: null},
    ];
    expect(documentSlice({...analysis, stories}, ids[1]!)!.story).toEqual({id: "s1", label: "First", documents: 3, first: ids[0], cosine: 0.41, words: ["trump", "ma"]});
    expect(documentSlice({...analysis, stories}, ids[3]!)!.story!.cosine).toBeNull();
    // The claims page names the stories of its families, and none for a corpus of one story.
    expect(claimsSlice(analysis).stories).toEqual([]);
    const families = analysis.families.map((f, i) => ({...f, storyId: i === 0 ? "s2" : "s1"}));
    expect(claimsSlice({...analysis, stories, families}).stories).toEqual([{id: "s1", label: "First"}, {id: "s2", label: "Second"}]);
  });
});

