import {describe, expect, it} from "vitest";
import {rowsToCsv} from "../../src/components/downloads.js";

describe("rowsToCsv", () => {
  it("takes columns from every row and quotes what needs it", () => {
    expect(rowsToCsv([{id: "a", n: 1}, {id: 'say "x", y', extra: true}])).toBe('id,n,extra\na,1,\n"say ""x"", y",,true\n');
  });
  it("defuses formulas and writes objects as JSON", () => {
    expect(rowsToCsv([{cell: "=cmd()", data: {a: 1}}])).toBe(`cell,data\n'=cmd(),"{""a"":1}"\n`);
  });
});
