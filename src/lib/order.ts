import type {DocumentRecord} from "./types.js";

/**
 * Documents in order of first publication: by best publication instant, then earliest bound,
 * then id; documents with no known time come last, by id. Never mutates its input.
 * @example publicationOrder(docs).map((d) => d.id)
 */
export function publicationOrder<T extends Pick<DocumentRecord, "id" | "published">>(documents: readonly T[]): T[] {
  return [...documents].sort((a, b) => {
    const ta = a.published?.best ?? null;
    const tb = b.published?.best ?? null;
    if (ta !== tb) {
      if (ta === null) return 1;
      if (tb === null) return -1;
      return ta < tb ? -1 : 1;
    }
    const ea = a.published?.earliest ?? "";
    const eb = b.published?.earliest ?? "";
    if (ea !== eb) return ea < eb ? -1 : 1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

/**
 * Whether `a` was certainly published before `b`: a's latest bound precedes b's earliest.
 * Returns null when either time is unknown or the intervals overlap.
 */
export function publishedBefore(a: Pick<DocumentRecord, "published">, b: Pick<DocumentRecord, "published">): boolean | null {
  if (!a.published || !b.published) return null;
  if (a.published.latest < b.published.earliest) return true;
  if (b.published.latest < a.published.earliest) return false;
  return null;
}

/**
 * For documents listed in order of first publication, whether each one's publication time overlaps
 * that of the one listed before it, so that the two may have come in either order. False for the
 * first and wherever either time is unknown.
 * @example overlapsPrevious(publicationOrder(docs)) // [false, true, false]
 */
export function overlapsPrevious(ordered: readonly Pick<DocumentRecord, "published">[]): boolean[] {
  return ordered.map((d, i) => i > 0 && !!d.published && !!ordered[i - 1]!.published && publishedBefore(ordered[i - 1]!, d) === null);
}
