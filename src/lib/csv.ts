/**
 * CSV tables of the Analysis (claims, families, reuse, documents) for spreadsheets. Cells that a
 * spreadsheet would run as a formula (=, +, -, @) are prefixed with an apostrophe: article text is
 * untrusted.
 */
import type {Analysis} from "./types.js";

type Cell = string | number | boolean | null | undefined;

/** One CSV cell, quoted when needed. @example csvCell('say "hi"') // '"say ""hi"""' */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return "";
  let s = typeof value === "number" ? (Number.isFinite(value) ? String(value) : "") : String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: string[], rows: Cell[][]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\n") + "\n";
}

export function claimsCsv(analysis: Analysis): string {
  return toCsv(
    ["id", "documentId", "start", "end", "figure", "value", "unit", "bound", "measure", "modality", "hedges", "speaker", "verb", "familyId", "sentence"],
    analysis.claims.map((c) => [c.id, c.documentId, c.span[0], c.span[1], c.quantity.text, c.quantity.value, c.quantity.unit, c.quantity.bound, c.measure, c.modality, c.hedges.join("; "), c.attribution?.speaker, c.attribution?.verb, c.familyId, c.sentence])
  );
}

export function familiesCsv(analysis: Analysis): string {
  return toCsv(
    ["id", "label", "value", "unit", "measure", "claims", "documents", "driftEvents", "story"],
    analysis.families.map((f) => [f.id, f.label, f.quantity.value, f.quantity.unit, f.measure, f.claimIds.length, f.documentIds.join("; "), f.drift.length, f.storyId])
  );
}

export function reuseCsv(analysis: Analysis): string {
  return toCsv(
    ["source", "target", "sourceCoverage", "targetCoverage", "label", "direction", "passages", "longestPassage"],
    analysis.reuse.map((r) => [r.source, r.target, r.sourceCoverage, r.targetCoverage, r.label, r.direction, r.passages.length, r.longestPassage])
  );
}

export function documentsCsv(analysis: Analysis): string {
  const storyOf = new Map<string, string>();
  for (const story of analysis.stories ?? []) for (const id of story.documentIds) storyOf.set(id, story.id);
  return toCsv(
    ["id", "path", "title", "outlet", "publishedBest", "publishedEarliest", "publishedLatest", "publishedBasis", "words", "story"],
    analysis.documents.map((d) => [d.id, d.path, d.title, d.outlet?.name, d.published?.best, d.published?.earliest, d.published?.latest, d.published?.basis, d.wordCount, storyOf.get(d.id)])
  );
}
