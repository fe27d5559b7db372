/**
 * The worker threads' code as one plain JavaScript file. Run from TypeScript (through tsx), a new
 * worker would otherwise register tsx in its own thread and load each module through it: about
 * 0.4 s of a core per worker, every run, and every named function wrapped to keep its name. One
 * bundle, made with esbuild (about 0.1 s) and kept in the system's temporary folder under the hash
 * of its contents, starts in about a third of that.
 */
import {createHash} from "node:crypto";
import {existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, utimesSync, writeFileSync} from "node:fs";
import {createRequire} from "node:module";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {fileURLToPath, pathToFileURL} from "node:url";

const bundles = new Map<string, URL | null>();

/** A bundle not used for this long is removed when a new one is made (each is about 0.5 MB). */
export const UNUSED_BUNDLE_MS = 7 * 86_400_000;

/** What a bundle was made from: each input file with its size and modification time. */
interface Manifest {
  bundle: string;
  inputs: [path: string, size: number, mtimeMs: number][];
}

/**
 * A file URL of the bundle of the module at `entry` (a `file:` URL of a TypeScript module) with
 * everything it imports, or null when it cannot be made (no esbuild, a read-only temporary folder).
 * `import.meta.url` in the bundle is the entry's own URL, so paths relative to the sources (the
 * data folder) stay right. Made once per process and entry; a bundle whose inputs all have the
 * size and modification time they had when it was made is used again without esbuild.
 */
export function workerBundle(entry: string): URL | null {
  if (bundles.has(entry)) return bundles.get(entry)!;
  let url: URL | null = null;
  try {
    const dir = privateFolder();
    const manifestFile = join(dir, `manifest-${createHash("sha1").update(entry).digest("hex").slice(0, 16)}.json`);
    const reused = unchangedBundle(manifestFile);
    url = pathToFileURL(reused ?? makeBundle(entry, dir, manifestFile));
  } catch {
    url = null;
  }
  bundles.set(entry, url);
  return url;
}

/**
 * The folder for bundles in the system's temporary folder, made readable and writable by this user
 * alone. A folder of that name that another user could write to is not used: code run from it
 * could be anyone's.
 */
function privateFolder(): string {
  const uid = process.getuid?.();
  const dir = join(tmpdir(), `driftline-workers-${uid ?? "user"}`);
  mkdirSync(dir, {recursive: true, mode: 0o700});
  const stat = statSync(dir);
  if (!stat.isDirectory() || (uid !== undefined && stat.uid !== uid) || (stat.mode & 0o022) !== 0) {
    throw new Error(`${dir} is not this user's own folder`);
  }
  return dir;
}

function unchangedBundle(manifestFile: string): string | null {
  try {
    const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as Manifest;
    if (!existsSync(manifest.bundle)) return null;
    for (const [path, size, mtimeMs] of manifest.inputs) {
      const stat = statSync(path);
      if (stat.size !== size || stat.mtimeMs !== mtimeMs) return null;
    }
    // Its modification time says when it was last used, which decides when it may be removed.
    try {
      const now = new Date();
      utimesSync(manifest.bundle, now, now);
    } catch {
      // Not markable (a read-only folder): still usable.
    }
    return manifest.bundle;
  } catch {
    return null;
  }
}

/**
 * Removes the bundles (and files left half-written) in `dir` that no run has used for
 * UNUSED_BUNDLE_MS, except `keep`. A run that uses a bundle marks it used first, so none in use goes.
 */
function pruneBundles(dir: string, keep: string): void {
  const before = Date.now() - UNUSED_BUNDLE_MS;
  for (const name of readdirSync(dir)) {
    if (!/^workers-[0-9a-f]{16}\.mjs(?:\.\d+\.partial)?$/.test(name)) continue;
    const path = join(dir, name);
    if (path === keep) continue;
    try {
      if (statSync(path).mtimeMs < before) unlinkSync(path);
    } catch {
      // Removed by another run meanwhile.
    }
  }
}

function makeBundle(entry: string, dir: string, manifestFile: string): string {
  const esbuild = createRequire(import.meta.url)("esbuild") as typeof import("esbuild");
  const result = esbuild.buildSync({
    entryPoints: [fileURLToPath(entry)],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    write: false,
    metafile: true,
    logLevel: "silent",
    define: {"import.meta.url": JSON.stringify(entry)},
    // Packages written as CommonJS call `require`, which an ES module does not have.
    banner: {js: `import {createRequire as __driftlineRequire} from "node:module"; const require = __driftlineRequire(${JSON.stringify(entry)});`},
  });
  const code = result.outputFiles[0]!.contents;
  const file = join(dir, `workers-${createHash("sha1").update(code).digest("hex").slice(0, 16)}.mjs`);
  // Files are written under names of their own and renamed, so a process starting workers at the
  // same moment never reads half a file.
  const writeWhole = (path: string, data: string | Uint8Array) => {
    const partial = `${path}.${process.pid}.partial`;
    writeFileSync(partial, data);
    renameSync(partial, path);
  };
  if (!existsSync(file)) writeWhole(file, code);
  const inputs: Manifest["inputs"] = Object.keys(result.metafile!.inputs).map((input) => {
    const path = resolve(input);
    const stat = statSync(path);
    return [path, stat.size, stat.mtimeMs];
  });
  writeWhole(manifestFile, JSON.stringify({bundle: file, inputs} satisfies Manifest));
  pruneBundles(dir, file);
  return file;
}
