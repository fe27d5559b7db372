/**
 * `npm run bench -- [--sizes 1000,10000,100000] [--json] [--keep DIR]`
 *
 * Builds synthetic corpora from real news text (src/bench/corpus.ts) with planted reuse and figures,
 * then for each size runs, each in a fresh process: the floor (list and read the files and split them
 * into words on one thread, with the pipeline's own word scanner) and the whole pipeline (`analyzePaths`), and prints a table (or, with --json,
 * one JSON object: {"runs": [...]}). At 1,000 articles it also aligns every pair exhaustively and
 * reports the index's recall against that (`indexRecall`).
 *
 * The real text comes from the seeds and ../shared/corpora (DRIFTLINE_CORPORA overrides the path);
 * without it, from the seeds alone. Progress goes to stderr.
 */
import {spawnSync} from "node:child_process";
import {mkdtempSync, rmSync, writeFileSync, mkdirSync, existsSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {parseArgs} from "node:util";
import {BigramModel, realTexts, writeCorpus} from "./corpus.js";

const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const MEASURE = fileURLToPath(new URL("./measure.ts", import.meta.url));

export interface BenchRun {
  articles: number;
  megabytes: number;
  seconds: number;
  /** CPU time of the pipeline's process, every thread (the workers') included. */
  cpuSeconds: number;
  /** Cores kept busy on average: `cpuSeconds / seconds`. */
  coresUsed: number;
  articlesPerSecond: number;
  floorSeconds: number;
  ratioToFloor: number;
  peakRssMB: number;
  reuseRecall: number;
  claimRecall: number;
  indexRecall?: number;
  stages: Record<string, number>;
  /** Size of each report page's data (KB). */
  pagesKB?: Record<string, number>;
  /** The pages whose data had to be cut below the usual limits to stay within the budget. */
  pagesCutToFit?: string[];
}

function log(line: string): void {
  process.stderr.write(`bench: ${line}\n`);
}

function child(args: string[]): any {
  const result = spawnSync(process.execPath, ["--max-old-space-size=4096", "--import", "tsx", MEASURE, ...args], {
    cwd: PROJECT_ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    stdio: ["ignore", "pipe", "inherit"],
    env: {...process.env, DRIFTLINE_PROGRESS: process.env.DRIFTLINE_PROGRESS ?? "1"}
  });
  if (result.status !== 0) throw new Error(`measure ${args.join(" ")} failed with status ${result.status}`);
  const lines = result.stdout.trim().split("\n");
  return JSON.parse(lines[lines.length - 1]!);
}

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

async function main(): Promise<void> {
  const {values} = parseArgs({
    options: {
      sizes: {type: "string", default: "1000,10000,100000"},
      json: {type: "boolean", default: false},
      keep: {type: "string"},
      seed: {type: "string", default: "1"}
    }
  });
  const sizes = values.sizes.split(",").map((s) => Number(s.trim())).filter((n) => Number.isSafeInteger(n) && n > 0);
  if (!sizes.length) {
    process.stderr.write("bench: --sizes must list positive whole numbers, e.g. 1000,10000\n");
    process.exit(2);
  }
  const corporaDir = process.env.DRIFTLINE_CORPORA ? resolve(process.env.DRIFTLINE_CORPORA) : resolve(PROJECT_ROOT, "../shared/corpora");
  const {texts, sources} = realTexts(PROJECT_ROOT, existsSync(corporaDir) ? corporaDir : null);
  if (!existsSync(corporaDir)) {
    log(`corpora not found at ${corporaDir}: building from the seeds alone`);
    // Five articles give a small word model: its sentences repeat across a large corpus, so every
    // article shares passages with hundreds of others and the run measures that, not the pipeline.
    const large = sizes.filter((n) => n > 2000);
    if (large.length) log(`WARNING: from the seeds alone, sizes over 2,000 (${large.join(", ")}) produce heavily repeated text and very long runs; their figures do not describe real corpora`);
  }
  log(`text model from ${texts.length} real articles (${sources.join(", ")})`);
  const model = new BigramModel(texts);
  const runs: BenchRun[] = [];
  for (const articles of sizes) {
    const root = values.keep ? resolve(values.keep, `bench-${articles}`) : mkdtempSync(join(tmpdir(), `driftline-bench-${articles}-`));
    const folder = join(root, "articles");
    if (existsSync(folder)) rmSync(folder, {recursive: true, force: true});
    mkdirSync(folder, {recursive: true});
    try {
      log(`writing ${articles.toLocaleString("en-US")} articles to ${folder}…`);
      const plan = await writeCorpus(model, folder, articles, Number(values.seed) || 1);
      const planFile = join(root, "plan.json");
      writeFileSync(planFile, JSON.stringify(plan));
      log(`floor pass over ${(plan.bytes / 1048576).toFixed(1)} MB…`);
      const floor = child(["floor", folder]);
      log(`pipeline…`);
      const pipeline = child(["pipeline", folder, planFile, ...(articles <= 2000 ? ["--exhaustive"] : [])]);
      const run: BenchRun = {
        articles,
        megabytes: round(plan.bytes / 1048576, 1),
        seconds: round(pipeline.seconds, 2),
        cpuSeconds: round(pipeline.cpuSeconds, 2),
        coresUsed: round(pipeline.cpuSeconds / pipeline.seconds, 2),
        articlesPerSecond: Math.round(articles / pipeline.seconds),
        floorSeconds: round(floor.seconds, 2),
        ratioToFloor: round(pipeline.seconds / floor.seconds, 2),
        peakRssMB: pipeline.peakRssMB,
        reuseRecall: round(pipeline.reuseRecall, 4),
        claimRecall: round(pipeline.claimRecall, 4),
        stages: Object.fromEntries(Object.entries(pipeline.stages as Record<string, number>).map(([k, v]) => [k, round(v, 2)])),
        pagesKB: pipeline.pagesKB,
        ...(pipeline.pagesCutToFit ? {pagesCutToFit: pipeline.pagesCutToFit} : {})
      };
      if (pipeline.indexRecall) {
        run.indexRecall = round(pipeline.indexRecall.recall, 4);
        log(`exhaustive alignment: ${pipeline.indexRecall.pairs} pairs with passages, ${pipeline.indexRecall.found} linked by the index (${pipeline.indexRecall.seconds.toFixed(1)} s)`);
      }
      log(`${articles} articles: ${run.seconds} s (${run.cpuSeconds} s of CPU), ${run.articlesPerSecond} articles/s, ${run.ratioToFloor}× floor, ${run.peakRssMB} MB peak`);
      runs.push(run);
    } finally {
      if (!values.keep) rmSync(root, {recursive: true, force: true});
    }
  }
  if (values.json) {
    process.stdout.write(JSON.stringify({runs}) + "\n");
    return;
  }
  process.stdout.write(table(runs));
  process.stdout.write("\nReport page data (KB):\n");
  for (const run of runs) process.stdout.write(`  ${run.articles.toLocaleString("en-US")} articles: ${Object.entries(run.pagesKB ?? {}).map(([k, v]) => `${k} ${v}${run.pagesCutToFit?.includes(k) ? " (cut to fit)" : ""}`).join(", ")}\n`);
}

/** The runs as a plain-text table. */
export function table(runs: readonly BenchRun[]): string {
  const stageNames = [...new Set(runs.flatMap((r) => Object.keys(r.stages)))];
  const header = ["articles", "MB", "seconds", "CPU s", "cores", "articles/s", "floor s", "× floor", "peak MB", "reuse recall", "claim recall", "index recall", ...stageNames.map((s) => `${s} s`)];
  const rows = runs.map((r) => [
    r.articles.toLocaleString("en-US"),
    r.megabytes.toFixed(1),
    r.seconds.toFixed(2),
    r.cpuSeconds.toFixed(2),
    r.coresUsed.toFixed(2),
    r.articlesPerSecond.toLocaleString("en-US"),
    r.floorSeconds.toFixed(2),
    r.ratioToFloor.toFixed(2),
    String(r.peakRssMB),
    r.reuseRecall.toFixed(4),
    r.claimRecall.toFixed(4),
    r.indexRecall === undefined ? "–" : r.indexRecall.toFixed(4),
    ...stageNames.map((s) => (r.stages[s] === undefined ? "–" : r.stages[s]!.toFixed(2)))
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join("  ") + "\n";
  return line(header) + line(widths.map((w) => "-".repeat(w))) + rows.map(line).join("");
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
