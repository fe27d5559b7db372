import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {attributeOutlet, findCredits, hostOf, lookupOutletDomain, parseOutletRegistry} from "../src/lib/outlet.js";
import {makeDocument} from "./helpers.js";

const registry = parseOutletRegistry(readFileSync("data/outlets.yaml", "utf8"), readFileSync("data/places.yaml", "utf8"));
const seed = (prefix: string) => {
  const name = ["000_5ad1dcb2ed7479b7", "001_57812dd226b89d48", "002_6a889b47bfff0538", "003_8ec8a35b82516445", "004_f8eb0480b2581824"].find((n) => n.startsWith(prefix))!;
  return makeDocument(prefix, readFileSync(`seeds/${name}.txt`, "utf8"));
};

describe("parseOutletRegistry", () => {
  it("reads the shipped registry with at least 60 outlets, all with valid kinds", () => {
    expect(registry.outlets.length).toBeGreaterThanOrEqual(60);
    const ids = new Set(registry.outlets.map((o) => o.id));
    expect(ids.size).toBe(registry.outlets.length);
    for (const id of ["reuters", "ap", "afp", "aap", "xinhua", "pti", "scmp", "china-daily", "bbc", "nyt", "times-of-india"]) expect(ids.has(id)).toBe(true);
    expect(registry.places!.length).toBeGreaterThan(100);
  });
  it("throws an error naming a bad entry", () => {
    expect(() => parseOutletRegistry("outlets:\n  - {id: ok, name: OK, kind: wire}\n  - {id: bad, name: Bad, timezone: Mars/Base, kind: wire}")).toThrow(/entry 2 \(id "bad"\).*time zone/);
    expect(() => parseOutletRegistry("outlets:\n  - {name: No id}")).toThrow(/entry 1/);
    expect(() => parseOutletRegistry("outlets:\n  - {id: x, name: X, kind: tabloid}")).toThrow(/unknown kind/);
    expect(() => parseOutletRegistry("outlets:\n  - {id: x, name: X}\n  - {id: x, name: Y}")).toThrow(/repeats/);
  });
  it("accepts an empty registry", () => {
    expect(parseOutletRegistry("").outlets).toEqual([]);
  });
});

describe("domains", () => {
  it("matches subdomains and strips www", () => {
    expect(hostOf("https://www.scmp.com/news/china/article/1")).toBe("scmp.com");
    expect(lookupOutletDomain(registry, "edition.cnn.com")?.id).toBe("cnn");
    expect(lookupOutletDomain(registry, "usa.chinadaily.com.cn")?.id).toBe("china-daily");
    expect(lookupOutletDomain(registry, "example.org")).toBeNull();
  });
});

describe("attributeOutlet precedence", () => {
  it("front matter beats the domain and credits", () => {
    const doc = makeDocument("a", "Title\nSYDNEY (AAP) - Storms hit the coast on Monday.", {declared: {outlet: "The Guardian", domain: "www.bbc.co.uk"}});
    const {outlet} = attributeOutlet(doc, registry);
    expect(outlet?.registryId).toBe("guardian");
    expect(outlet?.basis).toBe("front-matter");
    expect(outlet?.wire?.registryId).toBe("aap");
    expect(outlet?.role).toBe("publisher");
  });
  it("source_domain gives the publisher and a wire credit fills wire", () => {
    const doc = makeDocument("b", "Ship hits bridge\nBERLIN (AP) — A tourist ship struck a bridge on Wednesday, police said.", {declared: {domain: "www.nytimes.com"}});
    const {outlet} = attributeOutlet(doc, registry);
    expect(outlet?.name).toBe("The New York Times");
    expect(outlet?.basis).toBe("source-domain");
    expect(outlet?.timezone).toBe("America/New_York");
    expect(outlet?.wire?.name).toBe("The Associated Press");
  });
  it("a declared name the registry lacks yields to a registered domain, and stands otherwise", () => {
    const coded = attributeOutlet(makeDocument("g", "T\nText.", {format: "json", url: "https://www.foxnews.com/politics/x", declared: {outlet: "fox"}}), registry);
    expect([coded.outlet?.registryId, coded.outlet?.basis]).toEqual(["fox-news", "url-domain"]);
    expect(coded.diagnostics.map((d) => d.message)).toEqual([`Outlet "fox" from the record is not in data/outlets.yaml; the domain foxnews.com is (Fox News), so the domain decides.`]);
    const kept = attributeOutlet(makeDocument("h", "T\nText.", {format: "json", url: "https://news.example.org/x", declared: {outlet: "Example Daily"}}), registry);
    expect([kept.outlet?.name, kept.outlet?.registryId, kept.outlet?.basis]).toEqual(["Example Daily", null, "metadata"]);
    // A desk or edition in brackets after a registered name.
    const desk = attributeOutlet(makeDocument("j", "T\nText.", {format: "json", declared: {outlet: "CNN (Online News)"}}), registry);
    expect([desk.outlet?.name, desk.outlet?.registryId, desk.outlet?.evidence[0]?.text]).toEqual(["CNN", "cnn", "CNN (Online News)"]);
    expect(attributeOutlet(makeDocument("k", "T\nText.", {format: "json", declared: {outlet: "ABC News (US)"}}), registry).outlet?.registryId).toBe("abc-news-us");
    expect(attributeOutlet(makeDocument("l", "T\nText.", {format: "json", declared: {outlet: "Metro (Leeds)"}}), registry).outlet?.registryId).toBeNull();
    // A name written in front matter stands, whatever the domain.
    const written = attributeOutlet(makeDocument("m", "T\nText.", {format: "md", url: "https://www.theguardian.com/x", declared: {outlet: "Guardian Weekly"}}), registry);
    expect([written.outlet?.name, written.outlet?.registryId, written.outlet?.basis]).toEqual(["Guardian Weekly", null, "front-matter"]);
    // A registered name beats the domain.
    const named = attributeOutlet(makeDocument("i", "T\nText.", {format: "json", url: "https://www.foxnews.com/x", declared: {outlet: "NYT"}}), registry);
    expect(named.outlet?.registryId).toBe("nyt");
  });
  it("an unregistered domain gets its zone from the country code only where unambiguous", () => {
    const au = attributeOutlet(makeDocument("c", "T\nText.", {declared: {domain: "www.localpaper.com.au"}}), registry);
    expect(au.outlet?.name).toBe("localpaper.com.au");
    expect(au.outlet?.registryId).toBeNull();
    expect(au.outlet?.timezone).toBe("Australia/Sydney");
    expect(au.diagnostics.map((d) => d.code)).toContain("outlet-unregistered");
    const ca = attributeOutlet(makeDocument("d", "T\nText.", {url: "https://news.example.ca/story"}), registry);
    expect(ca.outlet?.basis).toBe("url-domain");
    expect(ca.outlet?.timezone).toBeNull();
    expect(attributeOutlet(makeDocument("e", "T\nText.", {declared: {domain: "thehindu.in"}}), registry).outlet?.timezone).toBe("Asia/Kolkata");
  });
  it("never guesses from the file name", () => {
    const doc = makeDocument("f", "Markets rally\nShares rose on Monday.", {path: "reuters-markets.txt"});
    const r = attributeOutlet(doc, registry);
    expect(r.outlet).toBeNull();
    expect(r.diagnostics[0]!.code).toBe("outlet-unknown");
  });
});

describe("credit lines", () => {
  it("reads a dateline credit, a photo credit and a copyright line", () => {
    const text = "Markets rally\nLONDON, Jan 9 (Reuters) - Shares rose.\nA trader works on the floor. REUTERS/Brendan McDermid\n";
    const kinds = findCredits(text, registry, [0, 13]).map((f) => `${f.kind}:${f.entry?.id}`);
    expect(kinds).toEqual(["dateline:reuters", "photo-credit:reuters"]);
    const ap = findCredits("T\nBody text.\nCopyright 2017 The Associated Press. All rights reserved.", registry);
    expect(ap.map((f) => f.entry?.id)).toEqual(["ap"]);
    expect(ap[0]!.kind).toBe("copyright");
  });
  it("does not take a mention in a sentence for a credit", () => {
    const text = "Deal agreed\nThe chairman told Reuters the deal was done, according to AFP and Xinhua reports.";
    expect(findCredits(text, registry, [0, 11])).toEqual([]);
    expect(attributeOutlet(makeDocument("g", text), registry).outlet).toBeNull();
  });
  it("ignores ticker symbols and non-outlet parentheses", () => {
    expect(findCredits("T\nAlibaba Group Holding Ltd (BABA.N) rose.\nCostco (COST.O) fell (AP photo).", registry).length).toBe(0);
  });
  it("takes 'Source:' lines and a picture credit ending a caption line", () => {
    const text = "Floods\nThe river burst its banks. (AAP)\nPublished 10 January 2017\nSource: AAP\n";
    const kinds = findCredits(text, registry, [0, 6]).map((f) => f.kind);
    expect(kinds).toEqual(["picture-credit", "source-line"]);
  });
  it("takes a 'Source:' line under each label, however it is spaced, and only at the start of a line", () => {
    for (const line of ["Source: AAP", "Sources :\tAAP", "Via   : AAP", "  Agencies: AAP", "Agency:AAP", "Wire\t: AAP", "Credit: AAP"]) {
      const text = `Floods\nThe river burst its banks.\n${line}\n`;
      expect(findCredits(text, registry, [0, 6]).map((f) => [f.kind, f.text])).toEqual([["source-line", "AAP"]]);
    }
    for (const text of ["Floods\nThe Source: AAP\n", "Floods\nOur source said: AAP\n", "Floods\nTime: 10:30\n"]) {
      expect(findCredits(text, registry, [0, 6]).filter((f) => f.kind === "source-line")).toEqual([]);
    }
  });
  it("reads an ownership disclosure set off by dashes", () => {
    const text = "Deal\nFor Acme – owner of The Straits Times – the deal is a step forward.";
    const {outlet} = attributeOutlet(makeDocument("h", text), registry);
    expect(outlet?.registryId).toBe("straits-times");
    expect(outlet?.basis).toBe("ownership-disclosure");
    expect(outlet?.role).toBe("publisher");
  });
  it("keeps an unregistered sign-off as printed, with a diagnostic", () => {
    const text = "Deal\nThe firms agreed a deal on Monday.\n(XYZN)\n";
    const r = attributeOutlet(makeDocument("i", text), registry);
    expect(r.outlet?.name).toBe("XYZN");
    expect(r.outlet?.registryId).toBeNull();
    expect(r.outlet?.evidence[0]!.span).toEqual([text.indexOf("XYZN"), text.indexOf("XYZN") + 4]);
    expect(r.diagnostics.map((d) => d.code)).toContain("outlet-unregistered-credit");
  });
  it("does not take an editor's note in parentheses for a sign-off", () => {
    const text = "Deal\nThe firms agreed.\n(This story has been refiled to fix typo in paragraph 2)\n";
    expect(attributeOutlet(makeDocument("j", text), registry).outlet).toBeNull();
  });
  it("never throws on odd input", () => {
    for (const t of ["", "(", "()", "\n\n(AP)", "Copyright ©", "REUTERS/", "– owner of the"]) {
      expect(() => attributeOutlet(makeDocument("k", t), registry)).not.toThrow();
    }
  });
});

describe("seeds", () => {
  it("000 is Reuters copy from the dateline and photo credits", () => {
    const {outlet} = attributeOutlet(seed("000"), registry);
    expect(outlet?.registryId).toBe("reuters");
    expect(outlet?.role).toBe("wire");
    expect(outlet?.basis).toBe("credit-line:dateline+photo-credit");
  });
  it("001 is AAP copy, in Sydney's zone", () => {
    const {outlet} = attributeOutlet(seed("001"), registry);
    expect(outlet?.registryId).toBe("aap");
    expect(outlet?.role).toBe("wire");
    expect(outlet?.timezone).toBe("Australia/Sydney");
    expect(outlet?.evidence.map((e) => e.text)).toContain("AAP");
  });
  it("002 ends with the unregistered sign-off (APD)", () => {
    const r = attributeOutlet(seed("002"), registry);
    expect(r.outlet?.name).toBe("APD");
    expect(r.outlet?.registryId).toBeNull();
    expect(r.diagnostics.map((d) => d.code)).toEqual(["outlet-unregistered-credit"]);
  });
  it("003 has no credit: 'told Reuters' is not one", () => {
    const r = attributeOutlet(seed("003"), registry);
    expect(r.outlet).toBeNull();
    expect(r.diagnostics.map((d) => d.code)).toEqual(["outlet-unknown"]);
  });
  it("004 is the South China Morning Post from its ownership disclosure", () => {
    const {outlet} = attributeOutlet(seed("004"), registry);
    expect(outlet?.registryId).toBe("scmp");
    expect(outlet?.role).toBe("publisher");
    expect(outlet?.timezone).toBe("Asia/Hong_Kong");
    const doc = seed("004");
    const span = outlet!.evidence[0]!.span!;
    expect(doc.text.slice(span[0], span[1])).toBe("the South China Morning Post");
  });
});
