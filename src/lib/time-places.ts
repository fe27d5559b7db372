/**
 * Places and datelines: which zone a dateline city ("NEW YORK (Reuters) -") or a place next to a
 * date ("in New York, U.S., January 9, 2017") puts an article in. The city table comes from
 * data/places.yaml, parsed by `parsePlaceTable`.
 */
import {parse as parseYaml} from "yaml";
import type {Span} from "./types.js";
import {isValidZone} from "./time-zones.js";
import {parseDateTime, type ParsedDateTime} from "./time-parse.js";

export interface Place {
  name: string;
  zone: string;
  country: string | null;
}

/** Place names (lower case, single spaces, no dots) → place. Ambiguous names are left out. */
export interface PlaceTable {
  byName: ReadonlyMap<string, Place>;
  /** Longest name, in words: bounds the lookup window. */
  maxWords: number;
}

export const EMPTY_PLACES: PlaceTable = {byName: new Map(), maxWords: 0};

export function placeKey(name: string): string {
  return name.toLowerCase().replace(/[’']/g, "'").replace(/\./g, "").replace(/\s+/g, " ").trim();
}

/**
 * Parses data/places.yaml into a list of places. Throws an Error naming the bad group when a zone
 * is not an IANA zone.
 * @example parsePlaceList("zones:\n  - {zone: Asia/Tokyo, country: JP, places: [Tokyo]}")[0] // {name: "Tokyo", zone: "Asia/Tokyo", country: "JP"}
 */
export function parsePlaceList(yamlText: string): Place[] {
  const doc = parseYaml(yamlText) as unknown;
  const groups = (doc && typeof doc === "object" ? (doc as {zones?: unknown}).zones : null) ?? [];
  if (!Array.isArray(groups)) throw new Error("places: `zones` must be a list of groups");
  const list: Place[] = [];
  groups.forEach((group: unknown, i: number) => {
    if (!group || typeof group !== "object") throw new Error(`places: group ${i + 1} is not a mapping`);
    const {zone, country, places} = group as {zone?: unknown; country?: unknown; places?: unknown};
    if (typeof zone !== "string" || !isValidZone(zone)) throw new Error(`places: group ${i + 1} has an unknown zone ${JSON.stringify(zone)}`);
    if (!Array.isArray(places)) throw new Error(`places: group ${i + 1} (${zone}) has no places list`);
    for (const name of places) {
      if (typeof name !== "string" || !name.trim()) continue;
      list.push({name: name.trim(), zone, country: typeof country === "string" ? country.toUpperCase() : null});
    }
  });
  return list;
}

/** Indexes a place list by name; a name listed under two zones is ambiguous and left out. */
export function buildPlaceTable(list: readonly Place[]): PlaceTable {
  const byName = new Map<string, Place>();
  const ambiguous = new Set<string>();
  let maxWords = 0;
  for (const place of list) {
    if (!isValidZone(place.zone)) continue;
    const key = placeKey(place.name);
    if (!key) continue;
    const existing = byName.get(key);
    if (existing && existing.zone !== place.zone) ambiguous.add(key);
    byName.set(key, place);
    maxWords = Math.max(maxWords, key.split(" ").length);
  }
  for (const key of ambiguous) byName.delete(key);
  return {byName, maxWords};
}

/** Parses data/places.yaml into an indexed table. */
export function parsePlaceTable(yamlText: string): PlaceTable {
  return buildPlaceTable(parsePlaceList(yamlText));
}

/** The place a name denotes, or null. */
export function lookupPlace(table: PlaceTable, name: string): Place | null {
  return table.byName.get(placeKey(name)) ?? null;
}

export interface Dateline {
  /** The city as printed (first of "NEW YORK/BEIJING"). */
  city: string;
  place: Place | null;
  /** A date printed in the dateline ("LONDON, Jan 9 (Reuters) -"), maybe without a year. */
  date: ParsedDateTime | null;
  /** The credit in parentheses ("Reuters"), if any, with its span. */
  credit: string | null;
  creditSpan: Span | null;
  span: Span;
}

// "NEW YORK/BEIJING (Reuters) -", "BERLIN —", "WASHINGTON, Jan 9 (AP) —", "SYDNEY, Australia (AFP) -",
// "Hong Kong, Jan 10 (Reuters) -". The city is upper case, or title case when a credit follows.
const DATELINE_RE =
  /^[ \t]*(?<city>(?:[A-Z][A-Z.'’-]+|[A-Z][a-z]+\.?)(?:[ /][A-Z][A-Za-z.'’-]*)*)(?:,[ \t]*(?<region>[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)*))?(?:,?[ \t]*(?<date>(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}(?:,[ \t]*\d{4})?)|(?:\d{1,2}[ \t]+[A-Z][a-z]{2,8}\.?(?:[ \t]+\d{4})?)))?[ \t]*(?:\((?<credit>[^()\n]{1,40})\))?[ \t]*(?:[-—–]{1,2}|:)[ \t]+\S/;

/**
 * The dateline of an article: looked for at the start of the first few lines after the headline.
 * A title-case city only counts when a credit or date follows it ("Hong Kong (Reuters) -"), so an
 * ordinary sentence start is not taken for a dateline.
 */
export function findDateline(text: string, titleSpan: Span | null, places: PlaceTable): Dateline | null {
  let offset = titleSpan ? titleSpan[1] : 0;
  let lines = 0;
  const lineRe = /[^\n]*/y;
  while (offset < text.length && lines < 6) {
    lineRe.lastIndex = offset;
    const m = lineRe.exec(text);
    const line = m ? m[0] : "";
    if (line.trim()) {
      lines++;
      const d = DATELINE_RE.exec(line.slice(0, 200));
      if (d?.groups) {
        const g = d.groups;
        const upper = /^[A-Z .'’/-]+$/.test(g.city!) && /[A-Z]{3}/.test(g.city!);
        if (upper || g.credit || g.date) {
          const city = g.city!.split("/")[0]!.trim();
          const place = lookupPlace(places, city) ?? (g.region ? lookupPlace(places, `${city} ${g.region}`) : null);
          if (upper || place) {
            const start = offset + line.indexOf(g.city!);
            let credit: string | null = null;
            let creditSpan: Span | null = null;
            if (g.credit) {
              const rel = d[0].lastIndexOf(`(${g.credit})`);
              credit = g.credit.trim();
              creditSpan = [offset + d.index + rel + 1, offset + d.index + rel + 1 + g.credit.length];
            }
            let date: ParsedDateTime | null = null;
            if (g.date) {
              const rel = d[0].indexOf(g.date);
              const parsed = parseDateTime(g.date);
              if (parsed) date = {...parsed, span: [offset + d.index + rel + parsed.span[0], offset + d.index + rel + parsed.span[1]]};
            }
            return {city, place, date, credit, creditSpan, span: [start, offset + d.index + d[0].length - 1]};
          }
        }
      }
    }
    offset += line.length + 1;
  }
  return null;
}

const PLACE_CUE = /\b(?:in|at|from|near|outside|inside)\s+(?:the\s+)?(?=[A-Z])/g;

/**
 * The first known place named after "in/at/from/near" inside `span` of `text` (longest name wins:
 * "New York City" before "New York").
 * @example placeIn("met at City Hall in New York on Monday", [0, 40], table)?.place.zone // "America/New_York"
 */
export function placeIn(text: string, span: Span, places: PlaceTable): {place: Place; span: Span} | null {
  if (places.maxWords === 0) return null;
  const slice = text.slice(span[0], span[1]);
  const cue = new RegExp(PLACE_CUE.source, "g");
  let m: RegExpExecArray | null;
  while ((m = cue.exec(slice))) {
    const from = m.index + m[0].length;
    const wordsRe = /[A-Z][\p{L}.'’-]*(?:\s+[A-Z][\p{L}.'’-]*)*/uy;
    wordsRe.lastIndex = from;
    const w = wordsRe.exec(slice);
    if (!w) continue;
    const names = w[0].split(/\s+/).slice(0, places.maxWords);
    for (let n = names.length; n >= 1; n--) {
      const candidate = names.slice(0, n).join(" ").replace(/[.,'’]+$/, "");
      const place = lookupPlace(places, candidate);
      if (place) {
        const start = span[0] + from;
        return {place, span: [start, start + candidate.length]};
      }
    }
  }
  return null;
}
