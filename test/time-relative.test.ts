import {describe, expect, it} from "vitest";
import {dayFromValue, dayOrdinalNumber, easterSunday, isoWeek, reportingPeriod, resolveDateExpression, tenseAround, weekdayNear} from "../src/lib/time-relative.js";

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
  it("reads a hedged count (\"or so\") like the plain one", () => {
    expect(r("a month or so ago", "1991-02-25")).toBe("1991-01");
    expect(r("a week or so ago", "1991-02-25")).toBe(r("a week ago", "1991-02-25"));
    expect(r("two years or so earlier", "1991-02-25")).toBe("1989");
  });
  it("computes Easter and the days and week named after it", () => {
    expect(easterSunday(2000)).toEqual({year: 2000, month: 4, day: 23});
    expect(easterSunday(2019)).toEqual({year: 2019, month: 4, day: 21});
    expect(easterSunday(2024)).toEqual({year: 2024, month: 3, day: 31});
    expect(easterSunday(2038)).toEqual({year: 2038, month: 4, day: 25});
    expect(r("Good Friday", "2017-04-20")).toBe("2017-04-14");
    expect(r("Easter Monday", "2024-04-05")).toBe("2024-04-01");
    expect(r("Palm Sunday", "2019-04-18")).toBe("2019-04-14");
    // The week that ends on Easter Sunday.
    expect(r("Holy Week", "2000-04-30")).toBe("2000-W16");
    expect(r("next Easter", "2017-05-01")).toBe("2018-04-01");
  });
});

/** Resolves `t` inside `sentence`, at its first occurrence, with an optional reference date. */
const inSentence = (t: string, anchor: string, sentence: string, previousDate?: string) =>
  resolveDateExpression(t, anchor, {sentence, offset: sentence.indexOf(t), ...(previousDate ? {previousDate} : {})});

describe("tense read from the words next to the expression", () => {
  it("a past verb right next to the weekday wins over a 'will' elsewhere in the sentence", () => {
    expect(inSentence("Wednesday", "2000-01-07", "Cuban exiles in Miami will now proceed with all their resources to impede the ruling, Cuba predicted Wednesday.")).toBe("2000-01-05");
    expect(inSentence("Friday", "1999-03-13", "The ambassadors issued a joint statement Friday saying the three countries' entry into NATO will consolidate Europe's security.")).toBe("1999-03-12");
    expect(tenseAround("Officials said Monday that they will appeal.", "Monday")).toBe("past");
  });
  it("a future marker in the few words before, or 'plans to' after a clause-opening date, looks ahead", () => {
    expect(inSentence("Thursday", "2000-04-05", "The father would be traveling to the United States Thursday with his wife.")).toBe("2000-04-06");
    expect(inSentence("Thursday", "1998-09-30", "The team planned to leave Nairobi on Thursday for Dar es Salaam.")).toBe("1998-10-01");
    expect(inSentence("Tuesday morning", "2000-03-30", "Immigration officials postponed until Tuesday morning any action on the boy's permission to stay.")).toBe("2000-04-04");
    expect(inSentence("Tuesday", "1998-10-26", "On Tuesday, the National Abortion and Reproductive Rights Action League plans to hold a news conference.")).toBe("1998-10-27");
    expect(tenseAround("He set a deadline of noon Friday for an answer.", "Friday")).toBe("future");
  });
  it("a capitalised 'Will' that is a name is not the future", () => {
    expect(tenseAround("The actor Will Smith arrived in Paris on Monday.", "Monday")).toBe("past");
    expect(tenseAround("Will Smith arrived in Paris on Monday.", "Monday")).toBe("past");
    expect(tenseAround("Trump Will Meet Ma on Monday", "Monday")).toBe("future");
    expect(tenseAround("Will Trump meet Ma on Monday?", "Monday")).toBe("future");
  });
  it("'until' with a past perfect stays in the past", () => {
    expect(inSentence("Thursday", "1999-05-07", "Until Thursday, they had not called Kopp a suspect.")).toBe("1999-05-06");
  });
  it("a weekday naming the publication day is that day, and a possessive weekday is read like the bare one", () => {
    expect(inSentence("Friday", "2013-03-22", "The FAA on Friday announced it will close 149 regional airport control towers.")).toBe("2013-03-22");
    expect(inSentence("Friday's", "1999-03-12", "The location for Friday's ceremony was chosen by Albright.")).toBe("1999-03-12");
  });
  it("'effective Feb. 1' looks ahead; a past verb next to a month and day rules out the coming one", () => {
    expect(inSentence("Feb. 1", "1989-10-26", "The company created a four-member office of the chairman, effective Feb. 1.")).toBe("1990-02-01");
    expect(inSentence("Jan. 31", "1989-10-31", "In the fiscal year ended Jan. 31, the company reported sales of $59.5 million.")).toBe("1989-01-31");
  });
  it("a clock time before a weekday keeps the time", () => {
    expect(inSentence("9 a.m. Tuesday", "2000-04-03", "Officials set a deadline of 9 a.m. Tuesday for the relatives.")).toBe("2000-04-04T09:00");
  });
});

describe("earnings comparisons: the reporting period", () => {
  it("nine-month figures compare with the previous year, quarterly ones with the year-ago quarter", () => {
    expect(inSentence("a year earlier", "1989-10-26", "For the nine months, Du Pont earned $2 billion, up 18% from $1.69 billion a year earlier.")).toBe("1988");
    expect(inSentence("a year ago", "1989-11-01", "Third-quarter net rose to $108.8 million from $90.5 million a year ago.")).toBe("1988-Q3");
    expect(inSentence("the 1988 period", "1989-11-02", "In the first nine months, net was $306 million, compared with a loss of $195 million in the 1988 period.")).toBe("1988");
  });
  it("without a period in the sentence, the previous date expression decides", () => {
    expect(inSentence("a year ago", "1989-11-01", "The company said net rose to $108.8 million from $90.5 million a year ago.", "1989-Q3")).toBe("1988-Q3");
    expect(reportingPeriod("Net rose from $90.5 million a year ago.", 30, "1989-Q3")).toBe("quarter");
    expect(reportingPeriod("Net rose from $90.5 million a year ago.", 30, "1988")).toBe("year");
    expect(reportingPeriod("A quarter of the staff left a year ago.", 30)).toBeNull();
  });
  it("year-ago, current and dated quarters", () => {
    expect(inSentence("the comparable year-ago quarter", "1989-10-27", "In the comparable year-ago quarter, the company had a loss of $12.5 million.")).toBe("1988-Q3");
    expect(inSentence("the current quarter", "1989-10-26", "The company said the current quarter had begun extremely well.")).toBe("1989-Q4");
    expect(inSentence("the quarter", "1989-10-30", "In the quarter ended July 31, Jayark had an average of 5.6 million shares outstanding.")).toBe("1989-Q2");
    expect(inSentence("a year", "1989-11-01", "Net was more than twice the $13.5 million a year earlier.")).toBe("1988");
  });
});

describe("anaphoric expressions against the article's previous date", () => {
  it("days", () => {
    expect(inSentence("the next morning", "2000-02-24", "He appeared in court the next morning.", "2000-02-22")).toBe("2000-02-23");
    expect(inSentence("Earlier that day", "1998-11-21", "Earlier that day, the family sent a fax to local police.", "1998-10-23")).toBe("1998-10-23");
    expect(inSentence("the previous Friday", "1989-10-30", "The index was down 4.5% from the previous Friday.", "1989-10-27")).toBe("1989-10-20");
    expect(inSentence("then", "1989-10-30", "Until then, the stock remains convertible.", "1989-11-30")).toBe("1989-11-30");
  });
  it("years and quarters", () => {
    expect(inSentence("that year", "1989-11-02", "Imports totaled $37.3 million in 1988, a small share of U.S. watch imports that year.", "1988")).toBe("1988");
    expect(inSentence("later that year", "2000-01-28", "He fled to Florida in June 1998 and returned to Cuba later that year.", "1998-06")).toBe("1998");
    expect(inSentence("the following year", "1998-04-18", "On May 22, 1995, he was made a brigadier general, and the following year he was appointed attache.", "1995-05-22")).toBe("1996");
    expect(inSentence("that quarter", "1989-10-27", "Results for that quarter included a $30 million write-down.", "1988-Q2")).toBe("1988-Q2");
  });
  it("deictic 'next year' and weekdays stay on the publication date", () => {
    expect(inSentence("next year", "2013-03-22", "The plant will open next year.", "2014")).toBe("2014");
    expect(inSentence("Monday", "2017-01-10", "The leaders met on Monday.", "2016-12-25")).toBe("2017-01-09");
  });
  it("without a reference date they stay unresolved", () => {
    expect(inSentence("that year", "1989-11-02", "Imports rose that year.")).toBeNull();
  });
});

describe("hedges, spans and the long tail", () => {
  it("hedged dates", () => {
    expect(inSentence("around Nov. 1", "1989-10-26", "The sale is expected to close around Nov. 1.")).toBe("1989-11-01");
    expect(inSentence("1994 or later", "1989-11-02", "The plant will not open until 1994 or later.")).toBe("1994");
    expect(inSentence("post-1959", "2000-02-24", "Many post-1959 exiles could not visit their relatives.")).toBe("1959");
    expect(inSentence("a good part of 1990", "1989-10-30", "The slump is expected to last for a good part of 1990.")).toBe("1990");
  });
  it("a year or a day written just outside the span", () => {
    expect(inSentence("February", "1998-12-03", "The ratification process began in February this year with Canada.")).toBe("1998-02");
    expect(inSentence("25", "1999-02-10", "The summit will be held in Washington on April 24 and 25.", "1999-04-24")).toBe("1999-04-25");
  });
  it("frequencies, weeks of a date, seasons, halves, year ends, vague counts, decades", () => {
    expect(inSentence("daily", "1998-01-08", "Hong Kong's daily newspapers carried the story.")).toBe("P1D");
    expect(inSentence("the week of March 6", "2000-03-10", "The hearing was set for the week of March 6.")).toBe("2000-W10");
    expect(inSentence("this past spring", "1989-10-26", "Sales slowed this past spring.")).toBe("1989-SP");
    expect(inSentence("the early summer", "1989-10-26", "The company changed suppliers in the early summer.")).toBe("1989-SU");
    expect(inSentence("the last half of 1989", "1989-10-26", "Growth slowed during the last half of 1989.")).toBe("1989-H2");
    expect(inSentence("first two quarters of 1990", "1989-10-26", "The trend should continue through the first two quarters of 1990.")).toBe("1990-H1");
    expect(inSentence("year's end", "1989-10-26", "New rules should be in place by year's end.")).toBe("1989");
    expect(inSentence("earlier in the year", "1989-10-26", "Herbicide use was delayed earlier in the year by heavy rains.")).toBe("1989");
    expect(inSentence("several years ago", "1998-02-13", "Support rose from about 35 percent several years ago to about 51 percent this year.")).toBe("PAST_REF");
    expect(inSentence("the last decade", "1998-02-06", "Workers lost earning power to inflation in the last decade.")).toBe("198");
  });
});

describe("tense from the clause, deadlines and scheduled events", () => {
  it("a date opening the sentence takes the tense of its clause", () => {
    expect(inSentence("January", "2015-11-20", "In January, the council approved a new budget for the harbour.")).toBe("2015-01");
    expect(inSentence("January", "2015-11-20", "In January, the council will vote on a new budget.")).toBe("2016-01");
  });
  it("'by' a date is a deadline ahead unless a past perfect stands next to it", () => {
    expect(inSentence("February", "2015-11-20", "The firm aims to cut its debt by February.")).toBe("2016-02");
    expect(inSentence("Wednesday", "2015-05-08", "Nine members had filed their reports by Wednesday.")).toBe("2015-05-06");
  });
  it("a past verb right before 'by' puts the deadline behind, and the end of the year with it", () => {
    expect(inSentence("the end of the year", "2015-03-20", "The outbreak began in November and peaked by the end of the year.")).toBe("2014");
    expect(inSentence("the end of the year", "2015-03-20", "The plant should reopen by the end of the year.")).toBe("2015");
  });
  it("'since' a month looks back", () => {
    expect(inSentence("March", "2015-01-10", "The ship has been at sea since March and will dock in the spring.")).toBe("2014-03");
  });
  it("a participle after a bare 'be' is not a past tense", () => {
    expect(inSentence("around Nov. 1", "2015-10-26", "The merger is to be completed around Nov. 1.")).toBe("2015-11-01");
    expect(inSentence("around Nov. 1", "2015-10-26", "The merger was completed around Nov. 1.")).toBe("2014-11-01");
  });
  it("a present tense of a scheduled event looks ahead", () => {
    expect(inSentence("Monday", "2015-05-08", "The two ministers meet separately Monday with the mediator.")).toBe("2015-05-11");
  });
  it("a schedule told in the past looks back, a plan in progress still ahead", () => {
    expect(inSentence("Sunday", "2018-01-01", "The flight was scheduled to take off at 11:55 p.m. Sunday, but left late.")).toBe("2017-12-31");
    expect(inSentence("Sunday", "2018-01-01", "The flight is scheduled to take off at 11:55 p.m. Sunday.")).toBe("2018-01-07");
    expect(inSentence("Monday", "2000-01-07", "Protesters were planning to drive around the airport on Monday.")).toBe("2000-01-10");
  });
  it("with no cue next to the date, a sentence led by a future verb looks ahead", () => {
    expect(inSentence("December", "2015-03-04", "The agency will name a new director for the mission in December.")).toBe("2015-12");
    expect(inSentence("December", "2015-03-04", "The agency named a new director for the mission in December.")).toBe("2014-12");
  });
  it("a possessive weekday is the latest one unless the sentence looks ahead to it", () => {
    expect(inSentence("Wednesday", "2015-05-08", "Relatives said they would try to overturn Wednesday's ruling.")).toBe("2015-05-06");
    expect(inSentence("Friday", "2015-05-06", "Campaigners rallied ahead of Friday's vote.")).toBe("2015-05-08");
  });
});

describe("days counted, spoken and stepped from", () => {
  it("days of the month spoken as ordinal words", () => {
    expect(dayOrdinalNumber("eighth")).toBe(8);
    expect(dayOrdinalNumber("twenty-first")).toBe(21);
    expect(dayOrdinalNumber("thirtieth")).toBe(30);
    expect(dayOrdinalNumber("thirty-second")).toBeNull();
    expect(inSentence("this coming Saturday, May ninth", "2015-05-06", "The festival opens this coming Saturday, May ninth.")).toBe("2015-05-09");
    expect(r("May ninth", "2015-05-06")).toBe("2015-05-09");
  });
  it("the day before or after a named day", () => {
    expect(inSentence("the day before last Tuesday", "2016-02-25", "Talks broke down the day before last Tuesday.")).toBe("2016-02-22");
    expect(r("the day after Christmas", "2015-12-20")).toBe("2015-12-26");
  });
  it("'the day after' an event is the day after the article's last date, except in apposition to a date", () => {
    expect(inSentence("the day", "2015-06-10", "Police searched the house the day after the fire.", "2015-06-01")).toBe("2015-06-02");
    expect(inSentence("the day", "2015-06-10", "Shares fell on June 1, the day before the vote.", "2015-06-01")).toBe("2015-06-01");
  });
  it("a count of days said of the present is the day of writing", () => {
    expect(inSentence("the fifth day", "2015-06-10", "Today is the fifth day of the strike.")).toBe("2015-06-10");
    expect(inSentence("the third day", "2015-06-10", "It's the third day of talks in the capital.")).toBe("2015-06-10");
    expect(inSentence("the third day", "2015-06-10", "They reached the summit on the third day.")).toBeNull();
  });
});

describe("reporting periods, spans and the present moment", () => {
  it("year-ago and latest fiscal periods", () => {
    expect(inSentence("the quarter a year ago", "2015-10-26", "For the quarter a year ago, the bank earned $3 million.")).toBe("2014-Q3");
    expect(r("the fiscal-first quarter", "2015-10-26")).toBe("2015-Q1");
    expect(r("the latest fiscal year", "2015-10-26")).toBe("2014");
  });
  it("the short second year of a span, and part of a decade", () => {
    expect(inSentence("72", "2015-06-10", "He served in the survey of 1971-72 before retiring.")).toBe("1972");
    expect(inSentence("72", "2015-06-10", "He was 72 when he retired.")).toBeNull();
    expect(r("the last half of the '70s", "2015-06-10")).toBe("197");
  });
  it("an approximate count ahead is the future", () => {
    expect(inSentence("a year or two", "2015-06-10", "Prices may, in a year or two, fall again.")).toBe("FUTURE_REF");
    expect(inSentence("a few weeks", "2015-06-10", "The dispute should be settled within a few weeks.")).toBe("FUTURE_REF");
  });
  it("this moment is the present", () => {
    expect(r("this crucial moment", "2015-06-10")).toBe("PRESENT_REF");
    expect(r("at this moment", "2015-06-10")).toBe("PRESENT_REF");
  });
});

describe("the reported quarter, counts ahead and the present", () => {
  it("a year-ago comparison follows the last quarter named, not the quarter of its closing day", () => {
    const sentence = "The company had a net loss of C$2.3 million a year ago.";
    const context = {sentence, offset: sentence.indexOf("a year ago"), previousDate: "2015-09-30"};
    // The fiscal first quarter ended Sept. 30: the comparison is with that quarter a year before.
    expect(resolveDateExpression("a year ago", "2015-10-26", {...context, previousQuarter: "2015-Q1"})).toBe("2014-Q1");
    // Without a quarter named, the last completed calendar quarter.
    expect(resolveDateExpression("a year ago", "2015-10-26", context)).toBe("2014-Q3");
    // A quarter already a year back ("the year-ago quarter" before it) is not the reported one.
    expect(resolveDateExpression("a year ago", "2015-10-26", {...context, previousQuarter: "2014-Q1"})).toBe("2014-Q1");
    expect(resolveDateExpression("the quarter", "2015-10-26", {sentence: "Sales rose in the quarter.", previousQuarter: "2015-Q1"})).toBe("2015-Q1");
  });
  it("a count ahead in a future clause is a date; one counted from an event is not", () => {
    expect(inSentence("five years", "1989-11-02", "The stock would be redeemed in five years, the company said.")).toBe("1994");
    expect(inSentence("two weeks", "2015-06-10", "The plant will reopen within two weeks.")).toBe("2015-W26");
    expect(inSentence("five years", "1989-11-02", "The plant was built in five years.")).toBeNull();
    expect(inSentence("10 days", "2015-06-10", "A jogger saw the car 10 days before the murder.")).toBeNull();
    expect(inSentence("10 days", "2015-06-10", "He had left 10 days before, police said.")).toBe("2015-05-31");
    expect(inSentence("two days", "2015-06-10", "The talks ended two days earlier.")).toBe("2015-06-08");
  });
  it("already, yet and a comparison with today are the present", () => {
    expect(r("already", "2015-06-10")).toBe("PRESENT_REF");
    expect(r("yet", "2015-06-10")).toBe("PRESENT_REF");
    expect(inSentence("today", "2015-06-10", "It runs millions of times faster than can be done today.")).toBe("PRESENT_REF");
    expect(inSentence("today", "2015-06-10", "Prices are higher than today.")).toBe("PRESENT_REF");
    expect(inSentence("today", "2015-06-10", "The minister said today that prices would fall.")).toBe("2015-06-10");
  });
});

describe("dayFromValue", () => {
  it("reads the date of day values with a clock time or a part of day", () => {
    expect(dayFromValue("2015-06-10")).toEqual({year: 2015, month: 6, day: 10});
    expect(dayFromValue("2015-06-10T09:00")).toEqual({year: 2015, month: 6, day: 10});
    expect(dayFromValue("2015-06-10TNI")).toEqual({year: 2015, month: 6, day: 10});
    expect(dayFromValue("2015-W24")).toBeNull();
    expect(dayFromValue("2015-06")).toBeNull();
  });
});
