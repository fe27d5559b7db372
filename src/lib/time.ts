import type {Diagnostic, DocumentRecord, OutletRegistry, TimeEstimate} from "./types.js";

/**
 * Resolves published, updated and event times for every document (documents already carry their
 * outlet). Relative days are anchored in-article first, then on the other documents. STUB.
 */
export function resolveTimes(
  documents: readonly DocumentRecord[],
  _registry: OutletRegistry
): {documents: DocumentRecord[]; event: TimeEstimate | null; diagnostics: Diagnostic[]} {
  return {documents: documents.map((d) => ({...d})), event: null, diagnostics: []};
}
