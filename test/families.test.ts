import {readFileSync, readdirSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {extractClaims} from "../src/lib/claims.js";
import {driftBetween, figureKey, formatFigure, groupClaimFamilies, parseMeasureLexicon, pluralize} from "../src/lib/families.js";
import type {DocumentRecord} from "../src/lib/types.js";
import {makeDocument} from "./helpers.js";

const lexicon = parseMeasureLexicon(readFileSync(new URL("../data/measures.yaml", import.meta.url), "utf8"));

function group(...texts: string[]) {
  const docs: DocumentRecord[] = texts.map((t, i) => makeDocument(`d${i}`, t));
  const claims = docs.flatMap((d) => extractClaims(d).claims);
  return {docs, ...groupClaimFamilies(claims, docs, lexicon)};
}

describe("parseMeasureLexicon", () => {
  it("reads groups in lower case", () => {
    expect(parseMeasureLexicon("synonyms:\n  - [Job, Position]\nrelated:\n  - [business, vendor]\n")).toEqual({
      synonyms: [["job", "position"]], related: [["business", "vendor"]], qualifiers: [],
    });
  });
  it("accepts an empty file", () => {
    expect(parseMeasureLexicon("")).toEqual({synonyms: [], related: [], qualifiers: []});
  });
  it("throws a clear error on malformed input", () => {
    expect(() => parseMeasureLexicon("synonyms: [")).toThrow(/not valid YAML/);
    expect(() => parseMeasureLexicon("synonyms: job")).toThrow(/must be a list/);
    expect(() => parseMeasureLexicon("synonyms:\n  - [job, 5]")).toThrow(/entry 1/);
    expect(() => parseMeasureLexicon("- a\n- b")).toThrow(/mapping/);
    expect(() => parseMeasureLexicon("synonym:\n  - [a]")).toThrow(/unknown key/);
  });
  it("the shipped lexicon keeps businesses and vendors apart but related", () => {
    const same = lexicon.synonyms.find((g) => g.includes("business"))!;
    expect(same).not.toContain("vendor");
    expect(lexicon.related.some((g) => g.includes("business") && g.includes("vendor"))).toBe(true);
  });
});

describe("helpers", () => {
  it("rounds figure keys to two significant digits", () => {
    expect(figureKey(36446)).toBe(figureKey(36000));
    expect(figureKey(45)).not.toBe(figureKey(46));
  });
  it("formats figures and plurals for labels", () => {
    expect(formatFigure(1e6, null)).toBe("1 million");
    expect(formatFigure(1.5e9, "USD")).toBe("US$1.5 billion");
    expect(formatFigure(45, "percent")).toBe("45 percent");
    expect(pluralize("company")).toBe("companies");
    expect(pluralize("business")).toBe("businesses");
    expect(pluralize("goods")).toBe("goods");
    expect(pluralize("mile")).toBe("miles");
    expect(pluralize("mph")).toBe("mph");
    expect(pluralize("foot")).toBe("feet");
    expect(pluralize("child")).toBe("children");
    expect(pluralize("killed")).toBe("killed");
    expect(pluralize("us")).toBe("us");
  });
});

describe("groupClaimFamilies", () => {
  it("labels a noun printed with a capital as printed, and joins deaths however worded", () => {
    const {families} = group("H\nThe crash killed 10 Americans on board.", "H\nOfficials said 10 Americans died.");
    expect(families.map((f) => f.label)).toContain("10 Americans");
    const deaths = group("H\nPlane crash: 12 killed in the jungle.", "H\nThe crash left 12 dead.").families;
    expect(deaths).toHaveLength(1);
    expect(deaths[0]!.label).toMatch(/^12 (?:killed|dead)$/);
  });
  it("groups the same figure and counted thing across documents, with synonyms", () => {
    const {families, claims} = group(
      "H\nThe firm will create 2,000 jobs in Ohio.",
      "H\nThe firm promised 2,000 new positions.",
      "H\nThe firm will build 2,000 homes."
    );
    const jobs = families.find((f) => f.id === "f-2000-job")!;
    expect(jobs.documentIds).toEqual(["d0", "d1"]);
    expect(claims.every((c) => c.familyId !== null)).toBe(true);
    expect(jobs.drift.map((d) => d.kind)).toEqual(expect.arrayContaining(["measure-shift", "modality-shift"]));
    expect(families.find((f) => f.id === "f-2000-home")!.documentIds).toEqual(["d2"]);
  });
  it("orders appearances by publication order, not input order", () => {
    const docs = [makeDocument("late", "H\nThe firm may add 500 jobs."), makeDocument("early", "H\nThe firm will add 500 jobs.")];
    const claims = docs.flatMap((d) => extractClaims(d).claims);
    const {families} = groupClaimFamilies(claims, [docs[1]!, docs[0]!], lexicon);
    expect(families[0]!.documentIds).toEqual(["early", "late"]);
    const hedge = families[0]!.drift.find((d) => d.kind === "hedge-added")!;
    expect(hedge.to).toBe("may");
    expect(hedge.fromClaimId).toBe("early:c0");
    expect(hedge.toClaimId).toBe("late:c0");
  });
  it("says whether the order of the two documents a drift runs between is certain", () => {
    const at = (id: string, text: string, earliest: string, latest: string) => ({...makeDocument(id, text), published: {earliest, latest, best: latest, timezone: null, basis: "metadata", evidence: []}});
    const drifted = (laterFrom: string) => {
      const docs = [at("early", "H\nThe firm will add 500 jobs.", "2020-01-01T00:00:00Z", "2020-01-01T06:00:00Z"), at("late", "H\nThe firm may add 500 jobs.", laterFrom, "2020-01-01T12:00:00Z")];
      return groupClaimFamilies(docs.flatMap((d) => extractClaims(d).claims), docs, lexicon).families[0]!.drift;
    };
    // One window ends before the other begins: the hedge was added.
    const certain = drifted("2020-01-01T07:00:00Z");
    expect(certain.map((d) => d.kind)).toContain("hedge-added");
    expect(certain.every((d) => d.orderCertain)).toBe(true);
    // The windows overlap: the best times put "early" first, but the hedge may have been dropped.
    const overlapping = drifted("2020-01-01T05:00:00Z");
    expect(overlapping.length).toBeGreaterThan(0);
    expect(overlapping.every((d) => !d.orderCertain)).toBe(true);
    // Without times, never.
    expect(group("H\nThe firm will add 500 jobs.", "H\nThe firm may add 500 jobs.").families[0]!.drift.every((d) => !d.orderCertain)).toBe(true);
  });
  it("reports rounding as a figure change within the family", () => {
    const {families} = group("H\nThe company has 36,446 employees.", "H\nThe company has 36,000 employees.");
    expect(families).toHaveLength(1);
    expect(families[0]!.drift.find((d) => d.kind === "figure-changed")!.description).toContain("rounded");
  });
  it("does not mutate its input and gives deterministic ids", () => {
    const {claims, docs} = group("H\nThe firm will create 2,000 jobs.");
    const before = JSON.stringify(claims);
    const a = groupClaimFamilies(claims, docs, lexicon);
    const b = groupClaimFamilies([...claims].reverse(), docs, lexicon);
    expect(JSON.stringify(claims)).toBe(before);
    expect(a.families).toEqual(b.families);
  });
  it("in place, sets the family ids on the given claims and gives what the copies give", () => {
    const {claims, docs} = group("H\nThe firm will create 2,000 jobs.", "H\nThe company said it would add 2,000 jobs.");
    const copied = groupClaimFamilies(claims, docs, lexicon);
    const owned = claims.map((c) => ({...c}));
    const inPlace = groupClaimFamilies(owned, docs, lexicon, {inPlace: true});
    expect(copied.claims.some((c) => c.familyId !== null)).toBe(true);
    expect(inPlace.claims).toEqual(copied.claims);
    expect(inPlace.families).toEqual(copied.families);
    expect(owned.map((c) => c.familyId)).toEqual(copied.claims.map((c) => c.familyId));
  });
  it("compares each appearance with the closest in the previous document, never within one", () => {
    // The second outlet prints the first one's headline and body as they were: no drift, though
    // each headline differs from its own body.
    const same = group("H\nAcme promises 500 jobs\n\nAcme may add 500 jobs next year.", "H\nAcme promises 500 jobs\n\nAcme may add 500 jobs next year.");
    const family = same.families.find((f) => f.claimIds.length === 4)!;
    expect(family.drift).toEqual([]);
    expect(family.comparedWith).toEqual([null, null, "d0:c0", "d0:c1"]);
    // The third drops the hedge: compared with the closest wording before it.
    const firmer = group("H\nAcme promises 500 jobs\n\nAcme may add 500 jobs next year.", "H\nAcme will add 500 jobs next year.").families[0]!;
    expect(firmer.drift.map((d) => d.kind)).toEqual(["modality-shift", "hedge-dropped"]);
    expect(firmer.drift.map((d) => d.fromClaimId)).toEqual(["d0:c1", "d0:c1"]);
  });
  it("drift carries both claim ids and says what changed", () => {
    const {claims} = group("H\nTrump vowed to impose 45 percent tariffs on Chinese imports.", "H\nHe made threats to impose a 45 percent tariff on Chinese goods.");
    const events = driftBetween(claims[0]!, claims[1]!, lexicon);
    const kinds = events.map((e) => e.kind);
    expect(kinds).toContain("qualifier-shift");
    expect(kinds).toContain("modality-shift");
    expect(events.find((e) => e.kind === "qualifier-shift")).toMatchObject({from: "on Chinese imports", to: "on Chinese goods"});
  });
});

describe("families on the seed articles", () => {
  const dir = new URL("../seeds/", import.meta.url);
  const files = readdirSync(dir).filter((f) => f.endsWith(".txt")).sort();
  const docs = files.map((f) => makeDocument(f.slice(0, 3), readFileSync(new URL(f, dir), "utf8")));
  const claims = docs.flatMap((d) => extractClaims(d).claims);
  const {families} = groupClaimFamilies(claims, docs, lexicon);
  const byId = new Map(families.map((f) => [f.id, f]));

  it("the one million jobs family spans all five articles", () => {
    const jobs = byId.get("f-1000000-job")!;
    expect(jobs.documentIds).toEqual(["000", "001", "002", "003", "004"]);
    expect(jobs.label).toBe("1 million US jobs");
    expect(families[0]!.id).toBe("f-1000000-job");
  });
  it("its drift runs from outlet to outlet: the promise becomes plans, then the hedges come", () => {
    const jobs = byId.get("f-1000000-job")!;
    const drift = jobs.drift;
    const documentOf = (id: string) => id.split(":")[0];
    expect(drift.some((d) => d.kind === "modality-shift" && /promise/.test(d.from) && /plan/.test(d.to) && documentOf(d.toClaimId) === "002")).toBe(true);
    expect(drift.some((d) => d.kind === "hedge-added" && d.to === "up to")).toBe(true);
    expect(drift.some((d) => d.kind === "hedge-added" && d.to === "potential")).toBe(true);
    // 001 repeats 000's "expects … one million US jobs", with its spokesman: compared with that, nothing changed.
    const expects = jobs.claimIds.findIndex((id) => documentOf(id) === "001" && /expects the initiative/.test(claims.find((c) => c.id === id)!.sentence));
    expect(documentOf(jobs.comparedWith[expects]!)).toBe("000");
    expect(drift.filter((d) => d.toClaimId === jobs.claimIds[expects])).toEqual([]);
    // A headline and its own body are not drift.
    expect(drift.every((d) => documentOf(d.fromClaimId) !== documentOf(d.toClaimId))).toBe(true);
  });
  it("one million small businesses in 000, 001 and 003, related to the vendors of 004 and to the jobs", () => {
    const business = byId.get("f-1000000-business")!;
    expect(business.documentIds).toEqual(["000", "001", "003"]);
    expect(business.related).toEqual(expect.arrayContaining([
      expect.objectContaining({familyId: "f-1000000-vendor", relation: "related", basis: "lexicon"}),
      expect.objectContaining({familyId: "f-1000000-job", relation: "related"}),
    ]));
    expect(byId.get("f-1000000-vendor")!.documentIds).toEqual(["004"]);
  });
  it("the 45 percent tariff: imports, goods, products, and a vow becomes a threat", () => {
    const tariff = byId.get("f-45-percent-tariff")!;
    expect(tariff.documentIds).toEqual(["000", "001", "002", "003"]);
    const qualifiers = tariff.drift.filter((d) => d.kind === "qualifier-shift").map((d) => d.to);
    expect(qualifiers).toEqual(["on Chinese goods", "on Chinese products"]);
    expect(tariff.drift.some((d) => d.kind === "modality-shift" && /vowing/.test(d.from) && /threats/.test(d.to))).toBe(true);
  });
  it("300 million consumers and a 40-minute meeting in 003 and 004", () => {
    expect(byId.get("f-300000000-consumer")!.documentIds).toEqual(["003", "004"]);
    const meeting = byId.get("f-40-minute-meeting")!;
    expect(meeting.documentIds).toEqual(["003", "004"]);
    expect(meeting.label).toBe("40-minute meeting");
  });
  it("every drift event points at claims of its own family", () => {
    for (const f of families) {
      for (const d of f.drift) {
        expect(f.claimIds).toContain(d.fromClaimId);
        expect(f.claimIds).toContain(d.toClaimId);
      }
    }
  });
});

describe("groupClaimFamilies with stories", () => {
  it("keeps a family within one story: the same figure in another story is another family", () => {
    const texts = ["The plant will add 300 jobs.", "Officials said 300 jobs would come.", "The mine cut 300 jobs last year."];
    const docs: DocumentRecord[] = texts.map((t, i) => makeDocument(`d${i}`, t));
    const claims = docs.flatMap((d) => extractClaims(d).claims);
    const together = groupClaimFamilies(claims, docs, lexicon);
    expect(together.families.filter((f) => f.measure === "job")).toHaveLength(1);
    expect(together.families[0]!.storyId).toBeNull();
    const stories = new Map([["d0", "s1"], ["d1", "s1"], ["d2", "s2"]]);
    const apart = groupClaimFamilies(claims, docs, lexicon, {stories}).families.filter((f) => f.measure === "job");
    expect(apart.map((f) => [f.storyId, f.documentIds])).toEqual([["s1", ["d0", "d1"]], ["s2", ["d2"]]]);
    expect(new Set(apart.map((f) => f.id)).size).toBe(2);
  });
});

