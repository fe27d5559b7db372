import {describe, expect, it} from "vitest";
import {count, documentName, formatBasis, formatEstimate, formatInstant, formatShare} from "../../src/components/format.js";

describe("format", () => {
  it("formats an instant in the zone asked for, not the machine's", () => {
    expect(formatInstant("2017-01-10T08:48:00Z", "UTC")).toBe("10 Jan 2017, 08:48 UTC");
    expect(formatInstant("2017-01-10T08:48:00Z", "Australia/Sydney")).toMatch(/^10 Jan 2017, 19:48 /);
    expect(formatInstant(null)).toBe("unknown");
    expect(formatInstant("not a date")).toBe("unknown");
  });
  it("gives an interval's bounds and an exact time alone", () => {
    expect(formatEstimate({earliest: "2017-01-09T05:00:00Z", latest: "2017-01-10T05:00:00Z", best: "2017-01-09T17:00:00Z"})).toBe("between 9 Jan 2017, 05:00 UTC and 10 Jan 2017, 05:00 UTC");
    expect(formatEstimate({earliest: "2017-01-10T00:01:00Z", latest: "2017-01-10T00:01:00Z", best: "2017-01-10T00:01:00Z"}, "Asia/Hong_Kong")).toMatch(/^10 Jan 2017, 08:01 /);
  });
  it("rounds shares to whole percentages", () => {
    expect(formatShare(0.4321)).toBe("43%");
    expect(formatShare(1)).toBe("100%");
  });
  it("counts with the singular for one", () => {
    expect(count(1, "document")).toBe("1 document");
    expect(count(0, "drift event")).toBe("0 drift events");
    expect(count(1200, "person", "people")).toBe("1,200 people");
  });
  it("names a document by its outlet, else its headline, else its id", () => {
    expect(documentName({id: "d1", outlet: "Reuters", title: "A headline"})).toBe("Reuters");
    expect(documentName({id: "d1", outlet: null, title: "Company offers one million jobs"})).toBe("“Company offers one million jobs”");
    expect(documentName({id: "d1", outlet: null, title: "one two three four five six seven eight nine ten"})).toBe("“one two three four five six seven eight …”");
    expect(documentName({id: "d1", outlet: null, title: "  "})).toBe("d1");
    expect(documentName({id: "d1"})).toBe("d1");
  });
  it("says what a consensus basis means, and keeps other bases as they are", () => {
    expect(formatBasis("consensus:3-of-4")).toBe("3 of the 4 documents that date it agree");
    expect(formatBasis("consensus:3-of-3")).toBe("all 3 documents that date it agree");
    expect(formatBasis("consensus:1-of-1")).toBe("the one document that dates it");
    expect(formatBasis("consensus:2-of-5:zone-unknown")).toBe("2 of the 5 documents that date it agree; their zone is unknown");
    expect(formatBasis("relative-day:caption")).toBe("relative-day:caption");
  });
});
