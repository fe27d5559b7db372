import {beforeAll, describe, expect, it} from "vitest";
import {analyzePaths} from "../src/lib/run.js";
import {claimWindow, claimsSlice, corpusSlice, diagnosticsSlice, documentSlice, fitToBudget, PAGE_DATA_BUDGET, phrasingSlice, rankFamilies, timelineSlice} from "../src/lib/report.js";
import type {Analysis} from "../src/lib/types.js";

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

  it("documentSlice returns one document's text and records, or null", () => {
    const id = analysis.documents[0]!.id;
    const slice = documentSlice(analysis, id)!;
    expect(slice.document.text).toBe(analysis.documents[0]!.text);
    expect(slice.claims.every((c) => c.documentId === id)).toBe(true);
    expect(documentSlice(analysis, "no-such-id")).toBeNull();
  });

  it("diagnosticsSlice counts by level", () => {
    const slice = diagnosticsSlice(analysis);
    expect(slice.counts.error + slice.counts.warning + slice.counts.info).toBe(analysis.diagnostics.length);
  });
});
