/**
 * Outlet attribution: who published a document, and the wire its copy came from, with evidence.
 * Precedence: front matter > web domain > credit lines in the text > unknown (null + diagnostic).
 * Outlet knowledge lives only in data/outlets.yaml; the rules here are about credit conventions.
 */
import {parse as parseYaml} from "yaml";
import type {Diagnostic, DocumentRecord, Evidence, OutletAttribution, OutletEntry, OutletKind, OutletRegistry, Span} from "./types.js";
import {isValidZone, zoneForDomain} from "./time-zones.js";
import {findDateline, EMPTY_PLACES, parsePlaceList} from "./time-places.js";

const KINDS: readonly OutletKind[] = ["wire", "newspaper", "broadcaster", "magazine", "blog", "agency", "other"];

/**
 * Parses data/outlets.yaml text into a registry; with `placesYamlText` (data/places.yaml) the
 * registry also carries the place table the time stage reads datelines with.
 * Throws an Error naming the entry (position and id) when an entry is malformed.
 * @example parseOutletRegistry("outlets:\n  - {id: aap, name: AAP, credits: [AAP], kind: wire}").outlets[0].credits // ["AAP"]
 */
export function parseOutletRegistry(yamlText: string, placesYamlText?: string): OutletRegistry {
  const doc = parseYaml(yamlText) as unknown;
  const list = doc && typeof doc === "object" && !Array.isArray(doc) ? (doc as {outlets?: unknown}).outlets : doc;
  if (list == null) return {outlets: []};
  if (!Array.isArray(list)) throw new Error("outlets: the registry must hold a list under `outlets:`");
  const seen = new Set<string>();
  const outlets = list.map((raw: unknown, i: number): OutletEntry => {
    const where = `outlets: entry ${i + 1}`;
    if (!raw || typeof raw !== "object") throw new Error(`${where} is not a mapping`);
    const e = raw as Record<string, unknown>;
    const id = e.id;
    if (typeof id !== "string" || !/^[a-z0-9][a-z0-9._-]*$/.test(id)) throw new Error(`${where} has a missing or malformed id ${JSON.stringify(id)} (lower case, digits, hyphens)`);
    const label = `${where} (id "${id}")`;
    if (seen.has(id)) throw new Error(`${label} repeats an id used earlier`);
    seen.add(id);
    if (typeof e.name !== "string" || !e.name.trim()) throw new Error(`${label} has no name`);
    const strings = (field: string): string[] => {
      const v = e[field];
      if (v == null) return [];
      if (!Array.isArray(v) || v.some((x) => typeof x !== "string" && typeof x !== "number")) throw new Error(`${label}: \`${field}\` must be a list of strings`);
      return v.map((x) => String(x).trim()).filter(Boolean);
    };
    const timezone = e.timezone ?? null;
    if (timezone !== null && (typeof timezone !== "string" || !isValidZone(timezone))) throw new Error(`${label} has an unknown time zone ${JSON.stringify(timezone)}`);
    const country = e.country ?? null;
    if (country !== null && (typeof country !== "string" || !/^[A-Za-z]{2}$/.test(country))) throw new Error(`${label} has a malformed country ${JSON.stringify(country)} (ISO 3166 alpha-2)`);
    const kind = (e.kind ?? "other") as OutletKind;
    if (!KINDS.includes(kind)) throw new Error(`${label} has an unknown kind ${JSON.stringify(e.kind)} (one of ${KINDS.join(", ")})`);
    const signatures = strings("signatures");
    for (const s of signatures) {
      try {
        new RegExp(s);
      } catch {
        throw new Error(`${label} has an invalid signature pattern ${JSON.stringify(s)}`);
      }
    }
    const entry: OutletEntry & {signatures?: string[]} = {
      id,
      name: e.name.trim(),
      aliases: strings("aliases"),
      credits: strings("credits"),
      domains: strings("domains").map((d) => d.toLowerCase().replace(/^www\./, "")),
      timezone: timezone as string | null,
      country: country ? (country as string).toUpperCase() : null,
      kind
    };
    if (signatures.length) entry.signatures = signatures;
    return entry;
  });
  const registry: OutletRegistry = {outlets};
  if (placesYamlText !== undefined) registry.places = parsePlaceList(placesYamlText);
  return registry;
}

interface RegistryIndex {
  byDomain: Map<string, OutletEntry>;
  byName: Map<string, OutletEntry>;
  byCredit: Map<string, OutletEntry>;
  byUpperCredit: Map<string, OutletEntry>;
  /** Longest name in words, for prefix lookups. */
  maxWords: number;
  signatures: {entry: OutletEntry; pattern: RegExp}[];
}

const indexCache = new WeakMap<OutletRegistry, RegistryIndex>();

function indexOf(registry: OutletRegistry): RegistryIndex {
  let index = indexCache.get(registry);
  if (index) return index;
  index = {byDomain: new Map(), byName: new Map(), byCredit: new Map(), byUpperCredit: new Map(), maxWords: 1, signatures: []};
  for (const entry of registry.outlets ?? []) {
    for (const d of entry.domains ?? []) if (!index.byDomain.has(d)) index.byDomain.set(d.toLowerCase(), entry);
    for (const n of [entry.name, ...(entry.aliases ?? []), entry.id]) {
      const key = nameKey(n);
      if (key && !index.byName.has(key)) index.byName.set(key, entry);
      index.maxWords = Math.max(index.maxWords, key.split(" ").length);
    }
    for (const c of entry.credits ?? []) {
      if (!index.byCredit.has(c)) index.byCredit.set(c, entry);
      const upper = c.toUpperCase();
      if (!index.byUpperCredit.has(upper)) index.byUpperCredit.set(upper, entry);
    }
    for (const s of (entry as {signatures?: string[]}).signatures ?? []) {
      try {
        index.signatures.push({entry, pattern: new RegExp(s, "m")});
      } catch {
        /* validated at parse time */
      }
    }
  }
  indexCache.set(registry, index);
  return index;
}

function nameKey(name: string): string {
  return name.toLowerCase().replace(/[’]/g, "'").replace(/^the\s+/, "").replace(/\s+/g, " ").trim();
}

/**
 * The registry entry whose name, alias or id is `name` (case-insensitive, "The" optional), or, when
 * none is, the name before a closing bracketed qualifier: the desk or edition some datasets add.
 * @example lookupOutletName(registry, "CNN (Opinion)")?.id // "cnn"
 */
export function lookupOutletName(registry: OutletRegistry, name: string): OutletEntry | null {
  const byName = indexOf(registry).byName;
  const exact = byName.get(nameKey(name));
  if (exact) return exact;
  const bare = name.replace(/\s*\([^()]*\)\s*$/, "");
  return bare && bare !== name ? byName.get(nameKey(bare)) ?? null : null;
}

/** Host of a URL or domain, lower case, without "www.". */
export function hostOf(urlOrDomain: string | null | undefined): string | null {
  if (!urlOrDomain || typeof urlOrDomain !== "string") return null;
  const m = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:[^@/?#]*@)?([^/:?#\s]+)/i.exec(urlOrDomain.trim());
  if (!m) return null;
  const host = m[1]!.toLowerCase().replace(/\.$/, "").replace(/^www\d?\./, "");
  return /^[a-z0-9.-]+\.[a-z0-9-]{2,}$/.test(host) ? host : null;
}

/**
 * The registry entry for a domain: the domain itself or its parent domains (edition.cnn.com → cnn.com).
 * @example lookupOutletDomain(registry, "www.scmp.com")?.id // "scmp"
 */
export function lookupOutletDomain(registry: OutletRegistry, domain: string): OutletEntry | null {
  const host = hostOf(domain);
  if (!host) return null;
  const index = indexOf(registry);
  const labels = host.split(".");
  for (let i = 0; i < labels.length - 1; i++) {
    const entry = index.byDomain.get(labels.slice(i).join("."));
    if (entry) return entry;
  }
  return null;
}

/** How a credit was printed. */
export type CreditKind = "dateline" | "source-line" | "photo-credit" | "picture-credit" | "sign-off" | "copyright" | "ownership-disclosure" | "signature";

/** One credit found in a document's text. `entry` is null for a sign-off the registry lacks. */
export interface CreditFinding {
  kind: CreditKind;
  entry: OutletEntry | null;
  text: string;
  span: Span;
}

const SOURCE_LINE = /^[ \t]*(?:Sources?|Via|Credit|Wire|Agency|Agencies)[ \t]*:[ \t]*([^\n]{1,60}?)[ \t]*$/gm;
const PHOTO_CREDIT = /\b([A-Z]{2,}(?: (?:Photo|PHOTO|Image|IMAGE|Images|PICTURES?))?)[ \t]?\/[ \t]?[A-Z]/g;
const PHOTO_LABEL = /\b(?:Photo|Picture|Image|Photograph)s?(?: by)?[ \t]*:[ \t]*([A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,3})/g;
const PAREN_AT_LINE_END = /\(([A-Z][A-Za-z.&]{1,15}(?:[/ ][A-Z][A-Za-z.&]{1,15}){0,2})\)[ \t]*$/gm;
const LEADING_CREDIT = /^[ \t]*\(([A-Z][A-Za-z.&]{1,15}(?: [A-Z][A-Za-z.&]{1,15}){0,2})\)[ \t]*[-—–]/gm;
const COPYRIGHT = /(?:\bCopyright\b|©|\(c\))[ \t]*(?:\d{4}(?:[-–]\d{4})?[ \t,]*)?([^\n]{2,80})/gi;
const OWNERSHIP = /(?:[–—(]|\s-)\s*(?:which (?:also )?owns|(?:the )?(?:owner|parent(?: company)?|proprietor|publisher) of)\s+(?=\S)/g;
const SOURCE_LABEL_END = /(?:Sources?|Via|Credit|Wire|Agency|Agencies)$/;

/**
 * Whether a "Source:" line can be in the text: a colon after one of the labels (a necessary
 * condition for `SOURCE_LINE`, found from the colons, which is much faster than the line pattern).
 */
function mayHoldSourceLine(text: string): boolean {
  for (let colon = text.indexOf(":"); colon >= 0; colon = text.indexOf(":", colon + 1)) {
    let end = colon;
    while (end > 0 && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
    if (SOURCE_LABEL_END.test(text.slice(Math.max(0, end - 8), end))) return true;
  }
  return false;
}

const UNREGISTERED_SIGN_OFF = /^\(([A-Z][A-Z0-9&.]{1,7}(?:[/ ][A-Z][A-Z0-9&.]{1,7}){0,2})\)$/;

function addEntryFinding(out: CreditFinding[], kind: CreditKind, entry: OutletEntry | null | undefined, text: string, span: Span): void {
  if (entry) out.push({kind, entry, text, span});
}

/** A registered outlet named at `offset` in text (longest name first), with its length. */
function outletNamedAt(registry: OutletRegistry, text: string, offset: number): {entry: OutletEntry; length: number} | null {
  const index = indexOf(registry);
  const run = /(?:[Tt]he\s+)?[\p{Lu}\d][\p{L}\d.'’&-]*(?:\s+(?:of\s+)?[\p{Lu}\d][\p{L}\d.'’&-]*)*/uy;
  run.lastIndex = offset;
  const m = run.exec(text);
  if (!m) return null;
  const parts = m[0].split(/(\s+)/);
  for (let n = parts.length; n >= 1; n -= 2) {
    const candidate = parts.slice(0, n).join("").replace(/[.,'’]+$/, "");
    const entry = index.byName.get(nameKey(candidate));
    if (entry) return {entry, length: candidate.length};
  }
  return null;
}

/**
 * Every outlet credit printed in a document's text: dateline credits, "Source:" lines, photo and
 * picture credits, a closing sign-off, copyright lines and ownership disclosures. A mention in a
 * sentence ("told Reuters") is not a credit.
 */
export function findCredits(text: string, registry: OutletRegistry, titleSpan: Span | null = null): CreditFinding[] {
  const found: CreditFinding[] = [];
  if (typeof text !== "string" || !text) return found;
  const index = indexOf(registry);
  const lookupCredit = (raw: string) => index.byCredit.get(raw.trim()) ?? index.byName.get(nameKey(raw)) ?? null;

  const dateline = findDateline(text, titleSpan, EMPTY_PLACES);
  if (dateline?.credit && dateline.creditSpan) {
    let pos = dateline.creditSpan[0];
    for (const part of dateline.credit.split(/\s*[/,]\s*/)) {
      const at = text.indexOf(part, pos);
      if (at >= 0) {
        addEntryFinding(found, "dateline", index.byCredit.get(part), part, [at, at + part.length]);
        pos = at + part.length;
      }
    }
  }
  const head = text.slice(0, Math.min(text.length, (titleSpan?.[1] ?? 0) + 600));
  for (const m of head.matchAll(LEADING_CREDIT)) {
    const start = m.index! + m[0].indexOf(m[1]!);
    addEntryFinding(found, "dateline", index.byCredit.get(m[1]!), m[1]!, [start, start + m[1]!.length]);
  }
  for (const m of mayHoldSourceLine(text) ? text.matchAll(SOURCE_LINE) : []) {
    let pos = m.index! + m[0].indexOf(m[1]!);
    for (const part of m[1]!.split(/\s*(?:[/,;|&]|\band\b|\bwith\b)\s*/)) {
      if (!part) continue;
      const at = text.indexOf(part, pos);
      if (at < 0) continue;
      addEntryFinding(found, "source-line", lookupCredit(part), part, [at, at + part.length]);
      pos = at + part.length;
    }
  }
  for (const m of text.matchAll(PHOTO_CREDIT)) {
    const credit = m[1]!;
    addEntryFinding(found, "photo-credit", index.byUpperCredit.get(credit.toUpperCase()) ?? index.byUpperCredit.get(credit.split(" ")[0]!.toUpperCase()), credit, [m.index!, m.index! + credit.length]);
  }
  for (const m of text.matchAll(PHOTO_LABEL)) {
    const start = m.index! + m[0].indexOf(m[1]!);
    const named = outletNamedAt(registry, text, start);
    const entry = index.byCredit.get(m[1]!) ?? named?.entry;
    addEntryFinding(found, "photo-credit", entry, named ? text.slice(start, start + named.length) : m[1]!, [start, start + (named?.length ?? m[1]!.length)]);
  }
  // "(AAP)" closing a caption line, or a sign-off line "(APD)" closing the article.
  const lastLine = lastNonEmptyLine(text);
  for (const m of text.matchAll(PAREN_AT_LINE_END)) {
    const start = m.index! + 1;
    const span: Span = [start, start + m[1]!.length];
    const lineStart = text.lastIndexOf("\n", m.index!) + 1;
    const alone = !text.slice(lineStart, m.index!).trim();
    if (titleSpan && start < titleSpan[1]) continue;
    const isSignOff = alone && lastLine !== null && lastLine[0] === lineStart + (text.slice(lineStart).length - text.slice(lineStart).trimStart().length);
    const entry = m[1]!.split(/[/ ]/).map((p) => index.byCredit.get(p)).find(Boolean) ?? null;
    if (entry) found.push({kind: isSignOff ? "sign-off" : "picture-credit", entry, text: m[1]!, span});
    else if (isSignOff && UNREGISTERED_SIGN_OFF.test(`(${m[1]!})`)) found.push({kind: "sign-off", entry: null, text: m[1]!, span});
  }
  for (const m of text.matchAll(COPYRIGHT)) {
    const from = m.index! + m[0].indexOf(m[1]!);
    const body = m[1]!;
    // The first registered name or credit in the copyright notice.
    const nameRe = /(?:[Tt]he\s+)?[\p{Lu}][\p{L}.'’&-]*/gu;
    let n: RegExpExecArray | null;
    while ((n = nameRe.exec(body))) {
      const named = outletNamedAt(registry, text, from + n.index);
      const entry = named?.entry ?? index.byCredit.get(n[0]);
      if (entry) {
        const length = named?.length ?? n[0].length;
        found.push({kind: "copyright", entry, text: text.slice(from + n.index, from + n.index + length), span: [from + n.index, from + n.index + length]});
        break;
      }
    }
  }
  for (const m of text.matchAll(OWNERSHIP)) {
    const at = m.index! + m[0].length;
    const named = outletNamedAt(registry, text, at);
    if (named) found.push({kind: "ownership-disclosure", entry: named.entry, text: text.slice(at, at + named.length), span: [at, at + named.length]});
  }
  for (const {entry, pattern} of index.signatures) {
    const m = pattern.exec(text);
    if (m) found.push({kind: "signature", entry, text: m[0].slice(0, 80), span: [m.index, m.index + Math.min(m[0].length, 80)]});
  }
  return found.sort((a, b) => a.span[0] - b.span[0] || a.span[1] - b.span[1]);
}

function lastNonEmptyLine(text: string): Span | null {
  let end = text.length;
  while (end > 0 && /\s/.test(text[end - 1]!)) end--;
  if (end === 0) return null;
  let start = text.lastIndexOf("\n", end - 1) + 1;
  while (start < end && /[ \t]/.test(text[start]!)) start++;
  return [start, end];
}

const WIRE_CREDIT_KINDS: ReadonlySet<CreditKind> = new Set(["dateline", "source-line", "photo-credit", "picture-credit", "sign-off", "copyright"]);

function evidenceOf(text: string, f: CreditFinding): Evidence {
  return {text: f.text, span: f.span, source: "text"};
}

function basisOf(findings: CreditFinding[]): string {
  return `credit-line:${[...new Set(findings.map((f) => f.kind))].join("+")}`;
}

/** The best-supported registered outlet among credit findings (most findings, then first printed). */
function strongestCredit(findings: CreditFinding[], exclude: OutletEntry | null): {entry: OutletEntry; findings: CreditFinding[]} | null {
  const groups = new Map<OutletEntry, CreditFinding[]>();
  for (const f of findings) {
    if (!f.entry || f.entry === exclude || !WIRE_CREDIT_KINDS.has(f.kind)) continue;
    const list = groups.get(f.entry) ?? [];
    list.push(f);
    groups.set(f.entry, list);
  }
  let best: {entry: OutletEntry; findings: CreditFinding[]} | null = null;
  for (const [entry, list] of groups) {
    if (!best || list.length > best.findings.length || (list.length === best.findings.length && list[0]!.span[0] < best.findings[0]!.span[0])) best = {entry, findings: list};
  }
  return best;
}

/**
 * Who published `doc`, with evidence; null plus an `outlet-unknown` diagnostic when unknown.
 * A wire credit on a known publisher's page fills `wire`; a wire credit alone gives role "wire".
 * A closing sign-off the registry lacks ("(APD)") is reported as printed, registryId null, role
 * "wire", with an `outlet-unregistered-credit` diagnostic: its text is evidence, not a guess.
 * @example attributeOutlet(makeDocument("a", "Title\nSYDNEY (AAP) - …"), registry).outlet?.name // "Australian Associated Press"
 */
export function attributeOutlet(doc: DocumentRecord, registry: OutletRegistry): {outlet: OutletAttribution | null; diagnostics: Diagnostic[]} {
  const diagnostics: Diagnostic[] = [];
  const note = (level: Diagnostic["level"], code: string, message: string) => diagnostics.push({path: doc.path, documentId: doc.id, level, code, message});
  const text = typeof doc.text === "string" ? doc.text : "";
  const findings = findCredits(text, registry, doc.titleSpan);
  const declared = doc.declared ?? {};

  let publisher: OutletAttribution | null = null;
  const fromDomain = typeof declared.domain === "string" && hostOf(declared.domain);
  const host = fromDomain || hostOf(doc.url);
  if (typeof declared.outlet === "string" && declared.outlet.trim()) {
    const name = declared.outlet.trim();
    const entry = lookupOutletName(registry, name);
    // Declared in the file: front matter, a JSON field, or the page's metadata.
    const source: Evidence["source"] = doc.format === "md" ? "front-matter" : doc.format === "html" ? "html" : doc.format === "txt" ? "front-matter" : "json";
    const where = source === "front-matter" ? "from the front matter" : source === "html" ? "from the page's metadata" : "from the record";
    // In a record or a page's metadata, a name the registry lacks ("fox", a dataset's own code)
    // yields to a registered domain; a name written in front matter stands as written.
    const byDomain = entry || source === "front-matter" ? null : host ? lookupOutletDomain(registry, host) : null;
    if (byDomain) {
      note("info", "outlet-unregistered", `Outlet "${name}" ${where} is not in data/outlets.yaml; the domain ${host} is (${byDomain.name}), so the domain decides.`);
    } else {
      publisher = fromEntry(entry, name, source === "front-matter" ? "front-matter" : "metadata", [{text: name, span: null, source}]);
      if (!entry) note("info", "outlet-unregistered", `Outlet "${name}" ${where} is not in data/outlets.yaml; no home time zone is known for it.`);
    }
  }
  if (!publisher) {
    if (host) {
      const basis = fromDomain ? "source-domain" : "url-domain";
      const source: Evidence["source"] = fromDomain ? "json" : doc.format === "md" ? "front-matter" : doc.format === "html" ? "html" : "json";
      const evidence: Evidence[] = [{text: fromDomain ? String(declared.domain) : String(doc.url), span: null, source}];
      const entry = lookupOutletDomain(registry, host);
      publisher = fromEntry(entry, host, basis, evidence);
      if (!entry) {
        const cc = zoneForDomain(host);
        publisher.timezone = cc?.zone ?? null;
        note("info", "outlet-unregistered", `Domain ${host} is not in data/outlets.yaml; ${cc ? `its country code gives the zone ${cc.zone}` : "no home time zone is known for it"}.`);
      }
    }
  }
  if (!publisher) {
    const owners = [...new Set(findings.filter((f) => f.kind === "ownership-disclosure").map((f) => f.entry!))];
    if (owners.length === 1) {
      const entry = owners[0]!;
      const own = findings.filter((f) => f.kind === "ownership-disclosure" && f.entry === entry);
      publisher = fromEntry(entry, entry.name, "ownership-disclosure", own.map((f) => evidenceOf(text, f)));
    } else if (owners.length > 1) {
      note("info", "outlet-ambiguous-disclosure", `The text discloses ownership of several outlets (${owners.map((o) => o.name).join(", ")}); none is taken as the publisher.`);
    }
  }
  if (!publisher) {
    const sig = findings.find((f) => f.kind === "signature");
    if (sig?.entry) publisher = fromEntry(sig.entry, sig.entry.name, "signature", [evidenceOf(text, sig)]);
  }

  const publisherId = publisher?.registryId ?? null;
  const publisherEntry = publisherId ? registry.outlets.find((o) => o.id === publisherId) ?? null : null;
  const wireCredit = strongestCredit(findings, publisherEntry);

  if (publisher) {
    if (wireCredit) {
      publisher.wire = {name: wireCredit.entry.name, registryId: wireCredit.entry.id, basis: basisOf(wireCredit.findings), evidence: wireCredit.findings.map((f) => evidenceOf(text, f))};
    } else {
      const unregistered = findings.find((f) => f.kind === "sign-off" && !f.entry);
      if (unregistered) {
        publisher.wire = {name: unregistered.text, registryId: null, basis: "credit-line:sign-off:unregistered", evidence: [evidenceOf(text, unregistered)]};
        note("info", "outlet-unregistered-credit", `The sign-off "(${unregistered.text})" is not in data/outlets.yaml; it is kept as printed.`);
      }
    }
    return {outlet: publisher, diagnostics};
  }
  if (wireCredit) {
    const {entry} = wireCredit;
    const outlet = fromEntry(entry, entry.name, basisOf(wireCredit.findings), wireCredit.findings.map((f) => evidenceOf(text, f)));
    outlet.role = entry.kind === "wire" || entry.kind === "agency" ? "wire" : "publisher";
    if (outlet.role === "wire") note("info", "outlet-wire-copy", `The copy is credited to ${entry.name}; the site that ran it is not known and may be a syndicator.`);
    return {outlet, diagnostics};
  }
  const unregistered = findings.find((f) => f.kind === "sign-off" && !f.entry);
  if (unregistered) {
    note("info", "outlet-unregistered-credit", `The sign-off "(${unregistered.text})" is not in data/outlets.yaml; it is reported as printed. Add it to the registry to name it.`);
    return {
      outlet: {name: unregistered.text, registryId: null, role: "wire", basis: "credit-line:sign-off:unregistered", evidence: [evidenceOf(text, unregistered)], timezone: null, kind: null, wire: null},
      diagnostics
    };
  }
  note("warning", "outlet-unknown", "No outlet could be determined: no front matter, domain or credit line names one.");
  return {outlet: null, diagnostics};
}

function fromEntry(entry: OutletEntry | null, fallbackName: string, basis: string, evidence: Evidence[]): OutletAttribution {
  const allEvidence = entry ? [...evidence, {text: `${entry.id}: ${entry.name}`, span: null, source: "registry" as const}] : evidence;
  return {
    name: entry?.name ?? fallbackName,
    registryId: entry?.id ?? null,
    role: "publisher",
    basis,
    evidence: allEvidence,
    timezone: entry?.timezone ?? null,
    kind: entry?.kind ?? null,
    wire: null
  };
}
