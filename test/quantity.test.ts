import {describe, expect, it} from "vitest";
import {findQuantities, scanQuantities} from "../src/lib/quantity.js";

const one = (text: string) => {
  const found = findQuantities(text).filter((q) => !q.minor);
  expect(found).toHaveLength(1);
  return found[0]!;
};
/** No figure worth tracking in `text`. */
const none = (text: string) => expect(findQuantities(text).filter((q) => !q.minor)).toEqual([]);

describe("findQuantities: numbers", () => {
  it("reads digits with separators and decimals", () => {
    expect(one("Alibaba had 36,446 full-time employees").value).toBe(36446);
    expect(one("Alibaba stock was up 1.5% in early trading").value).toBe(1.5);
  });
  it("reads number words and scales", () => {
    expect(one("to create one million U.S. jobs").value).toBe(1e6);
    expect(one("could create a million jobs in the United States").value).toBe(1e6);
    expect(one("approximately ten million merchants").value).toBe(1e7);
    expect(one("forty-five people were hurt").value).toBe(45);
    expect(one("half a million homes lost power").value).toBe(5e5);
    expect(one("half-a-million homes lost power").value).toBe(5e5);
    expect(one("at least half-a-dozen cranes").value).toBe(6);
    expect(one("one and a half million visitors").value).toBe(1.5e6);
    // and after digits
    expect([one("every 29 and a half days").value, one("every 29 and a half days").unit]).toEqual([29.5, "day"]);
    expect(one("3 and a half million visitors").value).toBe(3.5e6);
    expect(findQuantities("a score of 2.5 and a half").map((q) => q.value)).not.toContain(3);
  });
  it("reads scale abbreviations", () => {
    expect(one("a $5bn deal").value).toBe(5e9);
    expect(one("raised €10m from investors").value).toBe(1e7);
    expect(one("a 10k run").value).toBe(1e4);
  });
  it("keeps the span of the figure as printed", () => {
    const text = "vowing to impose 45 percent tariffs on Chinese imports";
    const q = one(text);
    expect(text.slice(q.start, q.end)).toBe("45 percent");
    expect(q.text).toBe("45 percent");
  });
  it("includes the article of 'a million' in the span", () => {
    const text = "has promised to bring a million jobs";
    const q = one(text);
    expect(text.slice(q.start, q.end)).toBe("a million");
  });
});

describe("findQuantities: units", () => {
  it("keeps currencies as ISO codes", () => {
    expect(one("spend more than US$150 billion on foreign-made products").unit).toBe("USD");
    expect(one("made $15 billion in sales").unit).toBe("USD");
    expect(one("fined €2 million").unit).toBe("EUR");
    expect(one("paid £60,000 for it").unit).toBe("GBP");
    expect(one("a HK$10.05 billion deal").unit).toBe("HKD");
    expect(one("raised A$5 million").unit).toBe("AUD");
    expect(one("sold for 1 yuan each").unit).toBe("CNY");
    expect(one("a loan of RMB 5 billion").unit).toBe("CNY");
    expect(one("bought for 100 billion yen").unit).toBe("JPY");
    expect(one("worth 300 USD").unit).toBe("USD");
    expect(one("prices of ¥300").unit).toBe("JPY");
  });
  it("reads percent in its three spellings", () => {
    for (const text of ["a 45 percent tariff", "45 per cent tariffs", "45% tariffs"]) {
      const q = one(text);
      expect(q.unit).toBe("percent");
      expect(q.value).toBe(45);
    }
  });
  it("reads durations, attributive or not", () => {
    const meeting = one("In their 40-minute meeting at Trump Tower");
    expect([meeting.value, meeting.unit, meeting.attributive]).toEqual([40, "minute", true]);
    const lasted = one("Their meeting lasted about 40 minutes.");
    expect([lasted.value, lasted.unit, lasted.bound]).toEqual([40, "minute", "approximate"]);
    expect(one("over the next five years").unit).toBe("year");
  });
  it("adds cents to dollars", () => {
    expect(one("it only cost thirteen dollars and forty-five cents").value).toBeCloseTo(13.45);
  });
});

describe("findQuantities: ranges and bounds", () => {
  it("reads ranges", () => {
    const q = one("between 5 and 10 million people");
    expect([q.value, q.high, q.bound, q.modifier]).toEqual([5e6, 1e7, "range", "between"]);
    const dash = one("10-15 exabytes of data");
    expect([dash.value, dash.high]).toEqual([10, 15]);
  });
  it("reads bounds and approximations", () => {
    expect(one("up to 1 million American jobs")).toMatchObject({bound: "upper", modifier: "up to"});
    expect(one("as many as 2 billion consumers")).toMatchObject({bound: "upper", modifier: "as many as"});
    expect(one("more than 30 million jobs")).toMatchObject({bound: "lower", modifier: "more than"});
    expect(one("at least 12 people died")).toMatchObject({bound: "lower"});
    expect(one("About 7,000 U.S. brands")).toMatchObject({bound: "approximate", approximate: true});
    expect(one("nearly 400 flights were cancelled")).toMatchObject({approximate: true});
    expect(one("some 7,000 brands")).toMatchObject({approximate: true, modifier: "some"});
    expect(one("approximately 10 million global merchants")).toMatchObject({approximate: true});
  });
  it("does not read 'over' before a period as a bound", () => {
    const [money, period] = findQuantities("earn $2000 over 3 years");
    expect([money!.unit, period!.unit, period!.bound]).toEqual(["USD", "year", "exact"]);
    expect(findQuantities("over five years")[0]!.bound).toBe("exact");
  });
});

describe("findQuantities: not figures", () => {
  it("skips years, dates and times of day", () => {
    none("In a 2015 opinion piece in the Journal");
    none("at Trump Tower in New York, U.S., January 9, 2017.");
    none("employees as of March 31, 2016, according to filings");
    none("PUBLISHED : Tuesday, 10 January, 2017, 8:01am");
    none("Published 10 January 2017 7:48pm");
    none("During last year's November 11 Singles' Day festival");
    none("The meeting starts at 10 a.m. on Monday");
    none("sales in the 1990s and in 2013-14");
    none("Any time to meet on 5/17/2018?");
  });
  it("skips ordinals, ages, phone numbers, ids and tickers", () => {
    none("on his first day in office");
    none("the 4th quarter");
    none("a 45-year-old man was arrested");
    none("Jack Ma, 52, said");
    none("Call 555-123-4567 for details");
    none("The A320 and the SCP-173 file, COVID-19 cases");
    none("Tencent (0700.HK) shares");
    none("192.168.1.2");
  });
  it("skips scores and tallies, but keeps ranges", () => {
    none("the Cubs beat the Indians 8-7 in Game 7 after trailing 3-1");
    expect(findQuantities("a 10-15 percent rise")[0]).toMatchObject({value: 10, high: 15, unit: "percent"});
  });
  it("skips page furniture", () => {
    none("(This story has been refiled to fix typo in paragraph 16)");
    none("Share\n2 min read\n");
    none("Slideshow (3 Images)");
    none("see page 12 and chapter 3");
  });
  it("marks small bare number words as minor", () => {
    const all = findQuantities("a great entrepreneur, one of the best in the world; the two countries");
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((q) => q.minor)).toBe(true);
    expect(findQuantities("3 people were injured")[0]!.minor).toBe(false);
    expect(findQuantities("up to three people")[0]!.minor).toBe(false);
  });
  it("never reads 'millions of' as a figure", () => {
    none("millions of people");
  });
  it("skips 24-hour clock times before a zone", () => {
    none("the missile flew over Hokkaido at around 07:06 am (2206 GMT) towards the Pacific");
    none("the launch was set for 0700 local time");
    expect(one("a crowd of 2206 people").value).toBe(2206);
  });
  it("skips model and series numbers after a name", () => {
    none("using the company's Falcon 9 rocket");
    none("Japan’s Nikkei 225 index fell");
    none("rival United Launch Alliance’s Delta 4-Heavy is taller");
    none("it filed for Chapter 11 bankruptcy");
    none("the sleek Snapdragon 835 processor");
    // after an article, even where a capital follows, and with a letter glued on
    none("The Cessna 208 Caravan crashed");
    none("The plane, a Cessna 208B Grand Caravan, crashed");
    // after a count or a possessive too: "two Cessna 208 Caravan planes" counts planes, not 208
    expect(findQuantities("They flew two Cessna 208 Caravan planes to the island").map((q) => q.value)).toEqual([2]);
    expect(findQuantities("The airline ordered 50 Boeing 737 Max jets").map((q) => q.value)).toEqual([50]);
    none("their Falcon 9 Heavy rocket launched");
    // before a model's capitals, but not a title-case verb's count, nor a unit in capitals
    none("I have been using a Google Pixel 2 XL since May");
    // a gallery's count of pictures
    none("Hide Caption 16 of 25 Photos: the scene of the attack");
    expect(findQuantities("Acme Hires 20 AI Researchers").map((q) => q.value)).toEqual([20]);
    expect(findQuantities("Core i7 Processor 2.80 GHz 8 MB cache").map((q) => q.value)).toEqual([2.8, 8]);
    // but not a count after a possessive, a capitalised modifier, a title-case headline or a sentence start
    expect(one("the Heavy’s 27 engines fired").value).toBe(27);
    expect(one("Reuters Around 100 people jumped into the sea").value).toBe(100);
    expect(one("Dow Jumps 200 Points").value).toBe(200);
    expect(one("It has 5B users").value).toBe(5e9);
    expect(one("It rose. About 80 people died").value).toBe(80);
    expect(one("the Sea of Japan 125 to 155 miles west").high).toBe(155);
    expect(one("the Dow 20,000 milestone").value).toBe(20000);
  });
});

describe("findQuantities: metric units and pounds of weight", () => {
  it("reads a glued lower-case m or mm as metres, not millions, without a currency", () => {
    none("It still has a 3.5mm headphone jack");
    none("The boy fell down the 40m dry well");
    none("a 100m sprint");
    none("a tower 30m tall");
    none("the 80m-deep well");
    expect(one("£40m deal").value).toBe(4e7);
    expect(one("a $5mm fund").value).toBe(5e6);
    expect(one("40m viewers watched").value).toBe(4e7);
    expect(one("raised 40m in funding").value).toBe(4e7);
    expect(one("The population is 67m.").value).toBe(6.7e7);
    expect(one("at 7.5M lb of thrust").value).toBe(7.5e6);
  });
  it("reads pounds of weight as a count of pounds, not money", () => {
    expect(one("the 400-pound gorilla")).toMatchObject({value: 400, unit: null});
    expect(findQuantities("delivering 140,660 pounds (63,800 kilograms)")[0]).toMatchObject({value: 140660, unit: null});
    expect(one("5.1 million pounds of thrust")).toMatchObject({value: 5.1e6, unit: null});
    expect(one("8.8 million pounds of liftoff thrust")).toMatchObject({value: 8.8e6, unit: null});
    expect(one("the module weighs nearly 19,000 pounds")).toMatchObject({value: 19000, unit: null});
    expect(one("it cost 5 million pounds")).toMatchObject({value: 5e6, unit: "GBP"});
    expect(one("a 20-pound note")).toMatchObject({value: 20, unit: "GBP"});
    expect(one("he paid 60,000 pounds for the car")).toMatchObject({value: 60000, unit: "GBP"});
  });
});

describe("scanQuantities: bad numbers", () => {
  it("reports numbers too large as out of range", () => {
    const {quantities, rejected} = scanQuantities("a debt of 99999999999999999999 dollars");
    expect(quantities).toEqual([]);
    expect(rejected[0]!.code).toBe("number-out-of-range");
  });
  it("reports malformed digit groups", () => {
    const {rejected} = scanQuantities("a total of 1,23,4567 units");
    expect(rejected[0]!.code).toBe("malformed-number");
  });
  it("never throws and keeps spans inside the text on odd input", () => {
    for (const text of ["", "$", "$$$ 5", "one-", "- - 5", "1e999", "½ ⅓", "\u0000 12 \uffff", "9".repeat(400), "million billion trillion", "a"]) {
      const {quantities} = scanQuantities(text);
      for (const q of quantities) {
        expect(Number.isFinite(q.value)).toBe(true);
        expect(q.start).toBeGreaterThanOrEqual(0);
        expect(q.end).toBeLessThanOrEqual(text.length);
      }
    }
  });
});

describe("exponent notation", () => {
  it("is not read as a figure (\"10^400 dollars\" is not 400 dollars)", () => {
    expect(findQuantities("The pamphlet said the debt was 10^400 dollars.").map((q) => q.value)).toEqual([]);
  });
});

describe("figures never overlap", () => {
  const spans = (text: string) => findQuantities(text).map((q) => [q.start, q.end, q.text]);
  const disjoint = (text: string) => {
    const found = findQuantities(text);
    for (let i = 1; i < found.length; i++) expect(found[i]!.start, text).toBeGreaterThanOrEqual(found[i - 1]!.end);
    return found;
  };
  it("a currency sign after a number belongs to that number, not to the next one", () => {
    const found = disjoint("The ticket cost 45 £ two years ago.");
    expect(found[0]).toMatchObject({text: "45 £", unit: "GBP", value: 45});
    expect(found.every((q) => !q.text.startsWith("£"))).toBe(true);
  });
  it("does not read a sign twice before a spelled scale", () => {
    expect(spans("The stall sold 45¥hundred")).toEqual([[15, 18, "45¥"], [18, 25, "hundred"]]);
    expect(spans("0£hundred")).toEqual([[0, 2, "0£"], [2, 9, "hundred"]]);
    const found = disjoint("It cost 45 £ half a million to repair.");
    expect(found.map((q) => q.text)).toEqual(["45 £", "half a million"]);
    expect(found[1]!.unit).toBeNull();
  });
  it("does not read a currency code twice", () => {
    const found = disjoint("They paid 5 rmb 10 times a day.");
    expect(found[0]).toMatchObject({text: "5 rmb", unit: "CNY"});
    expect(found[1]).toMatchObject({text: "10", unit: null});
  });
  it("still reads a sign before the next number when the first figure did not take it", () => {
    // "6 € 7": a sign followed by a number opens the next figure.
    expect(disjoint("Entry is 6 € 7 at the door.").map((q) => [q.text, q.unit])).toEqual([["6", null], ["€ 7", "EUR"]]);
  });
});
