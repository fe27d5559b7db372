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
  const files = new Map<string, string>(); // real path → display path
  const display = (absolute: string) => {
    const rel = relative(cwd, absolute);
    return (rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : absolute).split(sep).join("/");
  };

  async function visit(absolute: string, root: string, explicit: boolean): Promise<void> {
    let info;
    try {
      info = await lstat(absolute);
    } catch {
      if (explicit) missing.push(display(absolute));
      return;
    }
    let target = absolute;
    if (info.isSymbolicLink()) {
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
      let entries: string[];
      try {
        entries = (await readdir(target)).sort();
      } catch {
        diagnostics.push({path: display(absolute), level: "error", code: "unreadable-folder", message: "The folder cannot be read (permissions?); skipped."});
        return;
      }
      const folderRoot = explicit ? await realpath(target) : root;
      for (const name of entries) {
        if (name.startsWith(".")) continue; // hidden files and folders (.git, .DS_Store) are not articles
        await visit(join(absolute, name), folderRoot, false);
      }
      return;
    }
    if (!info.isFile()) return;
    const real = await realpath(target).catch(() => target);
    if (files.has(real)) return;
    files.set(real, display(absolute));
    void root;
  }

  for (const p of paths) {
    const absolute = resolve(cwd, p);
    const root = await realpath(absolute).catch(() => absolute);
    await visit(absolute, root, true);
  }

  const sources: SourceFile[] = [];
  const ordered = [...files.entries()].sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  for (const [real, path] of ordered) {
    if (!formatOf(path)) {
      diagnostics.push({path, level: "info", code: "unsupported-format", message: "Skipped: not an article format (.txt, .md, .json, .jsonl)."});
      continue;
    }
    try {
      const {size} = await stat(real);
      if (size > maxBytes) {
        diagnostics.push({
          path,
          level: "error",
          code: "file-too-large",
          message: `The file is ${(size / 1048576).toFixed(1)} MB, over the ${(maxBytes / 1048576).toFixed(1)} MB cap; skipped (raise it with --max-bytes or DRIFTLINE_MAX_BYTES).`
        });
        continue;
      }
      sources.push({path, bytes: new Uint8Array(await readFile(real))});
    } catch {
      diagnostics.push({path, level: "error", code: "unreadable-file", message: "The file cannot be read (permissions?); skipped."});
    }
  }
  return {sources, diagnostics, missing};
}

function isInside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}
