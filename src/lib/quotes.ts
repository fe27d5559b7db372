/**
 * Direct quotations with their speakers, and families of the same quotation across documents.
 *
 * Extraction reads quotation marks paragraph by paragraph: curly (“ ” ‘ ’) and straight (" ')
 * marks; a quotation left open at a paragraph's end continues when the next paragraph opens with a
 * quotation mark (the news convention for quotes over several paragraphs); a quotation never closed
 * ends with its sentence; partial quotations inside a sentence ("called him “smart”") are kept,
 * even of one or two words (scare quotes cannot be told from short partial quotations by form
 * alone), but only quotations of at least `FAMILY_MIN_WORDS` words are grouped into families.
 *
 * The speaker is looked for, in this order: right after the closing mark (`,” said Clark`,
 * `,” Smith told reporters`, `,” he said`), before the opening mark in the same sentence (`Smith called
 * the plan “bold”`, `He said, “…`), the sentence's subject when a participle leads to the quotation
 * (`Smith did not back down, saying, “…`, also after an opening phrase, `Asked whether …, Smith …`,
 * but not across a clause of its own, `…, while opponents slammed it, calling it “…`; only a subject
 * that reads as a speaker: a pronoun, a title, a role, or a name printed elsewhere as a speaker's),
 * `according to X` in the sentence, the previous
 * quotation when this one opens its sentence right after it (a quote continued in the next sentence
 * or paragraph), a speaker named in the previous sentence (`Smith said …` then a bare quote), or the
 * next sentence when it opens with `X said`. Pronouns resolve to the last named speaker before the quotation
 * when it is printed in the sentence before, else to the person that sentence opens with (a titled
 * name, or a name printed elsewhere as a speaker's; not a body, "the White House", nor a name before
 * a role and another name, "Goldman Sachs spokesman …"), else to the last named speaker;
 * a surname to the full name printed earlier ("Clark" → "Anna Clark"), and a description by office
 * ("the president", "the governor") to the one person printed with that title before it ("President
 * Donald Trump"), when there is exactly one.
 */
import {editScript, diffWords} from "./diff.js";
import {postingRuns} from "./postings.js";
import {publishedBefore} from "./order.js";
import {wordHashes} from "./reuse-tokens.js";
import {TextLayout, hasWord, sentenceAt, spanIndexAt} from "./text.js";
import type {DocumentRecord, Quote, QuoteFamily, Span} from "./types.js";

/** Quotations shorter than this (in words) are not grouped into families. */
export const FAMILY_MIN_WORDS = 4;
/** Two quotations are variants when the words they share (in order) make up at least this share
 *  of the shorter one (MemeTracker's containment), and at least FAMILY_MIN_WORDS words. */
export const FAMILY_MIN_CONTAINMENT = 0.8;
/** A word 3-gram in more quotations than this does not propose candidate variants. */
const FAMILY_MAX_POSTINGS = 200;

const VERBS =
  "said|says|say|told|tells|added|adds|noted|notes|stated|states|explained|explains|asked|asks|wrote|writes|tweeted|tweets|" +
  "declared|declares|insisted|insists|warned|warns|argued|argues|continued|replied|announced|announces|remarked|recalled|" +
  "acknowledged|admitted|claimed|claims|concluded|conceded|commented|observed|emphasized|emphasised|stressed|suggested|" +
  "predicted|promised|called|calls|praised|described|describes|quipped|joked|boasted|vowed|pledged|urged|told reporters|" +
  "responded|responds|retorted|countered|charged|accused|denounced|blasted|slammed|criticized|criticised|branded|dubbed|labeled|labelled";
const INVERTED_VERBS = "said|says|added|adds|noted|notes|told|asked|explained|continued|wrote|insisted|stated|declared|replied|argued|warned|remarked|tweeted";
/** Titles printed before a name ("Mr. Santorum", "Sen. Paul", "Justice Ginsburg"). */
const TITLE_WORDS = "Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|President|Senator|Governor|Minister|Judge|Justice|Representative";
const TITLE = String.raw`(?:(?:${TITLE_WORDS})\.?\s+)?`;
const NAME_WORD = String.raw`\p{Lu}[\p{L}\p{M}'’.\-]*`;
const NAME = String.raw`${TITLE}${NAME_WORD}(?:[ \t]+${NAME_WORD}){0,5}`;
const PRONOUN = String.raw`[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I`;
const DESCRIPTOR = String.raw`(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[\p{L}\-]+\s+){0,3}?(?:spokesman|spokeswoman|spokesperson|official|officials|source|sources|analyst|analysts|president-elect|president|chairman|chairwoman|chief|executive|minister|director|researcher|expert|statement|report|company|firm|group|lawyer|adviser|advisor|aide|founder|ceo|police|prosecutor|prosecutors|agency|ministry|spokespeople|treasurer|mayor|governor|senator|secretary|premier|commissioner|leader|manager|economist|professor|judge|witness|resident|officer|scientist|chancellor|coach|owner|author|ambassador|envoy|general|king|queen|prince|pope|prime minister|head|letter|lawsuit|suit|ad|advertisement|memo|filing|complaint|resolution|petition)`;
const SPEAKER = String.raw`(${NAME}|${PRONOUN}|${DESCRIPTOR})`;
/** What may follow a name before its verb: a place ("Sen. Chris Coons of Delaware"), a party and
 *  state tag or other short aside in brackets ("Rep. John Lewis (D-Ga.)"). */
const BRACKETED = String.raw`(?:\s+of\s+${NAME_WORD}(?:[ \t]+${NAME_WORD})?)?(?:\s*\([^()\n]{1,40}\))?`;
const APPOSITIVE = String.raw`${BRACKETED}(?:,[^,“”"\n]{1,120}){0,3},?`;
/** An emphatic reflexive between a subject and its verb ("Trump himself said"). */
const REFLEXIVE = String.raw`(?:(?:him|her|them|it)sel(?:f|ves)\s+)?`;

const AFTER_INVERTED = new RegExp(String.raw`^[\s,.;:!?—–-]*(${INVERTED_VERBS})\s+${SPEAKER}`, "u");
const AFTER_SUBJECT = new RegExp(String.raw`^[\s,.;:!?—–-]*${SPEAKER}${APPOSITIVE}\s+${REFLEXIVE}(?:also\s+|later\s+|then\s+|once\s+|has\s+|had\s+)?(${VERBS})\b`, "u");
const BEFORE_SUBJECT = new RegExp(String.raw`${SPEAKER}${APPOSITIVE}\s+${REFLEXIVE}(?:\p{Ll}+ly\s+|also\s+|later\s+|then\s+|once\s+|has\s+|had\s+)?(${VERBS})\b`, "gu");
const BEFORE_SIMPLE = new RegExp(String.raw`${SPEAKER}${BRACKETED}\s+${REFLEXIVE}(?:\p{Ll}+ly\s+|also\s+|later\s+|then\s+|once\s+|has\s+|had\s+)?(${VERBS})\b`, "gu");
const ACCORDING_TO = new RegExp(String.raw`according to\s+(${NAME}|${DESCRIPTOR})`, "u");
/** A name that ends in the word for a body rather than a person: "White House", "Justice Department". */
const BODY_NAME = /\s(?:House|Department|Ministry|Court|Senate|Congress|Party|Committee|Council|Police|Office|Agency|Company|Group|Government|Administration|Army|Bank|Campaign|Commission|Board|Service|Union)$/;
/** A lower-case role and a name after a name: "… organizer Bill Hennessy", "… spokesman John Doe";
 *  not a preposition ("Biden on Friday"). */
const ROLE_THEN_NAME = /^\s+(?!(?:on|in|at|of|for|to|from|with|by)\s)\p{Ll}+\s+\p{Lu}/u;
/** A clause with a subject of its own, set off by a comma: "…, while opponents slammed it". */
const NEW_CLAUSE = /,\s+(?:while|whereas|but|although|though|even as)\s/;
/** A participle joining a quotation to its sentence's subject: "Smith did not back down, saying, “…”". */
const PARTICIPLE_LINK = /\b(saying|adding|writing|calling|telling|accusing|arguing|declaring|describing|insisting|noting|warning|tweeting|claiming)\b/;
/** A phrase of time, place or circumstance before a sentence's subject, up to its comma ("In the
 *  wake of the attack, Trump …", "Asked whether …, Mr. Santorum …"). */
const OPENING_PHRASE = String.raw`(?:(?:In|On|At|During|After|Before|Since|Following|Amid|Despite|When|While|Later|Earlier|Asked|Pressed|Questioned|Speaking)\s[^,“”"\n]{0,150},\s+)?`;
/** A verb of speech in the infinitive just before a colon that opens a quotation ("… was quick to
 *  retort:", "… wanted to tell reporters:"). */
const INFINITIVE_LEAD_IN = /\bto\s+(say|tell|add|note|state|explain|ask|write|tweet|declare|insist|warn|argue|reply|respond|retort|counter|answer|remark|quip|joke|boast|vow|pledge|promise|announce|point out)\b[^“”"\n.!?]{0,40}:\s*$/;
/** A day of the week: "Biden on Friday reiterated …" names its subject before the day. */
const WEEKDAY = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
/** The subject a sentence opens with, after a conjunction ("But he …", "Mr. Santorum …"); not a
 *  word that opens a phrase ("Close to three dozen …"). */
const SENTENCE_SUBJECT = new RegExp(String.raw`^(?:(?:But|And|Yet|So|Still|However),?\s+)?${OPENING_PHRASE}${SPEAKER}(?![ \t]+\p{Lu})(${BRACKETED})(?=[\s,])(?![\s,]+(?:to|of|from|with|in|on|at|for)\b(?![ \t]+${WEEKDAY}\b))`, "u");
const SENTENCE_OPENS_WITH_SPEAKER = new RegExp(String.raw`^${SPEAKER}${APPOSITIVE}\s+(?:also\s+|later\s+|then\s+)?(${VERBS})\b`, "u");

/** A given name as printed: a capital, then lower-case letters ("Jack", "Jean-Luc"). */
const GIVEN_NAME = String.raw`\p{Lu}\p{Ll}[\p{Ll}\p{M}'’\-]*`;
/** Capitalised words before a name that are not given names, beyond titles, roles (`ROLE_WORD`) and
 *  `NOT_NAMES`: offices, sentence openers and credits. */
const NOT_GIVEN = new Set([
  "Despite", "Since", "Unlike", "Like", "Although", "Though", "Because", "Until", "Unless", "Whether", "Once", "Now", "Only", "Just",
  "Perhaps", "Instead", "Indeed", "Thus", "Tonight", "Tomorrow", "Former", "Leader", "Speaker", "Mayor", "Majority", "Minority",
  "Democratic", "Republican", "Democrat", "Independent", "State", "Attorney", "Sheriff", "Colonel", "Captain", "Coach",
  "Rabbi", "Father", "Pastor", "Bishop", "Cardinal", "Pope", "King", "Queen", "Prince", "Princess", "Lord", "Lady", "Sir", "Dame",
  "Chancellor", "Premier", "Ambassador", "Commissioner", "Detective", "Officer", "Sergeant", "Lieutenant", "Major", "Admiral",
  "From", "To", "Of", "With", "By", "About", "Against", "Over", "Under", "Into", "Via", "Amid", "Among", "Across", "Through",
  "Toward", "Towards", "Behind", "Beyond", "Near", "Inside", "Outside", "Than", "Not", "No", "Says", "Said", "Tells", "Told",
  "Contributor", "Correspondent", "Editor", "Reporter", "Anchor", "Host", "Star", "Actor", "Actress", "Singer", "Rapper", "Pro", "Tem",
  "Model", "Author", "Writer", "Producer", "Comedian", "Comedienne", "Designer", "Chef", "Photographer", "Artist", "Player",
  "Quarterback", "Businessman", "Businesswoman", "Billionaire", "Entrepreneur", "Candidate", "Nominee", "Lawmaker", "Congressman",
  "Congresswoman", "Councilman", "Councilwoman", "Assemblyman", "Assemblywoman", "Activist", "Analyst", "Economist", "Professor",
  "Doctor", "Nurse", "Pilot", "Agent", "Inspector", "Superintendent", "Constable", "Chair",
  // Words of a credit run into the text before a name ("Associated Press Jessica Alba …").
  "Press", "News", "Times", "Post", "Reuters", "Getty", "Images", "Photo", "Photos", "Credit", "Source", "Video", "Image"
]);
/** A people's name used as an adjective ("the Chinese Acme", "British Airways"). */
const DEMONYM = /^(?:\p{Lu}\p{Ll}{2,}(?:ese|ish)|Irish|Welsh|Dutch|Swiss|Greek|Thai|French|English|American|Canadian|Australian|Indian|Russian|Italian|German|Korean|Mexican|African|European|Asian|Israeli|Iraqi|Iranian|Saudi|Pakistani|Afghan|Brazilian|Nigerian|Egyptian|Belgian|Ukrainian|Syrian|Palestinian|Cuban|Chilean|Argentine|Argentinian|Peruvian|Colombian|Venezuelan|Kenyan|Ethiopian|Filipino|Indonesian|Malaysian|Emirati|Qatari|Kuwaiti|Yemeni|Libyan|Tunisian|Algerian|Moroccan|Somali|Haitian|Jamaican|Scottish|Western|Eastern|Northern|Southern)$/u;
/** Groups named like a person's surname ("Log Cabin Republicans"). */
const GROUP_WORD = /^(?:Republicans|Democrats|Conservatives|Liberals|Socialists|Greens|Tories|Police|Fans|Officials|Authorities)$/;
const MONTH_WORD = /^(?:January|February|March|April|May|June|July|August|September|October|November|December)$/;
const NOT_NAMES = new Set([
  "The", "A", "An", "This", "That", "These", "Those", "It", "In", "On", "At", "But", "And", "Or", "However", "Also", "When",
  "While", "After", "Before", "During", "Meanwhile", "If", "As", "For", "So", "Then", "There", "Here", "What", "Why", "How",
  "Who", "Where", "Yet", "Still", "Even", "Some", "Many", "Most", "All", "Both", "Each", "Such", "Monday", "Tuesday",
  "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Asked", "Speaking", "Later", "Earlier", "Today", "Yesterday",
]);

const PRONOUNS = new Set(["he", "she", "they", "we", "i"]);
/** A name with a title before it. */
const TITLED = new RegExp(String.raw`^(?:${TITLE_WORDS})\.?\s`);
/** One word that is a title. */
const TITLE_WORD = new RegExp(String.raw`^(?:${TITLE_WORDS})\.?$`);
/** A conjunction or sentence adverb before a name ("But Rep. …", "And Smith …"). */
const CONJUNCTION_FIRST = /^(?:But|And|Yet|So|Still|However|Also|Then|Meanwhile)\s/;
/** A US party and state tag: "R-Calif", "D-N.Y", "I-Vt". */
const PARTY_TAG = /^[RDI]-\p{Lu}[\p{L}.]*$/u;

interface RawQuote {
  /** Position of the opening mark. */
  open: number;
  /** Position just after the closing mark (or the inner end when unclosed). */
  close: number;
  span: Span;
}

type MarkKind = "open" | "close";

function isSpace(ch: string | undefined): boolean {
  return ch === undefined || /\s/.test(ch);
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

/** Whether a double quotation mark at `i` opens or closes, from its neighbours. */
function doubleMarkKind(text: string, i: number, lineStart: number): MarkKind {
  const ch = text[i];
  const before = i > lineStart ? text[i - 1] : undefined;
  const after = text[i + 1];
  const openingContext = before === undefined || /[\s(\[—–\-/:]/.test(before);
  if (ch === "“") return openingContext || !isSpace(after) ? "open" : "close";
  if (ch === "”") return openingContext && isWordChar(after) ? "open" : "close";
  return openingContext && !isSpace(after) ? "open" : "close";
}

function sentenceEndAfter(sentenceSpans: readonly Span[], offset: number, limit: number): number {
  const span = sentenceAt(sentenceSpans, offset);
  return span ? Math.min(span[1], limit) : limit;
}

/** Index of the last item whose key is below `bound` in items sorted by key, or -1. */
function lastBelow<T>(items: readonly T[], key: (item: T) => number, bound: number): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]!) < bound) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Characters of a sentence looked at before a quotation for its speaker ("X said, “…”"). */
const BEFORE_WINDOW = 1000;
/** Characters of a sentence looked at for a speaker opening it ("Smith said …"). */
const OPENING_WINDOW = 1000;

function trimSpan(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /[\s,;:]/.test(text[e - 1]!)) e--;
  return [s, e];
}

/** Double quotation marks: “ ” ". */
const DOUBLE_MARK = /[“”"]/g;
/** Single quotation marks that may open a quotation: ‘ '. */
const SINGLE_MARK = /[‘']/g;

/** Quotation spans of a text, in order. */
export function findQuotations(text: string, layout: TextLayout = new TextLayout(typeof text === "string" ? text : "")): RawQuote[] {
  const source = layout.text;
  const paras = layout.paragraphs;
  const found: RawQuote[] = [];
  // A quotation carried over from the previous paragraph.
  let carried: {open: number; innerStart: number} | null = null;
  // The next closing mark of each kind, kept while the scan has not passed it, and the next single
  // mark: each search would otherwise run to the end of the text for every opening mark or
  // paragraph (the module's searches are reset for each text).
  closers.curly.from = closers.curly.at = closers.straight.from = closers.straight.at = -1;
  let nextSingle = -1;
  for (let pi = 0; pi < paras.length; pi++) {
    const [pStart, pEnd] = paras[pi]!;
    // Quotations found from here on lie in this paragraph (or end in it, carried from the last).
    const paragraphFound = found.length;
    let openAt = -1;
    let innerStart = -1;
    let first = true;
    // The marks are found by regular expressions, which skip the text between them much faster
    // than a loop over its characters.
    DOUBLE_MARK.lastIndex = pStart;
    for (let m = DOUBLE_MARK.exec(source); m && m.index < pEnd; m = DOUBLE_MARK.exec(source)) {
      const i = m.index;
      const kind = doubleMarkKind(source, i, pStart);
      if (first && carried) {
        first = false;
        if (kind === "open" && i === pStart) {
          openAt = carried.open;
          innerStart = carried.innerStart;
          carried = null;
          continue;
        }
      }
      first = false;
      if (kind === "open") {
        if (openAt >= 0) {
          // A new quotation opens before the last one closed: the last one ends with its sentence.
          const end = sentenceEndAfter(layout.sentences, innerStart, i);
          const span = trimSpan(source, innerStart, end);
          if (span[1] > span[0]) found.push({open: openAt, close: span[1], span});
        }
        openAt = i;
        innerStart = i + 1;
      } else if (openAt >= 0) {
        const span = trimSpan(source, innerStart, i);
        if (span[1] > span[0]) found.push({open: openAt, close: i + 1, span});
        openAt = -1;
      }
    }
    if (carried) {
      // The previous paragraph's quotation did not continue here: it ends with that paragraph.
      const span = trimSpan(source, carried.innerStart, paras[pi - 1]![1]);
      if (span[1] > span[0]) found.push({open: carried.open, close: span[1], span});
      carried = null;
    }
    if (openAt >= 0) {
      const next = paras[pi + 1];
      // The convention for a quotation over several paragraphs: it opened the paragraph (or
      // followed "said:" / "said,"), and the next paragraph opens with a quotation mark.
      const lead = source.slice(pStart, openAt).trim();
      const opensParagraph = lead === "" || /[:,]$/.test(lead);
      const nextOpens = opensParagraph && next && (source[next[0]] === "“" || source[next[0]] === '"');
      if (nextOpens) carried = {open: openAt, innerStart};
      else {
        const end = sentenceEndAfter(layout.sentences, innerStart, pEnd);
        const span = trimSpan(source, innerStart, end);
        if (span[1] > span[0]) found.push({open: openAt, close: span[1], span});
      }
    }
    // Single quotation marks, outside double quotations (headline style: says he had a ‘great meeting’).
    // The double quotations of this paragraph are in order and the marks are read in order, so one
    // pointer walks them; a single quotation found moves the scan past its end.
    const doubles = found.slice(paragraphFound);
    let d = 0;
    const inside = (k: number) => {
      while (d < doubles.length && doubles[d]!.close <= k) d++;
      return d < doubles.length && doubles[d]!.open <= k;
    };
    if (nextSingle !== Infinity && nextSingle < pStart) {
      SINGLE_MARK.lastIndex = pStart;
      nextSingle = SINGLE_MARK.exec(source)?.index ?? Infinity;
    }
    if (nextSingle >= pEnd) continue;
    SINGLE_MARK.lastIndex = pStart;
    for (let m = SINGLE_MARK.exec(source); m && m.index < pEnd; m = SINGLE_MARK.exec(source)) {
      const i = m.index;
      const code = source.charCodeAt(i);
      const before = i > pStart ? source[i - 1] : undefined;
      if (!(before === undefined || /[\s(\[]/.test(before)) || !isWordChar(source[i + 1]) || inside(i)) continue;
      const c = closerAfter(source, code === 39 ? closers.straight : closers.curly, i + 1);
      if (c >= pEnd || source[c - 1] === " ") continue;
      const span = trimSpan(source, i + 1, c);
      if (span[1] > span[0] && span[1] - span[0] < 300) found.push({open: i, close: c + 1, span});
      SINGLE_MARK.lastIndex = c + 1;
    }
  }
  if (carried) {
    const span = trimSpan(source, carried.innerStart, paras[paras.length - 1]![1]);
    if (span[1] > span[0]) found.push({open: carried.open, close: span[1], span});
  }
  found.sort((a, b) => a.span[0] - b.span[0]);
  return found.filter((q) => hasWord(source, q.span[0], q.span[1]));
}

/** A closing single quotation mark (not an apostrophe inside a word) and the last place it was found. */
interface CloserSearch {
  mark: RegExp;
  from: number;
  at: number;
}
const closers = {
  curly: {mark: /’(?![\p{L}\p{N}])/gu, from: -1, at: -1} as CloserSearch,
  straight: {mark: /'(?![\p{L}\p{N}])/gu, from: -1, at: -1} as CloserSearch,
};

/** The next closing mark at or after `from`, or Infinity; the last answer is reused while `from` has not passed it. */
function closerAfter(source: string, search: CloserSearch, from: number): number {
  if (search.from >= 0 && search.from <= from && from <= search.at) return search.at;
  search.mark.lastIndex = from;
  const c = search.mark.exec(source);
  search.from = from;
  search.at = c ? c.index : Infinity;
  return search.at;
}

interface Attribution {
  speaker: string;
  verb: string;
  /** Where the speaker's name is printed, for resolving later pronouns. */
  at: number;
}

const DESCRIPTOR_START = /^(?:the|a|an|his|her|their)\s+\S/i;
/** Job words printed before a name ("Executive Chairman Jane Smith"): not part of the name. */
const ROLE_WORD = /^(?:Executive|Chairman|Chairwoman|Chief|CEO|President|President-elect|Vice|Prime|Minister|Secretary|Director|Founder|Spokesman|Spokeswoman|Senior|Deputy|Managing|General|Manager|Group|Company)$/;

/** Words of a web page's controls and captions that end up before a name when a page is saved as text. */
const PAGE_FURNITURE = new Set(["close", "skip", "ad", "autoplay", "embed", "share", "replay", "play", "watch", "video", "photo", "photos", "caption", "gallery", "advertisement"]);

function cleanSpeaker(raw: string): string | null {
  // A word of five letters or more with a full stop ends a sentence, not an abbreviation ("reported
  // in December. Greene accused …"): the speaker is after it. So does any full stop before a
  // personal pronoun, which no name runs on into ("told France Info. He said …").
  let s = raw.trim().replace(/^.*\p{Lu}\p{Ll}{4,}\.\s+(?=\p{Lu})/u, "").replace(/^.*[.!?]\s+(?=(?:He|She|They|We)\b)/u, "").replace(/[’']s$/, "").replace(/[,.]$/, "");
  if (!s) return null;
  if (DESCRIPTOR_START.test(s)) return s;
  const parts = s.split(/\s+/);
  // Page furniture run into the text before a name, printed in capitals: "CLOSE Sheila E" (but
  // "Skip Bayless" is a name).
  while (parts.length > 1 && parts[0] === parts[0]!.toUpperCase() && PAGE_FURNITURE.has(parts[0]!.toLowerCase())) parts.shift();
  if (NOT_NAMES.has(parts[0]!)) return null;
  // A party and state tag set off after a name ("Rep. Dana Rohrabacher, R-Calif., said") is not one.
  if (parts.length === 1 && PARTY_TAG.test(parts[0]!)) return null;
  // A run of more than four capitalised words keeps its last four, where the name is: "Supreme
  // Court Justice Ruth Bader Ginsburg" → "Justice Ruth Bader Ginsburg", "Nice French President
  // François Hollande" (a dateline before it) → "French President François Hollande".
  if (parts.length > 4) parts.splice(0, parts.length - 4);
  // What stands before a title is a place or a body: "New Jersey Gov. Chris Christie" → "Gov. Chris
  // Christie".
  const titled = parts.findIndex((w, i) => i > 0 && i < parts.length - 1 && TITLE_WORD.test(w));
  if (titled > 0) parts.splice(0, titled);
  while (parts.length > 2 && ROLE_WORD.test(parts[0]!)) parts.shift();
  s = parts.join(" ");
  return s;
}

/** The titles printed before the name of the holder of an office, by the office's word. */
const OFFICE_TITLES: Record<string, string> = {
  president: "President",
  senator: "Sen\\.|Senator",
  governor: "Gov\\.|Governor",
  mayor: "Mayor",
  judge: "Judge",
  justice: "Justice",
  chancellor: "Chancellor",
  pope: "Pope",
  "prime minister": "Prime Minister",
  congressman: "Rep\\.|Representative|Congressman",
  congresswoman: "Rep\\.|Representative|Congresswoman",
};
const OFFICE_DESCRIPTION = new RegExp(`^the\\s+(${Object.keys(OFFICE_TITLES).join("|")})$`, "i");
const TITLE_HOLDER = new Map(Object.entries(OFFICE_TITLES).map(([office, titles]) => [office, new RegExp(String.raw`\b(?:${titles})\s+(${NAME_WORD}(?:[ \t]+${NAME_WORD}){0,2})`, "gu")]));

/**
 * For a description by office ("the president"), the one person printed with that title before
 * `offset` ("President Donald Trump", "President Trump"), as first printed; null when none is or
 * more than one person is (by surname). Each office's titled names are found once per text, so a
 * look-up is a binary search however many quotations ask.
 */
function officeHolders(text: string): (description: string, offset: number) => string | null {
  const byOffice = new Map<string, {at: number[]; first: string | null; ambiguousFrom: number}>();
  const holdersOf = (office: string) => {
    let found = byOffice.get(office);
    if (found) return found;
    found = {at: [], first: null, ambiguousFrom: Infinity};
    const re = TITLE_HOLDER.get(office)!;
    re.lastIndex = 0;
    let surname: string | null = null;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const name = m[1]!.replace(/[’']s$|[.,]$/, "");
      const last = name.split(/\s+/).pop()!;
      if (surname !== null && last !== surname && found.ambiguousFrom === Infinity) found.ambiguousFrom = found.at.length;
      surname ??= last;
      found.first ??= `${m[0].slice(0, m[0].length - m[1]!.length)}${name}`;
      found.at.push(m.index);
    }
    byOffice.set(office, found);
    return found;
  };
  return (description, offset) => {
    const office = OFFICE_DESCRIPTION.exec(description.trim());
    if (!office) return null;
    const {at, first, ambiguousFrom} = holdersOf(office[1]!.toLowerCase().replace(/\s+/g, " "));
    // How many titled names are printed before the offset.
    const before = lastBelow(at, (k) => k, offset) + 1;
    return before > 0 && before <= ambiguousFrom && first ? cleanSpeaker(first) : null;
  };
}

/** Whether a speaker is a personal pronoun left as printed ("he", "they"). */
export function isPronoun(speaker: string): boolean {
  return PRONOUNS.has(speaker.toLowerCase());
}

function verbOf(raw: string): string {
  return raw.toLowerCase().replace(/\s+/g, " ");
}

/**
 * "X verb" attributions in a stretch of text, in order. For each reporting verb the subject right
 * before it wins ("…, and the mayor said"); otherwise a subject followed by an appositive
 * ("Li Wei, a researcher at …, said").
 */
const VERB_PRESENT = new RegExp(String.raw`\b(?:${VERBS})\b`);

function subjectVerbs(stretch: string): {speaker: string; verb: string; index: number; verbEnd: number}[] {
  if (!VERB_PRESENT.test(stretch)) return [];
  const byVerbEnd = new Map<number, {speaker: string; verb: string; index: number; verbEnd: number}>();
  for (const re of [BEFORE_SUBJECT, BEFORE_SIMPLE]) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(stretch))) {
      // A name after "of" is a place or a body that belongs to the name before it ("Coons of
      // Delaware"), unless a person's name follows it ("Mayor of London Sadiq Khan", "Secretary of
      // State Rex Tillerson": the last two words).
      const afterOf = /\bof\s+$/.test(stretch.slice(Math.max(0, m.index - 4), m.index));
      const words = m[1]!.trim().split(/\s+/);
      const speaker = !afterOf ? cleanSpeaker(m[1]!) : words.length >= 3 ? cleanSpeaker(words.slice(-2).join(" ")) : null;
      const verbEnd = m.index + m[0].length;
      // The simple pattern overrides; among appositive readings the earliest subject is kept.
      if (speaker && (re === BEFORE_SIMPLE || !byVerbEnd.has(verbEnd))) {
        byVerbEnd.set(verbEnd, {speaker, verb: verbOf(m[2]!), index: m.index + m[0].indexOf(m[1]!), verbEnd});
      }
      // A subject after a conjunction ("But Rep. Dana Rohrabacher") is tried again from its next
      // word; after a preposition ("In November, Parker said") the name that follows is no subject.
      const next = !speaker && CONJUNCTION_FIRST.test(m[1]!) ? m[1]!.search(/\s/) + 1 : m[1]!.length;
      re.lastIndex = m.index + Math.max(1, next);
    }
  }
  return [...byVerbEnd.values()].sort((a, b) => a.verbEnd - b.verbEnd);
}

/** Speaker mentions ("X said", "X, a researcher, told") in a stretch of text, in order. */
function mentions(text: string, from: number, to: number): Attribution[] {
  const out: Attribution[] = [];
  const stretch = text.slice(from, to);
  for (const sv of subjectVerbs(stretch)) {
    if (!isPronoun(sv.speaker) && /^\p{Lu}/u.test(sv.speaker)) out.push({speaker: sv.speaker, verb: sv.verb, at: from + sv.index});
  }
  let m: RegExpExecArray | null;
  const inverted = new RegExp(String.raw`[”"],?\s+(?:${INVERTED_VERBS})\s+(${NAME})`, "gu");
  while ((m = inverted.exec(stretch))) {
    const speaker = cleanSpeaker(m[1]!);
    if (speaker) out.push({speaker, verb: "said", at: from + m.index + m[0].length - m[1]!.length});
  }
  out.sort((a, b) => a.at - b.at);
  return out;
}

/** A run of two capitalised words or more (given names, initials, a surname) on one line. */
const NAME_RUN = new RegExp(String.raw`(?<![\p{L}\p{M}'’.\-])(?:${GIVEN_NAME}|\p{Lu}\.)(?:[ \t]+(?:${GIVEN_NAME}|\p{Lu}\.))+(?![\p{L}\p{M}'’\-])`, "gu");

/**
 * The names an article prints, read once however many are asked for: the one full name it prints
 * for a surname, and whether a capitalised word reads as a given name there.
 * @example new PrintedNames("Acme Chief Executive Jane Roe spoke.").fullName("Roe") // "Jane Roe"
 */
export class PrintedNames {
  /** Each run of capitalised words, as words, and the start of its line. */
  private readonly runs: {words: string[]; line: number}[] = [];
  /** Where each capitalised word that follows another is printed: run index × 64 + its place in the run. */
  private readonly at = new Map<string, number[]>();
  private readonly titleCase = new Map<number, boolean>();
  private readonly answers = new Map<string, string | null>();
  private readonly given = new Map<string, boolean>();
  private lowerWords: Set<string> | null = null;
  private placeWords: Set<string> | null = null;

  constructor(readonly text: string) {
    // The start of the line of each run, found going forward (the runs come in text order).
    let line = 0;
    let nextBreak = text.indexOf("\n");
    for (const m of text.matchAll(NAME_RUN)) {
      const words = m[0].split(/[ \t]+/);
      if (words.length > 64) words.length = 64;
      while (nextBreak >= 0 && nextBreak < m.index!) {
        line = nextBreak + 1;
        nextBreak = text.indexOf("\n", line);
      }
      const run = this.runs.length;
      this.runs.push({words, line});
      for (let j = 1; j < words.length; j++) {
        const word = words[j]!;
        // An initial is never a surname.
        if (word.length < 2 || word.charCodeAt(1) === 46) continue;
        let list = this.at.get(word);
        if (!list) this.at.set(word, (list = []));
        if (list.length < MAX_NAME_FORMS) list.push(run * 64 + j);
      }
    }
  }

  /**
   * The one full name the text prints for `surname` ("Jane Roe" for "Roe", from "Acme Executive
   * Chairman Jane Roe met …"), titles and roles before it dropped; null when it prints none, or two
   * different ones ("George Bush" and "Jeb Bush").
   */
  fullName(surname: string): string | null {
    let name = this.answers.get(surname);
    if (name !== undefined) return name;
    name = null;
    // Not a body ("White House") nor a group ("Log Cabin Republicans").
    if (!BODY_NAME.test(` ${surname}`) && !GROUP_WORD.test(surname)) {
      const found = new Set<string>();
      for (const place of this.at.get(surname) ?? []) {
        const run = this.runs[Math.floor(place / 64)]!;
        const j = place % 64;
        // At most three words before the surname; in a title-case line only the word just before
        // it is taken for a given name.
        const words = run.words.slice(j >= 2 && this.titleCaseLine(run.line) ? j - 1 : Math.max(0, j - 3), j);
        // The given names are the words nearest the surname that read as names.
        let first = words.length;
        while (first > 0 && (/^\p{Lu}\.$/u.test(words[first - 1]!) || this.isGivenName(words[first - 1]!, surname))) first--;
        const given = words.slice(first);
        while (given.length > 0 && /^\p{Lu}\.$/u.test(given[0]!)) given.shift();
        if (given.length > 0) found.add(`${given.join(" ")} ${surname}`);
      }
      // A shorter form of a longer name printed elsewhere is the same person ("Bader Ginsburg" in a
      // headline, "Ruth Bader Ginsburg" in the text).
      const distinct = [...found].filter((n) => ![...found].some((other) => other !== n && other.endsWith(` ${n}`)));
      if (distinct.length === 1) name = distinct[0]!;
    }
    this.answers.set(surname, name);
    return name;
  }

  /**
   * Whether a capitalised word reads as a given name here (before `surname`, when given): not a
   * title, a role, an opening word, a possessive ("Acme's Roe", "Williams' Felipe Massa"), a
   * hyphenated description ("San Diego-headquartered"), a body ("House"), a word the text also
   * prints in lower case ("Secretary of State Hillary Clinton", "Despite Trump"), or a place the
   * text puts alone after "in" ("in Nice,").
   */
  isGivenName(word: string, surname?: string): boolean {
    if (word === surname) return false;
    let is = this.given.get(word);
    if (is === undefined) this.given.set(word, (is = this.readsAsGivenName(word)));
    return is;
  }

  private readsAsGivenName(word: string): boolean {
    if (!/^\p{Lu}\p{Ll}/u.test(word) || NOT_NAMES.has(word) || NOT_GIVEN.has(word)) return false;
    this.lowerWords ??= new Set(this.text.match(/(?<![\p{L}\p{M}])\p{Ll}[\p{Ll}\p{M}'’\-]*/gu) ?? []);
    if (this.lowerWords.has(word.toLowerCase())) return false;
    if (TITLE_WORD.test(word) || ROLE_WORD.test(word) || MONTH_WORD.test(word) || /['’]s?$|-\p{Ll}+$/u.test(word) || BODY_NAME.test(` ${word}`) || DEMONYM.test(word)) return false;
    this.placeWords ??= new Set(Array.from(this.text.matchAll(/\bin[ \t]+(\p{Lu}[\p{L}\p{M}'’\-]*)(?![\p{L}\p{M}'’\-]|[ \t]+\p{Lu})/gu), (m) => m[1]!));
    return !this.placeWords.has(word);
  }

  /** Whether the line starting at `start` capitalises most of its words (four or more): a headline, a credit. */
  private titleCaseLine(start: number): boolean {
    let is = this.titleCase.get(start);
    if (is === undefined) {
      const end = this.text.indexOf("\n", start);
      const words = this.text.slice(start, end < 0 ? this.text.length : end).match(/\p{L}[\p{L}\p{M}'’\-]*/gu) ?? [];
      let capitalised = 0;
      for (const w of words) if (/^\p{Lu}/u.test(w)) capitalised++;
      this.titleCase.set(start, (is = words.length >= 4 && capitalised >= words.length * 0.7));
    }
    return is;
  }
}

let lastPrinted: PrintedNames | null = null;

/**
 * The `PrintedNames` of a text, shared by the passes that read the same text one after another
 * (the quotations', then the figures').
 */
export function printedNamesOf(text: string): PrintedNames {
  if (!lastPrinted || lastPrinted.text !== text) lastPrinted = new PrintedNames(text);
  return lastPrinted;
}

/** Forms of one surname kept by `PrintedNames` (a text that prints hundreds is not an article). */
const MAX_NAME_FORMS = 50;

/**
 * Direct quotations in a document, with speaker and reporting verb. Ids are `${doc.id}:q${index}`
 * in text order; `text` is the quotation with runs of white space (and paragraph breaks of a
 * quotation over several paragraphs) shown as one space; `span` covers it in the document's text.
 * @example extractQuotes(doc).map((q) => [q.speaker, q.text])
 */
export function extractQuotes(doc: DocumentRecord, layout?: TextLayout): Quote[] {
  const text = typeof doc?.text === "string" ? doc.text : "";
  if (!text) return [];
  if (!layout || layout.text !== text) layout = new TextLayout(text);
  const raw = findQuotations(text, layout);
  if (raw.length === 0) return [];
  const sentenceSpans = layout.sentences;
  const paraSpans = layout.paragraphs;
  // Every look-up below is a binary search or a cached value, so that the time stays linear in the
  // text however many quotations, sentences and speakers it holds.
  const sentenceIndexAt = (offset: number) => spanIndexAt(sentenceSpans, offset);
  const paragraphAt = (offset: number) => spanIndexAt(paraSpans, offset);
  // Whether any quotation holds `offset`: among those opening at or before it, the furthest close.
  const byOpen = [...raw].sort((a, b) => a.open - b.open);
  const furthestClose: number[] = [];
  for (let i = 0, max = -Infinity; i < byOpen.length; i++) furthestClose.push((max = Math.max(max, byOpen[i]!.close)));
  const isInsideQuote = (offset: number) => {
    const i = lastBelow(byOpen, (q) => q.open, offset + 1);
    return i >= 0 && furthestClose[i]! > offset;
  };
  // Speakers already attributed, sorted by where they are printed (equal positions in the order found).
  const known: Attribution[] = [];
  const knownBySurname = new Map<string, Attribution>();
  const addKnown = (a: Attribution) => {
    known.splice(lastBelow(known, (k) => k.at, a.at + 1) + 1, 0, a);
    const parts = a.speaker.split(/\s+/);
    if (parts.length > 1 && !knownBySurname.has(parts[parts.length - 1]!)) knownBySurname.set(parts[parts.length - 1]!, a);
  };
  let titleHolder: ReturnType<typeof officeHolders> | null = null;
  let allMentions: Attribution[] | null = null;
  let mentionsBySurname: Map<string, Attribution> | null = null;
  const allMentionsOf = () => (allMentions ??= mentions(text, 0, text.length));
  const namedCandidate = (k: Attribution) => !isPronoun(k.speaker) && /^\p{Lu}/u.test(k.speaker) && !/^(?:The|A|An)\s/.test(k.speaker);
  /** The last named speaker printed before `offset`: known speakers, or mentions in the 2,000 characters before. */
  const lastNamedBefore = (offset: number): Attribution | undefined => {
    let fromKnown: Attribution | undefined;
    for (let i = lastBelow(known, (k) => k.at, offset); i >= 0 && !fromKnown; i--) if (namedCandidate(known[i]!)) fromKnown = known[i]!;
    const list = allMentionsOf();
    let fromMentions: Attribution | undefined;
    for (let i = lastBelow(list, (k) => k.at, offset); i >= 0 && list[i]!.at >= offset - 2000 && !fromMentions; i--) if (namedCandidate(list[i]!)) fromMentions = list[i]!;
    // On equal positions the mention wins, as it did when both lists were merged and sorted.
    if (fromKnown && fromMentions) return fromMentions.at >= fromKnown.at ? fromMentions : fromKnown;
    return fromMentions ?? fromKnown;
  };
  /** The first full name ending in `surname`: among known speakers first, then mentions printed before `offset`. */
  const fullNameOf = (surname: string, offset: number): Attribution | undefined => {
    const k = knownBySurname.get(surname);
    if (k) return k;
    if (!mentionsBySurname) {
      mentionsBySurname = new Map();
      for (const m of allMentionsOf()) {
        const parts = m.speaker.split(/\s+/);
        if (parts.length > 1 && !mentionsBySurname.has(parts[parts.length - 1]!)) mentionsBySurname.set(parts[parts.length - 1]!, m);
      }
    }
    const m = mentionsBySurname.get(surname);
    return m && m.at < offset ? m : undefined;
  };
  let mentionedLastWords: Set<string> | null = null;
  /** Whether `name`, or its last word, is printed as a speaker or mention anywhere in the text. */
  const spokeElsewhere = (name: string): boolean => {
    // A name's own last word is its last word, so the last words alone decide.
    mentionedLastWords ??= new Set(allMentionsOf().map((m) => m.speaker.split(/\s+/).pop()!));
    return mentionedLastWords.has(name.split(/\s+/).pop()!);
  };
  /**
   * The person sentence `k` opens with, when it is in paragraph `para` or the one before and not
   * inside a quotation: a titled name, a full name followed by "who" ("Felipe Calderon, who was
   * president of Mexico, …"), or a name printed elsewhere as a speaker's ("Pelosi did not agree with
   * Ryan's assessment.").
   */
  const personOpening = (k: number, para: number, loose = false): string | null => {
    if (k < 0 || !sentenceSpans[k]) return null;
    const [start, end] = sentenceSpans[k]!;
    if (paragraphAt(start) < para - 1 || isInsideQuote(start)) return null;
    const opening = text.slice(start, Math.min(end, start + OPENING_WINDOW));
    const subject = SENTENCE_SUBJECT.exec(opening);
    // Not a name before a role and another name ("St. Louis Tea Party organizer Bill Hennessy"), nor
    // one that owns the subject ("Trump's withdrawal").
    const name = subject && !ROLE_THEN_NAME.test(opening.slice(subject[0].length)) && !/[’']s$/.test(subject[1]!) ? cleanSpeaker(subject[1]!) : null;
    if (!name || isPronoun(name) || DESCRIPTOR_START.test(name) || !/^\p{Lu}/u.test(name)) return null;
    if (BODY_NAME.test(name)) return null;
    // A title, kept ("Gov. Rick Perry") or dropped as a role ("President Joe Biden" → "Joe Biden").
    if (TITLED.test(name) || TITLED.test(subject![1]!.trim())) return name;
    // "who" is said of a person: "Felipe Calderon, who was president of Mexico, …".
    if (name.includes(" ") && /^\s*,\s+who\s/.test(opening.slice(subject![0].length))) return name;
    if (!spokeElsewhere(name)) {
      if (!loose) return null;
      // Loosely, a name whose words before its surname read as given names: "Senior Colonel Ren
      // Guoqiang" → "Ren Guoqiang", "County Executive Kathy Dahlkemper" → "Kathy Dahlkemper".
      const words = name.split(/\s+/);
      const surname = words[words.length - 1]!;
      let first = words.length - 1;
      while (first > 0 && printedNamesOf(text).isGivenName(words[first - 1]!, surname)) first--;
      return first < words.length - 1 && /^\p{Lu}\p{Ll}/u.test(surname) ? words.slice(first).join(" ") : null;
    }
    // A single word is a person's surname only when a full name ends in it ("Pelosi").
    const full = name.includes(" ") ? name : fullNameOf(name, start)?.speaker;
    return full && !BODY_NAME.test(full) ? full : null;
  };
  // Per sentence: where its first letter or digit is, and its "according to" match.
  const firstWordChar = new Map<number, number>();
  const firstWordCharFrom = (start: number) => {
    let at = firstWordChar.get(start);
    if (at === undefined) {
      const re = /[\p{L}\p{N}]/gu;
      re.lastIndex = start;
      const m = re.exec(text);
      at = m ? m.index : Infinity;
      firstWordChar.set(start, at);
    }
    return at;
  };
  const accordingCache = new Map<string, RegExpExecArray | null>();
  const results: Quote[] = [];
  const resolved: (Attribution | null)[] = [];
  for (let qi = 0; qi < raw.length; qi++) {
    const q = raw[qi]!;
    const openSentence = sentenceIndexAt(q.open);
    const closeSentence = sentenceIndexAt(Math.max(q.open, q.close - 1));
    const para = paragraphAt(q.open);
    const paraEnd = para >= 0 ? paraSpans[para]![1] : text.length;
    let found: Attribution | null = null;
    // 1. Right after the closing mark, to the end of its sentence (or the next, when the quote ends one).
    let afterEnd = closeSentence >= 0 ? sentenceSpans[closeSentence]![1] : paraEnd;
    if (afterEnd - q.close <= 1 && closeSentence >= 0 && sentenceSpans[closeSentence + 1] && sentenceSpans[closeSentence + 1]![0] < paraEnd + 1) {
      const nextSentence = sentenceSpans[closeSentence + 1]!;
      if (paragraphAt(nextSentence[0]) === paragraphAt(q.close - 1)) afterEnd = nextSentence[1];
    }
    const nextQuoteStart = raw[qi + 1]?.open ?? Infinity;
    const afterLimited = text.slice(q.close, q.close + Math.min(Math.max(0, afterEnd - q.close), Math.max(0, nextQuoteStart - q.close)));
    // An unclosed quotation was cut at its sentence's end: what follows is not its attribution.
    const closed = q.close > q.span[1];
    let m = closed ? AFTER_INVERTED.exec(afterLimited) : null;
    if (m) {
      const speaker = cleanSpeaker(m[2]!);
      if (speaker) found = {speaker, verb: verbOf(m[1]!), at: q.close + m.index + m[0].length - m[2]!.length};
    }
    if (!found && closed && (m = AFTER_SUBJECT.exec(afterLimited))) {
      const speaker = cleanSpeaker(m[1]!);
      if (speaker) found = {speaker, verb: verbOf(m[2]!), at: q.close + m.index + m[0].indexOf(m[1]!)};
    }
    // 2. Before the opening mark, in the same sentence: the last "X verb" outside quotations.
    const sentenceStart = openSentence >= 0 ? sentenceSpans[openSentence]![0] : q.open;
    if (!found && q.open > sentenceStart) {
      const beforeStart = Math.max(sentenceStart, q.open - BEFORE_WINDOW);
      const before = text.slice(beforeStart, q.open);
      let last: Attribution | null = null;
      for (const sv of subjectVerbs(before)) {
        const at = beforeStart + sv.index;
        if (!isInsideQuote(at)) last = {speaker: sv.speaker, verb: sv.verb, at};
      }
      found = last;
    }
    // 2b. A participle before the opening mark ("…, saying, “"): the sentence's subject.
    if (!found && q.open > sentenceStart) {
      const subject = PARTICIPLE_LINK.test(text.slice(sentenceStart, q.open)) ? SENTENCE_SUBJECT.exec(text.slice(sentenceStart, Math.min(q.open, sentenceStart + OPENING_WINDOW))) : null;
      // The participle after the subject, in its own clause: after "…, while opponents slammed it,
      // calling it “…”" the subject of the sentence is not the one speaking.
      const rest = subject ? text.slice(sentenceStart + subject[0].length, q.open) : "";
      const link = subject ? PARTICIPLE_LINK.exec(rest) : null;
      const speaker = link && !NEW_CLAUSE.test(rest.slice(0, link.index)) ? cleanSpeaker(subject![1]!) : null;
      // Only a subject that reads as a speaker: a pronoun, a title or a role, or a name printed
      // elsewhere as someone's ("Bloomberg … said"), not any capitalised opener ("Sky", "Almost").
      if (speaker && (isPronoun(speaker) || TITLED.test(speaker) || speaker.split(/\s+/).some((w) => ROLE_WORD.test(w)) || spokeElsewhere(speaker))) {
        found = {speaker, verb: verbOf(link![1]!), at: sentenceStart + subject![0].length - subject![2]!.length - subject![1]!.length};
      }
    }
    // 2c. A lead-in that ends in a colon after a verb of speech in the infinitive ("Biden was quick
    // to retort: “…”"): the person the sentence opens with.
    if (!found && q.open > sentenceStart) {
      const toSay = INFINITIVE_LEAD_IN.exec(text.slice(Math.max(sentenceStart, q.open - 200), q.open));
      const person = toSay ? personOpening(openSentence, para) : null;
      if (person) found = {speaker: person, verb: verbOf(toSay![1]!), at: sentenceStart};
    }
    // 3. "according to X" in the sentence.
    if (!found) {
      const sentenceEnd = Math.max(afterEnd, closeSentence >= 0 ? sentenceSpans[closeSentence]![1] : q.close);
      const key = `${sentenceStart}:${sentenceEnd}`;
      let a = accordingCache.get(key);
      if (a === undefined) {
        a = ACCORDING_TO.exec(text.slice(sentenceStart, sentenceEnd));
        accordingCache.set(key, a);
      }
      if (a && !isInsideQuote(sentenceStart + a.index)) {
        const speaker = cleanSpeaker(a[1]!);
        if (speaker) found = {speaker, verb: "according to", at: sentenceStart + a.index + a[0].length - a[1]!.length};
      }
    }
    // 4. The previous quotation, when this one opens its sentence right after it.
    const lead = text.slice(Math.max(0, q.open - 300), q.open).trimEnd();
    const opensSentence = q.open === sentenceStart || lead === "" || /[.!?…:]["”’)]?$|\n$/.test(text.slice(Math.max(0, q.open - 300), q.open).replace(/[ \t]+$/, "")) || firstWordCharFrom(sentenceStart) >= q.open;
    if (!found && opensSentence && qi > 0 && resolved[qi - 1]) {
      const prev = raw[qi - 1]!;
      const between = text.slice(prev.close, q.open);
      const prevPara = paragraphAt(prev.open);
      const adjacent = between.length < 400 && (prevPara === para || prevPara === para - 1);
      if (adjacent) found = {...resolved[qi - 1]!};
    }
    // 5. A speaker named in the previous sentence, or opening the next one.
    if (!found && opensSentence && openSentence > 0) {
      const [ps, pe] = sentenceSpans[openSentence - 1]!;
      if (paragraphAt(ps) >= para - 1) {
        const m5 = SENTENCE_OPENS_WITH_SPEAKER.exec(text.slice(ps, Math.min(pe, ps + OPENING_WINDOW)));
        if (m5) {
          const speaker = cleanSpeaker(m5[1]!);
          if (speaker) found = {speaker, verb: verbOf(m5[2]!), at: ps};
        }
      }
    }
    if (!found && opensSentence && closeSentence >= 0 && sentenceSpans[closeSentence + 1]) {
      const [ns, ne] = sentenceSpans[closeSentence + 1]!;
      if (paragraphAt(ns) === para && !isInsideQuote(ns)) {
        const m6 = SENTENCE_OPENS_WITH_SPEAKER.exec(text.slice(ns, Math.min(ne, ns + OPENING_WINDOW)));
        if (m6) {
          const speaker = cleanSpeaker(m6[1]!);
          if (speaker && !isPronoun(speaker)) found = {speaker, verb: verbOf(m6[2]!), at: ns};
        }
      }
    }
    // Resolve pronouns and surnames against earlier named speakers.
    if (found) {
      if (isPronoun(found.speaker)) {
        // A pronoun in the words that lead into the quotation is the person its sentence opens with
        // ("Moore lashed out at what he called “…”"). Otherwise: the last named speaker when printed
        // in the sentence before, else the person that sentence is about, else the last named speaker.
        const inLeadIn = found.at > sentenceStart && found.at < q.open ? personOpening(openSentence, para) : null;
        const named = lastNamedBefore(q.open);
        const before = openSentence > 0 ? sentenceSpans[openSentence - 1]![0] : 0;
        // With no one named before it, "he" or "she" is the person the sentence (or its lead-in)
        // opens with, read loosely: a name whose first words read as given names.
        const inLead = found.at > sentenceStart && found.at < q.open;
        const loosely = () => (/^(?:he|she)$/i.test(found!.speaker) ? ((inLead ? personOpening(openSentence, para, true) : null) ?? personOpening(openSentence - 1, para, true)) : null);
        const last = inLeadIn ?? (named && named.at >= before ? named.speaker : null) ?? personOpening(openSentence - 1, para) ?? named?.speaker ?? loosely();
        found = last ? {speaker: last, verb: found.verb, at: found.at} : {...found, speaker: found.speaker};
      }
      if (!isPronoun(found.speaker)) {
        const parts = found.speaker.split(/\s+/);
        if (parts.length === 1) {
          const earlier = fullNameOf(found.speaker, Math.max(0, found.at))?.speaker ?? printedNamesOf(text).fullName(found.speaker);
          if (earlier) found = {...found, speaker: earlier};
        }
        addKnown(found);
      }
    }
    // A description by office ("the president said") names the one holder of that title printed
    // before it ("President Donald Trump"), when there is exactly one.
    if (found && DESCRIPTOR_START.test(found.speaker)) {
      const holder = (titleHolder ??= officeHolders(text))(found.speaker, found.at);
      if (holder) found = {...found, speaker: holder};
    }
    resolved.push(found);
    results.push({
      id: `${doc.id}:q${qi}`,
      documentId: doc.id,
      span: [q.span[0], q.span[1]],
      text: text.slice(q.span[0], q.span[1]).replace(/\s*\n\s*[“"]?\s*/g, " ").replace(/\s+/g, " ").trim(),
      speaker: found && !isPronoun(found.speaker) ? found.speaker : found ? found.speaker : null,
      verb: found ? found.verb : null,
      speakerAt: found ? found.at : null,
      familyId: null,
    });
  }
  return results;
}

/** Comparison words of a quotation (same folding as reuse: case, apostrophes, number words). */
function quoteWords(text: string): Int32Array {
  return wordHashes(text);
}

/** A string that is equal for two word arrays exactly when they are equal (each 32-bit word as
 *  two UTF-16 code units), to find the wordings printed alike. */
function wordingKey(t: Int32Array): string {
  const units = new Uint16Array(t.buffer, t.byteOffset, t.length * 2);
  let key = "";
  for (let k = 0; k < units.length; k += 8192) key += String.fromCharCode.apply(null, units.subarray(k, k + 8192) as unknown as number[]);
  return key;
}

/** Word arrays packed one after another: wording k is `words[starts[k]..starts[k + 1])` (one
 *  typed array for all, rather than hundreds of thousands of small ones). */
export interface PackedWordings {
  words: Int32Array;
  starts: Int32Array;
}

/** The wordings `wordsOf(0..count-1)` packed into one array. */
export function packWordings(count: number, wordsOf: (k: number) => ArrayLike<number>): PackedWordings {
  const starts = new Int32Array(count + 1);
  let words = new Int32Array(Math.max(16, count * 16));
  let n = 0;
  for (let k = 0; k < count; k++) {
    const w = wordsOf(k);
    if (n + w.length > words.length) {
      const grown = new Int32Array(Math.max(words.length * 2, n + w.length));
      grown.set(words.subarray(0, n));
      words = grown;
    }
    words.set(w, n);
    n += w.length;
    starts[k + 1] = n;
  }
  return {words: words.slice(0, n), starts};
}

/** The same wordings, each one's words in increasing order (for counting words in common). */
function sortedWordings({words, starts}: PackedWordings): Int32Array {
  const sorted = words.slice();
  for (let k = 0; k + 1 < starts.length; k++) if (starts[k + 1]! - starts[k]! > 1) sorted.subarray(starts[k]!, starts[k + 1]!).sort();
  return sorted;
}

/**
 * Whether two quotations are variants of one another: in-order shared words cover at least
 * FAMILY_MIN_CONTAINMENT of the shorter one, and at least FAMILY_MIN_WORDS words.
 * @example areQuoteVariants("Jack and I are going to do some great things", "Jack and I are going to do great things for small business") // true
 */
export function areQuoteVariants(a: string, b: string): boolean {
  const pair = packWordings(2, (k) => quoteWords(k === 0 ? a : b));
  return variantScore(pair, sortedWordings(pair), 0, 1) >= FAMILY_MIN_CONTAINMENT;
}

/** The in-order shared words of wordings a and b as a share of the shorter one (0 below the
 *  minimum), from the packed wordings and their sorted copy. */
function variantScore({words, starts}: PackedWordings, sorted: Int32Array, a: number, b: number): number {
  const aStart = starts[a]!;
  const aEnd = starts[a + 1]!;
  const bStart = starts[b]!;
  const bEnd = starts[b + 1]!;
  const shorter = Math.min(aEnd - aStart, bEnd - bStart);
  if (shorter < FAMILY_MIN_WORDS) return 0;
  // Words in common (as a multiset) bound the in-order shared words from above: when even they fall
  // short of the threshold, the word diff cannot reach it and is not run. Each distinct word of the
  // shorter one is looked up in the other's sorted words, and the count stops as soon as the words
  // missed so far rule the pair out (most candidate pairs share a phrase and little else).
  const aFew = aEnd - aStart <= bEnd - bStart;
  const fewEnd = aFew ? aEnd : bEnd;
  const manyStart = aFew ? bStart : aStart;
  const manyEnd = aFew ? bEnd : aEnd;
  let missed = 0;
  for (let x = aFew ? aStart : bStart; x < fewEnd; ) {
    const word = sorted[x]!;
    let end = x + 1;
    while (end < fewEnd && sorted[end] === word) end++;
    const found = countOf(sorted, manyStart, manyEnd, word);
    if (found < end - x) {
      missed += end - x - found;
      const best = shorter - missed;
      if (best < FAMILY_MIN_WORDS || best / shorter < FAMILY_MIN_CONTAINMENT) return 0;
    }
    x = end;
  }
  let same = 0;
  for (const step of editScript(words.subarray(aStart, aEnd), words.subarray(bStart, bEnd), 200)) if (step.op === "same") same++;
  if (same < FAMILY_MIN_WORDS) return 0;
  return same / shorter;
}

/** How many times `value` occurs in `sorted[from..to)`, which is in increasing order (two binary searches). */
function countOf(sorted: Int32Array, from: number, to: number, value: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  const first = lo;
  hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo - first;
}

/** Sorted postings: `owners[starts[r]..ends[r])` hold gram run r's wordings in increasing order. */
export interface GramRuns {
  owners: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
}

/**
 * The distinct word 3-grams of each wording, as postings: the runs (grams held by 2 to `cap`
 * wordings) and, for each wording, the runs it is in (`runs[offsets[a]..offsets[a+1])`).
 */
export function gramPostings({words, starts}: PackedWordings, cap: number, keySpace: number = 2 ** 21): {runs: GramRuns; runsOf: {offsets: Int32Array; runs: Int32Array}} {
  const count = starts.length - 1;
  let total = 0;
  for (let a = 0; a < count; a++) total += Math.max(0, starts[a + 1]! - starts[a]! - 2);
  const gramAt = (k: number) => (Math.imul(Math.imul(words[k]! ^ 0x9e3779b9, 31) ^ words[k + 1]!, 31) ^ words[k + 2]!) >>> 0;
  if (count >= keySpace) return sortedPostings(words, starts, total, cap, gramAt);
  // Each (gram, wording) pair as one number, gram × keySpace + wording (exact in a double, as there
  // are fewer wordings than keySpace): sorting the numbers sorts by gram, then wording. The distinct
  // pairs are then written back over the numbers, gram and wording side by side in each number's
  // eight bytes, so the postings take no memory beyond the one array.
  // (An empty array still gets room for one number, so the views below fit in its buffer.)
  const keys = new Float64Array(Math.max(1, total));
  let n = 0;
  for (let a = 0; a < count; a++) for (let k = starts[a]!; k + 3 <= starts[a + 1]!; k++) keys[n++] = gramAt(k) * keySpace + a;
  if (total > 0) keys.sort();
  const grams = new Uint32Array(keys.buffer);
  const owners = new Int32Array(keys.buffer, 4);
  // Pair m is written over number m, which was read when m < x (or just now when m = x).
  let m = 0;
  let previous = -1;
  for (let x = 0; x < n; x++) {
    const key = keys[x]!;
    // A gram repeated in one wording counts once.
    if (key === previous) continue;
    previous = key;
    const gram = Math.floor(key / keySpace);
    grams[2 * m] = gram;
    owners[2 * m] = key - gram * keySpace;
    m++;
  }
  const runs = postingRuns(grams, owners, count, cap, m, 2);
  // The wordings, one after another at the front of the array (entry x is read from further on).
  const flat = new Int32Array(keys.buffer);
  for (let x = 0; x < m; x++) flat[x] = flat[2 * x + 1]!;
  return {runs: {owners: flat.subarray(0, m), starts: runs.starts, ends: runs.ends}, runsOf: {offsets: runs.offsets, runs: runs.runs}};
}

/** `gramPostings` through a sorted order of the pairs (for more wordings than a numeric key holds). */
function sortedPostings(words: Int32Array, starts: Int32Array, total: number, cap: number, gramAt: (k: number) => number): {runs: GramRuns; runsOf: {offsets: Int32Array; runs: Int32Array}} {
  const count = starts.length - 1;
  let grams = new Uint32Array(total);
  let owners = new Int32Array(total);
  let n = 0;
  for (let a = 0; a < count; a++) {
    for (let k = starts[a]!; k + 3 <= starts[a + 1]!; k++) {
      grams[n] = gramAt(k);
      owners[n++] = a;
    }
  }
  const order = Int32Array.from({length: n}, (_, x) => x).sort((x, y) => grams[x]! - grams[y]! || owners[x]! - owners[y]!);
  grams = Uint32Array.from(order, (x) => grams[x]!);
  owners = Int32Array.from(order, (x) => owners[x]!);
  // Distinct (gram, wording) pairs, compacted in place: a gram repeated in one wording counts once.
  let m = 0;
  for (let x = 0; x < n; x++) {
    const g = grams[x]!;
    const o = owners[x]!;
    if (m > 0 && grams[m - 1] === g && owners[m - 1] === o) continue;
    grams[m] = g;
    owners[m++] = o;
  }
  const runs = postingRuns(grams, owners, count, cap, m);
  return {runs: {owners: owners.subarray(0, m), starts: runs.starts, ends: runs.ends}, runsOf: {offsets: runs.offsets, runs: runs.runs}};
}

/**
 * Groups variants of the same quotation across documents (MemeTracker-style containment: a short
 * quotation lifted from a longer one, or the same words lightly edited, joins its family). Candidate
 * pairs come from shared word 3-grams; families are the connected groups, kept when they span at
 * least two documents. The earliest variant (by `documentsInOrder`, publication order, then
 * position) labels the family, and every variant carries a word diff against it. Family ids are
 * `qf:` + the earliest quotation's id. Returns new quotes with `familyId` set (others null); with
 * `inPlace`, for a caller that owns the quotations, sets it on the given ones instead of copying
 * them (at 100,000 articles the copies would be 300,000 objects).
 */
export function groupQuoteFamilies(
  quotes: readonly Quote[],
  documentsInOrder: readonly DocumentRecord[],
  {inPlace = false}: {inPlace?: boolean} = {}
): {quotes: Quote[]; quoteFamilies: QuoteFamily[]} {
  const list = (quotes ?? []).filter((q): q is Quote => !!q && typeof q.text === "string");
  const rank = new Map<string, number>();
  (documentsInOrder ?? []).forEach((d, i) => {
    if (d && !rank.has(d.id)) rank.set(d.id, i);
  });
  const docRank = (id: string) => rank.get(id) ?? Number.MAX_SAFE_INTEGER;
  const order = list
    .map((q, i) => i)
    .sort((x, y) => {
      const a = list[x]!;
      const b = list[y]!;
      return docRank(a.documentId) - docRank(b.documentId) || cmp(a.documentId, b.documentId) || a.span[0] - b.span[0] || cmp(a.id, b.id);
    });
  // Every quotation's comparison words, packed into one array.
  let all: PackedWordings | null = packWordings(list.length, (i) => quoteWords(list[i]!.text));
  const parent = list.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  // Quotations printed word for word alike are one variant: they join the first of them, and
  // only the distinct wordings are compared (a quotation copied into many articles is compared once).
  const distinct: number[] = [];
  const firstWithWords = new Map<string, number>();
  for (const i of order) {
    if (all.starts[i + 1]! - all.starts[i]! < FAMILY_MIN_WORDS) continue;
    const key = wordingKey(all.words.subarray(all.starts[i]!, all.starts[i + 1]!));
    const first = firstWithWords.get(key);
    if (first === undefined) {
      firstWithWords.set(key, i);
      distinct.push(i);
    } else parent[i] = first;
  }
  firstWithWords.clear();
  // The distinct wordings (wording a is quotation distinct[a]), packed again; the rest can go.
  const {words: allWords, starts: allStarts} = all;
  const table = packWordings(distinct.length, (a) => allWords.subarray(allStarts[distinct[a]!]!, allStarts[distinct[a]! + 1]!));
  all = null;
  // Postings of each 3-gram (the distinct wordings holding it, in order), built by sorting
  // (gram, wording) keys rather than in a map of lists: one typed array, no small objects.
  const {runs, runsOf} = gramPostings(table, FAMILY_MAX_POSTINGS);
  // Each pair of wordings is weighed once, from the earlier one: the number of distinct 3-grams
  // they share must reach a quarter of the shorter one's (variants covering 80% of it share at
  // least that many; one for the shortest), then the in-order word cover decides.
  const shared = new Int32Array(distinct.length);
  const touched = new Int32Array(distinct.length);
  let touchedCount = 0;
  const sorted = sortedWordings(table);
  // The fewest shared 3-grams a pair needs, by the shorter one's length, looked up in typed arrays
  // (the loop below visits millions of candidates on a large corpus).
  const lengths = Int32Array.from(distinct, (_, a) => table.starts[a + 1]! - table.starts[a]!);
  for (let a = 0; a < distinct.length; a++) {
    for (let q = runsOf.offsets[a]!; q < runsOf.offsets[a + 1]!; q++) {
      const r = runsOf.runs[q]!;
      for (let x = runs.ends[r]! - 1; x >= runs.starts[r]! && runs.owners[x]! > a; x--) {
        const b = runs.owners[x]!;
        if (shared[b]!++ === 0) touched[touchedCount++] = b;
      }
    }
    const i = distinct[a]!;
    const length = lengths[a]!;
    for (let k = 0; k < touchedCount; k++) {
      const b = touched[k]!;
      const count = shared[b]!;
      shared[b] = 0;
      const shorter = length < lengths[b]! ? length : lengths[b]!;
      if (count < 1 || (count << 2) < shorter - 5 /* count < floor((shorter - 2) / 4) */) continue;
      const j = distinct[b]!;
      if (find(i) === find(j)) continue;
      if (variantScore(table, sorted, a, b) >= FAMILY_MIN_CONTAINMENT) parent[find(j)] = find(i);
    }
    touchedCount = 0;
  }
  // The groups, in order of their first member (most quotations are alone in theirs: no list for them).
  const size = new Int32Array(list.length);
  for (const i of order) size[find(i)]!++;
  const members = new Map<number, number[]>();
  for (const i of order) {
    const root = find(i);
    if (size[root]! < 2) continue;
    const group = members.get(root);
    if (group) group.push(i);
    else members.set(root, [i]);
  }
  const familyOf = new Map<number, string>();
  const families: QuoteFamily[] = [];
  const firsts: number[] = [];
  const documentById = new Map((documentsInOrder ?? []).map((d) => [d.id, d] as const));
  for (const group of members.values()) {
    const documentIds = [...new Set(group.map((i) => list[i]!.documentId))];
    if (documentIds.length < 2) continue;
    const earliest = list[group[0]!]!;
    const id = `qf:${earliest.id}`;
    for (const i of group) familyOf.set(i, id);
    firsts.push(group[0]!);
    families.push({
      id,
      label: earliest.text,
      quoteIds: group.map((i) => list[i]!.id),
      documentIds,
      variants: group.map((i) => ({quoteId: list[i]!.id, diff: diffWords(earliest.text, list[i]!.text)})),
      earliestCertain: documentIds.slice(1).every((other) => {
        const [first, then] = [documentById.get(earliest.documentId), documentById.get(other)];
        return !!first && !!then && publishedBefore(first, then) === true;
      }),
    });
  }
  // Families in the order of their earliest variant.
  const position = new Int32Array(list.length);
  order.forEach((i, k) => (position[i] = k));
  const sortedFamilies = families.map((family, f) => ({family, at: position[firsts[f]!]!})).sort((a, b) => a.at - b.at).map(({family}) => family);
  if (inPlace) {
    list.forEach((q, i) => (q.familyId = familyOf.get(i) ?? null));
    return {quotes: list, quoteFamilies: sortedFamilies};
  }
  return {quotes: list.map((q, i) => ({...q, span: [q.span[0], q.span[1]] as Span, familyId: familyOf.get(i) ?? null})), quoteFamilies: sortedFamilies};
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
