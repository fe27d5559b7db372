/**
 * Explicit dates and times as outlets print them: "Tuesday, 10 January, 2017, 8:01am",
 * "Jan. 9, 2017 4:52 PM ET", "10 January 2017 7:48pm", "2017-01-09T21:52:00Z", "19:48 GMT 10 Jan 2017".
 * Parsing only reads the wall clock and the zone as printed; time-zones.ts turns them into instants.
 * All regular expressions are compiled once, at module load.
 */
import type {Span} from "./types.js";
import {isValidDate, weekdayOf, ZONE_ABBREVIATIONS, type LocalDateTime} from "./time-zones.js";
import {wordTable} from "./word-table.js";

/** A date (and maybe a time and zone) found in a string. */
export interface ParsedDateTime {
  /** The calendar date; `year` is null when the text printed none ("Jan. 9"). */
  year: number | null;
  month: number;
  day: number;
  hour: number | null;
  minute: number | null;
  second: number | null;
  /** A zone abbreviation as printed ("ET", "AEDT", "GMT"), upper case. */
  zoneAbbreviation: string | null;
  /** A numeric offset as printed ("+08:00", "GMT+8", "Z"), minutes east. */
  offsetMinutes: number | null;
  /** Day of week as printed (0 = Sunday), or null. */
  weekday: number | null;
  /** Where the expression sits in the parsed string. */
  span: Span;
  text: string;
}

const MONTHS = wordTable<number>({
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12
});
const WEEKDAYS = wordTable<number>({
  sun: 0, sunday: 0, mon: 1, monday: 1, tue: 2, tues: 2, tuesday: 2, wed: 3, wednesday: 3, thu: 4, thur: 4,
  thurs: 4, thursday: 4, fri: 5, friday: 5, sat: 6, saturday: 6
});

export const MONTH_PATTERN =
  "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
export const WEEKDAY_PATTERN =
  "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)";
const ZONE_ALT = ZONE_ABBREVIATIONS.join("|");

/** Month name to number (1–12), or null. */
export function monthNumber(name: string): number | null {
  return MONTHS[name.toLowerCase().replace(/\.$/, "")] ?? null;
}

/** Weekday name to number (0 = Sunday), or null. */
export function weekdayNumber(name: string): number | null {
  return WEEKDAYS[name.toLowerCase().replace(/\.$/, "")] ?? null;
}

// Dates. Named groups: wd (weekday), d, m (month name), y, iso*, num*.
const WD = `(?:(?<wd>${WEEKDAY_PATTERN})\\.?,?\\s+)?`;
const DAY_MONTH = `(?<d1>\\d{1,2})(?:st|nd|rd|th)?(?:\\s+of)?\\s+(?<m1>${MONTH_PATTERN})\\.?,?(?:\\s+(?<y1>\\d{4}))?`;
const MONTH_DAY = `(?<m2>${MONTH_PATTERN})\\.?\\s+(?<d2>\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(?<y2>\\d{4}))?`;
const ISO = `(?<iy>\\d{4})-(?<im>\\d{2})-(?<id>\\d{2})(?:(?:T|\\s+)(?<ih>\\d{2}):(?<imin>\\d{2})(?::(?<is>\\d{2})(?:\\.\\d+)?)?\\s*(?<ioff>Z|[+-]\\d{2}:?\\d{2})?)?`;
const NUMERIC = `(?<na>\\d{1,2})[/.](?<nb>\\d{1,2})[/.](?<ny>\\d{4})`;
const DATE_RE = new RegExp(`\\b(?:${ISO}|${WD}(?:${DAY_MONTH}|${MONTH_DAY})|${NUMERIC})(?![\\w])`, "gi");

// Times: "8:01am", "8:01 a.m.", "19:48", "7.48pm", "7pm", "2052 GMT" (four digits only with a zone).
const CLOCK = `(?:(?<h>\\d{1,2})(?:[:.](?<min>\\d{2}))(?::(?<s>\\d{2}))?\\s*(?<ap>[ap]\\.?m\\.?)?|(?<h2>\\d{1,2})\\s*(?<ap2>[ap]\\.?m\\.?)|(?<h4>[01]\\d|2[0-3])(?<m4>[0-5]\\d)(?=\\s*(?:${ZONE_ALT})\\b))`;
const ZONE = `(?:\\s*\\(?(?:(?<off>(?:GMT|UTC)\\s*[+-]\\s*\\d{1,2}(?::?\\d{2})?|[+-]\\d{2}:?\\d{2})|\\b(?<abbr>${ZONE_ALT})\\b)\\)?)?`;
const TIME_AFTER = new RegExp(`^(?:\\s*[,|·•@\\-–—]?\\s*(?:at\\s+)?)(?:${CLOCK})(?![\\d])${ZONE}`, "i");
const TIME_BEFORE = new RegExp(`(?:${CLOCK})(?![\\d])${ZONE}\\s*(?:[,|·•\\-–—]|on)?\\s*$`, "i");

/** Cheap test: could this string hold a printed date? (a month name, an ISO or numeric date). */
const DATE_PREFILTER = new RegExp(`\\b${MONTH_PATTERN}\\b|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[/.]\\d{1,2}[/.]\\d{4}`, "i");

export function mayContainDate(text: string): boolean {
  return DATE_PREFILTER.test(text);
}

export interface ParseOptions {
  /** Read a numeric date "09/01/2017" day first (outside the US). Unambiguous ones need no hint. */
  dayFirst?: boolean | null;
}

/**
 * Every explicit date (with any time and zone printed next to it) in `text`, in order.
 * @example parseDateTimes("UPDATED : Tuesday, 10 January, 2017, 11:42pm")[0]
 * // {year: 2017, month: 1, day: 10, hour: 23, minute: 42, weekday: 2, …}
 */
export function parseDateTimes(text: string, options: ParseOptions = {}): ParsedDateTime[] {
  const found: ParsedDateTime[] = [];
  if (typeof text !== "string" || !text || !DATE_PREFILTER.test(text)) return found;
  const re = new RegExp(DATE_RE.source, DATE_RE.flags);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const parsed = fromDateMatch(m, text, options);
    if (parsed) {
      found.push(parsed);
      re.lastIndex = Math.max(re.lastIndex, parsed.span[1]);
    }
  }
  return found;
}

/** The first explicit date in `text`, or null. */
export function parseDateTime(text: string, options: ParseOptions = {}): ParsedDateTime | null {
  return parseDateTimes(text, options)[0] ?? null;
}

function fromDateMatch(m: RegExpExecArray, text: string, options: ParseOptions): ParsedDateTime | null {
  const g = m.groups ?? {};
  let start = m.index;
  let end = m.index + m[0].length;
  let year: number | null = null;
  let month: number;
  let day: number;
  let hour: number | null = null;
  let minute: number | null = null;
  let second: number | null = null;
  let abbr: string | null = null;
  let offset: number | null = null;
  const weekday = g.wd ? weekdayNumber(g.wd) : null;
  if (g.iy) {
    year = +g.iy;
    month = +g.im!;
    day = +g.id!;
    if (g.ih) {
      hour = +g.ih;
      minute = +g.imin!;
      second = g.is ? +g.is : 0;
      if (g.ioff) offset = parseOffset(g.ioff);
    }
  } else if (g.ny) {
    const a = +g.na!;
    const b = +g.nb!;
    year = +g.ny;
    if (a > 12 && b <= 12) [day, month] = [a, b];
    else if (b > 12 && a <= 12) [month, day] = [a, b];
    else if (a === b) [month, day] = [a, b];
    else if (options.dayFirst === true) [day, month] = [a, b];
    else if (options.dayFirst === false) [month, day] = [a, b];
    else return null; // "09/01/2017" without a hint: January 9 or September 1
  } else {
    month = monthNumber(g.m1 ?? g.m2 ?? "") ?? 0;
    day = +(g.d1 ?? g.d2 ?? 0);
    const y = g.y1 ?? g.y2;
    year = y ? +y : null;
    // "May 2017" is a month, not May 20; a bare "may 5" in prose is too weak without a year.
    if ((g.m1 ?? g.m2 ?? "").toLowerCase() === "may" && year === null && !/^May\b/.test(g.m2 ?? "")) return null;
  }
  if (!isValidDate(year ?? 2000, month, day)) return null;
  if (year !== null && (year < 1900 || year > 2200)) return null;

  if (hour === null) {
    const after = TIME_AFTER.exec(text.slice(end, end + 40));
    const before = after ? null : TIME_BEFORE.exec(text.slice(Math.max(0, start - 40), start));
    const t = after ?? before;
    if (t) {
      const clock = readClock(t.groups ?? {});
      if (clock) {
        [hour, minute] = clock;
        second = 0;
        abbr = t.groups?.abbr ? t.groups.abbr.toUpperCase() : null;
        offset = t.groups?.off ? parseOffset(t.groups.off) : null;
        if (after) end += t[0].length;
        else start = Math.max(0, start - 40) + t.index;
      }
    }
  }
  const parsed: ParsedDateTime = {
    year, month, day, hour, minute, second,
    zoneAbbreviation: abbr, offsetMinutes: offset, weekday,
    span: [start, end], text: text.slice(start, end)
  };
  return parsed;
}

const CLOCK_ONLY = new RegExp(`(?<![\\d:.])(?:${CLOCK})(?![\\d])${ZONE}`, "i");
const WEEKDAY_WORD = new RegExp(`\\b(?<wd>${WEEKDAY_PATTERN})\\b`, "i");

/**
 * A time of day printed with no date ("Updated at 9:50 p.m. ET Thursday", "updated 10:15"), with
 * its zone and any weekday named in the same text: a ParsedDateTime whose `year` is null and whose
 * `month` and `day` are 0 (no date). Null when the text prints no clock time.
 * @example parseClockTime("Updated at 9:50 p.m. ET Thursday") // {hour: 21, minute: 50, zoneAbbreviation: "ET", weekday: 4, …}
 */
export function parseClockTime(text: string): ParsedDateTime | null {
  if (typeof text !== "string") return null;
  const t = CLOCK_ONLY.exec(text);
  if (!t) return null;
  const clock = readClock(t.groups ?? {});
  if (!clock) return null;
  const wd = WEEKDAY_WORD.exec(text);
  return {
    year: null, month: 0, day: 0, hour: clock[0], minute: clock[1], second: 0,
    zoneAbbreviation: t.groups?.abbr ? t.groups.abbr.toUpperCase() : null,
    offsetMinutes: t.groups?.off ? parseOffset(t.groups.off) : null,
    weekday: wd ? weekdayNumber(wd.groups!.wd!) : null,
    span: [t.index, t.index + t[0].length],
    text: t[0]
  };
}

function readClock(g: Record<string, string | undefined>): [number, number] | null {
  let hour: number;
  let minute: number;
  let ap: string | undefined;
  if (g.h !== undefined) {
    hour = +g.h;
    minute = +(g.min ?? 0);
    ap = g.ap;
  } else if (g.h2 !== undefined) {
    hour = +g.h2;
    minute = 0;
    ap = g.ap2;
  } else if (g.h4 !== undefined) {
    hour = +g.h4;
    minute = +(g.m4 ?? 0);
  } else return null;
  if (ap) {
    if (hour < 1 || hour > 12) return null;
    const pm = /^p/i.test(ap);
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return null;
  return [hour, minute];
}

/** "+08:00", "-0500", "GMT+8", "UTC-3:30", "Z" → minutes east. */
export function parseOffset(text: string): number | null {
  const t = text.replace(/\s+/g, "").toUpperCase();
  if (t === "Z") return 0;
  const m = /^(?:GMT|UTC)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(t);
  if (!m) return null;
  const minutes = +m[2]! * 60 + +(m[3] ?? 0);
  if (minutes > 14 * 60) return null;
  return (m[1] === "-" ? -1 : 1) * minutes;
}

/** The local date and time of a parse (year filled in by the caller when none was printed). */
export function toLocal(parsed: ParsedDateTime, year: number): LocalDateTime {
  const local: LocalDateTime = {year: parsed.year ?? year, month: parsed.month, day: parsed.day};
  if (parsed.hour !== null) {
    local.hour = parsed.hour;
    local.minute = parsed.minute ?? 0;
    local.second = parsed.second ?? 0;
  }
  return local;
}

/** Whether a printed weekday agrees with the date (true when none was printed or no year). */
export function weekdayAgrees(parsed: ParsedDateTime): boolean {
  if (parsed.weekday === null || parsed.year === null) return true;
  return weekdayOf({year: parsed.year, month: parsed.month, day: parsed.day}) === parsed.weekday;
}

const RELATIVE_AGO = /\b(?:(an?|one|\d{1,3})\s+(second|sec|minute|min|hour|hr|day|week|month|year)s?|(just now|moments?))\s*(?:ago)?\b/i;

/** Minutes in each unit of a relative stamp. */
const MINUTES_PER_UNIT = wordTable<number>({second: 1 / 60, sec: 1 / 60, minute: 1, min: 1, hour: 60, hr: 60, day: 1440, week: 10080, month: 43200, year: 525600});

/**
 * A relative stamp such as "3 hours ago", "an hour ago", "2 days ago" → its age in minutes, or null.
 * @example relativeAgeMinutes("Updated 3 hours ago") // 180
 */
export function relativeAgeMinutes(text: string): number | null {
  if (!/\bago\b|\bjust now\b/i.test(text)) return null;
  const m = RELATIVE_AGO.exec(text);
  if (!m) return null;
  if (m[3]) return 0;
  const n = /^\d+$/.test(m[1]!) ? +m[1]! : 1;
  const unit = m[2]!.toLowerCase();
  return n * (MINUTES_PER_UNIT[unit] ?? 0);
}
