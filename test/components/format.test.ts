import {describe, expect, it} from "vitest";
import {count, formatEstimate, formatInstant, formatShare} from "../../src/components/format.js";

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
});
