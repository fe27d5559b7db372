/**
 * The Analysis: Driftline's public contract. The CLI prints it, the loaders slice it, the tests
 * validate it. Every character offset refers to the owning document's normalised `text`.
 * Instants are ISO-8601 UTC strings ending in `Z`; zones are IANA names.
 */

/** A half-open character range `[start, end)` into a document's `text`. */
export type Span = [start: number, end: number];

export type DiagnosticLevel = "error" | "warning" | "info";

/** A problem or remark about one input file (or record), shown on the Data quality page. */
export interface Diagnostic {
  path: string;
  level: DiagnosticLevel;
  /** Stable machine-readable code, e.g. `empty-file`, `outlet-unknown`. */
  code: string;
  /** One sentence a user understands. */
  message: string;
  /** The document this concerns, when it became one. */
  documentId?: string;
}

/** A piece of text a value was inferred from. `span` is null when it is not in `text` (metadata). */
export interface Evidence {
  text: string;
  span: Span | null;
  /** Where the evidence sits: the article text, its front matter, a JSON field, a registry entry… */
  source: "text" | "title" | "front-matter" | "json" | "html" | "registry" | "corpus" | "path";
}

export type InputFormat = "txt" | "md" | "json" | "jsonl" | "html";

/** What an input file declares about itself (front matter, news-please fields), before inference. */
export interface DeclaredMetadata {
  title?: string;
  outlet?: string;
  url?: string;
  domain?: string;
  published?: string;
  updated?: string;
  timezone?: string;
  authors?: string[];
}

export type OutletKind = "wire" | "newspaper" | "broadcaster" | "magazine" | "blog" | "agency" | "other";

/** One outlet as the registry in data/outlets.yaml describes it. */
export interface OutletEntry {
  id: string;
  name: string;
  aliases: string[];
  /** Credit markers as printed in text: "Reuters", "AP", "AAP"… matched as whole words. */
  credits: string[];
  domains: string[];
  timezone: string | null;
  country: string | null;
  kind: OutletKind;
}

export interface OutletRegistry {
  outlets: OutletEntry[];
  /** Optional place table (data/places.yaml): dateline cities → IANA zone, used by the time stage. */
  places?: {name: string; zone: string; country: string | null}[];
}

/** Who published a document, and (for syndicated copy) the wire it came from. */
export interface OutletAttribution {
  name: string;
  /** Registry id when the outlet is known to data/outlets.yaml. */
  registryId: string | null;
  role: "publisher" | "wire";
  /** How the outlet was found: `front-matter`, `source-domain`, `url-domain`, `credit-line`… */
  basis: string;
  evidence: Evidence[];
  /** The outlet's home zone (IANA) when known from the registry or the domain's country code. */
  timezone: string | null;
  kind: OutletKind | null;
  /** When the publisher is known and the text also credits a wire, the wire. */
  wire?: { name: string; registryId: string | null; basis: string; evidence: Evidence[] } | null;
}

/** A time known within bounds. `best` lies in [earliest, latest]; all are UTC instants. */
export interface TimeEstimate {
  earliest: string;
  latest: string;
  best: string;
  /** The zone the source printed or implied the time in (IANA), or null when it was UTC/unknown. */
  timezone: string | null;
  /** How the time was obtained, e.g. `explicit-line`, `front-matter`, `caption-date+dateline-zone`,
   *  `relative-day:corpus` (weaker: anchored on other articles). */
  basis: string;
  evidence: Evidence[];
}

export interface DocumentRecord {
  id: string;
  path: string;
  format: InputFormat;
  title: string | null;
  /** Where the title sits in `text`, when it is part of the text (plain text headline). */
  titleSpan: Span | null;
  text: string;
  wordCount: number;
  /** SHA-256 of the normalised text (hex), used to report duplicates. */
  contentHash: string;
  url: string | null;
  authors: string[];
  declared: DeclaredMetadata;
  outlet: OutletAttribution | null;
  published: TimeEstimate | null;
  updated: TimeEstimate | null;
  /** When the reported event happened, as this document tells it. */
  event: TimeEstimate | null;
  /** Other notes about the document such as `non-english`. */
  flags: string[];
  /** Paths of other input files with exactly the same text (counted once). */
  duplicatePaths?: string[];
}

export type Bound = "exact" | "approximate" | "upper" | "lower" | "range";

export interface Quantity {
  value: number;
  /** Upper end of a range ("between 5 and 10"), else absent. */
  high?: number;
  /** Unit: `percent`, a currency code (`USD`, `CNY`, `HKD`…), a duration unit (`year`, `minute`…) or null for a count. */
  unit: string | null;
  approximate: boolean;
  bound: Bound;
  /** The figure as printed. */
  text: string;
}

export type Modality =
  | "fact"
  | "promise"
  | "plan"
  | "expectation"
  | "possibility"
  | "prediction"
  | "threat"
  | "goal"
  | "offer"
  | "claim";

export interface Attribution {
  speaker: string;
  verb: string | null;
  /** True when the figure sits inside a direct quotation. */
  direct: boolean;
  evidence: Evidence | null;
}

export interface Claim {
  id: string;
  documentId: string;
  span: Span;
  sentence: string;
  sentenceSpan: Span;
  quantity: Quantity;
  /** What is counted, lemmatised head noun ("job", "tariff"), or null. */
  measure: string | null;
  qualifiers: string[];
  subject: string | null;
  predicate: string | null;
  modality: Modality;
  hedges: string[];
  attribution: Attribution | null;
  inHeadline: boolean;
  /** A time horizon such as "over the next five years". */
  horizon: string | null;
  familyId: string | null;
  /** The word that set the modality as printed ("vowing", "expects"), or null for a plain statement. */
  modalityCue?: string | null;
  /** Where the counted thing is printed ("small U.S. businesses"), or null when no measure was read. */
  measureSpan?: Span | null;
}

export interface DriftEvent {
  kind:
    | "modality-shift"
    | "hedge-added"
    | "hedge-dropped"
    | "attribution-shift"
    | "measure-shift"
    | "qualifier-shift"
    | "horizon-shift"
    | "figure-changed";
  fromClaimId: string;
  toClaimId: string;
  from: string;
  to: string;
  description: string;
  /** Whether the document it comes from was certainly published before the one it goes to (the
   *  first's window ends before the second's begins). When not, the two are in publication order
   *  by their best times only, and the change may run the other way ("hedge added" may be a hedge
   *  dropped). */
  orderCertain: boolean;
}

export interface ClaimFamily {
  id: string;
  label: string;
  measure: string | null;
  quantity: { value: number; unit: string | null };
  claimIds: string[];
  documentIds: string[];
  /** The story its documents report (`Analysis.stories`); null when stories were not found. */
  storyId: string | null;
  /** For each appearance (same order as `claimIds`), the appearance its drift is measured
   *  against: the closest one in the previous document that carries the figure; null in the
   *  family's first document. */
  comparedWith: (string | null)[];
  /** What changed from each appearance's `comparedWith` to it (outlet to outlet, never within
   *  one document). */
  drift: DriftEvent[];
  /** Close families: same figure, related counted thing (the reframing readers look for). */
  related: {
    familyId: string;
    relation: "synonym" | "related";
    measure: string | null;
    /** `lexicon`: data/measures.yaml lists the two measures as related; `same-figure`: the same
     *  figure counts another thing in the same documents (a reframing). */
    basis?: "lexicon" | "same-figure";
  }[];
}

export interface Quote {
  id: string;
  documentId: string;
  span: Span;
  text: string;
  speaker: string | null;
  verb: string | null;
  /** Where the attribution is printed (the speaker's name or pronoun), or null without a speaker. */
  speakerAt: number | null;
  familyId: string | null;
}

export interface QuoteFamily {
  id: string;
  /** The earliest variant's text. */
  label: string;
  quoteIds: string[];
  documentIds: string[];
  /** Word-level diff of each variant against the earliest. */
  variants: { quoteId: string; diff: { op: "same" | "added" | "removed"; text: string }[] }[];
  /** Whether the earliest variant's document was certainly published before every other document
   *  of the family (its window ends before theirs begin). When not, "earliest" is by the best
   *  estimates of the times, and another wording may have come first. */
  earliestCertain: boolean;
}

export interface ReusePassage {
  source: Span;
  target: Span;
  words: number;
  /** Figures that differ between the two sides of the passage. */
  changedNumbers?: { source: string; target: string }[];
}

export interface ReuseLink {
  source: string;
  target: string;
  sourceCoverage: number;
  targetCoverage: number;
  label: "derived" | "partially-derived" | "independent";
  /** How the direction was decided: `timeline`, `containment`, or `unknown`. */
  direction: "timeline" | "containment" | "unknown";
  passages: ReusePassage[];
  longestPassage: number;
  /** Set when both documents share text that an earlier document lacks. */
  commonSourceSuspected?: boolean;
}

/**
 * Documents that report the same story (stories.ts): a folder is often one story, a week of
 * coverage many. Claim families are formed within a story.
 */
export interface Story {
  /** `s1`, `s2`, … in the order of each story's first document. */
  id: string;
  /** The title of its first document (else its first words). */
  label: string;
  /** In publication order. */
  documentIds: string[];
  /** For each document (same order), the cosine of its content words with the story's as it
   *  joined (for a document that started a story merged into this one, the cosine of the two
   *  stories); null for the document that started the story. */
  cosines: (number | null)[];
  /** The content words that most tie its documents, strongest first: the evidence (empty for a
   *  story of one document). */
  words: string[];
  /** The event day its documents agree on (`consensus:k-of-n`, as the corpus's `event`); null for
   *  a story of one document (its own event time is on the document) or when none dates it. */
  event: TimeEstimate | null;
}

export interface Analysis {
  version: 1;
  inputs: string[];
  documents: DocumentRecord[];
  stories: Story[];
  claims: Claim[];
  families: ClaimFamily[];
  quotes: Quote[];
  quoteFamilies: QuoteFamily[];
  reuse: ReuseLink[];
  /** The corpus consensus on when the reported event happened, with its evidence. */
  event: TimeEstimate | null;
  diagnostics: Diagnostic[];
}

/** Counted-thing lexicon from data/measures.yaml: groups of lemmas that count the same thing
 *  (`synonyms`: one family) or a close thing (`related`: separate families, reported as reframing). */
export interface MeasureLexicon {
  synonyms: string[][];
  related: string[][];
  /** Qualifier spellings that mean the same ("US", "U.S.", "American"): no qualifier drift between them. */
  qualifiers?: string[][];
}

/** The editable reference data under data/, parsed. */
export interface ReferenceData {
  outlets: OutletRegistry;
  measures: MeasureLexicon;
}

/** One stage's result: its values and any diagnostics it raised. */
export interface StageResult<T> {
  value: T;
  diagnostics: Diagnostic[];
}
