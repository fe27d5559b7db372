import type {Claim, Diagnostic, DocumentRecord} from "./types.js";

/** Every figure in a document as a claim record (familyId null until grouped). STUB. */
export function extractClaims(_doc: DocumentRecord): {claims: Claim[]; diagnostics: Diagnostic[]} {
  return {claims: [], diagnostics: []};
}
