import {readFileSync} from "node:fs";
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {parseDocument} from "yaml";
import {assignUniqueIds, baseId, countWordsAndLanguage, dateProblem, documentLooksEnglish, dropDuplicates, formatOf, functionWordShare, ingestSource, looksEnglish, MAX_HEADLINE_LENGTH, parseSimpleFrontMatter, safeId} from "../src/lib/ingest.js";
import {wordCount, words} from "../src/lib/text.js";
import {makeDocument} from "./helpers.js";

const source = (path: string, text: string | Uint8Array) => ({path, bytes: typeof text === "string" ? new TextEncoder().encode(text) : text});
const fixture = (name: string) => source(`hostile/${name}`, new Uint8Array(readFileSync(`test/fixtures/hostile/${name}`)));
const codes = (result: {diagnostics: {code: string}[]}) => result.diagnostics.map((d) => d.code).sort();

describe("formatOf and baseId", () => {
  it("knows the article formats by extension, case-insensitively", () => {
    expect(formatOf("a/b.TXT")).toBe("txt");
    expect(formatOf("notes.markdown")).toBe("md");
    expect(formatOf("feed.ndjson")).toBe("jsonl");
    expect(formatOf("photo.png")).toBeNull();
    expect(formatOf("dir.txt/README")).toBeNull();
  });

  it("makes the id from the file name without its extension, keeping spaces, quotes and accents", () => {
    expect(baseId("in/it's a \"quoted\" name.txt")).toBe(`it's a "quoted" name`);
    expect(baseId("in/naïve café.md")).toBe("naïve café");
  });
});

describe("safeId", () => {
  it("removes what cannot sit in one URL segment or file name", () => {
    expect(safeId("a/b\\c")).toBe("a_b_c");
    expect(safeId("line\nbreak\u0000")).toBe("line_break_");
    expect(safeId("..")).toBe("document__");
    expect(safeId("")).toBe("document");
    expect(Array.from(safeId("x".repeat(500)))).toHaveLength(120);
    expect(safeId("😀".repeat(200))).toBe("😀".repeat(120));
  });

  it("gives ids that are never '.' or '..' even for odd file names", () => {
    expect(baseId("in/..txt")).toBe("document_");
    expect(baseId("in/...txt")).toBe("document__");
  });
});

describe("ingestSource: plain text", () => {
  it("takes the first non-empty line as the headline and keeps it in the text", () => {
    const {documents, diagnostics} = ingestSource(source("a.txt", "\n\nPort fees rise 45 percent\n\nThe council voted on Tuesday."));
    expect(diagnostics).toEqual([]);
    const [doc] = documents;
    expect(doc!.title).toBe("Port fees rise 45 percent");
    expect(doc!.text.slice(...doc!.titleSpan!)).toBe("Port fees rise 45 percent");
    expect(doc!.text.startsWith("Port fees")).toBe(true);
  });

  it("takes the headline from under a label of a few capitalised words, and says so", () => {
    const {documents, diagnostics} = ingestSource(source("k.txt", "Donald Trump\n\nPort fees rise 45 percent, council says\n\nThe council voted on Tuesday."));
    expect(documents[0]!.title).toBe("Port fees rise 45 percent, council says");
    expect(documents[0]!.text.slice(...documents[0]!.titleSpan!)).toBe("Port fees rise 45 percent, council says");
    expect(documents[0]!.text.startsWith("Donald Trump")).toBe(true);
    expect(diagnostics).toEqual([expect.objectContaining({code: "headline-after-label", level: "info", documentId: "k"})]);
    // A short headline with a verb in lower case is a headline, whatever follows it.
    expect(ingestSource(source("s.txt", "Port fees rise\n\nThe council voted for higher fees on Tuesday night\n\nMore.")).documents[0]!.title).toBe("Port fees rise");
    // So is a label-like line followed by a paragraph (a full stop at its end), and a Markdown heading.
    expect(ingestSource(source("p.txt", "WORLD NEWS\n\nThe council voted for higher fees on Tuesday.\n\nMore.")).documents[0]!.title).toBe("WORLD NEWS");
    expect(ingestSource(source("m.md", "# Port Fees\n\nCouncil votes for higher fees after a long night\n\nMore.")).documents[0]!.title).toBe("Port Fees");
  });

  it("has no headline when the first line is a sentence of twenty words or more", () => {
    const lead = "Jack Ma, the founder of the company, met the president-elect on Monday, and the two men said they had a very good meeting.";
    const {documents, diagnostics} = ingestSource(source("l.txt", `${lead}\nThe rest of the story follows here.`));
    expect(documents[0]!.title).toBeNull();
    expect(diagnostics).toEqual([expect.objectContaining({code: "no-headline", message: expect.stringContaining("a sentence of 23 words")})]);
  });

  it("has no headline when the first line is a whole paragraph, and says so", () => {
    const result = ingestSource(fixture("no-headline.txt"));
    expect(result.documents[0]!.title).toBeNull();
    expect(result.documents[0]!.titleSpan).toBeNull();
    expect(result.diagnostics).toEqual([expect.objectContaining({code: "no-headline", level: "info", documentId: "no-headline"})]);
    const long = ingestSource(source("b.txt", `${"word ".repeat(MAX_HEADLINE_LENGTH)}\n\nBody.`));
    expect(long.documents[0]!.title).toBeNull();
  });

  it("normalises CRLF and CR-only line ends so offsets refer to \\n text", () => {
    for (const name of ["crlf-line-ends.txt", "cr-only-line-ends.txt"]) {
      const [doc] = ingestSource(fixture(name)).documents;
      expect(doc!.text).not.toMatch(/\r/);
      expect(doc!.title).toMatch(/^(Hospital|Bridge)/);
      expect(doc!.text.split("\n").length).toBeGreaterThan(3);
    }
  });

  it("reads Windows-1252 and Latin-1 files with a warning, and UTF-16 without one", () => {
    const cp = ingestSource(fixture("windows-1252-smart-quotes.txt"));
    expect(codes(cp)).toEqual(["legacy-encoding"]);
    expect(cp.documents[0]!.text).toContain("“beyond anything we planned for”");
    expect(cp.documents[0]!.text).toContain("It’s a painful decision");
    const latin = ingestSource(fixture("latin-1.txt"));
    expect(latin.documents[0]!.title).toBe("Café owners say rent rose 30 percent in a year");
    expect(latin.documents[0]!.text).toContain("£4,000");
    for (const name of ["utf16-le-bom.txt", "utf16-be-bom.txt"]) {
      const result = ingestSource(fixture(name));
      expect(result.diagnostics).toEqual([]);
      expect(result.documents[0]!.text).toContain("“This is the biggest order in our history,”");
    }
  });

  it("keeps invalid UTF-8 as UTF-8 and counts the broken sequences", () => {
    const result = ingestSource(fixture("invalid-utf8.txt"));
    expect(result.documents[0]!.title).toBe("Mayor’s budget plan cuts 200 library jobs");
    expect(result.diagnostics).toEqual([expect.objectContaining({code: "invalid-utf8", level: "warning", message: expect.stringContaining("4 broken byte sequences")})]);
  });

  it("turns empty, whitespace-only, binary and NUL files into errors", () => {
    for (const [name, code] of [["empty.txt", "empty-file"], ["whitespace-only.txt", "empty-file"], ["image-renamed.txt", "binary-file"], ["nul-bytes.txt", "binary-file"]]) {
      const result = ingestSource(fixture(name!));
      expect(result.documents, name).toEqual([]);
      expect(result.diagnostics, name).toEqual([expect.objectContaining({path: `hostile/${name}`, level: "error", code})]);
    }
  });

  it("skips files that are not articles with a note", () => {
    expect(ingestSource(source("photo.jpeg", "x")).diagnostics).toEqual([expect.objectContaining({code: "unsupported-format", level: "info"})]);
  });
});

describe("ingestSource: Markdown front matter", () => {
  it("uses the declared title, outlet and dates", () => {
    const [doc] = ingestSource(source("m.md", "---\ntitle: Ferry returns\noutlet: Island Times\npublished: 2019-03-04T10:00:00Z\ntimezone: Pacific/Auckland\n---\n\nThe ferry returns with 14 sailings a day.")).documents;
    expect(doc!.title).toBe("Ferry returns");
    expect(doc!.text).toBe("Ferry returns\n\nThe ferry returns with 14 sailings a day.");
    expect(doc!.declared).toEqual({title: "Ferry returns", outlet: "Island Times", published: "2019-03-04T10:00:00Z", timezone: "Pacific/Auckland"});
  });

  it("keeps the body when the front matter is not YAML, or is an alias bomb", () => {
    for (const name of ["front-matter-not-yaml.md", "front-matter-alias-bomb.md"]) {
      const started = performance.now();
      const result = ingestSource(fixture(name));
      expect(performance.now() - started, name).toBeLessThan(2000);
      expect(result.documents, name).toHaveLength(1);
      expect(result.documents[0]!.text).toMatch(/percent/);
      expect(result.diagnostics, name).toEqual([expect.objectContaining({code: "front-matter-invalid", level: "warning"})]);
    }
  });

  it("refuses dates that are not dates, and zones that are not IANA zones", () => {
    const result = ingestSource(fixture("front-matter-bad-date.md"));
    expect(result.documents[0]!.declared.published).toBeUndefined();
    expect(result.documents[0]!.declared.updated).toBeUndefined();
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      `Front matter field "published" ("the 32nd of Smarch") is not a date: it holds no year; it was ignored.`,
      `Front matter field "updated" ("2019-02-30T25:61:00Z") is not a date: there is no 30 February 2019; it was ignored.`
    ]);
    const zone = ingestSource(fixture("script-front-matter.md"));
    expect(zone.documents[0]!.declared.timezone).toBeUndefined();
    expect(codes(zone)).toEqual(["front-matter-bad-timezone"]);
  });

  it("notes unknown fields without letting __proto__ or constructor pollute objects", () => {
    const result = ingestSource(fixture("front-matter-unknown-fields.md"));
    expect(codes(result)).toEqual(["front-matter-unknown-field", "front-matter-unknown-field", "front-matter-unknown-field", "front-matter-unknown-field"]);
    expect(result.documents[0]!.declared).toEqual({title: "Water rates to rise 8 percent", outlet: "Harbour Gazette"});
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(result.documents[0]!.declared)).toBe(Object.prototype);
  });

  it("keeps script payloads in fields as plain text", () => {
    const [doc] = ingestSource(fixture("script-front-matter.md")).documents;
    expect(doc!.title).toBe("<script>alert('fm-title')</script> Port strike enters 3rd week");
    expect(doc!.declared.outlet).toBe("<img src=x onerror=alert('fm-outlet')>");
    expect(doc!.text).toContain("<script>alert('md-body')</script>");
  });
});

describe("parseSimpleFrontMatter", () => {
  const byParser = (source: string) => parseDocument(source, {uniqueKeys: false}).toJS();
  it("reads key: text lines as the YAML parser does", () => {
    const source = `title: "Ma meets Trump: jobs"\noutlet: The Daily Example\npublished: 2017-01-10T08:48Z\nurl: 'https://example.com/a?b=1'`;
    expect(parseSimpleFrontMatter(source)).toEqual(byParser(source));
    expect(parseSimpleFrontMatter(source)!.published).toBe("2017-01-10T08:48Z");
  });
  it("leaves numbers, booleans, nulls, lists, comments, escapes and repeated keys to the parser", () => {
    for (const source of ["n: 45", "n: 1e3", "ok: true", "x: ~", "x:", "a:\n  - b", "a: b # c", 'a: "x\\"y"', "a: b\na: c", "a: [b]", "- a", "null: x", "a: 'it''s'"]) {
      expect(parseSimpleFrontMatter(source)).toBeNull();
    }
  });
  it("agrees with the YAML parser whenever it answers", () => {
    const char = fc.constantFrom(..."aZ09 :#-'\"\\.,[]{}!&*|>%@`~?".split(""), "é", "“");
    const line = fc.tuple(fc.constantFrom("title", "url", "a_b", "x-y", "null", "True"), fc.array(char, {maxLength: 12}).map((a) => a.join("")));
    fc.assert(fc.property(fc.array(line, {minLength: 1, maxLength: 4}), (lines) => {
      const source = lines.map(([k, v]) => `${k}: ${v}`).join("\n");
      const fast = parseSimpleFrontMatter(source);
      if (fast === null) return;
      const parsed = parseDocument(source, {uniqueKeys: false});
      expect(parsed.errors).toEqual([]);
      expect(fast).toEqual(parsed.toJS());
    }), {numRuns: 3000});
  });
});

describe("ingestSource: news-please JSON and JSONL", () => {
  it("reports a record without text, a cut-off file and wrong field types", () => {
    expect(ingestSource(fixture("news-please-no-text.json"))).toEqual({documents: [], diagnostics: [expect.objectContaining({code: "record-without-text", level: "error"})]});
    expect(ingestSource(fixture("news-please-truncated.json"))).toEqual({documents: [], diagnostics: [expect.objectContaining({code: "json-invalid", level: "error"})]});
    const wrong = ingestSource(fixture("news-please-wrong-types.json"));
    expect(wrong.documents).toHaveLength(1);
    expect(wrong.documents[0]!.title).toBe("Toll road traffic fell 18 percent last year");
    expect(wrong.diagnostics.map((d) => d.message)).toEqual([
      `The record: field "title" should be text; it was ignored.`,
      `The record: field "source_domain" should be text; it was ignored.`,
      `The record: field "date_publish" should be text; it was ignored.`,
      `The record: field "date_modify" should be text; it was ignored.`
    ]);
  });

  it("reads the good lines of a JSONL file and names each bad line", () => {
    const result = ingestSource(fixture("news-please-batch.jsonl"));
    expect(result.documents.map((d) => d.id)).toEqual(["batch-1", "batch-2", "batch-4"]);
    expect(result.diagnostics.map((d) => [d.code, d.message.slice(0, 7)])).toEqual([
      ["jsonl-line-invalid", "Line 3 "],
      ["record-invalid", "Line 6 "],
      ["record-without-text", "Line 7 "]
    ]);
  });

  it("refuses a date_publish that is not a date", () => {
    const result = ingestSource(source("x.json", JSON.stringify({maintext: "Text with 3 figures.", date_publish: "2019-13-01"})));
    expect(result.documents[0]!.declared.published).toBeUndefined();
    expect(result.diagnostics).toEqual([expect.objectContaining({code: "record-bad-date", message: expect.stringContaining("there is no month 13")})]);
  });

  it("reads the other common names of the text, headline and publication date", () => {
    const record = {headline: "Port reopens", body: "The port reopened on Monday.", date: "2021-03-01T08:00:00Z"};
    const [doc] = ingestSource(source("x.json", JSON.stringify(record))).documents;
    expect(doc!.title).toBe("Port reopens");
    expect(doc!.text).toBe("Port reopens\n\nThe port reopened on Monday.");
    expect(doc!.declared.published).toBe("2021-03-01T08:00:00Z");
    expect(ingestSource(source("y.json", JSON.stringify({content: "Rain fell."}))).documents[0]!.text).toBe("Rain fell.");
    // news-please's own fields come first.
    const both = ingestSource(source("z.json", JSON.stringify({maintext: "Main.", text: "Other.", body: "Third.", date_publish: "2020-01-02", date: "1999-01-01"})));
    expect(both.documents[0]!.text).toBe("Main.");
    expect(both.documents[0]!.declared.published).toBe("2020-01-02");
  });

  it("reads the outlet from the common fields: a name, an object with a name, or a web address", () => {
    const declared = (record: object) => ingestSource(source("o.json", JSON.stringify({text: "Rain fell.", ...record})));
    expect(declared({source: "The Guardian"}).documents[0]!.declared.outlet).toBe("The Guardian");
    expect(declared({source: {id: "bbc-news", name: "BBC News"}}).documents[0]!.declared.outlet).toBe("BBC News");
    expect(declared({publisher: {"@type": "Organization", name: "Reuters"}}).documents[0]!.declared.outlet).toBe("Reuters");
    // "outlet" comes first; a web address is the domain, and a declared source_domain wins.
    expect(declared({outlet: "AP", source: "Reuters"}).documents[0]!.declared.outlet).toBe("AP");
    const web = declared({source: "https://www.example.com/news"}).documents[0]!.declared;
    expect([web.outlet, web.domain]).toEqual([undefined, "https://www.example.com/news"]);
    expect(declared({source: "example.com", source_domain: "other.org"}).documents[0]!.declared.domain).toBe("other.org");
    // A wrong one is reported and an empty one passed over; the next field that names one is read.
    const wrong = declared({source: ["Reuters"]});
    expect(wrong.documents[0]!.declared.outlet).toBeUndefined();
    expect(wrong.diagnostics.map((d) => d.code)).toEqual(["record-wrong-type"]);
    const next = declared({outlet: "", source: 7, publisher: {name: "Reuters"}});
    expect(next.documents[0]!.declared.outlet).toBe("Reuters");
    expect(next.diagnostics.map((d) => d.message)).toEqual([`The record: field "source" should be the outlet's name (text, or an object with a "name"); it was ignored.`]);
  });

  it("reads a text given as a list of paragraphs, each a string or a list of pieces", () => {
    const record = {title: "Vote delayed", "body-paragraphs": [["The vote was delayed.", "“We need time,” she said."], "Talks resume on Friday.", []]};
    const result = ingestSource(source("p.json", JSON.stringify(record)));
    expect(result.diagnostics).toEqual([]);
    expect(result.documents[0]!.text).toBe("Vote delayed\n\nThe vote was delayed. “We need time,” she said.\n\nTalks resume on Friday.");
    // Items that are not text are left out and reported; a text of the wrong kind is reported.
    const mixed = ingestSource(source("m.json", JSON.stringify({paragraphs: ["Kept.", 7, {x: 1}]})));
    expect(mixed.documents[0]!.text).toBe("Kept.");
    expect(mixed.diagnostics.map((d) => d.message)).toEqual([`The record: field "paragraphs" has items that are neither text nor lists of text; they were left out.`]);
    const wrong = ingestSource(source("w.json", JSON.stringify({text: {html: "<p>x</p>"}})));
    expect(wrong.documents).toEqual([]);
    expect(wrong.diagnostics.map((d) => d.code)).toEqual(["record-wrong-type", "record-without-text"]);
    expect(wrong.diagnostics[1]!.message).toContain(`"maintext", "text", "body", "content"`);
  });

  it("reads a saved web page: its article text, headline and metadata, with where each came from", () => {
    const html = `<html><head><title>Port | Herald</title><meta property="og:site_name" content="Coast Herald">
      <meta property="article:published_time" content="2021-03-01T08:00:00+11:00"><meta property="article:modified_time" content="2021-02-30">
      <link rel="canonical" href="https://coastherald.example/port"></head>
      <body><nav><a href="/">Home</a></nav><article><h1>Port reopens</h1><p>The port reopened on Monday.</p><p>Ferries ran again.</p></article></body></html>`;
    const result = ingestSource(source("saved/port.html", html));
    const doc = result.documents[0]!;
    expect(doc.format).toBe("html");
    expect(doc.title).toBe("Port reopens");
    expect(doc.text).toBe("Port reopens\n\nThe port reopened on Monday.\n\nFerries ran again.");
    expect(doc.declared).toMatchObject({outlet: "Coast Herald", published: "2021-03-01T08:00:00+11:00", url: "https://coastherald.example/port"});
    expect(doc.declared.updated).toBeUndefined();
    expect(result.diagnostics.map((d) => [d.code, d.level])).toEqual([["html-bad-date", "warning"], ["html-read", "info"]]);
    expect(result.diagnostics[0]!.message).toContain(`<meta property="article:modified_time"`);
    expect(result.diagnostics[1]!.message).toBe(`Article text from the page's <article> element (2 paragraphs); the headline from <h1>, the publication time from <meta property="article:published_time">, the outlet from <meta property="og:site_name">.`);
    // A byline taken out of the text is said in the note, and kept as the author.
    const signed = ingestSource(source("signed.html", `<article><h1>Port reopens</h1><p>By Jane Doe</p><p>The port reopened on Monday.</p></article>`));
    expect(signed.documents[0]!.text).toBe("Port reopens\n\nThe port reopened on Monday.");
    expect(signed.documents[0]!.declared.authors).toEqual(["Jane Doe"]);
    expect(signed.diagnostics[0]!.message).toContain(`the byline "By Jane Doe" taken out of the text as who wrote it`);
    expect(ingestSource(source("nav.htm", `<html><body><nav><p>Home</p></nav></body></html>`)).diagnostics.map((d) => d.code)).toEqual(["html-without-text"]);
    // A page nested deeper than browsers go is refused before it is parsed.
    const deep = ingestSource(source("deep.html", "<div>".repeat(100_000) + "<p>Text.</p>"));
    expect(deep.documents).toEqual([]);
    expect(deep.diagnostics.map((d) => [d.code, d.level])).toEqual([["html-too-deep", "error"]]);
  });

  it("makes JSONL record ids safe", () => {
    const result = ingestSource(source("f.jsonl", `${JSON.stringify({id: "../../etc/passwd", maintext: "One."})}\n${JSON.stringify({id: "..", maintext: "Two."})}`));
    expect(result.documents.map((d) => d.id)).toEqual([".._.._etc_passwd", "document__"]);
  });
});

describe("dateProblem", () => {
  it("accepts dates the time stage can read and refuses obvious nonsense", () => {
    expect(dateProblem("2019-03-04T10:00:00Z")).toBeNull();
    expect(dateProblem("2020-02-29")).toBeNull();
    expect(dateProblem("Tuesday, 10 January 2017, 8:01am")).toBeNull();
    expect(dateProblem("2019-02-29")).toBe("there is no 29 February 2019");
    expect(dateProblem("2019-00-10")).toBe("there is no month 0");
    expect(dateProblem("2019-01-10 24:30")).toBe("24:30 is not a time of day");
    expect(dateProblem("yesterday")).toBe("it holds no year");
  });
});

describe("assignUniqueIds and dropDuplicates", () => {
  it("renames a repeated id in path order, whatever order the documents come in", () => {
    const a = makeDocument("same", "A\n\nOne.", {path: "b/same.txt"});
    const b = makeDocument("same", "B\n\nTwo.", {path: "a/same.md"});
    for (const input of [[a, b], [b, a]]) {
      const result = assignUniqueIds(input);
      expect(result.documents.map((d) => [d.path, d.id])).toEqual([["a/same.md", "same"], ["b/same.txt", "same-2"]]);
      expect(result.diagnostics).toEqual([expect.objectContaining({code: "id-renamed", documentId: "same-2"})]);
    }
  });

  it("does not collide with an existing id when renaming", () => {
    const docs = [makeDocument("x", "1", {path: "1/x.txt"}), makeDocument("x", "2", {path: "2/x.txt"}), makeDocument("x-2", "3", {path: "3/x-2.txt"})];
    expect(assignUniqueIds(docs).documents.map((d) => d.id)).toEqual(["x", "x-3", "x-2"]);
  });

  it("counts the same text under two names once, and does not mutate its input", () => {
    const first = makeDocument("a", "Same\n\nText.", {path: "a.txt"});
    const second = makeDocument("b", "Same\n\nText.", {path: "b.txt"});
    const result = dropDuplicates([first, second]);
    expect(result.documents.map((d) => [d.id, d.duplicatePaths])).toEqual([["a", ["b.txt"]]]);
    expect(result.diagnostics).toEqual([expect.objectContaining({path: "b.txt", code: "duplicate-document", documentId: "a"})]);
    expect(first.duplicatePaths).toBeUndefined();
  });
});

describe("looksEnglish", () => {
  it("flags a German article and passes an English one", () => {
    expect(looksEnglish(ingestSource(fixture("german-article.txt")).documents[0]!.text)).toBe(false);
    expect(looksEnglish(ingestSource(fixture("windows-1252-smart-quotes.txt")).documents[0]!.text)).toBe(true);
  });

  const FUNCTION_WORDS = new Set(["the", "a", "an", "of", "and", "to", "in", "on", "for", "is", "was", "that", "with", "as", "by", "at", "it", "he", "she", "said", "from", "his", "her", "has", "have", "be", "are", "were", "this", "which", "but", "not", "or", "will"]);
  /** The definition, word by word: the normal forms that have a letter, and the function words among them. */
  const byWords = (text: string) => {
    const withLetters = words(text).filter((t) => /\p{L}/u.test(t.norm));
    return {words: withLetters.length, functionWords: withLetters.filter((t) => FUNCTION_WORDS.has(t.norm)).length};
  };

  it("counts words and function words as the word-by-word definition does", () => {
    expect(functionWordShare("The cat sat on the mat.")).toEqual({words: 6, functionWords: 3});
    expect(functionWordShare("He met U.S. and E.U. officials on Jan. 9, 2017, at 10.30 a.m. in Ma’s office: 36,446 jobs.")).toEqual(byWords("He met U.S. and E.U. officials on Jan. 9, 2017, at 10.30 a.m. in Ma’s office: 36,446 jobs."));
    const pieces = ["the", "The", "THE", "said", "Said.", "which", "whiches", "A.", "a", "I.", "U.S.", "u.s", "it's", "it’s", "and-or", "1,000", "3.5", "2017.", "10.", "über", "Straße", "der", "Mr.", "Dr", "e.g.", "x1", "4th", "—", "“", "'", ".", ",", "…", "\u00e9t\u00e9", "𝐀b"];
    const text = fc.array(fc.tuple(fc.constantFrom(...pieces), fc.constantFrom(" ", "  ", "\n", ", ", ". ", "", "-", "’")), {maxLength: 40}).map((parts) => parts.map(([w, sep]) => w + sep).join(""));
    fc.assert(fc.property(text, (t) => {
      expect(functionWordShare(t)).toEqual(byWords(t));
    }), {numRuns: 500});
  });
  it("gives the word count and the language check of a text in one pass, as the two separate ones do", () => {
    const english = "The minister said that the plan was on track. ";
    const german = "Der Minister sagte, dass die Stadt wächst. ";
    // Texts longer than the 20,000 characters the language check reads, with a word cut at its end.
    const cases = [
      "",
      english,
      german.repeat(10),
      german.repeat(400) + english.repeat(400),
      english.repeat(10) + german.repeat(800),
      "x".repeat(19_996) + " U.S.-made goods and-the rest",
      "x".repeat(19_997) + "ab-cd ef",
      "y ".repeat(9_999) + "abc.def the",
      // 30 words in the sample, 3 of them function words (not English); read whole, the cut
      // "th|e" would be a fourth (English).
      ("haus ".repeat(26) + "the ".repeat(3)).padEnd(19_998, " ") + "the end",
    ];
    for (const text of cases) {
      expect(countWordsAndLanguage(text)).toEqual({count: wordCount(text), english: looksEnglish(text)});
    }
    // The language flag changes with the sample: German after the first 20,000 characters is not read.
    expect(countWordsAndLanguage(english.repeat(450) + german.repeat(2000)).english).toBe(true);
    expect(countWordsAndLanguage(german.repeat(600)).english).toBe(false);
  });

  it("remembers the language of each document it made", () => {
    const doc = ingestSource(fixture("german-article.txt")).documents[0]!;
    expect(documentLooksEnglish(doc)).toBe(false);
    expect(documentLooksEnglish({...doc})).toBe(false);
  });
});
