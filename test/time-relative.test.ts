import {describe, expect, it} from "vitest";
import {isoWeek, resolveDateExpression, weekdayNear} from "../src/lib/time-relative.js";

const r = (t: string, a: string, sentence?: string) => resolveDateExpression(t, a, sentence ? {sentence} : {});

describe("resolveDateExpression", () => {
  it("weekdays: the latest on or before the anchor, unless the sentence is about the future", () => {
    expect(r("Monday", "2017-01-10")).toBe("2017-01-09");
    expect(r("on Monday", "2017-01-09")).toBe("2017-01-09");
    expect(r("Thursday", "2013-03-22")).toBe("2013-03-21");
    expect(r("Friday", "2013-03-20", "The vote will take place on Friday.")).toBe("2013-03-22");
    expect(r("last Friday", "2013-03-22")).toBe("2013-03-15");
    expect(r("Wednesday night", "2000-04-05")).toBe("2000-04-05");
  });
  it("yesterday, today, tomorrow", () => {
    expect(r("yesterday", "2017-03-01")).toBe("2017-02-28");
    expect(r("today", "2017-03-01")).toBe("2017-03-01");
    expect(r("tomorrow", "2016-12-31")).toBe("2017-01-01");
    expect(r("now", "2017-03-01")).toBe("PRESENT_REF");
    expect(r("recently", "2017-03-01")).toBe("PAST_REF");
  });
  it("calendar dates with and without a year", () => {
    expect(r("Jan. 9, 2017", "2017-01-10")).toBe("2017-01-09");
    expect(r("Aug. 9", "1989-10-26")).toBe("1989-08-09");
    expect(r("Oct. 23", "1999-04-19")).toBe("1998-10-23");
    expect(r("Dec. 15", "1989-11-02")).toBe("1989-12-15");
  });
  it("months, years, decades, centuries", () => {
    expect(r("last May", "2013-03-21")).toBe("2012-05");
    expect(r("August", "2013-03-22")).toBe("2012-08");
    expect(r("June", "2013-03-18")).toBe("2013-06");
    expect(r("March 2013", "2013-05-01")).toBe("2013-03");
    expect(r("1985", "1998-03-01")).toBe("1985");
    expect(r("the 1990s", "2000-01-01")).toBe("199");
    expect(r("the 20th century", "2013-01-01")).toBe("19");
  });
  it("weeks, months and years relative to the anchor", () => {
    expect(r("last week", "2013-03-22")).toBe("2013-W11");
    expect(r("this week", "2013-03-22")).toBe("2013-W12");
    expect(r("last month", "2013-01-15")).toBe("2012-12");
    expect(r("next year", "1989-10-26")).toBe("1990");
    expect(r("four years ago", "2013-03-21")).toBe("2009");
    expect(r("two weeks ago", "2013-03-21")).toBe("2013-W10");
  });
  it("quarters and halves", () => {
    expect(r("the third quarter", "1989-10-26")).toBe("1989-Q3");
    expect(r("third-quarter", "1989-10-26")).toBe("1989-Q3");
    expect(r("the 1988 third quarter", "1989-10-26")).toBe("1988-Q3");
    expect(r("the quarter", "1989-10-26")).toBe("1989-Q3");
    expect(r("a year ago", "1989-10-26", "Net income fell 5% from a year ago.")).toBe("1988-Q3");
    expect(r("a year ago", "1998-02-06")).toBe("1997");
    expect(r("the first half", "1989-10-26")).toBe("1989-H1");
  });
  it("returns null for what it does not know, and never throws", () => {
    expect(r("the day", "2017-01-01")).toBeNull();
    expect(r("Monday", "not a date")).toBeNull();
    expect(r("", "2017-01-01")).toBeNull();
  });
});

describe("helpers", () => {
  it("ISO weeks across a year boundary", () => {
    expect(isoWeek({year: 2017, month: 1, day: 1})).toEqual([2016, 52]);
    expect(isoWeek({year: 2017, month: 1, day: 9})).toEqual([2017, 2]);
  });
  it("weekdayNear", () => {
    expect(weekdayNear({year: 2017, month: 1, day: 10}, 2)).toEqual({year: 2017, month: 1, day: 10});
    expect(weekdayNear({year: 2017, month: 1, day: 10}, 2, true)).toEqual({year: 2017, month: 1, day: 17});
  });
});

describe("spelled-out years and holidays", () => {
  it("reads years written in words", () => {
    expect(r("nineteen ninety-six", "1998-03-01")).toBe("1996");
    expect(r("the year two thousand", "1998-03-01")).toBe("2000");
    expect(r("the nineties", "2000-03-01")).toBe("199");
    expect(r("the winter of nineteen ninety-four", "1998-03-01")).toBe("1994-WI");
  });
  it("resolves rule-based holidays to the nearest past occurrence", () => {
    expect(r("Thanksgiving Day", "2000-02-10")).toBe("1999-11-25");
    expect(r("last Thanksgiving", "2000-02-10")).toBe("1999-11-25");
    expect(r("Election Day", "1998-10-30")).toBe("1998-11-03");
    expect(r("Christmas", "2017-01-10")).toBe("2016-12-25");
  });
});
