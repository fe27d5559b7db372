/**
 * Strings that come back from a worker thread are copies: a claim's sentence, a quotation's words
 * and every evidence text would be held twice, once in the document's text and once on their own,
 * and every short label ("fact", "USD", a time zone) once per object. `shareStrings` walks one
 * document's results and makes them share memory again: a text printed at a span of the document
 * becomes a slice of the document's text (which the engine keeps as a view, not a copy), and short
 * strings are taken from a pool. The values are the same; only memory changes.
 */

/** Short strings are pooled up to this length; longer ones are unlikely to repeat. */
const POOLED_LENGTH = 40;
/** Fields whose values are unique identifiers: pooling them would only cost memory. */
const UNIQUE_FIELDS = new Set(["id"]);

type Json = unknown;

/**
 * Shares the strings of `value` (results computed from `text`) with `text` and with `pool`; returns
 * the value (changed in place).
 * @example shareStrings({text: "Jobs", span: [0, 4]}, "Jobs rose", new Map())
 */
export function shareStrings<T extends Json>(value: T, text: string, pool: Map<string, string>): T {
  return walk(value, text, pool) as T;
}

function pooled(s: string, pool: Map<string, string>): string {
  if (s.length > POOLED_LENGTH) return s;
  const known = pool.get(s);
  if (known !== undefined) return known;
  pool.set(s, s);
  return s;
}

function isSpan(value: unknown, length: number): value is [number, number] {
  return Array.isArray(value) && value.length === 2 && Number.isInteger(value[0]) && Number.isInteger(value[1]) && value[0] >= 0 && value[0] <= value[1] && value[1] <= length;
}

/** The slice of `text` at `span` when it is the same string, else the string itself. */
function sliced(s: string, span: unknown, text: string): string {
  if (!isSpan(span, text.length) || span[1] - span[0] !== s.length) return s;
  const slice = text.slice(span[0], span[1]);
  return slice === s ? slice : s;
}

function walk(value: Json, text: string, pool: Map<string, string>): Json {
  if (typeof value === "string") return pooled(value, pool);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      if (item !== null && typeof item === "object") walk(item, text, pool);
      else if (typeof item === "string") value[i] = pooled(item, pool);
    }
    return value;
  }
  if (value === null || typeof value !== "object" || ArrayBuffer.isView(value)) return value;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const field = record[key];
    if (typeof field === "string") {
      if (key === "text") record[key] = pooled(sliced(field, record.span, text), pool);
      else if (key === "sentence") record[key] = sliced(field, record.sentenceSpan, text);
      else if (!UNIQUE_FIELDS.has(key)) record[key] = pooled(field, pool);
    } else if (field !== null && typeof field === "object") walk(field, text, pool);
  }
  return value;
}
