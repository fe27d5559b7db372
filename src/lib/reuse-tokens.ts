/**
 * Comparison tokens for reuse detection: the shared `words` tokenizer, then forms that outlets print
 * differently but mean the same folded together ("per cent" = "percent" = "%", "U.S." = "US",
 * "one" = "1", curly = straight apostrophes, "open-minded" = "open minded"). Every token keeps its
 * offsets in the original text, and carries a 32-bit hash of its comparison form (FNV-1a), so the
 * later passes work on integers only.
 */
import {words} from "./text.js";

export interface ComparisonTokens {
  /** 32-bit hash of each token's comparison form (stored as unsigned in an Int32Array view). */
  ids: Int32Array;
  /** Start offset of each token in the text. */
  starts: Int32Array;
  /** End offset (exclusive) of each token in the text. */
  ends: Int32Array;
  /** 1 where the token is a figure ("45", "36446", "1.5"). */
  numeric: Uint8Array;
  /** Comparison forms, kept only when asked for (`keepForms`). */
  forms?: string[];
}

const NUMBER_WORDS: Record<string, string> = {
  one: "1", two: "2", three: "3", four: "4", five: "5", six: "6", seven: "7", eight: "8", nine: "9",
  ten: "10", eleven: "11", twelve: "12", twenty: "20", thirty: "30", forty: "40", fifty: "50", hundred: "100",
};

const FOLDS: Record<string, string> = {
  pct: "percent",
  "per-cent": "percent",
  usa: "us",
  "u.s.a": "us",
  colour: "color",
  favour: "favor",
  centre: "center",
  programme: "program",
};

/** 32-bit FNV-1a hash of a string (UTF-16 code units). */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/**
 * The comparison form of one printed word (already normalised by `normalizeWord`).
 * @example comparisonForm("per-cent") // "percent"
 */
export function comparisonForm(norm: string): string {
  const w = norm.indexOf("’") >= 0 || norm.indexOf("‘") >= 0 ? norm.replace(/[’‘]/g, "'") : norm;
  const folded = FOLD_MAP.get(w);
  return folded === undefined ? w : folded;
}

const FOLD_MAP = new Map<string, string>([...Object.entries(NUMBER_WORDS), ...Object.entries(FOLDS)]);

/** Whether a comparison form is a figure ("45", "36446", "1.5"). */
export function isNumberForm(form: string): boolean {
  const c = form.charCodeAt(0);
  if (!(c >= 48 && c <= 57)) return false;
  for (let i = 1; i < form.length; i++) {
    const d = form.charCodeAt(i);
    if (!((d >= 48 && d <= 57) || d === 46)) return false;
  }
  return true;
}

const PERCENT_ID = hashString("percent");

/**
 * Comparison tokens of a text, with offsets into it.
 * @example comparisonTokens("45 per cent").forms // with keepForms: ["45", "percent"]
 */
export function comparisonTokens(text: string, {keepForms = false}: {keepForms?: boolean} = {}): ComparisonTokens {
  const source = typeof text === "string" ? text : "";
  const raw = words(source);
  const ids: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const numeric: number[] = [];
  const forms: string[] = [];
  const push = (form: string, start: number, end: number) => {
    ids.push(hashString(form));
    starts.push(start);
    ends.push(end);
    numeric.push(isNumberForm(form) ? 1 : 0);
    if (keepForms) forms.push(form);
  };
  for (let t = 0; t < raw.length; t++) {
    const token = raw[t]!;
    const form = comparisonForm(token.norm);
    // "per cent" → one token "percent".
    if (form === "per" && raw[t + 1]?.norm === "cent" && /^\s+$/.test(source.slice(token.end, raw[t + 1]!.start))) {
      push("percent", token.start, raw[t + 1]!.end);
      t++;
      continue;
    }
    // Hyphenated words compare by their parts ("open-minded" = "open minded"); numbers stay whole.
    if (form.includes("-") && !isNumberForm(form)) {
      let offset = token.start;
      for (const part of token.raw.split("-")) {
        if (part) push(comparisonForm(part.toLowerCase().replace(/’/g, "'").replace(/\./g, "")), offset, offset + part.length);
        offset += part.length + 1;
      }
      continue;
    }
    push(form, token.start, token.end);
    // "45%" → "45 percent".
    if (isNumberForm(form) && source[token.end] === "%") {
      ids.push(PERCENT_ID);
      starts.push(token.end);
      ends.push(token.end + 1);
      numeric.push(0);
      if (keepForms) forms.push("percent");
    }
  }
  const result: ComparisonTokens = {ids: Int32Array.from(ids), starts: Int32Array.from(starts), ends: Int32Array.from(ends), numeric: Uint8Array.from(numeric)};
  if (keepForms) result.forms = forms;
  return result;
}
