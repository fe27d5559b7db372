import {describe, expect, it} from "vitest";
import {ALL_PAGES_UP_TO, documentPageLimit} from "../src/data/analysis-cache.js";
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
