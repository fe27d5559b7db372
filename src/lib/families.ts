/**
 * Claim families: the same figure about the same counted thing across documents, and how it drifted
 * from one appearance to the next.
 *
 * Passes: (1) key each claim by its figure (value rounded to two significant digits, so "36,446"
 * and "36,000" meet), its unit, and its measure mapped to the first lemma of its synonym group in
 * data/measures.yaml; (2) order each family's claims by publication order of their documents, then
 * position; (3) compare each appearance with the previous one for drift; (4) link families with the
 * same figure and unit whose counted things are related in the lexicon, or that count different
 * things with the same figure in the same documents (the reframing).
 */
import {parse} from "yaml";
import type {Claim, ClaimFamily, DocumentRecord, DriftEvent, MeasureLexicon} from "./types.js";
import {modalityCueLemma} from "./claims-modality.js";
import {CASUALTY_WORDS, IRREGULAR_PLURALS, lemmatize} from "./claims-lexicon.js";
import {wordTable} from "./word-table.js";
import {eachWord} from "./text.js";
import {wordKey} from "./diff.js";
import {publishedBefore} from "./order.js";

/**
 * Parses data/measures.yaml text. Throws an Error that says what is wrong on malformed input.
 * @example parseMeasureLexicon("synonyms:\n  - [job, position]\n").synonyms // [["job", "position"]]
 */
export function parseMeasureLexicon(yamlText: string): MeasureLexicon {
  let data: unknown;
  try {
    data = parse(yamlText);
  } catch (error) {
    throw new Error(`measures lexicon is not valid YAML: ${(error as Error).message.split("\n")[0]}`);
  }
  if (data === null || data === undefined) return {synonyms: [], related: [], qualifiers: []};
  if (typeof data !== "object" || Array.isArray(data)) throw new Error("measures lexicon must be a mapping with `synonyms`, `related` and `qualifiers` lists");
  const record = data as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!["synonyms", "related", "qualifiers"].includes(key)) throw new Error(`measures lexicon: unknown key \`${key}\` (expected synonyms, related, qualifiers)`);
  }
  const groups = (key: string): string[][] => {
    const value = record[key];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) throw new Error(`measures lexicon: \`${key}\` must be a list of lists of words`);
    return value.map((group, i) => {
      if (!Array.isArray(group) || group.some((w) => typeof w !== "string" || !w.trim())) {
        throw new Error(`measures lexicon: \`${key}\` entry ${i + 1} must be a list of non-empty words`);
      }
      return group.map((w: string) => w.trim().toLowerCase());
    });
  };
  return {synonyms: groups("synonyms"), related: groups("related"), qualifiers: groups("qualifiers")};
}

/** Lexicon lookups, built once per grouping. */
interface LexiconIndex {
  canonical(measure: string): string;
  related(a: string, b: string): boolean;
  qualifier(q: string): string;
}

function indexLexicon(lexicon: MeasureLexicon): LexiconIndex {
  const canonical = new Map<string, string>();
  for (const group of lexicon.synonyms ?? []) for (const w of group) if (!canonical.has(w)) canonical.set(w, group[0]!);
  const relatedGroups = new Map<string, Set<number>>();
  (lexicon.related ?? []).forEach((group, i) => {
    for (const w of group) {
      if (!relatedGroups.has(w)) relatedGroups.set(w, new Set());
      relatedGroups.get(w)!.add(i);
    }
  });
  const qualifierCanonical = new Map<string, string>();
  for (const group of lexicon.qualifiers ?? []) for (const w of group) qualifierCanonical.set(w.replace(/\./g, ""), group[0]!.replace(/\./g, ""));
  const canon = (m: string) => canonical.get(m) ?? m;
  return {
    canonical: canon,
    related(a, b) {
      for (const x of [a, canon(a)]) {
        const ga = relatedGroups.get(x);
        if (!ga) continue;
        for (const y of [b, canon(b)]) {
          const gb = relatedGroups.get(y);
          if (gb) for (const g of ga) if (gb.has(g)) return true;
        }
      }
      return false;
    },
    qualifier(q) {
      const norm = q.toLowerCase().replace(/[.’']/g, "").replace(/\s+/g, " ").trim();
      if (qualifierCanonical.has(norm)) return qualifierCanonical.get(norm)!;
      // Inside a phrase ("on U.S. imports"), map each word.
      return norm.split(" ").map((w) => qualifierCanonical.get(w) ?? w).join(" ");
    },
  };
}

/** Value rounded to two significant digits, as a plain string key. */
export function figureKey(value: number): string {
  if (!Number.isFinite(value) || value === 0) return "0";
  return String(Number(value.toPrecision(2)));
}

const SCALE_NAMES: [number, string][] = [[1e12, "trillion"], [1e9, "billion"], [1e6, "million"]];

/** Currency codes printed as a sign before the figure. */
const CURRENCY_PREFIXES = wordTable<string>({USD: "US$", EUR: "€", GBP: "£", JPY: "¥", HKD: "HK$", AUD: "A$", CAD: "C$", NZD: "NZ$", SGD: "S$"});

/**
 * A figure as a reader writes it.
 * @example formatFigure(1e6, null) // "1 million"
 * @example formatFigure(45, "percent") // "45 percent"
 */
export function formatFigure(value: number, unit: string | null): string {
  let number = String(value);
  const abs = Math.abs(value);
  for (const [scale, name] of SCALE_NAMES) {
    if (abs >= scale) {
      number = `${Number((value / scale).toPrecision(4))} ${name}`;
      break;
    }
  }
  if (abs >= 1000 && abs < 1e6) number = value.toLocaleString("en-US");
  if (unit === null) return number;
  if (unit === "percent") return `${number} percent`;
  if (unit === "percentage-point") return `${number} percentage points`;
  if (CURRENCY_PREFIXES[unit]) return `${CURRENCY_PREFIXES[unit]}${number}`;
  if (unit === "CNY") return `${number} yuan`;
  if (/^[A-Z]{3}$/.test(unit)) return `${unit} ${number}`;
  return `${number} ${unit}${value === 1 ? "" : "s"}`;
}

/** Singular → plural for the nouns whose plural is not made by rule ("foot" → "feet"). */
const IRREGULAR_PLURAL_OF = new Map(
  Object.entries(IRREGULAR_PLURALS)
    .filter(([plural, singular]) => plural !== singular && plural !== `${singular}s` && plural !== `${singular}es`)
    .map(([plural, singular]) => [singular, plural] as const)
);

const UNCOUNTABLE = new Set(["goods", "data", "staff", "people", "police", "news", "media", "earnings", "series", "species", "sheep", "fish", "deer", "aircraft", "cattle", "equipment", "merchandise", "revenue", "money", "information", "employment"]);

/** English plural of a lemma. @example pluralize("company") // "companies" */
export function pluralize(word: string): string {
  const irregular = IRREGULAR_PLURAL_OF.get(word);
  if (irregular) return irregular;
  // Abbreviations ("mph", "us"), participles and adjectives ("killed", "dead") have no plural.
  if (UNCOUNTABLE.has(word) || (/s$/.test(word) && !/(?:ss|us|is)$/.test(word)) || !/[aeiouy]/.test(word) || word.length <= 2 || CASUALTY_WORDS.has(word) || /[^e]ed$/.test(word)) return word;
  if (/[^aeiou]y$/.test(word)) return word.slice(0, -1) + "ies";
  if (/(?:s|x|z|ch|sh)$/.test(word)) return word + "es";
  if (word === "person") return "people";
  return word + "s";
}

function orderClaims(claims: readonly Claim[], documentsInOrder: readonly DocumentRecord[]): Claim[] {
  const rank = new Map<string, number>();
  documentsInOrder.forEach((d, i) => rank.set(d.id, i));
  return [...claims].sort((a, b) => {
    const ra = rank.get(a.documentId) ?? Number.MAX_SAFE_INTEGER;
    const rb = rank.get(b.documentId) ?? Number.MAX_SAFE_INTEGER;
    if (ra !== rb) return ra - rb;
    if (a.documentId !== b.documentId) return a.documentId < b.documentId ? -1 : 1;
    return a.span[0] - b.span[0] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9.]+/g, "-").replace(/^-+|-+$/g, "") || "x";
}

/** The figure as printed with its bound words ("more than 300 million"). */
function figureWording(c: Claim): string {
  const from = c.span[0] - c.sentenceSpan[0];
  const to = c.span[1] - c.sentenceSpan[0];
  const printed = from >= 0 && to <= c.sentence.length ? c.sentence.slice(from, to) : "";
  return printed || c.quantity.text;
}

/** Speakers compare by their last name-like word: "Acme's Smith" and "Jane Smith" are the same. */
function speakerKey(speaker: string): string {
  const last = speaker.trim().split(/\s+/).pop() ?? "";
  return last.toLowerCase().replace(/[’']s$/, "");
}

function describeModality(c: Claim): string {
  return c.modalityCue ? `${c.modality} ("${c.modalityCue}")` : c.modality;
}

function describeAttribution(c: Claim): string {
  if (!c.attribution) return "unattributed";
  return `${c.attribution.speaker}${c.attribution.verb ? ` (${c.attribution.verb})` : ""}${c.attribution.direct ? ", quoted" : ""}`;
}

/**
 * What each appearance of a family (in family order: by document, then place) is compared with,
 * and the drift events that come of it: an appearance of the previous document that carries the
 * figure, in the same place (a headline with a headline, the body with the body) when it has one
 * there, and of those the closest (the fewest differences, then the most words of its sentence
 * shared, then the first). Appearances in the family's first document are compared with nothing:
 * differences within one document (a headline that drops its body's hedge) are not drift from
 * outlet to outlet.
 */
function comparedAppearances(members: readonly Claim[], index: LexiconIndex): {source: Claim | null; events: DriftEvent[]}[] {
  const out: {source: Claim | null; events: DriftEvent[]}[] = [];
  let current: Claim[] = [];
  // The previous document's appearances (its first few, when it repeats the figure many times):
  // all of them, and those in its headline and in its body.
  let previous: {all: Claim[]; headline: Claim[]; body: Claim[]} = {all: [], headline: [], body: []};
  // Each sentence's words, made once for this family (only when there are candidates to rank).
  const words = new Map<Claim, Set<string>>();
  const wordsOf = (c: Claim) => {
    let w = words.get(c);
    if (!w) words.set(c, (w = sentenceWords(c.sentence)));
    return w;
  };
  for (const b of members) {
    if (current.length && current[0]!.documentId !== b.documentId) {
      previous = {
        all: current.slice(0, MAX_COMPARED),
        headline: current.filter((a) => a.inHeadline).slice(0, MAX_COMPARED),
        body: current.filter((a) => !a.inHeadline).slice(0, MAX_COMPARED)
      };
      current = [];
    }
    current.push(b);
    const samePlace = b.inHeadline ? previous.headline : previous.body;
    const candidates = samePlace.length ? samePlace : previous.all;
    let best: {source: Claim | null; events: DriftEvent[]} = {source: null, events: []};
    let bestShared = -1;
    for (const a of candidates) {
      const events = driftWith(a, b, index);
      if (best.source && events.length > best.events.length) continue;
      const shared = candidates.length > 1 ? sharedWords(wordsOf(a), wordsOf(b)) : 0;
      if (!best.source || events.length < best.events.length || shared > bestShared) {
        best = {source: a, events};
        bestShared = shared;
      }
    }
    out.push(best);
  }
  return out;
}

/** Appearances of the previous document an appearance is compared with, at most. */
const MAX_COMPARED = 8;

/** The distinct words of a sentence, compared as the word diffs compare them (`wordKey`). */
function sentenceWords(sentence: string): Set<string> {
  const words = new Set<string>();
  eachWord(sentence, (raw) => words.add(wordKey(raw)));
  return words;
}

/** How many words two sets share. */
function sharedWords(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const w of b) if (a.has(w)) shared++;
  return shared;
}

/** Drift between two appearances of a family (`orderCertain` false: two claims alone say nothing of when their documents were published). */
export function driftBetween(a: Claim, b: Claim, lexicon: MeasureLexicon = {synonyms: [], related: []}): DriftEvent[] {
  return driftWith(a, b, indexLexicon(lexicon));
}

function driftWith(a: Claim, b: Claim, index: LexiconIndex): DriftEvent[] {
  const events: DriftEvent[] = [];
  const where = `${a.documentId} → ${b.documentId}`;
  const push = (kind: DriftEvent["kind"], from: string, to: string, description: string) =>
    events.push({kind, fromClaimId: a.id, toClaimId: b.id, from, to, description: `${description} (${where})`, orderCertain: false});

  const cueA = a.modalityCue ? modalityCueLemma(a.modalityCue) : null;
  const cueB = b.modalityCue ? modalityCueLemma(b.modalityCue) : null;
  if (a.modality !== b.modality || cueA !== cueB) {
    const from = describeModality(a);
    const to = describeModality(b);
    push("modality-shift", from, to, a.modality !== b.modality ? `stated as ${a.modality}, then as ${b.modality}` : `"${a.modalityCue}" became "${b.modalityCue}"`);
  }
  for (const h of a.hedges) if (!b.hedges.includes(h)) push("hedge-dropped", h, "", `hedge "${h}" dropped`);
  for (const h of b.hedges) if (!a.hedges.includes(h)) push("hedge-added", "", h, `hedge "${h}" added`);
  const speakerA = a.attribution ? speakerKey(a.attribution.speaker) : null;
  const speakerB = b.attribution ? speakerKey(b.attribution.speaker) : null;
  if (speakerA !== speakerB) push("attribution-shift", describeAttribution(a), describeAttribution(b), `attributed to ${describeAttribution(a)}, then to ${describeAttribution(b)}`);
  if ((a.measure ?? null) !== (b.measure ?? null)) push("measure-shift", a.measure ?? "", b.measure ?? "", `counted "${a.measure ?? "?"}", then "${b.measure ?? "?"}"`);
  const qa = [...new Set(a.qualifiers.map(index.qualifier))].sort();
  const qb = [...new Set(b.qualifiers.map(index.qualifier))].sort();
  if (qa.join("|") !== qb.join("|")) {
    push("qualifier-shift", a.qualifiers.join(", "), b.qualifiers.join(", "), `qualifiers "${a.qualifiers.join(", ") || "none"}" became "${b.qualifiers.join(", ") || "none"}"`);
  }
  const ha = a.horizon?.toLowerCase() ?? null;
  const hb = b.horizon?.toLowerCase() ?? null;
  if (ha !== hb) push("horizon-shift", a.horizon ?? "", b.horizon ?? "", `horizon "${a.horizon ?? "none"}" became "${b.horizon ?? "none"}"`);
  const boundChange = a.quantity.bound !== b.quantity.bound && [a.quantity.bound, b.quantity.bound].some((x) => x === "lower" || x === "range");
  if (a.quantity.value !== b.quantity.value || (a.quantity.high ?? null) !== (b.quantity.high ?? null) || a.quantity.unit !== b.quantity.unit || boundChange) {
    const rounded = a.quantity.value !== b.quantity.value && figureKey(a.quantity.value) === figureKey(b.quantity.value);
    const fa = figureWording(a);
    const fb = figureWording(b);
    push("figure-changed", fa, fb, `${rounded ? "figure rounded" : "figure changed"}: "${fa}" became "${fb}"`);
  }
  return events;
}

/** The exact value most appearances print (the smallest on a tie), for a readable id. */
function typicalValue(members: readonly Claim[]): number {
  const counts = new Map<number, number>();
  for (const c of members) counts.set(c.quantity.value, (counts.get(c.quantity.value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
}

/** The measure word most appearances use (first seen wins a tie). */
function mostCommonMeasure(members: readonly Claim[]): string | null {
  const counts = new Map<string, number>();
  for (const c of members) if (c.measure !== null) counts.set(c.measure, (counts.get(c.measure) ?? 0) + 1);
  let best: string | null = null;
  for (const [m, n] of counts) if (best === null || n > counts.get(best)!) best = m;
  return best;
}

/**
 * Whether the claim printed its counted noun with a capital inside the sentence ("10 Americans",
 * "200 Democrats"): the measure is kept in lower case, the label follows the printed form.
 */
function printsMeasureCapitalised(c: Claim): boolean {
  if (!c.measure || !c.measureSpan || !c.sentenceSpan || typeof c.sentence !== "string") return false;
  const phrase = c.sentence.slice(c.measureSpan[0] - c.sentenceSpan[0], c.measureSpan[1] - c.sentenceSpan[0]);
  return phrase.split(/[^\p{L}'’-]+/u).some((w) => /^\p{Lu}\p{Ll}/u.test(w) && lemmatize(w) === c.measure);
}

function familyLabel(members: readonly Claim[], value: number, unit: string | null, measure: string | null, index: LexiconIndex): string {
  const figure = formatFigure(value, unit);
  if (measure === null) return figure;
  if (members.filter(printsMeasureCapitalised).length * 2 > members.length) measure = measure.charAt(0).toUpperCase() + measure.slice(1);
  // Qualifiers most appearances agree on (by meaning), shown in their most common short spelling.
  const counts = new Map<string, {n: number; spellings: Map<string, number>; first: number}>();
  members.forEach((c, i) => {
    for (const q of new Set(c.qualifiers)) {
      const key = index.qualifier(q);
      const entry = counts.get(key) ?? {n: 0, spellings: new Map(), first: i};
      entry.n++;
      entry.spellings.set(q, (entry.spellings.get(q) ?? 0) + 1);
      counts.set(key, entry);
    }
  });
  const chosen = [...counts.values()]
    .filter((e) => e.n * 2 > members.length || members.length === 1)
    .map((e) => {
      const spelling = [...e.spellings.entries()].sort((x, y) => y[1] - x[1] || x[0].length - y[0].length || (x[0] < y[0] ? -1 : 1))[0]![0];
      return {spelling, first: e.first, phrase: /\s/.test(spelling)};
    });
  const before = chosen.filter((c) => !c.phrase).sort((x, y) => x.first - y.first).map((c) => c.spelling);
  const after = chosen.filter((c) => c.phrase).map((c) => c.spelling).slice(0, 1);
  const measureWords = (unit === "percent" || unit === "percentage-point") ? measure : pluralize(measure);
  if (members.every((c) => c.quantity.unit !== null && /^(?:second|minute|hour|day|week|month|year|decade|century)$/.test(c.quantity.unit))) {
    return [`${String(value)}-${unit}`, ...before, measure, ...after].join(" ");
  }
  if (unit !== null && unit !== "percent" && unit !== "percentage-point") return `${figure} (${[...before, measure, ...after].join(" ")})`;
  return [figure, ...before, measureWords, ...after].join(" ");
}

/**
 * Groups claims into families across documents (given in publication order, earliest first) and
 * finds the drift between consecutive appearances. With `stories` (document id → story id), a
 * family stays within one story: the same figure in another story is another family. Returns copies of the claims with `familyId` set;
 * with `inPlace`, for a caller that owns the claims, sets it on the given ones instead.
 * Family ids come from content: `f-<figure>-<unit>-<measure>`, e.g. `f-1000000-job`, `f-45-percent-tariff`.
 * @example groupClaimFamilies(claims, docs, lexicon).families[0].label // "1 million US jobs"
 */
export function groupClaimFamilies(
  claims: readonly Claim[],
  documentsInOrder: readonly DocumentRecord[],
  lexicon: MeasureLexicon,
  {inPlace = false, stories}: {inPlace?: boolean; stories?: ReadonlyMap<string, string>} = {}
): {claims: Claim[]; families: ClaimFamily[]} {
  const index = indexLexicon(lexicon);
  const ordered = orderClaims(claims, documentsInOrder);
  const byKey = new Map<string, Claim[]>();
  for (const c of ordered) {
    if (!Number.isFinite(c.quantity.value)) continue;
    const measure = c.measure === null ? null : index.canonical(c.measure);
    const key = `${stories?.get(c.documentId) ?? ""}|${figureKey(c.quantity.value)}|${c.quantity.unit ?? ""}|${measure ?? ""}`;
    const list = byKey.get(key) ?? [];
    list.push(c);
    byKey.set(key, list);
  }
  // Whether one claim's document was certainly published before another's.
  const documentOf = new Map(documentsInOrder.map((d) => [d.id, d] as const));
  const claimDocument = new Map(ordered.map((c) => [c.id, c.documentId] as const));
  const certainlyBefore = (a: string, b: string) => {
    const [x, y] = [documentOf.get(claimDocument.get(a) ?? ""), documentOf.get(claimDocument.get(b) ?? "")];
    return !!x && !!y && publishedBefore(x, y) === true;
  };
  const familyOf = new Map<string, string>();
  const families: ClaimFamily[] = [];
  // Beside each family (same index): the rank of its first claim, and its figure and unit with its story.
  const orders: number[] = [];
  const figures: string[] = [];
  const usedIds = new Set<string>();
  const nextSuffix = new Map<string, number>();
  const claimRank = new Map(ordered.map((c, i) => [c.id, i]));
  for (const [key, members] of byKey) {
    const [story, figure, unit, measure] = key.split("|") as [string, string, string, string];
    const first = members[0]!;
    const shownMeasure = mostCommonMeasure(members);
    let id = `f-${slug(String(typicalValue(members)))}${unit ? `-${slug(unit)}` : ""}-${measure ? slug(measure) : "count"}`;
    if (usedIds.has(id)) {
      // The same figure in another story (or a figure that reads the same): numbered from 2.
      const base = id;
      let n = nextSuffix.get(base) ?? 2;
      while (usedIds.has(`${base}-${n}`)) n++;
      id = `${base}-${n}`;
      nextSuffix.set(base, n + 1);
    }
    usedIds.add(id);
    const compared = comparedAppearances(members, index);
    const drift = compared.flatMap((c) => c.events);
    for (const e of drift) e.orderCertain = certainlyBefore(e.fromClaimId, e.toClaimId);
    const documentIds = [...new Set(members.map((c) => c.documentId))];
    for (const c of members) familyOf.set(c.id, id);
    families.push({
      id,
      label: familyLabel(members, typicalValue(members), first.quantity.unit, shownMeasure, index),
      measure: shownMeasure,
      quantity: {value: typicalValue(members), unit: first.quantity.unit},
      claimIds: members.map((c) => c.id),
      documentIds,
      storyId: story || null,
      comparedWith: compared.map((c) => c.source?.id ?? null),
      drift,
      related: [],
    });
    orders.push(claimRank.get(first.id) ?? 0);
    figures.push(`${story}|${figure}|${unit}`);
  }
  // Close families: same figure and unit, different counted thing.
  const byFigure = new Map<string, ClaimFamily[]>();
  families.forEach((f, i) => {
    const list = byFigure.get(figures[i]!);
    if (list) list.push(f);
    else byFigure.set(figures[i]!, [f]);
  });
  figures.length = 0;
  const documentSets = new Map<ClaimFamily, Set<string>>();
  for (const group of byFigure.values()) {
    if (group.length < 2) continue;
    for (const f of group) documentSets.set(f, new Set(f.documentIds));
    for (const a of group) {
      for (const b of group) {
        if (a === b || a.measure === null || b.measure === null) continue;
        const lexical = index.related(a.measure, b.measure);
        const inB = documentSets.get(b)!;
        const shared = lexical || a.documentIds.some((d) => inB.has(d));
        if (!lexical && !shared) continue;
        a.related.push({familyId: b.id, relation: "related", measure: b.measure, basis: lexical ? "lexicon" : "same-figure"});
      }
      a.related.sort((x, y) => (x.familyId < y.familyId ? -1 : x.familyId > y.familyId ? 1 : 0));
    }
  }
  const rank = families.map((_, i) => i).sort((i, j) => {
    const a = families[i]!;
    const b = families[j]!;
    return b.documentIds.length - a.documentIds.length || orders[i]! - orders[j]! || (a.id < b.id ? -1 : 1);
  });
  if (inPlace) for (const c of claims) c.familyId = familyOf.get(c.id) ?? null;
  return {
    claims: inPlace ? [...claims] : claims.map((c) => ({...c, familyId: familyOf.get(c.id) ?? null})),
    families: rank.map((i) => families[i]!),
  };
}
