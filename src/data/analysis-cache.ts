/**
 * The loaders' shared access to the Analysis. Framework runs each loader in its own process and
 * does not know what a loader reads, so the analysis is computed once per state of the corpus and
 * cached on disk under a key made of every input file's path, size and modification time, plus the
 * pipeline code (src/lib) and reference data (data/). Any edit there gives a new key.
 */
import {createHash} from "node:crypto";
import {mkdir, readFile, readdir, rename, stat, writeFile} from "node:fs/promises";
import {join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {analyzePaths, inputPathsFromEnv} from "../lib/run.js";
import type {Analysis} from "../lib/types.js";
import {stageReporter} from "../cli/progress.js";

export const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CACHE_DIR = join(PROJECT_ROOT, "node_modules", ".cache", "driftline");

async function fingerprint(path: string, hash: ReturnType<typeof createHash>, depth = 0): Promise<void> {
  let info;
  try {
    info = await stat(path);
  } catch {
    hash.update(`missing:${path}\n`);
    return;
  }
  if (info.isDirectory()) {
    if (depth > 32) return;
    const entries = (await readdir(path).catch(() => [] as string[])).sort();
    hash.update(`dir:${path}:${entries.length}\n`);
    for (const name of entries) if (!name.startsWith(".")) await fingerprint(join(path, name), hash, depth + 1);
  } else {
    hash.update(`file:${path}:${info.size}:${info.mtimeMs}\n`);
  }
}

/** The corpus paths the report is about: DRIFTLINE_INPUT, or seeds/. */
export function corpusPaths(): string[] {
  return inputPathsFromEnv();
}

/** The Analysis of the current corpus, from the cache when nothing it depends on changed. */
export async function getAnalysis(): Promise<Analysis> {
  const paths = corpusPaths();
  const hash = createHash("sha256");
  hash.update(JSON.stringify({paths, maxBytes: process.env.DRIFTLINE_MAX_BYTES ?? ""}));
  for (const p of [...paths.map((p) => resolve(PROJECT_ROOT, p)), join(PROJECT_ROOT, "src", "lib"), join(PROJECT_ROOT, "data")]) await fingerprint(p, hash);
  const key = hash.digest("hex").slice(0, 24);
  const file = join(CACHE_DIR, `analysis-${key}.json`);
  try {
    return JSON.parse(await readFile(file, "utf8")) as Analysis;
  } catch {
    // not cached yet
  }
  const maxBytes = process.env.DRIFTLINE_MAX_BYTES ? Number(process.env.DRIFTLINE_MAX_BYTES) : undefined;
  const {analysis} = await analyzePaths(paths, {cwd: PROJECT_ROOT, maxBytes, onStage: stageReporter()});
  await mkdir(CACHE_DIR, {recursive: true});
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(analysis));
  await rename(temporary, file);
  return analysis;
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
