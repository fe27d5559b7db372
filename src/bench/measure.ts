/**
 * What the benchmark measures on one corpus, run in a fresh process per corpus:
 *
 *   tsx src/bench/measure.ts floor <folder>
 *   tsx src/bench/measure.ts pipeline <folder> <plan.json> [--exhaustive] [--workers N]
 *
 * prints one JSON object on stdout.
 */
import {readdirSync, readFileSync} from "node:fs";
import {readFile} from "node:fs/promises";
import {join} from "node:path";
import {analyzePaths} from "../lib/run.js";
import {scanWords} from "../lib/text.js";
import type {Analysis, Span} from "../lib/types.js";
import type {CorpusPlan} from "./corpus.js";
import {exhaustiveRecall} from "./exhaustive.js";
import {sliceSizes} from "./slices.js";

/** Peak resident memory of this process in MB (VmHWM, else the resource usage maximum). */
export function peakRssMB(): number {
  try {
    const status = readFileSync("/proc/self/status", "utf8");
    const match = /VmHWM:\s+(\d+) kB/.exec(status);
    if (match) return Number(match[1]) / 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS / 1024;
}

function listFiles(folder: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(folder, {withFileTypes: true}).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(path));
    else if (entry.isFile() && !entry.name.endsWith(".json")) out.push(path);
  }
  return out;
}

/**
 * The floor: list the files, read each one and split it into words, on one thread, with the
 * fastest means the pipeline itself has (synchronous reads, the pipeline's word scanner).
 */
export function floorPass(folder: string): {seconds: number; words: number} {
  const start = performance.now();
  const decoder = new TextDecoder();
  let count = 0;
  for (const path of listFiles(folder)) {
    scanWords(decoder.decode(readFileSync(path)), () => count++);
  }
  return {seconds: (performance.now() - start) / 1000, words: count};
}

function covered(span: Span, spans: readonly Span[]): number {
  const length = span[1] - span[0];
  if (length <= 0) return 0;
  const parts = spans
    .map(([a, b]) => [Math.max(a, span[0]), Math.min(b, span[1])] as const)
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  let total = 0;
  let end = span[0];
  for (const [a, b] of parts) {
    if (b <= end) continue;
    total += b - Math.max(a, end);
    end = b;
  }
  return total / length;
}

/** Share of planted reuse found: a link between the pair whose passages cover ≥ 80 % of the planted passage on both sides. */
export function reuseRecall(analysis: Analysis, plan: CorpusPlan): number {
  if (!plan.reuse.length) return 1;
  const byId = new Map(analysis.documents.map((d) => [d.id, d]));
  const links = new Map(analysis.reuse.map((l) => [`${l.source}\u0000${l.target}`, l]));
  let found = 0;
  for (const planted of plan.reuse) {
    const source = byId.get(planted.source);
    const target = byId.get(planted.target);
    if (!source || !target) continue;
    const at = source.text.indexOf(planted.passage);
    const copyAt = target.text.indexOf(planted.copy);
    if (at < 0 || copyAt < 0) continue;
    const sourceSpan: Span = [at, at + planted.passage.length];
    const targetSpan: Span = [copyAt, copyAt + planted.copy.length];
    const forward = links.get(`${planted.source}\u0000${planted.target}`);
    const backward = links.get(`${planted.target}\u0000${planted.source}`);
    const ok = forward
      ? covered(sourceSpan, forward.passages.map((p) => p.source)) >= 0.8 && covered(targetSpan, forward.passages.map((p) => p.target)) >= 0.8
      : backward
        ? covered(sourceSpan, backward.passages.map((p) => p.target)) >= 0.8 && covered(targetSpan, backward.passages.map((p) => p.source)) >= 0.8
        : false;
    if (ok) found++;
  }
  return found / plan.reuse.length;
}

/** Share of planted figures found: a claim with the planted value (and unit) inside the planted sentence. */
export function claimRecall(analysis: Analysis, plan: CorpusPlan): number {
  if (!plan.figures.length) return 1;
  const byId = new Map(analysis.documents.map((d) => [d.id, d]));
  const claimsOf = new Map<string, Analysis["claims"]>();
  for (const claim of analysis.claims) {
    const list = claimsOf.get(claim.documentId);
    if (list) list.push(claim);
    else claimsOf.set(claim.documentId, [claim]);
  }
  let found = 0;
  for (const planted of plan.figures) {
    const doc = byId.get(planted.document);
    if (!doc) continue;
    const at = doc.text.indexOf(planted.sentence);
    if (at < 0) continue;
    const end = at + planted.sentence.length;
    const hit = (claimsOf.get(planted.document) ?? []).some(
      (c) => c.span[0] >= at && c.span[1] <= end && Math.abs(c.quantity.value - planted.value) < 1e-6 * Math.max(1, planted.value) && c.quantity.unit === planted.unit
    );
    if (hit) found++;
  }
  return found / plan.figures.length;
}

async function main(): Promise<void> {
  const [mode, folder, planFile, ...rest] = process.argv.slice(2);
  if (!folder) throw new Error("usage: measure.ts floor|pipeline <folder> [plan.json]");
  if (mode === "floor") {
    const floor = floorPass(folder);
    process.stdout.write(JSON.stringify(floor) + "\n");
    return;
  }
  const plan = JSON.parse(await readFile(planFile!, "utf8")) as CorpusPlan;
  const stages: Record<string, number> = {};
  const started = new Map<string, number>();
  const start = performance.now();
  const cpuAtStart = process.cpuUsage();
  const {analysis} = await analyzePaths([folder], {
    cwd: folder,
    onStage: (stage, event) => {
      if (event === "start") started.set(stage, performance.now());
      else stages[stage] = Math.round((performance.now() - (started.get(stage) ?? start)) * 10) / 10000;
    }
  });
  const seconds = (performance.now() - start) / 1000;
  // CPU time of every thread of the process (the workers' included), user and system.
  const cpu = process.cpuUsage(cpuAtStart);
  const peak = peakRssMB();
  const result: Record<string, unknown> = {
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    peakRssMB: Math.round(peak),
    documents: analysis.documents.length,
    links: analysis.reuse.length,
    claims: analysis.claims.length,
    reuseRecall: reuseRecall(analysis, plan),
    claimRecall: claimRecall(analysis, plan),
    stages
  };
  if (rest.includes("--exhaustive")) result.indexRecall = exhaustiveRecall(analysis);
  // The report's page data at this size: the largest page, in KB.
  const pages = sliceSizes(analysis);
  result.pagesKB = Object.fromEntries(Object.entries(pages).map(([name, {bytes}]) => [name, Math.round(bytes / 1024)]));
  const cut = Object.entries(pages).filter(([, {fitted}]) => fitted).map(([name]) => name);
  if (cut.length) result.pagesCutToFit = cut;
  process.stdout.write(JSON.stringify(result) + "\n");
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop()!)) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
