/**
 * Bytes → normalised text. Pure: no file system. Decides the encoding from a byte-order mark,
 * else strict UTF-8, else Windows-1252 (the legacy 8-bit encoding English news text is usually in);
 * refuses binary data.
 */

export type Encoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "utf-16le-no-bom" | "utf-16be-no-bom" | "utf-8-with-errors" | "windows-1252";

export type Decoded =
  | {ok: true; text: string; encoding: Encoding}
  | {ok: false; code: "empty-file" | "binary-file" | "undecodable"; message: string};

const MAGIC: [number[], string][] = [
  [[0x89, 0x50, 0x4e, 0x47], "a PNG image"],
  [[0xff, 0xd8, 0xff], "a JPEG image"],
  [[0x47, 0x49, 0x46, 0x38], "a GIF image"],
  [[0x25, 0x50, 0x44, 0x46], "a PDF document"],
  [[0x50, 0x4b, 0x03, 0x04], "a ZIP archive (or Office document)"],
  [[0x1f, 0x8b], "a gzip archive"],
  [[0x52, 0x49, 0x46, 0x46], "a RIFF media file"],
  [[0x7f, 0x45, 0x4c, 0x46], "an executable"]
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b);
}

/**
 * Decodes the bytes of an article file.
 * @example decodeBytes(new TextEncoder().encode("Hello")) // {ok: true, text: "Hello", encoding: "utf-8"}
 */
export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return {ok: false, code: "empty-file", message: "The file is empty."};
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    return finish(new TextDecoder("utf-8").decode(bytes.subarray(3)), "utf-8-bom");
  }
  if (startsWith(bytes, [0xff, 0xfe])) return finish(new TextDecoder("utf-16le").decode(bytes.subarray(2)), "utf-16le");
  if (startsWith(bytes, [0xfe, 0xff])) return finish(new TextDecoder("utf-16be").decode(bytes.subarray(2)), "utf-16be");
  for (const [magic, what] of MAGIC) {
    if (startsWith(bytes, magic)) return {ok: false, code: "binary-file", message: `The file is ${what}, not text.`};
  }
  if (bytes.includes(0)) {
    const utf16 = utf16WithoutBom(bytes);
    if (utf16) return finish(new TextDecoder(utf16).decode(bytes), utf16 === "utf-16le" ? "utf-16le-no-bom" : "utf-16be-no-bom");
    return {ok: false, code: "binary-file", message: "The file contains NUL bytes: it is binary, not text."};
  }
  try {
    return finish(new TextDecoder("utf-8", {fatal: true}).decode(bytes), "utf-8");
  } catch {
    // Mostly UTF-8 with a few broken bytes (a cut-off download, a bad copy-paste): keep it as UTF-8
    // with U+FFFD for the broken bytes. No valid multi-byte sequence at all: legacy 8-bit text.
    const lenient = new TextDecoder("utf-8").decode(bytes);
    let replaced = 0;
    let multibyte = 0;
    for (let i = 0; i < lenient.length; i++) {
      const c = lenient.charCodeAt(i);
      if (c === 0xfffd) replaced++;
      else if (c > 0x7f) multibyte++;
    }
    if (multibyte > 0 && multibyte >= replaced) return finish(lenient, "utf-8-with-errors");
    return finish(decodeWindows1252(bytes), "windows-1252");
  }
}

/** Windows-1252 bytes 0x80–0x9F (undefined ones map to the C1 control of the same value). */
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ".split(""); // 0x80..0x9F
const CP1252_TABLE: string[] = Array.from({length: 256}, (_, b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : String.fromCharCode(b)));

/**
 * Decodes Windows-1252 by table. (Some Node builds decode the "windows-1252" label as ISO-8859-1,
 * which turns smart quotes into invisible control characters.)
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    let part = "";
    for (const b of chunk) part += CP1252_TABLE[b];
    out += part;
  }
  return out;
}

/**
 * UTF-16 saved without a byte-order mark: ASCII-range text has a NUL in every other byte. Returns
 * the encoding when nearly every pair looks like that, else null (binary data).
 */
function utf16WithoutBom(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  const pairs = Math.min(bytes.length / 2, 4096);
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i] === 0) evenZero++;
    if (bytes[2 * i + 1] === 0) oddZero++;
  }
  if (oddZero >= pairs * 0.9 && evenZero === 0) return "utf-16le";
  if (evenZero >= pairs * 0.9 && oddZero === 0) return "utf-16be";
  return null;
}

function finish(text: string, encoding: Encoding): Decoded {
  // Control characters other than tab, newline and carriage return mean binary data.
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) controls++;
  }
  if (text.length > 0 && controls / text.length > 0.05) {
    return {ok: false, code: "binary-file", message: "The file is mostly control characters: it looks binary, not text."};
  }
  return {ok: true, text, encoding};
}

/**
 * Normalises decoded text: line endings to `\n` (also U+2028, U+2029 and NEL), no byte-order
 * marks, no control characters but tab and newline (C0, DEL and C1), lone surrogates replaced by
 * U+FFFD, Unicode NFC, trailing whitespace trimmed from each line and from the end. Every offset in
 * the output refers to this form. Idempotent: `normalizeText(normalizeText(x)) === normalizeText(x)`.
 * @example normalizeText("a\r\nb\rc") // "a\nb\nc"
 */
export function normalizeText(text: string): string {
  // The two costly steps, the lone-surrogate replacement (a look-around at every character) and the
  // per-line trim (a string per line), first test whether there is anything for them to do: most
  // texts have neither a lone surrogate nor a space before a line end.
  if (ANY_SURROGATE.test(text)) text = text.replace(LONE_SURROGATE, "\uFFFD");
  const cleaned = text
    .replace(/\uFEFF/g, "")
    .replace(/\r\n?|[\u0085\u2028\u2029]/g, "\n")
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, "")
    .normalize("NFC");
  const trimmed = SPACE_AT_LINE_END.test(cleaned) ? cleaned.split("\n").map(trimSpacesAtEnd).join("\n") : cleaned;
  return trimmed.trimEnd();
}

const ANY_SURROGATE = /[\uD800-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const SPACE_AT_LINE_END = /[ \t]\n/;

/**
 * A line without its trailing spaces and tabs. (A loop, not `/[ \t]+$/`: that regular expression
 * takes quadratic time on a long run of spaces followed by a letter.)
 */
function trimSpacesAtEnd(line: string): string {
  let end = line.length;
  while (end > 0 && (line.charCodeAt(end - 1) === 32 || line.charCodeAt(end - 1) === 9)) end--;
  return end === line.length ? line : line.slice(0, end);
}
