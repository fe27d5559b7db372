import {spawnSync} from "node:child_process";
import {mkdtempSync, readFileSync, readdirSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {checkAnalysis} from "./contract.js";

const run = (...args: string[]) => spawnSync("npx", ["tsx", "src/cli/analyze.ts", ...args], {encoding: "utf8", maxBuffer: 64 * 1024 * 1024});

describe("analyze CLI", () => {
  it("prints the contract for seeds/ with 5 documents and non-empty claims, families and reuse", () => {
    const result = run("seeds");
    expect(result.status).toBe(0);
    const analysis = JSON.parse(result.stdout);
    expect(checkAnalysis(analysis)).toEqual([]);
    expect(analysis.documents).toHaveLength(5);
    expect(analysis.claims.length).toBeGreaterThan(0);
    expect(analysis.families.length).toBeGreaterThan(0);
    expect(analysis.reuse.length).toBeGreaterThan(0);
  });

  it("rejects an unknown option with one line and exit code 2", () => {
    const result = run("--frobnicate", "seeds");
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n").filter((l) => l.startsWith("analyze:"))).toHaveLength(1);
  });

  it("rejects a missing path with one line and exit code 2", () => {
    const result = run("no-such-folder");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("no-such-folder");
  });

  it("writes JSON and CSV tables with --out", () => {
    const out = mkdtempSync(join(tmpdir(), "driftline-out-"));
    const result = run("seeds", "--out", out);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe("");
    expect(readdirSync(out).sort()).toEqual(["analysis.json", "claims.csv", "documents.csv", "families.csv", "reuse.csv"]);
    const analysis = JSON.parse(readFileSync(join(out, "analysis.json"), "utf8"));
    expect(readFileSync(join(out, "claims.csv"), "utf8").trim().split("\n")).toHaveLength(analysis.claims.length + 1);
  });
});
