import {describe, expect, it} from "vitest";
import {reusePairRows} from "../../src/components/reusePairs.js";

const pair = (source: string, target: string, targetCoverage: number, sourceCoverage = 0.1) => ({source, target, targetCoverage, sourceCoverage, label: "shared passage", direction: "timeline"});

describe("reusePairRows", () => {
  it("keeps the pairs that share the most, by the larger coverage, named with their outlets", () => {
    const rows = reusePairRows([pair("a", "b", 0.2), pair("c", "d", 0.1, 0.9), pair("e", "f", 0.5)], [{id: "a", outlet: "Reuters"}, {id: "b", outlet: null}, {id: "c", outlet: "AAP"}], 2);
    expect(rows.map((r) => r.name)).toEqual(["c (AAP) → d", "e → f"]);
    expect(rows[0]!.targetCoverage).toBe(0.1);
  });
  it("gives no rows for no pairs", () => {
    expect(reusePairRows([], [])).toEqual([]);
  });
});
