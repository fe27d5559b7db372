/**
 * The entry point: source files → the Analysis. The CLI, the loaders and the tests all call this.
 * Each stage is a pure function of the ones before it; this module only sequences them.
 */
import {attributeOutlet} from "./outlet.js";
import {assignUniqueIds, dropDuplicates, looksEnglish, type SourceFile} from "./ingest.js";
import {placeWithinStories, readDocumentTimes, resolveTimes, type TimeReading} from "./time.js";
import {extractClaims} from "./claims.js";
import {groupClaimFamilies} from "./families.js";
import {extractQuotes, groupQuoteFamilies} from "./quotes.js";
import {detectReuse, markCommonSources, reuseLink, storyNumbers} from "./reuse.js";
import {buildNgramIndex, candidatePairs, DEFAULT_MAX_DOCUMENT_FREQUENCY, DEFAULT_MIN_SHARED_FINGERPRINTS} from "./reuse-index.js";
import {publicationOrder} from "./order.js";
import {findStories, publicationTimes, reorderStories, storiesOf} from "./stories.js";
import {comparisonTokens} from "./reuse-tokens.js";
import {shareStrings} from "./share-strings.js";
import {collectGarbage} from "./collect-garbage.js";
import {DEFAULT_MAX_BYTES, type CorpusFile} from "./read.js";
import {chunked, createWorkerPool, ingestWithLanguage, type AlignTask, type DocumentFindings, type DocumentPass, type IngestedSource, type ScreenTask, type WorkerPool} from "./workers.js";
import type {Analysis, Claim, Diagnostic, DocumentRecord, Quote, ReferenceData, ReuseLink, Story} from "./types.js";

export interface AnalyzeOptions {
  /** The input paths as the user gave them (recorded in the output). */
  inputs?: string[];
  /**
   * Called as each stage starts and finishes, and with `"progress"` as a long stage advances
   * (`done` of `count` items), for progress reports.
   */
  onStage?: (stage: string, event: "start" | "progress" | "end", count: number, done?: number) => void;
}

export interface ParallelAnalyzeOptions extends AnalyzeOptions {
  /** Worker threads for the per-document passes (default: one per core, at most 4; 0 runs everything here). */
  workers?: number;
  /** Documents per chunk handed to a worker (default 250). */
  chunkSize?: number;
}

/** Documents per chunk handed to a worker (and between progress reports). */
const CHUNK = 250;

type StageReporter = NonNullable<AnalyzeOptions["onStage"]>;

/**
 * Analyses a corpus on this thread.
 * @example analyzeSources([{path: "a.txt", bytes}], reference).documents.length // 1
 */
export function analyzeSources(sources: readonly SourceFile[], reference: ReferenceData, {inputs = [], onStage = () => {}}: AnalyzeOptions = {}): Analysis {
  const run = new Run(reference, onStage);
  run.begin("ingest", sources.length);
  const ingested = sources.map((source, i) => {
    run.tick("ingest", sources.length, i + 1);
    return ingestWithLanguage(source);
  });
  const documents = run.afterIngest(ingested);
  const withOutlets = run.outlets(documents);
  const timedByCorpus = run.times(withOutlets);
  const {timed, stories} = run.placeWithinStories(timedByCorpus, run.stories(timedByCorpus.inOrder, timedByCorpus.inOrder.map((doc) => comparisonTokens(doc.text).ids)));
  run.begin("claims", timed.inOrder.length);
  const findings = new Map(timed.inOrder.map((doc, i) => {
    run.tick("claims", timed.inOrder.length, i + 1);
    return [doc.id, extractClaims(doc)] as const;
  }));
  const claimed = run.claims(timed.inOrder, findings, stories);
  run.begin("quotes", timed.inOrder.length);
  const quoted = run.quotes(timed.inOrder, new Map(timed.inOrder.map((doc) => [doc.id, extractQuotes(doc)])));
  run.begin("reuse", timed.inOrder.length);
  const reuse = detectReuse(timed.inOrder, {stories: stories.storyOf});
  run.end("reuse", timed.inOrder.length);
  return run.result(inputs, timed, stories.stories, claimed, quoted, reuse);
}

/**
 * Analyses a corpus with the per-document passes on worker threads; the output is identical to
 * `analyzeSources` (same bytes), whatever the number of workers.
 * @example const analysis = await analyzeSourcesInParallel(sources, reference, {workers: 2});
 */
export async function analyzeSourcesInParallel(
  sources: readonly SourceFile[],
  reference: ReferenceData,
  {chunkSize = CHUNK, ...options}: ParallelAnalyzeOptions = {}
): Promise<Analysis> {
  const size = Math.max(1, Math.floor(chunkSize));
  const count = sources.length;
  let sourceChunks = chunked(sources, size);
  // The file bytes are not needed after parsing: drop this function's hold on them (the caller may too).
  sources = [];
  return analyzeInParallel(reference, {...options, chunkSize: size}, count, (pool, tick) => {
    const ingested = pool.map("ingest", sourceChunks, tick);
    sourceChunks = [];
    return ingested;
  });
}

/**
 * `analyzeSourcesInParallel` on listed files (`listCorpus`), read on the worker threads as they
 * parse: this thread never holds the file bytes, and reading overlaps parsing.
 * @example const {files} = await listCorpus(["seeds"]); await analyzeFilesInParallel(files, reference);
 */
export async function analyzeFilesInParallel(
  files: readonly CorpusFile[],
  reference: ReferenceData,
  {chunkSize = CHUNK, maxBytes = DEFAULT_MAX_BYTES, ...options}: ParallelAnalyzeOptions & {maxBytes?: number} = {}
): Promise<Analysis> {
  const size = Math.max(1, Math.floor(chunkSize));
  const fileChunks = chunked(files, size).map((chunk) => ({files: chunk, maxBytes}));
  return analyzeInParallel(reference, {...options, chunkSize: size}, files.length, (pool, tick) => pool.map("ingestFiles", fileChunks, tick));
}

async function analyzeInParallel(
  reference: ReferenceData,
  {inputs = [], onStage = () => {}, workers, chunkSize = CHUNK}: ParallelAnalyzeOptions,
  sourceCount: number,
  ingest: (pool: WorkerPool, tick: (done: number) => void) => Promise<IngestedSource[][]>
): Promise<Analysis> {
  const CHUNK = chunkSize;
  const pool = createWorkerPool(workers);
  try {
    const run = new Run(reference, onStage);
    run.begin("ingest", sourceCount);
    let ingested = (await ingest(pool, (done) => run.tick("ingest", sourceCount, Math.min(sourceCount, done * CHUNK), true))).flat();
    let documents = run.afterIngest(ingested);
    // Each stage copies the document records it changes: the earlier copies are let go as it ends
    // (this function's variables would otherwise hold every copy until it returns).
    ingested = [];
    // Everything that depends on one document alone (outlet, its own times, figures, quotations,
    // fingerprints) in one pass on the workers; this thread then does the corpus passes.
    const count = documents.length;
    run.begin("documents", count);
    const passRun = nextPassRun++;
    const chunks = chunked(documents, CHUNK).map((docs) => ({docs, registry: reference.outlets, run: passRun}));
    // The results are copies made by the thread hand-over: each chunk's are made to share the
    // document texts again as soon as it is back, so the copies can go while the others run.
    const strings = new Map<string, string>();
    const shared = (chunkPasses: DocumentPass[], c: number) => {
      chunkPasses.forEach((pass, j) => shareStrings(pass, documents[c * CHUNK + j]!.text, strings));
      return chunkPasses;
    };
    const passes = (await pool.map("documents", chunks, (done) => run.tick("documents", count, Math.min(count, done * CHUNK), true), shared)).flat();
    chunks.length = 0;
    strings.clear();
    // Idle workers keep what the pass left in their heaps until they next collect. For a large
    // corpus they stop here and the reuse stage starts fresh ones: a worker that has collected
    // still holds its grown heap (about 45 MB), which counts there. Otherwise they let go of what
    // they kept and collect, which costs less than starting new workers (about 0.4 s each).
    let tokenBytes = 0;
    for (const pass of passes) tokenBytes += pass.findings.tokenIds.byteLength;
    if (tokenBytes >= COLLECT_AFTER_BYTES) await pool.close();
    else await pool.release();
    let withOutlets = documents.map((doc, i) => {
      run.diagnostics.push(...passes[i]!.outletDiagnostics);
      return {...doc, outlet: passes[i]!.outlet};
    });
    documents = [];
    let timed = run.times(withOutlets, passes.map((p) => p.time));
    const findings = new Map(withOutlets.map((doc, i) => [doc.id, passes[i]!.findings] as const));
    withOutlets = [];
    passes.length = 0;
    const tokenIds = timed.inOrder.map((doc) => findings.get(doc.id)!.tokenIds);
    let quoted: ReturnType<Run["quotes"]> | null = null;
    let stories: {stories: Story[]; storyOf: Map<string, number>};
    if (pool.size > 0 && tokenBytes < COLLECT_AFTER_BYTES && timed.unplaced.size === 0) {
      // The stories are grouped on a worker (the token ids are in shared memory) while this thread
      // groups the quotations, which need no stories. A large corpus does one after the other: the
      // two together would hold the stories' word vectors through the quotation families' peak.
      // So does a corpus with documents left to be placed within their stories, which can move
      // them in the publication order the quotation families follow.
      const grouping = pool.runOne("stories", {tokenIds, times: publicationTimes(timed.inOrder)});
      run.begin("quotes", timed.inOrder.length);
      quoted = run.quotes(timed.inOrder, new Map([...findings].map(([id, f]) => [id, f.quotes] as const)));
      for (const f of findings.values()) f.quotes = [];
      run.begin("stories", timed.inOrder.length);
      stories = storiesOf(timed.inOrder, await grouping);
      run.end("stories", timed.inOrder.length);
    } else stories = run.stories(timed.inOrder, tokenIds);
    tokenIds.length = 0;
    ({timed, stories} = run.placeWithinStories(timed, stories));
    // The stories' word vectors (about 170 MB at 100,000 articles, outside the heap) are garbage
    // now, but would stay until the heap fills: through the reuse index's build, which is this
    // run's highest point of memory otherwise.
    if (tokenBytes >= COLLECT_AFTER_BYTES) collectGarbage();
    // Reuse first: its n-grams and token ids are the largest findings, and go with it.
    run.begin("reuse", timed.inOrder.length);
    const reuse = await parallelReuse(timed.inOrder, findings, pool, CHUNK, (done, total) => run.tick("reuse", total, done, true), stories.storyOf);
    run.end("reuse", timed.inOrder.length);
    // The rest runs here: the workers' memory can go, and so can the n-grams and token ids, which
    // are outside the heap and go only when the objects viewing them are collected.
    await pool.close();
    if (tokenBytes >= COLLECT_AFTER_BYTES) collectGarbage();
    run.begin("claims", timed.inOrder.length);
    const claimed = run.claims(
      timed.inOrder,
      new Map([...findings].map(([id, f]) => [id, {claims: f.claims, diagnostics: f.claimDiagnostics}] as const)),
      stories
    );
    // Each pass lets go of what it no longer needs.
    for (const f of findings.values()) {
      f.claims = [];
      f.claimDiagnostics = [];
    }
    if (!quoted) {
      // What the claims stage let go of (the figures' working copies) goes before the quotation
      // families build theirs.
      if (tokenBytes >= COLLECT_AFTER_BYTES) collectGarbage();
      run.begin("quotes", timed.inOrder.length);
      quoted = run.quotes(timed.inOrder, new Map([...findings].map(([id, f]) => [id, f.quotes] as const)));
      for (const f of findings.values()) f.quotes = [];
    }
    return run.result(inputs, timed, stories.stories, claimed, quoted, reuse);
  } finally {
    await pool.close();
  }
}

/** Shared n-grams or token ids worth a full collection once the reuse stage lets go of them (from
 *  about 60,000 articles; at 100,000 each collection takes about 0.8 s). The same size of token ids
 *  marks a corpus large enough for the workers to be replaced rather than kept between passes. */
const COLLECT_AFTER_BYTES = 96 * 1024 * 1024;

/** Numbers each per-document pass (workers keep the registry of the current one). */
let nextPassRun = 1;

/** What a document's n-grams and token ids are replaced with once the reuse index holds them
 *  (one shared empty array each: an array per document would cost about 200 bytes apiece). */
const NO_NGRAMS = new Uint32Array(0);
const NO_TOKEN_IDS = new Int32Array(0);

/** Numbers each parallel reuse pass (workers drop the prepared texts of earlier passes). */
let nextReuseRun = 1;

/**
 * `detectReuse` with the fingerprints already computed and the candidate pairs aligned on the
 * workers; the same passes in the same order, so the same links.
 */
async function parallelReuse(
  inOrder: readonly DocumentRecord[],
  findings: ReadonlyMap<string, DocumentFindings>,
  pool: WorkerPool,
  CHUNK: number,
  progress: (done: number, total: number) => void,
  stories: ReadonlyMap<string, number>
): Promise<ReuseLink[]> {
  const docs = inOrder.filter((d): d is DocumentRecord => !!d && typeof d.id === "string");
  if (docs.length < 2) return [];
  const index = buildNgramIndex(docs.map((d) => findings.get(d.id)!.fingerprints), {
    maxDocumentFrequency: DEFAULT_MAX_DOCUMENT_FREQUENCY,
    otherNgramsByDocument: docs.map((d) => findings.get(d.id)!.otherNgrams),
    storyOfDocument: storyNumbers(docs, stories)
  });
  const pairs = candidatePairs(index, {minShared: DEFAULT_MIN_SHARED_FINGERPRINTS});
  // The index holds what the pairs need: the per-document n-grams can go (they are outside the
  // heap, and go only when the objects viewing them are collected).
  const tokenIds = docs.map((d) => findings.get(d.id)!.tokenIds);
  let ngramBytes = 0;
  for (const f of findings.values()) {
    ngramBytes += f.fingerprints.byteLength + f.otherNgrams.byteLength;
    f.fingerprints = NO_NGRAMS;
    f.otherNgrams = NO_NGRAMS;
    f.tokenIds = NO_TOKEN_IDS;
  }
  if (ngramBytes >= COLLECT_AFTER_BYTES) collectGarbage();
  const stock = [...index.stock];
  const run = nextReuseRun++;
  const total = pairs.left.length;
  // Chunks of pairs with what each document of the chunk needs there (sent once per chunk).
  const chunksOf = <T>(count: number, pairAt: (k: number) => number, payload: (d: number) => T) => {
    const chunks: {items: T[]; keys: number[]; pairs: [number, number][]}[] = [];
    for (let start = 0; start < count; start += CHUNK) {
      const slot = new Map<number, number>();
      const items: T[] = [];
      const keys: number[] = [];
      const at = (d: number) => {
        let t = slot.get(d);
        if (t === undefined) {
          slot.set(d, (t = items.length));
          items.push(payload(d));
          keys.push(d);
        }
        return t;
      };
      const chunkPairs: [number, number][] = [];
      for (let k = start; k < Math.min(count, start + CHUNK); k++) {
        const pair = pairAt(k);
        chunkPairs.push([at(pairs.left[pair]!), at(pairs.right[pair]!)]);
      }
      chunks.push({items, keys, pairs: chunkPairs});
    }
    return chunks;
  };
  // First the pairs are screened on the token ids alone (the workers keep what they prepared, by
  // document, between chunks); only the pairs that share a passage are sent with their texts.
  const screenTasks: ScreenTask[] = chunksOf(total, (k) => k, (d) => tokenIds[d]!).map(({items, keys, pairs: chunkPairs}) => ({tokenIds: items, keys, run, pairs: chunkPairs, stock}));
  tokenIds.length = 0;
  const screening = pool.map("screen", screenTasks, (done) => progress(Math.min(total, done * CHUNK), total));
  // The pool holds the chunks now and lets go of each once it is handed out.
  screenTasks.length = 0;
  const flags = await screening;
  const passing: number[] = [];
  let pair = 0;
  for (const chunk of flags) {
    for (const flag of chunk) {
      if (flag === 1) passing.push(pair);
      pair++;
    }
  }
  const alignTasks: AlignTask[] = chunksOf(passing.length, (k) => passing[k]!, (d) => docs[d]!.text).map(({items, keys, pairs: chunkPairs}) => ({texts: items, keys, run, pairs: chunkPairs, stock}));
  // Then the pairs that share a passage are aligned on their texts (the progress counts both steps).
  const aligning = pool.map("align", alignTasks, (done) => progress(total + Math.min(passing.length, done * CHUNK), total + passing.length));
  alignTasks.length = 0;
  const alignments = (await aligning).flat();
  const links: ReuseLink[] = [];
  passing.forEach((pair, i) => {
    const alignment = alignments[i]!;
    if (alignment.passages.length > 0) links.push(reuseLink(docs[pairs.left[pair]!]!, docs[pairs.right[pair]!]!, alignment));
  });
  links.sort((x, y) => (x.source < y.source ? -1 : x.source > y.source ? 1 : x.target < y.target ? -1 : x.target > y.target ? 1 : 0));
  return markCommonSources(links, docs);
}

/** The corpus passes shared by both entry points, with the stage reports. */
class Run {
  readonly diagnostics: Diagnostic[] = [];
  private readonly lastTick = new Map<string, number>();
  private readonly open = new Set<string>();

  constructor(private readonly reference: ReferenceData, private readonly onStage: StageReporter) {}

  begin(stage: string, count: number): void {
    for (const previous of [...this.open]) this.end(previous, count);
    this.open.add(stage);
    this.onStage(stage, "start", count);
  }

  end(stage: string, count: number): void {
    if (!this.open.delete(stage)) return;
    this.onStage(stage, "end", count);
  }

  /** Reports progress at most every 200 items, or on every call when `always`. */
  tick(stage: string, count: number, done: number, always = false): void {
    const last = this.lastTick.get(stage) ?? 0;
    if (!always && done - last < 200) return;
    this.lastTick.set(stage, done);
    this.onStage(stage, "progress", count, done);
  }

  afterIngest(results: readonly IngestedSource[]): DocumentRecord[] {
    const {diagnostics} = this;
    const parsed: DocumentRecord[] = [];
    // Whether each text looks English (computed with the parsing; it depends on the text alone).
    const english = new Map<string, boolean>();
    for (const result of results) {
      result.documents.forEach((doc, i) => english.set(doc.text, result.english[i]!));
      parsed.push(...result.documents);
      diagnostics.push(...result.diagnostics);
    }
    const unique = assignUniqueIds(parsed);
    const deduplicated = dropDuplicates(unique.documents);
    diagnostics.push(...unique.diagnostics, ...deduplicated.diagnostics);
    const documents = deduplicated.documents.map((doc) => {
      if (english.get(doc.text) ?? looksEnglish(doc.text)) return doc;
      diagnostics.push({path: doc.path, documentId: doc.id, level: "info", code: "non-english", message: "The text does not look like English; it is kept, but figures and quotations may be missed."});
      return {...doc, flags: [...doc.flags, "non-english"]};
    });
    this.end("ingest", documents.length);
    return documents;
  }

  outlets(documents: readonly DocumentRecord[]): DocumentRecord[] {
    this.begin("outlet", documents.length);
    const out = documents.map((doc, i) => {
      this.tick("outlet", documents.length, i + 1);
      const {outlet, diagnostics: found} = attributeOutlet(doc, this.reference.outlets);
      this.diagnostics.push(...found);
      return {...doc, outlet};
    });
    this.end("outlet", documents.length);
    return out;
  }

  times(documents: readonly DocumentRecord[], ownReadings?: readonly TimeReading[]): Timed {
    this.begin("time", documents.length);
    const timed = resolveTimes(documents, this.reference.outlets, ownReadings);
    this.diagnostics.push(...timed.diagnostics);
    const inOrder = publicationOrder(timed.documents);
    // The relative days the corpus could not place (its dated articles span more than a week)
    // keep their own readings, to be placed within their stories once those are known.
    const spread = new Set<string>();
    for (const d of timed.diagnostics) if (d.code === "time-relative-corpus-spread" && d.documentId !== undefined) spread.add(d.documentId);
    const unplaced = new Map<string, TimeReading>();
    if (spread.size > 0) documents.forEach((doc, i) => spread.has(doc.id) && unplaced.set(doc.id, ownReadings?.[i] ?? readDocumentTimes(doc, this.reference.outlets)));
    this.end("time", documents.length);
    return {inOrder, event: timed.event, unplaced};
  }

  /**
   * The documents the corpus could not place, placed within their stories (`placeWithinStories`);
   * when any is, the publication order, the corpus's event and the stories are made again.
   */
  placeWithinStories(timed: Timed, found: {stories: Story[]; storyOf: Map<string, number>}): {timed: Timed; stories: {stories: Story[]; storyOf: Map<string, number>}} {
    if (timed.unplaced.size === 0) return {timed, stories: found};
    const placed = placeWithinStories(timed.inOrder, timed.unplaced, found.storyOf, this.reference.outlets, this.diagnostics);
    if (placed.placed.size === 0) return {timed: {...timed, unplaced: new Map()}, stories: found};
    this.diagnostics.length = 0;
    this.diagnostics.push(...placed.diagnostics);
    const inOrder = publicationOrder(placed.documents);
    return {timed: {inOrder, event: placed.event, unplaced: new Map()}, stories: reorderStories(found.stories, inOrder)};
  }

  /** The stories of the documents (in publication order), from their comparison-token ids. */
  stories(inOrder: readonly DocumentRecord[], tokenIds: readonly ArrayLike<number>[]): {stories: Story[]; storyOf: Map<string, number>} {
    this.begin("stories", inOrder.length);
    const found = findStories(inOrder, tokenIds);
    this.end("stories", inOrder.length);
    return found;
  }

  claims(inOrder: readonly DocumentRecord[], found: ReadonlyMap<string, {claims: Claim[]; diagnostics: Diagnostic[]}>, {stories}: {stories: Story[]}) {
    const extracted = inOrder.flatMap((doc) => {
      const result = found.get(doc.id)!;
      this.diagnostics.push(...result.diagnostics);
      return result.claims;
    });
    // The claims are this run's own: their family ids are set on them, not on copies.
    const storyIds = new Map<string, string>();
    for (const story of stories) for (const id of story.documentIds) storyIds.set(id, story.id);
    const grouped = groupClaimFamilies(extracted, inOrder, this.reference.measures, {inPlace: true, stories: storyIds});
    this.end("claims", inOrder.length);
    return grouped;
  }

  quotes(inOrder: readonly DocumentRecord[], found: ReadonlyMap<string, Quote[]>) {
    // The quotations are this run's own: their family ids are set on them, not on copies.
    const grouped = groupQuoteFamilies(inOrder.flatMap((doc) => found.get(doc.id)!), inOrder, {inPlace: true});
    this.end("quotes", inOrder.length);
    return grouped;
  }

  result(
    inputs: readonly string[],
    timed: Timed,
    stories: Story[],
    {claims, families}: {claims: Claim[]; families: Analysis["families"]},
    {quotes, quoteFamilies}: {quotes: Quote[]; quoteFamilies: Analysis["quoteFamilies"]},
    reuse: ReuseLink[]
  ): Analysis {
    return {
      version: 1,
      inputs: [...inputs],
      documents: timed.inOrder,
      stories,
      claims,
      families,
      quotes,
      quoteFamilies,
      reuse,
      event: timed.event,
      diagnostics: sortDiagnostics(this.diagnostics)
    };
  }
}

/** The documents in publication order with their times, the corpus's event, and the own readings
 *  of the documents whose relative day is left to their stories. */
interface Timed {
  inOrder: DocumentRecord[];
  event: Analysis["event"];
  unplaced: Map<string, TimeReading>;
}

const LEVEL_RANK = {error: 0, warning: 1, info: 2} as const;

/** Diagnostics in a stable order: by path, level (errors first), code, message. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      cmp(a.path, b.path) || LEVEL_RANK[a.level] - LEVEL_RANK[b.level] || cmp(a.code, b.code) || cmp(a.message, b.message) || cmp(a.documentId ?? "", b.documentId ?? "")
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
