/**
 * The entry point: source files → the Analysis. The CLI, the loaders and the tests all call this.
 * Each stage is a pure function of the ones before it; this module only sequences them.
 */
import {attributeOutlet} from "./outlet.js";
import {assignUniqueIds, dropDuplicates, ingestSource, looksEnglish, type SourceFile} from "./ingest.js";
import {resolveTimes} from "./time.js";
import {extractClaims} from "./claims.js";
import {groupClaimFamilies} from "./families.js";
import {extractQuotes, groupQuoteFamilies} from "./quotes.js";
import {detectReuse} from "./reuse.js";
import {publicationOrder} from "./order.js";
import type {Analysis, Diagnostic, DocumentRecord, ReferenceData} from "./types.js";

export interface AnalyzeOptions {
  /** The input paths as the user gave them (recorded in the output). */
  inputs?: string[];
  /** Called as each stage starts and finishes, for progress reports. */
  onStage?: (stage: string, event: "start" | "end", count: number) => void;
}

/**
 * Analyses a corpus.
 * @example analyzeSources([{path: "a.txt", bytes}], reference).documents.length // 1
 */
export function analyzeSources(sources: readonly SourceFile[], reference: ReferenceData, {inputs = [], onStage = () => {}}: AnalyzeOptions = {}): Analysis {
  const diagnostics: Diagnostic[] = [];
  const stage = <T>(name: string, count: number, run: () => T): T => {
    onStage(name, "start", count);
    const result = run();
    onStage(name, "end", count);
    return result;
  };

  let documents = stage("ingest", sources.length, () => {
    const parsed: DocumentRecord[] = [];
    for (const source of sources) {
      const result = ingestSource(source);
      parsed.push(...result.documents);
      diagnostics.push(...result.diagnostics);
    }
    const unique = assignUniqueIds(parsed);
    const deduplicated = dropDuplicates(unique.documents);
    diagnostics.push(...unique.diagnostics, ...deduplicated.diagnostics);
    return deduplicated.documents.map((doc) => {
      if (looksEnglish(doc.text)) return doc;
      diagnostics.push({path: doc.path, documentId: doc.id, level: "info", code: "non-english", message: "The text does not look like English; it is kept, but figures and quotations may be missed."});
      return {...doc, flags: [...doc.flags, "non-english"]};
    });
  });

  documents = stage("outlet", documents.length, () =>
    documents.map((doc) => {
      const {outlet, diagnostics: found} = attributeOutlet(doc, reference.outlets);
      diagnostics.push(...found);
      return {...doc, outlet};
    })
  );

  const timed = stage("time", documents.length, () => resolveTimes(documents, reference.outlets));
  documents = timed.documents;
  diagnostics.push(...timed.diagnostics);
  const inOrder = publicationOrder(documents);

  const {claims, families} = stage("claims", documents.length, () => {
    const extracted = inOrder.flatMap((doc) => {
      const result = extractClaims(doc);
      diagnostics.push(...result.diagnostics);
      return result.claims;
    });
    return groupClaimFamilies(extracted, inOrder, reference.measures);
  });

  const {quotes, quoteFamilies} = stage("quotes", documents.length, () =>
    groupQuoteFamilies(inOrder.flatMap((doc) => extractQuotes(doc)), inOrder)
  );

  const reuse = stage("reuse", documents.length, () => detectReuse(inOrder));

  return {
    version: 1,
    inputs: [...inputs],
    documents: inOrder,
    claims,
    families,
    quotes,
    quoteFamilies,
    reuse,
    event: timed.event,
    diagnostics: sortDiagnostics(diagnostics)
  };
}

const LEVEL_RANK = {error: 0, warning: 1, info: 2} as const;

/** Diagnostics in a stable order: by path, level (errors first), code, message. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      cmp(a.path, b.path) || LEVEL_RANK[a.level] - LEVEL_RANK[b.level] || cmp(a.code, b.code) || cmp(a.message, b.message) || cmp(a.documentId ?? "", b.documentId ?? "")
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
