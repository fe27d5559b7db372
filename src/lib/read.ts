/**
 * Reading the corpus from disk: files and folders (recursively, in a stable order), with a size cap,
 * never following a link out of the folder it was found in. Unreadable or oversized files become
 * diagnostics; the rest is read.
 */
import {lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Dirent} from "node:fs";
import {basename, isAbsolute, join, relative, resolve, sep} from "node:path";
import {formatOf, type SourceFile} from "./ingest.js";
import type {Diagnostic} from "./types.js";

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export interface ReadOptions {
  /** Files larger than this are reported and skipped (default 20 MB). */
  maxBytes?: number;
  /** Paths in the output are made relative to this folder (default: the working directory). */
  cwd?: string;
}

/** One file to read: its real path on disk and the path shown in the output. */
export interface CorpusFile {
  real: string;
  path: string;
}

export interface ListResult {
  /** Files in output order (by shown path). */
  files: CorpusFile[];
  diagnostics: Diagnostic[];
  /** Input paths that do not exist. */
  missing: string[];
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
  const {files, diagnostics, missing} = await listCorpus(paths, {cwd});
  const sources: SourceFile[] = [];
  for (const file of files) {
    const result = readCorpusFile(file, maxBytes);
    if ("bytes" in result) sources.push(result);
    else diagnostics.push(result);
  }
  return {sources, diagnostics, missing};
}

/**
 * Lists every article file under the given paths (recursively, in a stable order), without reading
 * them: `readCorpusFile` reads one (the pipeline reads them on its worker threads).
 * @example const {files} = await listCorpus(["seeds"]);
 */
export async function listCorpus(paths: readonly string[], {cwd = process.cwd()}: Pick<ReadOptions, "cwd"> = {}): Promise<ListResult> {
  const diagnostics: Diagnostic[] = [];
  const missing: string[] = [];
  const files = new Map<string, {path: string; viaLink: boolean}>(); // real path → display path
  const visitedFolders = new Set<string>(); // real paths of folders already listed (links may loop)
  const display = (absolute: string) => {
    const rel = relative(cwd, absolute);
    return (rel && !leavesFolder(rel) ? rel : absolute).split(sep).join("/");
  };

  // Synchronous calls: a walk over ten thousand files is several times faster without a promise
  // per system call, and nothing else runs meanwhile.
  type Kind = "file" | "folder" | "link" | "other";
  const kindOf = (info: {isSymbolicLink(): boolean; isDirectory(): boolean; isFile(): boolean}): Kind =>
    info.isSymbolicLink() ? "link" : info.isDirectory() ? "folder" : info.isFile() ? "file" : "other";

  /** `realParent`: the real path of the folder holding `absolute`, when it was listed (saves a `realpath` per file). */
  function visit(absolute: string, root: string, explicit: boolean, viaLink = false, listed?: {kind: Kind; realParent: string}): void {
    let kind: Kind;
    if (listed) kind = listed.kind;
    else {
      try {
        kind = kindOf(lstatSync(absolute));
      } catch {
        if (explicit) missing.push(display(absolute));
        return;
      }
    }
    let target = absolute;
    const isLink = kind === "link";
    if (isLink) {
      try {
        target = realpathSync(absolute);
        kind = kindOf(statSync(target));
      } catch {
        diagnostics.push({path: display(absolute), level: "warning", code: "broken-link", message: "A symbolic link that leads nowhere; skipped."});
        return;
      }
      if (!explicit && !isInside(target, root)) {
        diagnostics.push({path: display(absolute), level: "warning", code: "link-outside-input", message: "A symbolic link leading out of the input folder; not followed."});
        return;
      }
    }
    if (kind === "folder") {
      let realFolder = target;
      try {
        realFolder = isLink ? target : listed ? join(listed.realParent, basename(absolute)) : realpathSync(target);
      } catch {
        // keep the path as given
      }
      if (visitedFolders.has(realFolder)) {
        if (isLink) diagnostics.push({path: display(absolute), level: "info", code: "link-repeats-folder", message: "A symbolic link to a folder that is already read; not read twice."});
        return;
      }
      visitedFolders.add(realFolder);
      let entries: Dirent[];
      try {
        entries = readdirSync(target, {withFileTypes: true}).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      } catch {
        diagnostics.push({path: display(absolute), level: "error", code: "unreadable-folder", message: "The folder cannot be read (permissions?); skipped."});
        return;
      }
      const folderRoot = explicit ? realFolder : root;
      // Plain entries first, links after: a file reached both ways is named by its own path.
      const links: string[] = [];
      for (const entry of entries) {
        if (entry.name.startsWith(".")) continue; // hidden files and folders (.git, .DS_Store) are not articles
        const child = join(absolute, entry.name);
        const childKind = kindOf(entry);
        if (childKind === "link") links.push(child);
        else visit(child, folderRoot, false, viaLink, {kind: childKind, realParent: realFolder});
      }
      for (const child of links) visit(child, folderRoot, false, true);
      return;
    }
    if (kind !== "file") {
      diagnostics.push({path: display(absolute), level: "info", code: "not-a-file", message: "Not a regular file (a device, socket or pipe); skipped."});
      return;
    }
    let real = target;
    try {
      real = isLink ? target : listed ? join(listed.realParent, basename(absolute)) : realpathSync(target);
    } catch {
      // keep the path as given
    }
    const known = files.get(real);
    if (known && !(known.viaLink && !(viaLink || isLink))) return;
    files.set(real, {path: display(absolute), viaLink: viaLink || isLink});
  }

  for (const p of paths) {
    const absolute = resolve(cwd, p);
    let root = absolute;
    try {
      root = realpathSync(absolute);
    } catch {
      // reported as missing below
    }
    visit(absolute, root, true);
  }

  const ordered = [...files.entries()].map(([real, {path}]) => ({real, path})).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {files: ordered, diagnostics, missing};
}

/**
 * Reads one listed file: its bytes, or a diagnostic when it is not an article format, is over the
 * size cap, or cannot be read.
 * @example readCorpusFile({real: "/data/a.txt", path: "a.txt"}, DEFAULT_MAX_BYTES) // {path: "a.txt", bytes}
 */
export function readCorpusFile({real, path}: CorpusFile, maxBytes: number = DEFAULT_MAX_BYTES): SourceFile | Diagnostic {
  if (!formatOf(path)) return {path, level: "info", code: "unsupported-format", message: "Skipped: not an article format (.txt, .md, .json, .jsonl)."};
  try {
    const {size} = statSync(real);
    if (size > maxBytes) {
      return {
        path,
        level: "error",
        code: "file-too-large",
        message: `The file is ${formatSize(size)}, over the ${formatSize(maxBytes)} cap; skipped (raise it with --max-bytes or DRIFTLINE_MAX_BYTES).`
      };
    }
    const buffer = readFileSync(real);
    // A plain view of the file's own memory (no second copy); a copy only when the buffer is a
    // slice of a shared pool.
    const whole = buffer.byteOffset === 0 && buffer.byteLength === buffer.buffer.byteLength;
    return {path, bytes: whole ? new Uint8Array(buffer.buffer, 0, buffer.byteLength) : new Uint8Array(buffer)};
  } catch {
    return {path, level: "error", code: "unreadable-file", message: "The file cannot be read (permissions?); skipped."};
  }
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
