import {describe, expect, it} from "vitest";
import {BIN_UNITS, binEnd, binLength, binStart, binUnit} from "../src/lib/bins.js";

const day = 86_400_000;
const iso = (t: number) => new Date(t).toISOString();

describe("publication bins", () => {
  it("chooses a unit that keeps a span to a few hundred bins", () => {
    expect([0, 21 * day, 22 * day, 366 * day, 400 * day, 8 * 366 * day, 9 * 366 * day, 40 * 366 * day, 41 * 366 * day].map(binUnit)).toEqual(["hour", "hour", "day", "day", "week", "week", "month", "month", "year"]);
  });
  it("puts a time in its hour, day, week (from Monday), month or year, in UTC", () => {
    const t = Date.parse("2017-01-10T08:48:30Z"); // a Tuesday
    expect(iso(binStart(t, "hour"))).toBe("2017-01-10T08:00:00.000Z");
    expect(iso(binStart(t, "day"))).toBe("2017-01-10T00:00:00.000Z");
    expect(iso(binStart(t, "week"))).toBe("2017-01-09T00:00:00.000Z");
    expect(iso(binStart(Date.parse("2017-01-15T23:00:00Z"), "week"))).toBe("2017-01-09T00:00:00.000Z"); // Sunday
    expect(iso(binStart(t, "month"))).toBe("2017-01-01T00:00:00.000Z");
    expect(iso(binStart(t, "year"))).toBe("2017-01-01T00:00:00.000Z");
  });
  it("ends each bin where the next begins, months and leap years included", () => {
    expect(iso(binEnd(Date.parse("2016-02-01T00:00:00Z"), "month"))).toBe("2016-03-01T00:00:00.000Z");
    expect(iso(binEnd(Date.parse("2016-12-01T00:00:00Z"), "month"))).toBe("2017-01-01T00:00:00.000Z");
    expect(iso(binEnd(Date.parse("2016-01-01T00:00:00Z"), "year"))).toBe("2017-01-01T00:00:00.000Z");
    expect(iso(binEnd(Date.parse("2017-01-09T00:00:00Z"), "week"))).toBe("2017-01-16T00:00:00.000Z");
    for (const unit of ["hour", "day", "week", "month", "year"] as const) {
      const start = binStart(Date.parse("2019-07-31T23:59:59Z"), unit);
      expect(binStart(binEnd(start, unit), unit)).toBe(binEnd(start, unit));
    }
  });
});

describe("binLength", () => {
  it("is the longest each bin can be, and grows with the unit", () => {
    expect(BIN_UNITS.map(binLength)).toEqual([3_600_000, 86_400_000, 7 * 86_400_000, 31 * 86_400_000, 366 * 86_400_000]);
    // Every bin fits its length.
    for (const unit of BIN_UNITS) {
      const start = binStart(Date.UTC(2024, 1, 15, 13), unit);
      expect(binEnd(start, unit) - start).toBeLessThanOrEqual(binLength(unit));
    }
  });
});
