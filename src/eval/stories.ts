/**
 * Stories (src/lib/stories.ts) against the events the corpora's editors assigned:
 * giveme5w1h-news-cluster (383 articles, 69 events), BASIL (300 articles, 100 events × 3 outlets)
 * and PAC (304 articles, 152 stories × 2 outlets of opposite leaning).
 *
 * Two questions:
 * - **Mixed folder.** All of a corpus's articles in one folder, in publication order: pairwise
 *   precision and recall of "same story" against "same event", and B-cubed F1.
 * - **One-story folder.** Each event's articles alone: the share of events kept whole as one story,
 *   and the share of articles in their event's largest story. A folder about one story (the common
 *   case) must not be split, or its figures would not meet in one family.
 *
 * - **In the report.** All giveme5w1h articles as one jsonl input through the whole pipeline
 *   (`analyzeSources`): how many figure families and reuse links join documents of different events,
 *   and how many drift events run between documents certainly published in that order.
 *
 * Each article's date counts as the pipeline's publication time does (`StoryOptions.times`).
 *
 * Usage: npx tsx src/eval/stories.ts [--json] [--threshold T] [--same-story-days N]
 * [--story-decay-days M] [--no-times]. Reads ../shared/corpora (or DRIFTLINE_CORPORA).
 */
import {existsSync, readFileSync} from "node:fs";
import path from "node:path";
import {analyzeSources} from "../lib/analyze.js";
import {loadReferenceData} from "../lib/reference.js";
import {comparisonTokens} from "../lib/reuse-tokens.js";
import {groupStories, termVectors, DEFAULT_STORY_THRESHOLD} from "../lib/stories.js";
import {CORPORA_DIR} from "./_corpora.js";

const asJson = process.argv.includes("--json");
const thresholdAt = process.argv.indexOf("--threshold");
const threshold = thresholdAt > 0 ? Number(process.argv[thresholdAt + 1]) : DEFAULT_STORY_THRESHOLD;

interface Article {
  event: string;
  date: string;
  text: string;
}

function readJsonl(file: string): Record<string, unknown>[] {
  return readFileSync(file, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** BASIL keeps paragraphs as a printed Python list of lists of sentences. */
function basilText(record: Record<string, unknown>): string {
  const raw = String(record["body-paragraphs"] ?? "");
  const sentences = [...raw.matchAll(/'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/g)].map((m) => (m[1] ?? m[2] ?? "").replace(/\\(.)/g, "$1"));
  return sentences.join(" ");
}

function corpora(): Record<string, Article[]> {
  const out: Record<string, Article[]> = {};
  const g5 = path.join(CORPORA_DIR, "giveme5w1h-news-cluster", "articles.jsonl");
  if (existsSync(g5)) {
    out["giveme5w1h-news-cluster"] = readJsonl(g5).map((r) => ({
      event: String((r.newsCluster as {Event?: string})?.Event ?? "?"),
      date: String(r.date_publish ?? ""),
      text: `${r.title ?? ""}\n${r.text ?? ""}`,
    }));
  }
  const basil = path.join(CORPORA_DIR, "basil", "articles_with_annotations.jsonl");
  if (existsSync(basil)) {
    out.basil = readJsonl(basil).map((r) => ({event: String(r["triplet-uuid"]), date: String(r.date ?? ""), text: `${r.title ?? ""}\n${basilText(r)}`}));
  }
  const pac = path.join(CORPORA_DIR, "pac-partisan-events", "articles.jsonl");
  if (existsSync(pac)) {
    out.pac = readJsonl(pac).map((r) => ({event: String(r.story_id), date: String(r.date ?? ""), text: `${r.title ?? ""}\n${r.text ?? ""}`}));
  }
  return out;
}

const sameStoryDaysAt = process.argv.indexOf("--same-story-days");
const decayDaysAt = process.argv.indexOf("--story-decay-days");
const timeOptions = {
  ...(sameStoryDaysAt > 0 ? {sameStoryDays: Number(process.argv[sameStoryDaysAt + 1])} : {}),
  ...(decayDaysAt > 0 ? {storyDecayDays: Number(process.argv[decayDaysAt + 1])} : {})
};
const withoutTimes = process.argv.includes("--no-times");

function storiesOf(articles: readonly Article[]): Int32Array {
  const vectors = termVectors(articles.map((a) => comparisonTokens(a.text).ids));
  // Each article's date as the pipeline would read it (a date alone: its midday, UTC).
  const times = Float64Array.from(articles, (a) => (/^\d{4}-\d{2}-\d{2}/.test(a.date) ? Date.parse(`${a.date.slice(0, 10)}T12:00:00Z`) : NaN));
  return groupStories(vectors, {threshold, ...(withoutTimes ? {} : {times, ...timeOptions})}).storyOf;
}

function inOrder(articles: readonly Article[]): Article[] {
  return [...articles].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

interface MixedScore {
  articles: number;
  events: number;
  stories: number;
  pairPrecision: number;
  pairRecall: number;
  bcubedF1: number;
}

function mixed(articles: readonly Article[]): MixedScore {
  const ordered = inOrder(articles);
  const story = storiesOf(ordered);
  let both = 0;
  let predicted = 0;
  let gold = 0;
  for (let i = 0; i < ordered.length; i++) {
    for (let j = i + 1; j < ordered.length; j++) {
      const same = story[i] === story[j];
      const event = ordered[i]!.event === ordered[j]!.event;
      if (same) predicted++;
      if (event) gold++;
      if (same && event) both++;
    }
  }
  // B-cubed: per article, precision and recall of its story against its event.
  let p = 0;
  let r = 0;
  for (let i = 0; i < ordered.length; i++) {
    let inStory = 0;
    let inEvent = 0;
    let inBoth = 0;
    for (let j = 0; j < ordered.length; j++) {
      const s = story[i] === story[j];
      const e = ordered[i]!.event === ordered[j]!.event;
      if (s) inStory++;
      if (e) inEvent++;
      if (s && e) inBoth++;
    }
    p += inBoth / inStory;
    r += inBoth / inEvent;
  }
  p /= ordered.length;
  r /= ordered.length;
  return {
    articles: ordered.length,
    events: new Set(ordered.map((a) => a.event)).size,
    stories: new Set(story).size,
    pairPrecision: round(predicted ? both / predicted : 1),
    pairRecall: round(gold ? both / gold : 1),
    bcubedF1: round((2 * p * r) / (p + r)),
  };
}

function oneStoryFolders(articles: readonly Article[]): {events: number; keptWhole: number; articlesInLargest: number} {
  const byEvent = new Map<string, Article[]>();
  for (const a of articles) byEvent.set(a.event, [...(byEvent.get(a.event) ?? []), a]);
  let whole = 0;
  let inLargest = 0;
  let events = 0;
  let total = 0;
  for (const list of byEvent.values()) {
    if (list.length < 2) continue;
    events++;
    total += list.length;
    const story = storiesOf(inOrder(list));
    const sizes = new Map<number, number>();
    for (const s of story) sizes.set(s, (sizes.get(s) ?? 0) + 1);
    if (sizes.size === 1) whole++;
    inLargest += Math.max(...sizes.values());
  }
  return {events, keptWhole: round(whole / events), articlesInLargest: round(inLargest / total)};
}

interface PipelineScore {
  documents: number;
  stories: number;
  families: number;
  multiDocumentFamilies: number;
  familiesAcrossEvents: number;
  reuseLinks: number;
  reuseAcrossEvents: number;
  driftEvents: number;
  /** Drift events between documents certainly published in that order (`orderCertain`). */
  driftEventsInCertainOrder: number;
}

/** The whole pipeline on every giveme5w1h article in one input, scored against the events. */
async function pipeline(): Promise<PipelineScore | null> {
  const file = path.join(CORPORA_DIR, "giveme5w1h-news-cluster", "articles.jsonl");
  if (!existsSync(file)) return null;
  const bytes = readFileSync(file);
  const eventOfUrl = new Map(readJsonl(file).map((r) => [String(r.url), String((r.newsCluster as {Event?: string})?.Event ?? "?")]));
  const {reference} = await loadReferenceData();
  const analysis = analyzeSources([{path: "giveme5w1h.jsonl", bytes}], reference);
  const eventOf = new Map(analysis.documents.map((d) => [d.id, eventOfUrl.get(d.declared?.url ?? d.url ?? "") ?? d.id]));
  const multi = analysis.families.filter((f) => f.documentIds.length > 1);
  return {
    documents: analysis.documents.length,
    stories: analysis.stories.length,
    families: analysis.families.length,
    multiDocumentFamilies: multi.length,
    familiesAcrossEvents: multi.filter((f) => new Set(f.documentIds.map((id) => eventOf.get(id))).size > 1).length,
    reuseLinks: analysis.reuse.length,
    reuseAcrossEvents: analysis.reuse.filter((l) => eventOf.get(l.source) !== eventOf.get(l.target)).length,
    driftEvents: analysis.families.reduce((n, f) => n + f.drift.length, 0),
    driftEventsInCertainOrder: analysis.families.reduce((n, f) => n + f.drift.filter((e) => e.orderCertain).length, 0),
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

async function main(): Promise<void> {
  const sets = corpora();
  if (!Object.keys(sets).length) {
    console.log(asJson ? JSON.stringify({skipped: "corpora not found"}) : "skipped: corpora not found");
    return;
  }
  const results: Record<string, unknown> = {threshold};
  for (const [name, articles] of Object.entries(sets)) results[name] = {mixed: mixed(articles), oneStory: oneStoryFolders(articles)};
  const whole = await pipeline();
  if (asJson) {
    results.pipeline = whole;
    console.log(JSON.stringify(results));
    return;
  }
  console.log(`threshold ${threshold}`);
  for (const [name, value] of Object.entries(results)) {
    if (name === "threshold" || name === "pipeline") continue;
    const {mixed: m, oneStory: o} = value as {mixed: MixedScore; oneStory: ReturnType<typeof oneStoryFolders>};
    console.log(`${name}: ${m.articles} articles, ${m.events} events → ${m.stories} stories; pairs P ${m.pairPrecision} R ${m.pairRecall}; B-cubed F1 ${m.bcubedF1}`);
    console.log(`  one event a folder: ${o.events} events, ${(o.keptWhole * 100).toFixed(1)}% kept whole, ${(o.articlesInLargest * 100).toFixed(1)}% of articles in the event's largest story`);
  }
  if (whole) {
    console.log(`giveme5w1h through the pipeline as one input: ${whole.documents} documents, ${whole.stories} stories;`);
    console.log(`  ${whole.multiDocumentFamilies} of ${whole.families} figure families span two documents or more, ${whole.familiesAcrossEvents} of them documents of different events;`);
    console.log(`  ${whole.reuseLinks} reuse links, ${whole.reuseAcrossEvents} between documents of different events`);
    console.log(`  ${whole.driftEvents} drift events, ${whole.driftEventsInCertainOrder} between documents certainly published in that order`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
