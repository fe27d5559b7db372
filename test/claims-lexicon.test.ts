import {describe, expect, it} from "vitest";
import {lemmatize, verbLemma} from "../src/lib/claims-lexicon.js";

describe("verbLemma", () => {
  it("returns the listed verbs that govern figures", () => {
    expect(verbLemma("creating")).toBe("create");
    expect(verbLemma("added")).toBe("add");
    expect(verbLemma("brought")).toBe("bring");
    expect(verbLemma("increases")).toBe("increase");
  });
  it("restores the spelling of other verbs' base forms by rule", () => {
    const lemmas = (words: string[]) => words.map(verbLemma);
    // a doubled final consonant is single in the base form, but not l, s, f or z
    expect(lemmas(["dragged", "stunned", "kidnapped", "called", "passed", "staffed", "buzzed"])).toEqual(["drag", "stun", "kidnap", "call", "pass", "staff", "buzz"]);
    // endings that need an e in the base form
    expect(lemmas(["derived", "argued", "produced", "organized", "judged", "released", "proposed"])).toEqual(["derive", "argue", "produce", "organize", "judge", "release", "propose"]);
    expect(lemmas(["declared", "compared", "retired", "acquired", "measured", "captured", "ensuring"])).toEqual(["declare", "compare", "retire", "acquire", "measure", "capture", "ensure"]);
    expect(lemmas(["included", "decided", "traded", "riddled", "handling", "doubled"])).toEqual(["include", "decide", "trade", "riddle", "handle", "double"]);
    // and endings that do not
    expect(lemmas(["treated", "joined", "focused", "founded", "studies", "carried"])).toEqual(["treat", "join", "focus", "found", "study", "carry"]);
    expect(lemmas(["cleared", "appeared", "offered", "entered", "occurred", "starred", "honored", "stirring"])).toEqual(["clear", "appear", "offer", "enter", "occur", "star", "honor", "stir"]);
    expect(lemmas(["raided", "nodded", "founded", "recorded", "avoided", "called", "curled", "crawled", "sailed", "modeled"])).toEqual(["raid", "nod", "found", "record", "avoid", "call", "curl", "crawl", "sail", "model"]);
  });
});

describe("lemmatize", () => {
  it("gives singular nouns", () => {
    expect(["Businesses", "companies", "people", "jobs", "tonnes"].map(lemmatize)).toEqual(["business", "company", "person", "job", "tonne"]);
  });
});
