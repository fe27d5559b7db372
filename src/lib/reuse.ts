import type {DocumentRecord, ReuseLink} from "./types.js";

/** Aligned shared passages between documents, one link per related pair, with direction. STUB. */
export function detectReuse(_documents: readonly DocumentRecord[]): ReuseLink[] {
  return [];
}
