import {describe, expect, it} from "vitest";
import {csvCell, toCsv} from "../src/lib/csv.js";

describe("csv", () => {
  it("quotes cells with commas, quotes and newlines", () => {
    expect(csvCell('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
    expect(csvCell(12.5)).toBe("12.5");
    expect(csvCell(null)).toBe("");
  });
  it("defuses spreadsheet formulas in untrusted text", () => {
    expect(csvCell("=HYPERLINK(\"x\")")).toBe("\"'=HYPERLINK(\"\"x\"\")\"");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell(-3)).toBe("-3");
  });
  it("writes a header and one line per row", () => {
    expect(toCsv(["a", "b"], [[1, "x"], [2, null]])).toBe("a,b\n1,x\n2,\n");
  });
});
