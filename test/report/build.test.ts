import {readFileSync, readdirSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {builtPages} from "./pages.js";

const html = (page: string) => readFileSync(join("dist", `${page || "index"}.html`), "utf8");

describe("the built report", () => {
  const pages = builtPages();

  it("has every page, and one page per bundled document", () => {
    expect(pages).toEqual(expect.arrayContaining(["", "timeline", "claims", "phrasing", "data-quality"]));
    const seeds = readdirSync("seeds").map((f) => f.replace(/\.txt$/, ""));
    expect(pages.filter((p) => p.startsWith("documents/")).map((p) => p.slice("documents/".length)).sort()).toEqual(seeds.sort());
  });

  it("loads nothing from another host", () => {
    for (const page of pages) {
      const external = [...html(page).matchAll(/\b(?:src|href)\s*=\s*["']?((?:https?:)?\/\/[^"'\s>]+)/gi)].map((m) => m[1]);
      expect(external, page).toEqual([]);
      expect(html(page), page).not.toMatch(/fonts\.googleapis|cdn\.jsdelivr|unpkg\.com|esm\.sh/);
    }
  });

  it("names its icon in every page, so no browser asks the server for /favicon.ico", () => {
    for (const page of pages) expect(html(page), page).toMatch(/<link rel="icon" href="data:image\/svg\+xml,/);
  });

  it("renders no error block", () => {
    for (const page of pages) expect(html(page), page).not.toContain("observablehq--error");
  });

  it("bundles its libraries from node_modules, not npm: or the CDN", () => {
    const modules = readdirSync(join("dist", "_node"));
    expect(modules.some((m) => m.startsWith("@observablehq"))).toBe(true);
    expect(readdirSync("dist")).not.toContain("_npm");
  });
});
