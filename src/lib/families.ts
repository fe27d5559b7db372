import type {Claim, ClaimFamily, DocumentRecord, MeasureLexicon} from "./types.js";

/** Parses data/measures.yaml text. STUB. */
export function parseMeasureLexicon(_yamlText: string): MeasureLexicon {
  return {synonyms: [], related: []};
}

/** Groups claims into families across documents (given in publication order) and finds drift. STUB. */
export function groupClaimFamilies(
  claims: readonly Claim[],
  _documentsInOrder: readonly DocumentRecord[],
  _lexicon: MeasureLexicon
): {claims: Claim[]; families: ClaimFamily[]} {
  return {claims: claims.map((c) => ({...c})), families: []};
}
