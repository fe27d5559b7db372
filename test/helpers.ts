/** Test helpers: build pipeline inputs from literal text, without touching the file system. */
import {createHash} from "node:crypto";
import {wordCount} from "../src/lib/text.js";
import type {DocumentRecord} from "../src/lib/types.js";

/** A document as ingest would produce it from a plain-text file (first line is the headline). */
export function makeDocument(id: string, text: string, overrides: Partial<DocumentRecord> = {}): DocumentRecord {
  const firstLine = text.match(/^\s*([^\n]*)/);
  const title = firstLine?.[1]?.trim() || null;
  const titleStart = title ? text.indexOf(title) : -1;
  return {
    id,
    path: `${id}.txt`,
    format: "txt",
    title,
    titleSpan: title ? [titleStart, titleStart + title.length] : null,
    text,
    wordCount: wordCount(text),
    contentHash: createHash("sha256").update(text).digest("hex"),
    url: null,
    authors: [],
    declared: {},
    outlet: null,
    published: null,
    updated: null,
    event: null,
    flags: [],
    ...overrides
  };
}
