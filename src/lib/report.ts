/**
 * Page-ready slices of the Analysis: what each report page loads. Pure functions; the loaders in
 * src/data call them and print the result. Slices stay small at scale: they carry summaries and
 * the top of each ranking, and only the document pages carry article text.
 */
import {diffWords, type DiffPiece} from "./diff.js";
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
}

const DEFAULT_LIMITS: Required<Limits> = {families: 300, pairs: 300, passagesPerPair: 12, quoteFamilies: 200};

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

/** The index page: the corpus at a glance and its headline findings. */
export function corpusSlice(analysis: Analysis) {
  const documents = documentSummaries(analysis);
  const titles = new Map(analysis.documents.map((d) => [d.id, d.outlet?.name ?? d.id]));
  const topFamilies = rankFamilies(analysis.families)
    .slice(0, 5)
    .map((f) => ({id: f.id, label: f.label, documents: f.documentIds.length, drift: f.drift.length}));
  const topReuse = rankReuse(analysis.reuse)
    .slice(0, 5)
    .map((r) => ({source: r.source, target: r.target, sourceName: titles.get(r.source), targetName: titles.get(r.target), targetCoverage: r.targetCoverage, label: r.label, direction: r.direction}));
  return {
    inputs: analysis.inputs,
    documents,
    event: analysis.event,
    counts: {
      documents: analysis.documents.length,
      outlets: new Set(analysis.documents.map((d) => d.outlet?.name).filter(Boolean)).size,
      claims: analysis.claims.length,
      families: analysis.families.length,
      quotes: analysis.quotes.length,
      quoteFamilies: analysis.quoteFamilies.length,
      reusePairs: analysis.reuse.length,
      diagnostics: diagnosticCounts(analysis.diagnostics)
    },
    findings: {topFamilies, topReuse}
  };
}

/** The timeline page: every document's times, outlet zone and evidence, and the event. */
export function timelineSlice(analysis: Analysis) {
  return {documents: documentSummaries(analysis), event: analysis.event};
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

/** The claims page: the top families, their claims (sentences, no article text) and the documents. */
export function claimsSlice(analysis: Analysis, limits: Limits = {}) {
  const {families: maxFamilies} = {...DEFAULT_LIMITS, ...limits};
  const families = rankFamilies(analysis.families).slice(0, maxFamilies);
  const kept = new Set(families.flatMap((f) => f.claimIds));
  const claims: Claim[] = analysis.claims.filter((c) => kept.has(c.id));
  const documents = documentSummaries(analysis);
  return {
    documents,
    families,
    chains: Object.fromEntries(families.map((f) => [f.id, driftChain(f, claims, documents)])),
    familiesTotal: analysis.families.length,
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
  /** That wording against the previous appearance's, word by word. */
  diff: DiffPiece[];
  modality: Claim["modality"];
  hedges: string[];
  speaker: string | null;
  inHeadline: boolean;
  /** Drift events arriving at this appearance. */
  drift: {kind: string; description: string}[];
}

/**
 * A family's appearances in publication order, each with its wording diffed against the previous
 * appearance and the drift events that lead to it.
 */
export function driftChain(family: ClaimFamily, claims: readonly Claim[], documents: readonly DocumentSummary[]): ChainLink[] {
  const byId = new Map(claims.map((c) => [c.id, c]));
  const docs = new Map(documents.map((d) => [d.id, d]));
  const ordered = family.claimIds
    .map((id) => byId.get(id))
    .filter((c): c is Claim => !!c)
    .sort((a, b) => (docs.get(a.documentId)?.order ?? 1e9) - (docs.get(b.documentId)?.order ?? 1e9) || a.span[0] - b.span[0]);
  const windows = ordered.map((claim) => claimWindow(claim));
  return ordered.map((claim, i) => {
    const previous = i > 0 ? windows[i - 1] : undefined;
    const doc = docs.get(claim.documentId);
    return {
      claimId: claim.id,
      documentId: claim.documentId,
      outlet: doc?.outlet ?? null,
      published: doc?.published?.best ?? null,
      figure: claim.quantity.text,
      sentence: claim.sentence,
      wording: windows[i]!,
      diff: previous !== undefined ? diffWords(previous, windows[i]!) : [{op: "same", text: windows[i]!}],
      modality: claim.modality,
      hedges: claim.hedges,
      speaker: claim.attribution?.speaker ?? null,
      inHeadline: claim.inHeadline,
      drift: family.drift.filter((e) => e.toClaimId === claim.id).map((e) => ({kind: e.kind, description: e.description}))
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
  const {pairs, passagesPerPair, quoteFamilies: maxQuoteFamilies} = {...DEFAULT_LIMITS, ...limits};
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
  const quotesById = new Map(analysis.quotes.map((q) => [q.id, q]));
  const quoteFamilies = [...analysis.quoteFamilies]
    .sort((a, b) => b.documentIds.length - a.documentIds.length || (a.id < b.id ? -1 : 1))
    .slice(0, maxQuoteFamilies)
    .map((family: QuoteFamily) => ({...family, quotes: family.quoteIds.map((id) => quotesById.get(id)).filter((q): q is Quote => !!q)}));
  return {documents: documentSummaries(analysis), reuse, reuseTotal: analysis.reuse.length, quoteFamilies, quoteFamiliesTotal: analysis.quoteFamilies.length};
}

/** One document page: its text, claims, quotations, shared passages and diagnostics. */
export function documentSlice(analysis: Analysis, id: string) {
  const document: DocumentRecord | undefined = analysis.documents.find((d) => d.id === id);
  if (!document) return null;
  const summary = documentSummaries(analysis).find((d) => d.id === id)!;
  const families = new Map(analysis.families.map((f) => [f.id, f.label]));
  return {
    document,
    summary,
    claims: analysis.claims.filter((c) => c.documentId === id).map((c) => ({...c, familyLabel: c.familyId ? (families.get(c.familyId) ?? null) : null})),
    quotes: analysis.quotes.filter((q) => q.documentId === id),
    reuse: analysis.reuse
      .filter((r) => r.source === id || r.target === id)
      .map((r) => ({other: r.source === id ? r.target : r.source, role: r.source === id ? "source" : "target", coverage: r.source === id ? r.sourceCoverage : r.targetCoverage, label: r.label, spans: r.passages.map((p) => (r.source === id ? p.source : p.target))})),
    diagnostics: analysis.diagnostics.filter((d) => d.documentId === id || d.path === document.path)
  };
}

/** The data quality page: every diagnostic, with counts. */
export function diagnosticsSlice(analysis: Analysis) {
  return {counts: diagnosticCounts(analysis.diagnostics), diagnostics: analysis.diagnostics, documents: analysis.documents.length};
}
