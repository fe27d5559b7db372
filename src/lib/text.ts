/**
 * Shared text primitives: words and sentences with offsets into the original text.
 * Every later stage (claims, quotes, reuse) reads text through these, so offsets agree.
 */
import type {Span} from "./types.js";

export interface Token {
  start: number;
  end: number;
  /** The characters as printed. */
  raw: string;
  /** Comparison form: lower case, straight apostrophes, no dots or thousands separators
   *  ("U.S." → "us", "36,446" → "36446", "Ma’s" → "ma's"). */
  norm: string;
}

/** Whether a string is one or more ASCII letters (same as /^[A-Za-z]+$/, without the regular expression). */
export function isAsciiLetters(s: string): boolean {
  const n = s.length;
  if (n === 0) return false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i) | 32;
    if (c < 97 || c > 122) return false;
  }
  return true;
}

/** The word pattern, as a regular expression: the scanner below (`scanWords`) finds exactly its matches. */
export const WORD_PATTERN = /[\p{L}\p{N}]+(?:['’.,\-][\p{L}\p{N}]+)*\.?/gu;

/** Letters and digits among the ASCII characters. */
const ASCII_ALNUM = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII_ALNUM[c] = 1;
for (let c = 65; c <= 90; c++) ASCII_ALNUM[c] = 1;
for (let c = 97; c <= 122; c++) ASCII_ALNUM[c] = 1;

/** Letters and digits (\p{L}, \p{N}) of the Basic Multilingual Plane, built on first use. */
let bmpAlnum: Uint8Array | null = null;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

function bmpTable(): Uint8Array {
  if (bmpAlnum) return bmpAlnum;
  const table = new Uint8Array(65536);
  for (let c = 128; c < 65536; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    if (LETTER_OR_DIGIT.test(String.fromCharCode(c))) table[c] = 1;
  }
  return (bmpAlnum = table);
}

/** The length (in UTF-16 units: 1, or 2 for a surrogate pair) of the letter or digit at `i`, 0 when there is none. */
function alnumAt(text: string, i: number, n: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return ASCII_ALNUM[c]!;
  if (c >= 0xd800 && c <= 0xdbff) {
    if (i + 1 >= n) return 0;
    const d = text.charCodeAt(i + 1);
    if (d < 0xdc00 || d > 0xdfff) return 0;
    return LETTER_OR_DIGIT.test(text.slice(i, i + 2)) ? 2 : 0;
  }
  if (c >= 0xdc00 && c <= 0xdfff) return 0;
  return bmpTable()[c]!;
}

/** Joiners inside a word: apostrophes, a dot, a comma (thousands), a hyphen. */
function isJoiner(c: number): boolean {
  return c === 39 || c === 8217 || c === 46 || c === 44 || c === 45;
}

/**
 * Visits the start and end of every match of `WORD_PATTERN` in order, with a character scanner
 * (several times faster than the regular expression; the tests check they agree).
 */
export function scanWords(text: string, visit: (start: number, end: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    let k = alnumAt(text, i, n);
    if (k === 0) {
      i++;
      continue;
    }
    const start = i;
    i += k;
    while (i < n && (k = alnumAt(text, i, n)) !== 0) i += k;
    while (i + 1 < n && isJoiner(text.charCodeAt(i)) && (k = alnumAt(text, i + 1, n)) !== 0) {
      i += 1 + k;
      while (i < n && (k = alnumAt(text, i, n)) !== 0) i += k;
    }
    if (i < n && text.charCodeAt(i) === 46) i++;
    visit(start, i);
  }
}

/**
 * Normalises one word for comparison.
 * @example normalizeWord("U.S.") // "us"
 */
export function normalizeWord(raw: string): string {
  // Most words are plain ASCII letters: lower case is all there is to do.
  if (isAsciiLetters(raw)) return raw.toLowerCase();
  let w = raw.toLowerCase().replace(/’/g, "'");
  if (/^[\d.,]+$/.test(w)) return w.replace(/,/g, "").replace(/\.$/, "");
  w = w.replace(/\./g, "");
  return w;
}

/** Abbreviations whose trailing dot is part of the word, not a sentence end. */
const ABBREVIATIONS = new Set([
  "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "st", "jr", "sr",
  "inc", "corp", "ltd", "co", "no", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
  "sep", "sept", "oct", "nov", "dec", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "u.s", "u.k",
  "u.n", "e.g", "i.e", "a.m", "p.m", "approx", "est", "dept", "univ", "fig", "vol", "pres",
]);

/**
 * Splits text into word tokens with offsets. A trailing dot is kept only on known abbreviations
 * and initialisms ("U.S.", "Mr."), never on an ordinary sentence-final word.
 * @example words("Ma met U.S. leaders.").map((t) => t.norm) // ["ma", "met", "us", "leaders"]
 */
export function words(text: string): Token[] {
  const tokens: Token[] = [];
  eachWord(text, (raw, start) => {
    tokens.push({start, end: start + raw.length, raw, norm: normalizeWord(raw)});
  });
  return tokens;
}

/**
 * Visits the words of a text as `words` finds them (the printed characters and the start offset),
 * without building tokens: for passes that need only a few of them or only counts.
 * @example eachWord("It grew.", (raw) => seen.push(raw)) // seen: ["It", "grew"]
 */
export function eachWord(text: string, visit: (raw: string, start: number) => void): void {
  scanWords(text, (start, end) => {
    end = wordEnd(text, start, end);
    visit(text.slice(start, end), start);
  });
}

/**
 * The end of the word `scanWords` found at [start, end): a trailing dot belongs to the word only on
 * an abbreviation or an initial ("U.S.", "Mr.", "J."), not on a sentence's last word.
 */
export function wordEnd(text: string, start: number, end: number): number {
  return text.charCodeAt(end - 1) === 46 && !isAbbreviation(text.slice(start, end)) ? end - 1 : end;
}

function isAbbreviation(rawWithDot: string): boolean {
  const bare = rawWithDot.slice(0, -1).toLowerCase();
  if (ABBREVIATIONS.has(bare)) return true;
  return /^(?:\p{L}\.)+\p{L}$/u.test(bare) || /^\p{Lu}$/u.test(rawWithDot.slice(0, -1)); // initialisms, initials
}

/** Number of words in text, by the same tokenizer. */
export function wordCount(text: string): number {
  // One token per match of the word pattern (as in `words`), without building the tokens.
  let count = 0;
  scanWords(text, () => count++);
  return count;
}

/** Whether the UTF-16 unit `c` is white space as `\s` and `String.prototype.trim` define it. */
function isSpaceCode(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * Paragraph spans: runs of text separated by blank lines or single newlines, trimmed.
 * @example paragraphs("a\n\nb") // [[0, 1], [3, 4]]
 */
export function paragraphs(text: string): Span[] {
  const spans: Span[] = [];
  const n = text.length;
  for (let from = 0; from < n; ) {
    let lineEnd = text.indexOf("\n", from);
    if (lineEnd < 0) lineEnd = n;
    let start = from;
    let end = lineEnd;
    while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
    while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
    if (end > start) spans.push([start, end]);
    from = lineEnd + 1;
  }
  return spans;
}

const CLOSERS = `"'”’)]»`;
/** A mark that may end a sentence. */
const SENTENCE_MARK = /[.!?]/g;

/**
 * Sentence spans. Splits each paragraph after `.`, `!` or `?` (with any closing quotes or brackets)
 * followed by whitespace and a capital, digit or opening quote, except after abbreviations and
 * initials. Never crosses a line break.
 * @example sentences("He left. She said “yes.” Then Mr. Ma spoke.").length // 3
 */
export function sentences(text: string, paragraphSpans: readonly Span[] = paragraphs(text)): Span[] {
  const spans: Span[] = [];
  for (const [pStart, pEnd] of paragraphSpans) {
    let start = pStart;
    // The marks are found by a regular expression, which skips the text between them much faster
    // than a loop over its characters.
    SENTENCE_MARK.lastIndex = pStart;
    for (let m = SENTENCE_MARK.exec(text); m && m.index < pEnd; m = SENTENCE_MARK.exec(text)) {
      const i = m.index;
      let end = i + 1;
      while (end < pEnd && CLOSERS.includes(text[end]!)) end++;
      if (end >= pEnd) break;
      if (!isSpaceCode(text.charCodeAt(end))) continue;
      let next = end;
      while (next < pEnd && isSpaceCode(text.charCodeAt(next))) next++;
      if (next >= pEnd) break;
      if (!/[\p{Lu}\p{N}"“‘'(\[]/u.test(text[next]!)) continue;
      if (text.charCodeAt(i) === 46 && endsWithAbbreviation(text, start, i)) continue;
      spans.push([start, end]);
      start = next;
      SENTENCE_MARK.lastIndex = next;
    }
    if (start < pEnd) spans.push([start, pEnd]);
  }
  return spans;
}

function endsWithAbbreviation(text: string, from: number, dot: number): boolean {
  let s = dot;
  while (s > from && /[\p{L}.]/u.test(text[s - 1]!)) s--;
  const word = text.slice(s, dot);
  if (!word) return false;
  if (ABBREVIATIONS.has(word.toLowerCase())) return true;
  if (/^(?:\p{L}\.)*\p{L}$/u.test(word) && word.length <= 5 && /\./.test(word)) return true; // U.S, U.N
  return /^\p{Lu}$/u.test(word); // an initial: "Jack B. Smith"
}

/**
 * The paragraphs and sentences of one text, each found on first use and then kept, for the
 * passes over one document that need them (claims and quotations).
 */
export class TextLayout {
  #paragraphs: Span[] | null = null;
  #sentences: Span[] | null = null;
  constructor(readonly text: string) {}
  get paragraphs(): readonly Span[] {
    return (this.#paragraphs ??= paragraphs(this.text));
  }
  get sentences(): readonly Span[] {
    return (this.#sentences ??= sentences(this.text, this.paragraphs));
  }
}

/** Whether [start, end) of `text` holds a word (as `words` finds them): a letter or digit. */
export function hasWord(text: string, start: number, end: number): boolean {
  const n = Math.min(end, text.length);
  for (let i = Math.max(0, start); i < n; i++) if (alnumAt(text, i, n) !== 0) return true;
  return false;
}

/** Index of the span holding `offset` in sorted, disjoint spans, or -1. */
export function spanIndexAt(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [s, e] = spans[mid]!;
    if (offset < s) hi = mid - 1;
    else if (offset >= e) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** The sentence span containing `offset`, or null. */
export function sentenceAt(sentenceSpans: readonly Span[], offset: number): Span | null {
  return sentenceSpans[spanIndexAt(sentenceSpans, offset)] ?? null;
}

/** Whether a sentence is a question: it ends with a question mark (closing quotes and brackets aside). */
export function isQuestion(sentence: string): boolean {
  return /\?["'”’)\s]*$/.test(sentence);
}

/**
 * Whether a capitalised "May" or "Will" among a sentence's words is a name rather than the modal:
 * "May" opening a sentence before a word in lower case ("May said …"; the modal opens only a wish),
 * and either word inside a sentence in sentence case ("Theresa May said", "the actor Will Smith"),
 * where a modal is never capitalised, or before a word in lower case ("Prime Minister Theresa May
 * greets …"); "Will" opening a sentence in sentence case that is not a question, before a
 * capitalised word ("Will Smith arrived …"). A title-case line ("Tariffs May Reach 45 Percent",
 * "Ford Will Hire 700") keeps the modal, and so does a question ("Will Trump meet Ma on Monday?").
 */
export function capitalModalIsName(words: readonly {raw: string}[], i: number, {question = true}: {question?: boolean} = {}): boolean {
  const raw = words[i]?.raw;
  if (raw !== "May" && raw !== "Will") return false;
  const next = words[i + 1]?.raw ?? "";
  const lowerNext = /^\p{Ll}/u.test(next);
  if (i === 0) return raw === "May" ? lowerNext : !question && /^\p{Lu}/u.test(next) && !titleCase(words, i);
  return lowerNext || !titleCase(words, i);
}

/** Whether the words but `skip` are in title case: at least two words of three letters or more,
 *  and four in five of them capitalised. */
function titleCase(words: readonly {raw: string}[], skip: number): boolean {
  let count = 0;
  let capitalised = 0;
  for (let j = 0; j < words.length; j++) {
    const raw = words[j]!.raw;
    if (j === skip || raw.length < 3 || !/^\p{L}/u.test(raw)) continue;
    count++;
    if (/^\p{Lu}/u.test(raw)) capitalised++;
  }
  return count >= 2 && capitalised >= 0.8 * count;
}
