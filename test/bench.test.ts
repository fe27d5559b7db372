import {spawnSync} from "node:child_process";
import {describe, expect, it} from "vitest";
import {BigramModel, randomGenerator} from "../src/bench/corpus.js";

const tsx = (...args: string[]) => spawnSync(process.execPath, ["--import", "tsx", ...args], {encoding: "utf8", maxBuffer: 64 * 1024 * 1024, env: {...process.env, VITEST: ""}});

describe("benchmark", () => {
  it("prints one JSON object with the run fields, recalls and stage times at 50 articles", () => {
    const result = tsx("src/bench/index.ts", "--sizes", "50", "--json");
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const {runs} = JSON.parse(lines[0]!);
    expect(runs).toHaveLength(1);
    const run = runs[0];
    for (const key of ["articles", "megabytes", "seconds", "cpuSeconds", "coresUsed", "articlesPerSecond", "floorSeconds", "ratioToFloor", "peakRssMB", "reuseRecall", "claimRecall", "indexRecall"]) {
      expect(Number.isFinite(run[key]), key).toBe(true);
    }
    expect(run.articles).toBe(50);
    // The CPU time counts every thread of the run: more than nothing, and at most the cores' share of it.
    expect(run.cpuSeconds).toBeGreaterThan(0);
    expect(run.coresUsed).toBeCloseTo(run.cpuSeconds / run.seconds, 1);
    expect(run.reuseRecall).toBeGreaterThanOrEqual(0.9);
    expect(run.claimRecall).toBeGreaterThanOrEqual(0.9);
    expect(Object.keys(run.stages)).toEqual(expect.arrayContaining(["read", "ingest", "documents", "time", "claims", "quotes", "reuse"]));
  }, 120_000);

  it("writes new sentences from a word-bigram model of real text, deterministically", () => {
    const model = new BigramModel(["The minister said the plan would create new jobs in the region. Officials said the talks would resume on Monday in the capital."]);
    const a = model.sentence(randomGenerator(7));
    expect(a).toBe(model.sentence(randomGenerator(7)));
    expect(a.split(" ").length).toBeGreaterThanOrEqual(6);
    expect(a).toMatch(/[.!?]$/);
  });
});

describe("worker threads", () => {
  it("give the same bytes as the single-thread pipeline on the seeds, and really run on other threads", () => {
    const result = tsx("src/bench/workers-check.ts", "seeds");
    expect(result.status).toBe(0);
    const check = JSON.parse(result.stdout.trim());
    expect(check.same).toBe(true);
    expect(check.documents).toBe(5);
    expect(check.threads.length).toBeGreaterThanOrEqual(1);
    expect(check.threads).not.toContain(0);
    // Released workers collected down to a small heap and still take tasks.
    expect(check.releasedHeapMB).toHaveLength(2);
    for (const mb of check.releasedHeapMB) expect(mb).toBeLessThan(48);
    expect(check.threadsAfterRelease).toEqual(check.threads);
    // A single task goes to a worker, not this thread.
    expect(check.threads).toContain(check.threadOfOne);
  }, 120_000);
});
