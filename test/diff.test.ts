import {describe, expect, it} from "vitest";
import {diffWords, editScript} from "../src/lib/diff.js";

describe("editScript", () => {
  it("finds the shortest script between two sequences", () => {
    const steps = editScript([1, 2, 3, 4], [1, 3, 4, 5]);
    expect(steps.map((s) => s.op)).toEqual(["same", "removed", "same", "same", "added"]);
  });
  it("reports an over-budget middle as replaced, keeping the common ends", () => {
    const steps = editScript([0, 1, 2, 3, 9], [0, 5, 6, 7, 9], 2);
    expect(steps.filter((s) => s.op === "same").length).toBe(2);
    expect(steps.filter((s) => s.op === "removed").length).toBe(3);
    expect(steps.filter((s) => s.op === "added").length).toBe(3);
  });
  it("handles empty inputs", () => {
    expect(editScript([], [])).toEqual([]);
    expect(editScript([], [1]).map((s) => s.op)).toEqual(["added"]);
  });
});

describe("diffWords", () => {
  it("shows a dropped and an added word in a quotation", () => {
    expect(diffWords("Jack and I are going to do some great things", "Jack and I are going to do great things for small business")).toEqual([
      {op: "same", text: "Jack and I are going to do"},
      {op: "removed", text: "some"},
      {op: "same", text: "great things"},
      {op: "added", text: "for small business"},
    ]);
  });
  it("ignores case, punctuation and curly apostrophes", () => {
    expect(diffWords("We’re focused on small business,", "we're focused on small business.")).toEqual([
      {op: "same", text: "we're focused on small business."},
    ]);
  });
  it("shows a changed figure as removed then added", () => {
    const diff = diffWords("had 36,446 full-time employees", "had 36,000 full-time employees");
    expect(diff).toContainEqual({op: "removed", text: "36,446"});
    expect(diff).toContainEqual({op: "added", text: "36,000"});
  });
  it("never throws on odd input and bounds the cost of long unrelated texts", () => {
    expect(diffWords("", "")).toEqual([]);
    const a = Array.from({length: 5000}, (_, i) => `a${i}`).join(" ");
    const b = Array.from({length: 5000}, (_, i) => `b${i}`).join(" ");
    const t = performance.now();
    const diff = diffWords(a, b);
    expect(performance.now() - t).toBeLessThan(2000);
    expect(diff.map((d) => d.op)).toEqual(["removed", "added"]);
  });
});

describe("initialisms", () => {
  it("compares U.S. and US as the same word", () => {
    expect(diffWords("one million U.S. jobs", "one million US jobs").map((p) => p.op)).toEqual(["same"]);
  });
});
