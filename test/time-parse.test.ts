import {describe, expect, it} from "vitest";
import {parseClockTime, parseDateTime, parseDateTimes, parseOffset, relativeAgeMinutes} from "../src/lib/time-parse.js";

const pick = (s: string, o = {}) => {
  const p = parseDateTime(s, o);
  return p && [p.year, p.month, p.day, p.hour, p.minute, p.zoneAbbreviation ?? p.offsetMinutes];
};

describe("parseDateTime: shapes outlets print", () => {
  it("SCMP style with weekday and am/pm", () => {
    expect(pick("PUBLISHED : Tuesday, 10 January, 2017, 8:01am")).toEqual([2017, 1, 10, 8, 1, null]);
    expect(pick("UPDATED : Tuesday, 10 January, 2017, 11:42pm")).toEqual([2017, 1, 10, 23, 42, null]);
    expect(parseDateTime("Tuesday, 10 January, 2017")!.weekday).toBe(2);
  });
  it("day month year then time", () => {
    expect(pick("Published 10 January 2017 7:48pm")).toEqual([2017, 1, 10, 19, 48, null]);
    expect(pick("Updated 3 March 2017, 07.15")).toEqual([2017, 3, 3, 7, 15, null]);
  });
  it("US style with zone", () => {
    expect(pick("Jan. 9, 2017 4:52 PM ET")).toEqual([2017, 1, 9, 16, 52, "ET"]);
    expect(pick("January 9, 2017 at 4:52 p.m. EST")).toEqual([2017, 1, 9, 16, 52, "EST"]);
    expect(pick("Sept. 30, 2017 12:05 a.m. (AEST)")).toEqual([2017, 9, 30, 0, 5, "AEST"]);
  });
  it("ISO timestamps with offsets", () => {
    expect(pick("2017-01-09T21:52:00Z")).toEqual([2017, 1, 9, 21, 52, 0]);
    expect(pick("2017-01-10T08:01:00+08:00")).toEqual([2017, 1, 10, 8, 1, 480]);
    expect(pick("2017-12-27T06:57:28")).toEqual([2017, 12, 27, 6, 57, null]);
    expect(pick("2017-01-10")).toEqual([2017, 1, 10, null, null, null]);
  });
  it("time before the date", () => {
    expect(pick("20:52 GMT 9 Jan 2017")).toEqual([2017, 1, 9, 20, 52, "GMT"]);
    expect(pick("Last updated 4:52 PM ET, Mon January 9, 2017")).toEqual([2017, 1, 9, 16, 52, "ET"]);
  });
  it("numeric dates only when unambiguous or hinted", () => {
    expect(pick("13/01/2017")).toEqual([2017, 1, 13, null, null, null]);
    expect(pick("09/01/2017")).toBeNull();
    expect(pick("09/01/2017", {dayFirst: true})).toEqual([2017, 1, 9, null, null, null]);
    expect(pick("09/01/2017", {dayFirst: false})).toEqual([2017, 9, 1, null, null, null]);
  });
  it("year-less dates and non-dates", () => {
    expect(pick("LONDON, Jan 9")).toEqual([null, 1, 9, null, null, null]);
    expect(parseDateTime("They may 5 times refuse")).toBeNull();
    expect(parseDateTime("February 30, 2017")).toBeNull();
    expect(parseDateTime("36,446 employees as of")).toBeNull();
    expect(pick("as of March 31, 2016, 36.44 million")).toEqual([2016, 3, 31, null, null, null]);
  });
  it("finds several dates with spans into the string", () => {
    const s = "Posted Jan 9, 2017; updated Jan 10, 2017 8:00am";
    const all = parseDateTimes(s);
    expect(all.length).toBe(2);
    expect(s.slice(...all[1]!.span)).toBe("Jan 10, 2017 8:00am");
  });
});

describe("offsets and relative stamps", () => {
  it("parses printed offsets", () => {
    expect(parseOffset("+05:30")).toBe(330);
    expect(parseOffset("GMT-3")).toBe(-180);
    expect(parseOffset("+1500")).toBeNull();
  });
  it("reads relative ages", () => {
    expect(relativeAgeMinutes("Updated 3 hours ago")).toBe(180);
    expect(relativeAgeMinutes("an hour ago")).toBe(60);
    expect(relativeAgeMinutes("Updated 10 January 2017")).toBeNull();
  });
});

describe("parseClockTime: a time of day with no date", () => {
  it("reads the clock, its zone and a weekday named beside it", () => {
    expect(parseClockTime("Updated at 9:50 p.m. ET Thursday")).toMatchObject({year: null, hour: 21, minute: 50, zoneAbbreviation: "ET", weekday: 4, text: "9:50 p.m. ET"});
    expect(parseClockTime("This story was updated at 3 p.m. EDT on Monday")).toMatchObject({hour: 15, minute: 0, zoneAbbreviation: "EDT", weekday: 1});
    expect(parseClockTime("Updated 14:05 GMT+8")).toMatchObject({hour: 14, minute: 5, offsetMinutes: 480});
    expect(parseClockTime("Updated 10:15")).toMatchObject({hour: 10, minute: 15, zoneAbbreviation: null, weekday: null});
  });
  it("finds no clock in counts, versions or weekdays alone", () => {
    for (const text of ["Updated on Thursday", "This story has been updated with 3 more details.", "Updated 2.5 times", "UPDATE 2-Shares fall", "Updated 25:70"]) {
      expect(parseClockTime(text)).toBeNull();
    }
  });
});
