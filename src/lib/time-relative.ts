/**
 * Relative date expressions ("Monday", "yesterday", "last week", "the third quarter", "Aug. 9",
 * "two years ago") resolved against an anchor date, as TimeML values ("2017-01-09", "2017-W02",
 * "1989-Q3", "PRESENT_REF"). The pipeline resolves "on Monday" through the same function.
 */
import {addDays, daysInMonth, isValidDate, weekdayOf, type LocalDateTime} from "./time-zones.js";
import {monthNumber, parseDateTime, weekdayNumber, MONTH_PATTERN, WEEKDAY_PATTERN} from "./time-parse.js";
import {wordTable} from "./word-table.js";
import {capitalModalIsName, isQuestion, words} from "./text.js";

export interface ExpressionContext {
  /** The sentence around the expression: its tense decides "Friday" (past) from "Friday" (coming). */
  sentence?: string;
  /** Where the expression starts in `sentence` (found by searching when not given). The words next
   *  to it ("said Friday", "will meet on Friday") weigh more than a "will" elsewhere in the sentence. */
  offset?: number;
  /** The most recent date stated before the expression in the same article, as a TimeML value
   *  ("2017-01-09", "1998-10", "1989"): the reference time of anaphoric expressions such as
   *  "that day", "the next morning", "later that year". Never used for "Friday" or "last week", which
   *  news copy anchors on the publication date. */
  previousDate?: string;
  /** The most recent quarter stated before the expression in the same article ("1989-Q1"): the
   *  quarter an earnings report compares ("a year earlier", "the quarter") when a day such as the
   *  quarter's closing date ("ended Sept. 30") was stated after it. */
  previousQuarter?: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const dayValue = (d: LocalDateTime) => `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
const monthValue = (year: number, month: number) => `${pad(year, 4)}-${pad(month)}`;

/** ISO 8601 week of a date: [week-year, week]. */
export function isoWeek(date: LocalDateTime): [number, number] {
  const t = new Date(Date.UTC(date.year, date.month - 1, date.day));
  const dow = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - dow);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((t.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return [t.getUTCFullYear(), week];
}
const weekValue = (d: LocalDateTime) => {
  const [y, w] = isoWeek(d);
  return `${pad(y, 4)}-W${pad(w)}`;
};

/** Parses "2017-01-10" or "2017-01-10T…" into a date; null when malformed. */
export function parseAnchor(anchorISODate: string): LocalDateTime | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(anchorISODate ?? "");
  if (!m) return null;
  const d = {year: +m[1]!, month: +m[2]!, day: +m[3]!};
  return isValidDate(d.year, d.month, d.day) ? d : null;
}

/**
 * The date of the given weekday nearest the anchor in the direction news copy means: the latest one
 * on or before the anchor (the reported past), or the next one after it when `future` is set.
 * @example weekdayNear({year: 2017, month: 1, day: 10}, 1) // {year: 2017, month: 1, day: 9}
 */
export function weekdayNear(anchor: LocalDateTime, weekday: number, future = false): LocalDateTime {
  const dow = weekdayOf(anchor);
  if (future) return addDays(anchor, ((weekday - dow + 7) % 7) || 7);
  return addDays(anchor, -((dow - weekday + 7) % 7));
}

/** Past-tense verbs written next to a date in news copy ("said Friday", "on Friday announced"). */
const PAST_VERB = /^(?:said|told|announced|declared|reported|added|predicted|confirmed|denied|warned|met|held|took|made|gave|went|came|began|left|saw|spoke|wrote|won|lost|rose|fell|got|sent|ran|flew|arrived|died|signed|voted|killed|released|issued|rallied|gathered|urged|called|agreed|approved|rejected|refused|filed|ruled|asked|testified|admitted|insisted|stated|noted|indicated|acknowledged|disclosed|revealed|explained|argued|claimed|was|were|had|did)$/;
/** Verbs ending in -ed that still point ahead ("scheduled Thursday", "postponed until Tuesday"). */
const FORWARD_ED = /^(?:scheduled|rescheduled|planned|expected|slated|postponed|delayed|adjourned|deferred|set|due|timed)$/;
/** Future markers in the words just before a date ("will meet on Friday", "as soon as Tuesday"). */
const NEAR_FUTURE = /\b(?:deadline|will|won't|'ll|shall|would|plans? to|plan to|planned|planning|scheduled|slated|set to|due|expected to|as soon as|as early as|until|till|going to|(?:is|are) to|to be held|to resume|next)\b/;
/** A schedule told in the past: "was scheduled to", "had been set to" (a plan in progress, "were planning to", still lies ahead). */
const PAST_PLAN = /\b(?:was|were|had been)\s+(?:scheduled|slated|set|due)\b/g;
/** Present tenses that news copy uses for a scheduled event ("the two leaders meet Monday"). */
const SCHEDULED_PRESENT = /^(?:meets?|begins?|starts?|opens?|resumes?|convenes?|visits?|arrives?|leaves?|travels?|votes?|returns?|hosts?)$/;
/** Future markers just after it ("On Tuesday, the league plans to …"). */
const NEAR_FUTURE_AFTER = /^[^.;:!?]{0,80}?\b(?:will|plans? to|(?:is|are) (?:scheduled|expected|due|set) to|(?:is|are) to)\b/;

/**
 * The tense a date expression is used in, read from the words around it: a past-tense verb right
 * next to it ("said Friday", "on Friday announced") or "since" makes it past; a deadline ("by
 * February", "until Tuesday"), a future marker within the few words before ("will meet on Friday",
 * "planned to leave on Thursday"), a present tense of a scheduled event ("the leaders meet Monday")
 * or a "plans to"/"will" just after a clause-opening date makes it future. A date opening the
 * sentence ("In January, the board approved …") takes the tense of its clause; failing all that, a
 * sentence whose first verb is a future one ("The agency will name … in December") is future.
 * Without the position, the whole sentence's future cue decides.
 */
export function tenseAround(sentence: string, expression: string, offset?: number): "past" | "future" {
  const reading = readTense(sentence, expression, offset);
  return reading === "future" ? "future" : "past";
}

/** As tenseAround, but "past-verb" when a past-tense verb stands right next to the expression
 *  ("the fiscal year ended Jan. 31"), which rules out the coming occurrence of a month. */
function readTense(printed: string, expression: string, offset?: number): "past" | "past-verb" | "future" {
  const sentence = withoutNameWill(printed);
  const lower = sentence.toLowerCase().replace(/[’]/g, "'");
  const at = offset ?? lower.indexOf(expression.toLowerCase().replace(/[’]/g, "'"));
  if (at < 0 || at > lower.length) return FUTURE_CUE.test(sentence) ? "future" : "past";
  const beforeWords = lower.slice(0, at).replace(/[`'"“”]+/g, " ").split(/[^a-z0-9']+/).filter(Boolean);
  const afterText = lower.slice(at + expression.length);
  const afterWords = afterText.split(/[^a-z0-9']+/).filter(Boolean);
  const skip = new Set(["on", "late", "early", "earlier", "later", "privately", "publicly", "also", "again", "separately", "jointly", "last", "this", "around", "about", "approximately", "roughly"]);
  let i = beforeWords.length - 1;
  while (i >= 0 && skip.has(beforeWords[i]!)) i--;
  const prev = beforeWords[i] ?? "";
  const next = afterWords[0] ?? "";
  const isPast = (w: string) => PAST_VERB.test(w) || (/^[a-z]{3,}ed$/.test(w) && !FORWARD_ED.test(w));
  // A participle after a bare "be" ("to be completed", "will be signed") is not a past tense.
  const pastBefore = isPast(prev) && beforeWords[i - 1] !== "be";
  const window = beforeWords.slice(Math.max(0, beforeWords.length - 10)).join(" ");
  // "since March": what a period started from has already happened.
  if (prev === "since") return "past-verb";
  // A deadline ("until Tuesday", "by February", "effective June 1") lies ahead unless a past perfect
  // next to it puts it in the past ("had filed reports by Wednesday", "until then they had …").
  if (/^(?:until|till|effective|by)$/.test(prev)) {
    const pastPerfect = /^[^.;]*\bhad\b/.test(afterText) || beforeWords.slice(Math.max(0, i - 8), i).includes("had");
    // "peaked by the end of the year": a past verb right before the deadline puts it behind.
    if (isPast(beforeWords[i - 1] ?? "") && beforeWords[i - 2] !== "be") return "past-verb";
    return pastPerfect ? "past" : "future";
  }
  if (pastBefore || (isPast(next) && !/^(?:to|in|at|of)$/.test(next))) return "past-verb";
  // A plan told in the past ("was scheduled to take off … Sunday") is not the future.
  if (NEAR_FUTURE.test(window.replace(PAST_PLAN, " ")) || SCHEDULED_PRESENT.test(prev)) return "future";
  // "On Tuesday, the league plans to …": only when the date opens its clause.
  const clauseInitial = i < 0 || /[,;:]\s*(?:(?:on|late|early|earlier|later)\s+)?$/.test(lower.slice(0, at));
  if (clauseInitial && NEAR_FUTURE_AFTER.test(afterText) && !/^[^.;]{0,60}\b(?:said|says|saying)\b/.test(afterText)) return "future";
  // "In January, the company brought in a new chief": a date opening the sentence, set off by a
  // comma, takes the tense of the clause it introduces.
  const opening = beforeWords.slice(0, i + 1).every((w) => OPENING_PREPOSITION.test(w));
  if (opening && /^\s*,/.test(afterText) && clausePast(afterText)) return "past-verb";
  // No cue next to the date: a sentence whose first verb is a future one is about the future.
  if (FUTURE_CUE.test(lower) && !clausePast(lower)) return "future";
  return "past";
}

/** The sentence with each capitalised "Will" that is a name ("Will Smith arrived … on Monday")
 *  written so that it does not read as the modal; the same length, so offsets hold. */
function withoutNameWill(sentence: string): string {
  if (!sentence.includes("Will")) return sentence;
  const tokens = words(sentence);
  const question = isQuestion(sentence);
  let out = sentence;
  tokens.forEach((word, i) => {
    if (word.raw === "Will" && capitalModalIsName(tokens, i, {question})) out = `${out.slice(0, word.start)}W_ll${out.slice(word.start + 4)}`;
  });
  return out;
}

/** Prepositions that may open a sentence before its date ("In January, …", "During May, …"). */
const OPENING_PREPOSITION = /^(?:in|on|during|since|at|early|late|mid|the|end|of|beginning|start|middle)$/;
/** Common irregular past tenses, beyond the reporting verbs of PAST_VERB. */
const IRREGULAR_PAST = /^(?:became|began|bought|brought|built|caught|chose|drove|fell|felt|fought|found|grew|heard|hid|kept|knew|led|meant|paid|rode|rose|sank|sat|shot|shut|sold|sought|spent|stood|stole|struck|swore|taught|thought|threw|told|took|understood|withdrew|woke|wore|won|broke|forgot|froze|hung|lay|overtook|shook|slid|spun|swept|tore|undertook|wound)$/;

/** Whether the clause at the start of `text` is told in the past: its first finite verb, read left to
 *  right, is a past tense rather than a future marker ("will", "plans", "is expected"). */
function clausePast(text: string): boolean {
  const words = /^[^;!?]*/.exec(text)![0].toLowerCase().replace(/[’]/g, "'").split(/[^a-z']+/).filter(Boolean);
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    const before = words[k - 1] ?? "";
    if (FUTURE_WORD.test(w)) return false;
    if (PAST_VERB.test(w) || IRREGULAR_PAST.test(w)) return true;
    // "-ed" words after a determiner or "be" are adjectives or participles ("a proposed merger").
    if (/^[a-z]{3,}ed$/.test(w) && !FORWARD_ED.test(w) && !/^(?:a|an|the|its|their|his|her|our|be|to|been|being|is|are)$/.test(before)) return true;
  }
  return false;
}
/** Words that put a clause in the future. */
const FUTURE_WORD = /^(?:will|won't|'ll|shall|would|plans?|expects?|scheduled|slated|due|going|tomorrow)$/;

const FUTURE_CUE = /\b(?:will|won't|'ll|shall|(?:is|are) (?:due|set|scheduled|slated|expected) to|(?:is|are) to be|tomorrow)\b/i;
const EARNINGS_CUE = /\b(?:quarter|quarterly|earnings|net income|net loss|profit|revenue|sales|per share|fiscal)\b/i;

const ORDINALS = wordTable<number>({first: 1, "1st": 1, second: 2, "2nd": 2, third: 3, "3rd": 3, fourth: 4, "4th": 4});
const SEASONS = wordTable<string>({spring: "SP", summer: "SU", fall: "FA", autumn: "FA", winter: "WI"});
const NUMBER_WORDS = wordTable<number>({
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, several: 3, few: 3, "a few": 3, "a couple of": 2, couple: 2
});
const UNITS = "(?:day|week|month|year|decade|quarter)";

const ORDINAL_WORDS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
  "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"];
/** Ordinal words up to "thirty-first", as days of the month are spoken ("March eighth"). */
const DAY_ORDINAL = "(?:(?:twenty|thirty)[- ])?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)";

/** "eighth" → 8, "twenty-first" → 21, "thirtieth" → 30; null for other words or days past 31. */
export function dayOrdinalNumber(word: string): number | null {
  const m = /^(?:(twenty|thirty)[- ])?([a-z]+)$/.exec(word.toLowerCase());
  if (!m) return null;
  const unit = m[2] === "thirtieth" ? 30 : ORDINAL_WORDS.indexOf(m[2]!) + 1;
  if (unit <= 0 || (m[1] && unit > 9)) return null;
  const day = (m[1] === "twenty" ? 20 : m[1] === "thirty" ? 30 : 0) + unit;
  return day >= 1 && day <= 31 ? day : null;
}

/** A day of the month spoken as an ordinal word written as digits: "March eighth" → "March 8". */
function numericDayOrdinals(text: string): string {
  return text.replace(new RegExp(`\\b(${MONTH_PATTERN}\\.?\\s+)(${DAY_ORDINAL})\\b`, "gi"), (all, month: string, word: string) => {
    const day = dayOrdinalNumber(word);
    return day === null ? all : `${month}${day}`;
  });
}

const RE = {
  present: /^(?:now|right now|just now|currently|current|presently|at present|nowadays|these days|today's|already|yet|at the moment|the present|present|(?:at )?(?:this|the present|the current)(?: [a-z]+)? moment)$/,
  past: /^(?:recently|recent|the past|past|previously|formerly|in the past|earlier|once|lately|more recently|recent (?:days|weeks|months|years|weeks and months)|(?:the )?(?:past|last|previous) (?:several|few|couple of) (?:days|weeks|months|years|quarters)|past (?:years|decades)|the recent past|before|at the time|the time|then current)$/,
  future: /^(?:future|the future|the near future|soon|later|(?:the )?coming (?:days|weeks|months|years|quarters)|future (?:quarters|years)|the years ahead|the days ahead|(?:the )?(?:near|short|long|medium) term|as soon as possible|one day|some day|someday|a later date|from time to time)$/,
  today: /^(?:today|tonight|this (?:morning|afternoon|evening)|earlier today|later today|late today|early today)$/,
  yesterday: /^(?:(?:late|early|earlier|later|last) )?(?:yesterday|last night)(?: (?:morning|afternoon|evening|night))?$/,
  tomorrow: /^(?:(?:late|early) )?tomorrow(?: (?:morning|afternoon|evening|night))?$/,
  weekday: new RegExp(`^(?:(last|this|next|this coming|this past|the previous|previous|the following|early|late|earlier|later|on)\\s+)?(${WEEKDAY_PATTERN})\\.?(?:\\s+(?:morning|afternoon|evening|night|noon))?(?:,?\\s+(?:${MONTH_PATTERN}\\.?\\s+(?:\\d{1,2}|${DAY_ORDINAL})|\\d{1,2}\\s+${MONTH_PATTERN}).*)?$`),
  year: /^(?:(?:the )?(?:(?:calendar|fiscal|financial|model|school) )?(?:year )?|(?:early|mid|late|the end of|the start of|the beginning of|the middle of|the first half of|the second half of)[ -]?(?:the )?(?:year )?|in |by )?('?\d{4})$/,
  decade: /^(?:the )?(?:early |mid-?|late )?(?:(\d{3})0s|'(\d)0s|(\d)0s)$/,
  century: /^(?:the )?(\d{1,2})(?:st|nd|rd|th) century$/,
  month: new RegExp(`^(?:(last|this|next|early|mid|late|the end of|the beginning of|the middle of|the start of|earlier|early last|late last|late this|early this|this past|this coming|in)[ -]?)?(${MONTH_PATTERN})\\.?(?:,?\\s+(?:of\\s+)?(last year|this year|next year|'?\\d{2,4}))?$`),
  relWeek: /^(?:the )?(last|this|next|past|previous|coming|current|following|earlier this|early this|late this|later this|end of this|end of the|early next|late last|early last)\s+week$/,
  relMonth: /^(?:the )?(last|this|next|past|previous|coming|current|following|earlier this|early this|late this|later this|end of this|end of the|early next|late last|early last)\s+month$/,
  relYear: /^(?:the )?(last|latest|most recent|this|next|past|previous|coming|current|following|earlier this|early this|late this|later this|end of this|end of the|early next|late last|early last|same|this fiscal|the current fiscal|current fiscal|this calendar)\s+(?:fiscal |calendar )?year$/,
  theYear: /^(?:the )?(?:year|full year|fiscal year|full-year|year-end|year end|year's end|end of (?:the )?year|the end of the year|this year's|(?:earlier|later|early|late) in the year)$/,
  theMonth: /^(?:the )?(?:end of the month|month)$/,
  ago: new RegExp(`^(?:nearly |almost |about |some |roughly |more than |less than |just |only )?(\\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few|few|a couple of)\\s+(${UNITS})s?(?: or so)?\\s+(ago|earlier|before|later|from now|hence|after)$`),
  quarter: /^(?:the |its |this year's |)(?:(\d{4})\s+)?(?:fiscal[ -]|calendar |year's |current |latest |recent )?(first|second|third|fourth|1st|2nd|3rd|4th)[ -]quarter(?:\s+(?:of\s+)?(?:(?:fiscal\s+)?(\d{4})|this year|last year))?$/,
  quarterPeriod: /^(?:the )?(?:latest|most recent|recent|current|same|just-ended|just ended|quarter|latest period|period|the period|the quarter|fiscal quarter)(?: quarter| period)?$/,
  yearAgoQuarter: /^(?:the )?(?:(?:comparable|corresponding|same) )?(?:year-ago|year-earlier|year earlier|a year ago|a year earlier|previous year's|last year's|corresponding|comparable|prior-year|prior year)(?: (?:quarter|period|year's quarter|period last year|quarter last year|year))?$|^(?:the )?(?:quarter|period) (?:a year (?:ago|earlier)|last year)$/,
  half: /^(?:the )?(first|second|last)\s+(?:half|two quarters)(?:\s+(?:of\s+)?(?:(\d{4})|this year|the year|last year|next year))?$/,
  season: /^(?:the )?(?:(last|this|next|this past|early|late|mid)\s+)?(spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(\d{4}))?$/,
  weekend: /^(?:the |this |last |over the |past )?weekend$/
};

function offsetMonths(year: number, month: number, delta: number): [number, number] {
  const index = year * 12 + (month - 1) + delta;
  return [Math.floor(index / 12), (index % 12) + 1];
}

function wordNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return +text;
  return NUMBER_WORDS[text] ?? null;
}

const YEAR_PERIOD_CUE = /\b(?:(?:nine|six|9|6|twelve|12)[- ]months?|first half|full[- ]year|fiscal year|for the year|year[- ]to[- ]date)\b/g;
const QUARTER_PERIOD_CUE = /\b(?:(?:first|second|third|fourth|1st|2nd|3rd|4th|latest|the|fiscal|current|year-ago|year-earlier|same|\d{4})[- ]quarter|quarterly|quarter (?:ended|ending|to))\b/g;

/**
 * The reporting period an earnings sentence compares ("net rose … from … a year earlier"): the
 * period named nearest before the expression in the sentence ("For the nine months, …" → year;
 * "third-quarter net …" → quarter), else the first named after it, else the period of the previous
 * date expression in the article (a quarter value → quarter, a year → year), else null.
 */
export function reportingPeriod(sentence: string, offset: number, previousDate?: string): "quarter" | "year" | null {
  const cues: [number, "quarter" | "year"][] = [];
  for (const match of sentence.toLowerCase().matchAll(YEAR_PERIOD_CUE)) cues.push([match.index ?? 0, "year"]);
  for (const match of sentence.toLowerCase().matchAll(QUARTER_PERIOD_CUE)) cues.push([match.index ?? 0, "quarter"]);
  cues.sort((a, b) => a[0] - b[0]);
  const before = cues.filter(([i]) => i < offset);
  if (before.length) return before[before.length - 1]![1];
  if (cues.length) return cues[0]![1];
  if (previousDate && /^\d{4}-Q[1-4]$/.test(previousDate)) return "quarter";
  if (previousDate && /^\d{4}$/.test(previousDate)) return "year";
  return null;
}

/** The quarter being reported: the previous date expression when it is a recent quarter, else the
 *  article's latest quarter when that is recent, else the last completed quarter before the anchor. */
function reportedQuarter(anchor: LocalDateTime, previousDate?: string, previousQuarter?: string): [number, number] {
  const last = offsetQuarter(anchor.year, Math.ceil(anchor.month / 3), -1);
  const m = /^(\d{4})-Q([1-4])$/.exec(previousDate ?? "") ?? /^(\d{4})-Q([1-4])$/.exec(previousQuarter ?? "");
  if (m) {
    const distance = (anchor.year * 4 + Math.ceil(anchor.month / 3)) - (+m[1]! * 4 + +m[2]!);
    // Up to three quarters back: a fiscal year's numbering can put the latest quarter there ("the
    // fiscal first quarter ended Sept. 30" is 1989-Q1 in October 1989).
    if (distance >= 1 && distance <= 3) return [+m[1]!, +m[2]!];
    // Already the year-ago quarter ("the comparable year-ago quarter" just before).
    if (distance > 3 && distance <= 7) return [+m[1]! + 1, +m[2]!];
  }
  return last;
}

/**
 * Anaphoric expressions ("that day", "the next morning", "later that year", "the following
 * month", "that quarter") resolved against the article's previous date (reference time).
 */
function anaphoric(t: string, previousDate: string | undefined): string | null {
  if (!previousDate) return null;
  const day = dayFromValue(previousDate.slice(0, 10));
  const year = /^(\d{4})/.exec(previousDate)?.[1];
  if (!year) return null;
  if (/^(?:that|the same|that same|the very same|earlier that|later that|late that|early that|on that|that very) (?:day|morning|afternoon|evening|night)$/.test(t))
    return day ? dayValue(day) : null;
  if (/^the (?:next|following) (?:day|morning|afternoon|evening|night)$|^the day after$/.test(t)) return day ? dayValue(addDays(day, 1)) : null;
  if (/^the (?:previous|preceding) day$|^the day before$/.test(t)) return day ? dayValue(addDays(day, -1)) : null;
  if (/^(?:the day|day|(?:earlier|later) in the day)$/.test(t)) return day ? dayValue(day) : null;
  if (t === "then" && /^\d{4}(?:-\d{2}(?:-\d{2})?|-Q[1-4])?$/.test(previousDate)) return previousDate;
  const weekday = new RegExp(`^the (previous|preceding|prior|following|next) (${WEEKDAY_PATTERN})$`).exec(t);
  if (weekday && day) {
    const target = weekdayNumber(weekday[2]!)!;
    const back = /previous|preceding|prior/.test(weekday[1]!);
    return dayValue(back ? weekdayNear(addDays(day, -1), target) : weekdayNear(day, target, true));
  }
  if (/^(?:that|the same|that same|earlier that|later that|late that|early that) year$/.test(t)) return year;
  if (/^the (?:next|following) year$|^a year later$/.test(t)) return String(+year + 1);
  if (/^the (?:previous|preceding|prior) year$/.test(t)) return String(+year - 1);
  const month = /^(\d{4})-(\d{2})/.exec(previousDate);
  if (month) {
    if (/^(?:that|the same|that same|earlier that|later that) month$/.test(t)) return monthValue(+month[1]!, +month[2]!);
    if (/^the (?:next|following) month$|^a month later$/.test(t)) return monthValue(...offsetMonths(+month[1]!, +month[2]!, 1));
  }
  const quarter = /^(\d{4})-Q([1-4])$/.exec(previousDate);
  if (quarter && /^(?:that|the same) quarter$/.test(t)) return previousDate;
  return null;
}

/** The context of a shorter expression inside `outer` ("Nov. 1" in "around Nov. 1"): the same
 *  sentence, with the offset moved to where the inner words start, so the words next to them are
 *  read for tense rather than the ones next to the whole expression. */
function innerContext(context: ExpressionContext, outer: string, inner: string): ExpressionContext {
  if (context.sentence === undefined) return context;
  const start = context.offset ?? context.sentence.toLowerCase().indexOf(outer.trim().toLowerCase());
  if (start < 0) return context;
  const within = context.sentence.slice(start, start + outer.trim().length).toLowerCase().indexOf(inner.toLowerCase());
  return within < 0 ? context : {...context, offset: start + within};
}

/** Frequency words as TimeML durations. */
const FREQUENCY_PERIODS = wordTable<string>({daily: "P1D", weekly: "P1W", monthly: "P1M", yearly: "P1Y", annually: "P1Y", annual: "P1Y"});

/** The month each season starts (northern hemisphere, as TimeML reads them). */
const SEASON_START_MONTHS = wordTable<number>({SP: 3, SU: 6, FA: 9, WI: 12});

/**
 * Resolves a date expression against an anchor date (a document's date, "YYYY-MM-DD") to a TimeML
 * value, or null when it is not a date expression this resolver knows.
 * @example resolveDateExpression("Monday", "2017-01-10") // "2017-01-09"
 * @example resolveDateExpression("last week", "2013-03-22") // "2013-W11"
 * @example resolveDateExpression("the third quarter", "1989-10-26") // "1989-Q3"
 */
export function resolveDateExpression(text: string, anchorISODate: string, context: ExpressionContext = {}): string | null {
  const anchor = parseAnchor(anchorISODate);
  if (!anchor || typeof text !== "string") return null;
  const t = text.toLowerCase().replace(/[’]/g, "'").replace(/\s+/g, " ").replace(/^[\s"“(]+|[\s.,;:!?"”)]+$/g, "").replace(/'s$/, "").trim();
  if (!t || t.length > 80) return null;
  const sentence = context.sentence ?? "";
  const tense = context.sentence === undefined ? null : readTense(sentence, text.trim(), context.offset);
  const future = tense === "future";
  const pastVerb = tense === "past-verb";
  const earnings = EARNINGS_CUE.test(sentence);
  const at = context.offset ?? Math.max(0, sentence.toLowerCase().indexOf(t));
  const period = reportingPeriod(sentence, at, context.previousDate) ?? (earnings ? "quarter" : null);
  const reported = reportedQuarter(anchor, context.previousDate, context.previousQuarter);
  const lastQuarter = reported;
  const yearAgoQuarter = `${reported[0] - 1}-Q${reported[1]}`;
  const m = (re: RegExp) => re.exec(t);
  let g: RegExpExecArray | null;

  // "the [day] after his death": the day after the event the article last dated, unless the phrase
  // stands in apposition to a date ("Oct. 12, the day before the crash" is Oct. 12 itself).
  if (/^(?:the )?day$/.test(t) && context.sentence !== undefined && context.previousDate) {
    const previousDay = dayFromValue(context.previousDate);
    const side = /^\s+(before|after)\b/i.exec(sentence.slice(at + text.trim().length));
    const appositive = /,\s*(?:the\s+)?$/i.test(sentence.slice(0, at));
    if (previousDay && side && !appositive) return dayValue(addDays(previousDay, side[1]!.toLowerCase() === "before" ? -1 : 1));
  }
  // "Today is the eighth day of the strike", "it's the second day of talks": a count of days said
  // of the present names the day of writing.
  if (new RegExp(`^(?:the )?(?:${DAY_ORDINAL}|\\d+(?:st|nd|rd|th)) day$`).test(t) && /\b(?:today|it|this)(?:\s+is|'s)\s+(?:the\s+)?$/i.test(sentence.slice(0, at).replace(/[’]/g, "'"))) {
    return dayValue(anchor);
  }
  const referred = anaphoric(t, context.previousDate);
  if (referred) return referred;
  // Hedges around a date: "around Nov. 1", "a good part of 1990", "1994 or later", "post-1959".
  const hedged = /^(?:around|about|approximately|roughly|some ?time in|some ?time|a good part of|much of|most of|all of|the whole of|post-|pre-)\s*(.+)$/.exec(t) ?? /^(.+?)\s+(?:or later|and beyond|or so|or earlier|onwards?|and later)$/.exec(t);
  if (hedged && hedged[1] !== t) {
    const inner = resolveDateExpression(hedged[1]!, anchorISODate, innerContext(context, text, hedged[1]!));
    if (inner && !/_REF$/.test(inner)) return inner;
  }
  // A clock time before a day: "9 a.m. Tuesday", "4 a.m. EDT Thursday".
  if ((g = new RegExp(`^(\\d{1,2})(?:[:.](\\d{2}))?\\s*([ap])\\.?m\\.?(?:\\s+[a-z]{2,4})?\\s+((?:${WEEKDAY_PATTERN})\\.?|today|yesterday|tomorrow)$`).exec(t))) {
    const day = resolveDateExpression(g[4]!, anchorISODate, context);
    const hour = +g[1]! % 12 + (g[3] === "p" ? 12 : 0);
    if (day && /^\d{4}-\d{2}-\d{2}$/.test(day) && +g[1]! >= 1 && +g[1]! <= 12 && +(g[2] ?? 0) < 60) return `${day}T${pad(hour)}:${g[2] ?? "00"}`;
  }
  // An approximate count ahead ("in a year or two", "within a few weeks") names no calendar period,
  // only the future.
  if (/^(?:(?:an?|one) (?:day|week|month|year|decade)s? or two|(?:a few|several|a couple of) (?:day|week|month|year|decade)s)$/.test(t) && context.sentence !== undefined) {
    if (/\b(?:in|within)\s+$/i.test(sentence.slice(0, at))) return "FUTURE_REF";
  }
  // An annotated "a year" or "two years" whose "earlier"/"ago" follows outside the span. "Ten days
  // before the murder" counts from the murder, not from the day of writing: no value.
  if (/^(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|several|a few) (?:day|week|month|year|decade|quarter)s?$/.test(t) && context.sentence !== undefined) {
    const after = sentence.slice(at + text.trim().length, at + text.trim().length + 24);
    const w = /^\s*(earlier|ago|before|later)\b(\s+(?:the|a|an|his|her|its|their|he|she|it|they)\b)?/i.exec(after);
    if (w && w[2] && /^before$/i.test(w[1]!)) return null;
    if (w) return resolveDateExpression(`${t} ${w[1]!.toLowerCase()}`, anchorISODate, {...context, offset: at});
    // "will be redeemed in five years": that many units after the day of writing.
    if (future && /\b(?:in|within)\s+$/i.test(sentence.slice(0, at)) && !/^(?:several|a few)\b/.test(t)) {
      return resolveDateExpression(`${t} later`, anchorISODate, {...context, offset: at});
    }
  }
  // "faster than can be done today": a comparison with the present, not the day of writing.
  if (t === "today" && context.sentence !== undefined && /\bthan\b(?:\s+[a-z']+){0,4}\s+$/i.test(sentence.slice(0, at))) return "PRESENT_REF";
  // A month whose year follows outside the span: "in [February] this year", "[July] last year".
  if (context.sentence !== undefined && new RegExp(`^(?:early |late |mid-?)?${MONTH_PATTERN}\\.?(?: \\d{1,2})?$`).test(t)) {
    const after = sentence.slice(at + text.trim().length, at + text.trim().length + 20);
    const w = /^\s*,?\s*(?:of\s+)?(this year|last year|next year)\b/i.exec(after);
    if (w) {
      const base = resolveDateExpression(t, anchorISODate, {});
      const year = anchor.year + (/last/i.test(w[1]!) ? -1 : /next/i.test(w[1]!) ? 1 : 0);
      if (base && /^\d{4}-\d{2}/.test(base)) return `${pad(year, 4)}${base.slice(4)}`;
    }
  }
  // The second year of a span written short: "the expedition of 1957-[58]".
  if ((g = /^(\d{2})$/.exec(t)) && context.sentence !== undefined) {
    const first = /\b(\d{2})(\d{2})\s*[-–\/]\s*$/.exec(sentence.slice(Math.max(0, at - 6), at));
    if (first && +g[1]! > +first[2]!) return `${first[1]}${g[1]}`;
  }
  // Part of a decade is read as the decade: "the last half of the '80s".
  if ((g = /^(?:the )?(?:first|second|last|latter|early|later) half of (.+)$/.exec(t))) {
    const decade = resolveDateExpression(g[1]!, anchorISODate, {});
    if (decade && /^\d{3}$/.test(decade)) return decade;
  }
  // A bare day number continuing a date: "on April 24 and [25]".
  if ((g = /^(\d{1,2})$/.exec(t)) && context.previousDate && context.sentence !== undefined) {
    const prev = dayFromValue(context.previousDate);
    const before = sentence.slice(Math.max(0, at - 40), at);
    if (prev && new RegExp(`\\b${MONTH_PATTERN}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?\\s*(?:and|or|to|through|-|–)\\s*$`, "i").test(before) && +g[1]! >= 1 && +g[1]! <= daysInMonth(prev.year, prev.month)) {
      return dayValue({year: prev.year, month: prev.month, day: +g[1]!});
    }
  }
  if (FREQUENCY_PERIODS[t]) return FREQUENCY_PERIODS[t]!;
  // "the day before last Tuesday", "the day after Christmas": one day from the day named.
  if ((g = /^(?:the )?day (before|after) (.+)$/.exec(t))) {
    const day = dayFromValue(resolveDateExpression(g[2]!, anchorISODate, innerContext(context, text, g[2]!)));
    if (day) return dayValue(addDays(day, g[1] === "before" ? -1 : 1));
  }
  // "the week of March 6": the ISO week holding that day.
  if ((g = /^(?:the )?week of (.+)$/.exec(t))) {
    const day = dayFromValue(resolveDateExpression(g[1]!, anchorISODate, context));
    if (day) return weekValue(day);
  }

  const spelled = spelledYear(t);
  if (spelled) return spelled;
  const holiday = holidayValue(t, anchor, future);
  if (holiday) return holiday;
  if (RE.present.test(t)) return "PRESENT_REF";
  if (RE.today.test(t)) return dayValue(anchor);
  if (RE.yesterday.test(t)) return dayValue(addDays(anchor, -1));
  if (RE.tomorrow.test(t)) return dayValue(addDays(anchor, 1));
  if (RE.past.test(t)) return "PAST_REF";
  if (RE.future.test(t)) return "FUTURE_REF";

  // An explicit calendar date, with or without a year.
  const written = numericDayOrdinals(text);
  const explicit = parseDateTime(written);
  if (explicit && explicit.span[1] - explicit.span[0] >= written.trim().length - 2) {
    if (explicit.year !== null) return dayValue({year: explicit.year, month: explicit.month, day: explicit.day});
    const year = future ? nearestYearDate(anchor, explicit.month, explicit.day).year : pastVerb ? pastYear(anchor, explicit.month, explicit.day) : yearForMonthDay(anchor, explicit.month, explicit.day);
    return dayValue({year, month: explicit.month, day: explicit.day});
  }
  if ((g = m(RE.weekday))) {
    const weekday = weekdayNumber(g[2]!)!;
    const cue = g[1] ?? "";
    const back = cue === "last" || cue === "this past" || /previous/.test(cue);
    // A possessive weekday names an event by its day ("Wednesday's ruling"): the verb of the
    // sentence does not tense it, so it is the latest one unless something looks ahead to it.
    const possessive = /'s$/.test(text.trim().toLowerCase().replace(/[’]/g, "'")) || /^['’]s\b/.test(sentence.slice(at + text.trim().length));
    const ahead = possessive
      ? /\b(?:ahead of|upcoming|until|till)\s+$/i.test(sentence.slice(0, at))
      : tenseAround(sentence, text, context.offset) === "future";
    const fwd = cue === "next" || cue === "this coming" || /following/.test(cue) || (!back && (!cue || /^(?:on|early|late|earlier|later)$/.test(cue)) && ahead);
    if (back && weekdayOf(anchor) === weekday) return dayValue(addDays(anchor, -7));
    // A bare weekday naming the publication day is that day ("the FAA on Friday announced it will …").
    if (!cue || cue === "on" || /^(?:early|late|earlier|later)$/.test(cue)) {
      if (weekdayOf(anchor) === weekday && cue !== "next") return dayValue(anchor);
    }
    return dayValue(weekdayNear(anchor, weekday, fwd));
  }
  if ((g = m(RE.month))) {
    const month = monthNumber(g[2]!)!;
    const cue = g[1] ?? "";
    const yearText = g[3];
    if (yearText) {
      if (yearText === "last year") return monthValue(anchor.year - 1, month);
      if (yearText === "this year") return monthValue(anchor.year, month);
      if (yearText === "next year") return monthValue(anchor.year + 1, month);
      const digits = yearText.replace("'", "");
      const year = digits.length === 2 ? (+digits > 30 ? 1900 : 2000) + +digits : +digits;
      return monthValue(year, month);
    }
    if (/last|past/.test(cue)) return monthValue(month < anchor.month ? anchor.year : anchor.year - 1, month);
    if (/next|coming/.test(cue)) return monthValue(month > anchor.month ? anchor.year : anchor.year + 1, month);
    if (/this/.test(cue)) return monthValue(anchor.year, month);
    return monthValue(yearForMonth(anchor, month, future, pastVerb), month);
  }
  if ((g = m(RE.year))) {
    const digits = g[1]!.replace("'", "");
    if (digits.length === 4) return digits;
  }
  if ((g = m(RE.decade))) {
    if (g[1]) return g[1];
    const d = g[2] ?? g[3]!;
    return `${+d >= 3 ? "19" : "20"}${d}`;
  }
  if ((g = m(RE.century))) return pad(+g[1]! - 1);
  if (/^the (?:last|previous) decade$/.test(t)) return String(Math.floor(anchor.year / 10) - 1);
  if ((g = m(RE.relWeek))) {
    const cue = g[1]!;
    if (/last|past|previous/.test(cue)) return weekValue(addDays(anchor, -7));
    if (/next|coming|following/.test(cue)) return weekValue(addDays(anchor, 7));
    return weekValue(anchor);
  }
  if ((g = m(RE.relMonth))) {
    const cue = g[1]!;
    if (/last|past|previous/.test(cue)) return monthValue(...offsetMonths(anchor.year, anchor.month, -1));
    if (/next|coming|following/.test(cue)) return monthValue(...offsetMonths(anchor.year, anchor.month, 1));
    return monthValue(anchor.year, anchor.month);
  }
  // The end of the year told in the past tense is the end of the year before ("the outbreak peaked
  // by the end of the year", written in March).
  const yearEndBehind = pastVerb && !(anchor.month === 12 && anchor.day === 31);
  if ((g = m(RE.relYear))) {
    const cue = g[1]!;
    if (/last|past|previous|latest|most recent/.test(cue)) return String(anchor.year - 1);
    if (/next|coming|following/.test(cue)) return String(anchor.year + 1);
    if (cue === "end of the" && yearEndBehind) return String(anchor.year - 1);
    return String(anchor.year);
  }
  if (RE.theYear.test(t)) return String(/end/.test(t) && yearEndBehind ? anchor.year - 1 : anchor.year);
  if (RE.theMonth.test(t)) return monthValue(anchor.year, anchor.month);
  if ((g = m(RE.ago))) {
    // A vague count ("several years ago", "a few weeks later") names no calendar period.
    if (/^(?:several|a few|few)$/.test(g[1]!)) return /ago|earlier|before/.test(g[3]!) ? "PAST_REF" : "FUTURE_REF";
    const n = wordNumber(g[1]!) ?? 1;
    const unit = g[2]!;
    const sign = /ago|earlier|before/.test(g[3]!) ? -1 : 1;
    if (unit === "year") {
      if (n === 1 && sign < 0 && period === "quarter") return yearAgoQuarter;
      return String(anchor.year + sign * n);
    }
    if (unit === "decade") return String(Math.floor((anchor.year + sign * 10 * n) / 10));
    if (unit === "month") return monthValue(...offsetMonths(anchor.year, anchor.month, sign * n));
    if (unit === "week") return weekValue(addDays(anchor, sign * 7 * n));
    if (unit === "day") return dayValue(addDays(anchor, sign * n));
    if (unit === "quarter") {
      const [y, q] = offsetQuarter(anchor.year, Math.ceil(anchor.month / 3), sign * n);
      return `${y}-Q${q}`;
    }
  }
  if ((g = /^(?:the )?(next|last|this|previous) year's (first|second|third|fourth)[ -]quarter$/.exec(t)) || (g = /^(?:the )?(?:comparable )?(year-ago|year-earlier) (first|second|third|fourth)[ -]quarter$/.exec(t))) {
    const year = /next/.test(g[1]!) ? anchor.year + 1 : /this/.test(g[1]!) ? anchor.year : anchor.year - 1;
    return `${year}-Q${ORDINALS[g[2]!]}`;
  }
  if ((g = /^(?:the )?(\d{4}) period$/.exec(t)) && period === "year") return g[1]!;
  if ((g = /^(?:the )?(\d{4}) (?:quarter|period)$/.exec(t))) return `${g[1]}-Q${lastQuarter[1]}`;
  if ((g = m(RE.quarter))) {
    const q = ORDINALS[g[2]!]!;
    const year = g[1] ? +g[1] : g[3] ? +g[3] : /last year/.test(t) ? anchor.year - 1 : anchor.year;
    return `${year}-Q${q}`;
  }
  if (RE.yearAgoQuarter.test(t)) {
    if (/quarter/.test(t)) return yearAgoQuarter;
    if (/period/.test(t)) return period === "year" ? String(anchor.year - 1) : yearAgoQuarter;
    return period === "quarter" ? yearAgoQuarter : String(anchor.year - 1);
  }
  if (/^(?:the )?current (?:fiscal )?quarter$/.test(t)) return `${anchor.year}-Q${Math.ceil(anchor.month / 3)}`;
  if (/^this quarter$/.test(t)) return `${lastQuarter[0]}-Q${lastQuarter[1]}`;
  if (RE.quarterPeriod.test(t) && /quarter|period/.test(t)) {
    // "the quarter ended July 31": the three months ending then, named by their middle month.
    const ended = context.sentence !== undefined ? new RegExp(`^\\s*(?:ended|ending|that ended|which ended|through)\\s+(${MONTH_PATTERN})\\.?(?:\\s+\\d{1,2})?(?:,?\\s+(\\d{4}))?`, "i").exec(sentence.slice(at + text.trim().length)) : null;
    if (ended) {
      const endMonth = monthNumber(ended[1]!)!;
      const endYear = ended[2] ? +ended[2] : endMonth <= anchor.month ? anchor.year : anchor.year - 1;
      const [y, mid] = offsetMonths(endYear, endMonth, -1);
      return `${y}-Q${Math.ceil(mid / 3)}`;
    }
    return `${lastQuarter[0]}-Q${lastQuarter[1]}`;
  }
  if ((g = m(RE.half))) {
    const year = g[2] ? +g[2] : /last year/.test(t) ? anchor.year - 1 : /next year/.test(t) ? anchor.year + 1 : anchor.year;
    return `${year}-H${g[1] === "first" ? 1 : 2}`;
  }
  if ((g = m(RE.season))) {
    const season = SEASONS[g[2]!]!;
    if (g[3]) return `${g[3]}-${season}`;
    const cue = g[1] ?? "";
    const begun = anchor.month >= SEASON_START_MONTHS[season]!;
    // "this past spring": the latest one already begun; "last spring": the one before this year's.
    if (cue === "this past") return `${begun && season !== "WI" ? anchor.year : anchor.year - 1}-${season}`;
    if (/last|past/.test(cue)) return `${anchor.year - 1}-${season}`;
    if (/next/.test(cue)) return `${anchor.year + 1}-${season}`;
    if (season === "WI" && anchor.month <= 2) return `${anchor.year - 1}-WI`;
    return `${anchor.year}-${season}`;
  }
  if (RE.weekend.test(t)) {
    const dow = weekdayOf(anchor);
    const ref = /last|past/.test(t) || (dow >= 1 && dow <= 4 && !future) ? addDays(anchor, -dow - 1) : anchor;
    return `${weekValue(ref)}-WE`;
  }
  return null;
}

/** Months ahead of the anchor a month name without a year may still point to (news reports the past). */
const FUTURE_MONTH_WINDOW = 3;

/** The year of a month named without one: the coming occurrence for future sentences or the next
 *  couple of months, else the latest one on or before the anchor. */
function yearForMonth(anchor: LocalDateTime, month: number, future: boolean, tenseKnown = false): number {
  const ahead = (month - anchor.month + 12) % 12;
  if (ahead === 0) return anchor.year;
  if (future || (!tenseKnown && ahead <= FUTURE_MONTH_WINDOW)) return month > anchor.month ? anchor.year : anchor.year + 1;
  return month < anchor.month ? anchor.year : anchor.year - 1;
}

/** The year of the latest occurrence of a month and day on or before the anchor. */
function pastYear(anchor: LocalDateTime, month: number, day: number): number {
  return month < anchor.month || (month === anchor.month && day <= anchor.day) ? anchor.year : anchor.year - 1;
}

function yearForMonthDay(anchor: LocalDateTime, month: number, day: number): number {
  if (month === anchor.month) return anchor.year;
  return yearForMonth(anchor, month, false);
}

const UNITS_WORDS = wordTable<number>({one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9});
const TEENS = wordTable<number>({ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19});
const TENS = wordTable<number>({twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90});

function twoDigitWords(words: string): number | null {
  if (TEENS[words] !== undefined) return TEENS[words]!;
  const m = /^(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](one|two|three|four|five|six|seven|eight|nine))?$/.exec(words);
  if (!m) return null;
  return TENS[m[1]!]! + (m[2] ? UNITS_WORDS[m[2]]! : 0);
}

/** "nineteen ninety-six" → "1996", "the year two thousand" → "2000", "the nineties" → "199",
 *  "the winter of nineteen ninety-four" → "1994-WI", "January nineteen ninety-seven" → "1997-01". */
function spelledYear(t: string): string | null {
  if (!/(?:teen|ty|ties|thousand)/.test(t)) return null;
  const decade = /^(?:the )?(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)$/.exec(t);
  if (decade) return `19${TENS[decade[1]!.replace(/ies$/, "y")]! / 10}`;
  const m = new RegExp(`^(?:(?:the )?(spring|summer|fall|autumn|winter) of |(${MONTH_PATTERN}) )?(?:the year )?(?:(nineteen|twenty) ((?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|two thousand(?: and)?(?: (one|two|three|four|five|six|seven|eight|nine))?)$`).exec(t);
  if (!m) return null;
  let year: number;
  if (m[3]) {
    const low = twoDigitWords(m[4]!);
    if (low === null) return null;
    year = (m[3] === "nineteen" ? 1900 : 2000) + low;
  } else year = 2000 + (m[5] ? UNITS_WORDS[m[5]]! : 0);
  if (m[1]) return `${year}-${SEASONS[m[1]]}`;
  if (m[2]) return monthValue(year, monthNumber(m[2])!);
  return String(year);
}

/** Fixed and rule-based holidays common in English-language news, nearest occurrence (past bias). */
function holidayValue(t: string, anchor: LocalDateTime, future: boolean): string | null {
  const m = /^(?:(last|this|next|this past|on) )?(thanksgiving(?: day)?|christmas(?: day| eve)?|new year's(?: day| eve)?|easter(?: sunday| day| monday| week)?|good friday|palm sunday|holy week|independence day|the fourth of july|fourth of july|halloween|valentine's day|labor day|memorial day|election day|boxing day|anzac day|australia day|canada day|guy fawkes night|bonfire night)$/.exec(t);
  if (!m) return null;
  const name = m[2]!;
  const cue = m[1] ?? "";
  const on = (year: number): LocalDateTime => {
    const nth = (month: number, weekday: number, n: number) => {
      const first = weekdayOf({year, month, day: 1});
      return {year, month, day: 1 + ((weekday - first + 7) % 7) + 7 * (n - 1)};
    };
    if (name.startsWith("thanksgiving")) return nth(11, 4, 4);
    if (/^(?:easter|good friday|palm sunday|holy week)/.test(name)) {
      const easter = easterSunday(year);
      const shift = name === "good friday" ? -2 : name === "palm sunday" ? -7 : name === "easter monday" ? 1 : 0;
      return addDays(easter, shift);
    }
    if (name === "christmas eve") return {year, month: 12, day: 24};
    if (name.startsWith("christmas")) return {year, month: 12, day: 25};
    if (name === "new year's eve") return {year, month: 12, day: 31};
    if (name.startsWith("new year")) return {year, month: 1, day: 1};
    if (/independence|fourth of july/.test(name)) return {year, month: 7, day: 4};
    if (name === "halloween") return {year, month: 10, day: 31};
    if (name.startsWith("valentine")) return {year, month: 2, day: 14};
    if (name === "labor day") return nth(9, 1, 1);
    if (name === "memorial day") {
      const d = nth(5, 1, 4);
      return d.day + 7 <= 31 ? {...d, day: d.day + 7} : d;
    }
    if (name === "election day") {
      const firstMonday = nth(11, 1, 1);
      return {year, month: 11, day: firstMonday.day + 1};
    }
    if (name === "boxing day") return {year, month: 12, day: 26};
    if (name === "anzac day") return {year, month: 4, day: 25};
    if (name === "australia day") return {year, month: 1, day: 26};
    if (name === "canada day") return {year, month: 7, day: 1};
    return {year, month: 11, day: 5};
  };
  const key = (d: LocalDateTime) => Date.UTC(d.year, d.month - 1, d.day);
  const now = key(anchor);
  const thisYear = on(anchor.year);
  // "Holy Week" and "Easter week": the ISO week that ends on Easter Sunday.
  const format = /week$/.test(name) ? weekValue : dayValue;
  if (/next/.test(cue)) return format(key(thisYear) > now ? thisYear : on(anchor.year + 1));
  if (/last|past/.test(cue)) return format(key(thisYear) < now ? thisYear : on(anchor.year - 1));
  if (/this/.test(cue)) return format(thisYear);
  if (future) return format(key(thisYear) >= now ? thisYear : on(anchor.year + 1));
  return format(key(thisYear) <= now + 30 * 86_400_000 ? thisYear : on(anchor.year - 1));
}

/** Easter Sunday of a Gregorian year (the anonymous Gregorian computus). */
export function easterSunday(year: number): LocalDateTime {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const n = h + l - 7 * m + 114;
  return {year, month: Math.floor(n / 31), day: (n % 31) + 1};
}


function offsetQuarter(year: number, quarter: number, delta: number): [number, number] {
  const index = year * 4 + (quarter - 1) + delta;
  return [Math.floor(index / 4), (index % 4) + 1];
}

/** A month and day without a year: the occurrence nearest the anchor. */
export function nearestYearDate(anchor: LocalDateTime, month: number, day: number): LocalDateTime {
  let best: LocalDateTime | null = null;
  let bestDistance = Infinity;
  for (const year of [anchor.year - 1, anchor.year, anchor.year + 1]) {
    if (day > daysInMonth(year, month)) continue;
    const distance = Math.abs(Date.UTC(year, month - 1, day) - Date.UTC(anchor.year, anchor.month - 1, anchor.day));
    if (distance < bestDistance) {
      bestDistance = distance;
      best = {year, month, day};
    }
  }
  return best ?? {year: anchor.year, month, day: Math.min(day, 28)};
}

/** Parses a TimeML day value ("2017-01-09", also with a clock time or a part of day:
 *  "2017-01-09T09:00", "2017-01-09TNI") back into its date, or null for coarser values. */
export function dayFromValue(value: string | null): LocalDateTime | null {
  if (!value) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(?:\d{2}(?::\d{2}){0,2}|MO|AF|EV|NI|DT))?$/.exec(value);
  return m ? {year: +m[1]!, month: +m[2]!, day: +m[3]!} : null;
}
