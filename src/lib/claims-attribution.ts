/**
 * Who a figure is attributed to: a speech verb with its speaker in the sentence (", company
 * spokesman John Doe said", "said Anna Clark", "Smith told reporters", "according to X"), or,
 * for a figure inside a quotation, the speaker named next to the quotation, in the next sentence or
 * in the previous one. "he said" resolves to the last speaker named earlier in the document.
 */
import type {Attribution, Span} from "./types.js";
import {CAPITALISED_FUNCTION, ROLE_NOUNS} from "./claims-lexicon.js";

const SPEECH = String.raw`(?:said|says|say|told|tells|added|adds|noted|notes|stated|states|explained|explains|announced|announces|wrote|writes|argued|argues|insisted|insists|claimed|claims|warned|warns|remarked|declared|declares|acknowledged|confirmed|confirms|asserted|continued|recalled|replied|estimated|estimates)`;
/** A speaker noun phrase: up to eight words, names, roles, "of", possessives. */
const NP = String.raw`(?:[\p{L}\p{N}'’.&-]+(?:\s+|$)){0,7}?[\p{L}\p{N}'’.&-]+`;

const SPEECH_TEST = new RegExp(String.raw`\b${SPEECH}\b|according\s+to`);
const TRAILING = new RegExp(String.raw`(?:^|[,”"’]\s*|[,;]\s+)(?<np>${NP})\s+(?:also\s+|later\s+|then\s+|previously\s+|earlier\s+)?(?<verb>${SPEECH})\b(?<rest>[^”"“,;]*)$`, "u");
const INVERTED = new RegExp(String.raw`[,”"’]\s*(?<verb>${SPEECH})\s+(?<np>(?:(?:the|a|an)\s+)?(?:[\p{Lu}][\p{L}'’.-]*|${"\\p{Ll}+"})(?:\s+[\p{L}'’.-]+){0,6}?)(?=\s*(?:,|\.|$|\s+(?:to|in|on|at|during|after|before|of|from|when|while|who|as)\b))`, "u");
const LEADING = new RegExp(String.raw`(?:^\s*|[,;:]\s+|\s{2,}|\bbut\s+|\band\s+)(?<np>${NP})\s+(?:also\s+|later\s+|then\s+|previously\s+|earlier\s+)?(?<verb>${SPEECH})(?:\s+(?:reporters|journalists|the\s+\p{Lu}[\p{L}]*(?:\s+\p{Lu}[\p{L}]*)*|\p{Lu}[\p{L}]*|him|her|them|us|me|investors|analysts|a\s+[\p{L}\s]{1,30}?))?(?:\s+(?:on|in|at|during)\s+[\p{L}\p{N}\s]{1,30}?)?(?:\s+that)?\s*[,:]?\s*`, "gu");
/** "… Jane Smith said:" just before a quotation (the speech verb is what `SPEECH_TEST` looks for). */
const SPEAKER_BEFORE_QUOTE = new RegExp(String.raw`(?<np>${NP})\s+(?<verb>${SPEECH})(?:\s+[\p{L}\s]{1,30}?)?\s*[,:]?\s*$`, "u");
/** "according to X": X runs to punctuation, or to a clause of its own ("… and is the biggest loser"). */
const ACCORDING = /\baccording\s+to\s+(?<np>[^,.;:()“”"]{2,80}?)(?=\s*(?:[,.;:()“”"]|$)|\s+(?:but|while|which|who|whose|where|when)\s|\s+and\s+(?:is|was|are|were|has|had|have|will|would|could|can|may|might)\b)/iu;
const PRONOUN = /^(?:he|she|they|it|we|i)$/i;

/** Finds quotation spans in text: “…” pairs and straight-quote pairs, never across a newline. */
export function quotationSpans(text: string): Span[] {
  const spans: Span[] = [];
  const re = /“[^”\n]*(?:”|(?=\n)|$)|"[^"\n]*"|‘[^’\n]{20,}’/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

/** The quotation holding [start, end) (spans sorted and disjoint, as `quotationSpans` gives, with
 *  or without their marks), by binary search. */
export function insideQuotation(quotes: readonly Span[], start: number, end: number): Span | null {
  // The last quotation opening at or before `start` is the only one that can hold the span.
  let lo = 0;
  let hi = quotes.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (quotes[mid]![0] <= start) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const q = found >= 0 ? quotes[found]! : null;
  return q && end <= q[1] ? q : null;
}

/** The quotations overlapping [start, end), from spans sorted and disjoint. */
export function quotationsWithin(quotes: readonly Span[], start: number, end: number): Span[] {
  let lo = 0;
  let hi = quotes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (quotes[mid]![1] <= start) lo = mid + 1;
    else hi = mid;
  }
  const out: Span[] = [];
  for (let i = lo; i < quotes.length && quotes[i]![0] < end; i++) out.push(quotes[i]!);
  return out;
}

/** Index of the first sentence ending after `offset` (sentences sorted), or the count when none does. */
function firstEndingAfter(sentenceSpans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = sentenceSpans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sentenceSpans[mid]![1] > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Blanks quotations out of a segment, so that a speech verb inside one is not taken as an attribution. */
function maskQuotations(segment: string): string {
  return segment.replace(/“[^”]*”|"[^"]*"/g, (q) => " ".repeat(q.length));
}

/**
 * Per-document caches for attribution, so that each sentence is searched once however many figures
 * it holds: the speech-verb candidates of a sentence (or piece of one), and the named speaker of
 * each sentence for resolving "he said".
 */
export interface AttributionContext {
  candidates: Map<string, AttributionCandidates | null>;
  namedSpeakers: Map<number, string | null>;
  neighbours: Map<number, FoundAttribution | null>;
}

export function attributionContext(): AttributionContext {
  return {candidates: new Map(), namedSpeakers: new Map(), neighbours: new Map()};
}

/** Cleans a speaker phrase: drops leading determiners and trailing clause words; keeps the name. */
export function speakerName(phrase: string): string | null {
  const words = phrase.trim().replace(/[,;:]+$/, "").split(/\s+/).filter(Boolean);
  while (words.length && /^(?:the|a|an|and|but|so|then|also|later|earlier|now|as)$/i.test(words[0]!)) words.shift();
  if (!words.length) return null;
  // The phrase must end in a name, a pronoun or a role noun; anything else is not a speaker.
  const last = words[words.length - 1]!;
  const lastNorm = last.toLowerCase().replace(/[’']s$/, "");
  const capital = /^\p{Lu}/u.test(last);
  if (PRONOUN.test(last) && words.length === 1) return last.toLowerCase();
  if (!capital && !ROLE_NOUNS.has(lastNorm) && !/(?:man|woman|person|people|ists?|ers?|ors?|ants?|ents?|report|study|survey|estimates?|data|figures|filings?|statement|analysis|agency|ministry|department|office|bureau|company|group|firm|government)$/i.test(lastNorm)) return null;
  if (capital) {
    // Trailing run of capitalised words (the person or organisation's name, "Chamber of Commerce")
    let i = words.length - 1;
    for (;;) {
      if (i > 0 && /^\p{Lu}/u.test(words[i - 1]!) && !CAPITALISED_FUNCTION.has(words[i - 1]!.toLowerCase())) i--;
      else if (i > 1 && /^(?:of|for|and|&|de|du|von|van)$/.test(words[i - 1]!) && /^\p{Lu}/u.test(words[i - 2]!)) i -= 2;
      else break;
    }
    const name = words.slice(i).join(" ");
    if (i === 0 && CAPITALISED_FUNCTION.has(words[0]!.toLowerCase())) return null;
    return name;
  }
  // A role phrase ("an Acme spokesman", "analysts"): keep it whole, at most six words.
  const tail = words.slice(-6);
  if (tail.some((w) => /^(?:that|which|who|is|was|are|were|has|have|had|would|will|to)$/i.test(w))) {
    const cut = tail.findLastIndex((w) => /^(?:that|which|who|is|was|are|were|has|have|had|would|will|to)$/i.test(w));
    return tail.slice(cut + 1).join(" ") || null;
  }
  return tail.join(" ");
}

export interface FoundAttribution extends Attribution {
  /** Whether the speaker was a pronoun resolved to an earlier name. */
  resolved?: boolean;
}


/** The speech-verb matches of a segment, found once whatever the figure's position. */
export interface AttributionCandidates {
  trailing: RegExpExecArray | null;
  inverted: RegExpExecArray | null;
  /** Every LEADING match, in order. */
  leading: RegExpExecArray[];
  according: RegExpExecArray | null;
}

/** Runs the attribution patterns over a segment once (null when it holds no speech verb). */
export function attributionCandidates(segment: string): AttributionCandidates | null {
  if (!SPEECH_TEST.test(segment)) return null;
  const leading: RegExpExecArray[] = [];
  LEADING.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = LEADING.exec(segment))) {
    leading.push(m);
    if (m[0].length === 0) LEADING.lastIndex++;
  }
  return {trailing: TRAILING.exec(segment), inverted: INVERTED.exec(segment), leading, according: ACCORDING.exec(segment)};
}

/**
 * Speech attribution inside one piece of text (a sentence), searching only outside `exclude`
 * (the quotation holding the figure). Offsets in the result are absolute (`offset` is added).
 */
export function attributionIn(segment: string, offset: number, figureAt: number, found?: AttributionCandidates | null): FoundAttribution | null {
  const c = found === undefined ? attributionCandidates(segment) : found;
  if (!c) return null;
  // "…, company spokesman John Doe said in a phone call."
  let m = c.trailing;
  if (m && m.index + m[0].length - (m.groups!.rest?.length ?? 0) > figureAt - offset) {
    const speaker = speakerName(m.groups!.np!);
    if (speaker) {
      const end = m.index + m[0].length - (m.groups!.rest?.length ?? 0);
      return {speaker, verb: m.groups!.verb!, direct: false, evidence: {text: m.input.slice(m.index, end).replace(/^[,;”"’\s]+/, ""), span: [offset + m.index, offset + end], source: "text"}};
    }
  }
  // "…,” said Anna Clark, chairman of …"
  m = c.inverted;
  if (m) {
    const speaker = speakerName(m.groups!.np!);
    if (speaker) {
      const s = offset + m.index;
      return {speaker, verb: m.groups!.verb!, direct: false, evidence: {text: m[0].replace(/^[,”"’]\s*/, ""), span: [s, s + m[0].length], source: "text"}};
    }
  }
  // "Ma told reporters that …" (before the figure)
  // The last match ending at or before the figure (matches are in order, their ends increasing).
  let best: RegExpExecArray | null = null;
  let lo = 0;
  let hi = c.leading.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const l = c.leading[mid]!;
    if (offset + l.index + l[0].length > figureAt) hi = mid - 1;
    else {
      best = l;
      lo = mid + 1;
    }
  }
  if (best) {
    const speaker = speakerName(best.groups!.np!);
    if (speaker) {
      const s = offset + best.index;
      return {speaker, verb: best.groups!.verb!, direct: false, evidence: {text: best[0].trim(), span: [s, s + best[0].trimEnd().length], source: "text"}};
    }
  }
  m = c.according;
  if (m) {
    const speaker = speakerName(m.groups!.np!) ?? m.groups!.np!.trim();
    const s = offset + m.index;
    return {speaker, verb: "according to", direct: false, evidence: {text: m[0], span: [s, s + m[0].length], source: "text"}};
  }
  return null;
}

/**
 * The last speaker named (not a pronoun) in the sentences before offset `before`, looking back at
 * most twelve sentences: what "he said" refers to.
 */
export function lastNamedSpeaker(text: string, sentenceSpans: readonly Span[], before: number, context?: AttributionContext): string | null {
  const index = firstEndingAfter(sentenceSpans, before);
  for (let i = index - 1, n = 0; i >= 0 && n < 12; i--, n++) {
    let named = context?.namedSpeakers.get(i);
    if (named === undefined) {
      named = null;
      const [s, e] = sentenceSpans[i]!;
      const segment = text.slice(s, e);
      if (/said|says|told|added|according/.test(segment)) {
        const found = attributionIn(maskQuotations(segment), s, e);
        if (found && !PRONOUN.test(found.speaker) && found.verb !== "according to") named = found.speaker;
      }
      context?.namedSpeakers.set(i, named);
    }
    if (named !== null) return named;
  }
  return null;
}

/**
 * The attribution of a figure at `figureSpan` inside the sentence at `sentenceSpan` of `text`.
 * @example attributeFigure(text, quotes, [0, 80], [40, 50])?.speaker // "John Doe"
 */
export function attributeFigure(text: string, quotes: readonly Span[], sentenceSpan: Span, figureSpan: Span, sentenceSpans: readonly Span[] | (() => readonly Span[]), context: AttributionContext = attributionContext()): FoundAttribution | null {
  let cached: readonly Span[] | null = null;
  const all = (): readonly Span[] => (cached ??= typeof sentenceSpans === "function" ? sentenceSpans() : sentenceSpans);
  const quote = insideQuotation(quotes, figureSpan[0], figureSpan[1]);
  const [sStart, sEnd] = sentenceSpan;
  let found: FoundAttribution | null = null;
  if (quote) {
    // Text outside the quotation, in the sentence and up to the paragraph's end after it.
    const lineEnd = text.indexOf("\n", quote[1]);
    const afterEnd = lineEnd < 0 ? text.length : lineEnd;
    const after = text.slice(quote[1], Math.min(afterEnd, quote[1] + 200));
    const afterMatch = /^\s*,?\s*(?<verb>said|says|added|adds|told|tells|noted|stated|explained|wrote|writes|continued|insisted|argued|warned|claimed)\s+(?<np>[^,.;“”"]{1,60}?)(?=\s*(?:[,.;]|$|\s+(?:to|in|on|at|during|after|of|when|while|who)\b))|^\s*,?\s*(?<np2>[^,.;“”"]{1,60}?)\s+(?<verb2>said|says|added|adds|told\s+\p{L}+|noted|stated|explained|wrote|writes|continued|insisted|argued|warned|claimed)\b/u.exec(after);
    if (afterMatch) {
      const speaker = speakerName(afterMatch.groups!.np ?? afterMatch.groups!.np2!);
      if (speaker) found = {speaker, verb: (afterMatch.groups!.verb ?? afterMatch.groups!.verb2!).split(/\s+/)[0]!, direct: true, evidence: {text: after.slice(0, afterMatch[0].length).trim(), span: [quote[1], quote[1] + afterMatch[0].length], source: "text"}};
    }
    if (!found) {
      const lineStart = text.lastIndexOf("\n", quote[0]) + 1;
      const before = text.slice(Math.max(lineStart, quote[0] - 200), quote[0]);
      const beforeMatch = SPEECH_TEST.test(before) ? SPEAKER_BEFORE_QUOTE.exec(before) : null;
      if (beforeMatch) {
        const speaker = speakerName(beforeMatch.groups!.np!);
        const s = quote[0] - before.length + beforeMatch.index;
        if (speaker) found = {speaker, verb: beforeMatch.groups!.verb!, direct: true, evidence: {text: beforeMatch[0].trim(), span: [s, s + beforeMatch[0].trimEnd().length], source: "text"}};
      }
    }
    if (!found) {
      // The next sentence, then the previous one ("He said." / "Clark said of the plan.")
      const allSentences = all();
      const at = firstEndingAfter(allSentences, sStart);
      const index = allSentences[at] !== undefined && allSentences[at]![0] === sStart ? at : -1;
      for (const n of [index + 1, index - 1]) {
        const neighbour = allSentences[n];
        if (!neighbour) continue;
        let a = context.neighbours.get(n);
        if (a === undefined) {
          // A sentence is attributed as a neighbour once, however many quoted figures sit next to it.
          const seg = text.slice(neighbour[0], neighbour[1]);
          a = attributionIn(maskQuotations(seg), neighbour[0], neighbour[0]);
          context.neighbours.set(n, a);
        }
        if (a) {
          found = {...a, direct: true};
          break;
        }
      }
    }
  } else {
    // Blank out quotations so a speech verb inside one is not taken as the attribution. The
    // patterns run once per sentence; each figure then picks the match for its position.
    const key = `${sStart}:${sEnd}`;
    let candidates = context.candidates.get(key);
    if (candidates === undefined) {
      candidates = attributionCandidates(maskQuotations(text.slice(sStart, sEnd)));
      context.candidates.set(key, candidates);
    }
    found = attributionIn("", sStart, figureSpan[0], candidates);
    if (found?.evidence?.span) found.evidence = {...found.evidence, text: text.slice(found.evidence.span[0], found.evidence.span[1]).trim()};
  }
  if (found && PRONOUN.test(found.speaker)) {
    const named = lastNamedSpeaker(text, all(), found.evidence?.span?.[0] ?? sStart, context);
    if (named) found = {...found, speaker: named, resolved: true};
  }
  return found;
}
