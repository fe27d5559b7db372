/**
 * Figure extraction (src/lib/quantity.ts) against Microsoft Recognizers-Text on the same cases.
 *
 * Suites:
 * - recognizers-text-specs, NumberWithUnit/CurrencyModel.json: currency results with a value;
 *   ours = matches whose kind is `currency`; theirs = `recognizeCurrency`.
 * - recognizers-text-specs, Number/PercentModel.json: percentage results with a value;
 *   ours = kind `percent`; theirs = `recognizePercentage`.
 * - recognizers-text-specs, Number/NumberModel.json: every number; ours = every match (minor ones
 *   included); theirs = `recognizeNumber`.
 * - quantulum3-tests quantities.json: every quantity (value and surface); ours = every match;
 *   theirs = number + percentage + currency results, longest kept where they overlap.
 * - the seeds' sentences: the figures worth tracking in seeds/*.txt, annotated by hand below (counts,
 *   money, percentages, durations; not years, dates, times of day, page furniture or determiner
 *   words like "one of the best"); ours = non-minor matches; theirs = number + percentage + currency.
 *
 * A prediction is correct when its span overlaps a gold span and its value equals the gold value
 * (one prediction per gold item). Precision, recall and F1 per suite; time is the wall-clock time
 * of each system over the suite's inputs (ours repeated to beat timer resolution).
 *
 * Usage: npx tsx src/eval/numbers.ts [--json]. Reads ../shared/corpora (or DRIFTLINE_CORPORA).
 */
import {existsSync, readFileSync, readdirSync} from "node:fs";
import path from "node:path";
import {performance} from "node:perf_hooks";
import * as RecognizersNumber from "@microsoft/recognizers-text-number";
import * as RecognizersUnit from "@microsoft/recognizers-text-number-with-unit";
import {findQuantities, type QuantityMatch} from "../lib/quantity.js";
import {CORPORA_DIR, PROJECT_ROOT} from "./_corpora.js";

const asJson = process.argv.includes("--json");
const CULTURE = "en-us";

interface Item {
  start: number;
  end: number;
  value: number;
}
interface Case {
  input: string;
  gold: Item[];
  jsSupported: boolean;
}
type System = (input: string) => Item[];

interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
  ms: number;
}

function sameValue(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));
}

function score(cases: readonly Case[], predictions: readonly Item[][], ms: number): Score {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  cases.forEach((c, i) => {
    const used = new Set<number>();
    for (const g of c.gold) {
      const hit = predictions[i]!.findIndex((p, j) => !used.has(j) && p.start < g.end && g.start < p.end && sameValue(p.value, g.value));
      if (hit >= 0) {
        used.add(hit);
        tp++;
      } else fn++;
    }
    fp += predictions[i]!.length - used.size;
  });
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return {tp, fp, fn, precision, recall, f1, ms};
}

function run(cases: readonly Case[], system: System, repeat = 1): {predictions: Item[][]; ms: number} {
  let predictions: Item[][] = [];
  const t0 = performance.now();
  for (let r = 0; r < repeat; r++) predictions = cases.map((c) => system(c.input));
  return {predictions, ms: (performance.now() - t0) / repeat};
}

const parseValue = (v: unknown): number | null => {
  if (typeof v !== "string" || v === "" || v === "null") return null;
  const n = Number(v.replace(/%$/, ""));
  return Number.isFinite(n) ? n : null;
};

type RecognizerResult = {start: number; end: number; resolution?: {value?: unknown} | null};
const fromRecognizer = (results: RecognizerResult[]): Item[] =>
  results.flatMap((r) => {
    const value = parseValue(r.resolution?.value);
    return value === null ? [] : [{start: r.start, end: r.end + 1, value}];
  });

/** Merge several recognizers' results, keeping the longest where spans overlap. */
function merged(...lists: Item[][]): Item[] {
  const all = lists.flat().sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Item[] = [];
  for (const item of all) if (!kept.some((k) => k.start < item.end && item.start < k.end)) kept.push(item);
  return kept.sort((a, b) => a.start - b.start);
}

const theirs = {
  currency: (s: string) => fromRecognizer(RecognizersUnit.recognizeCurrency(s, CULTURE)),
  percent: (s: string) => fromRecognizer(RecognizersNumber.recognizePercentage(s, CULTURE)),
  number: (s: string) => fromRecognizer(RecognizersNumber.recognizeNumber(s, CULTURE)),
  any: (s: string) =>
    merged(
      fromRecognizer(RecognizersNumber.recognizeNumber(s, CULTURE)),
      fromRecognizer(RecognizersNumber.recognizePercentage(s, CULTURE)),
      fromRecognizer(RecognizersUnit.recognizeCurrency(s, CULTURE))
    ),
};
const toItems = (matches: QuantityMatch[]): Item[] => matches.map((q) => ({start: q.start, end: q.end, value: q.value}));
const ours = {
  currency: (s: string) => toItems(findQuantities(s).filter((q) => q.kind === "currency")),
  percent: (s: string) => toItems(findQuantities(s).filter((q) => q.kind === "percent")),
  number: (s: string) => toItems(findQuantities(s)),
  tracked: (s: string) => toItems(findQuantities(s).filter((q) => !q.minor)),
};

function readSpec(file: string, typeName: string | null): Case[] {
  const raw = JSON.parse(readFileSync(file, "utf8").replace(/^\uFEFF/, "")) as {
    Input: string;
    NotSupported?: string;
    Results: {Text: string; TypeName: string; Start: number; End: number; Resolution?: {value?: unknown}}[];
  }[];
  return raw.map((c) => ({
    input: c.Input,
    jsSupported: !(c.NotSupported ?? "").includes("javascript"),
    gold: c.Results.flatMap((r) => {
      if (typeName && r.TypeName !== typeName) return [];
      const value = parseValue(r.Resolution?.value);
      return value === null ? [] : [{start: r.Start, end: r.End + 1, value}];
    }),
  }));
}

function readQuantulum(file: string): Case[] {
  const raw = JSON.parse(readFileSync(file, "utf8")) as {req: string; res: {value: number; surface: string}[]}[];
  return raw.map((c) => {
    let from = 0;
    const gold: Item[] = [];
    for (const r of c.res) {
      const at = c.req.indexOf(r.surface, from);
      if (at < 0 || typeof r.value !== "number") continue;
      gold.push({start: at, end: at + r.surface.length, value: r.value});
      from = at + r.surface.length;
    }
    return {input: c.req, gold, jsSupported: true};
  });
}

/**
 * Hand annotation of the seed articles: the figures worth tracking, in text order, as printed,
 * with their values. Evaluation data only; nothing in src/lib reads it.
 */
const SEED_FIGURES: Record<string, [string, number][]> = {
  "000": [["one million", 1e6], ["one million", 1e6], ["five years", 5], ["one million", 1e6], ["45 percent", 45], ["7,000", 7000], ["$15 billion", 15e9], ["one million", 1e6]],
  "001": [["a million", 1e6], ["a million", 1e6], ["one million", 1e6], ["five years", 5], ["one million", 1e6], ["45 per cent", 45]],
  "002": [["1 million", 1e6], ["45 percent", 45], ["$50 billion", 50e9], ["50,000", 50000], ["36,446", 36446], ["230,800", 230800], ["1.5%", 1.5]],
  "003": [["one million", 1e6], ["one million", 1e6], ["five years", 5], ["40 minutes", 40], ["one million", 1e6], ["one million", 1e6], ["a million", 1e6], ["ten million", 1e7], ["30 million", 3e7], ["300 million", 3e8], ["45%", 45], ["one million", 1e6]],
  "004": [["1 million", 1e6], ["1 million", 1e6], ["40-minute", 40], ["1 million", 1e6], ["US$150 billion", 150e9], ["40 per cent", 40], ["20 years", 20], ["2 billion", 2e9], ["10 million", 1e7], ["300 million", 3e8], ["10 million", 1e7], ["40 million", 4e7], ["US$500 billion", 500e9], ["five years", 5], ["1 yuan", 1]],
};

function readSeeds(dir: string): Case[] {
  if (!existsSync(dir)) return [];
  const cases: Case[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".txt")).sort()) {
    const figures = SEED_FIGURES[file.slice(0, 3)];
    if (!figures) continue;
    const text = readFileSync(path.join(dir, file), "utf8");
    let from = 0;
    const gold: Item[] = [];
    for (const [surface, value] of figures) {
      const at = text.indexOf(surface, from);
      if (at < 0) throw new Error(`seed annotation "${surface}" not found in ${file}`);
      gold.push({start: at, end: at + surface.length, value});
      from = at + surface.length;
    }
    // One case per line (paragraph): Recognizers is slow on whole articles and sentences are the unit.
    let offset = 0;
    for (const line of text.split("\n")) {
      const lineGold = gold.filter((g) => g.start >= offset && g.end <= offset + line.length).map((g) => ({...g, start: g.start - offset, end: g.end - offset}));
      if (line.trim()) cases.push({input: line, gold: lineGold, jsSupported: true});
      offset += line.length + 1;
    }
  }
  return cases;
}

interface SuiteResult {
  suite: string;
  cases: number;
  gold: number;
  ours: Score;
  recognizers: Score;
  speedup: number;
}

function compare(suite: string, cases: Case[], mine: System, other: System): SuiteResult {
  // Warm up both (JIT, Recognizers' lazy regex compilation), then time.
  run(cases.slice(0, 5), mine);
  run(cases.slice(0, 5), other);
  const a = run(cases, mine, 20);
  const b = run(cases, other, 1);
  const oursScore = score(cases, a.predictions, a.ms);
  const theirScore = score(cases, b.predictions, b.ms);
  return {suite, cases: cases.length, gold: cases.reduce((n, c) => n + c.gold.length, 0), ours: oursScore, recognizers: theirScore, speedup: b.ms / Math.max(a.ms, 1e-6)};
}

function main(): void {
  const specs = path.join(CORPORA_DIR, "recognizers-text-specs");
  const quantulum = path.join(CORPORA_DIR, "quantulum3-tests");
  if (!existsSync(specs) && !existsSync(quantulum)) {
    console.log("skipped: corpora not found");
    return;
  }
  const results: SuiteResult[] = [];
  if (existsSync(specs)) {
    const currency = readSpec(path.join(specs, "NumberWithUnit/CurrencyModel.json"), "currency");
    results.push(compare("currency (all)", currency, ours.currency, theirs.currency));
    results.push(compare("currency (js-supported)", currency.filter((c) => c.jsSupported), ours.currency, theirs.currency));
    const percent = readSpec(path.join(specs, "Number/PercentModel.json"), "percentage");
    results.push(compare("percentage", percent, ours.percent, theirs.percent));
    const numbers = readSpec(path.join(specs, "Number/NumberModel.json"), "number");
    results.push(compare("number", numbers, ours.number, theirs.number));
  }
  if (existsSync(quantulum)) {
    results.push(compare("quantulum3", readQuantulum(path.join(quantulum, "quantities.json")), ours.number, theirs.any));
  }
  const seeds = readSeeds(path.join(PROJECT_ROOT, "seeds"));
  if (seeds.length) results.push(compare("seeds' sentences", seeds, ours.tracked, theirs.any));

  if (asJson) {
    console.log(JSON.stringify({numbers: results}));
    return;
  }
  const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
  console.log("Figure extraction: ours (src/lib/quantity.ts) vs Recognizers-Text, same cases");
  console.log("suite                     cases gold |  ours P     R    F1      ms | recog P     R    F1       ms | speed");
  for (const r of results) {
    const o = r.ours;
    const t = r.recognizers;
    console.log(
      `${r.suite.padEnd(25)} ${String(r.cases).padStart(5)} ${String(r.gold).padStart(4)} | ${pct(o.precision)} ${pct(o.recall)} ${pct(o.f1)} ${o.ms.toFixed(2).padStart(7)} | ${pct(t.precision)} ${pct(t.recall)} ${pct(t.f1)} ${t.ms.toFixed(1).padStart(8)} | ${r.speedup.toFixed(0).padStart(4)}×`
    );
  }
}

main();
