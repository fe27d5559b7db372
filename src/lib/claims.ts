/**
 * Claims: every figure worth tracking in a document, as a record of what is counted, who says so,
 * how firmly (modality, hedges) and over what horizon.
 *
 * Passes, each cheap: (1) `scanQuantities` finds the figures (one regex prefilter, so sentences
 * without digits or number words cost nothing more); (2) only the sentences that hold a figure are
 * tokenised; (3) per figure, the noun phrase after it gives the measure, the words before it the
 * modality, hedges, predicate and subject, and the sentence and its neighbours the attribution.
 *
 * Not claims: minor numbers ("one of the best": see quantity.ts), and durations that are a
 * horizon ("over the next five years"), which become the `horizon` of the other figures instead.
 */
import type {Attribution, Claim, Diagnostic, DocumentRecord, Quote, Span} from "./types.js";
import {extractQuotes, isPronoun, printedNamesOf} from "./quotes.js";
import {TextLayout, isQuestion, sentenceAt, words, type Token} from "./text.js";
import {isNumberWord, scanQuantities, type QuantityMatch} from "./quantity.js";
import {CAPITALISED_FUNCTION, CASUALTY_WORDS, PHRASE_STOP, ROLE_NOUNS, isKnownVerb, lemmatize, unitOfMeasure, verbLemma} from "./claims-lexicon.js";
import {isHedgingModifier, readModality} from "./claims-modality.js";
import {attributeFigure, attributionContext, insideQuotation, lastNamedSpeaker, quotationSpans, quotationsWithin} from "./claims-attribution.js";

const SPEAKING_CUES = /^(?:promise|vow|pledge|expect|offer|predict|aim|guarantee|forecast|intend|propose|hope|envision|claim|insist|commit|target|seek|anticipate)$/;

function precededByDeterminer(tokens: readonly Token[], at: number): boolean {
  const i = tokens.findIndex((t) => t.start === at);
  const determiner = (t: Token | undefined) => t !== undefined && (/^(?:the|a|an|its|his|her|their|our|new|this|that)$/.test(t.norm) || /['’]s$/.test(t.raw));
  if (determiner(tokens[i - 1])) return true;
  // A name between them, before a word in its base form: "its Qualcomm offer", "Its Qualcomm Offer".
  const cue = tokens[i];
  return cue !== undefined && !/(?:s|ed|ing)$/i.test(cue.raw) && /^\p{Lu}/u.test(tokens[i - 1]?.raw ?? "") && determiner(tokens[i - 2]);
}

export {lemmatize} from "./claims-lexicon.js";

const HORIZON = /\b(?:(?:over|in|during|within|for)\s+the\s+(?:next|coming|past|last|following)\s+(?:(?:\d+|[a-z]+(?:-[a-z]+)?)\s+)?(?:years?|months?|decades?|weeks?|days?|quarters?)|within\s+(?:the\s+)?(?:\d+|[a-z]+(?:-[a-z]+)?)\s+(?:years?|months?|decades?|weeks?|days?)|by\s+(?:the\s+end\s+of\s+)?(?:(?:19|20)\d\d|next\s+year|the\s+end\s+of\s+the\s+(?:year|decade))|in\s+the\s+(?:next|coming)\s+decade|(?:this|next)\s+(?:year|decade))\b/gi;

/** PP heads kept as a qualifier of the counted thing ("tariffs on Chinese imports"). */
const QUALIFYING_PREPOSITIONS = new Set(["on", "against"]);
/** After a money or percentage figure, "of"/"in"/"on" introduces what it measures ("$15 billion in sales"). */
const MEASURE_PREPOSITIONS = new Set(["of", "in", "on", "worth"]);
/** Fixed phrases after such a preposition that name no measure ("cut by 89 percent in response to"). */
const NOT_MEASURES = new Set(["response", "addition", "total", "part", "turn", "fact", "order", "line", "terms", "particular", "all", "short", "general", "contrast", "comparison", "return", "effect", "case"]);
const DETERMINERS = new Set(["the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those", "all", "new"]);

function isBoundary(text: string, from: number, to: number): boolean {
  return /[,;:()“”"!?—–]|\.(?!\w)/.test(text.slice(from, to));
}

function isNounCandidate(token: Token): boolean {
  // Number words are part of a figure, never what it counts.
  return !PHRASE_STOP.has(token.norm) && !isNumberWord(token.norm) && /\p{L}/u.test(token.raw) && !/^\d/.test(token.raw) && !/ly$/.test(token.norm);
}

/** Verbs of stance and a few others in their plain form, which follow a plural subject ("47 percent
 *  of Americans hold …", "60 percent of voters favor …", "100 banks use …") and are seldom the last
 *  word of a noun phrase. */
const STANCE_VERBS = new Set(["say", "think", "believe", "want", "hold", "oppose", "favor", "favour", "approve", "disapprove", "agree", "disagree", "prefer", "blame", "expect", "feel", "consider", "know", "remain", "live", "plan", "intend", "trust", "fear", "worry", "doubt", "use", "own", "earn", "need", "face", "receive", "die"]);

/**
 * Whether the "and"/"or" at `tokens[at]` joins two modifiers of one noun ("current or former heads",
 * "red and blue cars") rather than two things counted ("workers and managers", "police and
 * firefighters"): what is read so far does not end in a plural, and at least two more words of the
 * phrase follow the conjunction, the first not a name.
 */
function joinsModifiers(text: string, collected: readonly Token[], tokens: readonly Token[], at: number): boolean {
  const last = collected[collected.length - 1];
  if (!last || lemmatize(last.norm) !== last.norm.toLowerCase() || unitOfMeasure(last.norm)) return false;
  const [a, b] = [tokens[at + 1], tokens[at + 2]];
  if (!a || !b || isBoundary(text, tokens[at]!.end, a.start) || isBoundary(text, a.end, b.start)) return false;
  // A name after the conjunction starts another clause ("a $3 billion charge and Credit Suisse …").
  return isNounCandidate(a) && isNounCandidate(b) && !/['’]s$/.test(a.raw) && !/^\p{Lu}/u.test(a.raw);
}

/** Prepositions of motion: a word in -ing right after a figure and before one of these is a verb. */
const MOTION_AFTER = new Set(["through", "into", "across", "past", "via", "onto", "toward", "towards"]);

/** A plural noun already read ("voters", "people"), followed by a verb of stance in any tense
 *  ("favor", "thought"): the noun phrase ends at the noun. */
function endsAtPlural(collected: readonly Token[], next: Token, after?: Token): boolean {
  const last = collected[collected.length - 1];
  if (last === undefined) return false;
  const plural = /[^s']s$/.test(last.norm) || lemmatize(last.norm) !== last.norm.toLowerCase();
  if (!plural) return false;
  if (STANCE_VERBS.has(next.norm) || STANCE_VERBS.has(verbLemma(next.norm))) return true;
  // "five million jobs cost the economy", "cranes dot the skyline": after a plural, a word without
  // a plural's s that a determiner follows is the verb (a noun after a plural takes one: "sports fans").
  return !/s$/.test(next.norm) && after !== undefined && VERB_OBJECT_DETERMINERS.has(after.norm);
}

/** Determiners that open the object of a verb right after a counted plural. */
const VERB_OBJECT_DETERMINERS = new Set(["the", "a", "an", "its", "their", "his", "her", "our", "this", "these", "those"]);

interface MeasureReading {
  measure: string | null;
  qualifiers: string[];
  /** Where the measure phrase ends (absolute offset). */
  end: number;
}

const FRACTION_WORDS = /^(?:halves|halfs?|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?|hundredths?|thousandths?|time|way|fold|off|sided)$/i;

/**
 * The counted thing of an attributive count, joined to the figure by a hyphen: "a 2,700-page bill"
 * counts pages, "a 12-member panel" members (a unit such as "40-minute" is read by the figure).
 */
function attributiveMeasure(text: string, q: QuantityMatch): MeasureReading | null {
  if (q.kind !== "count" || text.charCodeAt(q.end) !== 45) return null;
  const m = /^-([\p{L}]+)(?![\p{L}\p{N}'’-])/u.exec(text.slice(q.end, q.end + 40));
  // "two-thirds" is a fraction, not a count of thirds; "one-time", "two-way", "threefold" are idioms.
  if (!m || FRACTION_WORDS.test(m[1]!)) return null;
  return {measure: lemmatize(m[1]!), qualifiers: [], end: q.end + m[0].length};
}

/** "Acme's Roe": a name owned by a body, which is the name's. */
const OWNED_NAME = /^\p{Lu}[\p{L}\p{M}.&\-]*['’]s\s+(\p{Lu}\p{Ll}[\p{L}\p{M}'’\-]*(?:\s+\p{Lu}\p{Ll}[\p{L}\p{M}'’\-]*)?)$/u;

/**
 * A speaker's full name: a surname alone ("Roe") or owned by a body ("Acme's Roe") becomes the one
 * full name the text prints for it ("Jane Roe"); anything else is kept as it is.
 */
function fullSpeaker(speaker: string, text: string): string {
  const name = OWNED_NAME.exec(speaker)?.[1] ?? speaker;
  if (/\s/.test(name) || !/^\p{Lu}\p{Ll}/u.test(name) || isPronoun(name) || name === "It") return name;
  return printedNamesOf(text).fullName(name) ?? name;
}

/** Days of the week and months, as printed. */
const CALENDAR_WORD = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July|August|September|October|November|December)$/;

/** Nouns of time after a number: "24 hours" is a figure of its own, not a model's thing counted. */
const TIME_NOUNS = new Set(["second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months", "year", "years", "decade", "decades", "century", "centuries", "percent", "times"]);

/**
 * Whether `digits`, after the name `name`, is a model number: a capitalised word follows it in
 * the same phrase, or a noun that is neither a unit nor a span of time, after a name that is not a
 * plural ("Boeing 737 jets", not "Americans 24 hours").
 */
function isModelNumber(text: string, name: Token, digits: Token, next: Token | undefined): boolean {
  if (!next || isBoundary(text, digits.end, next.start)) return false;
  if (/^\p{Lu}/u.test(next.raw)) return true;
  return !/s$/.test(name.raw) && isNounCandidate(next) && !unitOfMeasure(next.norm) && !TIME_NOUNS.has(next.norm.toLowerCase());
}

/** The counted thing after a figure: qualifiers then a head noun, plus an "on …" phrase. */
function readMeasure(text: string, tokens: readonly Token[], firstAfter: number, figureEnd: number, q: QuantityMatch): MeasureReading {
  const collected: Token[] = [];
  let i = firstAfter;
  let prevEnd = figureEnd;
  let unit: string | null = null;
  // "12 current or former heads of state": modifiers joined by "and" or "or" before the noun.
  let joined: {at: number; word: string} | null = null;
  while (i < tokens.length && collected.length < 6) {
    const t = tokens[i]!;
    if (isBoundary(text, prevEnd, t.start)) break;
    if (/['’]s$/.test(t.raw) && collected.length) break;
    if (!joined && (t.norm === "and" || t.norm === "or") && joinsModifiers(text, collected, tokens, i)) {
      joined = {at: collected.length, word: t.raw};
      prevEnd = t.end;
      i++;
      continue;
    }
    // A model number inside a name ("50 Boeing 737 Max jets", "two Cessna 208 Caravan planes"):
    // digits after a capitalised word, with a capitalised word after them, or the thing counted
    // ("12 Boeing 737 jets", "5 million iPhone 7 units"; not "12 Americans 24 hours later").
    const model = collected.length > 0 && /\p{Lu}/u.test(collected[collected.length - 1]!.raw) && /^\d{1,4}[A-Za-z]?$/.test(t.raw) && isModelNumber(text, collected[collected.length - 1]!, t, tokens[i + 1]);
    if (!model && !isNounCandidate(t)) break;
    // "rose to at least six Friday": a day or a month is when, not what is counted; before it,
    // what follows a plural is its verb ("21 freed girls appear Thursday" counts girls).
    if (CALENDAR_WORD.test(t.raw)) {
      const plural = collected.findLastIndex((c) => lemmatize(c.raw) !== c.raw.toLowerCase().replace(/’/g, "'"));
      if (plural >= 0 && plural < collected.length - 1) collected.length = plural + 1;
      break;
    }
    if (/(?:ing|ed)$/.test(t.norm) && collected.length > 0 && !/-/.test(t.raw)) break;
    // "$2 billion passing through it": a verb of motion, not a thing counted.
    if (collected.length === 0 && /ing$/.test(t.norm) && MOTION_AFTER.has(tokens[i + 1]?.norm ?? "")) break;
    // "12 killed", "12 dead": what happened to them is the measure. Another participle right
    // after the figure ("a nation of 4.8 million received …") is a verb, not a thing counted.
    if (collected.length === 0 && CASUALTY_WORDS.has(t.norm.toLowerCase())) {
      collected.push(t);
      prevEnd = t.end;
      i++;
      break;
    }
    if (collected.length === 0 && /[^e]ed$/.test(t.norm) && t.norm.length > 4) {
      // …unless a noun follows it ("3 in 5 registered voters", "200 armed men").
      const next = tokens[i + 1];
      if (!next || isBoundary(text, t.end, next.start) || !isNounCandidate(next)) break;
    }
    if (endsAtPlural(collected, t, tokens[i + 1])) break;
    collected.push(t);
    prevEnd = t.end;
    i++;
    // A unit of measurement is what the figure counts ("2,000 kilometers east", "5 km away"),
    // unless it is used as an adjective ("a 120 kiloton bomb": singular after a figure above one).
    unit = unitOfMeasure(t.norm);
    if (unit && (q.value === 1 || t.norm.length <= 3 || lemmatize(t.norm) !== t.norm.toLowerCase())) break;
    unit = null;
  }
  if (!collected.length && (q.kind === "currency" || q.kind === "percent")) {
    // "$15 billion in sales", "40 per cent of business", "US$150 billion on foreign-made products"
    const t = tokens[firstAfter];
    if (t && MEASURE_PREPOSITIONS.has(t.norm) && !isBoundary(text, figureEnd, t.start)) {
      let j = firstAfter + 1;
      if (tokens[j]?.norm === "of" && t.norm === "worth") j++;
      while (j < tokens.length && DETERMINERS.has(tokens[j]!.norm) && tokens[j]!.norm !== "new") j++;
      if (j === firstAfter + 1 && NOT_MEASURES.has(tokens[j]?.norm ?? "")) return {measure: null, qualifiers: [], end: figureEnd};
      prevEnd = tokens[j - 1]!.end;
      while (j < tokens.length && collected.length < 4) {
        const u = tokens[j]!;
        if (isBoundary(text, prevEnd, u.start) || !isNounCandidate(u) || CALENDAR_WORD.test(u.raw)) break;
        if (/(?:ing|ed)$/.test(u.norm) && collected.length > 0 && !/-/.test(u.raw)) break;
        if (endsAtPlural(collected, u, tokens[j + 1])) break;
        collected.push(u);
        prevEnd = u.end;
        j++;
      }
      i = j;
    }
  }
  if (!collected.length) return {measure: null, qualifiers: [], end: figureEnd};
  const head = collected[collected.length - 1]!;
  const qualifiers = collected.slice(0, -1).map((t) => t.raw);
  if (joined && joined.at < qualifiers.length) qualifiers.splice(joined.at - 1, 2, `${qualifiers[joined.at - 1]} ${joined.word} ${qualifiers[joined.at]}`);
  let end = head.end;
  // "tariffs on Chinese imports"
  const p = tokens[i];
  if (p && QUALIFYING_PREPOSITIONS.has(p.norm) && !isBoundary(text, head.end, p.start)) {
    const phrase: Token[] = [];
    let j = i + 1;
    let last = p.end;
    while (j < tokens.length && phrase.length < 4) {
      const u = tokens[j]!;
      if (isBoundary(text, last, u.start) || (PHRASE_STOP.has(u.norm) && !DETERMINERS.has(u.norm))) break;
      phrase.push(u);
      last = u.end;
      j++;
      if (!DETERMINERS.has(u.norm) && j < tokens.length && PHRASE_STOP.has(tokens[j]!.norm)) break;
    }
    while (phrase.length && DETERMINERS.has(phrase[phrase.length - 1]!.norm)) phrase.pop();
    if (phrase.length) {
      qualifiers.push(`${p.raw} ${text.slice(phrase[0]!.start, phrase[phrase.length - 1]!.end)}`);
      end = phrase[phrase.length - 1]!.end;
    }
  }
  return {measure: unit ?? (CASUALTY_WORDS.has(head.norm.toLowerCase()) ? head.norm.toLowerCase() : lemmatize(head.raw)), qualifiers, end};
}

/** "Their meeting lasted about 40 minutes": the thing whose duration is given. */
function durationSubject(tokens: readonly Token[], before: number): string | null {
  const verb = tokens[before - 1];
  if (!verb || !/^(?:last|lasts|lasted|lasting|took|takes|take|spent|ran|runs|run)$/.test(verb.norm)) return null;
  const noun = tokens[before - 2];
  if (!noun || !isNounCandidate(noun) || CAPITALISED_FUNCTION.has(noun.norm)) return null;
  return lemmatize(noun.raw);
}

function readPredicate(tokensBefore: readonly Token[], text: string): {predicate: string | null; index: number} {
  for (let i = tokensBefore.length - 1, n = 0; i >= 0 && n < 10; i--, n++) {
    const t = tokensBefore[i]!;
    const next = tokensBefore[i + 1];
    if (next && /[,;:()“”"]/.test(text.slice(t.end, next.start))) break;
    if (/^(?:has|had|have)$/.test(t.norm)) return {predicate: "have", index: i};
    if (t.norm === "to" || PHRASE_STOP.has(t.norm) || /^\d/.test(t.norm)) continue;
    if (/^\p{Lu}/u.test(t.raw) && tokensBefore[i - 1]?.norm !== "to") continue;
    const lemma = verbLemma(t.norm);
    const afterTo = tokensBefore[i - 1]?.norm === "to";
    if (afterTo || isKnownVerb(lemma) || (/(?:ed|ing)$/.test(t.norm) && t.norm.length > 5 && !/-/.test(t.norm))) {
      return {predicate: lemma, index: i};
    }
  }
  return {predicate: null, index: -1};
}

const INTRODUCTORY = new Set(["to", "rather", "in", "on", "at", "during", "after", "before", "within", "for", "since", "by", "under", "over", "while", "when", "as", "with", "without", "despite", "following", "amid", "according", "already", "meanwhile", "however", "still", "additionally", "instead", "last", "next", "earlier", "later", "once", "if", "although", "though", "because", "unless", "until", "whether", "whereas"]);
/**
 * A dateline before the first sentence's subject: an upper-case city with an optional region and
 * date, an optional credit in brackets, then a dash ("SEOUL, South Korea —", "WASHINGTON, Jan 9
 * (AP) —", "(Reuters) -").
 */
const DATELINE_START =
  /^(?:\p{Lu}[\p{Lu}\s.'’\/-]{2,}(?:,\s*\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,3})?(?:,?\s*(?:\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2}|\d{1,2}\s+\p{Lu}\p{Ll}{2,8}\.?)(?:,?\s*\d{4})?)?\s*)?(?:\([^()\n]{1,40}\)\s*)?[-–—]{1,2}\s+/u;
/** Month and weekday names: capitalised, never the subject of a figure. */
const CALENDAR_NAMES = new Set([
  "january", "february", "march", "april", "june", "july", "august", "september", "october",
  "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
  "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
]);
const PRONOUN_SUBJECT = /^(?:he|she|they|it|we)$/;

/** A name, then "who" or "which" opening a relative clause, at the end of a stretch of text
 *  ("… met the chief executive Jane Smith, who has"): the name is the clause's subject. */
const RELATIVE_CLAUSE_BEFORE = /(\p{Lu}[\p{L}\p{M}'’.&-]*(?:[ \t]+\p{Lu}[\p{L}\p{M}'’.&-]*){0,3}),?[ \t]+(?:who|which)[ \t]+(?:(?:has|have|had|also|just|now|then|already|once|repeatedly|previously|recently)[ \t]+){0,2}$/u;
/** Capitalised words that start a new phrase rather than continue a name ("Reuters The truck …"). */
const CLAUSE_OPENERS = new Set(["the", "a", "an", "he", "she", "they", "it", "we", "i", "this", "that", "these", "those", "his", "her", "their", "its", "our", "according", "at", "in", "on", "for", "with", "by", "to", "from", "but", "and", "or", "if", "when", "while", "as", "after", "before", "well", "yeah", "yes", "no"]);
/** Words that open the object of a sentence-initial participle ("Citing the report, …", "Speaking
 *  to reporters, …"); a name ending in -ing ("Beijing said", "Boeing on Monday") is not followed by
 *  them. */
const PARTICIPLE_OBJECT = new Set(["the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "these", "those", "to"]);
/** Words within which an opening participial phrase must reach its comma. */
const PARTICIPLE_PHRASE_WORDS = 12;

/**
 * The sentence's grammatical subject, approximated: after a dateline ("NEW YORK (Reuters) -") and an
 * introductory phrase ("During the campaign,"), the first name-like run ("Acme Group founder Jane
 * Smith") or a personal pronoun. Tokens inside quotations do not count.
 */
function readSubject(text: string, tokens: readonly Token[], untilIndex: number, quotes: readonly Span[]): string | null {
  let i = 0;
  const sentenceStart = tokens[0]?.start ?? 0;
  // The sentence's first word may be the credit inside a bracket: "(Reuters) - …".
  const datelineStart = text[sentenceStart - 1] === "(" ? sentenceStart - 1 : sentenceStart;
  const dateline = DATELINE_START.exec(text.slice(datelineStart, datelineStart + 120));
  if (dateline) while (i < untilIndex && tokens[i]!.start < datelineStart + dateline[0].length) i++;
  // "Consequently, …", "Separately, …": a sentence adverb set off by a comma.
  if (i + 1 < untilIndex && /^\p{Lu}\p{Ll}{4,}ly$/u.test(tokens[i]!.raw) && /^\s*,/.test(text.slice(tokens[i]!.end, tokens[i + 1]!.start))) i++;
  const introductory = i < untilIndex && INTRODUCTORY.has(tokens[i]!.norm);
  // An opening participial phrase ("Underscoring the tension, officials …") is introductory too.
  const participle = !introductory && i + 1 < untilIndex && /^\p{Lu}\p{Ll}{2,}ing$/u.test(tokens[i]!.raw) && PARTICIPLE_OBJECT.has(tokens[i + 1]!.norm);
  if (introductory || participle) {
    const last = participle ? Math.min(untilIndex, i + PARTICIPLE_PHRASE_WORDS) : untilIndex;
    for (let j = i + 1; j < last; j++) {
      if (text.slice(tokens[j - 1]!.end, tokens[j]!.start).includes(",")) {
        i = j;
        break;
      }
    }
  }
  const inQuote = (t: Token) => quotes.some((q) => q[0] < t.start && t.end <= q[1]);
  for (; i < untilIndex; i++) {
    const t = tokens[i]!;
    if (inQuote(t)) continue;
    if (PRONOUN_SUBJECT.test(t.norm)) return t.norm;
    if (!/^\p{Lu}/u.test(t.raw) || CAPITALISED_FUNCTION.has(t.norm) || CALENDAR_NAMES.has(t.norm)) continue;
    // "May" before a day of the month is the month ("lifted on May 23"), else it may be a name.
    if (t.norm === "may" && /^\d{1,2}(?:st|nd|rd|th)?$/.test(tokens[i + 1]?.raw ?? "")) continue;
    const run: Token[] = [t];
    for (let j = i + 1; j < untilIndex; j++) {
      const u = tokens[j]!;
      if (/^\p{Lu}/u.test(u.raw) || (ROLE_NOUNS.has(u.norm) && j + 1 < untilIndex && /^\p{Lu}/u.test(tokens[j + 1]!.raw))) {
        // A name runs over spaces only ("CORRECTION: An earlier …", "(CNN) The …", "Paris, Brussels
        // and …" are more than one), or over a comma from a role to its holder ("the Cabinet
        // secretary, Yoshihide Suga").
        const last = run[run.length - 1]!;
        const gap = text.slice(last.end, u.start);
        if (gap.length > 2 || (/[^\s.&'’-]/u.test(gap) && !(gap === ", " && ROLE_NOUNS.has(last.norm)))) break;
        if (CLAUSE_OPENERS.has(u.norm)) break;
        run.push(u);
      } else break;
      if (run.length >= 6) break;
    }
    return run.map((r) => r.raw).join(" ");
  }
  return null;
}

/**
 * Sentences longer than this (in characters) are read in pieces of about this length, cut at white
 * space outside any figure: text without sentence ends (a list run together, a table, a hostile
 * input) would otherwise make every figure's reading cost the whole run. News sentences are far
 * shorter (a few hundred characters).
 */
export const MAX_SENTENCE_CHARS = 1000;

/** Characters kept between a figure and a cut after it, so that the words it counts stay with it. */
const CUT_GAP = 40;

/**
 * Pieces of a long sentence, each at least MAX_SENTENCE_CHARS long where the sentence allows. A cut
 * never falls inside a figure (with its modifier); within the next MAX_SENTENCE_CHARS characters
 * it falls, by preference, at white space after a comma, semicolon or colon and CUT_GAP characters
 * clear of the last figure, then at white space that clear, then before punctuation (which ends
 * what a figure counts anyway: "1,1,1,…"), then at any white space, and failing all these at the
 * first character that is not a letter or digit.
 */
function sentencePieces(text: string, [start, end]: Span, figures: readonly QuantityMatch[]): Span[] {
  const pieces: Span[] = [];
  // Index of the first figure ending after `p` (figures are in text order, disjoint).
  const firstEndingAfter = (p: number): number => {
    let lo = 0;
    let hi = figures.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (figures[mid]!.end <= p) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  let from = start;
  while (end - from > MAX_SENTENCE_CHARS) {
    const first = from + MAX_SENTENCE_CHARS;
    const limit = Math.min(end, first + MAX_SENTENCE_CHARS);
    let k = firstEndingAfter(first);
    let lastEnd = k > 0 ? figures[k - 1]!.end : -Infinity;
    const tiers = [-1, -1, -1, -1];
    for (let i = first; i < limit && tiers[0]! < 0; i++) {
      while (k < figures.length && figures[k]!.end <= i) lastEnd = figures[k++]!.end;
      if (k < figures.length && figures[k]!.modifierStart <= i) continue; // inside a figure
      if (!/\s/.test(text[i]!)) {
        if (tiers[2]! < 0 && /[,;:.!?()]/.test(text[i]!)) tiers[2] = i;
        continue;
      }
      const clear = i - lastEnd >= CUT_GAP;
      if (clear && /[,;:]/.test(text[i - 1]!)) tiers[0] = i;
      else if (clear && tiers[1]! < 0) tiers[1] = i;
      else if (tiers[3]! < 0) tiers[3] = i;
    }
    let cut = tiers.find((t) => t >= 0) ?? -1;
    if (cut < 0) {
      k = firstEndingAfter(first);
      for (let i = first; i < end; i++) {
        while (k < figures.length && figures[k]!.end <= i) k++;
        if (k < figures.length && figures[k]!.modifierStart <= i) continue;
        if (!/[\p{L}\p{N}]/u.test(text[i]!)) {
          cut = i;
          break;
        }
      }
    }
    if (cut < 0) break;
    pieces.push([from, cut]);
    from = cut;
    while (from < end && /\s/.test(text[from]!)) from++;
  }
  if (from < end) pieces.push([from, end]);
  return pieces;
}

/** Every horizon phrase in a sentence, with absolute spans. */
function horizons(text: string, sentenceSpan: Span): {text: string; span: Span}[] {
  const segment = text.slice(sentenceSpan[0], sentenceSpan[1]);
  const found: {text: string; span: Span}[] = [];
  HORIZON.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = HORIZON.exec(segment))) found.push({text: m[0], span: [sentenceSpan[0] + m.index, sentenceSpan[0] + m.index + m[0].length]});
  return found;
}

/** A figure inside a quotation is attributed as the quotation is: to its speaker, with the words
 *  of the attribution as evidence (the rest of the sentence after the quotation, "said Ma to
 *  reporters", or before it, "Smith did not back down, saying,", or the sentence that names the
 *  speaker); null when the quotation has no named speaker. */
function quotedAttribution(text: string, layout: TextLayout, quote: Quote): Attribution | null {
  if (!quote.speaker || quote.speakerAt === null || isPronoun(quote.speaker)) return null;
  const at = quote.speakerAt;
  const sentence = sentenceAt(layout.sentences, at) ?? ([at, Math.min(text.length, at + 200)] as Span);
  let span: Span = at >= quote.span[1] && quote.span[1] >= sentence[0] ? [quote.span[1], sentence[1]] : at < quote.span[0] && quote.span[0] <= sentence[1] ? [sentence[0], quote.span[0]] : sentence;
  span = [span[0], Math.min(span[1], span[0] + 300)];
  // Trim the quotation's closing or opening mark, its punctuation and the white space around.
  while (span[0] < span[1] && /[\s"”’“‘,.;:!?]/.test(text[span[0]]!)) span[0]++;
  while (span[1] > span[0] && /[\s"”’“‘]/.test(text[span[1] - 1]!)) span[1]--;
  return {speaker: quote.speaker, verb: quote.verb, direct: true, evidence: {text: text.slice(span[0], span[1]), span, source: "text"}};
}

/**
 * Every figure in a document as a claim record (familyId null until grouped). Claim ids are
 * `${doc.id}:c${n}`, numbered in text order. Malformed or out-of-range numbers become diagnostics.
 * A figure inside a quotation takes the quotation's speaker (`extractQuotes`, given as `quotations`
 * when the caller has them already), so that a quotation and its figures never name different
 * speakers; the figure's own reading is the fallback.
 * @example extractClaims(doc).claims[0].measure // "job"
 */
export function extractClaims(doc: DocumentRecord, layout?: TextLayout, quotations?: readonly Quote[]): {claims: Claim[]; diagnostics: Diagnostic[]} {
  const claims: Claim[] = [];
  const diagnostics: Diagnostic[] = [];
  const text = typeof doc.text === "string" ? doc.text : "";
  if (!layout || layout.text !== text) layout = new TextLayout(text);
  const {quantities, rejected} = scanQuantities(text);
  for (const r of rejected) {
    diagnostics.push({path: doc.path, documentId: doc.id, level: "warning", code: r.code, message: `${r.message} (at character ${r.start}); it is not counted as a claim.`});
  }
  const figures = quantities.filter((q) => !q.minor);
  if (!figures.length) return {claims, diagnostics};
  // The sentences of the whole text (shared with the quotations' pass), looked up by binary search.
  const textLayout = layout;
  const pieceCache = new Map<number, Span[]>();
  const sentenceOf = (offset: number): Span | null => {
    const sentence = sentenceAt(textLayout.sentences, offset);
    if (!sentence || sentence[1] - sentence[0] <= MAX_SENTENCE_CHARS) return sentence;
    let pieces = pieceCache.get(sentence[0]);
    if (!pieces) {
      pieces = sentencePieces(text, sentence, figures);
      pieceCache.set(sentence[0], pieces);
    }
    return sentenceAt(pieces, offset) ?? sentence;
  };
  const quotes = quotationSpans(text);
  const found = quotations ?? extractQuotes(doc, textLayout);
  const foundSpans = found.map((q) => q.span);
  const quoteBySpan = new Map(found.map((q) => [q.span, q]));
  const context = attributionContext();
  const tokenCache = new Map<number, Token[]>();
  const horizonCache = new Map<number, {text: string; span: Span}[]>();
  const quoteCache = new Map<number, Span[]>();
  let index = 0;
  for (const q of figures) {
    const sentenceSpan = sentenceOf(q.start) ?? ([q.start, q.end] as Span);
    const [sStart, sEnd] = sentenceSpan;
    // The quotations that overlap the sentence: all that its words or figures can sit inside.
    let sentenceQuotes = quoteCache.get(sStart);
    if (!sentenceQuotes) {
      sentenceQuotes = quotationsWithin(quotes, sStart, sEnd);
      quoteCache.set(sStart, sentenceQuotes);
    }
    let tokens = tokenCache.get(sStart);
    if (!tokens) {
      tokens = words(text.slice(sStart, sEnd)).map((t) => ({...t, start: t.start + sStart, end: t.end + sStart}));
      tokenCache.set(sStart, tokens);
    }
    let sentenceHorizons = horizonCache.get(sStart);
    if (!sentenceHorizons) {
      sentenceHorizons = horizons(text, sentenceSpan);
      horizonCache.set(sStart, sentenceHorizons);
    }
    // A duration inside a horizon phrase is the horizon, not a claim.
    if (q.kind === "duration" && sentenceHorizons.some((h) => h.span[0] <= q.start && q.end <= h.span[1])) continue;

    const figureStart = q.modifierStart;
    const firstAfter = tokens.findIndex((t) => t.start >= q.end);
    const beforeIndex = tokens.findIndex((t) => t.end > figureStart);
    const tokensBefore = tokens.slice(0, beforeIndex < 0 ? tokens.length : beforeIndex);
    let reading: MeasureReading = attributiveMeasure(text, q) ?? (firstAfter < 0 ? {measure: null, qualifiers: [], end: q.end} : readMeasure(text, tokens, firstAfter, q.end, q));
    if (q.kind === "duration" && !q.attributive) {
      reading = {measure: durationSubject(tokens, tokensBefore.length) , qualifiers: [], end: q.end};
    }
    // A bare count with nothing counted ("won 3 of them", "1 of 26") is nothing to track.
    if (q.kind === "count" && !q.scaled && reading.measure === null) continue;
    const modality = readModality(tokensBefore, reading.measure, isQuestion(text.slice(sStart, sEnd)));
    const hedges = [...modality.hedges];
    if (isHedgingModifier(q.modifier, q.bound) && !hedges.includes(q.modifier!)) hedges.push(q.modifier!);
    const {predicate, index: predicateIndex} = readPredicate(tokensBefore, text);
    const subject = readSubject(text, tokens, predicateIndex >= 0 ? predicateIndex : tokensBefore.length, sentenceQuotes);
    const span: Span = [figureStart, q.end];
    const holdingSpan = foundSpans.length ? insideQuotation(foundSpans, figureStart, q.end) : null;
    const holding = holdingSpan ? quoteBySpan.get(holdingSpan)! : null;
    let attribution = (holding && quotedAttribution(text, textLayout, holding)) ?? attributeFigure(text, sentenceQuotes, sentenceSpan, span, textLayout.sentences, context);
    if (!attribution && modality.cueSpan && subject && SPEAKING_CUES.test(modality.cueLemma ?? "") && !/^(?:the|a|an|its|his|her|their|new|'s|s)$/i.test(tokensBefore.find((t) => t.end === modality.cueSpan![0] - 1 || t.end === modality.cueSpan![0])?.norm ?? "") && !precededByDeterminer(tokensBefore, modality.cueSpan[0])) {
      // "Jane Smith … promised … that her company would create …": the one who promises speaks;
      // in a relative clause ("… met Jane Smith, who has promised …"), the name the clause is about.
      const antecedent = RELATIVE_CLAUSE_BEFORE.exec(text.slice(sStart, modality.cueSpan[0]))?.[1];
      let speaker = antecedent ?? subject;
      if (!antecedent && PRONOUN_SUBJECT.test(subject)) speaker = lastNamedSpeaker(text, textLayout.sentences, sStart, context) ?? subject;
      attribution = {speaker, verb: modality.cue, direct: false, evidence: {text: text.slice(modality.cueSpan[0], modality.cueSpan[1]), span: modality.cueSpan, source: "text"}};
    }
    // A surname alone, or owned by a body ("Acme's Roe"), is the full name the text prints for it.
    if (attribution) {
      const speaker = fullSpeaker(attribution.speaker, text);
      if (speaker !== attribution.speaker) attribution = {...attribution, speaker};
    }
    let horizon: string | null = null;
    let bestDistance = Infinity;
    for (const h of sentenceHorizons) {
      if (h.span[0] <= q.start && q.end <= h.span[1]) continue;
      const distance = h.span[0] >= q.end ? h.span[0] - q.end : q.start - h.span[1];
      if (distance < bestDistance) {
        bestDistance = distance;
        horizon = h.text;
      }
    }
    const claim: Claim = {
      id: `${doc.id}:c${index++}`,
      documentId: doc.id,
      span,
      sentence: text.slice(sStart, sEnd),
      sentenceSpan: [sStart, sEnd],
      quantity: {value: q.value, unit: q.unit, approximate: q.approximate, bound: q.bound, text: q.text, ...(q.high !== undefined ? {high: q.high} : {})},
      measure: reading.measure,
      qualifiers: reading.qualifiers,
      subject,
      predicate,
      modality: modality.modality,
      hedges,
      attribution: attribution ? {speaker: attribution.speaker, verb: attribution.verb, direct: attribution.direct, evidence: attribution.evidence} : null,
      inHeadline: doc.titleSpan !== null && doc.titleSpan !== undefined && span[0] >= doc.titleSpan[0] && span[1] <= doc.titleSpan[1],
      horizon,
      familyId: null,
      modalityCue: modality.cue,
      measureSpan: reading.measure !== null ? [q.end, reading.end] : null,
    };
    claims.push(claim);
  }
  return {claims, diagnostics};
}
