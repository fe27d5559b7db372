/**
 * Shared phrasing on real syndicated news: each event of giveme5w1h-news-cluster (383 articles, 69
 * events, no reuse labels) goes through the whole pipeline as news-please records, and the reuse
 * links are listed: wire copy reprinted by several sites should come out `derived`, rewrites
 * `partially-derived`, and different reports of the same event `independent` or unlinked.
 *
 * Usage: npx tsx src/eval/syndication.ts [--json]. Reads ../shared/corpora (or DRIFTLINE_CORPORA).
 */
import {existsSync, readFileSync} from "node:fs";
import path from "node:path";
import {analyzeSources} from "../lib/analyze.js";
import {loadReferenceData} from "../lib/reference.js";
import {CORPORA_DIR} from "./_corpora.js";

const file = path.join(CORPORA_DIR, "giveme5w1h-news-cluster", "articles.jsonl");
const asJson = process.argv.includes("--json");

if (!existsSync(file)) {
  process.stdout.write(asJson ? JSON.stringify({skipped: "corpora not found"}) + "\n" : "skipped: corpora not found\n");
  process.exit(0);
}

const lines = readFileSync(file, "utf8").split("\n").filter(Boolean);
const byEvent = new Map<string, string[]>();
for (const line of lines) {
  const record = JSON.parse(line) as {newsCluster?: {Event?: string}};
  const event = record.newsCluster?.Event ?? "unknown";
  byEvent.set(event, [...(byEvent.get(event) ?? []), line]);
}

const {reference} = await loadReferenceData();
const started = performance.now();
const counts = {events: 0, articles: 0, derived: 0, partiallyDerived: 0, independent: 0, eventsWithDerived: 0};
const examples: {event: string; source: string; target: string; targetCoverage: number; label: string; direction: string; changedNumbers: number}[] = [];
for (const [event, records] of [...byEvent].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
  const bytes = new TextEncoder().encode(records.map((r) => {
    const o = JSON.parse(r);
    return JSON.stringify({...o, id: `${o.source_domain}:${String(o.dId).slice(0, 6)}`});
  }).join("\n"));
  const analysis = analyzeSources([{path: `${event}.jsonl`, bytes}], reference);
  counts.events++;
  counts.articles += analysis.documents.length;
  let derivedHere = 0;
  for (const link of analysis.reuse) {
    if (link.label === "derived") (counts.derived++, derivedHere++);
    else if (link.label === "partially-derived") counts.partiallyDerived++;
    else counts.independent++;
    if (link.label !== "independent") {
      examples.push({event, source: link.source, target: link.target, targetCoverage: link.targetCoverage, label: link.label, direction: link.direction, changedNumbers: link.passages.reduce((n, p) => n + (p.changedNumbers?.length ?? 0), 0)});
    }
  }
  if (derivedHere) counts.eventsWithDerived++;
}
const seconds = (performance.now() - started) / 1000;
examples.sort((a, b) => b.targetCoverage - a.targetCoverage || (a.event < b.event ? -1 : 1));
const spotlight = examples.filter((e) => e.event.startsWith("woman_gets_284_billion"));

if (asJson) {
  process.stdout.write(JSON.stringify({...counts, seconds, top: examples.slice(0, 15), spotlight}, null, 2) + "\n");
} else {
  process.stdout.write(`giveme5w1h-news-cluster through the whole pipeline: ${counts.articles} articles in ${counts.events} events, ${seconds.toFixed(1)} s\n`);
  process.stdout.write(`reuse links: ${counts.derived} derived, ${counts.partiallyDerived} partially derived, ${counts.independent} independent; ${counts.eventsWithDerived} events hold derived copy\n\n`);
  const row = (e: (typeof examples)[number]) => `  ${e.label.padEnd(17)} ${(e.targetCoverage * 100).toFixed(0).padStart(3)}%  ${e.source} → ${e.target}  (direction: ${e.direction}${e.changedNumbers ? `, ${e.changedNumbers} changed figures` : ""})\n`;
  process.stdout.write("highest target coverage:\n");
  for (const e of examples.slice(0, 12)) process.stdout.write(row(e));
  process.stdout.write(`\nthe AP bill story (woman_gets_284_billion_electric_bil):\n`);
  for (const e of spotlight) process.stdout.write(row(e));
}
