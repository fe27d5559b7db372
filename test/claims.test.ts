import {readFileSync, readdirSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {extractClaims} from "../src/lib/claims.js";
import {extractQuotes} from "../src/lib/quotes.js";
import type {Claim} from "../src/lib/types.js";
import {makeDocument} from "./helpers.js";

const claimsOf = (text: string) => extractClaims(makeDocument("t", text)).claims;
const only = (text: string): Claim => {
  const claims = claimsOf(text);
  expect(claims).toHaveLength(1);
  return claims[0]!;
};

describe("extractClaims: records", () => {
  it("gives spans inside the text, stable ids and the sentence", () => {
    const text = "Headline here\nThe firm will hire 2,000 workers. Sales rose 5 percent.";
    const claims = claimsOf(text);
    expect(claims.map((c) => c.id)).toEqual(["t:c0", "t:c1"]);
    for (const c of claims) {
      expect(text.slice(c.sentenceSpan[0], c.sentenceSpan[1])).toBe(c.sentence);
      expect(c.span[0]).toBeGreaterThanOrEqual(c.sentenceSpan[0]);
      expect(c.span[1]).toBeLessThanOrEqual(c.sentenceSpan[1]);
      expect(c.familyId).toBeNull();
    }
    expect(text.slice(claims[0]!.span[0], claims[0]!.span[1])).toBe("2,000");
  });
  it("includes the bound words in the span and the quantity", () => {
    const text = "H\nThe platform could support up to 1 million US vendors.";
    const c = only(text);
    expect(text.slice(c.span[0], c.span[1])).toBe("up to 1 million");
    expect(c.quantity).toMatchObject({value: 1e6, unit: null, bound: "upper", text: "1 million"});
  });
  it("marks claims in the headline", () => {
    const [head, body] = claimsOf("Firm promises 500 jobs\nThe firm said it would add 500 jobs.");
    expect(head!.inHeadline).toBe(true);
    expect(body!.inHeadline).toBe(false);
  });
  it("does not make claims of minor numbers or horizons", () => {
    expect(claimsOf("H\nHe is one of the best, and the two countries agree.")).toEqual([]);
    const c = only("H\nThe company plans to hire 300 engineers over the next five years.");
    expect(c.horizon).toBe("over the next five years");
  });
  it("does not make claims of bare counts with nothing counted", () => {
    expect(claimsOf("H\nPhoto 1 of 26. He won 3 of them.")).toEqual([]);
    expect(only("H\nHe won 3 titles.").measure).toBe("title");
  });
  it("turns out-of-range numbers into diagnostics", () => {
    const r = extractClaims(makeDocument("t", "H\nThe debt was 99999999999999999999 dollars."));
    expect(r.claims).toEqual([]);
    expect(r.diagnostics[0]).toMatchObject({code: "number-out-of-range", documentId: "t", level: "warning"});
  });
  it("never throws on hostile text", () => {
    for (const text of ["", "\n\n", "“".repeat(50) + " 5 million", "1 ".repeat(2000), "said said said 5,000 said", "$$$"]) {
      expect(() => extractClaims(makeDocument("x", text))).not.toThrow();
    }
  });
});

describe("extractClaims: measure and qualifiers", () => {
  it("lemmatises the head noun and keeps the qualifiers", () => {
    const c = only("H\nThe plan brings one million small U.S. businesses onto its platform.");
    expect(c.measure).toBe("business");
    expect(c.qualifiers).toEqual(["small", "U.S."]);
  });
  it("keeps an 'on …' phrase of a tariff", () => {
    const c = only("H\nHe vowed to impose 45 percent tariffs on Chinese imports.");
    expect(c.measure).toBe("tariff");
    expect(c.qualifiers).toEqual(["on Chinese imports"]);
  });
  it("reads what money measures after 'in' or 'of'", () => {
    expect(only("H\nThey made $15 billion in sales last year.").measure).toBe("sale");
    expect(only("H\nThe US exported over US$500 billion of goods to China.").measure).toBe("goods");
  });
  it("counts a unit of measurement, whatever follows it, under one name for all its spellings", () => {
    expect(only("H\nIt landed 2,000 kilometers east of the island.").measure).toBe("kilometer");
    expect(only("H\nIt came down 60 miles south of the coast.").measure).toBe("mile");
    expect(only("H\nIt reached 2,300 miles, far enough to matter.").measure).toBe("mile");
    expect(only("H\nThe rocket flew 2,700 km before falling.").measure).toBe("kilometer");
    expect(only("H\nThe rocket flew 2,700 kms on a high arc.").measure).toBe("kilometer");
    expect(only("H\nThe rocket flew 2,700 kilometres before falling.").measure).toBe("kilometer");
    const square = only("H\nThe fire burned 2,000 square kilometers near the town.");
    expect([square.measure, square.qualifiers]).toEqual(["kilometer", ["square"]]);
  });
  it("reads modifiers joined by 'and' or 'or' as one, and stops at two things counted", () => {
    const heads = only("H\nThe files name 12 current or former heads of state.");
    expect([heads.measure, heads.qualifiers]).toEqual(["head", ["current or former"]]);
    const leaders = only("H\nThe files name 12 current and former world leaders.");
    expect([leaders.measure, leaders.qualifiers]).toEqual(["leader", ["current and former", "world"]]);
    expect(only("H\nThey hired 300 workers and managers.").measure).toBe("worker");
    expect(only("H\nThey sent 5 police and firefighters.").measure).toBe("police");
    expect(only("H\nThey found 12 men and women.").measure).toBe("man");
    expect(only("H\nThe bank will take a $3 billion charge and Credit Suisse may post a loss.").measure).toBe("charge");
  });
  it("counts what happened to people when that follows the figure, and not another verb", () => {
    expect(only("H\nPlane crash: 12 killed in Costa Rica.").measure).toBe("killed");
    expect(only("H\nThe crash left 12 dead.").measure).toBe("dead");
    const [nation, visitors] = claimsOf("H\nThe nation of 4.8 million received nearly three million visitors.");
    expect([nation?.measure, visitors?.measure]).toEqual([null, "visitor"]);
    expect(only("H\nPolice said 200 armed men attacked.").measure).toBe("man");
  });
  it("ends the measure before a verb of stance in the past tense", () => {
    expect(only("H\nAll 12 people thought to have died were named.").measure).toBe("person");
  });
  it("ends the measure at a plural followed by a verb and its object", () => {
    expect(only("H\nAt least 30 cranes dot its skyline.").measure).toBe("crane");
    expect(only("H\nThe plant said 5,000 jobs cost the region dearly.").measure).toBe("job");
    // A noun after a plural modifier keeps its s: "sports fans", "tax cuts" stay nouns.
    expect(only("H\nPolice held 200 sports fans the night before.").measure).toBe("fan");
    expect(only("H\nHe signed 10 tax cuts the voters liked.").measure).toBe("cut");
  });
  it("does not count a verb of motion after money", () => {
    expect(only("H\nThe firm had nearly $2 billion passing through it.").measure).toBeNull();
    expect(only("H\nThe city got $5 billion funding for schools.").measure).toBe("funding");
  });
  it("keeps reading past a unit used as an adjective", () => {
    const c = only("H\nThey tested a 120 kiloton hydrogen bomb.");
    expect([c.measure, c.qualifiers]).toEqual(["bomb", ["kiloton", "hydrogen"]]);
  });
  it("reads the thing a duration measures", () => {
    expect(only("H\nTheir meeting lasted about 40 minutes.").measure).toBe("meeting");
    expect(only("H\nIn their 40-minute meeting, they spoke.").measure).toBe("meeting");
  });
  it("lemmatises irregular and -ies plurals", () => {
    expect(only("H\nThe fire killed 12 people.").measure).toBe("person");
    expect(only("H\nAbout 300 companies signed up.").measure).toBe("company");
  });
});

describe("extractClaims: modality and hedges", () => {
  const modality = (text: string) => only(text).modality;
  it("reads the governing verb or noun", () => {
    expect(modality("H\nAlibaba expects the initiative to create one million U.S. jobs.")).toBe("expectation");
    expect(modality("H\nMa promised that his company would create one million new jobs.")).toBe("promise");
    expect(modality("H\nThey discussed plans to create 1 million US jobs.")).toBe("plan");
    expect(modality("H\nThe investment aims to create 50,000 jobs.")).toBe("goal");
    expect(modality("H\nAlibaba offers Trump 1 million US jobs")).toBe("offer");
    expect(modality("H\nThe platform could help create one million jobs.")).toBe("possibility");
    expect(modality("H\nAnalysts predict 20,000 layoffs this year.")).toBe("prediction");
    expect(modality("H\nThe company employs 36,446 people.")).toBe("fact");
  });
  it("reads a vow of a tariff as a threat", () => {
    const c = only("H\nTrump vowed to impose 45 percent tariffs on Chinese imports.");
    expect(c.modality).toBe("threat");
    expect(c.modalityCue).toBe("vowed");
    expect(modality("H\nThe mayor vowed to build 5,000 homes.")).toBe("promise");
  });
  it("a noun cue near the figure wins over an auxiliary", () => {
    const c = only("H\nClark said of Ma's prediction that the platform could help create one million U.S. jobs.");
    expect(c.modality).toBe("prediction");
    expect(c.hedges).toContain("could");
  });
  it("collects hedges, including bound words", () => {
    const c = only("H\nMa offered the platform, with the potential of creating up to 1 million American jobs.");
    expect(c.modality).toBe("possibility");
    expect(c.hedges).toEqual(["potential", "up to"]);
    expect(only("H\nThe firm expects about 300 new hires.").hedges).toEqual(["expect", "about"]);
  });
});

describe("extractClaims: subject, predicate, attribution, horizon", () => {
  it("finds subject and predicate", () => {
    const c = only("H\nAlibaba expects the initiative to create one million U.S. jobs.");
    expect(c.subject).toBe("Alibaba");
    expect(c.predicate).toBe("create");
  });
  it("reads the subject after a dateline, not from it", () => {
    expect(only("H\nSEOUL, South Korea — South Korea put a satellite into orbit seven weeks after its rival.").subject).toBe("South Korea");
    expect(only("H\n(Reuters) - Arizona quarterback Carson Palmer retired after 15 seasons.").subject).toBe("Arizona");
    expect(only("H\nERIE, Pa. — A Pennsylvania woman got a bill of $284 billion.").subject).toBe("Pennsylvania");
    expect(only("H\nWASHINGTON, Jan 9 (AP) — The Senate approved $5 billion for the wall.").subject).toBe("Senate");
  });
  it("never takes a month or a weekday for the subject", () => {
    expect(only("H\nThe cabinet on Wednesday approved a transfer of 40 million shekels.").subject).toBeNull();
    expect(only("H\nThe seizure took place in November, but it was reported after 20 vessels left.").subject).toBe("it");
  });
  it("reads no measure from a fixed phrase after the figure", () => {
    expect(only("H\nThe UN cut imports of fuel by 89 percent in response to the tests.").measure).toBeNull();
    expect(only("H\nThe company had $15 billion in sales.").measure).toBe("sale");
  });
  it("reads the counted thing of an attributive count joined by a hyphen", () => {
    expect(only("H\nThey passed a 2,700-page bill.").measure).toBe("page");
    expect(only("H\nThe 15-member Security Council met.").measure).toBe("member");
    expect(only("H\nHe drove a 25-tonne truck.").measure).toBe("tonne");
    expect(claimsOf("H\nAbout two-thirds of the charge comes from the tax.")).toEqual([]);
    expect(only("H\nSales saw a 10-fold increase.").measure).toBe("increase");
  });
  it("ends the measure at a plural noun followed by a verb of stance", () => {
    expect(only("H\nA poll found 47 percent of Americans hold the president responsible.").measure).toBe("american");
    expect(only("H\nNearly 3 in 5 registered voters favor the photo identification law.").measure).toBe("voter");
    expect(only("H\nAbout 430,000 settlers live among the villages.").measure).toBe("settler");
    // A noun phrase that goes on past a plural noun is read whole.
    expect(only("H\nThe state collected $5 million in sales tax receipts.").measure).toBe("receipt");
  });
  it("reads a name over spaces only, or over a comma from a role to its holder", () => {
    expect(only("H\nReuters The truck was riddled with more than 40 bullet holes.").subject).toBe("Reuters");
    expect(only("H\nCORRECTION: An earlier version named all 12 people.").subject).toBeNull();
    expect(only("H\nThe attorneys general for New York, California and 12 other states sued.").subject).toBe("New York");
    expect(only("H\nSen. Rand Paul (R-Ky.) voted against the $732 billion bill.").subject).toBe("Sen. Rand Paul");
    expect(only("H\nThe Japanese chief Cabinet secretary, Yoshihide Suga, says the missile reached 770 kilometers.").subject).toBe("Japanese chief Cabinet secretary Yoshihide Suga");
    // Capitalised words inside a name are kept ("Formula One", "USA TODAY").
    expect(only("H\nThe Brazilian Formula One Grand Prix was halted after 20 laps.").subject).toBe("Brazilian Formula One Grand Prix");
    expect(only("H\nUSA TODAY counted 41 photos.").subject).toBe("USA TODAY");
  });
  it("reads past a sentence adverb, an infinitive of purpose and page labels", () => {
    expect(only("H\nConsequently, Merkel's party lost 65 seats.").subject).toBe("Merkel's");
    expect(only("H\nTo protect itself, Japan has deployed 34 batteries.").subject).toBe("Japan");
    expect(only("H\nPhotos: Shocking splits cost 30 couples dearly.").subject).toBe("Shocking");
  });
  it("never takes an auxiliary opening a question, or May before a day, for the subject", () => {
    expect(only("H\nIs it chance that Jane Smith lost 4 state championships?").subject).toBe("it");
    expect(only("H\nThe policy, lifted on May 23, has blocked 1.7 million attempts.").subject).toBeNull();
    expect(only("H\nMay said 40 members would vote against the deal.").subject).toBe("May");
  });
  it("reads the subject after an opening participial phrase, not from it", () => {
    expect(only("H\nUnderscoring the tension, Acme Group cut 400 jobs.").subject).toBe("Acme Group");
    expect(only("H\nSpeaking to reporters, Jane Smith said 30 people were hurt.").subject).toBe("Jane Smith");
    expect(only("H\nBeijing on Monday said exports rose 5 percent.").subject).toBe("Beijing");
    expect(only("H\nBoeing said it would build 50 planes, a record.").subject).toBe("Boeing");
    // "According to" opens an introductory phrase of any length.
    expect(only("H\nAccording to a complaint Acme filed on May 2 with the World Intellectual Property Organization in Geneva, Beta Corp paid $5 million.").subject).toBe("Beta Corp");
  });
  it("reads the subject after an introductory clause", () => {
    expect(only("H\nOnce Dauer made it to the hospital, he was treated within five minutes.").subject).toBe("he");
  });
  it("finds a trailing speaker in the sentence", () => {
    const c = only("H\nThe group expects to create one million U.S. jobs, company spokesman Bob Christie said in a phone call.");
    expect(c.attribution).toMatchObject({speaker: "Bob Christie", verb: "said", direct: false});
    expect(c.attribution!.evidence!.text).toContain("Bob Christie said");
  });
  it("finds an inverted speaker after a quotation, and marks it direct", () => {
    const text = "H\n“We talked about supporting one million small businesses,” said Ma to reporters.";
    const c = only(text);
    expect(c.attribution).toMatchObject({speaker: "Ma", direct: true});
  });
  it("finds the speaker of a quotation in the next sentence", () => {
    const text = "H\n“We will hire 5,000 people next year.”\nThe plan was announced on Monday, Smith said.";
    expect(only(text).attribution).toMatchObject({speaker: "Smith", direct: true});
  });
  it("resolves 'he said' to the last named speaker", () => {
    const text = "H\nThe deal is good, Duncan Clark said.\nThe firm will need 3,000 new staff, he said.";
    const claim = claimsOf(text).find((c) => c.quantity.value === 3000)!;
    expect(claim.attribution?.speaker).toBe("Duncan Clark");
  });
  it("reads 'according to'", () => {
    const c = only("H\nTrade supports more than 40 million jobs in the US, according to estimates by the US Chamber of Commerce.");
    expect(c.attribution?.verb).toBe("according to");
    expect(c.attribution?.speaker).toContain("Chamber of Commerce");
  });
  it("reads horizons", () => {
    expect(only("H\nConsumers are expected to spend more than US$150 billion on products by 2020.").horizon).toBe("by 2020");
    expect(only("H\nWithin 20 years, he expects to serve 2 billion consumers.").horizon).toBe("Within 20 years");
  });
});

describe("extractClaims: figures inside quotations", () => {
  it("take the quotation's speaker, with the words of the attribution as evidence", () => {
    const c = only("H\n“We will create 1 million jobs,” Rep. John Lewis (D-Ga.) said.");
    expect(c.attribution).toMatchObject({speaker: "Rep. John Lewis", verb: "said", direct: true});
    expect(c.attribution!.evidence!.text).toBe("Rep. John Lewis (D-Ga.) said.");
    expect(only("H\nMr. Santorum did not back down, saying, “We will cut 40 percent of the budget.”").attribution?.speaker).toBe("Mr. Santorum");
  });
  it("never name another speaker than their quotation does, in the seed articles", () => {
    const dir = new URL("../seeds/", import.meta.url);
    let checked = 0;
    for (const f of readdirSync(dir).filter((name) => name.endsWith(".txt"))) {
      const doc = makeDocument(f.slice(0, 3), readFileSync(new URL(f, dir), "utf8"));
      const quotes = extractQuotes(doc).filter((q) => q.speaker && !/^(?:he|she|they|we|i)$/i.test(q.speaker));
      for (const c of extractClaims(doc).claims) {
        const q = quotes.find((x) => x.span[0] <= c.span[0] && c.span[1] <= x.span[1]);
        if (!q) continue;
        checked++;
        expect(c.attribution?.speaker, c.sentence).toBe(q.speaker);
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe("extractClaims on the seed articles", () => {
  const dir = new URL("../seeds/", import.meta.url);
  const files = readdirSync(dir).filter((f) => f.endsWith(".txt")).sort();
  const docs = files.map((f) => makeDocument(f.slice(0, 3), readFileSync(new URL(f, dir), "utf8")));
  const claims = new Map(docs.map((d) => [d.id, extractClaims(d).claims]));
  const jobs = (id: string) => claims.get(id)!.filter((c) => c.quantity.value === 1e6 && c.measure === "job");

  it("counts what follows a make and model (\"50 Boeing 737 Max jets\")", () => {
    const c = only("H\nThe airline ordered 50 Boeing 737 Max jets.");
    expect(c.measure).toBe("jet");
    expect(c.qualifiers).toEqual(["Boeing", "737", "Max"]);
    const lower = only("H\nThe airline ordered 12 Boeing 737 jets.");
    expect([lower.measure, lower.qualifiers]).toEqual(["jet", ["Boeing", "737"]]);
    const units = only("H\nApple sold 5 million iPhone 7 units.");
    expect([units.measure, units.qualifiers]).toEqual(["unit", ["iPhone", "7"]]);
    // Not a model: a plural name, then a span of time.
    const hired = extractClaims(makeDocument("x", "H\nIt hired 12 Americans 24 hours later.")).claims.find((k) => k.quantity.value === 12)!;
    expect(hired.measure).toBe("american");
  });
  it("reads an offer after a determiner and a name as a thing, not as what someone says", () => {
    expect(only("Broadcom Raises Its Qualcomm Offer to $121 Billion\n\nBody.").attribution).toBeNull();
    expect(only("H\nAcme raised its Qualcomm offer to $121 billion.").attribution).toBeNull();
    expect(only("H\nAcme will offer $121 billion for the company.").attribution?.speaker).toBe("Acme");
  });
  it("reads \"May\" before a day or after a preposition as the month, and no day or month as what is counted", () => {
    expect(only("H\nThe tour, which will begin May 16, ends a career of 50 years.").hedges).toEqual([]);
    expect(only("H\nIn May, sales rose 5 percent.").modality).toBe("fact");
    expect(only("Tariffs May Reach 45 Percent\n\nBody.").modality).toBe("possibility");
    expect(only("H\nExports fell 5 percent in March.").measure).toBeNull();
    expect(extractClaims(makeDocument("x", "H\nThe toll rose to at least six Friday.")).claims.filter((c) => c.measure === "friday")).toEqual([]);
  });
  it("reads a capitalised \"May\" or \"Will\" inside a sentence in sentence case as a name, not the modal", () => {
    expect(only("H\nTheresa May said 10,000 jobs were lost.")).toMatchObject({modality: "fact", hedges: []});
    expect(only("H\nBritain's Theresa May, speaking on Monday, put the cost at 10,000 jobs.")).toMatchObject({modality: "fact", hedges: []});
    expect(only("H\nThe actor Will Smith said he gave 2 million dollars.").modality).toBe("fact");
    expect(only("H\n2 November 2017 British Prime Minister Theresa May greets Israeli Prime Minister Benjamin Netanyahu outside 10 Downing Street.").hedges).toEqual([]);
    expect(only("H\nMay said 40 members would vote against the deal.").modality).toBe("fact");
    // The modal stays in title case, in lower case, and in a question.
    expect(only("Trump Will Impose 45 Percent Tariff\n\nBody.").modality).toBe("prediction");
    expect(only("Plant May Cut 500 Jobs\n\nBody.").modality).toBe("possibility");
    expect(only("H\nPrices may rise 5 percent.").modality).toBe("possibility");
    expect(only("H\nWill it cost 500 jobs?").modality).toBe("prediction");
    expect(only("H\nWill Trump impose a 45 percent tariff?").modality).toBe("prediction");
    expect(only("H\nWill Smith gives 2 million dollars to the fund.").modality).toBe("fact");
  });
  it("gives a surname alone, or owned by a body, the one full name the text prints for it", () => {
    expect(only("Acme's Roe promises 500 jobs\n\nAcme founder Jane Roe met the mayor.").attribution?.speaker).toBe("Jane Roe");
    expect(only("H\nAnalyst Tom Clay expects growth. Clay said sales would reach $5 billion.").attribution?.speaker).toBe("Tom Clay");
    // Two people of that name: the surname stays.
    expect(only("H\nTom Clay and Ann Clay spoke. Clay said sales would reach $5 billion.").attribution?.speaker).toBe("Clay");
    // A people's name before a body is not a given name.
    expect(only("H\nThe Chinese Acme grew. Acme said sales would reach $5 billion.").attribution?.speaker).toBe("Acme");
  });
  it("takes the speaker of a promise in a relative clause from the name the clause is about", () => {
    expect(only("H\nThe mayor met Jane Smith, who has promised to build 500 homes.").attribution?.speaker).toBe("Jane Smith");
    expect(only("H\nThe mayor met the board of Acme Corp, which pledged 200 jobs.").attribution?.speaker).toBe("Acme Corp");
    expect(only("H\nJane Smith promised to build 500 homes.").attribution?.speaker).toBe("Jane Smith");
  });
  it("finds the one million jobs in every article", () => {
    for (const d of docs) expect(jobs(d.id).length, d.id).toBeGreaterThan(0);
  });
  it("000 gives the jobs to the spokesman as an expectation", () => {
    const body = jobs("000").find((c) => !c.inHeadline && c.modality === "expectation")!;
    expect(body.attribution?.speaker).toBe("Bob Christie");
    expect(body.hedges).toContain("expect");
  });
  it("003 states it as Ma's promise that the company would create the jobs", () => {
    const c = jobs("003").find((x) => x.horizon === "over the next five years")!;
    expect(c.modality).toBe("promise");
    expect(c.attribution?.speaker).toBe("Jack Ma");
    expect(c.predicate).toBe("create");
  });
  it("001 gives the promise to Ma, whom the relative clause is about, not to Trump", () => {
    const promises = jobs("001").filter((c) => c.modality === "promise");
    expect(promises.length).toBeGreaterThan(0);
    for (const c of promises) expect(c.attribution?.speaker, c.sentence).toMatch(/Jack Ma$/);
  });
  it("004 hedges it with 'up to' and 'potential'", () => {
    const c = jobs("004").find((x) => x.quantity.bound === "upper")!;
    expect(c.hedges).toEqual(expect.arrayContaining(["up to", "potential"]));
  });
  it("finds the tariff, the consumers and the meeting", () => {
    const tariff = (id: string) => claims.get(id)!.find((c) => c.quantity.unit === "percent" && c.quantity.value === 45);
    expect(["000", "001", "002", "003"].map((id) => tariff(id)?.qualifiers)).toEqual([
      ["on Chinese imports"], ["on Chinese imports"], ["on Chinese goods"], ["on Chinese products"],
    ]);
    expect(["000", "001", "002", "003"].map((id) => tariff(id)?.modality)).toEqual(["threat", "threat", "threat", "threat"]);
    for (const id of ["003", "004"]) {
      expect(claims.get(id)!.some((c) => c.quantity.value === 3e8 && c.measure === "consumer"), id).toBe(true);
      expect(claims.get(id)!.some((c) => c.quantity.value === 40 && c.quantity.unit === "minute" && c.measure === "meeting"), id).toBe(true);
    }
  });
  it("rejects the non-figures", () => {
    const all = [...claims.values()].flat().map((c) => c.sentence.slice(c.span[0] - c.sentenceSpan[0], c.span[1] - c.sentenceSpan[0]));
    for (const bad of ["16", "2 min", "3", "2017", "2016", "8:01", "2015", "11"]) expect(all, bad).not.toContain(bad);
  });
});

describe("extractClaims: time linear in the text", () => {
  // About 100 KB each, built to trip per-figure scans of the whole sentence, paragraph or document.
  // Each takes well under a second; the budget is generous for slow machines.
  const SIZE = 100_000;
  const CASES: Record<string, string> = {
    "digit groups without end (1,1,1,…)": `${"1,".repeat(SIZE / 2)}1 jobs.`,
    "thousands of figures in one sentence": "5 percent ".repeat(SIZE / 10),
    "thousands of clock times": "8:01 ".repeat(SIZE / 5),
    "clock times without spaces": "8:01".repeat(SIZE / 4),
    "figures with speech verbs and no sentence end": "5 jobs said ".repeat(SIZE / 12),
    "quoted figures attributed to a pronoun": "“5 jobs,” he said. ".repeat(SIZE / 19),
    "short sentences on one line": "Ma said 5 jobs. ".repeat(SIZE / 16),
  };
  for (const [name, body] of Object.entries(CASES)) {
    it(name, () => {
      const text = `Headline\n${body}`;
      const began = performance.now();
      const {claims} = extractClaims(makeDocument("t", text));
      expect(performance.now() - began).toBeLessThan(3000);
      // Clock times are not figures; every other case holds claims.
      if (/clock/.test(name)) expect(claims).toEqual([]);
      else expect(claims.length).toBeGreaterThan(0);
      for (const c of claims) {
        expect(c.sentenceSpan[0]).toBeLessThanOrEqual(c.span[0]);
        expect(c.span[1]).toBeLessThanOrEqual(c.sentenceSpan[1]);
      }
    });
  }
  it("reads a long sentence in pieces that never cut a figure", () => {
    const text = `Headline\n${"The plan adds about 5,000 new jobs in the coming months, officials say, and ".repeat(100)}ends.`;
    const {claims} = extractClaims(makeDocument("t", text));
    expect(claims).toHaveLength(100);
    for (const c of claims) {
      expect(c.sentence.length).toBeLessThanOrEqual(1100);
      expect(c.quantity.text).toBe("5,000");
      expect(c.measure).toBe("job");
      expect(text.slice(c.sentenceSpan[0], c.sentenceSpan[1])).toBe(c.sentence);
    }
  });
});
