/**
 * Synthetic corpora for the benchmark, built from real news text.
 *
 * The words come from real articles (the seeds, and the news collections under ../shared/corpora
 * when present): a word-bigram model of their sentences writes new sentences, so the vocabulary,
 * word lengths, figures, quotation marks and sentence lengths are those of news text, while no long
 * run of words repeats by accident as the corpus grows (real sentences reshuffled into 100,000
 * articles would each appear dozens of times, and every article would "reuse" every other). Into
 * this text the generator plants what the benchmark measures:
 *
 * - reuse: a passage of two or three sentences copied from one article into another, with one small
 *   edit (a changed, inserted or dropped word), between known pairs;
 * - figures: sentences with a known figure and value.
 *
 * Articles are written as Markdown with front matter (outlet, published) or as plain text opening
 * with a wire dateline, in folders of 1,000 files.
 */
import {existsSync, readFileSync, readdirSync} from "node:fs";
import {mkdir, writeFile} from "node:fs/promises";
import {join} from "node:path";

/** A small deterministic random generator (mulberry32). */
export function randomGenerator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Real article texts: the seeds, plus the news collections under `corporaDir` when it exists. */
export function realTexts(projectRoot: string, corporaDir: string | null): {texts: string[]; sources: string[]} {
  const texts: string[] = [];
  const sources: string[] = [];
  const seedsDir = join(projectRoot, "seeds");
  if (existsSync(seedsDir)) {
    for (const name of readdirSync(seedsDir).sort()) if (name.endsWith(".txt")) texts.push(readFileSync(join(seedsDir, name), "utf8"));
    sources.push("seeds");
  }
  if (corporaDir && existsSync(corporaDir)) {
    const collections: [string, (record: any) => string | null][] = [
      ["giveme5w1h-news-cluster/articles.jsonl", (r) => (typeof r.text === "string" ? `${r.title ?? ""}\n${r.text}` : null)],
      ["giveme5w1h-gold-standard/articles.jsonl", (r) => (typeof r.text === "string" ? `${r.title ?? ""}\n${r.text}` : null)],
      ["basil/articles_with_annotations.jsonl", (r) => (Array.isArray(r["body-paragraphs"]) ? `${r.title ?? ""}\n${r["body-paragraphs"].map((p: unknown) => (Array.isArray(p) ? p.join(" ") : String(p))).join("\n")}` : null)],
      ["pac-partisan-events/articles.jsonl", (r) => (typeof r.text === "string" ? `${r.title ?? ""}\n${r.text}` : Array.isArray(r.sentences) ? r.sentences.join(" ") : null)]
    ];
    for (const [file, textOf] of collections) {
      const path = join(corporaDir, file);
      if (!existsSync(path)) continue;
      for (const line of readFileSync(path, "utf8").split("\n")) {
        if (!line.trim()) continue;
        try {
          const text = textOf(JSON.parse(line));
          if (text) texts.push(text);
        } catch {
          // a broken line is skipped
        }
      }
      sources.push(file.split("/")[0]!);
    }
  }
  return {texts, sources};
}

const SENTENCE_END = /[.!?]["”’)]*$/;

/** A word-bigram model of real sentences: tokens are whitespace-separated words with their punctuation. */
export class BigramModel {
  private readonly vocabulary: string[] = [];
  private readonly starts: number[] = [];
  private readonly offsets: Int32Array;
  private readonly successors: Int32Array;

  constructor(texts: readonly string[]) {
    const idOf = new Map<string, number>();
    const id = (token: string) => {
      let k = idOf.get(token);
      if (k === undefined) {
        k = this.vocabulary.length;
        this.vocabulary.push(token);
        idOf.set(token, k);
      }
      return k;
    };
    const pairs: number[] = [];
    for (const text of texts) {
      for (const paragraph of text.split(/\n+/)) {
        // Quotation marks are dropped here (a bigram walk would leave them unbalanced) and put
        // back around whole sentences by the generator, as news copy prints them.
        const tokens = paragraph.replace(/["“”]/g, "").split(/\s+/).filter(Boolean);
        if (tokens.length < 8) continue;
        let previous = -1;
        for (const token of tokens) {
          const k = id(token);
          if (previous < 0) this.starts.push(k);
          else pairs.push(previous, k);
          previous = SENTENCE_END.test(token) ? -1 : k;
        }
      }
    }
    const counts = new Int32Array(this.vocabulary.length + 1);
    for (let i = 0; i < pairs.length; i += 2) counts[pairs[i]! + 1]!++;
    for (let k = 1; k < counts.length; k++) counts[k]! += counts[k - 1]!;
    this.offsets = counts.slice();
    const fill = counts.slice();
    this.successors = new Int32Array(pairs.length / 2);
    for (let i = 0; i < pairs.length; i += 2) this.successors[fill[pairs[i]!]!++] = pairs[i + 1]!;
  }

  /** One new sentence of 6 to 40 words. */
  sentence(random: () => number): string {
    for (;;) {
      const out: string[] = [];
      let k = this.starts[Math.floor(random() * this.starts.length)]!;
      for (;;) {
        const token = this.vocabulary[k]!;
        out.push(token);
        if (SENTENCE_END.test(token) || out.length >= 40) break;
        const from = this.offsets[k]!;
        const to = this.offsets[k + 1]!;
        if (to <= from) break;
        k = this.successors[from + Math.floor(random() * (to - from))]!;
      }
      if (out.length >= 6) {
        if (!SENTENCE_END.test(out[out.length - 1]!)) out[out.length - 1] += ".";
        return out.join(" ");
      }
    }
  }
}

/** A planted reuse: `passage` of `source` copied, with one edit, as `copy` into `target`. */
export interface PlantedReuse {
  source: string;
  target: string;
  passage: string;
  copy: string;
  edit: "changed" | "inserted" | "dropped";
}

/** A planted figure: `sentence` in `document` carries `value` (with `unit`, null for a count). */
export interface PlantedFigure {
  document: string;
  sentence: string;
  figure: string;
  value: number;
  unit: string | null;
}

export interface CorpusPlan {
  articles: number;
  bytes: number;
  reuse: PlantedReuse[];
  figures: PlantedFigure[];
}

const OUTLETS = ["Reuters", "The Associated Press", "Agence France-Presse", "Bloomberg", "The Guardian", "BBC News", "The New York Times", "The Washington Post", "CNN", "Fox News", "Xinhua", "The Times of India"];
const WIRES = ["Reuters", "AP", "AFP"];
const CITIES = ["WASHINGTON", "LONDON", "NEW YORK", "BEIJING", "BERLIN", "PARIS", "TOKYO", "SYDNEY", "NEW DELHI", "BRUSSELS"];
const EXTRA_WORDS = ["new", "local", "senior", "recent", "major", "former", "official", "early"];

const FIGURE_VERBS = ["creating", "adding", "counting", "cutting", "hiring"];
const FIGURE_NOUNS = ["jobs", "homes", "workers", "students", "cases", "visitors"];
const FIGURE_MONEY = ["investing", "spending", "raising"];

/** Words of a new sentence from `from` to `to`, without its final punctuation. */
function fragment(model: BigramModel, random: () => number, from: number, to: number): string {
  return model.sentence(random).replace(/[.!?]["”’)]*$/, "").replace(/["“”]/g, "").split(" ").slice(from, to).join(" ");
}

/** A figure sentence: new words around a figure of known value, so that no long run of words repeats between plants. */
function figureSentence(model: BigramModel, random: () => number): {sentence: string; figure: string; value: number; unit: string | null} {
  const choose = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const lead = `${fragment(model, random, 0, 4 + Math.floor(random() * 4))},`;
  const tail = fragment(model, random, 2, 6 + Math.floor(random() * 4));
  switch (Math.floor(random() * 3)) {
    case 0: {
      const value = 1000 + Math.floor(random() * 98) * 100;
      const figure = value.toLocaleString("en-US");
      return {sentence: `${lead} ${choose(FIGURE_VERBS)} ${figure} ${choose(FIGURE_NOUNS)} ${tail}.`, figure, value, unit: null};
    }
    case 1: {
      const value = 3 + Math.floor(random() * 90);
      return {sentence: `${lead} with ${value} percent ${tail}.`, figure: `${value} percent`, value, unit: "percent"};
    }
    default: {
      const millions = 5 + Math.floor(random() * 900);
      return {sentence: `${lead} ${choose(FIGURE_MONEY)} $${millions} million ${tail}.`, figure: `$${millions} million`, value: millions * 1e6, unit: "USD"};
    }
  }
}

const FIRST_NAMES = ["Maria", "John", "Ahmed", "Li", "Sarah", "David", "Priya", "James", "Elena", "Kofi", "Anna", "Tom"];
const LAST_NAMES = ["Garcia", "Smith", "Khan", "Wang", "Miller", "Okafor", "Rossi", "Nguyen", "Brown", "Silva", "Patel", "Jones"];
const SPEAKER_VERBS = ["said", "told reporters", "added", "said in a statement", "warned"];

/** A quoted sentence with a speaker, as news copy prints it. */
function quotation(model: BigramModel, random: () => number): string {
  const choose = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const words = model.sentence(random).replace(/[.!?]$/, "");
  const speaker = `${choose(FIRST_NAMES)} ${choose(LAST_NAMES)}`;
  return random() < 0.5 ? `“${words},” ${speaker} ${choose(SPEAKER_VERBS)}.` : `${speaker} ${choose(SPEAKER_VERBS)}: “${words}.”`;
}

/** The passage with one small edit: a changed, an inserted or a dropped word (away from its ends). */
function editPassage(passage: string, edit: PlantedReuse["edit"], random: () => number): string {
  const tokens = passage.split(" ");
  const at = 3 + Math.floor(random() * Math.max(1, tokens.length - 6));
  const word = EXTRA_WORDS[Math.floor(random() * EXTRA_WORDS.length)]!;
  if (edit === "changed") tokens[at] = tokens[at] === word ? "other" : word;
  else if (edit === "inserted") tokens.splice(at, 0, word);
  else tokens.splice(at, 1);
  return tokens.join(" ");
}

/**
 * Writes `articles` synthetic articles under `folder` and returns what was planted.
 * Deterministic for a given model, size and seed.
 */
export async function writeCorpus(model: BigramModel, folder: string, articles: number, seed = 1): Promise<CorpusPlan> {
  const random = randomGenerator(seed ^ articles);
  const ids = Array.from({length: articles}, (_, i) => `a${String(i).padStart(6, "0")}`);
  // Bodies first (paragraphs of sentences), then the plants, then the files.
  const bodies: string[][][] = [];
  for (let i = 0; i < articles; i++) {
    const paragraphs: string[][] = [];
    const count = 5 + Math.floor(random() * 6);
    for (let p = 0; p < count; p++) {
      const sentences: string[] = [];
      const length = 1 + Math.floor(random() * 4);
      for (let s = 0; s < length; s++) sentences.push(random() < 0.15 ? quotation(model, random) : model.sentence(random));
      paragraphs.push(sentences);
    }
    bodies.push(paragraphs);
  }
  const pick = () => Math.floor(random() * articles);
  const reuse: PlantedReuse[] = [];
  const used = new Set<number>();
  const reuseCount = Math.max(3, Math.round(articles / 20));
  const edits: PlantedReuse["edit"][] = ["changed", "inserted", "dropped"];
  for (let r = 0; r < reuseCount && used.size + 2 <= articles; r++) {
    let s = pick();
    let t = pick();
    while (used.has(s)) s = pick();
    while (used.has(t) || t === s) t = pick();
    used.add(s);
    used.add(t);
    const sourceParagraphs = bodies[s]!;
    const p = Math.floor(random() * sourceParagraphs.length);
    // A passage of two or three whole sentences, at least 30 words.
    const sentences: string[] = [];
    while (sentences.join(" ").split(" ").length < 30 || sentences.length < 2) sentences.push(model.sentence(random));
    const passage = sentences.join(" ");
    sourceParagraphs.splice(p, 0, [passage]);
    const edit = edits[r % edits.length]!;
    const copy = editPassage(passage, edit, random);
    const targetParagraphs = bodies[t]!;
    targetParagraphs.splice(Math.floor(random() * targetParagraphs.length), 0, [copy]);
    reuse.push({source: ids[s]!, target: ids[t]!, passage, copy, edit});
  }
  const figures: PlantedFigure[] = [];
  const figureCount = Math.max(5, Math.round(articles / 10));
  const withFigure = new Set<number>();
  for (let f = 0; f < figureCount && withFigure.size < articles; f++) {
    let d = pick();
    while (withFigure.has(d)) d = pick();
    withFigure.add(d);
    const planted = figureSentence(model, random);
    const paragraphs = bodies[d]!;
    const paragraph = paragraphs[Math.floor(random() * paragraphs.length)]!;
    paragraph.splice(Math.floor(random() * (paragraph.length + 1)), 0, planted.sentence);
    figures.push({document: ids[d]!, ...planted});
  }
  let bytes = 0;
  const day0 = Date.UTC(2024, 2, 4);
  for (let start = 0; start < articles; start += 1000) {
    const sub = join(folder, `part${String(start / 1000).padStart(3, "0")}`);
    await mkdir(sub, {recursive: true});
    const writes: Promise<void>[] = [];
    for (let i = start; i < Math.min(articles, start + 1000); i++) {
      const headline = model.sentence(random).replace(/[.!?]["”’)]*$/, "").split(" ").slice(0, 12).join(" ");
      const body = bodies[i]!.map((sentences) => sentences.join(" "));
      let file: string;
      let text: string;
      if (random() < 0.6) {
        const published = new Date(day0 + Math.floor(random() * 7 * 86_400_000)).toISOString().slice(0, 16) + "Z";
        const outlet = OUTLETS[Math.floor(random() * OUTLETS.length)]!;
        file = `${ids[i]}.md`;
        text = `---\ntitle: ${JSON.stringify(headline)}\noutlet: ${JSON.stringify(outlet)}\npublished: ${published}\n---\n\n${body.join("\n\n")}\n`;
      } else {
        const city = CITIES[Math.floor(random() * CITIES.length)]!;
        const wire = WIRES[Math.floor(random() * WIRES.length)]!;
        file = `${ids[i]}.txt`;
        text = `${headline}\n\n${city} (${wire}) — ${body.join("\n\n")}\n`;
      }
      bytes += Buffer.byteLength(text);
      writes.push(writeFile(join(sub, file), text));
    }
    await Promise.all(writes);
  }
  return {articles, bytes, reuse, figures};
}
