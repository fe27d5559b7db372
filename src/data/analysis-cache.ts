/**
 * The loaders' shared access to the Analysis. Framework runs each loader in its own process and
 * does not know what a loader reads, so the analysis is computed once per state of the corpus and
 * cached on disk under a key made of every input file's path, size and modification time, plus the
 * pipeline code (src/lib) and reference data (data/). Any edit there gives a new key.
 *
 * With the analysis, each page's slice (the five report pages and the document pages) is cached in
 * a file of its own, so a loader reads well under a megabyte instead of parsing the whole analysis
 * (77 MB of JSON at 10,000 articles).
 */
import {createHash} from "node:crypto";
import {readdirSync, statSync} from "node:fs";
import {mkdir, readFile, readdir, rename, rm, stat, writeFile} from "node:fs/promises";
import {join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {inputPathsFromEnv} from "../lib/input-paths.js";
import {claimsSlice, corpusSlice, DEFAULT_DOCUMENT_PAGES, diagnosticsSlice, documentPageIds, documentSlice, fitToBudget, phrasingSlice, timelineSlice} from "../lib/report.js";
import type {Analysis} from "../lib/types.js";

export const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CACHE_DIR = join(PROJECT_ROOT, "node_modules", ".cache", "driftline");

/** Adds a path to the cache key: each file's path, size and modification time, folders walked.
 *  Synchronous calls: every loader makes this walk, and for 10,000 files one awaited call per
 *  file took most of a second. */
function fingerprint(path: string, hash: ReturnType<typeof createHash>, depth = 0): void {
  let info;
  try {
    info = statSync(path);
  } catch {
    hash.update(`missing:${path}\n`);
    return;
  }
  if (info.isDirectory()) {
    if (depth > 32) return;
    let entries: string[];
    try {
      entries = readdirSync(path).sort();
    } catch {
      entries = [];
    }
    hash.update(`dir:${path}:${entries.length}\n`);
    for (const name of entries) if (!name.startsWith(".")) fingerprint(join(path, name), hash, depth + 1);
  } else {
    hash.update(`file:${path}:${info.size}:${info.mtimeMs}\n`);
  }
}

/** The corpus paths the report is about: DRIFTLINE_INPUT, or seeds/. */
export function corpusPaths(): string[] {
  return inputPathsFromEnv();
}

/** Corpora up to this size get a page for every document by default. */
export const ALL_PAGES_UP_TO = 60;

/**
 * How many documents get a page of their own: DRIFTLINE_DOCUMENT_PAGES when set; else every
 * document of a corpus of up to 60, and the most involved DEFAULT_DOCUMENT_PAGES of a larger one
 * (each page runs a loader, and thousands of them would make the build long).
 */
export function documentPageLimit(documents: number, env: NodeJS.ProcessEnv = process.env): number {
  const value = env.DRIFTLINE_DOCUMENT_PAGES?.trim();
  const n = value ? Number(value) : NaN;
  if (Number.isInteger(n) && n >= 0) return n;
  return documents <= ALL_PAGES_UP_TO ? documents : DEFAULT_DOCUMENT_PAGES;
}

/** The ids of the documents that get a page (the same list the site config builds). */
export function pageIds(analysis: Analysis): string[] {
  return documentPageIds(analysis, documentPageLimit(analysis.documents.length));
}

/** Each report page's data, from the Analysis (`pages`: the documents that have a page of their own, for links). */
export const PAGE_SLICES = {
  claims: (analysis: Analysis) => ({...fitToBudget(claimsSlice, analysis), pages: pageIds(analysis)}),
  corpus: (analysis: Analysis) => ({...fitToBudget(corpusSlice, analysis), pages: pageIds(analysis)}),
  diagnostics: (analysis: Analysis) => fitToBudget(diagnosticsSlice, analysis),
  phrasing: (analysis: Analysis) => ({...fitToBudget(phrasingSlice, analysis), pages: pageIds(analysis)}),
  timeline: (analysis: Analysis) => ({...fitToBudget(timelineSlice, analysis), pages: pageIds(analysis)})
};

export type PageName = keyof typeof PAGE_SLICES;

let memo: {key: string; analysis: Analysis} | undefined;

async function cacheKey(): Promise<string> {
  const paths = corpusPaths();
  const hash = createHash("sha256");
  hash.update(JSON.stringify({paths, maxBytes: process.env.DRIFTLINE_MAX_BYTES ?? ""}));
  for (const p of [...paths.map((p) => resolve(PROJECT_ROOT, p)), join(PROJECT_ROOT, "src", "lib"), join(PROJECT_ROOT, "data")]) fingerprint(p, hash);
  return hash.digest("hex").slice(0, 24);
}

const documentFile = (key: string, id: string) => join(CACHE_DIR, `documents-${key}`, `${createHash("sha1").update(id).digest("hex")}.json`);
// A page's data lists the documents that have pages, which DRIFTLINE_DOCUMENT_PAGES can change
// without changing the analysis: the setting is part of the file's name.
const pageFile = (key: string, page: PageName) =>
  join(CACHE_DIR, `documents-${key}`, `page-${page}-${createHash("sha1").update(process.env.DRIFTLINE_DOCUMENT_PAGES?.trim() ?? "").digest("hex").slice(0, 12)}.json`);

async function writeAtomically(file: string, text: string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, file);
}

/** The Analysis of the current corpus, from the cache when nothing it depends on changed. */
export async function getAnalysis(): Promise<Analysis> {
  const key = await cacheKey();
  if (memo?.key === key) return memo.analysis;
  const file = join(CACHE_DIR, `analysis-${key}.json`);
  try {
    const analysis = JSON.parse(await readFile(file, "utf8")) as Analysis;
    memo = {key, analysis};
    return analysis;
  } catch {
    // not cached yet
  }
  const maxBytes = process.env.DRIFTLINE_MAX_BYTES ? Number(process.env.DRIFTLINE_MAX_BYTES) : undefined;
  // The pipeline is loaded only when the analysis is not cached: a loader that finds its slice
  // cached starts without it (about 0.3 s less for each of a build's loaders).
  const [{analyzePaths}, {stageReporter}] = await Promise.all([import("../lib/run.js"), import("../cli/progress.js")]);
  const {analysis} = await analyzePaths(corpusPaths(), {cwd: PROJECT_ROOT, maxBytes, onStage: stageReporter()});
  await mkdir(join(CACHE_DIR, `documents-${key}`), {recursive: true});
  for (const id of pageIds(analysis)) await writeAtomically(documentFile(key, id), JSON.stringify(documentSlice(analysis, id)));
  for (const page of Object.keys(PAGE_SLICES) as PageName[]) await writeAtomically(pageFile(key, page), JSON.stringify(PAGE_SLICES[page](analysis)));
  await writeAtomically(file, JSON.stringify(analysis));
  await pruneCache(key);
  memo = {key, analysis};
  return analysis;
}

/** Keeps the cache small: the analyses of the eight most recently computed states, and this one. */
async function pruneCache(keep: string, count = 8): Promise<void> {
  const entries = await readdir(CACHE_DIR).catch(() => [] as string[]);
  const analyses = await Promise.all(
    entries.filter((name) => /^analysis-[0-9a-f]+\.json$/.test(name)).map(async (name) => ({key: name.slice(9, -5), mtime: (await stat(join(CACHE_DIR, name)).catch(() => null))?.mtimeMs ?? 0}))
  );
  const stale = analyses.sort((a, b) => b.mtime - a.mtime).slice(count).filter((a) => a.key !== keep);
  for (const {key} of stale) {
    await rm(join(CACHE_DIR, `analysis-${key}.json`), {force: true});
    await rm(join(CACHE_DIR, `documents-${key}`), {recursive: true, force: true});
  }
}

/** One report page's data, from its own cache file when there is one. */
export async function getPageSlice(page: PageName): Promise<unknown> {
  const key = await cacheKey();
  const file = pageFile(key, page);
  try {
    return JSON.parse(await readFile(file, "utf8"));
  } catch {
    // Not cached for this state and setting: made from the analysis, and kept for the next time.
    const slice = PAGE_SLICES[page](await getAnalysis());
    await mkdir(join(CACHE_DIR, `documents-${key}`), {recursive: true})
      .then(() => writeAtomically(file, JSON.stringify(slice)))
      .catch(() => {});
    return slice;
  }
}

/** One document page's slice, from its own cache file when there is one. */
export async function getDocumentSlice(id: string): Promise<ReturnType<typeof documentSlice>> {
  const key = await cacheKey();
  try {
    return JSON.parse(await readFile(documentFile(key, id), "utf8"));
  } catch {
    return documentSlice(await getAnalysis(), id);
  }
}

/** Writes a loader's data to stdout as JSON; a failure exits non-zero with the reason on stderr. */
export function emit(make: () => Promise<unknown>): void {
  make().then(
    (data) => process.stdout.write(JSON.stringify(data)),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    }
  );
}
