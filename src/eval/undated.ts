/**
 * Articles saved without a date, in a folder of several stories: giveme5w1h-news-cluster (383
 * articles, 69 events over five years) through the whole pipeline (`analyzeSources`) as one input,
 * with the dates taken out of every third article's metadata (`date_publish`, `date_modify`,
 * `date_download`). Their text is left as printed, so some still date themselves (a date line, a
 * dated caption); the others can be placed only through a weekday ("on Monday") and the dated
 * articles around them.
 *
 * Scored for those articles: how many get a publication window, and how many of those windows hold
 * the metadata's own date (`date_publish`, a wall-clock time with no zone: counted as held when it
 * falls within the window widened by 14 hours on each side, every zone's offset).
 *
 * Usage: npx tsx src/eval/undated.ts [--json]. Reads ../shared/corpora (or DRIFTLINE_CORPORA).
 */
import {existsSync, readFileSync} from "node:fs";
import path from "node:path";
import {analyzeSources} from "../lib/analyze.js";
import {loadReferenceData} from "../lib/reference.js";
import {CORPORA_DIR} from "./_corpora.js";

const asJson = process.argv.includes("--json");
const HOUR = 3_600_000;
const DATE_FIELDS = ["date_publish", "date_modify", "date_download"];

interface Score {
  articles: number;
  undated: number;
  placed: number;
  held: number;
  byBasis: Record<string, {placed: number; held: number}>;
  medianWindowHours: number | null;
}

async function main(): Promise<void> {
  const file = path.join(CORPORA_DIR, "giveme5w1h-news-cluster", "articles.jsonl");
  if (!existsSync(file)) {
    console.log(asJson ? JSON.stringify({skipped: "corpora not found"}) : "skipped: corpora not found");
    return;
  }
  const records = readFileSync(file, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as Record<string, unknown>);
  const truth = new Map<string, string>();
  const lines = records.map((r, i) => {
    if (i % 3 !== 1) return JSON.stringify(r);
    truth.set(String(r.url), String(r.date_publish));
    const copy = {...r};
    for (const field of DATE_FIELDS) delete copy[field];
    return JSON.stringify(copy);
  });
  const {reference} = await loadReferenceData();
  const analysis = analyzeSources([{path: "giveme5w1h-undated.jsonl", bytes: new TextEncoder().encode(lines.join("\n"))}], reference);
  const score: Score = {articles: analysis.documents.length, undated: 0, placed: 0, held: 0, byBasis: {}, medianWindowHours: null};
  const widths: number[] = [];
  for (const doc of analysis.documents) {
    const date = truth.get(doc.declared?.url ?? doc.url ?? "");
    if (date === undefined) continue;
    score.undated++;
    const published = doc.published;
    if (!published) continue;
    score.placed++;
    const basis = published.basis.split(":").slice(0, 2).join(":");
    const entry = (score.byBasis[basis] ??= {placed: 0, held: 0});
    entry.placed++;
    const at = Date.parse(`${date.replace(" ", "T")}Z`);
    const held = at >= Date.parse(published.earliest) - 14 * HOUR && at <= Date.parse(published.latest) + 14 * HOUR;
    if (held) {
      score.held++;
      entry.held++;
    }
    widths.push((Date.parse(published.latest) - Date.parse(published.earliest)) / HOUR);
  }
  widths.sort((a, b) => a - b);
  score.medianWindowHours = widths.length ? Math.round(widths[Math.floor(widths.length / 2)]!) : null;
  if (asJson) {
    console.log(JSON.stringify(score));
    return;
  }
  console.log(`giveme5w1h-news-cluster, every third article's dates taken out: ${score.undated} of ${score.articles}`);
  console.log(`  given a publication window: ${score.placed}; the window holds the metadata's date: ${score.held} (median window ${score.medianWindowHours ?? "–"} h)`);
  for (const [basis, {placed, held}] of Object.entries(score.byBasis).sort((a, b) => b[1].placed - a[1].placed)) console.log(`    ${basis.padEnd(40)} ${String(placed).padStart(4)} placed, ${held} held`);
}

await main();
