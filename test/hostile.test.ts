/**
 * The hostile corpus (test/fixtures/make-hostile.ts) through the whole pipeline, by analyzePaths
 * and by the CLI: the analysis completes, every valid article is in `documents`, every bad file is
 * named in `diagnostics` with a code and a message, nothing is NaN, Infinity or out of its text.
 */
import {spawnSync} from "node:child_process";
import {dirname, join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {analyzeSources} from "../src/lib/analyze.js";
import {extractQuotes} from "../src/lib/quotes.js";
import {loadReferenceData} from "../src/lib/reference.js";
import {analyzePaths} from "../src/lib/run.js";
import type {Analysis, Diagnostic, DocumentRecord} from "../src/lib/types.js";
import {checkAnalysis} from "./contract.js";
import {GENERATED, makeHostileCorpus, type HostileCorpus} from "./fixtures/make-hostile.js";

/** The codes the reading and ingest stages give; other stages' notes (outlet, time…) are not compared. */
const INPUT_CODES = new Set([
  "empty-file", "binary-file", "undecodable", "legacy-encoding", "invalid-utf8", "utf16-without-bom", "unsupported-format", "no-headline",
  "front-matter-invalid", "front-matter-unknown-field", "front-matter-wrong-type", "front-matter-bad-date", "front-matter-bad-timezone",
  "json-invalid", "jsonl-line-invalid", "record-invalid", "record-without-text", "record-wrong-type", "record-bad-date",
  "id-renamed", "duplicate-document", "non-english", "file-too-large", "unreadable-file", "unreadable-folder",
  "link-outside-input", "link-repeats-folder", "broken-link", "not-a-file", "html-read", "html-without-text", "html-bad-date", "html-too-deep", "ingest-failed"
]);

interface Expectation {
  /** Ids of the documents the file must give (empty: none). */
  ids: string[];
  /** The input codes its diagnostics must have, sorted. */
  codes: string[];
}

/** File (relative to the input folder) → what the analysis must say about it. */
const EXPECTATIONS: Record<string, Expectation> = {
  "empty.txt": {ids: [], codes: ["empty-file"]},
  "whitespace-only.txt": {ids: [], codes: ["empty-file"]},
  "image-renamed.txt": {ids: [], codes: ["binary-file"]},
  "nul-bytes.txt": {ids: [], codes: ["binary-file"]},
  "invalid-utf8.txt": {ids: ["invalid-utf8"], codes: ["invalid-utf8"]},
  "windows-1252-smart-quotes.txt": {ids: ["windows-1252-smart-quotes"], codes: ["legacy-encoding"]},
  "latin-1.txt": {ids: ["latin-1"], codes: ["legacy-encoding"]},
  "utf16-le-bom.txt": {ids: ["utf16-le-bom"], codes: []},
  "utf16-be-bom.txt": {ids: ["utf16-be-bom"], codes: []},
  "crlf-line-ends.txt": {ids: ["crlf-line-ends"], codes: []},
  "cr-only-line-ends.txt": {ids: ["cr-only-line-ends"], codes: []},
  [GENERATED.oneLine]: {ids: ["one-line-1mb"], codes: ["no-headline"]},
  [GENERATED.huge]: {ids: [], codes: ["file-too-large"]},
  "no-headline.txt": {ids: ["no-headline"], codes: ["no-headline"]},
  "german-article.txt": {ids: ["german-article"], codes: ["non-english"]},
  "same article (copy).txt": {ids: ["same article (copy)"], codes: []},
  "same-article.txt": {ids: [], codes: ["duplicate-document"]},
  "script-payloads.txt": {ids: ["script-payloads"], codes: []},
  "script-front-matter.md": {ids: ["script-front-matter"], codes: ["front-matter-bad-timezone"]},
  "front-matter-not-yaml.md": {ids: ["front-matter-not-yaml"], codes: ["front-matter-invalid"]},
  "front-matter-bad-date.md": {ids: ["front-matter-bad-date"], codes: ["front-matter-bad-date", "front-matter-bad-date"]},
  "front-matter-unknown-fields.md": {ids: ["front-matter-unknown-fields"], codes: Array(4).fill("front-matter-unknown-field")},
  "front-matter-alias-bomb.md": {ids: ["front-matter-alias-bomb"], codes: ["front-matter-invalid"]},
  "news-please-no-text.json": {ids: [], codes: ["record-without-text"]},
  "news-please-wrong-types.json": {ids: ["news-please-wrong-types"], codes: Array(4).fill("record-wrong-type")},
  "news-please-truncated.json": {ids: [], codes: ["json-invalid"]},
  "news-please-payloads.json": {ids: ["news-please-payloads"], codes: []},
  "news-please-batch.jsonl": {ids: ["batch-1", "batch-2", "batch-4"], codes: ["jsonl-line-invalid", "record-invalid", "record-without-text"]},
  "news-please-no-ids.jsonl": {ids: ["news-please-no-ids#1", "news-please-no-ids#2"], codes: []},
  "absurd-numbers.txt": {ids: ["absurd-numbers"], codes: []},
  "web-page-payloads.html": {ids: ["web-page-payloads"], codes: ["html-read"]},
  "web-page-no-article.html": {ids: [], codes: ["html-without-text"]},
  "same-id.md": {ids: ["same-id"], codes: []},
  "same-id.txt": {ids: ["same-id-2"], codes: ["id-renamed"]},
  [GENERATED.spaces]: {ids: ["file name with spaces"], codes: []},
  [GENERATED.quotes]: {ids: [`it's a "quoted" name`], codes: []},
  [GENERATED.nonAscii]: {ids: ["naïve café Zürich – Ōsaka"], codes: []},
  [GENERATED.payloadName]: {ids: [], codes: ["empty-file"]},
  [GENERATED.urlSyntax]: {ids: ["what? #2 100%"], codes: []},
  [GENERATED.markup]: {ids: [GENERATED.markup.replace(/\.md$/, "")], codes: []},
  [GENERATED.linkOut]: {ids: [], codes: ["link-outside-input"]},
  [GENERATED.linkOutFolder]: {ids: [], codes: ["link-outside-input"]},
  [GENERATED.linkLoop]: {ids: [], codes: ["link-repeats-folder"]}
  // GENERATED.unreadable: unreadable-file, or a document when running as root (see below).
};

let corpus: HostileCorpus;
let analysis: Analysis;
let cli: {status: number | null; stdout: string; stderr: string};

const rel = (path: string) => path.replace(/^input\//, "");
const docsOf = (file: string) => analysis.documents.filter((d) => rel(d.path) === file);
const diagnosticsOf = (file: string) => analysis.diagnostics.filter((d) => rel(d.path) === file);
const inputCodes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => d.code).filter((c) => INPUT_CODES.has(c)).sort();

beforeAll(async () => {
  corpus = makeHostileCorpus();
  analysis = (await analyzePaths([corpus.dir], {cwd: dirname(corpus.dir)})).analysis;
  cli = spawnSync("npx", ["tsx", "src/cli/analyze.ts", "--quiet", corpus.dir], {encoding: "utf8", maxBuffer: 512 * 1024 * 1024});
}, 120_000);

afterAll(() => corpus?.cleanup());

/** Every number anywhere in a value, with its path. */
function* numbers(value: unknown, path = "$"): Generator<[string, number]> {
  if (typeof value === "number") yield [path, value];
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* numbers(v, `${path}[${i}]`);
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) yield* numbers(v, `${path}.${k}`);
}

/** Every `span`-like pair under a value ([start, end] under a key named span, titleSpan, source or target). */
function* spans(value: unknown, path: string): Generator<[string, unknown]> {
  if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* spans(v, `${path}[${i}]`);
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if ((k === "span" || k === "titleSpan") && v !== null) yield [`${path}.${k}`, v];
      else yield* spans(v, `${path}.${k}`);
    }
  }
}

const inside = (span: unknown, text: string) =>
  Array.isArray(span) && span.length === 2 && Number.isInteger(span[0]) && Number.isInteger(span[1]) && span[0] >= 0 && span[0] <= span[1] && span[1] <= text.length;

describe("the hostile corpus", () => {
  it("is analysed by the CLI with exit code 0 and the same documents as analyzePaths", () => {
    expect(cli.status, cli.stderr).toBe(0);
    const printed = JSON.parse(cli.stdout) as Analysis;
    expect(checkAnalysis(printed)).toEqual([]);
    expect(printed.documents.map((d) => d.id).sort()).toEqual(analysis.documents.map((d) => d.id).sort());
    expect(printed.diagnostics.map((d) => `${rel(d.path.slice(d.path.indexOf("/input/") + 1))} ${d.code}`).sort()).toEqual(
      analysis.diagnostics.map((d) => `${rel(d.path)} ${d.code}`).sort()
    );
  });

  it("passes the output contract", () => {
    expect(checkAnalysis(analysis)).toEqual([]);
    expect(checkAnalysis(JSON.parse(JSON.stringify(analysis)))).toEqual([]);
  });

  for (const [file, expected] of Object.entries(EXPECTATIONS)) {
    it(`${file}: ${expected.ids.length ? `kept as ${expected.ids.join(", ")}` : "no document"}${expected.codes.length ? `, ${[...new Set(expected.codes)].join(", ")}` : ""}`, () => {
      expect(docsOf(file).map((d) => d.id).sort()).toEqual([...expected.ids].sort());
      expect(inputCodes(diagnosticsOf(file))).toEqual([...expected.codes].sort());
    });
  }

  it("names every file it read or skipped: each input file is a document or has a diagnostic", () => {
    const named = new Set([...analysis.documents.map((d) => rel(d.path)), ...analysis.diagnostics.map((d) => rel(d.path))]);
    for (const file of [...Object.keys(EXPECTATIONS), GENERATED.unreadable]) expect(named.has(file), file).toBe(true);
  });

  it("reports the unreadable file (skipped when running as root, which can read it)", (context) => {
    if (corpus.rootCanRead) {
      process.stderr.write(`hostile.test: running as root, ${GENERATED.unreadable} (chmod 000) is readable: the unreadable-file assertion is SKIPPED\n`);
      expect(docsOf(GENERATED.unreadable).map((d) => d.id)).toEqual(["unreadable"]);
      context.skip();
    }
    expect(docsOf(GENERATED.unreadable)).toEqual([]);
    expect(inputCodes(diagnosticsOf(GENERATED.unreadable))).toEqual(["unreadable-file"]);
  });

  it("gives every diagnostic a path, a level, a code and a sentence a user understands", () => {
    for (const d of analysis.diagnostics) {
      // A note about the whole corpus (no file, no document) may have an empty path.
      if (d.documentId !== undefined || d.path !== "") expect(d.path.length, JSON.stringify(d)).toBeGreaterThan(0);
      expect(d.code, JSON.stringify(d)).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(d.message.length, JSON.stringify(d)).toBeGreaterThan(15);
      expect(d.message, JSON.stringify(d)).toMatch(/^[A-Z"“0-9]/);
      expect(d.message, JSON.stringify(d)).not.toMatch(/\bundefined\b|\bNaN\b|\[object Object\]|^\s*Error:/);
      expect(d.message.length, JSON.stringify(d)).toBeLessThan(400);
    }
  });

  it("has no NaN or Infinity anywhere", () => {
    const bad = [...numbers(analysis)].filter(([, n]) => !Number.isFinite(n));
    expect(bad).toEqual([]);
  });

  it("keeps every span inside its document's text", () => {
    const byId = new Map(analysis.documents.map((d) => [d.id, d]));
    for (const doc of analysis.documents) for (const [where, span] of spans(doc, `document ${doc.id}`)) expect(inside(span, doc.text), where).toBe(true);
    for (const record of [...analysis.claims, ...analysis.quotes] as {documentId: string; span: unknown; id: string}[]) {
      const doc = byId.get(record.documentId)!;
      expect(inside(record.span, doc.text), record.id).toBe(true);
      for (const [where, span] of spans(record, record.id)) if (where !== `${record.id}.span`) expect(inside(span, doc.text), where).toBe(true);
    }
    for (const link of analysis.reuse) {
      for (const p of link.passages) {
        expect(inside(p.source, byId.get(link.source)!.text)).toBe(true);
        expect(inside(p.target, byId.get(link.target)!.text)).toBe(true);
      }
    }
  });

  it("keeps script and markup payloads as plain text, byte for byte", () => {
    const doc = (id: string) => analysis.documents.find((d) => d.id === id) as DocumentRecord;
    expect(doc("script-payloads").title).toBe(`<script>alert("title")</script> Mayor <img src=x onerror=alert(1)> pledges 500 homes`);
    expect(doc("script-payloads").text).toContain("<script>alert(document.cookie)</script>");
    expect(doc("script-payloads").text).toContain("${alert('template')}");
    expect(doc("script-front-matter").title).toBe("<script>alert('fm-title')</script> Port strike enters 3rd week");
    expect(doc("news-please-payloads").title).toBe("<img src=x onerror=alert('json')> Grain exports rise 9 percent");
  });

  it("counts the same article under two names once and lists the copy", () => {
    const kept = docsOf("same article (copy).txt")[0]!;
    expect(kept.duplicatePaths).toEqual(["input/same-article.txt"]);
    expect(analysis.documents.filter((d) => d.contentHash === kept.contentHash)).toHaveLength(1);
  });

  it("flags the German article as not English and keeps it", () => {
    expect(docsOf("german-article.txt")[0]!.flags).toContain("non-english");
  });

  it("does not read through links out of the input folder", () => {
    expect(analysis.documents.some((d) => d.text.includes("42 secrets"))).toBe(false);
    expect(analysis.documents.some((d) => d.path.includes("link-loop"))).toBe(false);
  });

  it("keeps the 1 MB single line whole, without a headline", () => {
    const [doc] = docsOf(GENERATED.oneLine);
    expect(doc!.text.length).toBeGreaterThan(1024 * 1024);
    expect(doc!.title).toBeNull();
  });

  it("tells how to raise the size cap for the 50 MB file", () => {
    expect(diagnosticsOf(GENERATED.huge)[0]!.message).toBe("The file is 50.0 MB, over the 20.0 MB cap; skipped (raise it with --max-bytes or DRIFTLINE_MAX_BYTES).");
  });

  it("does not read absurd numbers as figures: 10^400, 999,999,999,999,999,999,999 and 1e309", () => {
    const doc = docsOf("absurd-numbers.txt")[0]!;
    const claims = analysis.claims.filter((c) => c.documentId === doc.id);
    const misread: string[] = [];
    for (const printed of ["10^400", "999,999,999,999,999,999,999", "1e309", "1.7976931348623157e308", "99999999999999999999999999999999999999"]) {
      for (let at = doc.text.indexOf(printed); at >= 0; at = doc.text.indexOf(printed, at + 1)) {
        const overlapping = claims.filter((c) => c.span[0] < at + printed.length && at < c.span[1]);
        misread.push(...overlapping.map((c) => `"${printed}" at ${at} read as "${c.quantity.text}" = ${c.quantity.value}`));
      }
    }
    expect(misread).toEqual([]);
    for (const c of claims) expect(Math.abs(c.quantity.value)).toBeLessThanOrEqual(1e15);
  });
});

describe("the CLI on bad paths in the hostile corpus", () => {
  it("accepts DRIFTLINE_MAX_BYTES and reports files over it", () => {
    const result = spawnSync("npx", ["tsx", "src/cli/analyze.ts", "--quiet", join(corpus.dir, "latin-1.txt"), join(corpus.dir, "crlf-line-ends.txt")], {
      encoding: "utf8",
      env: {...process.env, DRIFTLINE_MAX_BYTES: "220"}
    });
    expect(result.status, result.stderr).toBe(0);
    const printed = JSON.parse(result.stdout) as Analysis;
    expect(printed.documents.map((d) => d.id)).toEqual(["crlf-line-ends"]);
    expect(printed.diagnostics.find((d) => d.path.endsWith("latin-1.txt"))).toMatchObject({code: "file-too-large", message: expect.stringContaining("over the 220 bytes cap")});
  });
});

describe("pathological text stays fast", () => {
  // Texts of about 50 KB built to trip quadratic scans (a regular expression retried at every
  // position, a pairwise pass over every figure or quotation). An ordinary 50 KB article takes a few
  // tens of milliseconds; each of these must take under 4 seconds (for two copies).
  const SIZE = 50_000;
  const CASES: Record<string, string> = {
    "a run of spaces before a word": `x${" ".repeat(SIZE)}x.`,
    "spaces and tabs at line ends": "Word \t \n".repeat(SIZE / 5),
    "a number 50,000 digits long": `${"1".repeat(SIZE)} jobs.`,
    "digit groups without end (1,1,1,…)": `${"1,".repeat(SIZE / 2)}1 jobs.`,
    "thousands of figures (5 percent 5 percent …)": "5 percent ".repeat(SIZE / 10),
    "thousands of clock times (8:018:01…)": "8:01".repeat(SIZE / 4),
    "quotation marks without end": "\"".repeat(SIZE),
    "thousands of opening curly quotes": "“a ".repeat(SIZE / 3),
    "a month name repeated": "Jan ".repeat(SIZE / 4),
    "currency signs before a number": `${"$".repeat(SIZE)}5`,
    "one word 50,000 letters long": "a".repeat(SIZE)
  };
  let reference: Awaited<ReturnType<typeof loadReferenceData>>["reference"];
  beforeAll(async () => {
    ({reference} = await loadReferenceData());
  });

  it("a 2 MB text of 40,000 short paragraphs, each quoting a new speaker", () => {
    // Each paragraph's search for single quotation marks, or each surname's search for a full name,
    // used to run to the end of the text: 17 s for this text, against about 1 s now.
    const name = (i: number) => `Qz${i.toString(36).replace(/\d/g, (d) => "abcdefghij"[Number(d)]!)}`;
    const text = `Headline\n\n${Array.from({length: 40_000}, (_, i) => `Jane ${name(i)} spoke.\n“Point ${i},” ${name(i)} said.`).join("\n")}`;
    const began = performance.now();
    const quotes = extractQuotes({id: "long", path: "long.txt", text} as DocumentRecord);
    const elapsed = performance.now() - began;
    expect(quotes).toHaveLength(40_000);
    expect(quotes[7]!.speaker).toBe(`Jane ${name(7)}`);
    expect(elapsed).toBeLessThan(8000);
  });

  for (const [name, body] of Object.entries(CASES)) {
    it(name, () => {
      const sources = [`Headline\n\n${body}`, `Other headline\n\n${body}`].map((text, i) => ({path: `p${i}.txt`, bytes: new TextEncoder().encode(text)}));
      const stages: string[] = [];
      let started = 0;
      const onStage = (stage: string, event: string) => {
        if (event === "start") started = performance.now();
        else if (event === "end") stages.push(`${stage} ${Math.round(performance.now() - started)} ms`);
      };
      const began = performance.now();
      const analysis = analyzeSources(sources, reference, {onStage});
      const elapsed = performance.now() - began;
      expect(analysis.documents).toHaveLength(2);
      expect(checkAnalysis(analysis)).toEqual([]);
      expect(elapsed, stages.join(", ")).toBeLessThan(4000);
    });
  }
});
