/**
 * The build's output folder. Framework clears it before a build only when it lies inside the
 * project; a folder elsewhere keeps the previous build's files, and the next build stops on the
 * first of them ("file conflict"). So each build records what the folder held before it and what
 * it wrote (`BUILD_RECORD`), and the next one removes exactly what it wrote: files of the user's
 * own in the folder are never touched, and a non-empty folder with no record is refused rather
 * than cleared.
 */
import {existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from "node:fs";
import {join, relative, resolve, isAbsolute} from "node:path";

/** The list of what the last build wrote into the folder (top-level names). */
export const BUILD_RECORD = ".driftline-build.json";

export type OutputPreparation = {ok: true; removed: string[]} | {ok: false; message: string};

/** Whether `folder` is `root` or lies inside it. */
export function isWithin(root: string, folder: string): boolean {
  const path = relative(resolve(root), resolve(folder));
  return path === "" || (!path.startsWith("..") && !isAbsolute(path));
}

/**
 * Readies `output` for a build run from `projectRoot`: inside the project nothing is done
 * (Framework clears it); elsewhere a new or empty folder is used as it is, a previous build's
 * files are removed, and any other non-empty folder is refused. Returns the names removed.
 * @example prepareOutputFolder("/tmp/report", "/home/me/driftline") // {ok: true, removed: []}
 */
export function prepareOutputFolder(output: string, projectRoot: string): OutputPreparation {
  if (isWithin(projectRoot, output)) return {ok: true, removed: []};
  if (!existsSync(output)) return {ok: true, removed: []};
  if (!statSync(output).isDirectory()) return {ok: false, message: `The output ${output} is a file, not a folder.`};
  const entries = readdirSync(output);
  if (entries.length === 0) return {ok: true, removed: []};
  const record = readRecord(join(output, BUILD_RECORD));
  if (!record) {
    return {
      ok: false,
      message: `The output folder ${output} already holds files that no Driftline build wrote there; give a new or empty folder, or the folder of an earlier report.`
    };
  }
  // A finished build named what it wrote; one that stopped part way did not, and everything but
  // what was there before it is its own.
  const own = record.written ?? entries.filter((name) => !record.before.includes(name));
  const removed = own.filter((name) => name !== BUILD_RECORD && entries.includes(name));
  for (const name of removed) rmSync(join(output, name), {recursive: true, force: true});
  return {ok: true, removed};
}

/** Notes, before a build, what the folder already holds: none of it is the build's. */
export function startBuildRecord(output: string): string[] {
  mkdirSync(output, {recursive: true});
  const before = readdirSync(output).filter((name) => name !== BUILD_RECORD);
  writeRecord(output, {before});
  return before;
}

/** Notes, after a build, what it wrote into `output`: everything there but what was there before. */
export function finishBuildRecord(output: string, before: readonly string[]): void {
  const kept = new Set(before);
  const written = readdirSync(output).filter((name) => name !== BUILD_RECORD && !kept.has(name)).sort();
  writeRecord(output, {before: [...before], written});
}

interface BuildRecord {
  before: string[];
  written?: string[];
}

function writeRecord(output: string, record: BuildRecord): void {
  writeFileSync(join(output, BUILD_RECORD), JSON.stringify(record, null, 1) + "\n");
}

/** A build record, or null when there is none or it is not one. A name that could reach outside
 *  the folder ("..", "a/b") is never taken. */
function readRecord(path: string): BuildRecord | null {
  try {
    const parsed = JSON.parse(readFileSync(path, "utf8")) as {before?: unknown; written?: unknown};
    const names = (value: unknown) => (Array.isArray(value) ? value.filter((name): name is string => typeof name === "string" && name !== "" && name !== "." && name !== ".." && !/[\\/]/.test(name)) : null);
    const before = names(parsed.before);
    if (!before) return null;
    const written = names(parsed.written);
    return written ? {before, written} : {before};
  } catch {
    return null;
  }
}
