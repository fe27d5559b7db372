/**
 * Bytes → normalised text. Pure: no file system. Decides the encoding from a byte-order mark,
 * else strict UTF-8, else Windows-1252 (the legacy 8-bit encoding English news text is usually in);
 * refuses binary data.
 */

export type Decoded =
  | {ok: true; text: string; encoding: "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "windows-1252"}
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
  if (bytes.includes(0)) return {ok: false, code: "binary-file", message: "The file contains NUL bytes: it is binary, not text."};
  try {
    return finish(new TextDecoder("utf-8", {fatal: true}).decode(bytes), "utf-8");
  } catch {
    return finish(new TextDecoder("windows-1252").decode(bytes), "windows-1252");
  }
}

function finish(text: string, encoding: Extract<Decoded, {ok: true}>["encoding"]): Decoded {
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
 * Normalises decoded text: line endings to `\n`, Unicode NFC, no control characters but tab and
 * newline, no byte-order mark, trailing whitespace trimmed. Every offset in the output refers to
 * this form.
 * @example normalizeText("a\r\nb\rc") // "a\nb\nc"
 */
export function normalizeText(text: string): string {
  return text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .normalize("NFC")
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u2028\u2029]/g, (c) => (c === "\u2028" || c === "\u2029" ? "\n" : ""))
    .replace(/[ \t]+$/gm, "")
    .replace(/\s+$/, "");
}
