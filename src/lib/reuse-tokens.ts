/**
 * Comparison tokens for reuse detection: the shared `words` tokenizer, then forms that outlets print
 * differently but mean the same folded together ("per cent" = "percent" = "%", "U.S." = "US",
 * "one" = "1", curly = straight apostrophes, "open-minded" = "open minded"). Every token keeps its
 * offsets in the original text, and carries a 32-bit hash of its comparison form (FNV-1a), so the
 * later passes work on integers only.
 */
import {normalizeWord, scanWords, wordEnd} from "./text.js";

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
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** Hashes of the forms the general path must see: folded forms and the "per" of "per cent". */
const SPECIAL_HASHES = new Set([...FOLD_MAP.keys(), "per", "cent"].map(hashString));

/** Comparison tokens written into typed arrays grown by doubling, one word at a time. */
class TokenWriter {
  private capacity: number;
  private ids: Int32Array;
  private starts: Int32Array;
  private ends: Int32Array;
  private numeric: Uint8Array;
  private n = 0;
  private readonly forms: string[] | null;
  // A "per" waiting for the next word: "per cent" is one token "percent".
  private perStart = -1;
  private perEnd = -1;

  constructor(private readonly source: string, keepForms: boolean) {
    this.capacity = Math.max(16, source.length >> 2);
    this.ids = new Int32Array(this.capacity);
    this.starts = new Int32Array(this.capacity);
    this.ends = new Int32Array(this.capacity);
    this.numeric = new Uint8Array(this.capacity);
    this.forms = keepForms ? [] : null;
  }

  /** Whether a "per" waits for the next word (then every word takes the general path). */
  get waiting(): boolean {
    return this.perStart >= 0;
  }

  /** One token by the hash of its form. */
  push(id: number, start: number, end: number, isNumber: boolean, form?: string): void {
    if (this.n === this.capacity) {
      this.capacity *= 2;
      const grow = <T extends Int32Array | Uint8Array>(a: T, b: T): T => (b.set(a), b);
      this.ids = grow(this.ids, new Int32Array(this.capacity));
      this.starts = grow(this.starts, new Int32Array(this.capacity));
      this.ends = grow(this.ends, new Int32Array(this.capacity));
      this.numeric = grow(this.numeric, new Uint8Array(this.capacity));
    }
    this.ids[this.n] = id;
    this.starts[this.n] = start;
    this.ends[this.n] = end;
    this.numeric[this.n] = isNumber ? 1 : 0;
    this.n++;
    if (this.forms) this.forms.push(form ?? "");
  }

  private pushForm(form: string, start: number, end: number, isNumber: boolean): void {
    this.push(form === "percent" ? PERCENT_ID : hashString(form), start, end, isNumber, form);
  }

  /** The general reading of the word at [start, end): normalised, folded, split at hyphens. */
  word(start: number, end: number): void {
    const {source} = this;
    const raw = source.slice(start, end);
    const norm = normalizeWord(raw);
    if (this.perStart >= 0) {
      if (norm === "cent" && /^\s+$/.test(source.slice(this.perEnd, start))) {
        this.pushForm("percent", this.perStart, end, false);
        this.perStart = -1;
        return;
      }
      this.pushForm("per", this.perStart, this.perEnd, false);
      this.perStart = -1;
    }
    const form = comparisonForm(norm);
    if (form === "per") {
      this.perStart = start;
      this.perEnd = end;
      return;
    }
    const isNumber = isNumberForm(form);
    // Hyphenated words compare by their parts ("open-minded" = "open minded"); numbers stay whole.
    if (!isNumber && form.includes("-")) {
      let offset = start;
      for (const part of raw.split("-")) {
        if (part) {
          const partForm = comparisonForm(part.toLowerCase().replace(/’/g, "'").replace(/\./g, ""));
          this.pushForm(partForm, offset, offset + part.length, isNumberForm(partForm));
        }
        offset += part.length + 1;
      }
      return;
    }
    this.pushForm(form, start, end, isNumber);
    // "45%" → "45 percent".
    if (isNumber && source.charCodeAt(end) === 37) this.pushForm("percent", end, end + 1, false);
  }

  finish(): ComparisonTokens {
    if (this.perStart >= 0) this.pushForm("per", this.perStart, this.perEnd, false);
    this.perStart = -1;
    const n = this.n;
    const result: ComparisonTokens = {ids: this.ids.slice(0, n), starts: this.starts.slice(0, n), ends: this.ends.slice(0, n), numeric: this.numeric.slice(0, n)};
    if (this.forms) result.forms = this.forms;
    return result;
  }
}

/**
 * Comparison tokens of a text, with offsets into it. Words of ASCII letters and digits alone (most
 * of them) are hashed straight from the text, lower-cased on the fly, without building strings;
 * the rest, and the forms that fold, go the general way (`comparisonTokensByWords`).
 * @example comparisonTokens("45 per cent").forms // with keepForms: ["45", "percent"]
 */
export function comparisonTokens(text: string, {keepForms = false}: {keepForms?: boolean} = {}): ComparisonTokens {
  const source = typeof text === "string" ? text : "";
  if (keepForms) return comparisonTokensByWords(source, {keepForms});
  const writer = new TokenWriter(source, false);
  scanWords(source, (start, matchEnd) => {
    const end = wordEnd(source, start, matchEnd);
    // Plain words: ASCII letters, digits, apostrophes (curly ones compare as straight ones) and,
    // in figures, thousands commas.
    let h = FNV_OFFSET;
    let simple = !writer.waiting;
    let digits = true;
    let letters = false;
    let commas = false;
    for (let i = start; simple && i < end; i++) {
      let c = source.charCodeAt(i);
      if (c >= 65 && c <= 90) c |= 32;
      else if (c === 8217) c = 39;
      else if (c === 44) {
        commas = true;
        continue;
      } else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 39)) {
        simple = false;
        break;
      }
      if (c > 57 || c === 39) digits = false;
      if (c > 57) letters = true;
      h ^= c;
      h = Math.imul(h, FNV_PRIME);
    }
    h |= 0;
    if (!simple || (commas && !digits) || (!letters && !digits) || SPECIAL_HASHES.has(h)) {
      writer.word(start, end);
      return;
    }
    writer.push(h, start, end, digits);
    // "45%" → "45 percent".
    if (digits && source.charCodeAt(end) === 37) writer.push(PERCENT_ID, end, end + 1, false);
  });
  return writer.finish();
}

/**
 * The hash of each word's comparison form, word by word as `words` finds them (no "per cent"
 * joining, no splitting at hyphens): `hashString(comparisonForm(norm))` of every token, with words
 * of ASCII letters alone hashed straight from the text (the tests compare both ways).
 * @example wordHashes("One pct").length // 2, the hashes of "1" and "percent"
 */
export function wordHashes(text: string): Int32Array {
  const source = typeof text === "string" ? text : "";
  let out = new Int32Array(Math.max(8, source.length >> 2));
  let n = 0;
  scanWords(source, (start, matchEnd) => {
    const end = wordEnd(source, start, matchEnd);
    let h = FNV_OFFSET;
    let plain = true;
    for (let i = start; i < end; i++) {
      const c = source.charCodeAt(i) | 32;
      if (c < 97 || c > 122) {
        plain = false;
        break;
      }
      h ^= c;
      h = Math.imul(h, FNV_PRIME);
    }
    h |= 0;
    // Folded forms ("one", "pct") and the rest take the general way.
    if (!plain || SPECIAL_HASHES.has(h)) h = hashString(comparisonForm(normalizeWord(source.slice(start, end))));
    if (n === out.length) {
      const grown = new Int32Array(out.length * 2);
      grown.set(out);
      out = grown;
    }
    out[n++] = h;
  });
  return out.slice(0, n);
}

/**
 * Comparison tokens the plain way, every word through `normalizeWord` and `comparisonForm`:
 * `comparisonTokens` gives the same result faster (the tests compare them).
 * @example comparisonTokensByWords("45 per cent").forms // with keepForms: ["45", "percent"]
 */
export function comparisonTokensByWords(text: string, {keepForms = false}: {keepForms?: boolean} = {}): ComparisonTokens {
  const source = typeof text === "string" ? text : "";
  const writer = new TokenWriter(source, keepForms);
  scanWords(source, (start, matchEnd) => writer.word(start, wordEnd(source, start, matchEnd)));
  return writer.finish();
}
