import {describe, expect, it} from "vitest";
import {shareStrings} from "../src/lib/share-strings.js";

describe("shareStrings", () => {
  const text = "The company said it would create one million jobs in five years.";
  it("keeps every value as it was", () => {
    const value = {
      id: "d:c0",
      sentence: text.slice(0, 64),
      sentenceSpan: [0, 64],
      evidence: [{text: "one million jobs", span: [32, 48], source: "text"}, {text: "not in the text", span: [0, 15], source: "corpus"}],
      tags: ["fact", "USD"],
      bytes: new Uint32Array([1, 2])
    };
    const before = structuredClone(value);
    expect(shareStrings(value, text, new Map())).toEqual(before);
  });
  it("gives equal short strings one instance from the pool", () => {
    const pool = new Map<string, string>();
    const a = shareStrings({unit: "USD".split("").join("")}, text, pool);
    const b = shareStrings({unit: ["U", "S", "D"].join("")}, text, pool);
    expect(a.unit).toBe(b.unit);
    expect(pool.size).toBe(1);
  });
  it("leaves identifiers out of the pool and a text that differs from its span alone", () => {
    const pool = new Map<string, string>();
    const value = shareStrings({id: "x:1", text: "jobs", span: [0, 4]}, text, pool);
    expect(value).toEqual({id: "x:1", text: "jobs", span: [0, 4]});
    expect(pool.has("x:1")).toBe(false);
  });
});
