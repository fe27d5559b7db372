/**
 * Validates an object against the public Analysis contract (README.md, "Output contract"): field
 * types, finite numbers, spans inside the text, UTC instants ending in Z, IANA zones, ids that
 * refer to existing records. Returns the list of problems (empty when valid).
 */
type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const ISO_Z = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;

function isZone(zone: unknown): boolean {
  if (typeof zone !== "string") return false;
  try {
    new Intl.DateTimeFormat("en", {timeZone: zone});
    return true;
  } catch {
    return false;
  }
}

export function checkAnalysis(a: Json): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, what: string) => void (ok || problems.push(what));
  const isString = (v: unknown) => typeof v === "string";
  const isNullableString = (v: unknown) => v === null || typeof v === "string";
  const finite = (v: unknown) => typeof v === "number" && Number.isFinite(v);
  const share = (v: unknown) => finite(v) && (v as number) >= 0 && (v as number) <= 1;
  const span = (s: unknown, length: number) => Array.isArray(s) && s.length === 2 && Number.isInteger(s[0]) && Number.isInteger(s[1]) && s[0] >= 0 && s[0] <= s[1] && s[1] <= length;
  const time = (t: Json, where: string) => {
    if (t === null) return;
    need(typeof t === "object", `${where}: not an object`);
    for (const k of ["earliest", "latest", "best"]) need(ISO_Z.test(t?.[k] ?? ""), `${where}.${k}: not an ISO UTC instant (${t?.[k]})`);
    need(t.earliest <= t.best && t.best <= t.latest, `${where}: best outside [earliest, latest]`);
    need(t.timezone === null || isZone(t.timezone), `${where}.timezone: not an IANA zone (${t.timezone})`);
    need(isString(t.basis) && t.basis.length > 0, `${where}.basis missing`);
    need(Array.isArray(t.evidence), `${where}.evidence not an array`);
  };

  need(a && typeof a === "object", "not an object");
  for (const key of ["documents", "stories", "claims", "families", "quotes", "reuse", "diagnostics"]) need(Array.isArray(a?.[key]), `${key} is not an array`);
  if (problems.length) return problems;

  const docs = new Map<string, Json>();
  for (const [i, d] of a.documents.entries()) {
    const where = `documents[${i}]`;
    need(isString(d.id) && !docs.has(d.id), `${where}.id missing or duplicated`);
    docs.set(d.id, d);
    need(isString(d.path), `${where}.path`);
    need(isNullableString(d.title), `${where}.title`);
    need(isString(d.text) && d.text.length > 0, `${where}.text`);
    need(Number.isInteger(d.wordCount) && d.wordCount >= 0, `${where}.wordCount`);
    need(d.outlet === null || (isString(d.outlet?.name) && Array.isArray(d.outlet?.evidence)), `${where}.outlet`);
    time(d.published, `${where}.published`);
    time(d.updated, `${where}.updated`);
  }
  const claims = new Map<string, Json>();
  for (const [i, c] of a.claims.entries()) {
    const where = `claims[${i}]`;
    const doc = docs.get(c.documentId);
    need(!!doc, `${where}.documentId unknown`);
    need(isString(c.id) && !claims.has(c.id), `${where}.id`);
    claims.set(c.id, c);
    need(span(c.span, doc?.text.length ?? 0), `${where}.span out of the text`);
    need(isString(c.sentence), `${where}.sentence`);
    need(finite(c.quantity?.value), `${where}.quantity.value not finite`);
    need(isNullableString(c.quantity?.unit), `${where}.quantity.unit`);
    need(typeof c.quantity?.approximate === "boolean", `${where}.quantity.approximate`);
    need(isString(c.quantity?.bound), `${where}.quantity.bound`);
    need(isNullableString(c.measure), `${where}.measure`);
    need(isString(c.modality), `${where}.modality`);
    need(Array.isArray(c.hedges), `${where}.hedges`);
    need(c.attribution === null || isString(c.attribution?.speaker), `${where}.attribution`);
    need(isNullableString(c.familyId), `${where}.familyId`);
  }
  // Every document is in exactly one story.
  const storyOf = new Map<string, string>();
  for (const [i, s] of a.stories.entries()) {
    const where = `stories[${i}]`;
    need(s.id === `s${i + 1}`, `${where}.id`);
    need(isString(s.label), `${where}.label`);
    need(Array.isArray(s.documentIds) && s.documentIds.length > 0 && s.documentIds.every((id: string) => docs.has(id) && !storyOf.has(id)), `${where}.documentIds`);
    for (const id of s.documentIds ?? []) storyOf.set(id, s.id);
    need(Array.isArray(s.cosines) && s.cosines.length === s.documentIds?.length && s.cosines.filter((c: unknown) => c === null).length === 1 && s.cosines.every((c: unknown) => c === null || (share(c) && (c as number) > 0)), `${where}.cosines`);
    need(Array.isArray(s.words) && s.words.every(isString), `${where}.words`);
    time(s.event, `${where}.event`);
  }
  need(storyOf.size === docs.size, "stories do not cover every document");
  const families = new Set<string>();
  for (const [i, f] of a.families.entries()) {
    const where = `families[${i}]`;
    need(isString(f.id) && !families.has(f.id), `${where}.id`);
    families.add(f.id);
    need(isString(f.label), `${where}.label`);
    need(finite(f.quantity?.value), `${where}.quantity.value`);
    need(Array.isArray(f.claimIds) && f.claimIds.every((id: string) => claims.get(id)?.familyId === f.id), `${where}.claimIds do not point back to the family`);
    need(Array.isArray(f.documentIds) && f.documentIds.every((id: string) => docs.has(id)), `${where}.documentIds`);
    need(f.storyId === null || f.documentIds.every((id: string) => storyOf.get(id) === f.storyId), `${where}.storyId: a document of another story`);
    // Each appearance is compared with one of the previous document that carries the figure
    // (none in the first), and drift runs between documents, never within one.
    need(Array.isArray(f.comparedWith) && f.comparedWith.length === f.claimIds.length, `${where}.comparedWith`);
    const firstDocument = claims.get(f.claimIds[0])?.documentId;
    for (const [k, id] of f.claimIds.entries()) {
      const source = f.comparedWith[k];
      const documentId = claims.get(id)?.documentId;
      if (documentId === firstDocument) need(source === null, `${where}.comparedWith[${k}]: an appearance in the first document`);
      else need(f.claimIds.includes(source) && claims.get(source)?.documentId !== documentId, `${where}.comparedWith[${k}]`);
    }
    for (const [k, e] of (f.drift ?? []).entries()) {
      need(f.claimIds.includes(e.fromClaimId) && f.claimIds.includes(e.toClaimId), `${where}.drift[${k}]: claims of another family`);
      need(f.comparedWith[f.claimIds.indexOf(e.toClaimId)] === e.fromClaimId, `${where}.drift[${k}]: not from the appearance compared with`);
      need(claims.get(e.fromClaimId)?.documentId !== claims.get(e.toClaimId)?.documentId, `${where}.drift[${k}]: within one document`);
      need(typeof e.orderCertain === "boolean", `${where}.drift[${k}].orderCertain: not a boolean`);
    }
  }
  for (const c of a.claims) need(c.familyId === null || families.has(c.familyId), `claim ${c.id}: familyId unknown`);
  for (const [i, q] of a.quotes.entries()) {
    const where = `quotes[${i}]`;
    const doc = docs.get(q.documentId);
    need(!!doc, `${where}.documentId unknown`);
    need(span(q.span, doc?.text.length ?? 0), `${where}.span out of the text`);
    need(isString(q.text), `${where}.text`);
    need(isNullableString(q.speaker), `${where}.speaker`);
  }
  for (const [i, f] of a.quoteFamilies.entries()) need(typeof f.earliestCertain === "boolean", `quoteFamilies[${i}].earliestCertain: not a boolean`);
  for (const [i, r] of a.reuse.entries()) {
    const where = `reuse[${i}]`;
    const source = docs.get(r.source);
    const target = docs.get(r.target);
    need(!!source && !!target && r.source !== r.target, `${where}: source/target unknown`);
    need(share(r.sourceCoverage) && share(r.targetCoverage), `${where}: coverage not in 0..1`);
    need(Array.isArray(r.passages) && r.passages.length > 0, `${where}.passages empty`);
    for (const p of r.passages ?? []) {
      need(span(p.source, source?.text.length ?? 0) && span(p.target, target?.text.length ?? 0), `${where}: passage span out of the text`);
      need(Number.isInteger(p.words) && p.words > 0, `${where}: passage words`);
    }
  }
  for (const [i, d] of a.diagnostics.entries()) {
    need(isString(d.path) && ["error", "warning", "info"].includes(d.level) && isString(d.code) && isString(d.message), `diagnostics[${i}] malformed`);
  }
  return problems;
}
