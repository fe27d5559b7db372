/**
 * The report at scale: builds it from a synthetic 10,000-article corpus (the benchmark's generator;
 * DRIFTLINE_SCALE_ARTICLES changes the size, DRIFTLINE_SKIP_SCALE=1 skips it), checks each page's
 * data stays under 1 MB, and prints the build time and the time to the first chart on each chart
 * page, a figure rather than an assertion.
 */
import {spawnSync} from "node:child_process";
import {existsSync, mkdtempSync, readdirSync, rmSync, statSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {Server} from "node:http";
import {chromium} from "playwright-core";
import {BigramModel, realTexts, writeCorpus} from "../../src/bench/corpus.js";
import {startStaticServer} from "../../src/cli/serve.js";
import {CHROMIUM_ARGS, CHROMIUM_PATH, HAS_CHROMIUM} from "./chromium.js";
import {CHART_PAGES} from "./pages.js";
import {clearLoaderCache} from "../../src/cli/loader-cache.js";

const ARTICLES = Number(process.env.DRIFTLINE_SCALE_ARTICLES ?? 10_000);
// Realistic synthetic text needs the real news in ../shared/corpora: from the five seeds alone the
// generator repeats itself so much that every article shares passages with hundreds of others.
const CORPORA = resolve(process.env.DRIFTLINE_CORPORA ?? "../shared/corpora");
const hasCorpora = existsSync(CORPORA);
const skip = process.env.DRIFTLINE_SKIP_SCALE === "1" || !hasCorpora;
if (!hasCorpora) process.stderr.write(`\n!!! ${CORPORA} not found: the ${ARTICLES}-article report test is SKIPPED (it needs real news text to generate a corpus).\n\n`);

describe.skipIf(skip)(`the report for ${ARTICLES} articles`, () => {
  const work = mkdtempSync(join(tmpdir(), "driftline-scale-"));
  const corpus = join(work, "corpus");
  const output = join(work, "dist");
  let server: Server | undefined;
  let url = "";
  let buildSeconds = 0;

  beforeAll(async () => {
    const {texts} = realTexts(resolve("."), CORPORA);
    await writeCorpus(new BigramModel(texts), corpus, ARTICLES, 7);
    const started = performance.now();
    const build = spawnSync("npm", ["run", "--silent", "build"], {encoding: "utf8", env: {...process.env, DRIFTLINE_INPUT: corpus, DRIFTLINE_OUTPUT: output, OBSERVABLE_TELEMETRY_DISABLE: "1"}, maxBuffer: 256 * 1024 * 1024});
    buildSeconds = (performance.now() - started) / 1000;
    if (build.status !== 0) throw new Error(`build failed:\n${build.stderr.slice(-4000)}`);
    process.stderr.write(`scale: report for ${ARTICLES} articles built in ${buildSeconds.toFixed(1)} s (analysis included)\n`);
    ({server, url} = await startStaticServer(output, 0));
  }, 900_000);

  afterAll(async () => {
    await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
    // Leave Framework's loader cache to the seeds: the next build must not reuse this corpus's data.
    clearLoaderCache(".");
    rmSync(work, {recursive: true, force: true});
  });

  it("keeps each page's data under 1 MB", () => {
    const dataDir = join(output, "_file", "data");
    const sizes = readdirSync(dataDir, {withFileTypes: true}).filter((e) => e.isFile()).map((e) => [e.name, statSync(join(dataDir, e.name)).size] as const);
    process.stderr.write(`scale: page data ${sizes.map(([name, size]) => `${name} ${Math.round(size / 1024)} KB`).join(", ")}\n`);
    expect(sizes.length).toBeGreaterThanOrEqual(5);
    for (const [name, size] of sizes) expect(size, name).toBeLessThan(1024 * 1024);
  });

  it.skipIf(!HAS_CHROMIUM)("draws each chart page (time to the first chart printed)", async () => {
    const browser = await chromium.launch({executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS});
    try {
      for (const page of CHART_PAGES) {
        const tab = await browser.newPage({viewport: {width: 1200, height: 900}});
        const errors: string[] = [];
        tab.on("pageerror", (e) => errors.push(e.message));
        const started = performance.now();
        await tab.goto(`${url}/${page}`);
        await tab.waitForSelector("svg[role=img]", {timeout: 60_000});
        process.stderr.write(`scale: first chart on /${page} for ${ARTICLES} articles: ${Math.round(performance.now() - started)} ms\n`);
        expect(await tab.locator(".observablehq--error").count()).toBe(0);
        expect(errors).toEqual([]);
        // Charts that stay legible: the large-corpus forms, none taller than a few screens.
        await tab.waitForLoadState("networkidle");
        const charts = await tab.evaluate(() =>
          [...document.querySelectorAll("svg[role=img][aria-label]")].filter((svg) => svg.getAttribute("aria-label") !== "Legend").map((svg) => ({label: svg.getAttribute("aria-label")!, height: Math.round(svg.getBoundingClientRect().height)}))
        );
        for (const chart of charts) expect(chart.height, chart.label).toBeLessThan(2500);
        const largeForms: Record<string, RegExp> = {timeline: /^Articles published per \w+ by outlet/, claims: /^Dot plot of \d+ figure families/, phrasing: /^The \d+ pairs of articles that share the most phrasing/};
        const expected = ARTICLES >= 1000 ? largeForms[page] : undefined;
        if (expected) expect(charts.map((c) => c.label).some((label) => expected.test(label)), charts.map((c) => c.label).join(" | ")).toBe(true);
        await tab.close();
      }
    } finally {
      await browser.close();
    }
  });
});
