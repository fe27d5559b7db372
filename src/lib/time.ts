/**
 * The time stage: every document's published, updated and event time on one UTC axis, each with
 * the zone it was printed or implied in, its uncertainty as an interval, its basis and evidence.
 *
 * Pass 1 reads each document on its own: metadata (front matter, news-please `date_publish`),
 * explicit "Published …"/"UPDATED : …" lines, a dated photo caption read in the dateline's zone,
 * update notes ("refiled to fix typo"), and the reported event's day ("on Monday") anchored on a
 * date the article states. Pass 2 anchors what is left on the other documents (weaker basis
 * `relative-day:corpus`) and forms the corpus consensus on the event day.
 *
 * Only lines that can hold a date are parsed: a prefilter regex picks candidate lines first.
 */
import type {Diagnostic, DocumentRecord, Evidence, OutletRegistry, Span, TimeEstimate} from "./types.js";
import {
  addDays, isoUtc, isValidZone, localDateOf, localDayBounds, offsetToUtc, readingToUtc, resolveZoneAbbreviation,
  weekdayOf, zonedToUtc, zoneForCountry, zoneForDomain, zoneOffsetAt, type LocalDateTime
} from "./time-zones.js";
import {mayContainDate, parseClockTime, parseDateTime, parseDateTimes, relativeAgeMinutes, toLocal, weekdayAgrees, type ParsedDateTime} from "./time-parse.js";
import {buildPlaceTable, findDateline, placeIn, type Dateline, type PlaceTable} from "./time-places.js";
import {dayFromValue, resolveDateExpression, tenseAround} from "./time-relative.js";
import {hostOf} from "./outlet.js";
import {sentences} from "./text.js";

export {resolveDateExpression} from "./time-relative.js";

/** How long after publication an update with no printed time is assumed to fall within (ms). */
export const UPDATE_HORIZON_MS = 7 * 86_400_000;
/** News copy says "on Monday" for days within the past week: publication within this of the event day. */
export const WEEKDAY_HORIZON_MS = 7 * 86_400_000;
const HOUR = 3_600_000;
const DAY_MS = 24 * HOUR;
/** Offsets a zone-less local time could be in, when no zone is known at all: UTC−12 … UTC+14. */
const EARLIEST_OFFSET_H = 14;
const LATEST_OFFSET_H = 12;

/** What is known about a document's clock: zones to read printed local times in, and the country. */
export interface ReadingContext {
  /** Zone a zone-less time is read in (declared > outlet home > dateline), or null. */
  zone: string | null;
  /** How that zone was chosen: `declared-zone`, `outlet-zone`, `dateline-zone`… */
  zoneBasis: string | null;
  country: string | null;
  /** All zones known for the document (decide CST/IST/BST). */
  zones: (string | null)[];
  /** Read "09/01/2017" day first (outside the US). */
  dayFirst: boolean | null;
}

interface Reading {
  estimate: TimeEstimate;
  /** Interval width (ms): narrower evidence wins. */
  width: number;
  notes: {code: string; level: Diagnostic["level"]; message: string}[];
  /** The calendar date printed, when no zone is known: the article's own local date, however
   *  wide the instant's window (every offset from UTC−12 to UTC+14). */
  printedDate?: LocalDateTime;
}

const placeCache = new WeakMap<object, PlaceTable>();
function placesOf(registry: OutletRegistry): PlaceTable {
  const list = registry.places ?? [];
  let table = placeCache.get(list);
  if (!table) {
    table = buildPlaceTable(list);
    placeCache.set(list, table);
  }
  return table;
}

const midpoint = (a: number, b: number) => Math.round((a + b) / 2 / 60_000) * 60_000;

function makeEstimate(earliest: number, latest: number, best: number, timezone: string | null, basis: string, evidence: Evidence[]): TimeEstimate {
  return {earliest: isoUtc(earliest), latest: isoUtc(latest), best: isoUtc(Math.min(latest, Math.max(earliest, best))), timezone, basis, evidence};
}

/**
 * Turns a parsed date/time into an estimate: a printed offset or zone abbreviation first (ambiguous
 * abbreviations decided by context, else widened over their readings), then the context zone, else
 * widened over every possible offset. A date without a time covers its local day.
 * @example readParsed(parseDateTime("Published 10 January 2017 7:48pm")!, {zone: "Australia/Sydney", …}, "explicit-line", [])
 * // estimate.best === "2017-01-10T08:48:00Z"
 */
export function readParsed(parsed: ParsedDateTime, context: ReadingContext, basis: string, evidence: Evidence[], year: number | null = null): Reading | null {
  const y = parsed.year ?? year;
  if (y === null) return null;
  const local = toLocal(parsed, y);
  const notes: Reading["notes"] = [];
  const hasTime = parsed.hour !== null;
  if (!weekdayAgrees(parsed)) notes.push({code: "time-weekday-mismatch", level: "warning", message: `"${parsed.text}" names a weekday that does not fall on that date; the date is used.`});

  if (hasTime && parsed.offsetMinutes !== null) {
    const t = offsetToUtc(local, parsed.offsetMinutes);
    if (!Number.isFinite(t)) return null;
    const zone = context.zone && zoneOffsetAt(context.zone, t) === parsed.offsetMinutes ? context.zone : null;
    return {estimate: makeEstimate(t, t, t, zone, `${basis}:printed-offset`, evidence), width: 0, notes};
  }
  if (hasTime && parsed.zoneAbbreviation) {
    const readings = resolveZoneAbbreviation(parsed.zoneAbbreviation, {country: context.country, zones: context.zones});
    const instants = readings.map((r) => readingToUtc(local, r)).filter(Number.isFinite);
    if (instants.length) {
      const earliest = Math.min(...instants);
      const latest = Math.max(...instants);
      const first = readings[0]!;
      let zone = first.zone === "UTC" ? null : first.zone;
      // "AEST" printed by a Sydney outlet: name the outlet's zone when its clock agrees.
      if (zone && context.zone && first.fixedOffset !== undefined && zoneOffsetAt(context.zone, instants[0]!) === first.fixedOffset) zone = context.zone;
      if (readings.length > 1) {
        notes.push({code: "time-zone-ambiguous", level: "info", message: `"${parsed.zoneAbbreviation}" can mean ${readings.map((r) => r.zone).join(" or ")}; nothing in the document decides, so the time covers every reading.`});
        return {estimate: makeEstimate(earliest, latest, instants[0]!, null, `${basis}:ambiguous-zone`, evidence), width: latest - earliest, notes};
      }
      return {estimate: makeEstimate(earliest, latest, earliest, zone, `${basis}:printed-zone`, evidence), width: 0, notes};
    }
  }
  if (context.zone) {
    if (hasTime) {
      const t = zonedToUtc(local, context.zone);
      if (!Number.isFinite(t)) return null;
      return {estimate: makeEstimate(t, t, t, context.zone, `${basis}+${context.zoneBasis ?? "zone"}`, evidence), width: 0, notes};
    }
    const [start, end] = localDayBounds(local, context.zone);
    if (!Number.isFinite(start) || !Number.isFinite(end)) return null;
    return {estimate: makeEstimate(start, end, midpoint(start, end), context.zone, `${basis}+${context.zoneBasis ?? "zone"}:date-only`, evidence), width: end - start, notes};
  }
  // No zone known: every offset from UTC−12 to UTC+14 is possible.
  const asUtc = offsetToUtc(hasTime ? local : {year: local.year, month: local.month, day: local.day}, 0);
  if (!Number.isFinite(asUtc)) return null;
  const start = asUtc - EARLIEST_OFFSET_H * HOUR;
  const end = asUtc + (hasTime ? 0 : 24 * HOUR) + LATEST_OFFSET_H * HOUR;
  notes.push({code: "time-zone-unknown", level: "info", message: `"${parsed.text}" prints no zone and none is known for the outlet or dateline; the time covers every zone.`});
  return {estimate: makeEstimate(start, end, hasTime ? asUtc : midpoint(start, end), null, `${basis}:zone-unknown${hasTime ? "" : ":date-only"}`, evidence), width: end - start, notes, printedDate: {year: local.year, month: local.month, day: local.day}};
}

/**
 * A metadata time (front matter `published:`, news-please `date_publish`): ISO with or without zone.
 * A zone-less time of exactly 00:00:00 is a date without a time.
 */
export function readDeclaredTime(value: string, context: ReadingContext, basis: string, source: Evidence["source"]): Reading | null {
  if (typeof value !== "string" || !value.trim()) return null;
  const text = value.trim().slice(0, 100);
  const parsed = parseDateTime(text, {dayFirst: context.dayFirst});
  if (!parsed || parsed.year === null) return null;
  let p = parsed;
  if (p.hour === 0 && p.minute === 0 && (p.second ?? 0) === 0 && p.offsetMinutes === null && p.zoneAbbreviation === null) {
    p = {...p, hour: null, minute: null, second: null};
  }
  return readParsed(p, context, basis, [{text, span: null, source}]);
}

// Explicit lines.
const LABEL =
  /^[ \t]*(?:(?<pub>(?:first |originally )?(?:published|posted|created|issued|released|dated?|publication date))|(?<upd>(?:last |most recently )?(?:updated?|modified|revised|amended|refiled|edited)))\b(?:[ \t]+(?:on|at))?[ \t]*[:\-–—|]?[ \t]*/i;
const LABEL_PREFILTER = /\b(?:published|posted|created|issued|released|dated?|updated?|modified|revised|amended|refiled|edited|publication)\b/i;
const UPDATE_NOTE =
  /\b(?:has been|have been|was|were|is being) (?:refiled|corrected|updated|amended|revised|clarified|re-?issued)\b|\brefiled to\b|\b(?:corrects|updates) (?:to|with)\b|^[ \t]*\(?(?:CORRECTED|UPDATED|UPDATE \d+|REFILE|CORRECTION|Correction|Clarification|Editor['’]s note)\b/m;
/** What every update note holds (a necessary condition, checked once per text, which most texts fail). */
const UPDATE_NOTE_WORD = /refile|correct|Correct|update|amended|revised|clarified|issued|REFILE|CORRECT|UPDATE|Clarification|Editor/;
/** A caption that calls its photo a file photo ("File - In this Dec. 28, 2017 file photo, …"): its
 *  date is the photo's, taken before the article was written, perhaps years before. */
const FILE_PHOTO = /\bfile[ \t]+(?:photo|picture|image|photograph|footage)s?\b|^[ \t]*file[ \t]*[-–—:]/i;
const PHOTO_MARK = /\b[A-Z]{2,}(?: Photo)?[ \t]?\/[ \t]?[A-Z]|\b(?:Photo|Picture|Image|Photograph|Credit)s?[ \t]*:|\bAP Photo\b|\bGetty Images\b|\bPhoto by\b/;
const RELDAY =
  /\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?![ \t]*,?[ \t]*(?:\d{1,2}(?:st|nd|rd|th)?[ \t]+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?[ \t]*\d)|\b(yesterday|last night)\b/gi;

interface Line {
  start: number;
  end: number;
  text: string;
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    lines.push({start, end, text: text.slice(start, end)});
    start = end + 1;
  }
  return lines;
}

function shift(parsed: ParsedDateTime, by: number): ParsedDateTime {
  return {...parsed, span: [parsed.span[0] + by, parsed.span[1] + by]};
}

/** The time of day printed in an update note's line (`parseClockTime`), with its span in the whole text. */
function clockIn(line: string, lineStart: number, note: Evidence): TimeReading["updateClock"] {
  const clock = parseClockTime(line);
  return clock ? {clock: shift(clock, lineStart), note} : null;
}

/**
 * An update note that prints a time of day but no date ("Updated at 9:50 p.m. ET Thursday"):
 * the first such time, on the weekday it names if any, from the earliest publication time on,
 * within the update horizon. Null when no day in the horizon gives one, or the time cannot be
 * placed (no zone printed or known).
 */
function placeUpdateClock(clock: ParsedDateTime, published: TimeEstimate, context: ReadingContext, evidence: Evidence[]): Reading | null {
  const from = Date.parse(published.earliest);
  const startDay = localDateOf(from - DAY_MS, context.zone ?? published.timezone);
  for (let n = 0; n <= UPDATE_HORIZON_MS / DAY_MS + 1; n++) {
    const day = addDays(startDay, n);
    if (clock.weekday !== null && weekdayOf(day) !== clock.weekday) continue;
    const reading = readParsed({...clock, year: day.year, month: day.month, day: day.day, weekday: null}, context, "update-note-clock", evidence);
    if (!reading || reading.width > 0) return null;
    const at = Date.parse(reading.estimate.best);
    if (at < from) continue;
    if (at > Date.parse(published.latest) + UPDATE_HORIZON_MS) return null;
    return reading;
  }
  return null;
}

/** The document's own signals, before the corpus is consulted. */
interface DocumentReading extends TimeReading {
  doc: DocumentRecord;
}

/**
 * What one document says about its own times (`readDocumentTimes`): plain data, so it can be
 * computed on another thread and handed to `resolveTimes`.
 */
export interface TimeReading {
  context: ReadingContext;
  dateline: Dateline | null;
  published: Reading | null;
  updated: Reading | null;
  /** An update note with no date printed ("refiled to fix typo", "Updated at 9:50 p.m. ET Thursday"). */
  updateNotes: Evidence[];
  /** The time of day the first such note prints, if any ("9:50 p.m. ET", with its weekday), and that note. */
  updateClock: {clock: ParsedDateTime; note: Evidence} | null;
  /** The first relative-day mention ("on Monday"), its sentence, and the zone of a place named with it. */
  mention: {text: string; span: Span; sentence: Span; placeZone: string | null; placeEvidence: Evidence | null} | null;
  /** A date stated in the article that relative days can be anchored on. */
  anchor: {date: LocalDateTime; basis: string; evidence: Evidence} | null;
  event: TimeEstimate | null;
  diagnostics: Diagnostic[];
}

function readingContext(doc: DocumentRecord, registry: OutletRegistry, dateline: Dateline | null): ReadingContext {
  const declaredZone = isValidZone(doc.declared?.timezone) ? doc.declared!.timezone! : null;
  const entry = doc.outlet?.registryId ? registry.outlets.find((o) => o.id === doc.outlet!.registryId) ?? null : null;
  const host = hostOf(doc.declared?.domain) ?? hostOf(doc.url);
  const domainZone = host ? zoneForDomain(host) : null;
  const outletZone = isValidZone(doc.outlet?.timezone) ? doc.outlet!.timezone! : null;
  const country = entry?.country ?? domainZone?.country ?? dateline?.place?.country ?? null;
  const datelineZone = dateline?.place?.zone ?? null;
  let zone: string | null = null;
  let zoneBasis: string | null = null;
  if (declaredZone) [zone, zoneBasis] = [declaredZone, "declared-zone"];
  else if (outletZone) [zone, zoneBasis] = [outletZone, "outlet-zone"];
  else if (datelineZone) [zone, zoneBasis] = [datelineZone, "dateline-zone"];
  else if (zoneForCountry(country)) [zone, zoneBasis] = [zoneForCountry(country), "country-zone"];
  return {zone, zoneBasis, country, zones: [declaredZone, outletZone, datelineZone, domainZone?.zone ?? null], dayFirst: country === null ? null : country !== "US"};
}

function pickNarrowest(candidates: (Reading | null)[]): Reading | null {
  let best: Reading | null = null;
  for (const c of candidates) if (c && (!best || c.width < best.width)) best = c;
  return best;
}

/**
 * The first pass of `resolveTimes` for one document (outlet already attributed): its own dates,
 * lines, caption, dateline and first relative day, before the corpus is consulted.
 * @example resolveTimes(docs, registry, docs.map((d) => readDocumentTimes(d, registry)))
 */
export function readDocumentTimes(doc: DocumentRecord, registry: OutletRegistry): TimeReading {
  const {doc: _doc, ...reading} = readDocument(doc, registry ?? {outlets: []}, placesOf(registry ?? {outlets: []}));
  return reading;
}

function readDocument(doc: DocumentRecord, registry: OutletRegistry, places: PlaceTable): DocumentReading {
  const text = typeof doc.text === "string" ? doc.text : "";
  const diagnostics: Diagnostic[] = [];
  const dateline = findDateline(text, doc.titleSpan, places);
  const context = readingContext(doc, registry, dateline);
  const declaredSource: Evidence["source"] = doc.format === "json" || doc.format === "jsonl" ? "json" : doc.format === "html" ? "html" : "front-matter";
  const declaredBasis = declaredSource === "front-matter" ? "front-matter" : "metadata";
  const note = (n: Reading["notes"][number]) => diagnostics.push({path: doc.path, documentId: doc.id, level: n.level, code: n.code, message: n.message});

  const declaredPublished = doc.declared?.published ? readDeclaredTime(doc.declared.published, context, declaredBasis, declaredSource) : null;
  const declaredUpdated = doc.declared?.updated ? readDeclaredTime(doc.declared.updated, context, declaredBasis, declaredSource) : null;

  let linePublished: Reading | null = null;
  let lineUpdated: Reading | null = null;
  let stampPublished: Reading | null = null;
  let caption: {parsed: ParsedDateTime; line: Line} | null = null;
  const updateNotes: Evidence[] = [];
  let updateClock: TimeReading["updateClock"] = null;
  const skip: Span[] = [];
  const mayHoldUpdateNote = UPDATE_NOTE_WORD.test(text);
  for (const line of linesOf(text)) {
    const raw = line.text;
    if (!raw.trim() || raw.length > 400) continue;
    const hasLabel = raw.length <= 200 && LABEL_PREFILTER.test(raw) ? LABEL.exec(raw) : null;
    if (hasLabel?.groups) {
      const rest = raw.slice(hasLabel[0].length);
      const offset = line.start + hasLabel[0].length;
      const parsed = mayContainDate(rest) ? parseDateTime(rest, {dayFirst: context.dayFirst}) : null;
      const isUpdate = Boolean(hasLabel.groups.upd);
      if (parsed && parsed.year !== null) {
        const p = shift(parsed, offset);
        const evidence: Evidence[] = [{text: raw.trim(), span: [line.start + (raw.length - raw.trimStart().length), line.start + raw.trimEnd().length], source: "text"}];
        const reading = readParsed(p, context, "explicit-line", evidence);
        if (reading) {
          skip.push([line.start, line.end]);
          if (isUpdate) lineUpdated ??= reading;
          else linePublished ??= reading;
          continue;
        }
      }
      const age = relativeAgeMinutes(rest);
      if (age !== null) {
        skip.push([line.start, line.end]);
        const ev: Evidence = {text: raw.trim(), span: [line.start, line.end], source: "text"};
        diagnostics.push({path: doc.path, documentId: doc.id, level: "info", code: "time-relative-unanchored", message: `"${raw.trim()}" is relative to when the page was read, which is not known; it cannot be placed on the timeline.`});
        if (isUpdate) updateNotes.push(ev);
        continue;
      }
      if (isUpdate && /^\s*(?:updated?|refiled|amended|revised)\b/i.test(raw) && raw.trim().length <= 40) {
        const note: Evidence = {text: raw.trim(), span: [line.start, line.end], source: "text"};
        updateNotes.push(note);
        updateClock ??= clockIn(raw, line.start, note);
        continue;
      }
    }
    if (mayHoldUpdateNote && UPDATE_NOTE.test(raw)) {
      const parsed = mayContainDate(raw) ? parseDateTime(raw, {dayFirst: context.dayFirst}) : null;
      const evidence: Evidence[] = [{text: raw.trim(), span: [line.start + (raw.length - raw.trimStart().length), line.start + raw.trimEnd().length], source: "text"}];
      const reading = parsed && parsed.year !== null ? readParsed(shift(parsed, line.start), context, "update-note", evidence) : null;
      if (reading) lineUpdated ??= reading;
      else {
        updateNotes.push(evidence[0]!);
        updateClock ??= clockIn(raw, line.start, evidence[0]!);
      }
      continue;
    }
    if (!mayContainDate(raw)) continue;
    const trimmed = raw.trim();
    if (!caption && PHOTO_MARK.test(raw) && !FILE_PHOTO.test(raw)) {
      const dated = parseDateTimes(raw, {dayFirst: context.dayFirst}).find((p) => p.year !== null);
      if (dated) caption = {parsed: shift(dated, line.start), line};
    }
    if (!stampPublished && trimmed.length <= 80) {
      const parsed = parseDateTime(raw, {dayFirst: context.dayFirst});
      if (parsed && parsed.year !== null && parsed.span[1] - parsed.span[0] >= 0.6 * trimmed.replace(/\s+/g, "").length) {
        const p = shift(parsed, line.start);
        stampPublished = readParsed(p, context, "date-line", [{text: trimmed, span: [p.span[0], p.span[1]], source: "text"}]);
        if (stampPublished) skip.push([line.start, line.end]);
      }
    }
  }

  // The first relative-day mention outside the date lines.
  let mention: DocumentReading["mention"] = null;
  const re = new RegExp(RELDAY.source, RELDAY.flags);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const at = m.index;
    if (skip.some(([s, e]) => at >= s && at < e)) continue;
    if (m[1] && !/^[A-Z]/.test(m[1])) continue; // weekdays are capitalised in news copy
    const sentence = sentenceAround(text, at);
    const place = placeIn(text, sentence, places);
    mention = {
      text: m[0], span: [at, at + m[0].length], sentence,
      placeZone: place?.place.zone ?? null,
      placeEvidence: place ? {text: text.slice(...place.span), span: place.span, source: "text"} : null
    };
    break;
  }

  // A dated caption (or a dateline with a year) bounds the publication to that local day, read in
  // the dateline's zone, else a place named in the caption, else the outlet's zone. A caption's
  // date is when its photo was taken, so it dates the article only when the photo shows what the
  // article reports as happening that day: the article's own weekday ("on Monday") names the
  // caption's day. Otherwise (a file photo, a gallery, an earlier event) it dates nothing.
  let captionReading: Reading | null = null;
  let anchor: DocumentReading["anchor"] = null;
  const captionDay = caption ? {year: caption.parsed.year!, month: caption.parsed.month, day: caption.parsed.day} : null;
  if (caption && captionDay && !(mention && sameDay(mentionDay(text, mention, captionDay), captionDay))) {
    const shown = `${captionDay.year}-${String(captionDay.month).padStart(2, "0")}-${String(captionDay.day).padStart(2, "0")}`;
    diagnostics.push({path: doc.path, documentId: doc.id, level: "info", code: "time-caption-not-event", message: mention ? `The photo caption's date (${shown}) is not the day the article's "${mention.text.trim()}" names, so it dates the photo, not the article.` : `The photo caption's date (${shown}) is not tied to the article by a day it names, so it dates the photo, not the article.`});
  } else if (caption) {
    const {parsed, line} = caption;
    const captionPlace = placeIn(text, [line.start, line.end], places);
    let zone = dateline?.place?.zone ?? null;
    let zoneBasis = "dateline-zone";
    if (!zone && captionPlace) [zone, zoneBasis] = [captionPlace.place.zone, "place-zone"];
    if (!zone) [zone, zoneBasis] = [context.zone, context.zoneBasis ?? "zone"];
    const evidence: Evidence[] = [{text: text.slice(line.start, line.end).trim(), span: [parsed.span[0], parsed.span[1]], source: "text"}];
    if (dateline?.place) evidence.push({text: dateline.city, span: [dateline.span[0], dateline.span[0] + dateline.city.length], source: "text"});
    else if (captionPlace) evidence.push({text: text.slice(...captionPlace.span), span: captionPlace.span, source: "text"});
    captionReading = readParsed({...parsed, hour: null, minute: null, second: null}, {...context, zone, zoneBasis: zoneBasis.replace(/-zone$/, "") + "-zone"}, "caption-date", evidence);
    if (captionReading) captionReading.estimate.basis = captionReading.estimate.basis.replace("caption-date+", "caption-date+");
    anchor = {date: {year: parsed.year!, month: parsed.month, day: parsed.day}, basis: "relative-day:caption", evidence: evidence[0]!};
  }
  if (!anchor && dateline?.date?.year != null) {
    const d = dateline.date;
    anchor = {date: {year: d.year!, month: d.month, day: d.day}, basis: "relative-day:dateline", evidence: {text: d.text, span: d.span, source: "text"}};
  }

  const published = pickNarrowest([declaredPublished, linePublished, stampPublished, captionReading]);
  for (const r of [declaredPublished, linePublished, stampPublished, captionReading]) {
    if (r && published && r !== published && (r.estimate.latest < published.estimate.earliest || r.estimate.earliest > published.estimate.latest)) {
      diagnostics.push({path: doc.path, documentId: doc.id, level: "warning", code: "time-conflict", message: `Publication evidence disagrees: ${published.estimate.basis} gives ${published.estimate.best}, ${r.estimate.basis} gives ${r.estimate.best}; the narrower is used.`});
    }
  }
  if (published) published.notes.forEach(note);
  const updated = pickNarrowest([declaredUpdated, lineUpdated]);
  if (updated) updated.notes.forEach(note);
  // The publication's local date anchors a weekday: read in its zone, or printed without one (the
  // printed date is the article's own, whatever zone it was printed in).
  if (!anchor && published) {
    const zoneKnown = published.estimate.basis.indexOf("zone-unknown") < 0;
    const local = zoneKnown && published.width <= 36 * HOUR ? localDateOf(Date.parse(published.estimate.best), published.estimate.timezone) : zoneKnown ? null : (published.printedDate ?? null);
    if (local) anchor = {date: local, basis: "relative-day:published", evidence: published.estimate.evidence[0] ?? {text: published.estimate.best, span: null, source: "corpus"}};
  }

  const reading: DocumentReading = {doc, context, dateline, published, updated, updateNotes, updateClock, mention, anchor, event: null, diagnostics};
  if (mention && anchor) reading.event = eventFromAnchor(reading, anchor.date, anchor.basis, [anchor.evidence], null);
  return reading;
}

function sentenceAround(text: string, offset: number): Span {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  let lineEnd = text.indexOf("\n", offset);
  if (lineEnd < 0) lineEnd = text.length;
  for (const [s, e] of sentences(text.slice(lineStart, lineEnd))) {
    if (offset >= lineStart + s && offset < lineStart + e) return [lineStart + s, lineStart + e];
  }
  return [lineStart, lineEnd];
}

/** The day a relative-day mention names when the article is anchored on `anchorDate`. */
function mentionDay(text: string, mention: NonNullable<DocumentReading["mention"]>, anchorDate: LocalDateTime): LocalDateTime | null {
  const anchorISO = `${String(anchorDate.year).padStart(4, "0")}-${String(anchorDate.month).padStart(2, "0")}-${String(anchorDate.day).padStart(2, "0")}`;
  return dayFromValue(resolveDateExpression(mention.text, anchorISO, {sentence: text.slice(...mention.sentence), offset: mention.span[0] - mention.sentence[0]}));
}

function sameDay(a: LocalDateTime | null, b: LocalDateTime): boolean {
  return a !== null && a.year === b.year && a.month === b.month && a.day === b.day;
}

/** Event day of a document's relative-day mention, anchored on `anchorDate`. */
function eventFromAnchor(r: DocumentReading, anchorDate: LocalDateTime, basis: string, anchorEvidence: Evidence[], fallbackZone: string | null): TimeEstimate | null {
  const mention = r.mention!;
  const text = r.doc.text;
  const day = mentionDay(text, mention, anchorDate);
  if (!day) return null;
  const zone = mention.placeZone ?? r.dateline?.place?.zone ?? fallbackZone ?? r.context.zone;
  const evidence: Evidence[] = [{text: text.slice(...mention.sentence).trim().slice(0, 300), span: mention.sentence, source: "text"}];
  if (mention.placeEvidence) evidence.push(mention.placeEvidence);
  evidence.push(...anchorEvidence);
  if (zone) {
    const [start, end] = localDayBounds(day, zone);
    return makeEstimate(start, end, midpoint(start, end), zone, basis, evidence);
  }
  const start = offsetToUtc(day, 0) - EARLIEST_OFFSET_H * HOUR;
  const end = offsetToUtc(addDays(day, 1), 0) + LATEST_OFFSET_H * HOUR;
  return makeEstimate(start, end, midpoint(start, end), null, `${basis}:zone-unknown`, evidence);
}

function localDayKey(estimate: TimeEstimate): string {
  const local = localDateOf(Date.parse(estimate.best), estimate.timezone);
  return `${local.year}-${String(local.month).padStart(2, "0")}-${String(local.day).padStart(2, "0")}`;
}

/** The event day most documents support, with a zone most of them name. */
function consensusOf<R extends {event: TimeEstimate | null}>(readings: readonly R[], accept: (r: R) => boolean): {day: LocalDateTime; zone: string | null; supporters: R[]} | null {
  const groups = new Map<string, R[]>();
  for (const r of readings) {
    if (!r.event || !accept(r)) continue;
    const key = localDayKey(r.event);
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  let bestKey: string | null = null;
  for (const [key, list] of groups) {
    const current = bestKey ? groups.get(bestKey)! : null;
    if (!current || list.length > current.length || (list.length === current.length && key < bestKey!)) bestKey = key;
  }
  if (!bestKey) return null;
  const supporters = groups.get(bestKey)!;
  const zoneCounts = new Map<string, number>();
  for (const r of supporters) if (r.event!.timezone) zoneCounts.set(r.event!.timezone, (zoneCounts.get(r.event!.timezone) ?? 0) + 1);
  const zone = [...zoneCounts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? null;
  return {day: dayFromValue(bestKey)!, zone, supporters};
}

/**
 * The consensus on the event among documents with an event time: the day most of them place it
 * on (in the zone most of those name), with each supporter's evidence; `total` counts the
 * documents with an event time.
 */
function consensusEvent(items: readonly {id: string; event: TimeEstimate | null}[]): {event: TimeEstimate; day: LocalDateTime; supporters: number; total: number} | null {
  const consensus = consensusOf(items, (r) => r.event !== null);
  if (!consensus) return null;
  const zone = consensus.zone;
  const total = items.filter((r) => r.event).length;
  const evidence: Evidence[] = consensus.supporters.map((s) => ({text: `${s.id}: ${s.event!.evidence[0]?.text ?? ""}`.slice(0, 300), span: null, source: "corpus" as const}));
  const basis = `consensus:${consensus.supporters.length}-of-${total}`;
  let event: TimeEstimate;
  if (zone) {
    const [start, end] = localDayBounds(consensus.day, zone);
    event = makeEstimate(start, end, midpoint(start, end), zone, basis, evidence);
  } else {
    const start = offsetToUtc(consensus.day, 0) - EARLIEST_OFFSET_H * HOUR;
    const end = offsetToUtc(addDays(consensus.day, 1), 0) + LATEST_OFFSET_H * HOUR;
    event = makeEstimate(start, end, midpoint(start, end), null, `${basis}:zone-unknown`, evidence);
  }
  return {event, day: consensus.day, supporters: consensus.supporters.length, total};
}

/**
 * The event day some documents (say, one story's) agree on, from their resolved event times, as
 * `resolveTimes` forms it for the whole corpus; null when none has an event time.
 * @example eventConsensus(analysis.documents)?.basis // "consensus:4-of-5"
 */
export function eventConsensus(documents: readonly DocumentRecord[]): TimeEstimate | null {
  return consensusEvent(documents.map((d) => ({id: d.id, event: d.event ?? null})))?.event ?? null;
}

/**
 * Resolves published, updated and event times for every document (documents already carry their
 * outlet). Relative days are anchored in-article first, then on the other documents.
 * Returns new documents (inputs are not mutated), the corpus consensus on the event, and diagnostics.
 */
export function resolveTimes(
  documents: readonly DocumentRecord[],
  registry: OutletRegistry,
  /** Each document's own reading (`readDocumentTimes`), when already computed (in document order). */
  ownReadings?: readonly TimeReading[],
  /** Which documents these are: the corpus, or one story (`placeWithinStories`), which names the
   *  basis of a relative day anchored on the others and lets a story's event day place a weekday
   *  even when its dated articles span more than a week. */
  scope: "corpus" | "story" = "corpus"
): {documents: DocumentRecord[]; event: TimeEstimate | null; diagnostics: Diagnostic[]} {
  const othersBasis = `relative-day:${scope}`;
  const readings: DocumentReading[] = ownReadings
    ? documents.map((doc, i) => ({...ownReadings[i]!, diagnostics: [...ownReadings[i]!.diagnostics], doc}))
    : (() => {
        const places = placesOf(registry ?? {outlets: []});
        return documents.map((doc) => readDocument(doc, registry ?? {outlets: []}, places));
      })();
  const diagnostics: Diagnostic[] = [];

  // Pass 2a: relative days with no anchor in their own article, anchored on the others.
  const strong = consensusOf(readings, (r) => r.event !== null);
  // Documents with in-article publication evidence, earliest first (ties in corpus order): sorted
  // once, not once per document (that was quadratic on large corpora).
  const anchors = readings
    .map((o, i) => [o, i] as const)
    .filter(([o]) => o.published && !o.published.estimate.basis.includes("zone-unknown"))
    .sort(([a, i], [b, j]) => (a.published!.estimate.best < b.published!.estimate.best ? -1 : a.published!.estimate.best > b.published!.estimate.best ? 1 : i - j))
    .map(([o]) => o);
  // Built once; on a large corpus only the first supporters are named (the text went into every
  // document that relied on it, and grew with the corpus).
  const strongEvidence = strong ? `event day ${localKey(strong.day)} stated by ${namedList(strong.supporters.map((s) => s.doc.id))}` : null;
  // The earliest publication dates a weekday only when the dated articles fall within one week: a
  // corpus that spans longer holds more than one news cycle, and the week is not known.
  const anchorSpan = anchors.length > 1 ? Date.parse(anchors[anchors.length - 1]!.published!.estimate.best) - Date.parse(anchors[0]!.published!.estimate.best) : 0;
  const anchorsAgree = anchorSpan <= WEEKDAY_HORIZON_MS;
  for (const r of readings) {
    if (r.event || !r.mention) continue;
    const weekday = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)/i.exec(r.mention.text.replace(/^(?:on|last|this)\s+/i, ""));
    let anchorDate: LocalDateTime | null = null;
    const evidence: Evidence[] = [];
    // The corpus's event day is this article's only when it can be: within the week before its own
    // publication when that is known, else when the dated articles fall within one week (a folder
    // of several stories has several event days, and the consensus is one story's).
    const consensusDay = strong ? Date.UTC(strong.day.year, strong.day.month - 1, strong.day.day) : NaN;
    // Within one story, an article that names the weekday of the day its story's articles agree on
    // reports that day, however long the story ran.
    const consensusFits = r.published
      ? consensusDay <= Date.parse(r.published.estimate.latest) + DAY_MS && consensusDay >= Date.parse(r.published.estimate.earliest) - WEEKDAY_HORIZON_MS - DAY_MS
      : anchorsAgree || scope === "story";
    if (strong && weekday && consensusFits && new Date(consensusDay).toUTCString().slice(0, 3).toLowerCase() === weekday[1]!.toLowerCase()) {
      anchorDate = strong.day;
      evidence.push({text: strongEvidence!, span: null, source: "corpus"});
    } else {
      // The earliest publication among the other documents with in-article evidence.
      const ref = anchors[0] === r ? anchors[1] : anchors[0];
      // An article whose own publication is known, if too loosely to place its weekday, is in the
      // other articles' week only when its publication falls within a week of theirs.
      const refTime = ref ? Date.parse(ref.published!.estimate.best) : NaN;
      const refFits = !r.published || (refTime <= Date.parse(r.published.estimate.latest) + WEEKDAY_HORIZON_MS && refTime >= Date.parse(r.published.estimate.earliest) - WEEKDAY_HORIZON_MS);
      if (ref && !anchorsAgree) {
        r.diagnostics.push({path: r.doc.path, documentId: r.doc.id, level: "info", code: "time-relative-corpus-spread", message: `"${r.mention.text.trim()}" names a day relative to when the article was written, which it does not print; the other articles were published over ${Math.round(anchorSpan / DAY_MS)} days, so they give no one week to place it in.`});
      } else if (ref && !refFits) {
        r.diagnostics.push({path: r.doc.path, documentId: r.doc.id, level: "info", code: "time-relative-other-week", message: `"${r.mention.text.trim()}" names a day relative to when the article was written, which is known only between ${r.published!.estimate.earliest} and ${r.published!.estimate.latest}; the other articles were published in another week (from ${ref.published!.estimate.best}), so they cannot place it.`});
      } else if (ref) {
        anchorDate = localDateOf(Date.parse(ref.published!.estimate.best), r.mention.placeZone ?? ref.published!.estimate.timezone);
        evidence.push({text: `published ${ref.published!.estimate.best} (${ref.doc.id})`, span: null, source: "corpus"});
      }
    }
    if (anchorDate) r.event = eventFromAnchor(r, anchorDate, othersBasis, evidence, strong?.zone ?? null);
  }

  // Pass 2b: documents with no publication evidence of their own: after the event day they
  // describe with a weekday, within the week news copy uses weekdays for; before it when they
  // tell it as still to come ("when it launches on Tuesday").
  for (const r of readings) {
    if (r.published || !r.event || !r.mention) continue;
    const start = Date.parse(r.event.earliest);
    const end = Date.parse(r.event.latest);
    const basis = r.event.basis.startsWith(othersBasis) ? othersBasis : `after-event:${r.event.basis}`;
    const sentence = r.doc.text.slice(...r.mention.sentence);
    const ahead = tenseAround(sentence, r.mention.text, r.mention.span[0] - r.mention.sentence[0]) === "future";
    r.published = {
      estimate: ahead
        ? makeEstimate(end - WEEKDAY_HORIZON_MS, end, start, r.event.timezone, basis, r.event.evidence)
        : makeEstimate(start, start + WEEKDAY_HORIZON_MS, end, r.event.timezone, basis, r.event.evidence),
      width: WEEKDAY_HORIZON_MS,
      notes: []
    };
    r.diagnostics.push({path: r.doc.path, documentId: r.doc.id, level: "info", code: "time-weak-basis", message: `No publication time is printed; "${r.mention.text}" places it within a week ${ahead ? "before" : "after"} ${localDayKey(r.event)} (${r.event.basis}).`});
  }

  const consensus = consensusEvent(readings.map((r) => ({id: r.doc.id, event: r.event})));
  const event: TimeEstimate | null = consensus?.event ?? null;
  if (consensus && consensus.total > consensus.supporters) diagnostics.push(eventDisagreement(consensus));

  const out = readings.map((r): DocumentRecord => {
    const published = r.published?.estimate ?? null;
    let updated = r.updated?.estimate ?? null;
    if (!updated && r.updateClock && published) {
      const {clock, note} = r.updateClock;
      const placed = placeUpdateClock(clock, published, r.context, [note]);
      if (placed) {
        updated = placed.estimate;
        r.diagnostics.push({path: r.doc.path, documentId: r.doc.id, level: "info", code: "time-update-clock", message: `The update note "${note.text.slice(0, 80)}" prints a time but no date; it is placed at the first ${clock.weekday !== null ? "such weekday and time" : "such time"} after publication (${updated.best}).`});
      }
    }
    if (!updated && r.updateNotes.length) {
      if (published) {
        const start = Date.parse(published.earliest);
        const end = Date.parse(published.latest) + UPDATE_HORIZON_MS;
        updated = makeEstimate(start, end, Date.parse(published.latest), published.timezone, "update-note:after-published", [...r.updateNotes]);
        r.diagnostics.push({path: r.doc.path, documentId: r.doc.id, level: "info", code: "time-update-unbounded", message: `The update note "${r.updateNotes[0]!.text.slice(0, 80)}" prints no time; it is placed after publication (within ${UPDATE_HORIZON_MS / 86_400_000} days, an assumption).`});
      } else {
        r.diagnostics.push({path: r.doc.path, documentId: r.doc.id, level: "info", code: "time-update-unbounded", message: `The update note "${r.updateNotes[0]!.text.slice(0, 80)}" prints no time and the publication time is unknown.`});
      }
    }
    if (updated && published && updated.latest < published.earliest) {
      r.diagnostics.push({path: r.doc.path, documentId: r.doc.id, level: "warning", code: "time-update-before-publication", message: `The update time ${updated.best} is before the publication time ${published.best}.`});
    }
    if (!published) {
      r.diagnostics.push({path: r.doc.path, documentId: r.doc.id, level: "warning", code: "time-unknown", message: "No publication time could be bounded: no metadata, date line, dated caption or anchored relative day."});
    }
    diagnostics.push(...r.diagnostics);
    return {...r.doc, published, updated, event: r.event};
  });
  return {documents: out, event, diagnostics};
}

/** The diagnostics of placing a document's times that a second placement replaces. */
const PLACEMENT_CODES = new Set(["time-relative-corpus-spread", "time-unknown", "time-update-unbounded", "time-update-clock", "time-update-before-publication", "time-weak-basis"]);

/** A basis given by the other documents rather than by the document itself. */
const DERIVED_BASIS = /^(?:relative-day:(?:corpus|story)|after-event:)/;

/**
 * Places again, within its story, each document whose relative day ("on Monday") the corpus could
 * not place because its dated articles span more than a week (`time-relative-corpus-spread`): the
 * story's own dated articles, when they fall within one week, anchor it as a one-story folder's
 * would, and so does the event day they agree on when the document names its weekday, however
 * long the story ran; the basis is `relative-day:story`.
 *
 * `unplaced` holds those documents' own readings (`readDocumentTimes`) by id; `storyOf` gives each
 * document's story. Returns the documents (the placed ones replaced), the ids placed, and the
 * diagnostics: those of the first placement that no longer hold are left out for the placed ones.
 * @example placeWithinStories(docs, new Map([["c", readDocumentTimes(c, registry)]]), storyOf, registry, diagnostics)
 */
export function placeWithinStories(
  documents: readonly DocumentRecord[],
  unplaced: ReadonlyMap<string, TimeReading>,
  storyOf: ReadonlyMap<string, number>,
  registry: OutletRegistry,
  diagnostics: readonly Diagnostic[]
): {documents: DocumentRecord[]; placed: Set<string>; event: TimeEstimate | null; diagnostics: Diagnostic[]} {
  const members = new Map<number, DocumentRecord[]>();
  const wanted = new Set<number>();
  for (const id of unplaced.keys()) {
    const story = storyOf.get(id);
    if (story !== undefined) wanted.add(story);
  }
  for (const doc of documents) {
    const story = storyOf.get(doc.id);
    if (story === undefined || !wanted.has(story)) continue;
    const list = members.get(story);
    if (list) list.push(doc);
    else members.set(story, [doc]);
  }
  const replaced = new Map<string, DocumentRecord>();
  const added: Diagnostic[] = [];
  for (const list of members.values()) {
    if (list.length < 2) continue;
    // The other documents count with what they said themselves: a time they were given from the
    // others is no evidence here.
    const readings = list.map((doc): TimeReading => {
      const own = unplaced.get(doc.id);
      if (own) return {...own, diagnostics: []};
      const published = doc.published && !DERIVED_BASIS.test(doc.published.basis) ? doc.published : null;
      const event = doc.event && !DERIVED_BASIS.test(doc.event.basis) ? doc.event : null;
      return {
        context: {zone: null, zoneBasis: null, country: null, zones: [], dayFirst: null},
        dateline: null,
        published: published ? {estimate: published, width: Date.parse(published.latest) - Date.parse(published.earliest), notes: []} : null,
        updated: null,
        updateNotes: [],
        updateClock: null,
        mention: null,
        anchor: null,
        event,
        diagnostics: []
      };
    });
    const again = resolveTimes(list, registry, readings, "story");
    const placedHere = new Set<string>();
    for (const doc of again.documents) {
      if (!unplaced.has(doc.id) || !doc.published) continue;
      replaced.set(doc.id, doc);
      placedHere.add(doc.id);
    }
    for (const d of again.diagnostics) if (d.documentId !== undefined && placedHere.has(d.documentId)) added.push(d);
  }
  const out = documents.map((doc) => replaced.get(doc.id) ?? doc);
  // The corpus's event day counts the placed documents' event days too.
  const consensus = consensusEvent(out.map((doc) => ({id: doc.id, event: doc.event ?? null})));
  if (replaced.size === 0) return {documents: out, placed: new Set(), event: consensus?.event ?? null, diagnostics: [...diagnostics]};
  const kept = diagnostics.filter((d) => !(d.documentId !== undefined && replaced.has(d.documentId) && PLACEMENT_CODES.has(d.code)) && d.code !== "event-disagreement");
  if (consensus && consensus.total > consensus.supporters) kept.push(eventDisagreement(consensus));
  return {documents: out, placed: new Set(replaced.keys()), event: consensus?.event ?? null, diagnostics: [...kept, ...added]};
}

function eventDisagreement(consensus: {day: LocalDateTime; supporters: number; total: number}): Diagnostic {
  return {path: "(corpus)", level: "info", code: "event-disagreement", message: `${consensus.total - consensus.supporters} of ${consensus.total} documents place the event on another day than ${localKey(consensus.day)}.`};
}

/** Up to `max` ids, then how many more: "a, b, c and 12 others". */
function namedList(ids: readonly string[], max = 10): string {
  return ids.length <= max ? ids.join(", ") : `${ids.slice(0, max).join(", ")} and ${ids.length - max} others`;
}

function localKey(d: LocalDateTime): string {
  return `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
}
