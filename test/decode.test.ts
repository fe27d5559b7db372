import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {decodeBytes, normalizeText} from "../src/lib/decode.js";

const utf8 = (s: string) => new TextEncoder().encode(s);
const bytes = (...parts: (number[] | string)[]) => new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...utf8(p)] : p)));
const utf16 = (s: string, endian: "le" | "be") => {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out.push(...(endian === "le" ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff]));
  }
  return out;
};

describe("decodeBytes", () => {
  it("reads plain UTF-8, with or without a byte-order mark", () => {
    expect(decodeBytes(utf8("Council backs “plan”"))).toEqual({ok: true, text: "Council backs “plan”", encoding: "utf-8"});
    expect(decodeBytes(bytes([0xef, 0xbb, 0xbf], "Budget"))).toEqual({ok: true, text: "Budget", encoding: "utf-8-bom"});
  });

  it("reads UTF-16 little and big endian after their byte-order marks", () => {
    const text = "Minister’s “45 percent” pledge";
    expect(decodeBytes(bytes([0xff, 0xfe], utf16(text, "le")))).toEqual({ok: true, text, encoding: "utf-16le"});
    expect(decodeBytes(bytes([0xfe, 0xff], utf16(text, "be")))).toEqual({ok: true, text, encoding: "utf-16be"});
  });

  it("recognises UTF-16 saved without a byte-order mark instead of calling it binary", () => {
    const text = "Port fees rise 45 percent";
    expect(decodeBytes(bytes(utf16(text, "le")))).toEqual({ok: true, text, encoding: "utf-16le-no-bom"});
    expect(decodeBytes(bytes(utf16(text, "be")))).toEqual({ok: true, text, encoding: "utf-16be-no-bom"});
  });

  it("reads Windows-1252 smart quotes and Latin-1 accents when the bytes are not UTF-8", () => {
    const cp1252 = bytes("Airline cuts jobs, ", [0x93], "a painful decision", [0x94], " ", [0x96], " it", [0x92], "s final");
    expect(decodeBytes(cp1252)).toEqual({ok: true, text: "Airline cuts jobs, “a painful decision” – it’s final", encoding: "windows-1252"});
    expect(decodeBytes(bytes("Caf", [0xe9], " rent up 30 percent, to ", [0xa3], "4,000"))).toMatchObject({ok: true, text: "Café rent up 30 percent, to £4,000", encoding: "windows-1252"});
  });

  it("keeps mostly-UTF-8 text with a few broken bytes as UTF-8, marking them with U+FFFD", () => {
    const decoded = decodeBytes(bytes("The mayor’s “plan” cuts 200 jobs ", [0xff], " and ", [0xe2, 0x80], " more"));
    expect(decoded).toEqual({ok: true, text: "The mayor’s “plan” cuts 200 jobs \uFFFD and \uFFFD more", encoding: "utf-8-with-errors"});
  });

  it("refuses empty files, images renamed .txt and bytes with NUL", () => {
    expect(decodeBytes(new Uint8Array())).toMatchObject({ok: false, code: "empty-file"});
    expect(decodeBytes(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toMatchObject({ok: false, code: "binary-file", message: "The file is a PNG image, not text."});
    expect(decodeBytes(bytes("Headline\n\nText", [0, 0, 0], "more"))).toMatchObject({ok: false, code: "binary-file"});
    expect(decodeBytes(bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17, 18, 19, 20], "ab"))).toMatchObject({ok: false, code: "binary-file"});
  });

  it("never throws on any byte sequence", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let n = 0; n < 300; n++) {
      const data = new Uint8Array(Math.floor(random() * 64)).map(() => Math.floor(random() * 256));
      const decoded = decodeBytes(data);
      if (decoded.ok) expect(typeof decoded.text).toBe("string");
      else expect(decoded.message.length).toBeGreaterThan(0);
    }
  });
});

describe("normalizeText", () => {
  it("turns CRLF, CR, NEL and Unicode line separators into \\n", () => {
    expect(normalizeText("Headline\r\n\r\nBody one.\rBody two.\u2028Three\u0085Four")).toBe("Headline\n\nBody one.\nBody two.\nThree\nFour");
  });

  it("drops byte-order marks, C0 and C1 control characters but keeps tabs", () => {
    expect(normalizeText("\uFEFFA\u0007 bell\u0000 and\u0090 a\tb\uFEFF")).toBe("A bell and a\tb");
  });

  it("composes accents (NFC) and trims trailing whitespace", () => {
    expect(normalizeText("Cafe\u0301  \nZu\u0308rich \t\n\n\n")).toBe("Café\nZürich");
  });

  it("replaces lone surrogates so the text serialises as valid UTF-8", () => {
    expect(normalizeText("a\uD800b\uDC00c\uD83D\uDE00")).toBe("a\uFFFDb\uFFFDc😀");
  });

  it("is idempotent, also where removing a control character lets accents compose", () => {
    for (const s of ["e\u0007\u0301", "\uFEFF\uFEFFText", "a \u2028", "x\r\u0001\ny", "o\u0308\u0085", "\uD800\u0301"]) {
      const once = normalizeText(s);
      expect(normalizeText(once), JSON.stringify(s)).toBe(once);
    }
    expect(normalizeText("e\u0007\u0301")).toBe("é");
  });

  it("gives what the plain chain of replacements gives, on arbitrary text", () => {
    // The definition: every replacement applied, whether or not it has anything to do.
    const byDefinition = (text: string) =>
      text
        .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD")
        .replace(/\uFEFF/g, "")
        .replace(/\r\n?|[\u0085\u2028\u2029]/g, "\n")
        .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, "")
        .normalize("NFC")
        .split("\n")
        .map((line) => line.replace(/[ \t]+$/, ""))
        .join("\n")
        .trimEnd();
    const alphabet = fc.constantFrom(..."ae \t\n\r\u0301\u0007\u0085\u2028\uFEFF\u00a0".split(""), "\uD800", "\uDC00", "\uD83D\uDE00");
    fc.assert(fc.property(fc.array(alphabet, {maxLength: 30}).map((a) => a.join("")), (text) => {
      expect(normalizeText(text)).toBe(byDefinition(text));
    }), {numRuns: 3000});
  });
});
