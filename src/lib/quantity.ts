/**
 * Figures in English news text: numbers written in digits or words, with their scale ("1.5 million",
 * "half a million"), unit (currency as an ISO code, `percent`, a duration unit), range ("between 5
 * and 10") and bound or approximation ("up to", "more than", "about").
 *
 * Not figures, and skipped: years ("2015"), dates ("January 9, 2017", "10 January"), times of day
 * ("8:01am", "2206 GMT"), ordinals ("first", "4th"), ages ("52-year-old", "Ma, 52,"), phone numbers,
 * ids and tickers ("SCP-173", "A320", "0700.HK"), model and series numbers after a name ("the
 * Falcon 9 rocket", "Chapter 11"), lengths glued to a lower-case metric unit ("3.5mm", "the 40m
 * well"), numbered references and page furniture ("paragraph 16", "2 min read", "(3 Images)").
 * Pounds of weight ("a 400-pound gorilla", "5 million pounds of thrust") are counts, not money.
 *
 * Small bare numbers. A count written as a word below ten ("one of the best", "the two countries",
 * "a dozen", "half") with no scale, unit or bound is returned with `minor: true`: English style
 * spells out small numbers, and in news such words are determiners, not figures worth tracking.
 * Digits ("3 people") and anything with a scale, unit or bound ("one million", "five years",
 * "up to three") are not minor.
 *
 * The scan is driven by one regular expression that finds where a number may start (a digit, a
 * number word or a currency sign), so text without figures costs one regex pass.
 */
import type {Bound} from "./types.js";
import {wordTable} from "./word-table.js";

export type QuantityKind = "count" | "currency" | "percent" | "duration";

export interface QuantityMatch {
  /** The figure as printed, from its first to its last character (currency sign to unit word). */
  start: number;
  end: number;
  text: string;
  value: number;
  /** Upper end of a range. */
  high?: number;
  /** `percent`, `percentage-point`, an ISO currency code (`USD`), `cent`, `pence`, a duration unit
   *  (`minute`, `year`…), or null for a plain count. */
  unit: string | null;
  kind: QuantityKind;
  approximate: boolean;
  bound: Bound;
  /** The bound or approximation words before the figure ("up to", "about", "between"), else null. */
  modifier: string | null;
  /** Where the modifier starts (equals `start` when there is none). */
  modifierStart: number;
  /** Whether the number was written in words ("one million"). */
  spelled: boolean;
  /** Whether a scale word or suffix multiplied it ("million", "bn", "k"). */
  scaled: boolean;
  /** Hyphenated attributive form: "40-minute meeting", "12-cent dividend". */
  attributive: boolean;
  /** A small bare number in words: not a figure worth tracking (see the module comment). */
  minor: boolean;
}

export interface RejectedNumber {
  start: number;
  end: number;
  text: string;
  code: "number-out-of-range" | "malformed-number";
  message: string;
}

/** Largest magnitude accepted as a figure (a thousand trillion). */
export const MAX_FIGURE = 1e15;

const SMALL = wordTable<number>({
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
});
const TENS = wordTable<number>({
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
});
const SCALES = wordTable<number>({
  thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, lakh: 1e5, crore: 1e7,
});
/** Scale words and abbreviations that may follow digits ("1.5 million", "10bn", "$5m", "10k"). */
const SCALE_ABBREVIATIONS = wordTable<number>({
  hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, lakh: 1e5, crore: 1e7,
  k: 1e3, m: 1e6, mn: 1e6, mln: 1e6, mil: 1e6, mm: 1e6, b: 1e9, bn: 1e9, bln: 1e9, t: 1e12, tn: 1e12,
  tln: 1e12, trn: 1e12,
});

const NUMBER_WORDS = [...Object.keys(SMALL), ...Object.keys(TENS), "hundred", ...Object.keys(SCALES), "half", "quarter", "dozen"];
const NUMBER_WORD_SET = new Set(NUMBER_WORDS);

/**
 * Whether a word (lower case) is one of the number words figures are written with.
 * @example isNumberWord("million") // true
 */
export function isNumberWord(word: string): boolean {
  return NUMBER_WORD_SET.has(word);
}

/** Where a figure may start: a digit, a number word, a currency sign or code before digits. */
// Deliberately without the `u` flag: ASCII word boundaries are enough for English number words,
// and the non-Unicode matcher is about four times faster on long articles.
const ANCHOR = new RegExp(String.raw`\.(?=\d)|[0-9]|[$€£¥₹₩₽₺₿₡₾₭฿₱₦₫₴₪]|\b(?:` + NUMBER_WORDS.join("|") + String.raw`)\b`, "gi");

// Lakh groups ("1,00,00,000") are bounded: the pattern is tried at every digit group of a run, and
// an unbounded group count would backtrack over the whole run each time ("1,11,11,11,…").
const DIGITS = /(?:\d{1,3}(?:,\d{3})+(?!\d)|\d{1,2}(?:,\d{2}){1,8},\d{3}(?!\d)|\d+)(?:\.\d+)?|\.\d+/y;
/** Digit groups looked at after a number to tell a malformed one ("1,23,4567"): a bounded count, as
 *  the check runs at each group of a long run ("1,1,1,…"). */
const DIGIT_RUN = /\d+(?:,\d+){1,8}/y;
const WORD = /[A-Za-z]+/y;
const SPACE = /[ \t\u00a0\u202f]*/y;

// ---------------------------------------------------------------------------------------------
// Currency

/** Symbol or code printed before the number → ISO code. Matched at the end of the preceding text. */
const CURRENCY_PREFIX = new RegExp(
  String.raw`(?:(?<![A-Za-z])(?<code>US|U\.S\.|us|u\.s|HK|hk|A|AU|C|c|CA|CAN|NZ|S|NT|R|Mex|MX|usd|USD|aud|AUD|cad|CAD|nzd|NZD|mxn|MXN|hkd|HKD)\s?\$|(?<sym>[$€£¥₹₩₽₺₿₡₾₭฿₱₦₫₴₪])|(?<![A-Za-z])(?<iso>USD|EUR|GBP|JPY|CNY|RMB|HKD|AUD|CAD|CHF|INR|SEK|NOK|DKK|NZD|SGD|ZAR|BRL|MXN|RUB|KRW|TWD|usd|eur|gbp|jpy|cny|rmb|Rs\.?|Rp|sen))[ \t\u00a0]*-?$`
);
const DOLLAR_PREFIX_CODES = wordTable<string>({
  us: "USD", "u.s.": "USD", "u.s": "USD", usd: "USD", hk: "HKD", hkd: "HKD", a: "AUD", au: "AUD", aud: "AUD",
  c: "CAD", ca: "CAD", can: "CAD", cad: "CAD", nz: "NZD", nzd: "NZD", s: "SGD", nt: "TWD", r: "BRL",
  mex: "MXN", mx: "MXN", mxn: "MXN",
});
const SYMBOL_CODES = wordTable<string>({
  $: "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW", "₽": "RUB", "₺": "TRY", "₿": "BTC",
  "₡": "CRC", "₾": "GEL", "₭": "LAK", "฿": "THB", "₱": "PHP", "₦": "NGN", "₫": "VND", "₴": "UAH", "₪": "ILS",
});
const ISO_ALIASES = wordTable<string>({rmb: "CNY", "rs.": "INR", rs: "INR", rp: "IDR", sen: "MYR"});

/** Currency names printed after the number → unit. Longest phrases first. */
const CURRENCY_WORDS: [string, string][] = [
  ["us dollars", "USD"], ["u.s. dollars", "USD"], ["us dollar", "USD"], ["american dollars", "USD"],
  ["australian dollars", "AUD"], ["canadian dollars", "CAD"], ["hong kong dollars", "HKD"],
  ["new zealand dollars", "NZD"], ["singapore dollars", "SGD"], ["new taiwan dollars", "TWD"],
  ["taiwan dollars", "TWD"], ["dollars", "USD"], ["dollar", "USD"], ["euros", "EUR"], ["euro", "EUR"],
  ["pounds sterling", "GBP"], ["pounds", "GBP"], ["pound", "GBP"], ["sterling", "GBP"], ["pence", "pence"],
  ["pennies", "pence"], ["penny", "pence"], ["cents", "cent"], ["cent", "cent"], ["yen", "JPY"],
  ["chinese yuan", "CNY"], ["yuan", "CNY"], ["renminbi", "CNY"], ["rmb", "CNY"], ["元", "CNY"],
  ["indian rupees", "INR"], ["pakistani rupees", "PKR"], ["rupees", "INR"], ["rupee", "INR"],
  ["swiss francs", "CHF"], ["french francs", "FRF"], ["francs", "CHF"], ["franc", "CHF"],
  ["mexican pesos", "MXN"], ["pesos", "MXN"], ["peso", "MXN"], ["pesetas", "ESP"],
  ["deutsche marks", "DEM"], ["deutschmarks", "DEM"], ["dutch guilders", "NLG"], ["guilders", "NLG"],
  ["finnish markka", "FIM"], ["markka", "FIM"], ["turkish lira", "TRY"], ["lira", "TRY"],
  ["roubles", "RUB"], ["rubles", "RUB"], ["south korean won", "KRW"], ["rand", "ZAR"], ["ringgit", "MYR"],
  ["baht", "THB"], ["rupiah", "IDR"], ["shekels", "ILS"], ["naira", "NGN"], ["kronor", "SEK"],
  ["kroner", "NOK"], ["zloty", "PLN"], ["bitcoins", "BTC"], ["bitcoin", "BTC"], ["btc", "BTC"],
  ["satoshis", "satoshi"], ["usd", "USD"], ["eur", "EUR"], ["gbp", "GBP"], ["jpy", "JPY"], ["cny", "CNY"],
  ["hkd", "HKD"], ["aud", "AUD"], ["cad", "CAD"], ["chf", "CHF"], ["inr", "INR"], ["sek", "SEK"],
  ["nzd", "NZD"], ["musd", "USD*1e6"], ["meur", "EUR*1e6"], ["mgbp", "GBP*1e6"],
];
const CURRENCY_SUFFIX = new RegExp(
  String.raw`(?<sep>[ \t\u00a0]*|-)(?<word>` +
    CURRENCY_WORDS.map(([w]) => w.replace(/\./g, String.raw`\.`).replace(/ /g, String.raw`\s+`)).join("|") +
    String.raw`)(?![\p{L}\p{N}])`,
  "iuy"
);
const CURRENCY_SYMBOL_SUFFIX = /[ \t\u00a0]?([$€£¥₹₩₽₺₿₡₾₭฿₱₦₫₴₪])(?![ \t\u00a0]*(?:\d|\.\d))/uy;
const CURRENCY_BY_WORD = new Map(CURRENCY_WORDS.map(([w, c]) => [w, c]));

// ---------------------------------------------------------------------------------------------
// Percent, durations

const PERCENT_SUFFIX = /(?<sep>[ \t\u00a0]*|-)(?<word>%|per\s?cent(?:age)?s?(?:\s+points?)?|percent(?:age)?s?(?:\s+points?)?|pct)(?![\p{L}\p{N}])/iuy;
const PERCENT_OF = /(?:^|(?<w>[^\s]+\s+))(?:per\s?cents?|percents?)\s+of\s+$/iu;
const NUMBERISH = /(?:\d|%|^(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion)$)/i;
const DURATION_UNITS = wordTable<string>({
  second: "second", seconds: "second", sec: "second", secs: "second", minute: "minute", minutes: "minute",
  mins: "minute", hour: "hour", hours: "hour", hrs: "hour", day: "day", days: "day", week: "week",
  weeks: "week", month: "month", months: "month", year: "year", years: "year", decade: "decade",
  decades: "decade", century: "century", centuries: "century",
});
const DURATION_SUFFIX = /(?<sep>[ \t\u00a0]+|-)(?<word>seconds?|secs?|minutes?|mins|hours?|hrs|days?|weeks?|months?|years?|decades?|century|centuries)(?![\p{L}\p{N}])/iuy;

// ---------------------------------------------------------------------------------------------
// Bounds and approximations, matched at the end of the text before the figure (currency removed)

interface ModifierRule {
  re: RegExp;
  bound: Bound;
  approximate: boolean;
}
const MODIFIERS: ModifierRule[] = [
  {re: /\b(?:up to|as many as|as much as|as high as|no more than|not more than|at most|a maximum of|maximum of|less than|fewer than|just under|under|below|no fewer than)\s+$/i, bound: "upper", approximate: false},
  {re: /\b(?:more than|at least|in excess of|upwards of|upward of|just over|over|above|a minimum of|greater than|exceeding|no less than)\s+$/i, bound: "lower", approximate: false},
  {re: /\b(?:about|around|approximately|approx\.|roughly|nearly|almost|close to|some|an estimated|estimated|circa|around about|more or less|just about|an approximate|upward of)\s+$/i, bound: "approximate", approximate: true},
];
const BETWEEN = /\b(?:between|from)\s+$/i;

// ---------------------------------------------------------------------------------------------
// Non-figure contexts

const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)`;
const MONTH_BEFORE = new RegExp(String.raw`\b${MONTH}\.?[ \t\u00a0]*$`);
const MONTH_AFTER = new RegExp(String.raw`^(?:st|nd|rd|th)?[ \t\u00a0]*(?:of[ \t]+)?${MONTH}\b`);
const ORDINAL_SUFFIX = /^(?:st|nd|rd|th)(?![\p{L}])/iu;
const TIME_OF_DAY = /\d{1,2}(?::\d{2}(?::\d{2})?(?:\s*(?:[ap]\.?m\.?|GMT|UTC|[ECMP][SD]?T)\b)?|(?:\.\d{2})?\s*[ap]\.?m\.?(?![\p{L}]))/iuy;
/** A 24-hour clock time before a zone or "hrs": "(2206 GMT)", "at 0700 local time", "1530 hrs". */
const CLOCK_24H = /(?:[01]\d|2[0-3])[0-5]\d(?=[ \t]?(?:GMT|UTC|Z|hrs|local[ \t]+time|[A-Z]{1,3}[SD]?T)\b)/y;
const POWER = /\d+(?:\.\d+)?\^[-+]?\d+/y;
const SCORE = /(\d{1,3})[ \t]?[-–][ \t]?(\d{1,3})(?![\d,.]\d|[\p{L}\d-])/uy;
const NUMERIC_DATE = /\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}(?![\d])/y;
const SLASHED = /\d+\/\d+/y;
const DOTTED_ID = /\d+(?:\.\d+){2,}/y;
const PHONE = /(?:\+\d{1,3}[\s.-]?)?\(?\d{2,4}\)?[\s.-]\d{3,4}[\s.-]\d{3,4}(?:[\s.-]\d{2,4})?(?!\d)/y;
const YEAR_RANGE = /(?:1[1-9]|20|21)\d\d(?:s|\s*[-–\/]\s*(?:\d\d|(?:1[1-9]|20|21)\d\d))?(?!\d)/y;
const REFERENCE_LABEL = /(?:\b(?:paragraphs?|paras?|pages?|pp?\.|chapters?|sections?|clauses?|articles?|items?|figures?|fig\.|tables?|episodes?|ep\.|seasons?|volumes?|vol\.|issues?|no\.|nos\.|nr\.|nrs\.|numbers?|rooms?|flights?|routes?|gates?|platforms?|versions?|ver\.|levels?|steps?|parts?|exhibits?|images?|photos?|pictures?|slides?|class|blocks?|units?|apartments?|apt\.|suites?|floors?|highways?|interstates?|channels?|jerseys?|lines?|bus|district|precinct|ward|lots?|rows?|seats?|grades?|forms?|schedules?|rules?|amendments?|titles?|psalms?|verses?|tracks?|stages?|rounds?|games?|matches|week|day|year|model|code|ref\.?|appendix|annex|windows|iphone|galaxy|boeing|airbus|route|size|plot|region|zone|terminal|pier|post|box|hole|lap|act|scene)|#)\s*$/i;
const FURNITURE_AFTER = /^(?:\s*(?:-\s*)?min(?:ute)?s?\.?\s+read\b|\s+(?:images?|photos?|pictures?|videos?|slides?|comments?|shares?)\s*\)|\s+of\s+\d+\s*\)?\s*$|\s+of\s+\d+\b(?=\s*(?:images?|photos?|pictures?)))/i;
/** A capitalised word inside a sentence right before the number: a name with a model or series
 *  number ("the Falcon 9 rocket", "the S&P 500 index", "Windows 10 users", "Chapter 11"). The word
 *  before it must not end a sentence, so "… said. About 80 people" is not taken. */
const NAME_BEFORE = /[\p{Ll}\p{N},;&)][ \t]+(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|January|February|March|April|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|No|Nos|Number|Mr|Mrs|Ms|Dr|US|UK|EU|I)\b)(\p{Lu}[\p{L}\p{N}&’'.-]*)(?<!['’]s|s['’])[ \t]$/u;
/** Capitalised words before a number that are not names: a modifier after a photo credit run into
 *  the text ("Reuters Around 100 people"), a heading word. */
const NOT_NAMES = new Set([
  "about", "around", "nearly", "almost", "some", "over", "under", "more", "less", "only", "just", "all",
  "at", "by", "in", "on", "up", "to", "and", "but", "or", "with", "from", "for", "of", "the", "a", "an",
  "another", "roughly", "approximately", "exactly", "than", "top", "least", "most",
  "every", "each", "these", "those", "their", "its", "his", "her", "our", "my", "your",
]);
/** After such a number: a lower-case word, a hyphen ("Delta 4-Heavy"), a model's letters in
 *  capitals ("Pixel 2 XL", not a unit such as "8 MB") or the end of a clause, not a capitalised
 *  word (title-case headlines: "Dow Jumps 200 Points") or more digits. */
const NAME_AFTER = /^(?![ \t]*(?:[-–]|(?:to|and|or)[ \t])[ \t]*\d)(?:[ \t]+\p{Ll}|(?<capitals>[ \t]+(?!(?:MB|GB|KB|TB|PB|MW|GW|KW|HP|KM|CM|MM|KG|LB|OZ|FT|MI|ML|AM|PM)(?![\p{L}\p{N}]))\p{Lu}{1,2}(?![\p{L}\p{N}]))|-\p{L}|[ \t]*[,;:)]|[ \t]*[.!?](?:\s|$)|$)/u;
/** "a Cessna 208 Caravan", "the Falcon 9 Heavy", "two Boeing 737 Max jets": an article, a count
 *  or a possessive, one capitalised word, the number, then another capitalised word: a model name,
 *  even where a capital follows. */
const ARTICLE_NAME_BEFORE = /\b(?:[Aa]n?|[Tt]he|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Bb]oth|[Ss]everal|[Tt]hese|[Tt]hose|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Oo]ur|\d{1,3})[ \t]+(\p{Lu}[\p{L}\p{N}&’'.-]*)[ \t]$/u;
const CAPITAL_AFTER = /^[ \t]+\p{Lu}\p{Ll}/u;
const AGE_AFTER = /^(?:-|\s+)(?:years?|yrs?|months?)(?:-|\s+)old\b/i;
const AGE_BEFORE = /\baged?\s+$/i;
const NAME_COMMA_BEFORE = /\b\p{Lu}[\p{L}'’.-]+,\s*$/u;

// ---------------------------------------------------------------------------------------------

interface ParsedNumber {
  start: number;
  end: number;
  value: number;
  spelled: boolean;
  scaled: boolean;
  malformed?: boolean;
  /** A metric unit glued to the digits ("3.5mm", "40m dry well"): a measurement, not a figure. */
  metric?: boolean;
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}_]/u.test(ch);
}

function execAt(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

function skipSpaces(text: string, pos: number): number {
  SPACE.lastIndex = pos;
  SPACE.exec(text);
  return SPACE.lastIndex;
}

function wordAt(text: string, pos: number): string | null {
  const m = execAt(WORD, text, pos);
  if (!m) return null;
  if (isWordChar(text[pos + m[0].length])) return null;
  return m[0];
}

/** Reads number words from `pos` ("one hundred and sixty-one", "half a million", "a million"). */
function parseSpelled(text: string, pos: number): ParsedNumber | null {
  let total = 0;
  let current = 0;
  let end = pos;
  let cursor = pos;
  let any = false;
  let scaled = false;
  let last: "small" | "tens" | "hundred" | "scale" | null = null;
  const first = wordAt(text, pos)?.toLowerCase();
  if (first === "half" || first === "quarter") {
    // "half a million", "half million"; "half" alone is a minor fraction.
    const fraction = first === "half" ? 0.5 : 0.25;
    // The words may be joined by hyphens: "half-a-dozen", "half-a-million".
    const gap = (from: number) => (text[from] === "-" ? from + 1 : skipSpaces(text, from));
    let p = gap(pos + first.length);
    const a = wordAt(text, p);
    if (a?.toLowerCase() === "a") p = gap(p + 1);
    const scale = wordAt(text, p)?.toLowerCase();
    if (scale && (SCALES[scale] || scale === "hundred" || scale === "dozen")) {
      const mult = scale === "hundred" ? 100 : scale === "dozen" ? 12 : SCALES[scale]!;
      return {start: pos, end: p + scale.length, value: fraction * mult, spelled: true, scaled: scale !== "dozen"};
    }
    // "a quarter" alone is usually three months ("the third quarter"): not a number.
    if (first === "quarter") return null;
    return {start: pos, end: pos + first.length, value: fraction, spelled: true, scaled: false};
  }
  for (;;) {
    const raw = wordAt(text, cursor);
    if (!raw) break;
    const w = raw.toLowerCase();
    if (w in SMALL) {
      if (last === "small" || (last === "tens" && SMALL[w]! >= 10) || (last === "tens" && SMALL[w] === 0)) break;
      current += SMALL[w]!;
      last = "small";
    } else if (w in TENS) {
      if (last === "small" || last === "tens") break;
      current += TENS[w]!;
      last = "tens";
    } else if (w === "hundred") {
      if (last === "hundred") break;
      current = (current || 1) * 100;
      last = "hundred";
      scaled = true;
    } else if (w === "dozen") {
      current = (current || 1) * 12;
      last = "hundred";
    } else if (w in SCALES) {
      if (last === "scale" && current === 0) break;
      total += (current || 1) * SCALES[w]!;
      current = 0;
      last = "scale";
      scaled = true;
    } else break;
    any = true;
    end = cursor + raw.length;
    // Separator to the next number word: spaces, a hyphen, "and", or ", " before "hundred"/"thousand"…
    const sep = /(?:[ \t\u00a0]*-[ \t\u00a0]*|[ \t\u00a0]+and[ \t\u00a0]+|[ \t\u00a0]+)/y;
    sep.lastIndex = end;
    const s = sep.exec(text);
    if (!s) break;
    const next = wordAt(text, sep.lastIndex)?.toLowerCase();
    if (!next || !(next in SMALL || next in TENS || next === "hundred" || next === "dozen" || next in SCALES)) {
      // "one and a half (million)"
      const half = /[ \t]+and[ \t]+a[ \t]+half\b/iy;
      half.lastIndex = end;
      if (half.exec(text)) {
        current += 0.5;
        end = half.lastIndex;
        const after = skipSpaces(text, end);
        const scale = wordAt(text, after)?.toLowerCase();
        if (scale && SCALES[scale]) {
          total += current * SCALES[scale]!;
          current = 0;
          end = after + scale.length;
          scaled = true;
        }
      }
      break;
    }
    if (/and/i.test(s[0]) && !(last === "hundred" || last === "scale")) break;
    if (/-/.test(s[0]) && !(last === "tens")) break;
    cursor = sep.lastIndex;
  }
  if (!any) return null;
  return {start: pos, end, value: total + current, spelled: true, scaled};
}

/** Reads digits with separators and an optional scale ("1,234.5", "1.5 million", "10bn", "10k"). */
function parseDigits(text: string, pos: number): ParsedNumber | null {
  const m = execAt(DIGITS, text, pos);
  if (!m) return null;
  let end = pos + m[0].length;
  // "1,23,4567": digit groups that are neither thousands nor lakh groups
  const r = execAt(DIGIT_RUN, text, pos);
  const malformed = r !== null && r[0].length > m[0].length && r[0].split(",").slice(1).some((g) => g.length > 3);
  let value = Number(m[0].replace(/,/g, ""));
  let scaled = false;
  // Attached suffix: "10bn", "$5m", "10k"
  const attached = /([A-Za-z]+)(?![\p{L}\p{N}])/uy;
  attached.lastIndex = end;
  const a = attached.exec(text);
  if (a) {
    const s = a[1]!.toLowerCase();
    const mult = SCALE_ABBREVIATIONS[s];
    // Upper case ("40M") is a scale; lower case may be a unit ("40m", "3.5mm").
    const metric = METRIC_SUFFIXES.has(a[1]!) && readsAsMetric(text, pos, end + a[0].length, s);
    if (metric) return {start: pos, end, value, spelled: false, scaled: false, malformed, metric};
    if (mult && s !== "hundred") {
      value *= mult;
      end += a[0].length;
      scaled = true;
    }
  } else {
    // Spaced scale word: "1.5 million", "3 hundred", "10 bn"
    const p = skipSpaces(text, end);
    if (p > end) {
      const w = wordAt(text, p)?.toLowerCase();
      if (w && (SCALES[w] || w === "hundred" || w === "bn" || w === "mn" || w === "mln" || w === "bln" || w === "tn")) {
        value *= SCALE_ABBREVIATIONS[w]!;
        end = p + w.length;
        scaled = true;
        // "1.5 million and a half" is not handled; "thousand million" is.
        const p2 = skipSpaces(text, end);
        const w2 = wordAt(text, p2)?.toLowerCase();
        if (w2 && SCALES[w2] && p2 > end) {
          value *= SCALES[w2]!;
          end = p2 + w2.length;
        }
      }
    }
  }
  return {start: pos, end, value, spelled: false, scaled, malformed};
}

/** Attached suffixes that are also metric units: "40m" is 40 million or 40 metres, "3.5mm" 3.5
 *  millimetres, "5t" 5 trillion or 5 tonnes. */
const METRIC_SUFFIXES = new Set(["m", "mm", "t"]);
/** Words after "40m" that measure a length or distance ("30m tall", "3m away"). */
const SPATIAL_WORDS = new Set([
  "tall", "high", "long", "deep", "wide", "thick", "away", "apart", "across", "above", "below", "underground",
  "underwater", "offshore", "inland", "further", "farther", "short", "square", "sq", "cubic", "diameter",
]);
/** Words that may follow a count of millions without telling what it counts ("40m in 2016", "5m of it"). */
const AFTER_COUNT = new Set([
  "in", "of", "to", "from", "for", "and", "or", "a", "an", "the", "this", "that", "last", "next", "by",
  "on", "at", "with", "than", "more", "less", "each", "per", "over", "since", "after", "before", "when",
  "while", "but", "as", "is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "can",
  "may", "might", "should", "must", "so", "if", "worth", "people", "men", "women", "children", "staff",
  "police", "cattle", "sheep", "fish", "deer", "aircraft", "data", "media", "new", "extra", "additional",
  "fewer", "annually", "year", "a-year", "ago", "yet", "already", "still", "now", "then", "total",
]);

/**
 * Whether the attached suffix of a number printed without a currency is a metric unit rather than a
 * scale: "3.5mm" always (a million is "mm" only in money: "$5mm"); "40m"/"5t" when a length or
 * weight reading is the plain one: "40m-long", "30m tall", or a singular noun after it ("the 40m
 * dry well", "a 100m sprint"), where a count of millions would be followed by a plural ("40m
 * viewers"), a function word ("40m in funding") or nothing.
 */
function readsAsMetric(text: string, pos: number, end: number, suffix: string): boolean {
  if (currencyBefore(text, pos)) return false;
  if (suffix === "mm") return execAt(CURRENCY_SUFFIX, text, end) === null;
  if (text[end] === "-") return /\p{L}/u.test(text[end + 1] ?? "");
  if (execAt(CURRENCY_SUFFIX, text, end)) return false;
  const p = skipSpaces(text, end);
  if (p === end) return false;
  const w = wordAt(text, p);
  if (!w || !/^\p{Ll}/u.test(w)) return false;
  if (SPATIAL_WORDS.has(w)) return true;
  if (AFTER_COUNT.has(w) || /s$/.test(w)) return false;
  return true;
}

/** What pounds of weight are pounds of, after "of" ("5.1 million pounds of thrust"). */
const WEIGHED_AFTER_OF = /^[ \t]+of[ \t]+(?:[a-z-]+[ \t]+)?(?:thrust|force|pressure|payload|cargo|freight|explosives?|meat|beef|pork|chicken|fish|food|produce|fruit|vegetables|grain|drugs|cocaine|heroin|marijuana|cannabis|methamphetamine|meth|fentanyl|trash|garbage|waste|rubbish|plastic|debris|ice|snow|sand|soil|steel|metal|gold|silver|copper|body weight|weight|fat|muscle)\b/i;
/** A metric conversion in brackets after the figure: "140,660 pounds (63,800 kilograms)". */
const METRIC_CONVERSION = /^[ \t]*\([ \t]*(?:about|around|roughly|nearly|some|almost|approximately|more than|over)?[ \t]*[\d.,]+[ \t]*(?:thousand|million|billion)?[ \t]*(?:kilograms?|kilogrammes?|kilos?|kg|tonnes?|metric tons?|grams?|g|t)\b/i;
/** Weight words shortly before the figure: "weighed 400 pounds", "a weight of 50 pounds". */
const WEIGHT_BEFORE = /\b(?:weigh(?:s|ed|ing|t|ts)?|heavier|lighter|lbs?)\b(?:[^.;!?]|\.(?=\d)){0,30}$/i;

/**
 * Whether "pound(s)" after a number is a weight rather than money: in the attributive form ("a
 * 400-pound gorilla", but "a 20-pound note"), before a metric conversion, as pounds of a material
 * or force, or after a weight word. Pounds sterling printed as "£" or "pounds sterling" never get here.
 */
function poundsOfWeight(text: string, numberEnd: number, end: number, attributive: boolean): boolean {
  const after = text.slice(end, end + 60);
  if (attributive) return !/^[ \t]+(?:notes?|coins?|banknotes?|bills?)\b/i.test(after);
  if (METRIC_CONVERSION.test(after) || WEIGHED_AFTER_OF.test(after)) return true;
  return WEIGHT_BEFORE.test(text.slice(Math.max(0, numberEnd - 60), numberEnd));
}

interface UnitMatch {
  end: number;
  unit: string;
  kind: QuantityKind;
  attributive: boolean;
  multiplier: number;
}

function parseUnitAfter(text: string, pos: number, spelledOnly: boolean): UnitMatch | null {
  let m = execAt(PERCENT_SUFFIX, text, pos);
  if (m) {
    const word = m.groups!.word!.toLowerCase();
    return {end: pos + m[0].length, unit: /points?$/.test(word) ? "percentage-point" : "percent", kind: "percent", attributive: m.groups!.sep === "-", multiplier: 1};
  }
  m = execAt(CURRENCY_SUFFIX, text, pos);
  if (m && /^pounds?$/i.test(m.groups!.word!) && poundsOfWeight(text, pos, pos + m[0].length, m.groups!.sep === "-")) m = null;
  if (m) {
    const word = m.groups!.word!.toLowerCase().replace(/\s+/g, " ");
    const code = CURRENCY_BY_WORD.get(word) ?? "USD";
    const [unit, mult] = code.split("*");
    let end = pos + m[0].length;
    let multiplier = mult ? Number(mult) : 1;
    // "75 USD million": a scale after the currency code
    const scale = /[ \t]+(thousand|million|billion|trillion)(?![\p{L}])/iuy;
    scale.lastIndex = end;
    const sm = spelledOnly ? null : scale.exec(text);
    if (sm && /^[A-Z]{3}$/.test(m.groups!.word!)) {
      multiplier *= SCALES[sm[1]!.toLowerCase()]!;
      end = scale.lastIndex;
    }
    return {end, unit: unit!, kind: "currency", attributive: m.groups!.sep === "-", multiplier};
  }
  // "10 €", "100₾": a currency sign after the number, unless it starts the next figure ("5 $10 bills")
  m = execAt(CURRENCY_SYMBOL_SUFFIX, text, pos);
  if (m) return {end: pos + m[0].length, unit: SYMBOL_CODES[m[1]!]!, kind: "currency", attributive: false, multiplier: 1};
  m = execAt(DURATION_SUFFIX, text, pos);
  if (m) {
    const word = m.groups!.word!.toLowerCase();
    return {end: pos + m[0].length, unit: DURATION_UNITS[word] ?? word, kind: "duration", attributive: m.groups!.sep === "-", multiplier: 1};
  }
  return null;
}

interface PrefixMatch {
  start: number;
  unit: string;
}

function currencyBefore(text: string, pos: number): PrefixMatch | null {
  const from = Math.max(0, pos - 12);
  const before = text.slice(from, pos);
  const m = CURRENCY_PREFIX.exec(before);
  if (!m) return null;
  const g = m.groups!;
  let unit: string;
  if (g.code !== undefined) unit = DOLLAR_PREFIX_CODES[g.code.toLowerCase()] ?? "USD";
  else if (g.sym !== undefined) unit = SYMBOL_CODES[g.sym]!;
  else {
    const iso = g.iso!.toLowerCase();
    unit = ISO_ALIASES[iso] ?? iso.toUpperCase();
  }
  let start = from + m.index;
  if (before.slice(m.index).trimEnd().endsWith("-")) return null; // "US-$" is not a prefix form
  return {start, unit};
}

function modifierBefore(text: string, pos: number, kind: QuantityKind): {start: number; words: string; rule: ModifierRule} | null {
  const from = Math.max(0, pos - 24);
  const before = text.slice(from, pos);
  for (const rule of MODIFIERS) {
    const m = rule.re.exec(before);
    if (!m) continue;
    const words = m[0].trim().toLowerCase();
    if (kind === "duration" && /^(?:over|under)$/.test(words)) return null; // "over five years" is a period
    return {start: from + m.index, words, rule};
  }
  return null;
}

/** Why the number at `pos` is not a figure, and where the non-figure ends; null when it may be one. */
function nonFigure(text: string, pos: number): number | null {
  const prev = text[pos - 1];
  // Exponent notation ("10^400", "2^31"): a power, not a figure as printed in news copy.
  const power = execAt(POWER, text, pos);
  if (power) return pos + power[0].length;
  if (prev === "^") {
    let e = pos;
    while (isWordChar(text[e])) e++;
    return e;
  }
  if (prev === "%" || prev === "=" || prev === "&") {
    // URL or query string ("%2020", "?q=30")
    let e = pos;
    while (isWordChar(text[e]) || text[e] === "%") e++;
    return e;
  }
  if (/(?:^|[^A-Za-z])(?:USD|EUR|GBP|JPY|CNY|RMB|HKD|AUD|CAD|CHF|INR)$/i.test(text.slice(Math.max(0, pos - 4), pos))) return null;
  // Inside or glued to a word: ids, tickers, model names ("A320", "SCP-173", "COVID-19", "#5").
  if (isWordChar(prev) || (prev === "-" && isWordChar(text[pos - 2]) && /\p{L}/u.test(text[pos - 2]!)) || prev === "#" || prev === "/") {
    let e = pos;
    while (isWordChar(text[e]) || (text[e] === "." && isWordChar(text[e + 1]))) e++;
    return e;
  }
  // A score or tally, "won 8-7", "3-1 down": the second number is not larger, so not a range.
  let m = execAt(SCORE, text, pos);
  if (m && Number(m[2]) <= Number(m[1])) return pos + m[0].length;
  m = execAt(CLOCK_24H, text, pos);
  if (m) return pos + m[0].length;
  m = execAt(TIME_OF_DAY, text, pos);
  if (m && /[:apAP]|GMT|UTC/.test(m[0].slice(1))) return pos + m[0].length;
  m = execAt(DOTTED_ID, text, pos);
  if (m) return pos + m[0].length;
  m = execAt(NUMERIC_DATE, text, pos);
  if (m && /[/-]/.test(m[0])) return pos + m[0].length;
  m = execAt(PHONE, text, pos);
  if (m && m[0].replace(/\D/g, "").length >= 7 && (/[-.()]/.test(m[0]) || text[pos - 1] === "+")) return pos + m[0].length;
  m = execAt(SLASHED, text, pos);
  if (m) return pos + m[0].length;
  return null;
}

function isYearLike(text: string, n: ParsedNumber): number | null {
  if (n.scaled || n.spelled) return null;
  const m = execAt(YEAR_RANGE, text, n.start);
  if (!m) return null;
  const end = n.start + m[0].length;
  if (m[0].length === 4 && end !== n.end) return null; // "2015.5", "2015,000"
  return end;
}

function contextRejects(text: string, n: ParsedNumber, hasUnit: boolean, unitEnd: number): boolean {
  const before = text.slice(Math.max(0, n.start - 30), n.start);
  const after = text.slice(n.end, n.end + 40);
  if (!n.spelled) {
    if (n.metric || ORDINAL_SUFFIX.test(after)) return true;
    if (!hasUnit && n.value <= 31 && Number.isInteger(n.value)) {
      if (MONTH_BEFORE.test(before) || MONTH_AFTER.test(after)) return true;
    }
    if (!hasUnit && REFERENCE_LABEL.test(before)) return true;
    if (!hasUnit && /^\p{L}/u.test(after) && !/^(?:k|m|bn|b|t|tn)\b/i.test(after)) return true; // "180ml", "4G", "3D"
    if (!hasUnit && /^\.\p{Lu}/u.test(after)) return true; // ticker "0700.HK"
  }
  const nameAfter = !hasUnit && !n.spelled && n.end - n.start <= 4 ? NAME_AFTER.exec(after) : null;
  if (nameAfter) {
    const name = NAME_BEFORE.exec(before);
    // Before a model's capitals, not a title-case verb ("Acme Hires 20 AI Researchers").
    if (name && !NOT_NAMES.has(name[1]!.toLowerCase()) && !(nameAfter.groups?.capitals && /s$/.test(name[1]!))) return true;
  }
  // A letter glued to the number may be read as a scale ("5B") but be part of the model ("208B").
  const gluedLetter = n.scaled && /^\d{1,4}[A-Za-z]{1,2}$/.test(text.slice(n.start, n.end));
  if ((!hasUnit || gluedLetter) && !n.spelled && n.end - n.start <= 5 && CAPITAL_AFTER.test(after)) {
    const name = ARTICLE_NAME_BEFORE.exec(before);
    if (name && !NOT_NAMES.has(name[1]!.toLowerCase())) return true;
  }
  if (!hasUnit && FURNITURE_AFTER.test(after)) return true;
  // "16 of 25 Photos": the count of a gallery's pictures.
  if (!hasUnit && /\b\d+[ \t]+of[ \t]+$/.test(before) && /^[ \t]+(?:images?|photos?|pictures?|slides?)\b/i.test(after)) return true;
  if (/^\s*min(?:ute)?s?\.?\s+read\b/i.test(after)) return true;
  if (AGE_AFTER.test(after) || AGE_BEFORE.test(before)) return true;
  if (!hasUnit && !n.spelled && n.value < 120 && NAME_COMMA_BEFORE.test(before) && /^,/.test(after)) return true;
  return false;
}

/**
 * Every figure in `text`, with spans, plus the numbers rejected as malformed or out of range.
 * @example scanQuantities("up to 1 million jobs").quantities[0] // {value: 1e6, bound: "upper", modifier: "up to", …}
 */
export function scanQuantities(text: string): {quantities: QuantityMatch[]; rejected: RejectedNumber[]} {
  const quantities: QuantityMatch[] = [];
  const rejected: RejectedNumber[] = [];
  if (typeof text !== "string" || text.length === 0) return {quantities, rejected};
  let consumed = 0;
  ANCHOR.lastIndex = 0;
  let anchor: RegExpExecArray | null;
  while ((anchor = ANCHOR.exec(text))) {
    let pos = anchor.index;
    if (pos < consumed) {
      ANCHOR.lastIndex = Math.max(ANCHOR.lastIndex, consumed);
      continue;
    }
    const ch = text[pos]!;
    if (ch === "." && isWordChar(text[pos - 1]) ) continue;
    if (SYMBOL_CODES[ch] !== undefined) {
      // A currency sign: the number follows ("$ 75 million", "€10M").
      const p = skipSpaces(text, pos + 1);
      if (!/[0-9.]/.test(text[p] ?? "") || (text[p] === "." && !/\d/.test(text[p + 1] ?? ""))) continue;
      // "$-99.99": skip the sign
      pos = p;
    } else if (/\d/.test(ch) === false && ch !== ".") {
      // number word: skip when glued into a larger word handled by \b already
    }
    const result = readFigure(text, pos, consumed);
    if (!result) continue;
    if ("skipTo" in result) {
      consumed = result.skipTo;
      ANCHOR.lastIndex = Math.max(ANCHOR.lastIndex, consumed);
      continue;
    }
    if ("rejected" in result) {
      rejected.push(result.rejected);
      consumed = result.rejected.end;
      ANCHOR.lastIndex = Math.max(ANCHOR.lastIndex, consumed);
      continue;
    }
    quantities.push(result.match);
    consumed = result.match.end;
    ANCHOR.lastIndex = Math.max(ANCHOR.lastIndex, consumed);
  }
  return {quantities, rejected};
}

/**
 * Every figure in `text` with its span. Malformed and out-of-range numbers are left out (see
 * `scanQuantities` for them). Minor numbers ("one of the best") are included with `minor: true`.
 * @example findQuantities("a 45 percent tariff")[0].unit // "percent"
 */
export function findQuantities(text: string): QuantityMatch[] {
  return scanQuantities(text).quantities;
}

type ReadResult = {match: QuantityMatch} | {skipTo: number} | {rejected: RejectedNumber} | null;

/** "and a half" after a whole number in digits ("29 and a half days", "3 and a half million"). */
const AND_A_HALF = /[ \t\u00a0]+and[ \t\u00a0]+a[ \t\u00a0]+half\b/iy;

function readNumber(text: string, pos: number): ParsedNumber | null {
  const ch = text[pos] ?? "";
  if (/[0-9.]/.test(ch)) {
    const n = parseDigits(text, pos);
    if (!n || n.scaled || n.malformed || n.metric || !Number.isInteger(n.value) || !/^[0-9,]+$/.test(text.slice(n.start, n.end))) return n;
    AND_A_HALF.lastIndex = n.end;
    if (!AND_A_HALF.exec(text)) return n;
    const half: ParsedNumber = {...n, value: n.value + 0.5, end: AND_A_HALF.lastIndex};
    const after = skipSpaces(text, half.end);
    const scale = wordAt(text, after)?.toLowerCase();
    if (scale && SCALES[scale]) return {...half, value: half.value * SCALES[scale]!, end: after + scale.length, scaled: true};
    return half;
  }
  const n = parseSpelled(text, pos);
  if (!n) return null;
  // "a million", "a hundred", "a dozen": include the article when a scale word starts the number
  const w = wordAt(text, pos)?.toLowerCase() ?? "";
  if (w === "hundred" || w === "dozen" || w === "quarter" || w === "half" || SCALES[w]) {
    const sliceStart = Math.max(0, pos - 4);
    const m = /(?<![\p{L}])an?[ \t\u00a0]+$/iu.exec(text.slice(sliceStart, pos));
    if (m) n.start = sliceStart + m.index;
    else if (w !== "hundred" && w !== "dozen" && w !== "quarter" && w !== "half") {
      // a bare "million" ("millions of") is not a figure
      return null;
    }
  }
  return n;
}

/**
 * Reads the figure whose number starts at `pos`. Nothing before `floor` (the end of the previous
 * figure) may become part of it: a currency sign, article, sign or modifier already printed as part
 * of the previous figure ("45 £ two": the pound sign is the first figure's unit) is not read again.
 */
function readFigure(text: string, pos: number, floor = 0): ReadResult {
  const ch = text[pos] ?? "";
  const isDigit = /[0-9]/.test(ch) || (ch === "." && /\d/.test(text[pos + 1] ?? ""));
  if (isDigit) {
    const skip = nonFigure(text, pos);
    if (skip !== null) return {skipTo: skip};
  } else if (ch === ".") return null;
  const first = readNumber(text, pos);
  if (!first) return null;
  if (first.start < floor) first.start = pos; // "5 a million": the article belongs to nothing before
  if (first.malformed) {
    let e = first.end;
    while (/[\d,.]/.test(text[e] ?? "")) e++;
    while (e > first.start && /[,.]/.test(text[e - 1]!)) e--;
    return {rejected: {start: first.start, end: e, text: text.slice(first.start, e), code: "malformed-number", message: `"${text.slice(first.start, e)}" is not a well-formed number`}};
  }
  const year = isYearLike(text, first);
  let prefix = currencyBefore(text, first.start);
  if (prefix && prefix.start < floor) prefix = null;
  // Negative sign or word
  let negative = false;
  let numberStart = first.start;
  if (!prefix) {
    const sign = /(?:^|[\s(])([-−])$/.exec(text.slice(Math.max(0, pos - 2), pos));
    const word = /\b(?:minus|negative)\s+$/i.exec(text.slice(Math.max(0, pos - 10), pos));
    if (sign && isDigit && pos - 1 >= floor) {
      negative = true;
      numberStart = pos - 1;
    } else if (word && pos - word[0].length >= floor) {
      negative = true;
      numberStart = pos - word[0].length;
    }
  }

  // Range: "5-10", "5 to 10", "between 5 and 10"
  let second: ParsedNumber | null = null;
  let cursor = first.end;
  const betweenStart = (() => {
    const start = prefix ? prefix.start : numberStart;
    const m = BETWEEN.exec(text.slice(Math.max(0, start - 10), start));
    return m && Math.max(0, start - 10) + m.index >= floor ? Math.max(0, start - 10) + m.index : null;
  })();
  {
    const conn = /(?:[ \t\u00a0]*[-–—][ \t\u00a0]*|[ \t\u00a0]+(?:to|and)[ \t\u00a0]+)/y;
    conn.lastIndex = first.end;
    const c = conn.exec(text);
    if (c && (year === null || first.scaled)) {
      const isAnd = /and/i.test(c[0]);
      const isDash = /[-–—]/.test(c[0]);
      let p = conn.lastIndex;
      const pre = /(?:US|HK|A|C|NZ)?\$[ \t]?|[€£¥][ \t]?/y;
      pre.lastIndex = p;
      if (pre.exec(text)) p = pre.lastIndex;
      const okConnector = isAnd ? betweenStart !== null : true;
      const nextIsDigit = /\d/.test(text[p] ?? "");
      if (okConnector && (nextIsDigit === isDigit || !isDash)) {
        const n2 = readNumber(text, p);
        const fromBefore = betweenStart !== null && /from/i.test(text.slice(betweenStart, betweenStart + 4));
        if (n2 && !n2.malformed && n2.value > first.value * (first.scaled || !n2.scaled ? 1 : 0) && !(fromBefore && !isDash) && nonFigure(text, p) === null) {
          second = n2;
          cursor = n2.end;
        }
      }
    }
  }

  if (year !== null && !prefix && !second) {
    const unit = parseUnitAfter(text, first.end, first.spelled);
    if (!unit) return {skipTo: year};
  }

  let unit = parseUnitAfter(text, cursor, first.spelled);
  // "per cent of twenty-two": a percentage printed before its number
  if (!unit && !prefix) {
    const before = text.slice(Math.max(0, numberStart - 40), numberStart);
    const m = /of\s+$/.test(before) && /cent/i.test(before) ? PERCENT_OF.exec(before) : null;
    const percentStart = m ? numberStart - before.length + m.index + (m.groups!.w?.length ?? 0) : -1;
    if (m && !(m.groups!.w && NUMBERISH.test(m.groups!.w.trim())) && percentStart >= floor) {
      numberStart = percentStart;
      unit = {end: cursor, unit: "percent", kind: "percent", attributive: false, multiplier: 1};
    }
  }
  let kind: QuantityKind = "count";
  let unitName: string | null = null;
  let end = cursor;
  let attributive = false;
  let multiplier = 1;
  if (prefix) {
    kind = "currency";
    unitName = prefix.unit;
    // "US$ 15 dollars", "$10 million USD": swallow a repeated currency word
    if (unit && unit.kind === "currency") end = unit.end;
    else if (unit && unit.kind === "percent") {
      prefix = null;
      kind = "percent";
      unitName = unit.unit;
      end = unit.end;
    }
  } else if (unit) {
    kind = unit.kind;
    unitName = unit.unit;
    end = unit.end;
    attributive = unit.attributive;
    multiplier = unit.multiplier;
    // "3 dollars 50 cents", "thirteen dollars and forty-five cents"
    // "15 dollars 50.", "thirteen dollars forty five": a bare number ending the clause is cents.
    if (kind === "currency" && !first.scaled && multiplier === 1 && /^[A-Z]{3}$/.test(unitName ?? "")) {
      const sub = /[ \t]+(?:and[ \t]+)?/y;
      sub.lastIndex = end;
      if (sub.exec(text) && /[0-9a-z]/i.test(text[sub.lastIndex] ?? "")) {
        const n3 = readNumber(text, sub.lastIndex);
        if (n3 && !n3.scaled && n3.value < 100 && Number.isInteger(n3.value)) {
          const u3 = parseUnitAfter(text, n3.end, n3.spelled);
          if (u3 && (u3.unit === "cent" || u3.unit === "pence")) {
            first.value += n3.value / 100;
            end = u3.end;
          } else if (!u3 && /^[ \t]*(?:[.,;!?)]|$)/.test(text.slice(n3.end, n3.end + 3))) {
            first.value += n3.value / 100;
            end = n3.end;
          }
        }
      }
    }
  }
  const hasUnit = kind !== "count" || first.scaled;
  if (isDigit && contextRejects(text, first, hasUnit, end)) {
    return {skipTo: Math.max(end, first.end)};
  }
  if (first.spelled && contextRejects(text, first, hasUnit, end)) return {skipTo: end};

  let value = tidy(first.value * multiplier * (negative ? -1 : 1));
  const high = second ? tidy(second.value * multiplier) : undefined;
  if (second && !first.scaled && second.scaled && first.value < 1000) {
    // "between 5 and 10 million": the scale applies to both ends
    const scaleOfSecond = second.value / Number(text.slice(second.start, second.end).replace(/[^\d.]/g, "") || second.value);
    if (Number.isFinite(scaleOfSecond) && scaleOfSecond > 1 && !second.spelled) value = tidy(value * scaleOfSecond);
  }
  const start = prefix ? Math.min(prefix.start, numberStart) : numberStart;
  const figureText = text.slice(start, end);
  if (!Number.isFinite(value) || Math.abs(value) > MAX_FIGURE || (high !== undefined && (!Number.isFinite(high) || Math.abs(high) > MAX_FIGURE)) || (!first.spelled && text.slice(first.start, first.end).replace(/\D/g, "").length > 17)) {
    return {rejected: {start, end, text: figureText, code: "number-out-of-range", message: `"${figureText.slice(0, 60)}" is too large to be a figure`}};
  }
  let bound: Bound = "exact";
  let approximate = false;
  let modifier: string | null = null;
  let modifierStart = start;
  if (second) {
    bound = "range";
    if (betweenStart !== null) {
      modifier = /from/i.test(text.slice(betweenStart, betweenStart + 4)) ? "from" : "between";
      modifierStart = betweenStart;
    }
  } else {
    const mod = modifierBefore(text, start, kind);
    if (mod && mod.start >= floor) {
      bound = mod.rule.bound;
      approximate = mod.rule.approximate;
      modifier = mod.words;
      modifierStart = mod.start;
    }
  }
  const minor =
    kind === "count" && first.spelled && !first.scaled && !second && modifier === null && (Math.abs(value) < 10 || !Number.isInteger(value) || /dozen/i.test(figureText));
  const match: QuantityMatch = {
    start,
    end,
    text: figureText,
    value,
    unit: unitName,
    kind,
    approximate,
    bound,
    modifier,
    modifierStart,
    spelled: first.spelled,
    scaled: first.scaled || multiplier !== 1,
    attributive,
    minor,
  };
  if (high !== undefined) match.high = high;
  return {match};
}

/** Removes binary floating-point noise from scaled values (16.4 × 1e6 → 16400000). */
function tidy(value: number): number {
  return Number.isFinite(value) && !Number.isInteger(value) ? Number(value.toPrecision(15)) : value;
}
