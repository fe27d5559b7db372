import {describe, expect, it} from "vitest";
import {extractClaims} from "../src/lib/claims.js";
import {readModality} from "../src/lib/claims-modality.js";
import {parseDateTimes} from "../src/lib/time-parse.js";
import {resolveDateExpression} from "../src/lib/time-relative.js";
import {wordTable} from "../src/lib/word-table.js";
import {makeDocument} from "./helpers.js";

/** Words that name members every plain JavaScript object inherits. */
const INHERITED = ["constructor", "toString", "valueOf", "hasOwnProperty", "isPrototypeOf", "__proto__"];

describe("wordTable", () => {
  it("finds its own keys and none inherited", () => {
    const table = wordTable({one: 1, two: 2});
    expect(table.one).toBe(1);
    expect("two" in table).toBe(true);
    for (const word of INHERITED) {
      expect(table[word]).toBeUndefined();
      expect(word in table).toBe(false);
    }
    expect(Object.isFrozen(table)).toBe(true);
  });
});

describe("words that name inherited members are ordinary words", () => {
  it("a figure before such a word is read, not rejected as a scale", () => {
    const text = "Builders pledge homes\n\nThe constructor said it would build 45 constructor homes and hire 3 constructor workers.";
    const {claims, diagnostics} = extractClaims(makeDocument("d", text));
    expect(diagnostics.map((d) => d.code)).toEqual([]);
    expect(claims.map((c) => c.quantity.value)).toEqual([45, 3]);
    expect(claims.map((c) => c.measure)).toEqual(["home", "worker"]);
  });

  it("such a word before a figure is not a modal auxiliary", () => {
    const tokens = [{norm: "constructor", raw: "constructor", start: 0, end: 11}];
    expect(readModality(tokens, "home")).toMatchObject({modality: "fact", cue: null});
  });

  it("such a word is not a month, a weekday or a relative day", () => {
    for (const word of INHERITED) {
      expect(parseDateTimes(`Published ${word} 9, 2017`)).toEqual(parseDateTimes("Published 9, 2017"));
      expect(resolveDateExpression(word, "2017-01-10")).toBeNull();
      expect(resolveDateExpression(`${word} ago`, "2017-01-10")).toBeNull();
    }
  });
});
