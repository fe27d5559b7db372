/**
 * The same input gives the same report: byte-identical `analyze` output whatever the order the
 * files are listed in, the machine's time zone (UTC, Pacific/Auckland) and locale; and the same
 * loader output (the data files of dist/) under different zones and locales.
 */
import {spawn} from "node:child_process";
import {readdirSync} from "node:fs";
import {dirname, join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {GENERATED, makeHostileCorpus, type HostileCorpus} from "./fixtures/make-hostile.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const TSX = join(ROOT, "node_modules", ".bin", "tsx");
const CLI = join(ROOT, "src", "cli", "analyze.ts");

/** Machine settings the output must not depend on. */
const SETTINGS = {
  utc: {TZ: "UTC", LANG: "C", LC_ALL: "C"},
  auckland: {TZ: "Pacific/Auckland", LANG: "tr_TR.UTF-8", LC_ALL: "tr_TR.UTF-8"},
  losAngelesGerman: {TZ: "America/Los_Angeles", LANG: "de_DE.UTF-8", LC_ALL: "de_DE.UTF-8"},
  kathmanduArabic: {TZ: "Asia/Kathmandu", LANG: "ar_EG.UTF-8", LC_ALL: "ar_EG.UTF-8"}
} satisfies Record<string, NodeJS.ProcessEnv>;

function run(args: string[], {cwd = ROOT, env = {}}: {cwd?: string; env?: NodeJS.ProcessEnv} = {}): Promise<{status: number | null; stdout: string; stderr: string}> {
  return new Promise((done, fail) => {
    const child = spawn(TSX, args, {cwd, env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "1", ...env}});
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    child.on("error", fail);
    child.on("close", (status) => done({status, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8")}));
  });
}

async function analyze(paths: string[], options: {cwd?: string; env?: NodeJS.ProcessEnv} = {}): Promise<string> {
  const result = await run([CLI, "--quiet", ...paths], options);
  if (result.status !== 0) throw new Error(`analyze ${paths.join(" ")} failed (${result.status}): ${result.stderr}`);
  return result.stdout;
}

/** The output without `inputs` (which records the paths as given, so it differs by design). */
function withoutInputs(json: string, dropPaths: (path: string) => boolean = () => false): string {
  const analysis = JSON.parse(json);
  delete analysis.inputs;
  analysis.diagnostics = analysis.diagnostics.filter((d: {path: string}) => !dropPaths(d.path));
  return JSON.stringify(analysis, null, 2);
}

/** A fixed shuffle (the test must itself be deterministic). */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe("analyze is deterministic on seeds/", () => {
  const files = readdirSync(join(ROOT, "seeds")).map((f) => `seeds/${f}`);
  let reference: string;
  beforeAll(async () => {
    reference = await analyze(["seeds"], {env: SETTINGS.utc});
  }, 60_000);

  it("gives byte-identical output under other time zones and locales", async () => {
    const outputs = await Promise.all(Object.values(SETTINGS).map((env) => analyze(["seeds"], {env})));
    for (const output of outputs) expect(output).toBe(reference);
  });

  it("gives the same output when the files are listed one by one, in any order", async () => {
    const outputs = await Promise.all([
      analyze(shuffled(files, 1), {env: SETTINGS.auckland}),
      analyze(shuffled(files, 2), {env: SETTINGS.utc}),
      analyze([...files].reverse(), {env: SETTINGS.losAngelesGerman}),
      analyze(["seeds/", ...shuffled(files, 3)], {env: SETTINGS.kathmanduArabic})
    ]);
    for (const output of outputs) expect(withoutInputs(output)).toBe(withoutInputs(reference));
  });

  it("gives byte-identical output for two runs with the same arguments", async () => {
    const [a, b] = await Promise.all([analyze(shuffled(files, 4)), analyze(shuffled(files, 4))]);
    expect(a).toBe(b);
  });
});

describe("analyze is deterministic on the hostile corpus", () => {
  let corpus: HostileCorpus;
  let base: string;
  let reference: string;
  const links = new Set<string>([GENERATED.linkOut, GENERATED.linkOutFolder, GENERATED.linkLoop]);
  beforeAll(async () => {
    corpus = makeHostileCorpus();
    base = dirname(corpus.dir);
    reference = await analyze(["input"], {cwd: base, env: SETTINGS.utc});
  }, 120_000);
  afterAll(() => corpus?.cleanup());

  it("gives byte-identical output under other time zones and locales", async () => {
    const outputs = await Promise.all([SETTINGS.auckland, SETTINGS.losAngelesGerman].map((env) => analyze(["input"], {cwd: base, env})));
    for (const output of outputs) expect(output).toBe(reference);
  }, 120_000);

  it("gives the same output when the files are listed one by one in shuffled order", async () => {
    // Links given by name are followed (the user asked for them), so they are left out of the list.
    const files = readdirSync(corpus.dir).filter((f) => !links.has(f)).map((f) => `input/${f}`);
    const output = await analyze(shuffled(files, 5), {cwd: base, env: SETTINGS.auckland});
    const isLink = (path: string) => links.has(path.replace(/^input\//, ""));
    expect(withoutInputs(output)).toBe(withoutInputs(reference, isLink));
  }, 120_000);
});

describe("the report's data files are deterministic", () => {
  const LOADERS = ["corpus.json.ts", "timeline.json.ts", "claims.json.ts", "phrasing.json.ts", "diagnostics.json.ts"];

  it("each loader prints the same bytes under different time zones and locales", async () => {
    const seedIds = readdirSync(join(ROOT, "seeds")).map((f) => f.replace(/\.txt$/, ""));
    const jobs = [...LOADERS.map((l) => [resolve(ROOT, "src", "data", l)]), [resolve(ROOT, "src", "data", "documents", "[id].json.ts"), "--id", seedIds[0]!]];
    const env = (settings: NodeJS.ProcessEnv) => ({...settings, DRIFTLINE_INPUT: ""});
    // Warm the shared analysis cache first, so the parallel runs below do not race to write it.
    await run(jobs[0]!, {env: env(SETTINGS.utc)});
    const results = await Promise.all(jobs.flatMap((args) => [run(args, {env: env(SETTINGS.utc)}), run(args, {env: env(SETTINGS.auckland)}), run(args, {env: env(SETTINGS.kathmanduArabic)})]));
    for (let i = 0; i < results.length; i += 3) {
      const [a, b, c] = results.slice(i, i + 3);
      expect(a!.status, a!.stderr).toBe(0);
      expect(a!.stdout.length).toBeGreaterThan(2);
      expect(b!.stdout, jobs[i / 3]!.join(" ")).toBe(a!.stdout);
      expect(c!.stdout, jobs[i / 3]!.join(" ")).toBe(a!.stdout);
    }
  }, 120_000);
});
