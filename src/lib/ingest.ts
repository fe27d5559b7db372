/**
 * Ingest: one input file's bytes → documents (plain text, Markdown with front matter, news-please
 * JSON or JSONL) and diagnostics. Pure: the caller reads the bytes.
 *
 * Every document's `text` starts with its headline line (when it has one) followed by the body, so
 * headline figures and quotations have offsets like any other.
 */
import {createHash} from "node:crypto";
import {parseDocument as parseYaml} from "yaml";
import {decodeBytes, normalizeText, type Encoding} from "./decode.js";
import {MAX_HTML_DEPTH, nestingOver, readHtmlArticle} from "./html.js";
import {normalizeWord, scanWords, wordCount, wordEnd} from "./text.js";
import type {DeclaredMetadata, Diagnostic, DocumentRecord, InputFormat, Span} from "./types.js";

export interface SourceFile {
  /** Display path (relative, `/`-separated). */
  path: string;
  bytes: Uint8Array;
}

export interface IngestResult {
  documents: DocumentRecord[];
  diagnostics: Diagnostic[];
}

const EXTENSIONS: Record<string, InputFormat> = {
  ".txt": "txt",
  ".text": "txt",
  ".md": "md",
  ".markdown": "md",
  ".json": "json",
  ".html": "html",
  ".htm": "html",
  ".jsonl": "jsonl",
  ".ndjson": "jsonl"
};

/** The input format for a file name, or null when the extension is not an article format. */
export function formatOf(path: string): InputFormat | null {
  const dot = path.lastIndexOf(".");
  if (dot < 0 || dot < path.lastIndexOf("/")) return null;
  return EXTENSIONS[path.slice(dot).toLowerCase()] ?? null;
}

/** A file's base name without its extension: the document id. */
export function baseId(path: string): string {
  const name = path.slice(path.lastIndexOf("/") + 1);
  const dot = name.lastIndexOf(".");
  return safeId(dot > 0 ? name.slice(0, dot) : name);
}

/**
 * An id that is safe as one URL path segment and one file name: no control characters, no `/` or
 * `\\`, not empty, not only dots (`.` and `..` name folders), at most 120 characters. Other characters
 * (spaces, quotes, non-ASCII letters) are kept; pages encode them.
 * @example safeId("a/b") // "a_b"
 */
export function safeId(id: string): string {
  const cleaned = Array.from(id.normalize("NFC").replace(/[\u0000-\u001f\u007f-\u009f/\\]/g, "_").trim()).slice(0, 120).join("");
  return /^\.*$/.test(cleaned) ? `document${cleaned.replace(/\./g, "_")}` : cleaned;
}

const diagnostic = (path: string, level: Diagnostic["level"], code: string, message: string): Diagnostic => ({path, level, code, message});

/**
 * Parses one input file into documents. Ids are provisional (file name without extension, or the
 * JSONL record's id or `<file>#<line>`); `assignUniqueIds` makes them unique across the corpus.
 * @example ingestSource({path: "a.txt", bytes: new TextEncoder().encode("Headline\n\nBody.")}).documents[0].title // "Headline"
 */
export function ingestSource(source: SourceFile): IngestResult {
  const {path} = source;
  const format = formatOf(path);
  if (!format) return {documents: [], diagnostics: [diagnostic(path, "info", "unsupported-format", "Skipped: not an article format (.txt, .md, .json, .jsonl, .html).")]};
  const decoded = decodeBytes(source.bytes);
  if (!decoded.ok) return {documents: [], diagnostics: [diagnostic(path, "error", decoded.code, decoded.message)]};
  const diagnostics: Diagnostic[] = [];
  diagnostics.push(...encodingDiagnostics(path, decoded.encoding, decoded.text));
  const text = normalizeText(decoded.text);
  if (!text.trim()) return {documents: [], diagnostics: [...diagnostics, diagnostic(path, "error", "empty-file", "The file holds only whitespace.")]};
  let result: IngestResult;
  try {
    result = parseFormat(path, format, text);
  } catch (error) {
    // A reader's own failure on a strange file costs that file only.
    return {documents: [], diagnostics: [...diagnostics, diagnostic(path, "error", "ingest-failed", `The file could not be read as ${format.toUpperCase()} (${firstLineOf(error)}); the rest of the corpus was read.`)]};
  }
  for (const doc of result.documents) {
    if (doc.title === null) {
      const firstLine = doc.text.replace(/^\s+/, "").split("\n", 1)[0]!.trim();
      const words = wordCount(firstLine);
      const why = firstLine.length > MAX_HEADLINE_LENGTH ? `its first line is ${firstLine.length.toLocaleString("en-US")} characters long` : `its first line is a sentence of ${words} words`;
      result.diagnostics.push({
        ...diagnostic(path, "info", "no-headline", `The text has no headline (${why}, a paragraph rather than a headline); the document id stands in for the title.`),
        documentId: doc.id
      });
    } else if (!doc.declared?.title && doc.titleSpan) {
      // Text before the headline of a plain text is the label above it (`plainHeadline`).
      const label = doc.text.slice(0, doc.titleSpan[0]).replace(/^\s*#{1,6}\s*$/, "").trim();
      if (!label) continue;
      result.diagnostics.push({
        ...diagnostic(path, "info", "headline-after-label", `The first line "${label.slice(0, 60)}" reads as a label above the headline (three capitalised words or fewer, a blank line, then a longer line); the headline is taken from the line after it.`),
        documentId: doc.id
      });
    }
  }
  return {documents: result.documents, diagnostics: [...diagnostics, ...result.diagnostics]};
}

/** The documents of one decoded file in the given format. */
function parseFormat(path: string, format: InputFormat, text: string): IngestResult {
  switch (format) {
    case "txt":
      return {documents: [plainDocument(path, baseId(path), "txt", text, {})], diagnostics: []};
    case "md":
      return markdownDocument(path, text);
    case "json":
      return jsonDocuments(path, text);
    case "jsonl":
      return jsonlDocuments(path, text);
    case "html":
      return htmlDocument(path, text);
  }
}

function encodingDiagnostics(path: string, encoding: Encoding, text: string): Diagnostic[] {
  switch (encoding) {
    case "windows-1252":
      return [diagnostic(path, "warning", "legacy-encoding", "The file is not valid UTF-8; it was read as Windows-1252 (check its accented letters and quotation marks).")];
    case "utf-8-with-errors": {
      const broken = text.split("\uFFFD").length - 1;
      return [diagnostic(path, "warning", "invalid-utf8", `The file is UTF-8 with ${broken} broken byte sequence${broken === 1 ? "" : "s"}; ${broken === 1 ? "it shows" : "they show"} as \uFFFD in the text.`)];
    }
    case "utf-16le-no-bom":
    case "utf-16be-no-bom":
      return [diagnostic(path, "info", "utf16-without-bom", "The file is UTF-16 without a byte-order mark; it was read as UTF-16.")];
    default:
      return [];
  }
}

/** A first line longer than this is a paragraph, not a headline. */
export const MAX_HEADLINE_LENGTH = 300;

/** A line that ends a sentence: a full stop, question or exclamation mark, maybe inside a closing quote. */
const SENTENCE_END = /[.!?][\p{Pf}"'’)\]]*$/u;

/** A first line of this many words or more that ends a sentence is a paragraph, not a headline. */
export const MIN_PARAGRAPH_WORDS = 20;

/**
 * The headline of a plain text, which starts with it: its first line, unless that line reads as a
 * paragraph (longer than `MAX_HEADLINE_LENGTH`, or a sentence of `MIN_PARAGRAPH_WORDS` words or
 * more) or as a label above the headline: a kicker or section label of one to three capitalised
 * words with no sentence punctuation ("Politics", "WORLD NEWS"), a blank line after it, then a line
 * of five words or more that reads as a headline (no full stop at its end). Then the headline is
 * that next line, and the label stays in the text before it.
 * @example plainHeadline("WORLD\n\nPort fees rise 45 percent on Monday\n\nBody.")?.text // "Port fees rise 45 percent on Monday"
 */
export function plainHeadline(body: string): {text: string; span: Span} | null {
  const first = /^\s*(#{1,6}\s+)?([^\n]*)/.exec(body);
  const line = first?.[2]?.trim() ?? "";
  if (!first || !line) return null;
  if (line.length > MAX_HEADLINE_LENGTH || (wordCount(line) >= MIN_PARAGRAPH_WORDS && SENTENCE_END.test(line))) return null;
  const start = body.indexOf(line, first.index);
  const end = start + line.length;
  if (!first[1]) {
    const next = /^[^\n]*\n[ \t]*\n\s*([^\n]+)/.exec(body.slice(end));
    const headline = next?.[1]?.trim() ?? "";
    const labelWords = line.split(/\s+/);
    const isLabel =
      labelWords.length <= 3 &&
      labelWords.every((w) => /^[\p{Lu}\p{N}]/u.test(w)) &&
      !/[.!?:;,]$/.test(line) &&
      headline.length <= MAX_HEADLINE_LENGTH &&
      wordCount(headline) >= 5 &&
      !/\.[\p{Pf}"'’)]*$/u.test(headline) &&
      !headline.startsWith("#");
    if (isLabel) {
      const at = body.indexOf(headline, end);
      return {text: headline, span: [at, at + headline.length]};
    }
  }
  return {text: line, span: [start, end]};
}

/** A document whose headline is its first non-empty line (or a declared title placed before it;
 *  see `plainHeadline`). */
function plainDocument(path: string, id: string, format: InputFormat, untrimmed: string, declared: DeclaredMetadata): DocumentRecord {
  // The text starts with its headline: no blank lines or indentation before it.
  const body = untrimmed.replace(/^\s+/, "");
  let text = body;
  let title: string | null = null;
  let titleSpan: Span | null = null;
  const declaredTitle = declared.title ? oneLine(declared.title) : "";
  const firstLine = /^\s*(?:#{1,6}\s+)?([^\n]*)/.exec(body);
  if (declaredTitle) {
    title = declaredTitle;
    if (firstLine && oneLine(firstLine[1] ?? "") === declaredTitle) {
      const start = body.indexOf(firstLine[1]!);
      titleSpan = [start, start + firstLine[1]!.length];
    } else {
      text = body ? `${declaredTitle}\n\n${body}` : declaredTitle;
      titleSpan = [0, declaredTitle.length];
    }
  } else {
    const headline = plainHeadline(body);
    if (headline) {
      title = headline.text;
      titleSpan = headline.span;
    }
  }
  const {count, english} = countWordsAndLanguage(text);
  const doc: DocumentRecord = {
    id,
    path,
    format,
    title,
    titleSpan,
    text,
    wordCount: count,
    contentHash: createHash("sha256").update(text).digest("hex"),
    url: declared.url ?? null,
    authors: declared.authors ?? [],
    declared,
    outlet: null,
    published: null,
    updated: null,
    event: null,
    flags: []
  };
  englishOfDocument.set(doc, english);
  return doc;
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

const FRONT_MATTER_FIELDS = new Set(["title", "outlet", "url", "published", "updated", "timezone", "authors", "author", "domain"]);

function markdownDocument(path: string, text: string): IngestResult {
  const diagnostics: Diagnostic[] = [];
  const match = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text);
  if (!match) return {documents: [plainDocument(path, baseId(path), "md", text, {})], diagnostics};
  const body = text.slice(match[0].length).replace(/^\s+/, "");
  const declared: DeclaredMetadata = {};
  let data: unknown;
  try {
    data = parseSimpleFrontMatter(match[1]!);
    if (data === null) {
      const doc = parseYaml(match[1]!, {prettyErrors: false, uniqueKeys: false});
      if (doc.errors.length) throw new Error(doc.errors[0]!.message.split("\n")[0]);
      data = doc.toJS({maxAliasCount: 50});
    }
  } catch (error) {
    diagnostics.push(diagnostic(path, "warning", "front-matter-invalid", `The front matter is not valid YAML (${firstLineOf(error)}); it was ignored and the body kept.`));
    return {documents: [plainDocument(path, baseId(path), "md", body, {})], diagnostics};
  }
  if (data !== null && data !== undefined && (typeof data !== "object" || Array.isArray(data))) {
    diagnostics.push(diagnostic(path, "warning", "front-matter-invalid", "The front matter is not a set of fields; it was ignored and the body kept."));
    return {documents: [plainDocument(path, baseId(path), "md", body, {})], diagnostics};
  }
  const fields = (data ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(fields).sort()) {
    if (!FRONT_MATTER_FIELDS.has(key)) {
      diagnostics.push(diagnostic(path, "info", "front-matter-unknown-field", `Front matter field "${truncate(key, 40)}" is not used.`));
    }
  }
  for (const key of ["title", "outlet", "url", "timezone", "domain"] as const) {
    const value = fields[key];
    if (value === undefined || value === null) continue;
    if (typeof value === "string" || typeof value === "number") declared[key] = String(value).trim();
    else diagnostics.push(diagnostic(path, "warning", "front-matter-wrong-type", `Front matter field "${key}" should be text; it was ignored.`));
  }
  if (declared.timezone !== undefined && !isTimeZone(declared.timezone)) {
    diagnostics.push(diagnostic(path, "warning", "front-matter-bad-timezone", `Front matter field "timezone" ("${truncate(declared.timezone, 40)}") is not an IANA time zone such as "Europe/London"; it was ignored.`));
    delete declared.timezone;
  }
  for (const key of ["published", "updated"] as const) {
    const value = fields[key];
    if (value === undefined || value === null) continue;
    if (value instanceof Date && !Number.isNaN(value.getTime())) declared[key] = value.toISOString();
    else if (typeof value === "string" && value.trim() && !dateProblem(value)) declared[key] = value.trim();
    else {
      const shown = typeof value === "string" || typeof value === "number" ? ` ("${truncate(String(value).trim(), 40)}")` : "";
      const why = typeof value === "string" && value.trim() ? `: ${dateProblem(value)}` : "";
      diagnostics.push(diagnostic(path, "warning", "front-matter-bad-date", `Front matter field "${key}"${shown} is not a date${why}; it was ignored.`));
    }
  }
  const authors = fields.authors ?? fields.author;
  if (typeof authors === "string") declared.authors = [authors];
  else if (Array.isArray(authors)) declared.authors = authors.filter((a): a is string => typeof a === "string");
  return {documents: [plainDocument(path, baseId(path), "md", body, declared)], diagnostics};
}

const SIMPLE_KEY = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*))?$/;
/** Plain scalars the YAML core schema reads as something other than text (null, booleans, numbers). */
const CORE_NON_TEXT = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/**
 * Front matter made only of `key: text` lines (plain, or quoted without escapes), read without the
 * YAML parser, with the result the parser gives; null for anything else (the parser reads it then).
 * Most article front matter is this simple, and the parser costs more than the rest of ingesting.
 * @example parseSimpleFrontMatter('title: "Talks"\npublished: 2017-01-10') // {title: "Talks", published: "2017-01-10"}
 */
export function parseSimpleFrontMatter(source: string): Record<string, string> | null {
  const fields: Record<string, string> = {};
  for (const line of source.split("\n")) {
    const m = SIMPLE_KEY.exec(line);
    if (!m) return null;
    const key = m[1]!;
    if (Object.hasOwn(fields, key) || key === "__proto__" || CORE_NON_TEXT.test(key)) return null;
    const raw = (m[2] ?? "").trimEnd();
    if (!raw || /[\t\r]/.test(raw)) return null;
    let value: string;
    const first = raw[0]!;
    if (first === '"' || first === "'") {
      if (raw.length < 2 || raw[raw.length - 1] !== first) return null;
      value = raw.slice(1, -1);
      if (value.includes(first) || (first === '"' && value.includes("\\"))) return null;
    } else {
      // Indicators, comments, mappings and flow collections need the parser.
      if ("-?:,[]{}#&*!|>%@`".includes(first) || raw.includes(": ") || raw.includes(" #") || raw.endsWith(":")) return null;
      if (CORE_NON_TEXT.test(raw)) return null;
      value = raw;
    }
    fields[key] = value;
  }
  return fields;
}

function isTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-US", {timeZone: zone});
    return true;
  } catch {
    return false;
  }
}

const ISO_DATE = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]+(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.\d+)?)?)?/;

/**
 * Why a declared date cannot be a date, or null when it may be one. Only obvious nonsense is
 * refused here (no year; an ISO date with month 13, 30 February, 25 o'clock); the time stage
 * parses the rest.
 * @example dateProblem("2019-02-30") // "there is no 30 February 2019"
 */
export function dateProblem(value: string): string | null {
  const iso = ISO_DATE.exec(value);
  if (iso) {
    const [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (month < 1 || month > 12) return `there is no month ${month}`;
    const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
    if (day < 1 || day > daysInMonth) return `there is no ${day} ${MONTH_NAMES[month - 1]} ${year}`;
    if (iso[4] !== undefined && (Number(iso[4]) > 23 || Number(iso[5]) > 59 || Number(iso[6] ?? 0) > 60)) return `${iso[4]}:${iso[5]} is not a time of day`;
    return null;
  }
  if (!/(?:^|\D)(?:1[5-9]|2\d)\d\d(?:\D|$)/.test(value)) return "it holds no year";
  return null;
}

const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function firstLineOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return truncate(message.split("\n")[0] ?? "", 120);
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/** Where a JSON record's article text may be, in order: news-please's field, then the names other
 *  scrapers and datasets give it. The text is a string, or a list of paragraphs (each a string or
 *  a list of strings). */
export const TEXT_FIELDS = ["maintext", "text", "body", "content", "paragraphs", "body_paragraphs", "body-paragraphs"] as const;
/** Where its headline may be. */
const TITLE_FIELDS = ["title", "headline"] as const;
/** Where its publication time may be: news-please's field first. */
export const PUBLISHED_FIELDS = ["date_publish", "published", "date_published", "publish_date", "publication_date", "date"] as const;

/** Where the outlet's name may be: a string, or an object with a "name" (NewsAPI's "source",
 *  schema.org's "publisher"). A web address there is read as the domain. */
export const OUTLET_FIELDS = ["outlet", "source", "publisher", "source_name", "site_name"] as const;
const WEB_ADDRESS = /^(?:https?:\/\/)?(?:[a-z0-9-]+\.)+[a-z]{2,}(?:[/?#]\S*)?$/i;

/** news-please fields (and their common other names), read defensively: wrong types are reported, not trusted. */
function newsPleaseDocument(path: string, id: string, format: InputFormat, record: unknown, where: string): IngestResult {
  if (record === null || typeof record !== "object" || Array.isArray(record)) {
    return {documents: [], diagnostics: [diagnostic(path, "error", "record-invalid", `${where} is not a JSON object.`)]};
  }
  const r = record as Record<string, unknown>;
  const diagnostics: Diagnostic[] = [];
  const str = (key: string): string | undefined => {
    const v = r[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v === "string") return v;
    if (typeof v === "number" && Number.isFinite(v)) return String(v);
    diagnostics.push(diagnostic(path, "warning", "record-wrong-type", `${where}: field "${key}" should be text; it was ignored.`));
    return undefined;
  };
  /** The first of `keys` the record has (null values count as absent). */
  const firstOf = (keys: readonly string[]) => keys.find((key) => r[key] !== undefined && r[key] !== null);
  const textKey = firstOf(TEXT_FIELDS);
  const body = normalizeText(
    textKey === undefined
      ? ""
      : (textOf(r[textKey], (some) =>
          diagnostics.push(diagnostic(path, "warning", "record-wrong-type", some
            ? `${where}: field "${textKey}" has items that are neither text nor lists of text; they were left out.`
            : `${where}: field "${textKey}" should be text or a list of paragraphs; it was ignored.`))
        ) ?? "")
  );
  if (!body.trim()) {
    const names = TEXT_FIELDS.map((f) => `"${f}"`).join(", ");
    return {documents: [], diagnostics: [...diagnostics, diagnostic(path, "error", "record-without-text", `${where} has no article text (in none of the fields ${names}).`)]};
  }
  const declared: DeclaredMetadata = {};
  const titleKey = firstOf(TITLE_FIELDS);
  const title = titleKey === undefined ? undefined : str(titleKey);
  if (title?.trim()) declared.title = normalizeText(title);
  const url = str("url");
  if (url) declared.url = url;
  const domain = str("source_domain");
  if (domain) declared.domain = domain.toLowerCase();
  for (const [field, key] of [[firstOf(PUBLISHED_FIELDS), "published"], ["date_modify", "updated"]] as const) {
    if (field === undefined) continue;
    const value = str(field);
    if (!value?.trim()) continue;
    const problem = dateProblem(value);
    if (problem) diagnostics.push(diagnostic(path, "warning", "record-bad-date", `${where}: field "${field}" ("${truncate(value.trim(), 40)}") is not a date: ${problem}; it was ignored.`));
    else declared[key] = value.trim();
  }
  // The first of the outlet fields that names one; an empty one is passed over, a wrong one reported.
  for (const key of OUTLET_FIELDS) {
    const value = r[key];
    if (value === undefined || value === null) continue;
    const named = typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>).name : value;
    if (typeof named !== "string") {
      diagnostics.push(diagnostic(path, "warning", "record-wrong-type", `${where}: field "${key}" should be the outlet's name (text, or an object with a "name"); it was ignored.`));
      continue;
    }
    const name = named.trim();
    if (!name) continue;
    if (WEB_ADDRESS.test(name)) declared.domain ??= name.toLowerCase();
    else declared.outlet = normalizeText(name);
    break;
  }
  if (Array.isArray(r.authors)) declared.authors = r.authors.filter((a): a is string => typeof a === "string");
  else if (r.authors !== undefined && r.authors !== null) str("authors");
  return {documents: [plainDocument(path, id, format, body, declared)], diagnostics};
}

/**
 * An article text given as a string, or as a list of paragraphs, each a string or a list of
 * strings (its pieces, joined by a space); paragraphs are joined by a blank line. Anything else
 * is left out and reported once through `wrong` (with `true` when only some items are).
 * @example textOf([["One.", "Two."], "Three."], () => {}) // "One. Two.\n\nThree."
 */
export function textOf(value: unknown, wrong: (some: boolean) => void): string | undefined {
  if (typeof value === "string") return value;
  if (!Array.isArray(value)) {
    wrong(false);
    return undefined;
  }
  let bad = false;
  const paragraphs: string[] = [];
  for (const item of value) {
    if (typeof item === "string") paragraphs.push(item);
    else if (Array.isArray(item) && item.every((piece) => typeof piece === "string")) paragraphs.push(item.join(" "));
    else bad = true;
  }
  if (bad) wrong(paragraphs.length > 0);
  return paragraphs.filter((p) => p.trim()).join("\n\n");
}

/** A web page: its article's paragraphs, headline and metadata (`html.ts`). */
function htmlDocument(path: string, page: string): IngestResult {
  if (nestingOver(page) !== null) {
    return {documents: [], diagnostics: [diagnostic(path, "error", "html-too-deep", `The page nests its elements more than ${MAX_HTML_DEPTH.toLocaleString("en-US")} deep (browsers stop at 512); reading it would take minutes, so it was not read.`)]};
  }
  const article = readHtmlArticle(page);
  if (!article.paragraphs.length) {
    return {documents: [], diagnostics: [diagnostic(path, "error", "html-without-text", "The page holds no article text (no paragraphs outside navigation, headers, footers and asides).")]};
  }
  const diagnostics: Diagnostic[] = [];
  const declared: DeclaredMetadata = {};
  if (article.title) declared.title = normalizeText(article.title.value);
  if (article.url && /^https?:\/\//i.test(article.url.value)) declared.url = article.url.value;
  if (article.outlet) declared.outlet = normalizeText(article.outlet.value);
  if (article.authors.length) declared.authors = article.authors;
  for (const [field, key] of [[article.published, "published"], [article.updated, "updated"]] as const) {
    if (!field) continue;
    const problem = dateProblem(field.value);
    if (problem) diagnostics.push(diagnostic(path, "warning", "html-bad-date", `${field.from} ("${truncate(field.value, 40)}") is not a date: ${problem}; it was ignored.`));
    else declared[key] = field.value;
  }
  const where = {"json-ld": "the page's JSON-LD article body", "article-body": "the elements marked as the article body", article: "the page's <article> element", "densest-block": "the block of the page with the most paragraph text"}[article.textSource!];
  const read = [
    article.title && `the headline from ${article.title.from}`,
    article.published && declared.published && `the publication time from ${article.published.from}`,
    article.outlet && `the outlet from ${article.outlet.from}`,
    article.byline && `the byline "${truncate(article.byline, 80)}" taken out of the text as who wrote it`
  ].filter(Boolean);
  diagnostics.push(diagnostic(path, "info", "html-read", `Article text from ${where} (${article.paragraphs.length} paragraph${article.paragraphs.length === 1 ? "" : "s"})${read.length ? `; ${read.join(", ")}` : ""}.`));
  return {documents: [plainDocument(path, baseId(path), "html", normalizeText(article.paragraphs.join("\n\n")), declared)], diagnostics};
}

function jsonDocuments(path: string, text: string): IngestResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return {documents: [], diagnostics: [diagnostic(path, "error", "json-invalid", `The file is not valid JSON (${firstLineOf(error)}).`)]};
  }
  if (Array.isArray(data)) {
    const results = data.map((record, i) => newsPleaseDocument(path, `${baseId(path)}#${i + 1}`, "json", record, `Record ${i + 1}`));
    return {documents: results.flatMap((r) => r.documents), diagnostics: results.flatMap((r) => r.diagnostics)};
  }
  return newsPleaseDocument(path, baseId(path), "json", data, "The record");
}

function jsonlDocuments(path: string, text: string): IngestResult {
  const documents: DocumentRecord[] = [];
  const diagnostics: Diagnostic[] = [];
  const lines = text.split("\n");
  lines.forEach((line, index) => {
    if (!line.trim()) return;
    const lineNo = index + 1;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch (error) {
      diagnostics.push(diagnostic(path, "error", "jsonl-line-invalid", `Line ${lineNo} is not valid JSON (${firstLineOf(error)}); the other lines were read.`));
      return;
    }
    const rawId = record && typeof record === "object" ? (record as Record<string, unknown>).id : undefined;
    const id = (typeof rawId === "string" && rawId.trim()) || (typeof rawId === "number" && Number.isFinite(rawId)) ? safeId(String(rawId)) : `${baseId(path)}#${lineNo}`;
    const result = newsPleaseDocument(path, id, "jsonl", record, `Line ${lineNo}`);
    documents.push(...result.documents);
    diagnostics.push(...result.diagnostics);
  });
  return {documents, diagnostics};
}

/**
 * Makes ids unique across the corpus, in a deterministic order (by path, then provisional id):
 * the second `a` becomes `a-2`, with an info diagnostic.
 */
export function assignUniqueIds(documents: readonly DocumentRecord[]): IngestResult {
  const seen = new Map<string, number>();
  const diagnostics: Diagnostic[] = [];
  const sorted = [...documents].sort((a, b) => compare(a.path, b.path) || compare(a.id, b.id));
  const taken = new Set(sorted.map((d) => d.id));
  const out = sorted.map((doc) => {
    const count = (seen.get(doc.id) ?? 0) + 1;
    seen.set(doc.id, count);
    if (count === 1) return doc;
    let n = count;
    let id = `${doc.id}-${n}`;
    while (taken.has(id)) id = `${doc.id}-${++n}`;
    taken.add(id);
    diagnostics.push({...diagnostic(doc.path, "info", "id-renamed", `Another file already has the id "${doc.id}"; this one is "${id}".`), documentId: id});
    return {...doc, id};
  });
  return {documents: out, diagnostics};
}

/**
 * Keeps one document per distinct text: a later copy (in path order) is reported as a duplicate and
 * counted once. The kept document lists the copies' paths in `duplicatePaths`.
 */
export function dropDuplicates(documents: readonly DocumentRecord[]): IngestResult {
  const byHash = new Map<string, DocumentRecord>();
  const diagnostics: Diagnostic[] = [];
  const kept: DocumentRecord[] = [];
  for (const doc of documents) {
    const first = byHash.get(doc.contentHash);
    if (first) {
      (first.duplicatePaths ??= []).push(doc.path);
      diagnostics.push({...diagnostic(doc.path, "warning", "duplicate-document", `Same text as ${first.path} (document "${first.id}"); counted once.`), documentId: first.id});
      continue;
    }
    const copy = {...doc};
    byHash.set(doc.contentHash, copy);
    kept.push(copy);
  }
  return {documents: kept, diagnostics};
}

const ENGLISH_FUNCTION_WORDS = new Set(["the", "a", "an", "of", "and", "to", "in", "on", "for", "is", "was", "that", "with", "as", "by", "at", "it", "he", "she", "said", "from", "his", "her", "has", "have", "be", "are", "were", "this", "which", "but", "not", "or", "will"]);

/** The language check reads at most this many characters of a text. */
const LANGUAGE_SAMPLE = 20_000;

/**
 * Flags text that is probably not English (few English function words), so the report can say
 * why an article yields few claims. The article is kept.
 */
export function looksEnglish(text: string): boolean {
  return readsAsEnglish(functionWordShare(text.slice(0, LANGUAGE_SAMPLE)));
}

function readsAsEnglish({words, functionWords}: {words: number; functionWords: number}): boolean {
  if (words < 30) return true;
  return functionWords / words >= 0.12;
}

/** What `looksEnglish` answered for documents made here, found in the same pass as their word count. */
const englishOfDocument = new WeakMap<DocumentRecord, boolean>();

/**
 * `looksEnglish` of a document `ingestSource` made, without reading its words again.
 * @example documentLooksEnglish(ingestSource(source).documents[0])
 */
export function documentLooksEnglish(doc: DocumentRecord): boolean {
  return englishOfDocument.get(doc) ?? looksEnglish(doc.text);
}

/**
 * The number of words (`wordCount`) and, in the same pass over them, the language check of the
 * first `LANGUAGE_SAMPLE` characters (`looksEnglish`).
 */
export function countWordsAndLanguage(text: string): {count: number; english: boolean} {
  const share = {words: 0, functionWords: 0};
  let count = 0;
  scanWords(text, (start, end) => {
    count++;
    if (start >= LANGUAGE_SAMPLE) return;
    if (end <= LANGUAGE_SAMPLE) return countFunctionWord(text, start, end, share);
    // A word cut by the end of the sample counts as the sample's own scan reads it.
    const cut = text.slice(start, LANGUAGE_SAMPLE);
    scanWords(cut, (s, e) => countFunctionWord(cut, s, e, share));
  });
  return {count, english: readsAsEnglish(share)};
}

/**
 * The words with a letter in them (as `words` finds and normalises them) and how many of those are
 * English function words.
 * @example functionWordShare("The cat sat on the mat.") // {words: 6, functionWords: 3}
 */
export function functionWordShare(sample: string): {words: number; functionWords: number} {
  const share = {words: 0, functionWords: 0};
  scanWords(sample, (start, end) => countFunctionWord(sample, start, end, share));
  return share;
}

/**
 * Counts the word at [start, end) of `text` into `share`. Words are counted from their characters
 * where that is enough, without making strings:
 * - a word of ASCII letters (most of them), with or without a final dot (the dot is dropped from
 *   its normal form either way): the function words are at most five letters long, so a short
 *   word is looked up by its letters packed into a number;
 * - a number (digits, dots and commas): no letter, not counted.
 * Any other word goes through its normal form.
 */
function countFunctionWord(text: string, start: number, end: number, share: {words: number; functionWords: number}): void {
  const key = asciiLettersKey(text, start, text.charCodeAt(end - 1) === 46 ? end - 1 : end);
  if (key >= 0) {
    share.words++;
    if (key > 0 && FUNCTION_WORD_KEYS.has(key)) share.functionWords++;
    return;
  }
  if (isNumeral(text, start, end)) return;
  const norm = normalizeWord(text.slice(start, wordEnd(text, start, end)));
  if (!/\p{L}/u.test(norm)) return;
  share.words++;
  if (ENGLISH_FUNCTION_WORDS.has(norm)) share.functionWords++;
}

/**
 * For a word of ASCII letters only: its lower-case letters packed five bits each when it has at
 * most five (a positive number), 0 when it is longer; -1 when it is not all ASCII letters.
 */
function asciiLettersKey(text: string, start: number, end: number): number {
  let key = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i) | 32;
    if (c < 97 || c > 122) return -1;
    key = key * 32 + (c - 96);
  }
  return end - start <= 5 ? key : 0;
}

/** Whether text[start, end) is digits, dots and commas only. */
function isNumeral(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if ((c < 48 || c > 57) && c !== 46 && c !== 44) return false;
  }
  return true;
}

const FUNCTION_WORD_KEYS = new Set([...ENGLISH_FUNCTION_WORDS].map((w) => asciiLettersKey(w, 0, w.length)));

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
