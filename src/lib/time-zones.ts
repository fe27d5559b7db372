/**
 * Time zones: local wall-clock times to UTC instants (with daylight saving right for the date,
 * never the machine's zone), zone abbreviations resolved with context, and home zones from a web
 * domain's country code. Time is UTC inside; zones are applied here, at the edges.
 */
import {TZDate, tzOffset} from "@date-fns/tz";
import {wordTable} from "./word-table.js";

/** A calendar date and optional wall-clock time, as printed (month 1–12). */
export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
}

const zoneValidity = new Map<string, boolean>();

/**
 * Whether `zone` is an IANA zone name this runtime knows.
 * @example isValidZone("Asia/Hong_Kong") // true
 */
export function isValidZone(zone: string | null | undefined): zone is string {
  if (!zone || typeof zone !== "string") return false;
  let ok = zoneValidity.get(zone);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat("en-US", {timeZone: zone});
      ok = Number.isFinite(tzOffset(zone, new Date(0)));
    } catch {
      ok = false;
    }
    zoneValidity.set(zone, ok);
  }
  return ok;
}

/**
 * The UTC instant (ms) of a wall-clock time in an IANA zone, daylight saving as in force that day.
 * Returns NaN for an invalid zone or date.
 * @example new Date(zonedToUtc({year: 2017, month: 1, day: 10, hour: 19, minute: 48}, "Australia/Sydney")).toISOString()
 * // "2017-01-10T08:48:00.000Z"
 */
export function zonedToUtc(local: LocalDateTime, zone: string): number {
  if (!isValidZone(zone) || !isValidDate(local.year, local.month, local.day)) return NaN;
  const {year, month, day} = local;
  const hour = local.hour ?? 0;
  const minute = local.minute ?? 0;
  const second = local.second ?? 0;
  // The articles of one corpus name few distinct days and times: each is converted once.
  const key = `${zone} ${year} ${month} ${day} ${hour} ${minute} ${second}`;
  let ms = utcOfLocal.get(key);
  if (ms === undefined) {
    ms = new TZDate(year, month - 1, day, hour, minute, second, zone).getTime();
    remember(utcOfLocal, key, ms);
  }
  return ms;
}

/** Conversions already made, by zone and wall-clock time, and offsets by zone and instant. */
const utcOfLocal = new Map<string, number>();
const offsetAtInstant = new Map<string, number>();
const REMEMBERED = 20_000;

function remember(cache: Map<string, number>, key: string, value: number): void {
  if (cache.size >= REMEMBERED) cache.clear();
  cache.set(key, value);
}

/** The UTC instant (ms) of a wall-clock time at a fixed offset from UTC (minutes east). */
export function offsetToUtc(local: LocalDateTime, offsetMinutes: number): number {
  if (!isValidDate(local.year, local.month, local.day)) return NaN;
  return Date.UTC(local.year, local.month - 1, local.day, local.hour ?? 0, local.minute ?? 0, local.second ?? 0) - offsetMinutes * 60_000;
}

/**
 * The UTC bounds [start, end) of a local calendar day in a zone (23 or 25 hours on DST days).
 * @example localDayBounds({year: 2017, month: 1, day: 9}, "America/New_York").map((t) => new Date(t).toISOString())
 * // ["2017-01-09T05:00:00.000Z", "2017-01-10T05:00:00.000Z"]
 */
export function localDayBounds(date: LocalDateTime, zone: string): [number, number] {
  const start = zonedToUtc({year: date.year, month: date.month, day: date.day}, zone);
  const next = addDays(date, 1);
  const end = zonedToUtc({year: next.year, month: next.month, day: next.day}, zone);
  return [start, end];
}

/** Offset of `zone` from UTC at instant `ms`, in minutes east (NaN for an invalid zone). */
export function zoneOffsetAt(zone: string, ms: number): number {
  if (!isValidZone(zone) || !Number.isFinite(ms)) return NaN;
  const key = `${zone} ${ms}`;
  let offset = offsetAtInstant.get(key);
  if (offset === undefined) {
    offset = tzOffset(zone, new Date(ms));
    remember(offsetAtInstant, key, offset);
  }
  return offset;
}

/** The local calendar date of instant `ms` in `zone`. */
export function localDateOf(ms: number, zone: string | null): LocalDateTime {
  const offset = zone ? zoneOffsetAt(zone, ms) : 0;
  const d = new Date(ms + (Number.isFinite(offset) ? offset : 0) * 60_000);
  return {year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes()};
}

export function isValidDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Calendar arithmetic on a date (no zone involved). */
export function addDays(date: LocalDateTime, days: number): LocalDateTime {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return {year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate()};
}

/** Day of week of a calendar date, 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: LocalDateTime): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

/** ISO instant without milliseconds: `2017-01-10T08:48:00Z`. */
export function isoUtc(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** Context for deciding what an ambiguous abbreviation (CST, IST, BST…) means. */
export interface ZoneContext {
  /** ISO 3166 alpha-2 country of the outlet, if known. */
  country?: string | null;
  /** Other zones known for the document: the outlet's home zone, the dateline city's zone. */
  zones?: readonly (string | null | undefined)[];
}

/** One reading of a zone abbreviation: an IANA zone (follows DST) or a fixed offset with a display zone. */
export interface ZoneReading {
  zone: string;
  /** Fixed offset in minutes east, when the abbreviation names one clock (AEDT = +11). */
  fixedOffset?: number;
  /** Countries where this reading is the usual one. */
  countries: string[];
}

/**
 * Zone abbreviations and their readings. US abbreviations follow daylight saving (a summer "EST" is
 * the usual misprint for EDT, so EST/EDT/ET all read as America/New_York for the date); Australian
 * and European ones name a fixed clock (Queensland keeps AEST all year).
 */
const ABBREVIATIONS = wordTable<ZoneReading[]>({
  UTC: [{zone: "UTC", fixedOffset: 0, countries: []}],
  GMT: [{zone: "UTC", fixedOffset: 0, countries: []}],
  Z: [{zone: "UTC", fixedOffset: 0, countries: []}],
  ET: [{zone: "America/New_York", countries: ["US", "CA"]}],
  EST: [{zone: "America/New_York", countries: ["US", "CA"]}],
  EDT: [{zone: "America/New_York", countries: ["US", "CA"]}],
  CT: [{zone: "America/Chicago", countries: ["US", "CA", "MX"]}],
  CDT: [{zone: "America/Chicago", countries: ["US", "CA", "MX"]}],
  CST: [
    {zone: "America/Chicago", countries: ["US", "CA", "MX"]},
    {zone: "Asia/Shanghai", fixedOffset: 480, countries: ["CN", "TW", "HK", "MO"]}
  ],
  MT: [{zone: "America/Denver", countries: ["US", "CA"]}],
  MST: [{zone: "America/Denver", countries: ["US", "CA"]}],
  MDT: [{zone: "America/Denver", countries: ["US", "CA"]}],
  PT: [{zone: "America/Los_Angeles", countries: ["US", "CA"]}],
  PST: [{zone: "America/Los_Angeles", countries: ["US", "CA"]}, {zone: "Asia/Manila", fixedOffset: 480, countries: ["PH"]}],
  PDT: [{zone: "America/Los_Angeles", countries: ["US", "CA"]}],
  AKST: [{zone: "America/Anchorage", countries: ["US"]}],
  AKDT: [{zone: "America/Anchorage", countries: ["US"]}],
  HST: [{zone: "Pacific/Honolulu", fixedOffset: -600, countries: ["US"]}],
  AST: [{zone: "America/Halifax", fixedOffset: -240, countries: ["CA", "PR"]}, {zone: "Asia/Riyadh", fixedOffset: 180, countries: ["SA", "KW", "IQ", "QA", "BH", "YE"]}],
  ADT: [{zone: "America/Halifax", fixedOffset: -180, countries: ["CA"]}],
  NST: [{zone: "America/St_Johns", fixedOffset: -210, countries: ["CA"]}],
  BST: [{zone: "Europe/London", fixedOffset: 60, countries: ["GB"]}, {zone: "Asia/Dhaka", fixedOffset: 360, countries: ["BD"]}],
  WET: [{zone: "Europe/Lisbon", fixedOffset: 0, countries: ["PT"]}],
  WEST: [{zone: "Europe/Lisbon", fixedOffset: 60, countries: ["PT"]}],
  CET: [{zone: "Europe/Paris", fixedOffset: 60, countries: []}],
  CEST: [{zone: "Europe/Paris", fixedOffset: 120, countries: []}],
  EET: [{zone: "Europe/Athens", fixedOffset: 120, countries: []}],
  EEST: [{zone: "Europe/Athens", fixedOffset: 180, countries: []}],
  MSK: [{zone: "Europe/Moscow", countries: ["RU"]}],
  IST: [
    {zone: "Asia/Kolkata", fixedOffset: 330, countries: ["IN"]},
    {zone: "Europe/Dublin", fixedOffset: 60, countries: ["IE"]},
    {zone: "Asia/Jerusalem", fixedOffset: 120, countries: ["IL"]}
  ],
  IDT: [{zone: "Asia/Jerusalem", fixedOffset: 180, countries: ["IL"]}],
  PKT: [{zone: "Asia/Karachi", fixedOffset: 300, countries: ["PK"]}],
  GST: [{zone: "Asia/Dubai", fixedOffset: 240, countries: ["AE", "OM"]}],
  ICT: [{zone: "Asia/Bangkok", fixedOffset: 420, countries: ["TH", "VN", "KH", "LA"]}],
  WIB: [{zone: "Asia/Jakarta", fixedOffset: 420, countries: ["ID"]}],
  SGT: [{zone: "Asia/Singapore", fixedOffset: 480, countries: ["SG"]}],
  MYT: [{zone: "Asia/Kuala_Lumpur", fixedOffset: 480, countries: ["MY"]}],
  HKT: [{zone: "Asia/Hong_Kong", fixedOffset: 480, countries: ["HK"]}],
  PHT: [{zone: "Asia/Manila", fixedOffset: 480, countries: ["PH"]}],
  AWST: [{zone: "Australia/Perth", fixedOffset: 480, countries: ["AU"]}],
  JST: [{zone: "Asia/Tokyo", fixedOffset: 540, countries: ["JP"]}],
  KST: [{zone: "Asia/Seoul", fixedOffset: 540, countries: ["KR"]}],
  ACST: [{zone: "Australia/Darwin", fixedOffset: 570, countries: ["AU"]}],
  ACDT: [{zone: "Australia/Adelaide", fixedOffset: 630, countries: ["AU"]}],
  AEST: [{zone: "Australia/Brisbane", fixedOffset: 600, countries: ["AU"]}],
  AEDT: [{zone: "Australia/Sydney", fixedOffset: 660, countries: ["AU"]}],
  NZST: [{zone: "Pacific/Auckland", fixedOffset: 720, countries: ["NZ"]}],
  NZDT: [{zone: "Pacific/Auckland", fixedOffset: 780, countries: ["NZ"]}],
  SAST: [{zone: "Africa/Johannesburg", fixedOffset: 120, countries: ["ZA"]}],
  WAT: [{zone: "Africa/Lagos", fixedOffset: 60, countries: ["NG"]}],
  EAT: [{zone: "Africa/Nairobi", fixedOffset: 180, countries: ["KE", "TZ", "UG", "ET"]}]
});

/** Zone abbreviations the parser accepts after a time (longest first for the regex). */
export const ZONE_ABBREVIATIONS: readonly string[] = Object.keys(ABBREVIATIONS).sort((a, b) => b.length - a.length);

/** The readings of a zone abbreviation (empty when unknown). */
export function zoneReadings(abbreviation: string): readonly ZoneReading[] {
  return ABBREVIATIONS[abbreviation.toUpperCase()] ?? [];
}

/**
 * The readings of an abbreviation that fit the context. One reading when the abbreviation is
 * unambiguous or the context decides (outlet country, or a known zone of the document in the same
 * region); all readings when it stays ambiguous, so the caller can widen the interval.
 * @example resolveZoneAbbreviation("CST", {country: "HK"})[0].zone // "Asia/Shanghai"
 */
export function resolveZoneAbbreviation(abbreviation: string, context: ZoneContext = {}): ZoneReading[] {
  const readings = zoneReadings(abbreviation);
  if (readings.length <= 1) return [...readings];
  const country = context.country?.toUpperCase() ?? null;
  if (country) {
    const byCountry = readings.filter((r) => r.countries.includes(country));
    if (byCountry.length === 1) return byCountry;
  }
  for (const zone of context.zones ?? []) {
    if (!zone) continue;
    const region = zone.split("/")[0];
    const byZone = readings.filter((r) => r.zone === zone);
    if (byZone.length === 1) return byZone;
    const byRegion = readings.filter((r) => r.zone.split("/")[0] === region && sameClockFamily(r.zone, zone));
    if (byRegion.length === 1) return byRegion;
  }
  return [...readings];
}

/** Zones close enough that the same abbreviation plausibly names both (same region and offset band). */
function sameClockFamily(a: string, b: string): boolean {
  const t = Date.UTC(2017, 0, 15);
  const oa = zoneOffsetAt(a, t);
  const ob = zoneOffsetAt(b, t);
  return Number.isFinite(oa) && Number.isFinite(ob) && Math.abs(oa - ob) <= 120;
}

/** UTC instant (ms) of a local time read with one abbreviation reading. */
export function readingToUtc(local: LocalDateTime, reading: ZoneReading): number {
  return reading.fixedOffset !== undefined ? offsetToUtc(local, reading.fixedOffset) : zonedToUtc(local, reading.zone);
}

/** Single-zone countries by ISO code: used for domains and registry entries without a zone. */
const COUNTRY_ZONES = wordTable<string>({
  AU: "Australia/Sydney", GB: "Europe/London", UK: "Europe/London", IN: "Asia/Kolkata", HK: "Asia/Hong_Kong",
  CN: "Asia/Shanghai", NZ: "Pacific/Auckland", IE: "Europe/Dublin", SG: "Asia/Singapore", JP: "Asia/Tokyo",
  KR: "Asia/Seoul", TW: "Asia/Taipei", PH: "Asia/Manila", MY: "Asia/Kuala_Lumpur", PK: "Asia/Karachi",
  BD: "Asia/Dhaka", LK: "Asia/Colombo", NP: "Asia/Kathmandu", TH: "Asia/Bangkok", VN: "Asia/Ho_Chi_Minh",
  DE: "Europe/Berlin", FR: "Europe/Paris", IT: "Europe/Rome", ES: "Europe/Madrid", NL: "Europe/Amsterdam",
  BE: "Europe/Brussels", CH: "Europe/Zurich", AT: "Europe/Vienna", SE: "Europe/Stockholm", NO: "Europe/Oslo",
  DK: "Europe/Copenhagen", FI: "Europe/Helsinki", PL: "Europe/Warsaw", CZ: "Europe/Prague", GR: "Europe/Athens",
  TR: "Europe/Istanbul", UA: "Europe/Kyiv", IL: "Asia/Jerusalem", AE: "Asia/Dubai", QA: "Asia/Qatar",
  SA: "Asia/Riyadh", EG: "Africa/Cairo", ZA: "Africa/Johannesburg", NG: "Africa/Lagos", KE: "Africa/Nairobi",
  GH: "Africa/Accra", AR: "America/Argentina/Buenos_Aires", CO: "America/Bogota", PE: "America/Lima",
  CL: "America/Santiago", PT: "Europe/Lisbon", HU: "Europe/Budapest", RO: "Europe/Bucharest", IS: "Atlantic/Reykjavik",
  MO: "Asia/Macau", SK: "Europe/Bratislava", HR: "Europe/Zagreb", RS: "Europe/Belgrade", BG: "Europe/Sofia",
  LU: "Europe/Luxembourg", MT: "Europe/Malta", CY: "Asia/Nicosia", JM: "America/Jamaica", FJ: "Pacific/Fiji"
});

/** Country-code top-level domains that are used as generic ones: no country zone from them. */
const GENERIC_CCTLDS = new Set(["io", "co", "tv", "me", "ai", "ly", "fm", "gg", "to", "ws", "cc", "nu", "tk", "am", "so", "st", "is", "la"]);

/**
 * The single home zone of a country (ISO 3166 alpha-2), or null when the country spans several
 * zones (US, CA, RU, BR, MX, ID…) or is unknown.
 * @example zoneForCountry("HK") // "Asia/Hong_Kong"
 */
export function zoneForCountry(country: string | null | undefined): string | null {
  if (!country) return null;
  return COUNTRY_ZONES[country.toUpperCase()] ?? null;
}

/**
 * The home zone implied by a domain's country-code suffix (.com.au, .co.uk, .in, .hk…), or null when
 * the suffix is generic (.com), names a country spanning several zones (.ca, .us), or is used as a
 * generic suffix (.io, .tv…).
 * @example zoneForDomain("www.example.com.au") // "Australia/Sydney"
 */
export function zoneForDomain(domain: string | null | undefined): {zone: string; country: string} | null {
  if (!domain) return null;
  const host = domain.toLowerCase().replace(/^[a-z]+:\/\//, "").split(/[/:?#]/)[0] ?? "";
  const tld = host.split(".").pop() ?? "";
  if (tld.length !== 2 || GENERIC_CCTLDS.has(tld)) return null;
  const country = tld === "uk" ? "GB" : tld.toUpperCase();
  const zone = COUNTRY_ZONES[country];
  return zone ? {zone, country} : null;
}
