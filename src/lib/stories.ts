/**
 * Stories: which documents of a corpus report the same story. A folder is often one story, but a
 * week of coverage holds many, and the same figure ("2 years", "12 people") or the same page
 * furniture ("All rights reserved …") turns up in stories that have nothing to do with each other.
 * Claim families are formed within a story, and wording found in several stories is furniture, not
 * reuse.
 *
 * The method is the single-pass clustering of topic detection and tracking (Allan et al., 1998):
 * documents are taken in publication order; each is compared with the stories so far by the cosine
 * of its content words (tf·idf over the corpus, stop words left out) and the story's centroid, and
 * joins the closest story at or above a threshold, or starts a new one. Candidate stories come from
 * an inverted index of each story's strongest words, and only the best few candidates are compared
 * in full, so the cost grows with the corpus, not its square. Because the result depends on the
 * order, stories whose centroids end up close are then merged, and a document left alone joins the
 * closest story when it is near enough. Given publication times, a story is compared at a discount
 * with what was published more than a week from its documents (`StoryOptions.times`).
 *
 * Input is each document's comparison-token hashes (reuse-tokens.ts), already made for reuse, so
 * no text is read again.
 */
import {comparisonTokens, hashString} from "./reuse-tokens.js";
import {eventConsensus} from "./time.js";
import type {DocumentRecord, Story} from "./types.js";

/** Words that say nothing about which story a document reports: English function words, the verbs
 *  of reporting, calendar words, and news page words. */
const STOP_WORDS = `a about above after again against all almost along already also although always am among an and
another any anyone anything are around as at back be became because become been before being below
between both but by can could did do does doing done down during each either else even ever every
few for from further get gets got had has have having he her here hers herself him himself his how
however i if in into is it its itself just last least less like made make many may me might more most
much must my myself near neither never new next no nor not now of off often on once one only onto or
other others our ours ourselves out over own per perhaps put rather really same see seen several she
should since so some still such than that the their theirs them themselves then there these they this
those though three through thus to today together too toward towards two under until up upon us very
was way we well were what whatever when where whether which while who whom whose why will with within
without would yet you your yours yourself first second third four five six seven eight nine ten
said says say saying told tell tells according added asked called reported report reports reporting
news statement spokesman spokeswoman including include includes going want wanted took take taken
week weeks year years month months day days time times ago yesterday tomorrow tonight morning evening
afternoon night monday tuesday wednesday thursday friday saturday sunday january february march april
june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
mr mrs ms dr people man woman men women told continue continued reading read story stories click
share email newsletter subscribe copyright rights reserved published updated photo image video getty
via associated press reuters afp www com http https s t don't it's 0 1 2 3 4 5 6 7 8 9 10 11 12 100`
  .split(/\s+/)
  .filter(Boolean);

const STOP_HASHES = new Set(STOP_WORDS.map((w) => hashString(w)));

/** Documents read to name a story's strongest words. */
const DOCUMENTS_NAMING_WORDS = 3;
/** Words kept as a story's evidence. */
const WORDS_SHOWN = 8;

/**
 * The stories of a corpus: `groupStories` over the documents (in publication order) and their
 * comparison-token ids, as records with ids, labels and the words that tie each story. `storyOf`
 * gives each document's story by id, as a number (the index in `stories`).
 * @example findStories(docs, docs.map((d) => comparisonTokens(d.text).ids)).stories[0].id // "s1"
 */
export function findStories(documents: readonly DocumentRecord[], tokenIds: readonly ArrayLike<number>[], options: StoryOptions = {}): {stories: Story[]; storyOf: Map<string, number>} {
  return storiesOf(documents, groupStories(termVectors(tokenIds), {times: publicationTimes(documents), ...options}));
}

/**
 * Each document's best publication time (ms since 1970), NaN when unknown: what `groupStories`
 * weighs time by.
 * @example publicationTimes(docs)[0] // 1483981200000
 */
export function publicationTimes(documents: readonly DocumentRecord[]): Float64Array {
  return Float64Array.from(documents, (d) => (d.published ? Date.parse(d.published.best) : NaN));
}

/**
 * The story records of a grouping of the documents (in the order the grouping was given them):
 * ids, labels, the documents' cosines, the words that tie each story and its event day. The
 * grouping itself needs only the token ids, so it can be made elsewhere (on a worker).
 * @example storiesOf(docs, groupStories(termVectors(ids))).stories.length
 */
export function storiesOf(documents: readonly DocumentRecord[], grouping: StoryGrouping): {stories: Story[]; storyOf: Map<string, number>} {
  const storyOf = new Map<string, number>();
  documents.forEach((doc, d) => storyOf.set(doc.id, grouping.storyOf[d]!));
  const stories = grouping.stories.map(({documents: members, terms}, s): Story => {
    const firstDoc = documents[members[0]!]!;
    return {
      id: `s${s + 1}`,
      label: storyLabel(firstDoc),
      documentIds: members.map((d) => documents[d]!.id),
      // The document that started the story need not be its first: an earlier one left alone can join it.
      cosines: members.map((d) => {
        const value = grouping.similarity[d];
        return value === null || value === undefined ? null : round(value);
      }),
      words: members.length > 1 ? nameWords(terms.slice(0, WORDS_SHOWN), members.slice(0, DOCUMENTS_NAMING_WORDS).map((d) => documents[d]!.text)) : [],
      event: members.length > 1 ? eventConsensus(members.map((d) => documents[d]!)) : null,
    };
  });
  return {stories, storyOf};
}

/**
 * The stories again once documents have moved in publication order (a document placed within its
 * story, `placeWithinStories`): each story's documents in the new order with their cosines, its
 * label and event day from its documents then, and the stories numbered again by their first
 * document. The words that tie each story stay.
 * @example reorderStories(stories, publicationOrder(documents)).stories[0].id // "s1"
 */
export function reorderStories(stories: readonly Story[], inOrder: readonly DocumentRecord[]): {stories: Story[]; storyOf: Map<string, number>} {
  const position = new Map(inOrder.map((doc, i) => [doc.id, i] as const));
  const at = (id: string) => position.get(id) ?? Number.MAX_SAFE_INTEGER;
  const moved = stories.map((story) => {
    const order = story.documentIds.map((_, k) => k).sort((a, b) => at(story.documentIds[a]!) - at(story.documentIds[b]!));
    const documentIds = order.map((k) => story.documentIds[k]!);
    const members = documentIds.map((id) => inOrder[at(id)]).filter((doc): doc is DocumentRecord => doc !== undefined);
    return {
      story: {
        ...story,
        label: members[0] ? storyLabel(members[0]) : story.label,
        documentIds,
        cosines: order.map((k) => story.cosines[k] ?? null),
        event: members.length > 1 ? eventConsensus(members) : null
      },
      first: at(documentIds[0]!)
    };
  });
  moved.sort((a, b) => a.first - b.first);
  const storyOf = new Map<string, number>();
  const out = moved.map(({story}, s) => {
    for (const id of story.documentIds) storyOf.set(id, s);
    return {...story, id: `s${s + 1}`};
  });
  return {stories: out, storyOf};
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** A document's title, else its first words (at most 80 characters). */
function storyLabel(doc: DocumentRecord): string {
  const title = doc.title?.trim();
  if (title) return title;
  const text = (typeof doc.text === "string" ? doc.text : "").replace(/\s+/g, " ").trim();
  if (text.length <= 80) return text || doc.id;
  const cut = text.lastIndexOf(" ", 80);
  return `${text.slice(0, cut > 40 ? cut : 80)}…`;
}

/**
 * The words of the given hashes as the texts print them (the most frequent printing, ties to the
 * first), in the order given: a possessive is shown without its "'s", and a word already shown
 * ("NPR" beside "NPR's") is not shown again. Hashes the texts do not hold are left out.
 */
function nameWords(hashes: readonly number[], texts: readonly string[]): string[] {
  const wanted = new Set(hashes);
  const printings = new Map<number, Map<string, number>>();
  for (const text of texts) {
    const {ids, starts, ends} = comparisonTokens(text);
    for (let i = 0; i < ids.length; i++) {
      if (!wanted.has(ids[i]!)) continue;
      const printed = text.slice(starts[i]!, ends[i]!);
      let counts = printings.get(ids[i]!);
      if (!counts) printings.set(ids[i]!, (counts = new Map()));
      counts.set(printed, (counts.get(printed) ?? 0) + 1);
    }
  }
  const shown: string[] = [];
  const seen = new Set<string>();
  for (const hash of hashes) {
    const counts = printings.get(hash);
    if (!counts) continue;
    let best = "";
    let most = 0;
    for (const [printed, count] of counts) {
      if (count > most) {
        best = printed;
        most = count;
      }
    }
    const word = best.replace(/['’]s$/i, "");
    const key = word.toLowerCase();
    if (!word || seen.has(key)) continue;
    seen.add(key);
    shown.push(word);
  }
  return shown;
}

/** Options of `groupStories` (the defaults were set on the news-cluster corpora; see src/eval/stories.ts).
 *  The words per document, and how many of them look up candidate stories, are `termVectors`'s. */
export interface StoryOptions {
  /** A document joins a story when the cosine with its centroid is at least this. */
  threshold?: number;
  /** Content words kept per story centroid. */
  termsPerStory?: number;
  /** The strongest words of a story that point to it in the index. */
  postedTerms?: number;
  /** A word in more story centroids than this finds no candidates (it still counts in the cosine). */
  maxPostings?: number;
  /** Stories whose centroids are at least this close are merged. */
  mergeThreshold?: number;
  /** A document alone in its story joins the closest story of several when the cosine is at least this. */
  attachThreshold?: number;
  /**
   * Each document's publication time (ms since 1970, NaN when unknown), in the documents' order.
   * A document more than `sameStoryDays` from a story's documents is compared with it at a
   * discount, as reporting of one story comes in days, not years: the cosine is divided by
   * 1 + (days beyond the window) / `storyDecayDays`.
   */
  times?: ArrayLike<number>;
  sameStoryDays?: number;
  storyDecayDays?: number;
}

export const DEFAULT_STORY_THRESHOLD = 0.2;
export const DEFAULT_SAME_STORY_DAYS = 7;
export const DEFAULT_STORY_DECAY_DAYS = 365;
const DAY_MS = 86_400_000;
export const DEFAULT_ATTACH_THRESHOLD = 0.08;
export const DEFAULT_MERGE_THRESHOLD = 0.4;
const DEFAULT_TERMS_PER_DOCUMENT = 400;
const DEFAULT_TERMS_PER_STORY = 1000;
const DEFAULT_MAX_POSTINGS = 16;
const DEFAULT_CANDIDATE_TERMS = 12;
const DEFAULT_POSTED_TERMS = 48;

/**
 * Every document's content-word vector, in one slab: document d's words are entries
 * `offsets[d] .. offsets[d + 1]` of `terms` (ascending hash) and `weights` (unit length), and its
 * strongest words (the candidates' keys) are entries `d * candidateTerms ..` of `strongest`
 * (-1 where it has fewer).
 */
export interface TermVectors {
  count: number;
  offsets: Int32Array;
  terms: Int32Array;
  weights: Float32Array;
  candidateTerms: number;
  strongest: Int32Array;
  strongestWeights: Float32Array;
}

export interface StoryGrouping {
  /** The story of each document (index into `stories`), in the order given. */
  storyOf: Int32Array;
  /** The cosine with which each document joined its story (null for the one that started it; for
   *  one that started a story merged into it, the cosine of the two stories' centroids). */
  similarity: (number | null)[];
  /** Each story's documents (indices, in the order given) and its strongest words (hashes). */
  stories: {documents: number[]; terms: number[]}[];
}

/**
 * Content-word vectors of every document: tf·idf with a smoothed idf, log(1 + N / df), so that a
 * word every document carries (the story's own name, in a one-story folder) still counts. Stop
 * words, and words found in one document only, are left out; at most `termsPerDocument` are kept.
 * @example termVectors([ids]).count // 1
 */
export function termVectors(tokenIdsByDocument: readonly ArrayLike<number>[], {termsPerDocument = DEFAULT_TERMS_PER_DOCUMENT, candidateTerms = DEFAULT_CANDIDATE_TERMS}: {termsPerDocument?: number; candidateTerms?: number} = {}): TermVectors {
  const n = tokenIdsByDocument.length;
  const df = new CountTable();
  let scratch = new Int32Array(1024);
  // A document's content words, sorted, so that equal words are neighbours; returns their number.
  const sortedWords = (ids: ArrayLike<number>): number => {
    if (scratch.length < ids.length) scratch = new Int32Array(ids.length * 2);
    let m = 0;
    for (let i = 0; i < ids.length; i++) if (!STOP_HASHES.has(ids[i]!)) scratch[m++] = ids[i]!;
    scratch.subarray(0, m).sort();
    return m;
  };
  let total = 0;
  // Document frequencies: each word counted once per document (no sorting needed).
  tokenIdsByDocument.forEach((ids, d) => {
    let unique = 0;
    for (let i = 0; i < ids.length; i++) if (!STOP_HASHES.has(ids[i]!) && df.addOnce(ids[i]!, d)) unique++;
    total += Math.min(unique, termsPerDocument);
  });
  const offsets = new Int32Array(n + 1);
  const terms = new Int32Array(total);
  const weights = new Float32Array(total);
  const strongest = new Int32Array(n * candidateTerms).fill(-1);
  const strongestWeights = new Float32Array(n * candidateTerms);
  const docTerms: number[] = [];
  const docWeights: number[] = [];
  let at = 0;
  tokenIdsByDocument.forEach((ids, d) => {
    const m = sortedWords(ids);
    docTerms.length = 0;
    docWeights.length = 0;
    for (let i = 0; i < m; ) {
      let j = i + 1;
      while (j < m && scratch[j] === scratch[i]) j++;
      const f = df.get(scratch[i]!);
      if (f >= 2) {
        docTerms.push(scratch[i]!);
        docWeights.push((1 + Math.log(j - i)) * Math.log(1 + n / f));
      }
      i = j;
    }
    // Words stay in ascending hash order; past `termsPerDocument`, the weakest go.
    let cutoff = -Infinity;
    let atCutoff = docTerms.length;
    if (docTerms.length > termsPerDocument) {
      const sorted = Float64Array.from(docWeights).sort();
      cutoff = sorted[sorted.length - termsPerDocument]!;
      // Entries above the cutoff, then as many at the cutoff as room is left for, in hash order.
      atCutoff = termsPerDocument;
      for (let i = sorted.length - 1; i >= 0 && sorted[i]! > cutoff; i--) atCutoff--;
    }
    let norm = 0;
    let equal = 0;
    offsets[d] = at;
    const from = at;
    for (let i = 0; i < docTerms.length; i++) {
      const w = docWeights[i]!;
      if (w < cutoff || (w === cutoff && equal++ >= atCutoff)) continue;
      terms[at] = docTerms[i]!;
      weights[at++] = w;
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (let i = from; i < at; i++) weights[i] = weights[i]! / norm;
    strongestIndices(weights.subarray(from, at), candidateTerms).forEach((i, r) => {
      strongest[d * candidateTerms + r] = terms[from + i]!;
      strongestWeights[d * candidateTerms + r] = weights[from + i]!;
    });
  });
  offsets[n] = at;
  return {count: n, offsets, terms, weights, candidateTerms, strongest, strongestWeights};
}

/** Counts by 32-bit key, in open addressing (a Map of millions of numbers costs far more). */
class CountTable {
  private keys = new Int32Array(1 << 16);
  private counts = new Int32Array(1 << 16);
  /** The last document that counted each key. */
  private last = new Int32Array(1 << 16);
  private size = 0;
  /** Counts `key` for document `doc` unless that document counted it already; true if counted. */
  addOnce(key: number, doc: number): boolean {
    if (this.size * 2 >= this.keys.length) this.grow();
    const at = this.slot(key);
    if (this.counts[at] === 0) {
      this.keys[at] = key;
      this.size++;
    } else if (this.last[at] === doc) return false;
    this.last[at] = doc;
    this.counts[at]!++;
    return true;
  }
  get(key: number): number {
    return this.counts[this.slot(key)]!;
  }
  private slot(key: number): number {
    const mask = this.keys.length - 1;
    let at = (Math.imul(key, 0x9e3779b1) >>> 12) & mask;
    while (this.counts[at] !== 0 && this.keys[at] !== key) at = (at + 1) & mask;
    return at;
  }
  private grow(): void {
    const {keys, counts, last} = this;
    this.keys = new Int32Array(keys.length * 2);
    this.counts = new Int32Array(keys.length * 2);
    this.last = new Int32Array(keys.length * 2);
    for (let i = 0; i < keys.length; i++) {
      if (counts[i] === 0) continue;
      const at = this.slot(keys[i]!);
      this.keys[at] = keys[i]!;
      this.counts[at] = counts[i]!;
      this.last[at] = last[i]!;
    }
  }
}

/** A story's centroid: the sum of its documents' vectors (ascending hash), cut to its strongest words. */
interface Centroid {
  terms: Int32Array;
  weights: Float32Array;
  norm: number;
}

/** Stories scored in full (whole centroid against whole vector) per document. */
const FULL_SCORES = 4;

/** Up to this many stories, a document is compared with every one (the index is for large corpora). */
const EXHAUSTIVE_STORIES = 256;

/**
 * Groups documents (given in publication order) into stories. Deterministic for a given order.
 * @example groupStories(termVectors(ids)).stories.length // 1 for a folder about one story
 */
export function groupStories(vectors: TermVectors, options: StoryOptions = {}): StoryGrouping {
  const threshold = options.threshold ?? DEFAULT_STORY_THRESHOLD;
  const attach = options.attachThreshold ?? DEFAULT_ATTACH_THRESHOLD;
  const merge = options.mergeThreshold ?? DEFAULT_MERGE_THRESHOLD;
  const n = vectors.count;
  const index = new StoryIndex(vectors, options);
  const storyOf = new Int32Array(n);
  const similarity: (number | null)[] = new Array(n).fill(null);
  const everyStory = () => true;
  for (let d = 0; d < n; d++) {
    const [best, value] = index.closestToDocument(d, -1, everyStory);
    if (best >= 0 && value >= threshold) {
      index.join(best, d);
      storyOf[d] = best;
      similarity[d] = value;
    } else storyOf[d] = index.start(d);
  }
  // Stories whose centroids ended up close are merged, closest pair first, into the earlier one.
  const {members} = index;
  const pairs: [number, number, number][] = [];
  // (A story of one document is left to the last pass.)
  for (let s = 0; s < members.length; s++) {
    if (members[s]!.length < 2) continue;
    const [t, value] = index.closestToStory(s, (t) => t > s && members[t]!.length >= 2);
    if (t >= 0 && value >= merge) pairs.push([value, s, t]);
  }
  pairs.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  const root = members.map((_, s) => s);
  const find = (s: number): number => {
    while (root[s] !== s) s = root[s] = root[root[s]!]!;
    return s;
  };
  for (const [, a, b] of pairs) {
    const [x, y] = [find(a), find(b)].sort((p, q) => p - q) as [number, number];
    if (x === y) continue;
    // The merged centroids must still be close: a chain of pairs each just over the line is not a story.
    const value = index.storySimilarity(x, y);
    if (value < merge) continue;
    root[y] = x;
    for (const d of members[y]!) {
      storyOf[d] = x;
      // The document that started the merged story joined with the merge's cosine.
      if (similarity[d] === null) similarity[d] = value;
    }
    index.merge(x, y);
  }
  // A document left alone joins the closest story of several documents when near enough: in a
  // folder about one story, an article with an angle of its own stays with the rest.
  const severalDocuments = (t: number) => members[t]!.length >= 2;
  for (let s = 0; s < members.length; s++) {
    if (members[s]!.length !== 1) continue;
    const d = members[s]![0]!;
    const [best, value] = index.closestToDocument(d, s, severalDocuments);
    if (best < 0 || value < attach) continue;
    members[best]!.push(d);
    members[best]!.sort((p, q) => p - q);
    members[s] = [];
    storyOf[d] = best;
    similarity[d] = value;
  }
  const kept: number[] = [];
  const renumber = new Int32Array(members.length);
  members.forEach((m, s) => {
    if (!m.length) return;
    renumber[s] = kept.length;
    kept.push(s);
  });
  for (let d = 0; d < n; d++) storyOf[d] = renumber[storyOf[d]!]!;
  return {
    storyOf,
    similarity,
    stories: kept.map((s) => {
      const c = index.centroidOf(s);
      return {documents: members[s]!, terms: strongestIndices(c.weights, vectors.candidateTerms).map((i) => c.terms[i]!)};
    }),
  };
}

/**
 * The stories so far: their centroids (a story of one document uses that document's vector), their
 * documents, and the index from each story's strongest words to the stories.
 */
class StoryIndex {
  readonly members: number[][] = [];
  private readonly centroids: (Centroid | null)[] = [];
  private readonly first: number[] = [];
  /** The words each story of several documents is posted under (a story of one is posted once). */
  private readonly posted: (Set<number> | null)[] = [];
  private readonly postings = new Map<number, number[]>();
  private score = new Float64Array(1024);
  private readonly touched: number[] = [];
  private readonly termsPerStory: number;
  private readonly maxPostings: number;
  private readonly postedTerms: number;
  /** Each story's earliest and latest known publication (NaN while none is known). */
  private readonly earliest: number[] = [];
  private readonly latest: number[] = [];
  private readonly times: ArrayLike<number> | null;
  private readonly windowMs: number;
  private readonly decayMs: number;

  constructor(private readonly vectors: TermVectors, options: StoryOptions) {
    this.termsPerStory = options.termsPerStory ?? DEFAULT_TERMS_PER_STORY;
    this.maxPostings = options.maxPostings ?? DEFAULT_MAX_POSTINGS;
    this.postedTerms = options.postedTerms ?? DEFAULT_POSTED_TERMS;
    this.times = options.times ?? null;
    this.windowMs = (options.sameStoryDays ?? DEFAULT_SAME_STORY_DAYS) * DAY_MS;
    this.decayMs = (options.storyDecayDays ?? DEFAULT_STORY_DECAY_DAYS) * DAY_MS;
  }

  private timeOf(d: number): number {
    const t = this.times ? Number(this.times[d]) : NaN;
    return Number.isFinite(t) ? t : NaN;
  }

  private widen(s: number, lo: number, hi: number): void {
    if (Number.isNaN(lo)) return;
    this.earliest[s] = Number.isNaN(this.earliest[s]!) ? lo : Math.min(this.earliest[s]!, lo);
    this.latest[s] = Number.isNaN(this.latest[s]!) ? hi : Math.max(this.latest[s]!, hi);
  }

  /** The cosine of two stories' centroids, discounted by the time between them. */
  storySimilarity(x: number, y: number): number {
    return cosine(this.centroidOf(x), this.centroidOf(y)) * this.discount(x, this.earliest[y]!, this.latest[y]!);
  }

  /** The discount of story s's cosine with something published between lo and hi (1 when either is unknown or they are close). */
  private discount(s: number, lo: number, hi: number): number {
    if (!this.times || Number.isNaN(lo) || Number.isNaN(this.earliest[s]!)) return 1;
    const gap = Math.max(0, this.earliest[s]! - hi, lo - this.latest[s]!) - this.windowMs;
    return gap <= 0 ? 1 : 1 / (1 + gap / this.decayMs);
  }

  documentVector(d: number): Centroid {
    const {offsets, terms, weights} = this.vectors;
    return {terms: terms.subarray(offsets[d]!, offsets[d + 1]!), weights: weights.subarray(offsets[d]!, offsets[d + 1]!), norm: 1};
  }

  centroidOf(s: number): Centroid {
    return this.centroids[s] ?? this.documentVector(this.first[s]!);
  }

  /** A new story of document d; returns its index. */
  start(d: number): number {
    const s = this.members.length;
    this.centroids.push(null);
    this.first.push(d);
    this.members.push([d]);
    this.posted.push(null);
    this.earliest.push(NaN);
    this.latest.push(NaN);
    this.widen(s, this.timeOf(d), this.timeOf(d));
    this.postStrongest(s);
    return s;
  }

  join(s: number, d: number): void {
    this.centroids[s] = add(this.centroidOf(s), this.documentVector(d), this.termsPerStory);
    this.members[s]!.push(d);
    this.widen(s, this.timeOf(d), this.timeOf(d));
    this.postStrongest(s);
  }

  /** Story y into story x. */
  merge(x: number, y: number): void {
    this.centroids[x] = add(this.centroidOf(x), this.centroidOf(y), this.termsPerStory);
    this.members[x] = [...this.members[x]!, ...this.members[y]!].sort((p, q) => p - q);
    this.members[y] = [];
    this.widen(x, this.earliest[y]!, this.latest[y]!);
    this.postStrongest(x);
  }

  closestToDocument(d: number, except: number, eligible: (s: number) => boolean): [number, number] {
    const k = this.vectors.candidateTerms;
    const t = this.timeOf(d);
    return this.closest(this.vectors.strongest.subarray(d * k, (d + 1) * k), this.vectors.strongestWeights.subarray(d * k, (d + 1) * k), this.documentVector(d), except, eligible, t, t);
  }

  closestToStory(s: number, eligible: (t: number) => boolean): [number, number] {
    const c = this.centroidOf(s);
    const keys = strongestIndices(c.weights, this.vectors.candidateTerms);
    return this.closest(Int32Array.from(keys, (i) => c.terms[i]!), Float64Array.from(keys, (i) => c.weights[i]! / c.norm), c, s, eligible, this.earliest[s]!, this.latest[s]!);
  }

  /**
   * The closest story to a vector, [story, cosine] ([-1, 0] when none shares a word): candidates
   * come from the postings of its strongest words (`keys`), ranked by the part of the dot product
   * those words give; the best few are compared in full. Stories published far from [lo, hi] are
   * discounted (`discount`).
   */
  private closest(keys: ArrayLike<number>, keyWeights: ArrayLike<number>, vector: Centroid, except: number, eligible: (s: number) => boolean, lo: number, hi: number): [number, number] {
    const {postings, members, touched} = this;
    if (members.length <= EXHAUSTIVE_STORIES) {
      // Few stories: every one is compared in full.
      let best = -1;
      let bestCosine = 0;
      for (let s = 0; s < members.length; s++) {
        if (s === except || !members[s]!.length || !eligible(s)) continue;
        const v = cosine(vector, this.centroidOf(s)) * this.discount(s, lo, hi);
        if (v > bestCosine) {
          bestCosine = v;
          best = s;
        }
      }
      return [best, bestCosine];
    }
    if (this.score.length < members.length) {
      const grown = new Float64Array(members.length * 2);
      grown.set(this.score);
      this.score = grown;
    }
    const score = this.score;
    touched.length = 0;
    for (let i = 0; i < keys.length; i++) {
      const term = keys[i]!;
      if (term === -1) break;
      const list = postings.get(term);
      if (!list || list.length > this.maxPostings) continue;
      for (let j = 0; j < list.length; j++) {
        const s = list[j]!;
        // Stories that cannot be chosen are not scored (most are, in the last pass, stories of one document).
        if (s === except || !eligible(s)) continue;
        const w = this.weightIn(s, term);
        if (w <= 0) continue;
        if (score[s] === 0) touched.push(s);
        score[s] = score[s]! + keyWeights[i]! * w;
      }
    }
    // The best few by partial cosine (ties to the earlier story), then in full.
    const top: number[] = [];
    const value: number[] = [];
    for (const s of touched) {
      const v = (score[s]! / this.normOf(s)) * this.discount(s, lo, hi);
      score[s] = 0;
      if (!members[s]!.length) continue;
      let at = top.length;
      while (at > 0 && (value[at - 1]! < v || (value[at - 1] === v && top[at - 1]! > s))) at--;
      if (at >= FULL_SCORES) continue;
      top.splice(at, 0, s);
      value.splice(at, 0, v);
      if (top.length > FULL_SCORES) {
        top.pop();
        value.pop();
      }
    }
    let best = -1;
    let bestCosine = 0;
    for (const s of top) {
      const v = cosine(vector, this.centroidOf(s)) * this.discount(s, lo, hi);
      if (v > bestCosine || (v === bestCosine && s < best)) {
        bestCosine = v;
        best = s;
      }
    }
    return [best, bestCosine];
  }

  private normOf(s: number): number {
    return this.centroids[s]?.norm ?? 1;
  }

  /** The weight of `term` in story s's centroid (binary search), 0 when absent. */
  private weightIn(s: number, term: number): number {
    const c = this.centroids[s];
    if (c) return searchWeight(c.terms, c.weights, 0, c.terms.length, term);
    const d = this.first[s]!;
    return searchWeight(this.vectors.terms, this.vectors.weights, this.vectors.offsets[d]!, this.vectors.offsets[d + 1]!, term);
  }

  private postStrongest(s: number): void {
    let posted = this.posted[s];
    if (!posted && this.members[s]!.length > 1) {
      // A story of one document grows: the words it was posted under so far.
      const d = this.first[s]!;
      const v = this.documentVector(d);
      posted = this.posted[s] = new Set(strongestIndices(v.weights, this.postedTerms).map((i) => v.terms[i]!));
    }
    const c = this.centroidOf(s);
    for (const i of strongestIndices(c.weights, this.postedTerms)) {
      const term = c.terms[i]!;
      if (posted) {
        if (posted.has(term)) continue;
        posted.add(term);
      }
      const list = this.postings.get(term);
      // A list longer than `maxPostings` finds no candidates: it need not grow further.
      if (!list) this.postings.set(term, [s]);
      else if (list.length <= this.maxPostings) list.push(s);
    }
  }
}

/** The weight of `term` among entries [from, to) of `terms` (ascending), 0 when absent. */
function searchWeight(terms: Int32Array, weights: Float32Array, from: number, to: number, term: number): number {
  let lo = from;
  let hi = to - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = terms[mid]!;
    if (t === term) return weights[mid]!;
    if (t < term) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

/** Cosine of two vectors in ascending hash order. */
function cosine(a: Centroid, b: Centroid): number {
  let dot = 0;
  for (let i = 0, j = 0; i < a.terms.length && j < b.terms.length; ) {
    const x = a.terms[i]!;
    const y = b.terms[j]!;
    if (x === y) dot += a.weights[i++]! * b.weights[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return dot / (a.norm * b.norm);
}

/** The sum of two vectors, cut to the `limit` strongest words, with its length. */
function add(a: Centroid, b: Centroid, limit: number): Centroid {
  const terms = new Int32Array(a.terms.length + b.terms.length);
  const weights = new Float32Array(terms.length);
  let m = 0;
  for (let i = 0, j = 0; i < a.terms.length || j < b.terms.length; ) {
    const x = i < a.terms.length ? a.terms[i]! : Infinity;
    const y = j < b.terms.length ? b.terms[j]! : Infinity;
    if (x === y) {
      terms[m] = x;
      weights[m++] = a.weights[i++]! + b.weights[j++]!;
    } else if (x < y) {
      terms[m] = x;
      weights[m++] = a.weights[i++]!;
    } else {
      terms[m] = y;
      weights[m++] = b.weights[j++]!;
    }
  }
  let keep = Array.from({length: m}, (_, i) => i);
  if (m > limit) keep = keep.sort((p, q) => weights[q]! - weights[p]! || terms[p]! - terms[q]!).slice(0, limit).sort((p, q) => p - q);
  const out: Centroid = {terms: Int32Array.from(keep, (i) => terms[i]!), weights: Float32Array.from(keep, (i) => weights[i]!), norm: 0};
  let norm = 0;
  for (const w of out.weights) norm += w * w;
  out.norm = Math.sqrt(norm) || 1;
  return out;
}

/** Indices of the `count` largest weights, largest first (ties to the lower index). */
function strongestIndices(weights: ArrayLike<number>, count: number): number[] {
  const top: number[] = [];
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!;
    let at = top.length;
    while (at > 0 && weights[top[at - 1]!]! < w) at--;
    if (at >= count) continue;
    top.splice(at, 0, i);
    if (top.length > count) top.pop();
  }
  return top;
}
