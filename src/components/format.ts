/** Formatting helpers for the report: explicit zones, never the reader's machine zone by accident. */

/**
 * An instant in a zone, e.g. "10 Jan 2017, 19:48 AEDT".
 * @example formatInstant("2017-01-10T08:48:00Z", "Australia/Sydney") // "10 Jan 2017, 19:48 GMT+11"
 */
export function formatInstant(iso: string | null | undefined, timeZone = "UTC"): string {
  if (!iso) return "unknown";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "unknown";
  return new Intl.DateTimeFormat("en-GB", {timeZone, day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short"}).format(date);
}

/**
 * A time estimate as one line: the instant when exact, else its bounds.
 * @example formatEstimate({earliest: "2017-01-09T05:00:00Z", latest: "2017-01-10T05:00:00Z", best: "2017-01-09T17:00:00Z"}) // "between 9 Jan 2017, 05:00 UTC and 10 Jan 2017, 05:00 UTC"
 */
export function formatEstimate(estimate: {earliest: string; latest: string; best: string} | null | undefined, timeZone = "UTC"): string {
  if (!estimate) return "unknown";
  if (estimate.earliest === estimate.latest) return formatInstant(estimate.best, timeZone);
  return `between ${formatInstant(estimate.earliest, timeZone)} and ${formatInstant(estimate.latest, timeZone)}`;
}

/**
 * The day of an instant in a zone, e.g. "10 Jan 2017".
 * @example formatDay("2017-01-10T08:48:00Z", "Australia/Sydney") // "10 Jan 2017"
 */
export function formatDay(iso: string | null | undefined, timeZone = "UTC"): string {
  if (!iso) return "unknown";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "unknown";
  return new Intl.DateTimeFormat("en-GB", {timeZone, day: "numeric", month: "short", year: "numeric"}).format(date);
}

/**
 * A share as a whole percentage.
 * @example formatShare(0.4321) // "43%"
 */
export function formatShare(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/**
 * A count with its noun, singular for one.
 * @example count(1, "document") // "1 document"; count(1200, "drift event") // "1,200 drift events"
 */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? noun : plural}`;
}

/** Words of a headline kept when it names a document (the rest is cut with an ellipsis). */
const NAME_WORDS = 8;

/**
 * What to call a document in a sentence: its outlet; when the outlet is unknown, its headline in
 * quotation marks (cut to a few words); else its id.
 * @example documentName({id: "d1", outlet: null, title: "Acme offers 500 jobs"}) // "“Acme offers 500 jobs”"
 */
export function documentName(doc: {id: string; outlet?: string | null; title?: string | null}): string {
  if (doc.outlet) return doc.outlet;
  const words = (doc.title ?? "").trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return doc.id;
  return `“${words.slice(0, NAME_WORDS).join(" ")}${words.length > NAME_WORDS ? " …" : ""}”`;
}

/**
 * An event time's basis in words: a consensus says how many of the documents that date the event
 * agree; any other basis is shown as its code.
 * @example formatBasis("consensus:3-of-4") // "3 of the 4 documents that date it agree"
 */
export function formatBasis(basis: string): string {
  const m = /^consensus:(\d+)-of-(\d+)(:zone-unknown)?$/.exec(basis);
  if (!m) return basis;
  const [agree, total] = [Number(m[1]), Number(m[2])];
  const words = total === 1 ? "the one document that dates it" : agree === total ? `all ${total} documents that date it agree` : `${agree} of the ${total} documents that date it agree`;
  return `${words}${m[3] ? "; their zone is unknown" : ""}`;
}
