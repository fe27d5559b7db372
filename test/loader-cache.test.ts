import {mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterEach, describe, expect, it} from "vitest";
import {clearLoaderCache} from "../src/cli/loader-cache.js";

describe("clearLoaderCache", () => {
  const roots: string[] = [];
  afterEach(() => {
    for (const root of roots.splice(0)) rmSync(root, {recursive: true, force: true});
  });

  it("removes the loaders' outputs and keeps the package bundles", () => {
    const root = mkdtempSync(join(tmpdir(), "driftline-cache-"));
    roots.push(root);
    const cache = join(root, "src", ".observablehq", "cache");
    for (const dir of ["_node/d3@7.9.2", "_npm/htl@1.0.0", "data/documents", "_observablehq"]) mkdirSync(join(cache, dir), {recursive: true});
    writeFileSync(join(cache, "data", "claims.json"), "{}");
    writeFileSync(join(cache, "data", "documents", "a.json"), "{}");
    writeFileSync(join(cache, "_build.json"), "{}");
    writeFileSync(join(cache, "_node", "d3@7.9.2", "index.js"), "");
    expect(clearLoaderCache(root).sort()).toEqual(["_build.json", "_observablehq", "data"]);
    expect(readdirSync(cache).sort()).toEqual(["_node", "_npm"]);
    expect(readdirSync(join(cache, "_node", "d3@7.9.2"))).toEqual(["index.js"]);
  });

  it("does nothing when there is no cache", () => {
    const root = mkdtempSync(join(tmpdir(), "driftline-cache-"));
    roots.push(root);
    expect(clearLoaderCache(root)).toEqual([]);
  });
});
