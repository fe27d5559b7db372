import {existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterEach, describe, expect, it} from "vitest";
import {BUILD_RECORD, finishBuildRecord, isWithin, prepareOutputFolder, startBuildRecord} from "../src/cli/output-folder.js";

const made: string[] = [];
const temp = () => {
  const dir = mkdtempSync(join(tmpdir(), "driftline-output-"));
  made.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, {recursive: true, force: true});
});

/** What a build writes: a page and a folder of assets. */
function fakeBuild(output: string) {
  mkdirSync(join(output, "_observablehq"), {recursive: true});
  writeFileSync(join(output, "_observablehq", "client.js"), "");
  writeFileSync(join(output, "index.html"), "");
}

describe("isWithin", () => {
  it("tells a folder inside the project from one beside it", () => {
    expect(isWithin("/p/driftline", "/p/driftline/dist")).toBe(true);
    expect(isWithin("/p/driftline", "/p/driftline")).toBe(true);
    expect(isWithin("/p/driftline", "/p/driftline-report")).toBe(false);
    expect(isWithin("/p/driftline", "/tmp/report")).toBe(false);
  });
});

describe("prepareOutputFolder", () => {
  const project = "/nonexistent/project";

  it("leaves a folder inside the project to Framework", () => {
    expect(prepareOutputFolder(join(project, "dist"), project)).toEqual({ok: true, removed: []});
  });

  it("uses a new or empty folder as it is", () => {
    const dir = temp();
    expect(prepareOutputFolder(join(dir, "new"), project)).toEqual({ok: true, removed: []});
    expect(prepareOutputFolder(dir, project)).toEqual({ok: true, removed: []});
  });

  it("removes what the previous build wrote and keeps the user's own files", () => {
    const dir = temp();
    writeFileSync(join(dir, "notes.txt"), "mine");
    const before = startBuildRecord(dir);
    fakeBuild(dir);
    finishBuildRecord(dir, before);
    const prepared = prepareOutputFolder(dir, project);
    expect(prepared).toEqual({ok: true, removed: ["_observablehq", "index.html"]});
    expect(readdirSync(dir).sort()).toEqual([BUILD_RECORD, "notes.txt"]);
  });

  it("removes what a build that stopped part way wrote", () => {
    const dir = temp();
    writeFileSync(join(dir, "notes.txt"), "mine");
    startBuildRecord(dir);
    fakeBuild(dir);
    expect(prepareOutputFolder(dir, project)).toEqual({ok: true, removed: ["_observablehq", "index.html"]});
    expect(existsSync(join(dir, "notes.txt"))).toBe(true);
  });

  it("creates a missing folder with its record, so a failed first build can be cleared", () => {
    const dir = join(temp(), "report");
    expect(startBuildRecord(dir)).toEqual([]);
    fakeBuild(dir);
    expect(prepareOutputFolder(dir, project)).toEqual({ok: true, removed: ["_observablehq", "index.html"]});
  });

  it("refuses a folder of other files, and a record that names paths outside the folder is not followed", () => {
    const dir = temp();
    writeFileSync(join(dir, "thesis.docx"), "");
    const refused = prepareOutputFolder(dir, project);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.message).toMatch(/no Driftline build wrote/);
    writeFileSync(join(dir, "index.html"), "");
    writeFileSync(join(dir, BUILD_RECORD), JSON.stringify({before: ["thesis.docx"], written: ["..", "../x", "index.html"]}));
    expect(prepareOutputFolder(dir, project)).toEqual({ok: true, removed: ["index.html"]});
    expect(existsSync(join(dir, "thesis.docx"))).toBe(true);
    writeFileSync(join(dir, BUILD_RECORD), "not json");
    expect(prepareOutputFolder(dir, project).ok).toBe(false);
  });

  it("refuses a file", () => {
    const dir = temp();
    writeFileSync(join(dir, "file"), "");
    expect(prepareOutputFolder(join(dir, "file"), project).ok).toBe(false);
  });
});
