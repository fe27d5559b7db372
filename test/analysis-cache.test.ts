import {afterEach, describe, expect, it} from "vitest";
import {ALL_PAGES_UP_TO, documentPageLimit, getAnalysis, getPageSlice, PAGE_SLICES, type PageName} from "../src/data/analysis-cache.js";
import {DEFAULT_DOCUMENT_PAGES} from "../src/lib/report.js";

describe("documentPageLimit", () => {
  it("gives every document of a small corpus a page", () => {
    expect(documentPageLimit(5, {})).toBe(5);
    expect(documentPageLimit(ALL_PAGES_UP_TO, {})).toBe(ALL_PAGES_UP_TO);
  });
  it("caps a large corpus to the most involved documents", () => {
    expect(documentPageLimit(10_000, {})).toBe(DEFAULT_DOCUMENT_PAGES);
  });
  it("follows DRIFTLINE_DOCUMENT_PAGES, and ignores a value that is not a count", () => {
    expect(documentPageLimit(10_000, {DRIFTLINE_DOCUMENT_PAGES: "250"})).toBe(250);
    expect(documentPageLimit(5, {DRIFTLINE_DOCUMENT_PAGES: "0"})).toBe(0);
    expect(documentPageLimit(5, {DRIFTLINE_DOCUMENT_PAGES: "lots"})).toBe(5);
  });
});

describe("getPageSlice", () => {
  const saved = {input: process.env.DRIFTLINE_INPUT, pages: process.env.DRIFTLINE_DOCUMENT_PAGES};
  const restore = (name: string, value: string | undefined) => {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  };
  afterEach(() => {
    restore("DRIFTLINE_INPUT", saved.input);
    restore("DRIFTLINE_DOCUMENT_PAGES", saved.pages);
  });

  it("gives each page the slice of the analysis, whether computed or read from its cache file", async () => {
    process.env.DRIFTLINE_INPUT = "seeds";
    delete process.env.DRIFTLINE_DOCUMENT_PAGES;
    const analysis = await getAnalysis();
    for (const page of Object.keys(PAGE_SLICES) as PageName[]) {
      const expected = JSON.parse(JSON.stringify(PAGE_SLICES[page](analysis)));
      expect(await getPageSlice(page)).toEqual(expected);
      expect(await getPageSlice(page)).toEqual(expected);
    }
    expect((await getPageSlice("claims")) as {pages: string[]}).toMatchObject({pages: expect.arrayContaining([analysis.documents[0]!.id])});
  }, 60_000);

  it("follows DRIFTLINE_DOCUMENT_PAGES in the list of document pages, with the analysis cached", async () => {
    process.env.DRIFTLINE_INPUT = "seeds";
    delete process.env.DRIFTLINE_DOCUMENT_PAGES;
    const all = ((await getPageSlice("timeline")) as {pages: string[]}).pages;
    expect(all.length).toBe(5);
    process.env.DRIFTLINE_DOCUMENT_PAGES = "2";
    expect(((await getPageSlice("timeline")) as {pages: string[]}).pages).toHaveLength(2);
    process.env.DRIFTLINE_DOCUMENT_PAGES = "0";
    expect(((await getPageSlice("corpus")) as {pages: string[]}).pages).toEqual([]);
  }, 60_000);
});
