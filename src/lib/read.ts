/**
 * Reading the corpus from disk: files and folders (recursively, in a stable order), with a size cap,
 * never following a link out of the folder it was found in. Unreadable or oversized files become
 * diagnostics; the rest is read.
 */
import {lstat, readdir, readFile, realpath, stat} from "node:fs/promises";
import {isAbsolute, join, relative, resolve, sep} from "node:path";
import {formatOf, type SourceFile} from "./ingest.js";
import type {Diagnostic} from "./types.js";

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/** Files read at once. */
const READ_CONCURRENCY = 16;

export interface ReadOptions {
  /** Files larger than this are reported and skipped (default 20 MB). */
  maxBytes?: number;
  /** Paths in the output are made relative to this folder (default: the working directory). */
  cwd?: string;
}

export interface ReadResult {
  sources: SourceFile[];
  diagnostics: Diagnostic[];
  /** Input paths that do not exist. */
  missing: string[];
}

/**
 * Lists and reads every article file under the given paths.
 * @example const {sources} = await readCorpus(["seeds"]);
 */
export async function readCorpus(paths: readonly string[], {maxBytes = DEFAULT_MAX_BYTES, cwd = process.cwd()}: ReadOptions = {}): Promise<ReadResult> {
  const diagnostics: Diagnostic[] = [];
  const missing: string[] = [];
  const files = new Map<string, {path: string; viaLink: boolean}>(); // real path → display path
  const visitedFolders = new Set<string>(); // real paths of folders already listed (links may loop)
  const display = (absolute: string) => {
    const rel = relative(cwd, absolute);
    return (rel && !leavesFolder(rel) ? rel : absolute).split(sep).join("/");
  };

  async function visit(absolute: string, root: string, explicit: boolean, viaLink = false): Promise<void> {
    let info;
    try {
      info = await lstat(absolute);
    } catch {
      if (explicit) missing.push(display(absolute));
      return;
    }
    let target = absolute;
    const isLink = info.isSymbolicLink();
    if (isLink) {
      try {
        target = await realpath(absolute);
        info = await stat(target);
      } catch {
        diagnostics.push({path: display(absolute), level: "warning", code: "broken-link", message: "A symbolic link that leads nowhere; skipped."});
        return;
      }
      if (!explicit && !isInside(target, root)) {
        diagnostics.push({path: display(absolute), level: "warning", code: "link-outside-input", message: "A symbolic link leading out of the input folder; not followed."});
        return;
      }
    }
    if (info.isDirectory()) {
      const realFolder = await realpath(target).catch(() => target);
      if (visitedFolders.has(realFolder)) {
        if (isLink) diagnostics.push({path: display(absolute), level: "info", code: "link-repeats-folder", message: "A symbolic link to a folder that is already read; not read twice."});
        return;
      }
      visitedFolders.add(realFolder);
      let entries: string[];
      try {
        entries = (await readdir(target)).sort();
      } catch {
        diagnostics.push({path: display(absolute), level: "error", code: "unreadable-folder", message: "The folder cannot be read (permissions?); skipped."});
        return;
      }
      const folderRoot = explicit ? realFolder : root;
      // Plain entries first, links after: a file reached both ways is named by its own path.
      const links: string[] = [];
      for (const name of entries) {
        if (name.startsWith(".")) continue; // hidden files and folders (.git, .DS_Store) are not articles
        const child = join(absolute, name);
        if (await lstat(child).then((s) => s.isSymbolicLink(), () => false)) links.push(child);
        else await visit(child, folderRoot, false, viaLink);
      }
      for (const child of links) await visit(child, folderRoot, false, true);
      return;
    }
    if (!info.isFile()) {
      diagnostics.push({path: display(absolute), level: "info", code: "not-a-file", message: "Not a regular file (a device, socket or pipe); skipped."});
      return;
    }
    const real = await realpath(target).catch(() => target);
    const known = files.get(real);
    if (known && !(known.viaLink && !(viaLink || isLink))) return;
    files.set(real, {path: display(absolute), viaLink: viaLink || isLink});
  }

  for (const p of paths) {
    const absolute = resolve(cwd, p);
    const root = await realpath(absolute).catch(() => absolute);
    await visit(absolute, root, true);
  }

  const sources: SourceFile[] = [];
  const ordered = [...files.entries()].map(([real, {path}]) => [real, path] as const).sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  const readOne = async ([real, path]: readonly [string, string]): Promise<SourceFile | Diagnostic> => {
    if (!formatOf(path)) return {path, level: "info", code: "unsupported-format", message: "Skipped: not an article format (.txt, .md, .json, .jsonl)."};
    try {
      const {size} = await stat(real);
      if (size > maxBytes) {
        return {
          path,
          level: "error",
          code: "file-too-large",
          message: `The file is ${formatSize(size)}, over the ${formatSize(maxBytes)} cap; skipped (raise it with --max-bytes or DRIFTLINE_MAX_BYTES).`
        };
      }
      const buffer = await readFile(real);
      // A plain view of the file's own memory (no second copy); a copy only when the buffer is a
      // slice of a shared pool.
      const whole = buffer.byteOffset === 0 && buffer.byteLength === buffer.buffer.byteLength;
      return {path, bytes: whole ? new Uint8Array(buffer.buffer, 0, buffer.byteLength) : new Uint8Array(buffer)};
    } catch {
      return {path, level: "error", code: "unreadable-file", message: "The file cannot be read (permissions?); skipped."};
    }
  };
  // Files are read a few dozen at a time (the disk and the thread pool overlap), results kept in order.
  for (let start = 0; start < ordered.length; start += READ_CONCURRENCY) {
    for (const result of await Promise.all(ordered.slice(start, start + READ_CONCURRENCY).map(readOne))) {
      if ("bytes" in result) sources.push(result);
      else diagnostics.push(result);
    }
  }
  return {sources, diagnostics, missing};
}

/**
 * A byte count for people: "512 bytes", "4.9 KB", "50.0 MB".
 * @example formatSize(52428800) // "50.0 MB"
 */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1048576).toFixed(1)} MB`;
}

function isInside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === "" || !leavesFolder(rel);
}

/** Whether a relative path climbs out of its folder ("..", "../x", or another drive). */
function leavesFolder(rel: string): boolean {
  return rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel);
}
