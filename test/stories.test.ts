import {existsSync, readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {comparisonTokens, hashString} from "../src/lib/reuse-tokens.js";
import {analyzeSources, analyzeSourcesInParallel} from "../src/lib/analyze.js";
import {analyzePaths} from "../src/lib/run.js";
import {eventConsensus} from "../src/lib/time.js";
import {loadReferenceData} from "../src/lib/reference.js";
import {findStories, groupStories, reorderStories, termVectors} from "../src/lib/stories.js";
import type {Story} from "../src/lib/types.js";
import {makeDocument} from "./helpers.js";
import {checkAnalysis} from "./contract.js";

const ids = (text: string) => comparisonTokens(text).ids;

// Two unrelated stories, three articles each, worded differently within a story.
const FLOOD = [
  "Floodwaters swept through Riverton on Tuesday after the Mill River burst its banks, forcing evacuations of the lower town. Rescue crews used boats to reach stranded residents of Riverton.",
  "Residents of Riverton were evacuated as the Mill River flooded the lower town. Boats carried rescue crews to homes cut off by floodwaters, officials in Riverton said.",
  "The Mill River overflowed and floodwaters covered streets in Riverton. Evacuations continued in the lower town while rescue crews searched by boat.",
];
const MERGER = [
  "Halvorsen Steel agreed to buy Brightline Metals in a deal that creates the largest steelmaker in the region. Shareholders of Brightline Metals will receive cash and Halvorsen Steel stock.",
  "The merger of Halvorsen Steel and Brightline Metals needs approval from regulators and shareholders. Halvorsen Steel said the steelmaker would keep both plants open.",
  "Brightline Metals shareholders will vote on the Halvorsen Steel takeover next month. Regulators are expected to review the steelmaker deal.",
];

describe("termVectors", () => {
  it("leaves out stop words and words found in one document only, and has unit length", () => {
    const a = termVectors([ids("The river flooded the town said officials"), ids("The river rose")]);
    expect([...a.terms.subarray(a.offsets[0], a.offsets[1])]).toEqual([hashString("river")]);
    expect(a.weights[0]).toBeCloseTo(1, 6);
    expect(a.strongest[0]).toBe(hashString("river"));
    expect(a.strongest[1]).toBe(-1);
    const b = termVectors([ids("the and of said"), ids("the and of said")]);
    expect(b.terms.length).toBe(0);
  });
  it("keeps at most the asked number of words, in hash order, and names the strongest first", () => {
    const v = termVectors(["alpha alpha alpha beta beta gamma", "alpha beta gamma"].map(ids), {termsPerDocument: 2, candidateTerms: 1});
    expect([...v.terms.subarray(v.offsets[0], v.offsets[1])]).toEqual([hashString("alpha"), hashString("beta")].sort((x, y) => x - y));
    expect(v.strongest[0]).toBe(hashString("alpha"));
    expect(v.offsets[2]! - v.offsets[1]!).toBe(2);
  });
});

describe("groupStories", () => {
  it("separates two unrelated stories, whatever their interleaving", () => {
    const docs = [FLOOD[0]!, MERGER[0]!, FLOOD[1]!, MERGER[1]!, MERGER[2]!, FLOOD[2]!];
    const {storyOf, stories, similarity} = groupStories(termVectors(docs.map(ids)));
    expect(stories.length).toBe(2);
    expect([...storyOf]).toEqual([0, 1, 0, 1, 1, 0]);
    expect(similarity[0]).toBeNull();
    expect(similarity[2]).toBeGreaterThan(0.2);
    expect(stories[0]!.documents).toEqual([0, 2, 5]);
  });
  it("weighs time: the same words ten years apart are two stories, three days apart one", () => {
    const day = 86_400_000;
    const t0 = Date.parse("2016-03-01T12:00:00Z");
    const docs = [...FLOOD, ...FLOOD].map(ids);
    const at = (gap: number) => Float64Array.from(docs, (_, i) => t0 + (i < 3 ? i * day : gap + i * day));
    expect(groupStories(termVectors(docs)).stories.length).toBe(1);
    expect(groupStories(termVectors(docs), {times: at(3650 * day)}).stories.length).toBe(2);
    expect(groupStories(termVectors(docs), {times: at(3 * day)}).stories.length).toBe(1);
    // An unknown time weighs nothing.
    expect(groupStories(termVectors(docs), {times: Float64Array.from(docs, (_, i) => (i < 3 ? t0 : NaN))}).stories.length).toBe(1);
  });
  it("keeps a folder about one story as one story", () => {
    expect(groupStories(termVectors(FLOOD.map(ids))).stories.length).toBe(1);
  });
  it("gives a document that shares nothing with the others a story of its own", () => {
    const docs = [...FLOOD, "Quartet wins prize for chamber music recording of Haydn quartets."];
    const {storyOf, stories} = groupStories(termVectors(docs.map(ids)));
    expect(stories.length).toBe(2);
    expect(storyOf[3]).toBe(1);
  });
  it("keeps the five bundled articles as one story", () => {
    const folder = join(__dirname, "..", "seeds");
    const texts = readdirSync(folder).filter((f) => f.endsWith(".txt")).sort().map((f) => readFileSync(join(folder, f), "utf8"));
    expect(texts.length).toBe(5);
    expect(groupStories(termVectors(texts.map(ids))).stories.length).toBe(1);
  });
  it("is empty for no documents", () => {
    expect(groupStories(termVectors([])).stories).toEqual([]);
  });
});

const MATCH = [
  "Northfield Rovers beat Eastport United 3-1 in the cup final at Kingsway Stadium. The Rovers striker scored twice as Northfield lifted the cup for the first time in 2 years.",
  "Eastport United lost the cup final to Northfield Rovers at Kingsway Stadium, where the Rovers striker scored twice. Northfield last won the cup 2 years ago.",
];
const FOOTER = "Copyright 2024 Example Wire Service. All rights reserved. This material may not be published, broadcast, rewritten or redistributed without permission.";

describe("findStories", () => {
  it("names stories by their first document and the words they share", () => {
    const docs = FLOOD.map((text, i) => makeDocument(`f${i}`, text));
    const {stories, storyOf} = findStories(docs, docs.map((d) => ids(d.text)));
    expect(stories).toHaveLength(1);
    expect(stories[0]!.id).toBe("s1");
    expect(stories[0]!.documentIds).toEqual(["f0", "f1", "f2"]);
    expect(stories[0]!.cosines[0]).toBeNull();
    expect(stories[0]!.cosines[1]).toBeGreaterThan(0.2);
    // As printed, most frequent printing first.
    expect(stories[0]!.words).toEqual(expect.arrayContaining(["Riverton", "River"]));
    expect(storyOf.get("f2")).toBe(0);
  });

  it("shows a word once, as printed, with a possessive under its word", () => {
    const texts = [
      "Zenlow’s board met on Friday. Zenlow shareholders backed the Zenlow merger with Quarrybank.",
      "Shareholders of Zenlow backed the merger with Quarrybank; Zenlow’s board agreed on Friday.",
      "Zenlow and Quarrybank agreed the merger after Zenlow’s shareholders voted.",
    ];
    const docs = texts.map((text, i) => makeDocument(`z${i}`, text));
    const [story] = findStories(docs, docs.map((d) => ids(d.text))).stories;
    expect(story!.words).toEqual(expect.arrayContaining(["Zenlow", "Quarrybank", "merger"]));
    expect(story!.words.filter((w) => w.toLowerCase().startsWith("zenlow"))).toEqual(["Zenlow"]);
  });
});

describe("stories in the pipeline", () => {
  it("keeps figure families within a story and treats wording found in three stories as furniture", async () => {
    const {reference} = await loadReferenceData();
    const texts = [
      `${FLOOD[0]} The river was last this high 2 years ago. ${FOOTER}`,
      `${MERGER[0]} The talks began 2 years ago. ${FOOTER}`,
      `${MATCH[0]} ${FOOTER}`,
      `${FLOOD[1]} Residents recalled the flood of 2 years ago. ${FOOTER}`,
      `${MERGER[1]} Talks between the steelmakers began 2 years ago. ${FOOTER}`,
      `${MATCH[1]} ${FOOTER}`,
    ];
    const sources = texts.map((text, i) => ({path: `a${i}.txt`, bytes: new TextEncoder().encode(`Story ${i}\n\n${text}`)}));
    const analysis = analyzeSources(sources, reference);
    expect(analysis.stories).toHaveLength(3);
    const storyOf = new Map(analysis.stories.flatMap((s) => s.documentIds.map((id) => [id, s.id] as const)));
    for (const story of analysis.stories) expect(story.documentIds).toHaveLength(2);
    // "2 years" is one family per story, never across two.
    const years = analysis.families.filter((f) => f.quantity.value === 2 && f.quantity.unit === "year");
    expect(years.length).toBeGreaterThanOrEqual(2);
    for (const family of years) expect(new Set(family.documentIds.map((id) => storyOf.get(id))).size).toBe(1);
    // The shared footer links no documents of different stories.
    for (const link of analysis.reuse) expect(storyOf.get(link.source)).toBe(storyOf.get(link.target));
  });
});

describe("a story's event", () => {
  it("is the consensus of its documents, which for the bundled corpus, one story, is the corpus's event", async () => {
    const {analysis} = await analyzePaths(["seeds"]);
    expect(analysis.event).not.toBeNull();
    expect(eventConsensus(analysis.documents)).toEqual(analysis.event);
    expect(analysis.stories[0]!.event).toEqual(analysis.event);
    expect(eventConsensus([])).toBeNull();
  });
});

// A real folder of many stories (third-party data beside the project; skipped when absent).
const MIXED = join(__dirname, "..", "..", "shared", "corpora", "giveme5w1h-news-cluster", "articles.jsonl");

describe.skipIf(!existsSync(MIXED))("stories of a real mixed folder", () => {
  it("meet the contract: every document once, one starting document per story", async () => {
    const {reference} = await loadReferenceData();
    const analysis = analyzeSources([{path: "mixed.jsonl", bytes: readFileSync(MIXED)}], reference);
    expect(analysis.stories.length).toBeGreaterThan(20);
    expect(checkAnalysis(analysis)).toEqual([]);
  });
});


describe("reorderStories", () => {
  const story = (id: string, documentIds: string[]): Story => ({id, label: documentIds[0]!, documentIds, cosines: documentIds.map((_, i) => (i === 0 ? null : i / 10)), words: ["w"], event: null});
  it("puts each story's documents in the new order with their cosines, and numbers the stories by their first document", () => {
    const inOrder = ["c", "a", "b", "d"].map((id) => makeDocument(id, `Title ${id}\nText.`));
    const {stories, storyOf} = reorderStories([story("s1", ["a", "b"]), story("s2", ["d", "c"])], inOrder);
    expect(stories.map((s) => s.id)).toEqual(["s1", "s2"]);
    expect(stories[0]!.documentIds).toEqual(["c", "d"]);
    expect(stories[0]!.cosines).toEqual([0.1, null]);
    expect(stories[0]!.label).toBe("Title c");
    expect(stories[1]!.documentIds).toEqual(["a", "b"]);
    expect([...storyOf]).toEqual([["c", 0], ["d", 0], ["a", 1], ["b", 1]]);
  });
});

describe("an undated article in a folder of several stories", () => {
  const file = (name: string, text: string) => ({path: name, bytes: new TextEncoder().encode(text)});
  // The flood's articles are dated within a week, the merger's months later; one flood article
  // prints no date, only "on Tuesday".
  const sources = [
    file("flood-0.txt", `Riverton floods\n${FLOOD[0]}`),
    file("flood-1.txt", `Riverton evacuated\nPublished June 20, 2018 10:00 GMT\n${FLOOD[1]}`),
    file("flood-2.txt", `Mill River overflows\nPublished June 21, 2018 10:00 GMT\n${FLOOD[2]}`),
    ...MERGER.map((text, i) => file(`merger-${i}.txt`, `Steel merger ${i}\nPublished February ${20 + i}, 2019 10:00 GMT\n${text}`))
  ];
  it("is placed within its story's week, the same with workers or without", async () => {
    const {reference} = await loadReferenceData();
    const analysis = analyzeSources(sources, reference);
    const undated = analysis.documents.find((d) => d.path === "flood-0.txt")!;
    expect(undated.published?.basis).toBe("relative-day:story");
    // The Tuesday before 20 June 2018, a Wednesday.
    expect(undated.event?.best.slice(0, 10)).toBe("2018-06-19");
    expect(analysis.diagnostics.some((d) => d.documentId === undated.id && d.code === "time-relative-corpus-spread")).toBe(false);
    const story = analysis.stories.find((s) => s.documentIds.includes(undated.id))!;
    expect(story.documentIds.length).toBe(3);
    // Its place in publication order is the placed one, among the flood's articles (an article of
    // unknown time would come last).
    expect(analysis.documents.map((d) => d.path).slice(0, 3).sort()).toEqual(["flood-0.txt", "flood-1.txt", "flood-2.txt"]);
    checkAnalysis(analysis);
    const parallel = await analyzeSourcesInParallel(sources, reference, {workers: 2});
    expect(JSON.stringify(parallel)).toBe(JSON.stringify(analysis));
  });
});
