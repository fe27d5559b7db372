/**
 * Per-document work on worker threads. The pipeline's per-document passes (read and parse one file;
 * the outlet, own times, figures, quotations and reuse n-grams of one document; alignment of one
 * candidate pair) are pure functions of their inputs, so they can run on other cores; the corpus
 * passes (ids, relative days anchored on the corpus, families, the reuse index) stay on the main
 * thread. Work is cut into chunks, handed to whichever
 * worker is free, and the results are put back in input order, so the output is the same byte for
 * byte whatever the number of workers (including none).
 *
 * When a worker cannot start (a runtime that cannot load this module in a thread), the chunk is run
 * on the main thread instead.
 */
import {createRequire} from "node:module";
import {availableParallelism} from "node:os";
import {getHeapStatistics} from "node:v8";
import {pathToFileURL} from "node:url";
import {isMainThread, parentPort, threadId, Worker, workerData} from "node:worker_threads";
import {extractClaims} from "./claims.js";
import {documentLooksEnglish, ingestSource, type IngestResult, type SourceFile} from "./ingest.js";
import {attributeOutlet} from "./outlet.js";
import {extractQuotes} from "./quotes.js";
import {readDocumentTimes, type TimeReading} from "./time.js";
import {readCorpusFile, type CorpusFile} from "./read.js";
import {alignDocuments, prepareText, prepareTokenIds, sharesPassage, tokenNgrams, type PreparedText} from "./reuse.js";
import {comparisonTokens} from "./reuse-tokens.js";
import {TextLayout} from "./text.js";
import {groupStories, termVectors, type StoryGrouping} from "./stories.js";
import {collectGarbage} from "./collect-garbage.js";
import {workerBundle} from "./worker-bundle.js";
import type {Claim, Diagnostic, DocumentRecord, OutletRegistry, Quote} from "./types.js";
import type {PairAlignment} from "./reuse.js";

/** What the per-document pass returns for one document. */
export interface DocumentFindings {
  claims: Claim[];
  claimDiagnostics: Diagnostic[];
  quotes: Quote[];
  fingerprints: Uint32Array;
  /** The document's other n-grams (not fingerprints), counted for stock phrases. */
  otherNgrams: Uint32Array;
  /** The document's comparison token ids, to screen its candidate pairs before alignment. */
  tokenIds: Int32Array;
}

/** Figures, quotations and reuse fingerprints of one document (independent of the other documents). */
export function documentFindings(doc: DocumentRecord): DocumentFindings {
  // The figures' and the quotations' passes split the text into the same sentences: once.
  const layout = new TextLayout(typeof doc.text === "string" ? doc.text : "");
  const quotes = extractQuotes(doc, layout);
  // Figures inside a quotation take the quotation's speaker.
  const {claims, diagnostics} = extractClaims(doc, layout, quotes);
  const tokenIds = comparisonTokens(doc.text).ids;
  const ngrams = tokenNgrams(tokenIds);
  return {claims, claimDiagnostics: diagnostics, quotes, fingerprints: ngrams.fingerprints, otherNgrams: ngrams.others, tokenIds};
}

/** What the per-document pass finds in one document: its outlet, its own times, and its findings. */
export interface DocumentPass {
  outlet: DocumentRecord["outlet"];
  outletDiagnostics: Diagnostic[];
  time: TimeReading;
  findings: DocumentFindings;
}

/** Documents for the per-document pass, with the outlet registry (kept by the worker for the pass `run`). */
export interface DocumentChunk {
  docs: DocumentRecord[];
  registry: OutletRegistry;
  run: number;
}

let registryOfRun: {run: number; registry: OutletRegistry; ngramSlabs: SharedSlabs; tokenSlabs: SharedSlabs} | null = null;

/**
 * The per-document pass: the outlet, then the document's own times (they depend on the outlet's
 * zone), figures, quotations and reuse fingerprints. Everything that depends on one document only.
 */
export function documentPass(doc: DocumentRecord, registry: OutletRegistry): DocumentPass {
  const {outlet, diagnostics: outletDiagnostics} = attributeOutlet(doc, registry);
  const withOutlet = {...doc, outlet};
  return {outlet, outletDiagnostics, time: readDocumentTimes(withOutlet, registry), findings: documentFindings(withOutlet)};
}

function documentsChunk({docs, registry, run}: DocumentChunk): DocumentPass[] {
  // One registry object per pass, so the tables built from it (places) are built once.
  if (!registryOfRun || registryOfRun.run !== run) registryOfRun = {run, registry, ngramSlabs: new SharedSlabs(), tokenSlabs: new SharedSlabs()};
  const passes = docs.map((doc) => documentPass(doc, registryOfRun!.registry));
  // The chunk's n-grams and token ids go into shared memory, one piece of each kind: the main
  // thread gets views of memory shared with this thread rather than copies of hundreds of small
  // arrays, and the screening tasks that hand the token ids back to the workers share them again.
  // The n-grams and the token ids have buffers of their own: the n-grams can go once the reuse
  // index is built, the token ids only once the pairs are screened.
  const {ngramSlabs, tokenSlabs} = registryOfRun;
  const fingerprints = packShared(passes.map((p) => p.findings.fingerprints), Uint32Array, ngramSlabs);
  const otherNgrams = packShared(passes.map((p) => p.findings.otherNgrams), Uint32Array, ngramSlabs);
  const tokenIds = packShared(passes.map((p) => p.findings.tokenIds), Int32Array, tokenSlabs);
  passes.forEach((p, i) => {
    p.findings.fingerprints = fingerprints[i]!;
    p.findings.otherNgrams = otherNgrams[i]!;
    p.findings.tokenIds = tokenIds[i]!;
  });
  return passes;
}

/**
 * Shared memory handed out in pieces of large buffers. The C allocator gives a buffer this large
 * pages of its own and returns them to the system when the buffer is freed; the buffers of a
 * hundred kilobytes one per chunk would be carved from its pools, which keep the memory once the
 * buffers go (about 300 MB at 100,000 articles). Pages never written cost no memory, so the unused
 * end of the last buffer is free.
 */
export class SharedSlabs {
  private buffer: SharedArrayBuffer | null = null;
  private used = 0;
  constructor(readonly slabBytes: number = 64 * 1024 * 1024) {}
  /** Room for `bytes` (a multiple of 8 is kept between pieces). */
  take(bytes: number): {buffer: SharedArrayBuffer; byteOffset: number} {
    if (bytes > this.slabBytes) return {buffer: new SharedArrayBuffer(bytes), byteOffset: 0};
    if (!this.buffer || this.used + bytes > this.slabBytes) {
      this.buffer = new SharedArrayBuffer(this.slabBytes);
      this.used = 0;
    }
    const byteOffset = this.used;
    this.used += Math.ceil(bytes / 8) * 8;
    return {buffer: this.buffer, byteOffset};
  }
}

/**
 * The arrays copied, one after another, into shared memory (a buffer of their own, or room taken
 * from `slabs`): a view of it for each.
 */
export function packShared<T extends Uint32Array | Int32Array>(
  arrays: readonly T[],
  View: new (buffer: SharedArrayBuffer, byteOffset: number, length: number) => T,
  slabs?: SharedSlabs
): T[] {
  let total = 0;
  for (const a of arrays) total += a.length;
  const {buffer, byteOffset} = slabs ? slabs.take(total * 4) : {buffer: new SharedArrayBuffer(total * 4), byteOffset: 0};
  let offset = byteOffset;
  return arrays.map((a) => {
    const view = new View(buffer, offset, a.length);
    view.set(a);
    offset += a.length * 4;
    return view;
  });
}

/** One file's documents and diagnostics, and whether each document's text looks English. */
export interface IngestedSource extends IngestResult {
  english: boolean[];
}

/** `ingestSource`, plus the language check of each document (it depends on the text alone). */
export function ingestWithLanguage(source: SourceFile): IngestedSource {
  const result = ingestSource(source);
  return {...result, english: result.documents.map(documentLooksEnglish)};
}

/** Files to read and parse on a worker, with the size cap. */
export interface FileChunk {
  files: CorpusFile[];
  maxBytes: number;
}

/** Reads and parses each file (a file that cannot be read becomes a diagnostic, as in `readCorpusFile`). */
function ingestFiles({files, maxBytes}: FileChunk): IngestedSource[] {
  return files.map((file) => {
    const read = readCorpusFile(file, maxBytes);
    return "bytes" in read ? ingestWithLanguage(read) : {documents: [], diagnostics: [read], english: []};
  });
}

/** Candidate pairs to align: the texts involved, the pairs as indices into them, and the index's stock n-grams. */
export interface AlignTask {
  texts: string[];
  /** Which document each text is, for the prepared-text cache: unique within `run`. */
  keys?: number[];
  /** Identifies one corpus pass; cached texts of another pass are dropped. */
  run?: number;
  pairs: [number, number][];
  stock: number[];
}

/** Candidate pairs to screen: the documents' comparison token ids (`comparisonTokens(text).ids`),
 *  the pairs as indices into them, and the index's stock n-grams. */
export interface ScreenTask {
  tokenIds: Int32Array[];
  /** Which document each entry is, for the cache: unique within `run`. */
  keys: number[];
  run: number;
  pairs: [number, number][];
  stock: number[];
}

/** Prepared texts kept between chunks of one pass (a document is in many candidate pairs). */
const PREPARED_CACHE_SIZE = 2000;
let preparedRun: number | undefined;
const preparedCache = new Map<number, PreparedText>();
let stockOfRun: {run: number | undefined; list: number[]; set: Set<number>} | null = null;

/** Token ids prepared for screening, kept between chunks like the prepared texts. */
const screenedCache = new Map<number, PreparedText>();

function stockSetOf(run: number | undefined, stock: number[]): Set<number> {
  if (!stockOfRun || stockOfRun.run !== run || stockOfRun.list !== stock || run === undefined) stockOfRun = {run, list: stock, set: new Set(stock)};
  return stockOfRun.set;
}

/** The caches belong to one pass: another pass starts them afresh. */
function startRun(run: number | undefined): void {
  if (run === undefined || preparedRun !== run) {
    preparedCache.clear();
    screenedCache.clear();
    preparedRun = run;
  }
}

/** `make(t)` for entry `t` of a chunk, through `cache` (least recently used out) keyed by `keys[t]`. */
function cachedBy(cache: Map<number, PreparedText>, keys: readonly number[] | undefined, run: number | undefined, make: (t: number) => PreparedText): (t: number) => PreparedText {
  const local = new Map<number, PreparedText>();
  return (t: number) => {
    let p = local.get(t);
    if (p) return p;
    const key = run === undefined ? undefined : keys?.[t];
    if (key !== undefined && (p = cache.get(key))) {
      // Most recently used last.
      cache.delete(key);
      cache.set(key, p);
    } else {
      p = make(t);
      if (key !== undefined) {
        cache.set(key, p);
        if (cache.size > PREPARED_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      }
    }
    local.set(t, p);
    return p;
  };
}

/** 1 for each pair that shares a passage, found on the token ids alone (`sharesPassage`), else 0. */
function screenChunk({tokenIds, keys, run, pairs, stock}: ScreenTask): Uint8Array {
  const stockSet = stockSetOf(run, stock);
  startRun(run);
  const screen = cachedBy(screenedCache, keys, run, (t) => prepareTokenIds(tokenIds[t]!));
  return Uint8Array.from(pairs, ([a, b]) => (sharesPassage(screen(a), screen(b), {stock: stockSet}) ? 1 : 0));
}

function alignChunk({texts, keys, run, pairs, stock}: AlignTask): PairAlignment[] {
  const stockSet = stockSetOf(run, stock);
  startRun(run);
  // Screening is over once pairs are aligned.
  screenedCache.clear();
  const prepare = cachedBy(preparedCache, keys, run, (t) => prepareText(texts[t]!));
  return pairs.map(([a, b]) => alignDocuments(texts[a]!, texts[b]!, {stock: stockSet, firstPrepared: prepare(a), secondPrepared: prepare(b)}));
}

/** The stories of documents in publication order, from their comparison token ids (`groupStories`). */
export interface StoriesTask {
  tokenIds: ArrayLike<number>[];
  /** Each document's publication time (`publicationTimes`). */
  times?: Float64Array;
}

function storiesTask({tokenIds, times}: StoriesTask): StoryGrouping {
  return groupStories(termVectors(tokenIds), times ? {times} : {});
}

/** Lets go of everything this thread keeps between chunks, then collects: returns the heap bytes in use. */
function releasePasses(_: null): number {
  registryOfRun = null;
  preparedCache.clear();
  screenedCache.clear();
  preparedRun = undefined;
  stockOfRun = null;
  collectGarbage();
  return getHeapStatistics().used_heap_size;
}

const handlers = {
  ingest: (sources: SourceFile[]): IngestedSource[] => sources.map((s) => ingestWithLanguage(s)),
  ingestFiles,
  documents: documentsChunk,
  screen: screenChunk,
  align: alignChunk,
  stories: storiesTask,
  release: releasePasses,
  /** The thread that ran the task (0 is the main thread): for tests. */
  thread: (_: null): number => threadId
};

export type TaskKind = keyof typeof handlers;
type Input<K extends TaskKind> = Parameters<(typeof handlers)[K]>[0];
type Output<K extends TaskKind> = ReturnType<(typeof handlers)[K]>;

/** Runs one chunk on the main thread (the workers run exactly this). */
export function runTask<K extends TaskKind>(kind: K, input: Input<K>): Output<K> {
  return (handlers[kind] as (x: Input<K>) => Output<K>)(input);
}

/** The number of worker threads to use by default: one per core beyond the first, at least one, at most 4. */
export function defaultWorkerCount(): number {
  const env = process.env.DRIFTLINE_WORKERS;
  if (env !== undefined && /^\d+$/.test(env.trim())) return Math.min(16, Number(env.trim()));
  return Math.max(1, Math.min(4, availableParallelism()));
}

/**
 * How to start a worker running this module: the module itself when it is JavaScript; when it is
 * TypeScript (run through tsx), its bundle as plain JavaScript (`worker-bundle.ts`), or failing
 * that a small script that registers tsx in the thread first. Null when none works (then
 * everything runs on the main thread).
 */
function workerEntry(): {script: string | URL; eval: boolean} | null {
  if (!import.meta.url.endsWith(".ts")) return {script: new URL(import.meta.url), eval: false};
  if (process.env.VITEST) return null;
  const bundle = process.env.DRIFTLINE_WORKER_BUNDLE === "0" ? null : workerBundle(import.meta.url);
  if (bundle) return {script: bundle, eval: false};
  try {
    const api = pathToFileURL(createRequire(import.meta.url).resolve("tsx/package.json").replace(/package\.json$/, "dist/esm/api/index.mjs")).href;
    const code = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); });`;
    return {script: code, eval: true};
  } catch {
    return null;
  }
}

export interface WorkerPool {
  size: number;
  /**
   * Runs `kind` over the chunks, in parallel, and returns the results in chunk order. `settle`, when
   * given, is applied to each chunk's result as soon as it is back (say, to let go of copies while
   * the other chunks still run) and its value is kept instead.
   */
  map<K extends TaskKind>(kind: K, chunks: Input<K>[], onChunk?: (done: number) => void, settle?: (result: Output<K>, chunk: number) => Output<K>): Promise<Output<K>[]>;
  /**
   * Has each running worker let go of what its passes kept (the registry, shared buffers, prepared
   * texts) and collect its garbage, without the cost of starting a new worker. Its heap keeps the
   * size it grew to, little of it in use. Gives each running worker's heap in use afterwards (bytes).
   */
  release(): Promise<number[]>;
  /**
   * Runs one task on a worker, so this thread can do other work meanwhile (on this thread when
   * the pool has no workers). Not to be mixed with a `map` still running.
   */
  runOne<K extends TaskKind>(kind: K, input: Input<K>): Promise<Output<K>>;
  close(): Promise<void>;
}

/**
 * A pool of `size` workers (0: everything runs on the main thread).
 * @example const pool = createWorkerPool(2); const results = await pool.map("ingest", [sources]); await pool.close();
 */
export function createWorkerPool(size: number = defaultWorkerCount()): WorkerPool {
  const entry = size >= 1 ? workerEntry() : null;
  const count = entry ? Math.max(0, Math.floor(size)) : 0;
  let workers: (Worker | null)[] | null = null;
  const start = () => {
    if (workers) return workers;
    workers = [];
    for (let w = 0; w < count; w++) {
      try {
        const worker = new Worker(entry!.script, {eval: entry!.eval, workerData: {driftlineWorker: true}});
        worker.once("exit", () => dead.add(worker));
        workers.push(worker);
      } catch {
        workers.push(null);
      }
    }
    return workers;
  };
  let nextId = 0;
  // Workers that have exited (out of memory, killed): their chunks run here from then on.
  const dead = new Set<Worker>();
  const runOn = <K extends TaskKind>(worker: Worker | null, kind: K, input: Input<K>): Promise<Output<K>> => {
    if (!worker || dead.has(worker)) return Promise.resolve(runTask(kind, input));
    const id = nextId++;
    return new Promise((resolve, reject) => {
      const onMessage = (message: {id: number; result?: Output<K>; error?: string}) => {
        if (message.id !== id) return;
        cleanup();
        if (message.error !== undefined) reject(new Error(message.error));
        else resolve(message.result!);
      };
      const onError = () => {
        cleanup();
        // The worker died (it could not load, or ran out of memory): run the chunk here.
        try {
          resolve(runTask(kind, input));
        } catch (error) {
          reject(error);
        }
      };
      const cleanup = () => {
        worker.off("message", onMessage);
        worker.off("error", onError);
        worker.off("exit", onError);
      };
      worker.on("message", onMessage);
      worker.once("error", onError);
      worker.once("exit", onError);
      worker.postMessage({id, kind, input});
    });
  };
  return {
    size: count,
    async map(kind, chunks, onChunk, settle = (result) => result) {
      const results = new Array(chunks.length);
      if (count === 0 || chunks.length <= 1) {
        chunks.forEach((chunk, i) => {
          results[i] = settle(runTask(kind, chunk), i);
          onChunk?.(i + 1);
        });
        return results;
      }
      const pool = start();
      // The pool's own list lets go of a chunk once it is handed out, so the chunk (file bytes,
      // texts) can be freed as soon as its result is back if the caller has let go of it too.
      const queue: (typeof chunks[number] | undefined)[] = chunks.slice();
      let next = 0;
      let done = 0;
      const lane = async (worker: Worker | null) => {
        while (next < queue.length) {
          const i = next++;
          const chunk = queue[i]!;
          queue[i] = undefined;
          results[i] = settle(await runOn(worker, kind, chunk), i);
          onChunk?.(++done);
        }
      };
      await Promise.all(pool.map((worker) => lane(worker)));
      return results;
    },
    async release() {
      const running = (workers ?? []).filter((worker): worker is Worker => worker !== null && !dead.has(worker));
      return Promise.all(running.map((worker) => runOn(worker, "release", null)));
    },
    async runOne(kind, input) {
      if (count === 0) return runTask(kind, input);
      const worker = start().find((w) => w !== null && !dead.has(w)) ?? null;
      return runOn(worker, kind, input);
    },
    async close() {
      if (!workers) return;
      await Promise.all(workers.map((w) => w?.terminate()));
      workers = null;
    }
  };
}

/** Cuts a list into chunks of at most `size` items. */
export function chunked<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

if (!isMainThread && parentPort && (workerData as {driftlineWorker?: boolean} | null)?.driftlineWorker === true) {
  const port = parentPort;
  port.on("message", ({id, kind, input}: {id: number; kind: TaskKind; input: never}) => {
    try {
      port.postMessage({id, result: runTask(kind, input)});
    } catch (error) {
      port.postMessage({id, error: error instanceof Error ? (error.stack ?? error.message) : String(error)});
    }
  });
}
