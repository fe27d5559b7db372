import type {DocumentRecord, Quote, QuoteFamily} from "./types.js";

/** Direct quotations in a document, with speaker and reporting verb. STUB. */
export function extractQuotes(_doc: DocumentRecord): Quote[] {
  return [];
}

/** Groups variants of the same quotation across documents (given in publication order). STUB. */
export function groupQuoteFamilies(
  quotes: readonly Quote[],
  _documentsInOrder: readonly DocumentRecord[]
): {quotes: Quote[]; quoteFamilies: QuoteFamily[]} {
  return {quotes: quotes.map((q) => ({...q})), quoteFamilies: []};
}
