import {chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {dirname, join} from "node:path";
import {fileURLToPath, pathToFileURL} from "node:url";
import {afterAll, describe, expect, it, vi} from "vitest";

const dir = mkdtempSync(join(tmpdir(), "driftline-bundle-test-"));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

// A small module graph in TypeScript: an entry that imports another module and reads its own URL.
const entryPath = join(dir, "entry.ts");
const partPath = join(dir, "part.ts");
writeFileSync(partPath, "export const answer: number = 42;\n");
writeFileSync(entryPath, 'import {answer} from "./part.ts";\nexport const value: number = answer + 1;\nexport const where: string = import.meta.url;\n');
const entry = pathToFileURL(entryPath).href;

const {UNUSED_BUNDLE_MS} = await import("../src/lib/worker-bundle.js");

const fresh = async () => {
  vi.resetModules();
  return (await import("../src/lib/worker-bundle.js")).workerBundle;
};

describe("workerBundle", () => {
  it("bundles a TypeScript module and what it imports into one plain JavaScript file", async () => {
    const workerBundle = await fresh();
    const url = workerBundle(entry)!;
    expect(url.protocol).toBe("file:");
    const code = readFileSync(fileURLToPath(url), "utf8");
    expect(code).not.toContain(": number");
    const loaded = await import(url.href);
    expect(loaded.value).toBe(43);
    // import.meta.url is the entry's, so paths relative to the sources stay right
    expect(loaded.where).toBe(entry);
    expect(workerBundle(entry)).toBe(url);
  });

  it("uses a bundle again while its inputs are unchanged, and makes a new one when one changes", async () => {
    const first = (await fresh())(entry)!;
    expect((await fresh())(entry)!.href).toBe(first.href);
    writeFileSync(partPath, "export const answer: number = 7;\n");
    const later = new Date(Date.now() + 5000);
    utimesSync(partPath, later, later);
    const second = (await fresh())(entry)!;
    expect(second.href).not.toBe(first.href);
    expect((await import(second.href)).value).toBe(8);
  });

  it("removes bundles unused for a week when it makes a new one, and keeps those used since", async () => {
    const previous = process.env.TMPDIR;
    process.env.TMPDIR = mkdtempSync(join(dir, "tmp-"));
    try {
      await pruning();
    } finally {
      if (previous === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = previous;
    }
  });
  const pruning = async () => {
    const first = fileURLToPath((await fresh())(entry)!);
    const folder = dirname(first);
    const stale = join(folder, "workers-00000000000000aa.mjs");
    const recent = join(folder, "workers-00000000000000bb.mjs");
    const other = join(folder, "notes-00000000000000cc.mjs");
    const old = new Date(Date.now() - UNUSED_BUNDLE_MS - 60_000);
    for (const file of [stale, recent, other]) writeFileSync(file, "export {};\n");
    utimesSync(stale, old, old);
    utimesSync(other, old, old);
    // The bundle in use, though made long ago, is marked used when it is used again.
    utimesSync(first, old, old);
    expect(fileURLToPath((await fresh())(entry)!)).toBe(first);
    writeFileSync(partPath, "export const answer: number = 9;\n");
    const later = new Date(Date.now() + 10_000);
    utimesSync(partPath, later, later);
    (await fresh())(entry);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(recent)).toBe(true);
    expect(existsSync(other)).toBe(true);
    expect(existsSync(first)).toBe(true);
  };

  it("does not use a bundle folder that other users can write to", async () => {
    const previous = process.env.TMPDIR;
    const shared = mkdtempSync(join(tmpdir(), "driftline-bundle-shared-"));
    try {
      process.env.TMPDIR = shared;
      const folder = join(shared, `driftline-workers-${process.getuid?.() ?? "user"}`);
      mkdirSync(folder);
      chmodSync(folder, 0o777);
      expect((await fresh())(entry)).toBeNull();
      chmodSync(folder, 0o700);
      expect((await fresh())(entry)).not.toBeNull();
    } finally {
      if (previous === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = previous;
      rmSync(shared, {recursive: true, force: true});
    }
  });

  it("gives null when the entry cannot be bundled", async () => {
    expect((await fresh())(pathToFileURL(join(dir, "missing.ts")).href)).toBeNull();
  });
});
