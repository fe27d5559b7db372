/**
 * `tsx src/bench/slices.ts <analysis.json>`: the size of each page's data (the report's loaders'
 * slices, cut to the page budget as the loaders cut them) and of its parts, to check the 1 MB page
 * budget at scale. `fitted` says when a page had to be cut below its usual limits to fit.
 */
import {readFileSync} from "node:fs";
import {claimsSlice, corpusSlice, diagnosticsSlice, documentPageIds, documentSlice, fitToBudget, phrasingSlice, timelineSlice} from "../lib/report.js";
import type {Analysis} from "../lib/types.js";

/** Bytes of each page's JSON, and of its largest parts. */
export function sliceSizes(analysis: Analysis): Record<string, {bytes: number; parts: Record<string, number>; fitted: boolean}> {
  const pages: Record<string, unknown> = {
    corpus: fitToBudget(corpusSlice, analysis),
    timeline: fitToBudget(timelineSlice, analysis),
    claims: fitToBudget(claimsSlice, analysis),
    phrasing: fitToBudget(phrasingSlice, analysis),
    diagnostics: fitToBudget(diagnosticsSlice, analysis)
  };
  const ids = documentPageIds(analysis);
  if (ids.length) pages[`document (largest of ${ids.length})`] = ids.map((id) => documentSlice(analysis, id)).sort((a, b) => JSON.stringify(b).length - JSON.stringify(a).length)[0];
  const out: Record<string, {bytes: number; parts: Record<string, number>; fitted: boolean}> = {};
  for (const [name, slice] of Object.entries(pages)) {
    const parts = Object.fromEntries(Object.entries(slice as object).map(([k, v]) => [k, Buffer.byteLength(JSON.stringify(v) ?? "")]));
    out[name] = {bytes: Buffer.byteLength(JSON.stringify(slice)), parts, fitted: "fitted" in (slice as object)};
  }
  return out;
}

if (process.argv[1]?.endsWith("slices.ts")) {
  const analysis = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as Analysis;
  for (const [name, {bytes, parts, fitted}] of Object.entries(sliceSizes(analysis))) {
    process.stdout.write(`${name}: ${(bytes / 1024).toFixed(0)} KB${fitted ? " (cut to fit)" : ""}  (${Object.entries(parts).sort((a, b) => b[1] - a[1]).slice(0, 5).map(([k, v]) => `${k} ${(v / 1024).toFixed(0)} KB`).join(", ")})\n`);
  }
}
