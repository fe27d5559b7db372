/**
 * Page-ready slices of the Analysis: what each report page loads. Pure functions; the loaders in
 * src/data call them and print the result. Slices stay small at scale: they carry summaries and
 * the top of each ranking, and only the document pages carry article text.
 */
import {BIN_UNITS, binLength, binStart, binUnit, type BinUnit} from "./bins.js";
import {diffWords, type DiffPiece} from "./diff.js";
import {publishedBefore} from "./order.js";
import type {Analysis, Claim, ClaimFamily, Diagnostic, DocumentRecord, OutletAttribution, Quote, QuoteFamily, ReuseLink, Span, TimeEstimate} from "./types.js";

export interface DocumentSummary {
  id: string;
  path: string;
  title: string | null;
  outlet: string | null;
  outletRole: OutletAttribution["role"] | null;
  outletBasis: string | null;
  outletEvidence: string[];
  wire: string | null;
  timezone: string | null;
  published: TimeEstimate | null;
  updated: TimeEstimate | null;
  event: TimeEstimate | null;
  wordCount: number;
  claims: number;
  quotes: number;
  /** 1-based rank in order of first publication. */
  order: number;
  flags: string[];
}

export interface Limits {
  /** Families listed on the claims page. */
  families?: number;
  /** Reuse pairs listed on the phrasing page. */
  pairs?: number;
  /** Passages carried per pair. */
  passagesPerPair?: number;
  /** Quotation families listed. */
  quoteFamilies?: number;
  /** Document summaries carried by a page (those the page's families and pairs name come first). */
  documents?: number;
  /** Appearances carried per claim family and variants per quotation family (the first ones in publication order). */
  claimsPerFamily?: number;
  /** Diagnostics listed one by one on the data quality page (all are counted). */
  diagnostics?: number;
}

/**
 * Sized so that each page's data stays under 1 MB at 100,000 articles (measured by the benchmark's
 * slice check): a page lists the top of each ranking and says how many there are in all.
 */
const DEFAULT_LIMITS: Required<Limits> = {families: 300, pairs: 300, passagesPerPair: 12, quoteFamilies: 200, documents: 300, claimsPerFamily: Infinity, diagnostics: 1000};
/** The limits for a corpus of more than `documents` (300) documents. */
const LARGE_CORPUS_LIMITS: Required<Limits> = {families: 30, pairs: 100, passagesPerPair: 6, quoteFamilies: 60, documents: 300, claimsPerFamily: 8, diagnostics: 1000};

/** The limits for this corpus: the defaults for its size, overridden by `limits`. */
function limitsFor(analysis: Analysis, limits: Limits): Required<Limits> {
  const defaults = analysis.documents.length > (limits.documents ?? DEFAULT_LIMITS.documents) ? LARGE_CORPUS_LIMITS : DEFAULT_LIMITS;
  return {...defaults, ...limits};
}

/** The most a report page's data may take, in bytes of JSON (UTF-8): under 1 MB with room to spare. */
export const PAGE_DATA_BUDGET = 900 * 1024;

/** A page's data that was cut to fit the budget: the limits it was built with, and its size. */
export interface FittedSlice {
  fitted?: {limits: Required<Limits>; bytes: number; budget: number};
}

/**
 * A slice within `budget` bytes of JSON. The limits are sized for typical news, but long passages
 * or long quotations can make a page's data grow past them; then every limit is cut in the
 * proportion the data is over (never below 1; the document summaries are kept) until it fits, and
 * the slice says so in `fitted`.
 * Its totals still count everything, so a page can say how much it shows.
 * @example fitToBudget(phrasingSlice, analysis).reuse.length // at most the default 300 pairs
 */
export function fitToBudget<T extends object>(slice: (analysis: Analysis, limits: Limits) => T, analysis: Analysis, limits: Limits = {}, budget: number = PAGE_DATA_BUDGET): T & FittedSlice {
  const initial = limitsFor(analysis, limits);
  let current = initial;
  let data = slice(analysis, current);
  let bytes = jsonBytes(data);
  // Cut data also carries the note saying what was cut: room is kept for it.
  const note = jsonBytes({fitted: {limits: initial, bytes: budget, budget}});
  for (let attempt = 0; bytes + (current === initial ? 0 : note) > budget && attempt < 12; attempt++) {
    const factor = Math.min(0.9, (0.95 * (budget - note)) / bytes);
    const cut = (n: number, finite: number) => Math.max(1, Math.floor((Number.isFinite(n) ? n : finite) * factor));
    const next: Required<Limits> = {
      families: cut(current.families, current.families),
      pairs: cut(current.pairs, current.pairs),
      passagesPerPair: cut(current.passagesPerPair, current.passagesPerPair),
      quoteFamilies: cut(current.quoteFamilies, current.quoteFamilies),
      // The document summaries are small, and the page's families and pairs name them.
      documents: current.documents,
      claimsPerFamily: cut(current.claimsPerFamily, LARGE_CORPUS_LIMITS.claimsPerFamily / factor),
      diagnostics: cut(current.diagnostics, current.diagnostics)
    };
    if (Object.keys(next).every((k) => next[k as keyof Limits] === current[k as keyof Limits])) break;
    current = next;
    data = slice(analysis, current);
    bytes = jsonBytes(data);
  }
  return current === initial ? data : {...data, fitted: {limits: current, bytes, budget}};
}

function jsonBytes(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value)).length;
}

/** Evidence items carried per estimate in page lists (the document page carries them all). */
const EVIDENCE_PER_ESTIMATE = 3;

/** An estimate with at most `max` evidence items, and how many there are when some were left out. */
function trimEstimate<T extends TimeEstimate | null>(estimate: T, max = EVIDENCE_PER_ESTIMATE): T {
  if (!estimate) return estimate;
  const long = estimate.evidence.some((e) => e.text.length > EVIDENCE_TEXT);
  if (estimate.evidence.length <= max && !long) return estimate;
  return {
    ...estimate,
    evidence: estimate.evidence.slice(0, max).map((e) => (e.text.length > EVIDENCE_TEXT ? {...e, text: `${e.text.slice(0, EVIDENCE_TEXT)}…`} : e)),
    ...(estimate.evidence.length > max ? {evidenceTotal: estimate.evidence.length} : {})
  };
}

/** Characters of one evidence text in page lists. */
const EVIDENCE_TEXT = 240;

/** Document pages built for a corpus of more than 60 documents (its most involved ones); DRIFTLINE_DOCUMENT_PAGES overrides it (src/data/analysis-cache.ts). */
export const DEFAULT_DOCUMENT_PAGES = 10;

/**
 * How involved each document is in the findings: its figures and quotations, and three for each
 * reuse link. Used to choose which documents a page lists when it cannot list them all.
 */
export function documentInvolvement(analysis: Analysis): Map<string, number> {
  const score = new Map<string, number>(analysis.documents.map((d) => [d.id, 0]));
  const add = (id: string, n: number) => score.set(id, (score.get(id) ?? 0) + n);
  for (const c of analysis.claims) add(c.documentId, 1);
  for (const q of analysis.quotes) add(q.documentId, 1);
  for (const r of analysis.reuse) {
    add(r.source, 3);
    add(r.target, 3);
  }
  return score;
}

/**
 * The ids of the documents that get their own page: all of them up to `limit`, else the `limit` most
 * involved (ties in publication order), listed in publication order.
 * @example documentPageIds(analysis, 100).length <= 100
 */
export function documentPageIds(analysis: Analysis, limit: number = DEFAULT_DOCUMENT_PAGES): string[] {
  return topDocuments(analysis, [], limit).map((d) => d.id);
}

/** The documents `required` names (first) and then the most involved, up to `limit`, in publication order. */
function topDocuments(analysis: Analysis, required: Iterable<string>, limit: number): DocumentRecord[] {
  const docs = analysis.documents;
  if (docs.length <= limit) return [...docs];
  const keep = new Set<string>();
  for (const id of required) if (keep.size < limit) keep.add(id);
  if (keep.size < limit) {
    const score = documentInvolvement(analysis);
    const ranked = docs.map((d, i) => [d.id, score.get(d.id) ?? 0, i] as const).sort((a, b) => b[1] - a[1] || a[2] - b[2]);
    for (const [id] of ranked) {
      if (keep.size >= limit) break;
      keep.add(id);
    }
  }
  return docs.filter((d) => keep.has(d.id));
}

/** A page's document summaries: those it names, then the most involved, up to the limit. */
function pageDocuments(analysis: Analysis, required: Iterable<string>, limit: number): DocumentSummary[] {
  const kept = new Set(topDocuments(analysis, required, limit).map((d) => d.id));
  const summaries = kept.size === analysis.documents.length ? documentSummaries(analysis) : documentSummaries(analysis).filter((d) => kept.has(d.id));
  if (analysis.documents.length <= limit) return summaries;
  // At scale, lists carry the first few evidence items of each time (the document page has them all).
  return summaries.map((d) => ({...d, outletEvidence: d.outletEvidence.slice(0, EVIDENCE_PER_ESTIMATE).map((text) => (text.length > EVIDENCE_TEXT ? `${text.slice(0, EVIDENCE_TEXT)}…` : text)), published: trimEstimate(d.published), updated: trimEstimate(d.updated), event: trimEstimate(d.event)}));
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/** One line per document, in publication order, without the text. */
export function documentSummaries(analysis: Analysis): DocumentSummary[] {
  const claims = countBy(analysis.claims, (c) => c.documentId);
  const quotes = countBy(analysis.quotes, (q) => q.documentId);
  return analysis.documents.map((d, i) => ({
    id: d.id,
    path: d.path,
    title: d.title,
    outlet: d.outlet?.name ?? null,
    outletRole: d.outlet?.role ?? null,
    outletBasis: d.outlet?.basis ?? null,
    outletEvidence: d.outlet?.evidence.map((e) => e.text) ?? [],
    wire: d.outlet?.wire?.name ?? null,
    timezone: d.outlet?.timezone ?? d.published?.timezone ?? null,
    published: d.published,
    updated: d.updated,
    event: d.event,
    wordCount: d.wordCount,
    claims: claims.get(d.id) ?? 0,
    quotes: quotes.get(d.id) ?? 0,
    order: i + 1,
    flags: d.flags
  }));
}

function diagnosticCounts(diagnostics: readonly Diagnostic[]) {
  return {
    error: diagnostics.filter((d) => d.level === "error").length,
    warning: diagnostics.filter((d) => d.level === "warning").length,
    info: diagnostics.filter((d) => d.level === "info").length
  };
}

/** Stories listed on the overview (the largest first). */
const STORIES_LISTED = 30;

/**
 * The corpus's stories for a page: how many, how many documents stand alone, and the largest
 * (two documents or more) with their first document and the words that tie them.
 */
export function storiesSummary(analysis: Analysis, limit = STORIES_LISTED) {
  const stories = analysis.stories ?? [];
  const listed = stories
    .filter((s) => s.documentIds.length > 1)
    .sort((a, b) => b.documentIds.length - a.documentIds.length || (a.id < b.id ? -1 : 1))
    .slice(0, limit)
    .map((s) => ({id: s.id, label: s.label, documents: s.documentIds.length, words: s.words, first: s.documentIds[0]!, event: s.event ? {best: s.event.best, timezone: s.event.timezone, basis: s.event.basis} : null}));
  return {total: stories.length, alone: stories.filter((s) => s.documentIds.length === 1).length, listed};
}

/** The index page: the corpus at a glance and its headline findings. */
export function corpusSlice(analysis: Analysis, limits: Limits = {}) {
  const {documents: maxDocuments} = limitsFor(analysis, limits);
  // Each document's outlet and headline, for the page to name it (the headline stands in for an unknown outlet).
  const names = new Map(analysis.documents.map((d) => [d.id, {outlet: d.outlet?.name ?? null, title: d.title}]));
  // A finding is a figure carried by more than one document.
  const topFamilies = rankFamilies(analysis.families)
    .filter((f) => f.documentIds.length > 1)
    .slice(0, 5)
    .map((f) => ({id: f.id, label: f.label, documents: f.documentIds.length, drift: f.drift.length}));
  const topReuse = rankReuse(analysis.reuse)
    .slice(0, 5)
    .map((r) => ({source: r.source, target: r.target, sourceName: names.get(r.source)?.outlet ?? null, sourceTitle: names.get(r.source)?.title ?? null, targetName: names.get(r.target)?.outlet ?? null, targetTitle: names.get(r.target)?.title ?? null, targetCoverage: r.targetCoverage, label: r.label, direction: r.direction}));
  const stories = storiesSummary(analysis);
  const first = firstPublished(analysis.documents);
  const documents = pageDocuments(analysis, [...(analysis.documents[0] ? [analysis.documents[0].id] : []), ...(first?.mayBeEarlier ?? []), ...topReuse.flatMap((r) => [r.source, r.target]), ...stories.listed.map((s) => s.first)], maxDocuments);
  return {
    inputs: analysis.inputs,
    stories,
    documents,
    documentsTotal: analysis.documents.length,
    event: trimEstimate(analysis.event, 50),
    counts: {
      documents: analysis.documents.length,
      outlets: new Set(analysis.documents.map((d) => d.outlet?.name).filter(Boolean)).size,
      claims: analysis.claims.length,
      families: analysis.families.length,
      stories: (analysis.stories ?? []).length,
      quotes: analysis.quotes.length,
      quoteFamilies: analysis.quoteFamilies.length,
      reusePairs: analysis.reuse.length,
      diagnostics: diagnosticCounts(analysis.diagnostics)
    },
    findings: {
      topFamilies,
      topReuse,
      first: first && {...first, mayBeEarlier: first.mayBeEarlier.map((id) => ({id, name: names.get(id)?.outlet ?? null, title: names.get(id)?.title ?? null}))}
    }
  };
}

/** At most this many documents are named as possibly earlier than the first; the rest are counted. */
const EARLIER_NAMED = 3;

/**
 * The first document in publication order, and whether it is certainly the first: the documents
 * whose publication may have come before its own (their windows reach back before its end), the
 * first few by id and how many in all.
 * @example firstPublished(analysis.documents) // {id: "a", mayBeEarlier: ["c"], mayBeEarlierCount: 1}
 */
export function firstPublished(inOrder: readonly Pick<DocumentRecord, "id" | "published">[]): {id: string; mayBeEarlier: string[]; mayBeEarlierCount: number} | null {
  const first = inOrder[0];
  if (!first?.published) return null;
  const earlier = inOrder.slice(1).filter((doc) => doc.published && publishedBefore(first, doc) !== true);
  return {id: first.id, mayBeEarlier: earlier.slice(0, EARLIER_NAMED).map((doc) => doc.id), mayBeEarlierCount: earlier.length};
}

/**
 * The timeline page: documents' times, outlet zone and evidence (all of them up to the limit, else the
 * most involved), the event, and publication counts per outlet and hour (or day, week, month, year)
 * over the whole corpus, for a chart that stays legible at any size.
 */
export function timelineSlice(analysis: Analysis, limits: Limits = {}) {
  const {documents: maxDocuments} = limitsFor(analysis, limits);
  return {
    documents: pageDocuments(analysis, analysis.documents[0] ? [analysis.documents[0].id] : [], maxDocuments),
    documentsTotal: analysis.documents.length,
    event: trimEstimate(analysis.event, 50),
    publication: publicationBins(analysis.documents)
  };
}

export interface PublicationBin {
  /** Start of the bin, UTC ISO. */
  start: string;
  outlet: string | null;
  count: number;
}

/**
 * Documents per outlet and hour of best publication time (per day, week, month or year as the span
 * drawn grows: `binUnit`), sorted by start then outlet. Documents without a publication time are left out and
 * counted in `undated`. A few far-off times (an old article in the folder, a misread date) would
 * squeeze the rest into one bar: when all but the first and last 1% of the times span less than a
 * quarter of the whole, only those and the times near them are binned, and `outside` counts the
 * others, with the earliest and latest time of all.
 *
 * A document is counted in a bin only when its publication is known to within one bin: one known
 * only to the day is not an hour's, and one placed within a week by the weekday it names is not a
 * day's. The others are counted in `imprecise`. When more than half the dated documents are known
 * less precisely than the span's unit, the next longer unit is used.
 */
export function publicationBins(documents: readonly DocumentRecord[]): {
  unit: BinUnit;
  bins: PublicationBin[];
  undated: number;
  outside: {before: number; after: number; earliest: string; latest: string} | null;
  /** Documents known less precisely than one bin, not counted in any. */
  imprecise: number;
} {
  const times = documents.map((d) => (d.published ? Date.parse(d.published.best) : NaN));
  const widths = documents.map((d) => (d.published ? Date.parse(d.published.latest) - Date.parse(d.published.earliest) : NaN));
  const sorted = Float64Array.from(times.filter((t) => Number.isFinite(t))).sort();
  const n = sorted.length;
  let from = n ? sorted[0]! : 0;
  let to = n ? sorted[n - 1]! : 0;
  let outside: {before: number; after: number; earliest: string; latest: string} | null = null;
  if (n >= 20) {
    // The core: all but the first and last 1% (at least one time at each end).
    const k = Math.max(1, Math.floor(0.01 * n));
    const low = sorted[k]!;
    const high = sorted[n - 1 - k]!;
    const core = Math.max(high - low, 86_400_000);
    if (to - from > 4 * core) {
      // Times near the core are drawn with it; the far-off ones are counted.
      const margin = core / 2;
      let before = 0;
      let after = 0;
      let first = Infinity;
      let last = -Infinity;
      for (let i = 0; i < n; i++) {
        const t = sorted[i]!;
        if (t < low - margin) before++;
        else if (t > high + margin) after++;
        else {
          first = Math.min(first, t);
          last = Math.max(last, t);
        }
      }
      outside = {before, after, earliest: new Date(from).toISOString(), latest: new Date(to).toISOString()};
      from = first;
      to = last;
    }
  }
  let unit = binUnit(n ? to - from : 0);
  const sortedWidths = Float64Array.from(widths.filter((w) => Number.isFinite(w))).sort();
  const medianWidth = sortedWidths.length ? sortedWidths[Math.floor((sortedWidths.length - 1) / 2)]! : 0;
  while (medianWidth > binLength(unit) && unit !== "year") unit = BIN_UNITS[BIN_UNITS.indexOf(unit) + 1]!;
  // A little slack: a day with a clock change lasts 25 hours.
  const longest = binLength(unit) * 1.05;
  let imprecise = 0;
  const counts = new Map<string, PublicationBin>();
  documents.forEach((d, i) => {
    const t = times[i]!;
    if (!Number.isFinite(t) || t < from || t > to) return;
    if (widths[i]! > longest) {
      imprecise++;
      return;
    }
    const start = new Date(binStart(t, unit)).toISOString();
    const outlet = d.outlet?.name ?? null;
    const key = `${start}\u0000${outlet ?? ""}`;
    const bin = counts.get(key);
    if (bin) bin.count++;
    else counts.set(key, {start, outlet, count: 1});
  });
  const bins = [...counts.values()].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : (a.outlet ?? "") < (b.outlet ?? "") ? -1 : (a.outlet ?? "") > (b.outlet ?? "") ? 1 : 0));
  return {unit, bins, undated: documents.length - n, outside, imprecise};
}

/** Families first by how many documents carry them, then by drift, then id. */
export function rankFamilies(families: readonly ClaimFamily[]): ClaimFamily[] {
  return [...families].sort((a, b) => b.documentIds.length - a.documentIds.length || b.drift.length - a.drift.length || (a.id < b.id ? -1 : 1));
}

/** Reuse pairs by the larger coverage, then by the longest passage. */
export function rankReuse(reuse: readonly ReuseLink[]): ReuseLink[] {
  return [...reuse].sort(
    (a, b) => Math.max(b.sourceCoverage, b.targetCoverage) - Math.max(a.sourceCoverage, a.targetCoverage) || b.longestPassage - a.longestPassage || (a.source + a.target < b.source + b.target ? -1 : 1)
  );
}

/** The stories (id and label) of the given families, in story order. */
function storiesOf(analysis: Analysis, families: readonly ClaimFamily[]): {id: string; label: string}[] {
  const named = new Set(families.map((f) => f.storyId));
  return (analysis.stories ?? []).filter((s) => named.has(s.id)).map((s) => ({id: s.id, label: s.label}));
}

/** The claims page: the top families, their claims (sentences, no article text) and the documents. */
export function claimsSlice(analysis: Analysis, limits: Limits = {}) {
  const {families: maxFamilies, claimsPerFamily, documents: maxDocuments} = limitsFor(analysis, limits);
  const order = new Map(analysis.documents.map((d, i) => [d.id, i]));
  const claimById = new Map(analysis.claims.map((c) => [c.id, c]));
  // A family's first appearances in publication order; its totals stay in claimsTotal / documentsTotal.
  const families = rankFamilies(analysis.families)
    .slice(0, maxFamilies)
    .map((f) => {
      if (f.claimIds.length <= claimsPerFamily) return f;
      const first = [...f.claimIds]
        .sort((a, b) => {
          const x = claimById.get(a);
          const y = claimById.get(b);
          return (order.get(x?.documentId ?? "") ?? 1e9) - (order.get(y?.documentId ?? "") ?? 1e9) || (x?.span[0] ?? 0) - (y?.span[0] ?? 0) || (a < b ? -1 : 1);
        })
        .slice(0, claimsPerFamily);
      const kept = new Set(first);
      const documentIds = f.documentIds.filter((id) => first.some((c) => claimById.get(c)?.documentId === id));
      return {...f, claimIds: f.claimIds.filter((id) => kept.has(id)), comparedWith: (f.comparedWith ?? []).filter((_, i) => kept.has(f.claimIds[i]!)), documentIds, drift: f.drift.filter((e) => kept.has(e.toClaimId) && kept.has(e.fromClaimId)), claimsTotal: f.claimIds.length, documentsTotal: f.documentIds.length};
    });
  const kept = new Set(families.flatMap((f) => f.claimIds));
  const claims: Claim[] = analysis.claims.filter((c) => kept.has(c.id));
  // The documents the listed appearances are in (the page lists no others).
  const named = new Set(claims.map((c) => c.documentId));
  const documents = pageDocuments(analysis, named, Math.min(maxDocuments, named.size));
  return {
    documents,
    documentsTotal: analysis.documents.length,
    families,
    chains: Object.fromEntries(families.map((f) => [f.id, driftChain(f, claims, documents)])),
    familiesTotal: analysis.families.length,
    // The stories of the listed families, when the corpus holds more than one.
    stories: (analysis.stories ?? []).length > 1 ? storiesOf(analysis, families) : [],
    claims,
    claimsTotal: analysis.claims.length,
    measures: [...new Set(analysis.claims.map((c) => c.measure).filter((m): m is string => !!m))].sort()
  };
}

export interface ChainLink {
  claimId: string;
  documentId: string;
  outlet: string | null;
  published: string | null;
  figure: string;
  sentence: string;
  /** The words around the figure (up to ~12 either side, within its sentence). */
  wording: string;
  /** That wording against the wording of the appearance it is compared with (the closest one in
   *  the previous document that carries the figure), word by word; unchanged in the first document. */
  diff: DiffPiece[];
  /** The appearance it is compared with, and that appearance's document (null in the family's
   *  first document). */
  comparedWith: string | null;
  comparedWithDocument: string | null;
  modality: Claim["modality"];
  hedges: string[];
  speaker: string | null;
  inHeadline: boolean;
  /** Drift events arriving at this appearance. */
  drift: {kind: string; description: string; orderCertain: boolean}[];
}

/**
 * A family's appearances in publication order, each with its wording diffed against the
 * appearance it is compared with (`ClaimFamily.comparedWith`) and the drift events that lead to it.
 */
export function driftChain(family: ClaimFamily, claims: readonly Claim[], documents: readonly DocumentSummary[]): ChainLink[] {
  const byId = new Map(claims.map((c) => [c.id, c]));
  const docs = new Map(documents.map((d) => [d.id, d]));
  const ordered = family.claimIds
    .map((id) => byId.get(id))
    .filter((c): c is Claim => !!c)
    .sort((a, b) => (docs.get(a.documentId)?.order ?? 1e9) - (docs.get(b.documentId)?.order ?? 1e9) || a.span[0] - b.span[0]);
  const windows = new Map(ordered.map((claim) => [claim.id, claimWindow(claim)] as const));
  const comparedWith = new Map(family.claimIds.map((id, i) => [id, family.comparedWith?.[i] ?? null] as const));
  return ordered.map((claim) => {
    const source = comparedWith.get(claim.id) ?? null;
    const previous = source === null ? undefined : windows.get(source);
    const wording = windows.get(claim.id)!;
    const doc = docs.get(claim.documentId);
    return {
      claimId: claim.id,
      documentId: claim.documentId,
      outlet: doc?.outlet ?? null,
      published: doc?.published?.best ?? null,
      figure: claim.quantity.text,
      sentence: claim.sentence,
      wording,
      diff: previous !== undefined ? diffWords(previous, wording) : [{op: "same", text: wording}],
      comparedWith: source,
      comparedWithDocument: source === null ? null : (byId.get(source)?.documentId ?? null),
      modality: claim.modality,
      hedges: claim.hedges,
      speaker: claim.attribution?.speaker ?? null,
      inHeadline: claim.inHeadline,
      drift: family.drift.filter((e) => e.toClaimId === claim.id).map((e) => ({kind: e.kind, description: e.description, orderCertain: e.orderCertain}))
    };
  });
}

/**
 * The words around a claim's figure within its sentence: enough to read how it is framed, short
 * enough that a word diff against another appearance shows the framing, not the whole sentence.
 */
export function claimWindow(claim: Pick<Claim, "sentence" | "sentenceSpan" | "span">, wordsEachSide = 12): string {
  const {sentence} = claim;
  const start = Math.max(0, claim.span[0] - claim.sentenceSpan[0]);
  const end = Math.min(sentence.length, Math.max(start, claim.span[1] - claim.sentenceSpan[0]));
  const tokens = [...sentence.matchAll(/\S+/g)].map((m) => [m.index!, m.index! + m[0].length] as const);
  const before = tokens.filter(([, e]) => e <= start);
  const after = tokens.filter(([b]) => b >= end);
  const from = before.length > wordsEachSide ? before[before.length - wordsEachSide]![0] : 0;
  const to = after.length > wordsEachSide ? after[wordsEachSide - 1]![1] : sentence.length;
  return `${from > 0 ? "… " : ""}${sentence.slice(from, to)}${to < sentence.length ? " …" : ""}`;
}

function excerpt(text: string, [start, end]: Span, max = 1200): string {
  return end - start > max ? `${text.slice(start, start + max)}…` : text.slice(start, end);
}

/** The phrasing page: top reuse pairs with passage excerpts, and quotation families. */
export function phrasingSlice(analysis: Analysis, limits: Limits = {}) {
  const {pairs, passagesPerPair, quoteFamilies: maxQuoteFamilies, documents: maxDocuments, claimsPerFamily} = limitsFor(analysis, limits);
  const byId = new Map(analysis.documents.map((d) => [d.id, d]));
  const reuse = rankReuse(analysis.reuse)
    .slice(0, pairs)
    .map((link) => {
      const source = byId.get(link.source)!;
      const target = byId.get(link.target)!;
      return {
        ...link,
        passages: [...link.passages]
          .sort((a, b) => b.words - a.words || a.target[0] - b.target[0])
          .slice(0, passagesPerPair)
          .map((p) => {
            const sourceText = excerpt(source.text, p.source);
            const targetText = excerpt(target.text, p.target);
            return {...p, sourceText, targetText, diff: diffWords(sourceText, targetText)};
          })
      };
    });
  // The page shows who spoke, not where the attribution is printed: the offset stays out of its data.
  const quotesById = new Map(analysis.quotes.map(({speakerAt: _printedAt, ...q}) => [q.id, q]));
  type PageQuote = Omit<Quote, "speakerAt">;
  const quoteFamilies = [...analysis.quoteFamilies]
    .sort((a, b) => b.documentIds.length - a.documentIds.length || (a.id < b.id ? -1 : 1))
    .slice(0, maxQuoteFamilies)
    .map((family: QuoteFamily) => {
      // The first variants (earliest first) up to the per-family limit; the totals stay countable.
      if (family.quoteIds.length <= claimsPerFamily) return {...family, quotes: family.quoteIds.map((id) => quotesById.get(id)).filter((q): q is PageQuote => !!q)};
      const quoteIds = family.quoteIds.slice(0, claimsPerFamily);
      const kept = new Set(quoteIds);
      return {
        ...family,
        quoteIds,
        variants: family.variants.filter((v) => kept.has(v.quoteId)),
        quotesTotal: family.quoteIds.length,
        quotes: quoteIds.map((id) => quotesById.get(id)).filter((q): q is PageQuote => !!q)
      };
    });
  const named = new Set([...reuse.flatMap((r) => [r.source, r.target]), ...quoteFamilies.flatMap((f) => f.quotes.map((q) => q.documentId))]);
  return {
    documents: pageDocuments(analysis, named, Math.min(maxDocuments, named.size)),
    documentsTotal: analysis.documents.length,
    reuse,
    reuseTotal: analysis.reuse.length,
    quoteFamilies,
    quoteFamiliesTotal: analysis.quoteFamilies.length
  };
}

/** What a document page leaves out when its data would be over the budget: the text after
 *  `shownCharacters`, and the findings that lie there (or past the lists' caps). */
export interface DocumentCut {
  shownCharacters: number;
  totalCharacters: number;
  claimsLeft: number;
  quotesLeft: number;
  passagesLeft: number;
  reuseLeft: number;
  diagnosticsLeft: number;
  budget: number;
}

/** Most shared-text partners and diagnostics a cut document page lists. */
const CUT_PAGE_REUSE = 300;
const CUT_PAGE_DIAGNOSTICS = 200;

/**
 * One document page's data: the document with its figures, quotations, shared passages and
 * diagnostics, or null for an unknown id. A document too long for one page (a transcript of several
 * megabytes, say) keeps the start of its text, cut at a line break or a space, with the findings in
 * that part, and says what it left out in `cut`: the page's data stays within `budget`.
 */
export function documentSlice(analysis: Analysis, id: string, budget: number = PAGE_DATA_BUDGET) {
  const document: DocumentRecord | undefined = analysis.documents.find((d) => d.id === id);
  if (!document) return null;
  const summary = documentSummaries(analysis).find((d) => d.id === id)!;
  const families = new Map(analysis.families.map((f) => [f.id, f.label]));
  const stories = analysis.stories ?? [];
  const story = stories.find((s) => s.documentIds.includes(id));
  const at = story ? story.documentIds.indexOf(id) : -1;
  const full = {
    document,
    summary,
    // Its story, when the corpus holds more than one: with the cosine it joined with, and the words.
    story: story && stories.length > 1 ? {id: story.id, label: story.label, documents: story.documentIds.length, first: story.documentIds[0]!, cosine: story.cosines[at] ?? null, words: story.words} : null,
    claims: analysis.claims.filter((c) => c.documentId === id).map((c) => ({...c, familyLabel: c.familyId ? (families.get(c.familyId) ?? null) : null})),
    quotes: analysis.quotes.filter((q) => q.documentId === id),
    reuse: analysis.reuse
      .filter((r) => r.source === id || r.target === id)
      .map((r) => ({other: r.source === id ? r.target : r.source, role: r.source === id ? "source" : "target", coverage: r.source === id ? r.sourceCoverage : r.targetCoverage, label: r.label, spans: r.passages.map((p) => (r.source === id ? p.source : p.target))})),
    diagnostics: analysis.diagnostics.filter((d) => d.documentId === id || d.path === document.path)
  };
  const bytes = jsonBytes(full);
  if (bytes <= budget) return full as typeof full & {cut?: DocumentCut};
  // The text takes what the rest leaves; each try gives it less, as its findings may be dense.
  const reserve = 4096;
  let textBytes = Math.floor(Math.max(budget / 2, budget - reserve - (bytes - jsonBytes(document.text))));
  const allPassages = full.reuse.reduce((n, r) => n + r.spans.length, 0);
  const partners = [...full.reuse].sort((a, b) => b.coverage - a.coverage).slice(0, CUT_PAGE_REUSE);
  const diagnostics = full.diagnostics.slice(0, CUT_PAGE_DIAGNOSTICS);
  for (let attempt = 0; ; attempt++) {
    const shown = cutAt(document.text, jsonPrefixLength(document.text, textBytes));
    const inside = (span: Span) => span[1] <= shown;
    const claims = full.claims.filter((c) => inside(c.span));
    const quotes = full.quotes.filter((q) => inside(q.span));
    const reuse = partners.map((r) => ({...r, spans: r.spans.filter(inside)}));
    const passages = reuse.reduce((n, r) => n + r.spans.length, 0);
    const cut: DocumentCut = {
      shownCharacters: shown,
      totalCharacters: document.text.length,
      claimsLeft: full.claims.length - claims.length,
      quotesLeft: full.quotes.length - quotes.length,
      passagesLeft: allPassages - passages,
      reuseLeft: full.reuse.length - reuse.length,
      diagnosticsLeft: full.diagnostics.length - diagnostics.length,
      budget
    };
    const slice = {...full, document: {...document, text: document.text.slice(0, shown), titleSpan: document.titleSpan && inside(document.titleSpan) ? document.titleSpan : null}, claims, quotes, reuse, diagnostics, cut};
    const size = jsonBytes(slice);
    if (size <= budget || shown === 0 || attempt >= 12) return slice;
    textBytes = Math.floor(textBytes * Math.min(0.9, (0.95 * budget) / size));
  }
}

/**
 * How many UTF-16 units of `text` fit in `bytes` bytes once written as a JSON string (UTF-8, with
 * JSON's escapes; the quotes around it not counted). Never ends between the two halves of a pair.
 * @example jsonPrefixLength('a"b', 3) // 2 (the quote takes two bytes: \")
 */
export function jsonPrefixLength(text: string, bytes: number): number {
  let used = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    let size: number;
    let units = 1;
    if (c === 34 || c === 92 || c === 8 || c === 9 || c === 10 || c === 12 || c === 13) size = 2;
    else if (c < 32) size = 6;
    else if (c < 0x80) size = 1;
    else if (c < 0x800) size = 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff) {
      size = 4;
      units = 2;
    } else if (c >= 0xd800 && c <= 0xdfff) size = 6; // a lone half is written as \uXXXX
    else size = 3;
    if (used + size > bytes) break;
    used += size;
    i += units;
  }
  return i;
}

/** `end` (from `jsonPrefixLength`, so never inside a pair), moved back to just after a line break,
 *  else a space, in the last 5 % of the text before it: a cut that does not split a word. */
function cutAt(text: string, end: number): number {
  if (end >= text.length) return text.length;
  const floor = Math.floor(end * 0.95);
  const line = text.lastIndexOf("\n", end - 1);
  if (line >= floor) return line + 1;
  const space = text.lastIndexOf(" ", end - 1);
  return space >= floor ? space + 1 : end;
}

/**
 * The data quality page: every diagnostic up to the limit (errors and warnings first), with counts by
 * level and by code over all of them.
 */
export function diagnosticsSlice(analysis: Analysis, limits: Limits = {}) {
  const {diagnostics: maxDiagnostics} = limitsFor(analysis, limits);
  const all = analysis.diagnostics;
  const rank = {error: 0, warning: 1, info: 2} as const;
  const listed = all.length <= maxDiagnostics ? all : all.map((d, i) => [d, i] as const).sort((a, b) => rank[a[0].level] - rank[b[0].level] || a[1] - b[1]).slice(0, maxDiagnostics).sort((a, b) => a[1] - b[1]).map(([d]) => d);
  const byCode = new Map<string, {code: string; level: Diagnostic["level"]; count: number}>();
  for (const d of all) {
    const key = `${d.level}\u0000${d.code}`;
    const entry = byCode.get(key);
    if (entry) entry.count++;
    else byCode.set(key, {code: d.code, level: d.level, count: 1});
  }
  return {
    counts: diagnosticCounts(all),
    codes: [...byCode.values()].sort((a, b) => rank[a.level] - rank[b.level] || b.count - a.count || (a.code < b.code ? -1 : 1)),
    diagnostics: listed,
    diagnosticsTotal: all.length,
    documents: analysis.documents.length
  };
}
