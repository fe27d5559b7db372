import {execFileSync} from "node:child_process";
import {chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {readCorpus} from "../src/lib/read.js";

let base: string;
let input: string;
let rootCanRead = false;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), "driftline-read-"));
  input = join(base, "input");
  mkdirSync(join(input, "sub", "deeper"), {recursive: true});
  mkdirSync(join(input, ".git"));
  mkdirSync(join(base, "outside"));
  writeFileSync(join(base, "outside", "secret.txt"), "Secret\n\nNot part of the input.");
  writeFileSync(join(input, "b.txt"), "B headline\n\nText.");
  writeFileSync(join(input, "a.md"), "A headline\n\nText.");
  writeFileSync(join(input, "sub", "c.json"), JSON.stringify({title: "C", maintext: "Text."}));
  writeFileSync(join(input, "sub", "deeper", "d e.txt"), "D\n\nText.");
  writeFileSync(join(input, ".hidden.txt"), "Hidden\n\nText.");
  writeFileSync(join(input, ".git", "HEAD.txt"), "ref");
  writeFileSync(join(input, "photo.png"), "not an article");
  writeFileSync(join(input, "big.txt"), `Big\n\n${"x".repeat(5000)}`);
  writeFileSync(join(input, "locked.txt"), "Locked\n\nText.");
  chmodSync(join(input, "locked.txt"), 0o000);
  try {
    readFileSync(join(input, "locked.txt"));
    rootCanRead = true;
  } catch {
    rootCanRead = false;
  }
  symlinkSync(join(base, "outside", "secret.txt"), join(input, "link-out.txt"));
  symlinkSync(join(base, "outside"), join(input, "link-out-folder"));
  symlinkSync("..", join(input, "sub", "loop"));
  symlinkSync(join(input, "b.txt"), join(input, "alias-of-b.txt"));
  symlinkSync(join(base, "nowhere.txt"), join(input, "broken.txt"));
  execFileSync("mkfifo", [join(input, "pipe.txt")]);
});

afterAll(() => {
  chmodSync(join(input, "locked.txt"), 0o644);
  rmSync(base, {recursive: true, force: true});
});

describe("readCorpus", () => {
  it("reads folders recursively in a stable order, skipping hidden files and naming non-articles", async () => {
    const {sources, diagnostics, missing} = await readCorpus([input], {cwd: base, maxBytes: 1000});
    expect(missing).toEqual([]);
    expect(sources.map((s) => s.path)).toEqual(
      ["input/a.md", "input/b.txt", rootCanRead ? "input/locked.txt" : null, "input/sub/c.json", "input/sub/deeper/d e.txt"].filter((p) => p !== null)
    );
    const byCode = Object.fromEntries(diagnostics.map((d) => [d.path, d.code]));
    expect(byCode["input/photo.png"]).toBe("unsupported-format");
    expect(byCode["input/big.txt"]).toBe("file-too-large");
    expect(byCode["input/link-out.txt"]).toBe("link-outside-input");
    expect(byCode["input/link-out-folder"]).toBe("link-outside-input");
    expect(byCode["input/sub/loop"]).toBe("link-repeats-folder");
    expect(byCode["input/broken.txt"]).toBe("broken-link");
    expect(byCode["input/pipe.txt"]).toBe("not-a-file"); // reading a named pipe would wait forever
    expect(sources.some((s) => new TextDecoder().decode(s.bytes).includes("Secret"))).toBe(false);
  });

  it("names a file reached both directly and through a link by its own path, once", async () => {
    const {sources} = await readCorpus([input], {cwd: base});
    expect(sources.filter((s) => new TextDecoder().decode(s.bytes).startsWith("B headline")).map((s) => s.path)).toEqual(["input/b.txt"]);
  });

  it("reports an unreadable file and reads the rest", async (context) => {
    if (rootCanRead) {
      process.stderr.write("read.test: running as root, a chmod 000 file is still readable: the unreadable-file assertion is skipped\n");
      context.skip();
    }
    const {sources, diagnostics} = await readCorpus([input], {cwd: base});
    expect(diagnostics).toContainEqual(expect.objectContaining({path: "input/locked.txt", level: "error", code: "unreadable-file"}));
    expect(sources.length).toBeGreaterThan(3);
  });

  it("explains the size cap and how to raise it, and reads the file once raised", async () => {
    const capped = await readCorpus([join(input, "big.txt")], {cwd: base, maxBytes: 1000});
    expect(capped.sources).toEqual([]);
    expect(capped.diagnostics[0]!.message).toMatch(/^The file is 4.9 KB, over the 1000 bytes cap.*--max-bytes or DRIFTLINE_MAX_BYTES/);
    const raised = await readCorpus([join(input, "big.txt")], {cwd: base, maxBytes: 10_000});
    expect(raised.sources.map((s) => s.path)).toEqual(["input/big.txt"]);
  });

  it("gives the same sources whether files are listed one by one, in any order, or as their folder", async () => {
    const folder = await readCorpus([join(input, "sub")], {cwd: base});
    const files = await readCorpus([join(input, "sub", "deeper", "d e.txt"), join(input, "sub", "c.json")], {cwd: base});
    expect(files.sources).toEqual(folder.sources);
    const twice = await readCorpus([join(input, "sub"), join(input, "sub", "c.json")], {cwd: base});
    expect(twice.sources).toEqual(folder.sources);
  });

  it("lists missing paths instead of throwing", async () => {
    const {missing, sources} = await readCorpus([join(base, "no-such-folder"), join(input, "a.md")], {cwd: base});
    expect(missing).toEqual(["no-such-folder"]);
    expect(sources.map((s) => s.path)).toEqual(["input/a.md"]);
  });

  it("follows a link given explicitly on the command line", async () => {
    const {sources} = await readCorpus([join(input, "link-out.txt")], {cwd: base});
    expect(sources.map((s) => s.path)).toEqual(["input/link-out.txt"]);
  });
});
