import {describe, expect, it} from "vitest";
import {isoUtc, localDateOf, localDayBounds, resolveZoneAbbreviation, zonedToUtc, zoneForCountry, zoneForDomain, zoneOffsetAt, readingToUtc} from "../src/lib/time-zones.js";

const at = (y: number, mo: number, d: number, h: number, mi: number, zone: string) => isoUtc(zonedToUtc({year: y, month: mo, day: d, hour: h, minute: mi}, zone));

describe("zonedToUtc: daylight saving for the date, never the machine zone", () => {
  it("US DST starts 2017-03-12", () => {
    expect(at(2017, 3, 11, 12, 0, "America/New_York")).toBe("2017-03-11T17:00:00Z");
    expect(at(2017, 3, 13, 12, 0, "America/New_York")).toBe("2017-03-13T16:00:00Z");
  });
  it("AU DST ends 2017-04-02 in Sydney", () => {
    expect(at(2017, 4, 1, 12, 0, "Australia/Sydney")).toBe("2017-04-01T01:00:00Z");
    expect(at(2017, 4, 3, 12, 0, "Australia/Sydney")).toBe("2017-04-03T02:00:00Z");
  });
  it("Brisbane has no DST; Hong Kong is +8 all year", () => {
    expect(at(2017, 1, 10, 12, 0, "Australia/Brisbane")).toBe("2017-01-10T02:00:00Z");
    expect(at(2017, 7, 10, 8, 1, "Asia/Hong_Kong")).toBe("2017-07-10T00:01:00Z");
  });
  it("a local day is 23 hours on the spring-forward day", () => {
    const [s, e] = localDayBounds({year: 2017, month: 3, day: 12}, "America/New_York");
    expect((e - s) / 3_600_000).toBe(23);
    expect(localDayBounds({year: 2017, month: 1, day: 9}, "America/New_York").map(isoUtc)).toEqual(["2017-01-09T05:00:00Z", "2017-01-10T05:00:00Z"]);
  });
  it("invalid zones give NaN rather than throwing", () => {
    expect(zonedToUtc({year: 2017, month: 1, day: 1}, "Mars/Base")).toBeNaN();
    expect(zonedToUtc({year: 2017, month: 2, day: 30}, "UTC")).toBeNaN();
  });
  it("repeated conversions (remembered) give each zone, time and instant its own answer", () => {
    const local = {year: 2017, month: 1, day: 10, hour: 19, minute: 48};
    for (let round = 0; round < 2; round++) {
      expect(isoUtc(zonedToUtc(local, "Australia/Sydney"))).toBe("2017-01-10T08:48:00Z");
      expect(isoUtc(zonedToUtc(local, "Asia/Hong_Kong"))).toBe("2017-01-10T11:48:00Z");
      expect(isoUtc(zonedToUtc({...local, minute: 49}, "Asia/Hong_Kong"))).toBe("2017-01-10T11:49:00Z");
      expect(isoUtc(zonedToUtc({...local, second: 30}, "Asia/Hong_Kong"))).toBe("2017-01-10T11:48:30Z");
      expect(isoUtc(zonedToUtc({year: 2017, month: 1, day: 10}, "Asia/Hong_Kong"))).toBe("2017-01-09T16:00:00Z");
      const instant = Date.UTC(2017, 2, 12, 6, 59);
      expect(zoneOffsetAt("America/New_York", instant)).toBe(-300);
      expect(zoneOffsetAt("America/New_York", instant + 60_000)).toBe(-240);
      expect(zoneOffsetAt("Europe/London", instant)).toBe(0);
      expect(localDateOf(instant, "Asia/Kolkata")).toEqual({year: 2017, month: 3, day: 12, hour: 12, minute: 29});
    }
  });
});

describe("zone abbreviations", () => {
  const utc = (abbr: string, ctx: Parameters<typeof resolveZoneAbbreviation>[1], local: {year: number; month: number; day: number; hour: number; minute: number}) =>
    resolveZoneAbbreviation(abbr, ctx).map((r) => isoUtc(readingToUtc(local, r)));
  it("AEDT/AEST are Australian, never US Eastern", () => {
    expect(utc("AEDT", {}, {year: 2017, month: 1, day: 10, hour: 19, minute: 48})).toEqual(["2017-01-10T08:48:00Z"]);
    expect(utc("AEST", {}, {year: 2017, month: 6, day: 10, hour: 10, minute: 0})).toEqual(["2017-06-10T00:00:00Z"]);
  });
  it("ET/EST/EDT follow DST for the date", () => {
    expect(utc("ET", {}, {year: 2017, month: 1, day: 9, hour: 16, minute: 52})).toEqual(["2017-01-09T21:52:00Z"]);
    expect(utc("EST", {}, {year: 2017, month: 7, day: 9, hour: 16, minute: 52})).toEqual(["2017-07-09T20:52:00Z"]);
    expect(utc("PT", {}, {year: 2017, month: 3, day: 13, hour: 9, minute: 0})).toEqual(["2017-03-13T16:00:00Z"]);
    expect(utc("PT", {}, {year: 2017, month: 3, day: 11, hour: 9, minute: 0})).toEqual(["2017-03-11T17:00:00Z"]);
  });
  it("CST is China for a Chinese outlet and US Central for an American one", () => {
    expect(resolveZoneAbbreviation("CST", {country: "CN"}).map((r) => r.zone)).toEqual(["Asia/Shanghai"]);
    expect(resolveZoneAbbreviation("CST", {country: "US"}).map((r) => r.zone)).toEqual(["America/Chicago"]);
    expect(resolveZoneAbbreviation("CST", {zones: ["Asia/Hong_Kong"]}).map((r) => r.zone)).toEqual(["Asia/Shanghai"]);
    expect(resolveZoneAbbreviation("CST", {zones: ["America/Chicago"]}).map((r) => r.zone)).toEqual(["America/Chicago"]);
    expect(resolveZoneAbbreviation("CST", {}).length).toBe(2);
  });
  it("IST is India, Ireland or Israel by context", () => {
    expect(resolveZoneAbbreviation("IST", {country: "IN"})[0]!.zone).toBe("Asia/Kolkata");
    expect(resolveZoneAbbreviation("IST", {country: "IE"})[0]!.zone).toBe("Europe/Dublin");
    expect(resolveZoneAbbreviation("IST", {zones: ["Asia/Jerusalem"]})[0]!.zone).toBe("Asia/Jerusalem");
    expect(resolveZoneAbbreviation("IST", {}).length).toBe(3);
    expect(utc("IST", {country: "IN"}, {year: 2017, month: 1, day: 10, hour: 9, minute: 0})).toEqual(["2017-01-10T03:30:00Z"]);
  });
});

describe("home zones from country codes", () => {
  it("uses single-zone countries only", () => {
    expect(zoneForDomain("www.smh.com.au")?.zone).toBe("Australia/Sydney");
    expect(zoneForDomain("www.bbc.co.uk")?.zone).toBe("Europe/London");
    expect(zoneForDomain("ndtv.in")?.zone).toBe("Asia/Kolkata");
    expect(zoneForDomain("rthk.hk")?.zone).toBe("Asia/Hong_Kong");
    expect(zoneForDomain("people.com.cn")?.zone).toBe("Asia/Shanghai");
    expect(zoneForDomain("stuff.co.nz")?.zone).toBe("Pacific/Auckland");
    expect(zoneForDomain("cbc.ca")).toBeNull();
    expect(zoneForDomain("example.com")).toBeNull();
    expect(zoneForDomain("startup.io")).toBeNull();
    expect(zoneForCountry("US")).toBeNull();
    expect(zoneForCountry("SG")).toBe("Asia/Singapore");
  });
});
