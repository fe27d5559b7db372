/**
 * Evaluation of the shared-phrasing passes (src/lib/reuse*.ts) on three public corpora:
 *
 * - Clough & Stevenson plagiarised short answers: each answer aligned with its source; the
 *   answer's coverage (share of its words in aligned passages) cut into cut / light / heavy / non.
 *   Prints the agreement with the library's constants (CUT_MIN_COVERAGE, DERIVED_MIN_COVERAGE,
 *   PARTIALLY_DERIVED_MIN_COVERAGE), the confusion matrix, and the cut points that maximise
 *   agreement on this corpus (the calibration behind those constants).
 * - SemEval-2022 task 8 (English pairs): Spearman correlation of document similarity with the gold
 *   "Overall" score. Similarity = the larger of the two coverages (the share of the more-contained
 *   article's words inside aligned passages). Gold 1 = most similar, 4 = least, so a working
 *   measure gives a NEGATIVE correlation; the table also prints it with the sign flipped.
 * - MSR paraphrase corpus: sentence pairs. Similarity = shared words in aligned passages over the
 *   mean sentence length, with a sentence-scale setting (3-grams, passages of 3 words, gaps of 4);
 *   the threshold is chosen on train and accuracy reported on test.
 *
 * Usage: npx tsx src/eval/similarity.ts [--json]. Reads ../shared/corpora (or DRIFTLINE_CORPORA).
 */
import {existsSync, readFileSync} from "node:fs";
import path from "node:path";
import {
  alignDocuments,
  CUT_MIN_EXACTNESS,
  DERIVED_MIN_COVERAGE,
  PARTIALLY_DERIVED_MIN_COVERAGE,
  type ReuseOptions,
} from "../lib/reuse.js";
import {comparisonTokens} from "../lib/reuse-tokens.js";
import {CORPORA_DIR} from "./_corpora.js";

const asJson = process.argv.includes("--json");

function readLenient(file: string): string {
  const bytes = readFileSync(file);
  let text: string;
  try {
    text = new TextDecoder("utf-8", {fatal: true}).decode(bytes);
  } catch {
    text = new TextDecoder("latin1").decode(bytes);
  }
  return text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}

/** Average ranks (ties share their mean rank). */
function ranks(values: number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(values.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    for (let k = i; k <= j; k++) out[order[k]![1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return out;
}

function pearson(x: number[], y: number[]): number {
  const n = x.length;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
    syy += (y[i]! - my) ** 2;
  }
  return sxx && syy ? sxy / Math.sqrt(sxx * syy) : 0;
}

const spearman = (x: number[], y: number[]) => pearson(ranks(x), ranks(y));
const round = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;

const LEVELS = ["cut", "light", "heavy", "non"] as const;
type Level = (typeof LEVELS)[number];

/** Four levels from coverage and exactness (shared words / words inside passages): derived text
 *  (coverage ≥ cuts[1]) is a verbatim cut when its passages are exact (exactness ≥ cuts[0]). */
function level(coverage: number, exactness: number, cuts: [number, number, number]): Level {
  if (coverage >= cuts[1]) return exactness >= cuts[0] ? "cut" : "light";
  if (coverage >= cuts[2]) return "heavy";
  return "non";
}

function clough() {
  const dir = path.join(CORPORA_DIR, "clough-stevenson-short-answer-reuse");
  if (!existsSync(dir)) return null;
  const rows = readLenient(path.join(dir, "file_information.csv"))
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => line.split(","))
    .filter((r) => r.length >= 3 && r[2] !== "orig");
  const items = rows.map(([file, task, category]) => {
    const answer = readLenient(path.join(dir, "files", file!));
    const source = readLenient(path.join(dir, "files", `orig_task${task}.txt`));
    const {secondCoverage, passages} = alignDocuments(source, answer);
    const shared = passages.reduce((s, p) => s + p.words, 0);
    const inside = secondCoverage * comparisonTokens(answer).ids.length;
    return {file: file!, category: category!.trim() as Level, coverage: secondCoverage, exactness: inside > 0 ? shared / inside : 0};
  });
  const evaluate = (cuts: [number, number, number]) => {
    const confusion: Record<string, Record<string, number>> = {};
    for (const g of LEVELS) confusion[g] = Object.fromEntries(LEVELS.map((p) => [p, 0]));
    let agree = 0;
    for (const it of items) {
      const predicted = level(it.coverage, it.exactness, cuts);
      confusion[it.category]![predicted]!++;
      if (predicted === it.category) agree++;
    }
    const threeAgree = items.filter((it) => {
      const group = (l: Level) => (l === "cut" || l === "light" ? "derived" : l === "heavy" ? "partial" : "independent");
      return group(level(it.coverage, it.exactness, cuts)) === group(it.category);
    }).length;
    return {accuracy: agree / items.length, threeLevelAccuracy: threeAgree / items.length, confusion};
  };
  // Calibration: the cut points (midpoints between observed coverages) that maximise agreement.
  const midpoints = (xs: number[]) => {
    const values = [...new Set(xs)].sort((a, b) => a - b);
    return values.slice(1).map((v, i) => round((v + values[i]!) / 2, 3));
  };
  const coverageCuts = midpoints(items.map((i) => i.coverage));
  const exactCuts = midpoints(items.map((i) => i.exactness));
  let best: {cuts: [number, number, number]; accuracy: number} = {cuts: [1, 1, 1], accuracy: -1};
  for (let a = 0; a < coverageCuts.length; a++) {
    for (let b = a; b < coverageCuts.length; b++) {
      for (const e of exactCuts) {
        const cuts: [number, number, number] = [e, coverageCuts[b]!, coverageCuts[a]!];
        const accuracy = evaluate(cuts).accuracy;
        if (accuracy > best.accuracy + 1e-12) best = {cuts, accuracy};
      }
    }
  }
  const meanCoverage = Object.fromEntries(
    LEVELS.map((l) => {
      const xs = items.filter((i) => i.category === l).map((i) => i.coverage);
      return [l, round(xs.reduce((s, v) => s + v, 0) / Math.max(1, xs.length), 3)];
    })
  );
  const constants: [number, number, number] = [CUT_MIN_EXACTNESS, DERIVED_MIN_COVERAGE, PARTIALLY_DERIVED_MIN_COVERAGE];
  const atConstants = evaluate(constants);
  return {
    answers: items.length,
    meanCoverage,
    constants,
    accuracy: round(atConstants.accuracy),
    threeLevelAccuracy: round(atConstants.threeLevelAccuracy),
    confusion: atConstants.confusion,
    calibrated: {cuts: best.cuts, accuracy: round(best.accuracy)},
  };
}

function semeval() {
  const file = path.join(CORPORA_DIR, "semeval2022-task8-news-similarity", "en_en_pairs.jsonl");
  if (!existsSync(file)) return null;
  const pairs = readLenient(file)
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as {text1: string; text2: string; Overall: number});
  const similarity = pairs.map((p) => {
    const {firstCoverage, secondCoverage} = alignDocuments(p.text1 ?? "", p.text2 ?? "");
    return Math.max(firstCoverage, secondCoverage);
  });
  const gold = pairs.map((p) => p.Overall);
  const rho = spearman(similarity, gold);
  return {pairs: pairs.length, withPassages: similarity.filter((s) => s > 0).length, spearman: round(rho), spearmanFlipped: round(-rho)};
}

const SENTENCE_OPTIONS: ReuseOptions = {order: 3, minPassageWords: 3, maxGap: 4};

function sentenceSimilarity(a: string, b: string): number {
  const na = comparisonTokens(a).ids.length;
  const nb = comparisonTokens(b).ids.length;
  if (na + nb === 0) return 0;
  const {passages} = alignDocuments(a, b, SENTENCE_OPTIONS);
  const shared = passages.reduce((s, p) => s + p.words, 0);
  return shared / ((na + nb) / 2);
}

function msrp() {
  const dir = path.join(CORPORA_DIR, "msr-paraphrase");
  if (!existsSync(dir)) return null;
  const load = (name: string) =>
    readLenient(path.join(dir, name))
      .split("\n")
      .slice(1)
      .map((l) => l.split("\t"))
      .filter((r) => r.length >= 5)
      .map((r) => ({label: r[0] === "1", score: sentenceSimilarity(r[3]!, r[4]!)}));
  const train = load("msr_paraphrase_train.txt");
  const test = load("msr_paraphrase_test.txt");
  const accuracy = (rows: {label: boolean; score: number}[], t: number) => rows.filter((r) => (r.score >= t) === r.label).length / rows.length;
  let threshold = 0;
  let bestTrain = -1;
  for (const t of [...new Set(train.map((r) => round(r.score, 3)))].sort((a, b) => a - b)) {
    const acc = accuracy(train, t);
    if (acc > bestTrain) {
      bestTrain = acc;
      threshold = t;
    }
  }
  const majority = test.filter((r) => r.label).length / test.length;
  return {train: train.length, test: test.length, threshold, trainAccuracy: round(bestTrain), testAccuracy: round(accuracy(test, threshold)), majorityBaseline: round(majority)};
}

if (!existsSync(CORPORA_DIR)) {
  console.log(`skipped: corpora not found (${CORPORA_DIR})`);
  process.exit(0);
}
const started = performance.now();
const result = {clough: clough(), semeval: semeval(), msrp: msrp(), seconds: 0};
result.seconds = round((performance.now() - started) / 1000, 2);
if (asJson) {
  console.log(JSON.stringify(result));
} else {
  const lines: string[] = ["Shared phrasing: similarity evaluation", ""];
  const c = result.clough;
  if (c) {
    lines.push(`Clough-Stevenson (${c.answers} answers vs source; score = answer coverage)`);
    lines.push(`  mean coverage: ${LEVELS.map((l) => `${l} ${c.meanCoverage[l]}`).join(", ")}`);
    lines.push(`  four-level agreement at the library constants (cut exactness ${c.constants[0]}, derived ${c.constants[1]}, partial ${c.constants[2]}): ${c.accuracy}`);
    lines.push(`  three-level (derived / partially-derived / independent): ${c.threeLevelAccuracy}`);
    lines.push(`  best cut points on this corpus (exactness / coverage / coverage) ${c.calibrated.cuts.join(" / ")}: ${c.calibrated.accuracy}`);
    lines.push(`  confusion (rows gold, columns predicted):`);
    lines.push(`    ${"".padEnd(6)}${LEVELS.map((l) => l.padStart(6)).join("")}`);
    for (const g of LEVELS) lines.push(`    ${g.padEnd(6)}${LEVELS.map((p) => String(c.confusion[g]![p]).padStart(6)).join("")}`);
  } else lines.push("Clough-Stevenson: skipped: corpus not found");
  const s = result.semeval;
  lines.push("");
  if (s) {
    lines.push(`SemEval-2022 task 8, English pairs (${s.pairs}; ${s.withPassages} with an aligned passage)`);
    lines.push(`  Spearman(max coverage, Overall) = ${s.spearman}   (gold 1 = most similar; sign flipped: ${s.spearmanFlipped})`);
  } else lines.push("SemEval-2022 task 8: skipped: corpus not found");
  const m = result.msrp;
  lines.push("");
  if (m) {
    lines.push(`MSR paraphrase (${m.train} train / ${m.test} test pairs)`);
    lines.push(`  threshold ${m.threshold} chosen on train (accuracy ${m.trainAccuracy}); test accuracy ${m.testAccuracy} (majority baseline ${m.majorityBaseline})`);
  } else lines.push("MSR paraphrase: skipped: corpus not found");
  lines.push("", `(${result.seconds} s)`);
  console.log(lines.join("\n"));
}
