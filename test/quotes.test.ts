import {readFileSync, readdirSync} from "node:fs";
import {fileURLToPath} from "node:url";
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {editScript} from "../src/lib/diff.js";
import {comparisonForm, hashString} from "../src/lib/reuse-tokens.js";
import {words} from "../src/lib/text.js";
import {areQuoteVariants, extractQuotes, findQuotations, gramPostings, groupQuoteFamilies, packWordings} from "../src/lib/quotes.js";
import type {DocumentRecord} from "../src/lib/types.js";
import {makeDocument} from "./helpers.js";

const seedsDir = fileURLToPath(new URL("../seeds/", import.meta.url));
function seeds(): DocumentRecord[] {
  return readdirSync(seedsDir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => makeDocument(f.slice(0, 3), readFileSync(seedsDir + f, "utf8")));
}

const quotesOf = (text: string) => extractQuotes(makeDocument("d", `Headline\n${text}`));

describe("extractQuotes: quotation marks", () => {
  it("reads curly and straight quotes with offsets into the text", () => {
    const doc = makeDocument("d", `Headline\n“We will win,” said Smith. "It is done," Jones said.`);
    const quotes = extractQuotes(doc);
    expect(quotes.map((q) => q.text)).toEqual(["We will win", "It is done"]);
    for (const q of quotes) expect(doc.text.slice(...q.span)).toBe(q.text);
    expect(quotes.map((q) => q.id)).toEqual(["d:q0", "d:q1"]);
  });
  it("keeps partial quotations inside a sentence, even of one word", () => {
    const quotes = quotesOf(`The minister called the plan “reckless” and “unfunded.”`);
    expect(quotes.map((q) => [q.text, q.speaker, q.verb])).toEqual([
      ["reckless", "The minister", "called"],
      ["unfunded.", "The minister", "called"],
    ]);
  });
  it("continues a quotation over paragraphs when the next paragraph opens with a quote mark", () => {
    const quotes = quotesOf(`“We are not going to raise taxes this year.\n\n“We will look at spending first,” the treasurer told reporters.`);
    expect(quotes).toHaveLength(1);
    expect(quotes[0]!.text).toBe("We are not going to raise taxes this year. We will look at spending first");
    expect(quotes[0]!.speaker).toBe("the treasurer");
  });
  it("ends an unclosed quotation with its sentence", () => {
    const quotes = quotesOf(`Brown said the deal was “a turning point for the region. Markets rose on Tuesday.`);
    expect(quotes[0]!.text).toBe("a turning point for the region.");
    expect(quotes[0]!.speaker).toBe("Brown");
  });
  it("reads headline-style single quotes but not apostrophes", () => {
    const quotes = quotesOf(`Obama says he had a ‘productive talk’ with Putin’s envoys`);
    expect(quotes.map((q) => q.text)).toEqual(["productive talk"]);
  });
  it("does not invent quotes from apostrophes and inch marks", () => {
    expect(findQuotations("It's the company's 5' model and the boys' bikes.")).toEqual([]);
  });
});

describe("extractQuotes: speakers", () => {
  it("finds inverted and subject-first attributions after the quote", () => {
    const quotes = quotesOf(`“Prices will fall,” said Maria Lopez, an economist at the bank. “We expect a rebound,” Lopez told reporters.`);
    expect(quotes.map((q) => [q.speaker, q.verb])).toEqual([
      ["Maria Lopez", "said"],
      ["Maria Lopez", "told"],
    ]);
  });
  it("drops page controls printed in capitals before a speaker's name, but not a name like them", () => {
    expect(quotesOf(`CLOSE Sheila E said she wanted “people to know there was no hologram.”`)[0]!.speaker).toBe("Sheila E");
    expect(quotesOf(`“It was great,” said Skip Bayless.`)[0]!.speaker).toBe("Skip Bayless");
  });
  it("takes the name before a party and state tag, not the tag", () => {
    expect(quotesOf(`But Rep. Dana Rohrabacher, R-Calif., said "any suggestion that this is a budget issue is off base."`)[0]!.speaker).toBe("Rep. Dana Rohrabacher");
    expect(quotesOf(`"Shame on the House," Rep. Gregory Meeks, D-N.Y., said on Wednesday.`)[0]!.speaker).toBe("Rep. Gregory Meeks");
  });
  it("gives a quotation after a participle ('…, saying, “') to the sentence's subject when it reads as a speaker", () => {
    expect(quotesOf(`Mr. Santorum did not back down, saying, “I think the record is very bad.”`)[0]!.speaker).toBe("Mr. Santorum");
    expect(quotesOf(`Tom Avery said the road was shut. He then signaled more delays, saying, “We need another week.”`)[0]!.speaker).toBe("Tom Avery");
    // A capitalised opener that is nobody is not taken for one.
    expect(quotesOf(`Almost 400 people signed up, saying they wanted “justice for the animals.”`)[0]!.speaker).toBeNull();
  });
  it("reads the subject past an opening phrase, and past a place after the name, when a participle leads to the quotation", () => {
    const asked = quotesOf(`Asked whether he was suggesting that Mr. Obama lacked sympathy, Mr. Santorum did not back down, saying, “I think the record is very bad.”`)[0]!;
    expect(asked.speaker).toBe("Mr. Santorum");
    const judge = `Later that day, Judge William Alsup of Federal District Court handed down his ruling, writing that the administration must “maintain the program.”`;
    const ruling = quotesOf(judge)[0]!;
    expect(ruling.speaker).toBe("Judge William Alsup");
    expect(`Headline\n${judge}`.slice(ruling.speakerAt!)).toMatch(/^Judge William Alsup of/);
    expect(quotesOf(`Trump said it was fine. In the wake of the attack, Trump again defended his plan, saying on Twitter: “It is just the beginning.”`)[0]!.speaker).toBe("Trump");
  });
  it("does not give a participle in a later clause of its own to the sentence's subject", () => {
    expect(quotesOf(`When DeSantis signed the ban, he and other Republicans touted it, while opponents slammed it, calling it the “Don’t Say Gay” bill.`)[0]!.speaker).toBeNull();
  });
  it("names the one holder of an office printed before a description by that office", () => {
    expect(quotesOf(`Gov. Mike Pence spoke on Monday. “We will clarify it,” the governor told reporters.`)[0]!.speaker).toBe("Gov. Mike Pence");
    expect(quotesOf(`President Donald Trump met them. President Trump’s aides left. “It was a great meeting,” the president said.`)[0]!.speaker).toBe("Donald Trump");
    // Two presidents printed, or none: the description stays.
    expect(quotesOf(`President Obama and President Trump met. “It was a great meeting,” the president said.`)[0]!.speaker).toBe("the president");
    expect(quotesOf(`Mr. Trump met them. “It was a great meeting,” the president said.`)[0]!.speaker).toBe("the president");
    // Only a holder printed before the quotation counts.
    expect(quotesOf(`“It was a great meeting,” the president said. President Trump left.`)[0]!.speaker).toBe("the president");
  });
  it("resolves a pronoun to the person the sentence before is about, when no speaker is named there", () => {
    const pelosi = quotesOf(`“It was a failure,” Ryan said. Ms. Pelosi did not agree with Ryan’s assessment in an interview. “He did not even carry his district,” she said.`);
    expect(pelosi[1]!.speaker).toBe("Ms. Pelosi");
    // "who" is said of a person.
    const calderon = quotesOf(`“They are followers of a false prophet,” Fox said. Felipe Calderon, who was president of Mexico, has also dismissed the idea. “We are not going to pay,” he said.`);
    expect(calderon[1]!.speaker).toBe("Felipe Calderon");
    // A name that owns the subject is not the person.
    const light = quotesOf(`Donald Trump said it was a hoax. Andrew Light said it was early. But Trump’s withdrawal could leave a lasting mark. “We will lose traction,” he said.`);
    expect(light[0]!.speaker).toBe("Andrew Light");
    // A speaker named in the sentence before wins over its subject.
    const named = quotesOf(`Mr. Jones met reporters on Monday, and Smith said he would stay. “We will go on,” he said.`);
    expect(named[0]!.speaker).toBe("Smith");
    // The name after a role is the person, not the body before it.
    const hennessy = quotesOf(`Goldman Sachs said profits fell. Bill Hennessy said it on Monday. Goldman Sachs spokesman Bill Hennessy declined to comment further. “You see a failure,” he wrote.`);
    expect(hennessy[0]!.speaker).toBe("Bill Hennessy");
    // A body is not a person.
    const house = quotesOf(`Josh Earnest said it was early. Justice Department lawyers wrote that the talks would go on. “The president is exploring the option,” he said.`);
    expect(house[0]!.speaker).toBe("Josh Earnest");
  });
  it("reads a subject with an emphatic reflexive before its verb", () => {
    expect(quotesOf(`Trump himself said Friday evening that the controversy was “a very sad day for journalism.”`)[0]!.speaker).toBe("Trump");
    expect(quotesOf(`“It was a very sad day,” the president himself said.`)[0]!.speaker).toBe("the president");
  });
  it("keeps the last four words of a long capitalised run before a verb", () => {
    expect(quotesOf(`Supreme Court Justice Ruth Bader Ginsburg said: “I can’t imagine it.”`)[0]!.speaker).toBe("Justice Ruth Bader Ginsburg");
  });
  it("takes a document that says something for its speaker", () => {
    expect(quotesOf(`The letter says Mr. Obama “should not back down.”`)[0]!.speaker).toBe("The letter");
  });
  it("reads a name past a bracketed tag or a place, and past the end of the sentence before it", () => {
    expect(quotesOf(`“This vote is an opportunity,” Rep. John Lewis (D-Ga.) said.`)[0]!.speaker).toBe("Rep. John Lewis");
    expect(quotesOf(`Sen. Chris Coons of Delaware said McConnell refused “to meaningfully negotiate.”`)[0]!.speaker).toBe("Sen. Chris Coons");
    expect(quotesOf(`Mayor of London Sadiq Khan said: “I am in contact with emergency services.”`)[0]!.speaker).toBe("Sadiq Khan");
    expect(quotesOf(`Politico reported it in December. Greene accused him of “sexual fantasies” about her.`)[0]!.speaker).toBe("Greene");
    // A pronoun starts a sentence, whatever stands before the full stop: no name runs on into it.
    expect(quotesOf(`The mayor spoke to France Info. She said the road “will reopen on Monday.”`)[0]!.speaker).not.toMatch(/Info/);
    expect(quotesOf(`New Jersey Gov. Chris Christie said “we vaccinated our children.”`)[0]!.speaker).toBe("Gov. Chris Christie");
  });
  it("takes verbs that characterise for verbs of speech", () => {
    expect(quotesOf(`Senator Chuck Schumer denounced the offer as “not a compromise but more hostage taking.”`)[0]!.speaker).toBe("Senator Chuck Schumer");
  });
  it("resolves he said to the last named speaker", () => {
    const quotes = quotesOf(`Police chief Tom Avery said the road would reopen. “We need another day,” he said.`);
    expect(quotes[0]!.speaker).toBe("Tom Avery");
  });
  it("resolves a pronoun in the lead-in to the person its sentence opens with", () => {
    const text = `Mayor Ana Ruiz said the budget was sound. Gov. Leo Park of Ohio is running an ad that vows to end what he calls “a war on farmers,” and the mayor replied.`;
    const quote = quotesOf(text).find((q) => q.text.startsWith("a war on farmers"))!;
    expect(quote.speaker).toBe("Gov. Leo Park");
    expect(quote.verb).toBe("calls");
    // A pronoun after the quotation is not in a lead-in: it goes to the last named speaker.
    expect(quotesOf(`Mayor Ana Ruiz said the budget was sound. “We are ready,” she said.`)[0]!.speaker).toBe("Mayor Ana Ruiz");
  });
  it("reads a sentence's subject past a day of the week, keeping the whole name", () => {
    const text = `President Rosa Quill on Friday restated her plan, and while she said it was “fair” to ask about costs, she would not say more.`;
    expect(quotesOf(text)[0]!.speaker).toBe("Rosa Quill");
    // Without the day the same name is read.
    expect(quotesOf(text.replace(" on Friday", ""))[0]!.speaker).toBe("Rosa Quill");
  });
  it("takes a colon after a verb of speech in the infinitive as the sentence's subject speaking", () => {
    const text = `Vice President Ned Cole said the talks failed. Marsh was referring to a memo. Cole was quick to retort: “That is a bunch of malarkey.”`;
    const quote = quotesOf(text)[0]!;
    expect(quote.speaker).toBe("Ned Cole");
    expect(quote.verb).toBe("retort");
    // Without such a verb before the colon, the rule does not apply.
    expect(quotesOf(`Vice President Ned Cole said the talks failed. Cole had one thing on the list: “Malarkey.”`)[0]!.verb).not.toBe("retort");
  });
  it("gives a surname the one full name the text prints for it, past titles, roles and possessives", () => {
    const speakers = (text: string) => extractQuotes(makeDocument("d", text)).map((q) => q.speaker);
    expect(speakers(`Plant opens\n\nAcme Chief Executive Jane Roe opened the plant on Monday. “We are proud,” Roe said.`)).toEqual(["Jane Roe"]);
    expect(speakers(`Plant opens\n\nAcme's Roe opened the plant. “We are proud,” Roe said.`)).toEqual(["Roe"]);
    // Two people of that name: which one is unknown.
    expect(speakers(`Plant opens\n\nJane Roe and her brother Tom Roe opened the plant. “We are proud,” Roe said.`)).toEqual(["Roe"]);
    // A title-case headline is not read for given names, except the word before the surname; a
    // shorter form of the name is the same person.
    expect(speakers(`Critics Prompt Response From Roe\n\n“We disagree,” Roe said.`)).toEqual(["Roe"]);
    expect(speakers(`Why Ann Roe Will Not Sign\n\nJane Ann Roe runs the firm. “We disagree,” Roe said.`)).toEqual(["Jane Ann Roe"]);
    // Not a place put before the name, a word printed in lower case, nor a body.
    expect(speakers(`Crash kills four\n\nWitnesses in Lyon, France, saw it. Lyon Tony Smith heard it. “It was loud,” Smith said.`)).toEqual(["Tony Smith"]);
    expect(speakers(`Vote passes\n\nThe White House welcomed it. “It is good news,” House said.`)).toEqual(["House"]);
    // Nor a credit run into the text before a name.
    expect(speakers(`Baby news\n\nAP:Associated Press Jane Roe shared the news. “We are thrilled,” Jane wrote.`)).toEqual(["Jane"]);
  });
  it("gives he or she, with no one named before, to the person the sentence before opens with", () => {
    const speakers = (text: string) => extractQuotes(makeDocument("d", text)).map((q) => q.speaker);
    expect(speakers(`Talks go on\n\nSenior Colonel Jan Novak was answering reports of a leak.\n\n“It did not happen,” he said.`)).toEqual(["Jan Novak"]);
    expect(speakers(`Storm hits\n\nCounty Executive Kathy Doe signed an order which she said would “bring help.”`)).toEqual(["Kathy Doe"]);
    // "They" may be a group: it stays as printed.
    expect(speakers(`Talks go on\n\nSenior Colonel Jan Novak was answering reports of a leak.\n\n“It did not happen,” they said.`)).toEqual(["they"]);
  });
  it("uses according to", () => {
    const quotes = quotesOf(`The talks were a chance to “reset the relationship”, according to Anna Berg, a former diplomat.`);
    expect(quotes[0]!.speaker).toBe("Anna Berg");
    expect(quotes[0]!.verb).toBe("according to");
  });
  it("takes a speaker named in the previous sentence", () => {
    const quotes = quotesOf(`Senator Kim spoke after the vote.\nKim said the bill was fair. “Nobody loses under this plan.”`);
    expect(quotes[0]!.speaker).toBe("Kim");
  });
  it("inherits the speaker of a quotation continued in the next paragraph", () => {
    const quotes = quotesOf(`“The harvest was poor,” said Ruth Ade, a farmer.\n“After all, it hardly rained.”`);
    expect(quotes.map((q) => q.speaker)).toEqual(["Ruth Ade", "Ruth Ade"]);
  });
  it("prefers the subject right before the verb", () => {
    const quotes = quotesOf(`Ms Tan, who chairs the board, met the mayor on Monday, and the mayor said it was a “good start”.`);
    expect(quotes[0]!.speaker).toBe("the mayor");
  });
  it("leaves the speaker null when none is found", () => {
    const quotes = quotesOf(`The sign read “Closed for repairs” all week.`);
    expect(quotes[0]!.speaker).toBeNull();
    expect(quotes[0]!.verb).toBeNull();
  });
  it("never throws on odd input", () => {
    for (const text of ["", "“", "”", "\"\"\"", "“a\n\n“b\n\n“", "‘x’ ‘", "He said, “", "\u0000“x”"]) {
      expect(() => extractQuotes(makeDocument("x", text))).not.toThrow();
    }
  });
});

describe("quotes on the seed articles", () => {
  const docs = seeds();
  const byDoc = new Map(docs.map((d) => [d.id, extractQuotes(d)]));
  it("attributes the quotations of the analyst in 000 and 003", () => {
    const q000 = byDoc.get("000")!.find((q) => q.text.startsWith("There’s nothing to lose"))!;
    expect(q000.speaker).toBe("Duncan Clark");
    const q003 = byDoc.get("003")!.find((q) => q.text.startsWith("There’s nothing to lose"))!;
    expect(q003.speaker).toBe("Duncan Clark"); // "He said, “…" resolved to the previous sentence's speaker
    const he = byDoc.get("000")!.find((q) => q.text.startsWith("There’s no one"))!;
    expect(he.speaker).toBe("Duncan Clark");
  });
  it("attributes the president-elect's and Ma's quotations", () => {
    const jack002 = byDoc.get("002")!.find((q) => q.text.startsWith("Jack and I"))!;
    expect(jack002.speaker).toBe("Donald Trump"); // "US president-elect Donald Trump" is printed before
    const jack003 = byDoc.get("003")!.find((q) => q.text.startsWith("Jack and I"))!;
    expect([jack003.speaker, jack003.verb]).toEqual(["Donald Trump", "said"]);
    const ma003 = byDoc.get("003")!.find((q) => q.text.startsWith("We also think"))!;
    expect([ma003.speaker, ma003.verb]).toEqual(["Jack Ma", "added"]);
    const smart = byDoc.get("000")!.find((q) => q.text === "smart")!;
    expect([smart.speaker, smart.verb]).toEqual(["Jack Ma", "called"]);
  });
  it("groups the variants into families across documents", () => {
    const all = docs.flatMap((d) => byDoc.get(d.id)!);
    const {quotes, quoteFamilies} = groupQuoteFamilies(all, docs);
    const familyOf = (doc: string, start: string) => quotes.find((q) => q.documentId === doc && q.text.startsWith(start))!.familyId;
    expect(familyOf("002", "Jack and I")).not.toBeNull();
    expect(familyOf("002", "Jack and I")).toBe(familyOf("003", "Jack and I"));
    expect(familyOf("002", "We also think")).toBe(familyOf("003", "We also think"));
    expect(familyOf("000", "There’s nothing to lose")).toBe(familyOf("003", "There’s nothing to lose"));
    expect(familyOf("002", "Jack and I")).not.toBe(familyOf("002", "We also think"));
    const jack = quoteFamilies.find((f) => f.id === familyOf("002", "Jack and I"))!;
    expect(jack.label).toBe("Jack and I are going to do some great things.");
    const variant = jack.variants.find((v) => v.quoteId.startsWith("003"))!;
    expect(variant.diff).toContainEqual({op: "removed", text: "some"});
    expect(variant.diff).toContainEqual({op: "added", text: "for small business"});
    for (const f of quoteFamilies) expect(f.documentIds.length).toBeGreaterThanOrEqual(2);
    // Inputs are not mutated.
    expect(all.every((q) => q.familyId === null)).toBe(true);
    // In place, the family ids are set on the given quotations, with the same result.
    const owned = all.map((q) => ({...q}));
    const inPlace = groupQuoteFamilies(owned, docs, {inPlace: true});
    expect(inPlace.quotes).toEqual(quotes);
    expect(inPlace.quoteFamilies).toEqual(quoteFamilies);
    expect(owned.map((q) => q.familyId)).toEqual(quotes.map((q) => q.familyId));
  });
});

describe("gramPostings", () => {
  const lists = [[1, 2, 3, 4], [9, 1, 2, 3], [1, 2, 3, 1, 2, 3], [5, 6, 7], [2, 3, 4, 8]];
  const wordings = packWordings(lists.length, (k) => lists[k]!);
  it("packs wordings one after another", () => {
    expect([...wordings.starts]).toEqual([0, 4, 8, 14, 17, 21]);
    expect([...wordings.words.subarray(8, 14)]).toEqual([1, 2, 3, 1, 2, 3]);
  });
  it("lists each shared 3-gram's wordings once, in order, and each wording's runs", () => {
    const {runs, runsOf} = gramPostings(wordings, 10);
    const lists = Array.from(runs.starts, (s, r) => [...runs.owners.subarray(s, runs.ends[r])]);
    expect(lists.sort()).toEqual([[0, 1, 2], [0, 4]]);
    expect(runsOf.offsets[runsOf.offsets.length - 1]).toBe(5);
    expect(runsOf.offsets[3]! - runsOf.offsets[2]!).toBe(1); // wording 2 repeats its 3-gram: counted once
  });
  it("gives empty postings when no wording has three words", () => {
    for (const short of [packWordings(0, () => []), packWordings(2, (k) => [k, k + 1])]) {
      const {runs, runsOf} = gramPostings(short, 10);
      expect(runs.owners).toHaveLength(0);
      expect(runs.starts).toHaveLength(0);
      expect(runsOf.runs).toHaveLength(0);
    }
  });
  it("leaves out 3-grams held by more wordings than the cap", () => {
    expect([...gramPostings(wordings, 2).runs.starts]).toHaveLength(1);
  });
  it("gives the same postings with the comparison sort used for very many wordings", () => {
    const a = gramPostings(wordings, 10);
    const b = gramPostings(wordings, 10, 2);
    expect([...b.runs.owners]).toEqual([...a.runs.owners]);
    expect([...b.runsOf.runs]).toEqual([...a.runsOf.runs]);
  });
});

describe("groupQuoteFamilies", () => {
  const doc = (id: string, text: string) => makeDocument(id, `Headline\n${text}`);
  it("labels a family with the earliest variant in publication order", () => {
    const later = doc("b", `“We will rebuild every school in the district,” the mayor said.`);
    const earlier = doc("a", `“We will rebuild every school,” the mayor said.`);
    const quotes = [...extractQuotes(later), ...extractQuotes(earlier)];
    const {quoteFamilies} = groupQuoteFamilies(quotes, [earlier, later]);
    expect(quoteFamilies).toHaveLength(1);
    expect(quoteFamilies[0]!.label).toBe("We will rebuild every school");
    expect(quoteFamilies[0]!.documentIds).toEqual(["a", "b"]);
    expect(quoteFamilies[0]!.id).toBe("qf:a:q0");
  });
  it("says whether the earliest variant certainly came first", () => {
    const at = (id: string, text: string, earliest: string, latest: string) => ({...doc(id, text), published: {earliest, latest, best: latest, timezone: null, basis: "metadata", evidence: []}});
    const family = (laterFrom: string) => {
      const earlier = at("a", `“We will rebuild every school,” the mayor said.`, "2020-01-01T00:00:00Z", "2020-01-01T06:00:00Z");
      const later = at("b", `“We will rebuild every school in the district,” the mayor said.`, laterFrom, "2020-01-01T12:00:00Z");
      return groupQuoteFamilies([...extractQuotes(earlier), ...extractQuotes(later)], [earlier, later]).quoteFamilies[0]!;
    };
    expect(family("2020-01-01T07:00:00Z").earliestCertain).toBe(true);
    expect(family("2020-01-01T05:00:00Z").earliestCertain).toBe(false);
  });
  it("keeps short scare quotes and unrelated quotes out of families", () => {
    const a = doc("a", `He called it “fake news”. “The economy is strong,” she said.`);
    const b = doc("b", `She called it “fake news”. “The weather is awful today,” he said.`);
    const {quoteFamilies} = groupQuoteFamilies([...extractQuotes(a), ...extractQuotes(b)], [a, b]);
    expect(quoteFamilies).toEqual([]);
  });
  it("keeps a quotation copied word for word into hundreds of articles in one family, with its variants", () => {
    const docs = Array.from({length: 260}, (_, i) =>
      doc(`d${String(i).padStart(3, "0")}`, i % 50 === 7 ? `“We will rebuild every school in the whole district,” the mayor said.` : `“We will rebuild every school in the district,” the mayor said.`)
    );
    const {quoteFamilies, quotes} = groupQuoteFamilies(docs.flatMap((d) => extractQuotes(d)), docs);
    expect(quoteFamilies).toHaveLength(1);
    expect(quoteFamilies[0]!.documentIds).toHaveLength(260);
    expect(quoteFamilies[0]!.label).toBe("We will rebuild every school in the district");
    expect(quotes.every((q) => q.familyId === "qf:d000:q0")).toBe(true);
  });
  it("areQuoteVariants uses containment", () => {
    expect(areQuoteVariants("a great, great entrepreneur, one of the best in the world", "We had a great meeting, and a great, great entrepreneur, one of the best in the world, and he loves China")).toBe(true);
    expect(areQuoteVariants("We are focused on small business", "We are focused on the economy and jobs")).toBe(false);
  });
});

describe("areQuoteVariants against the plain definition", () => {
  // In-order shared words (a word diff) cover at least 80% of the shorter wording, and at least 4
  // words: computed directly, without the filters that spare most pairs the diff.
  const reference = (a: string, b: string) => {
    const wa = words(a).map((t) => hashString(comparisonForm(t.norm)));
    const wb = words(b).map((t) => hashString(comparisonForm(t.norm)));
    const shorter = Math.min(wa.length, wb.length);
    if (shorter < 4) return false;
    const same = editScript(wa, wb, 200).filter((s) => s.op === "same").length;
    return same >= 4 && same / shorter >= 0.8;
  };

  it("agrees on arbitrary wordings, repeated words included", () => {
    const word = fc.constantFrom("we", "will", "build", "the", "wall", "jobs", "one", "1", "million", "great", "China", "tariffs", "45", "percent", "pct");
    const wording = fc.array(word, {minLength: 0, maxLength: 14}).map((w) => w.join(" "));
    fc.assert(fc.property(wording, wording, (a, b) => {
      expect(areQuoteVariants(a, b)).toBe(reference(a, b));
    }), {numRuns: 5000});
  });

  it("agrees on a short quotation against longer ones that contain it with edits", () => {
    const base = ["one", "of", "the", "best", "in", "the", "world"];
    const edits = fc.array(fc.tuple(fc.nat(6), fc.constantFrom("great", "really", "best", "the")), {maxLength: 4});
    fc.assert(fc.property(edits, fc.array(fc.constantFrom("and", "he", "loves", "China", "we", "had"), {maxLength: 20}), (changes, around) => {
      const edited = [...base];
      for (const [at, w] of changes) edited.splice(at, 0, w);
      const long = [...around.slice(0, 5), ...edited, ...around.slice(5)].join(" ");
      expect(areQuoteVariants(base.join(" "), long)).toBe(reference(base.join(" "), long));
      expect(areQuoteVariants(long, base.join(" "))).toBe(reference(long, base.join(" ")));
    }), {numRuns: 2000});
  });
});

describe("extractQuotes: time linear in the text", () => {
  // About 100 KB each, built to trip per-quotation scans of every sentence, paragraph, quotation or
  // speaker, or searches to the end of the text. Each takes well under a second.
  const SIZE = 100_000;
  const CASES: Record<string, string> = {
    "thousands of opening curly quotes": "“a ".repeat(SIZE / 3),
    "opening curly quotes, one per sentence": "“A. ".repeat(SIZE / 4),
    "quotation marks without end": "\"".repeat(SIZE),
    "single quotation marks never closed": "‘a ".repeat(SIZE / 3),
    "straight single marks never closed": "'a ".repeat(SIZE / 3),
    "quotations attributed to a pronoun": "“We will hire more people,” he said. ".repeat(SIZE / 37),
    "surnames after full names": "Jack Smith said it. “We will hire more people,” Smith said. ".repeat(SIZE / 60),
    "quotations over several lines": "“We will add jobs.\n“And more jobs,” she said.\n".repeat(SIZE / 46),
    "participles before quotations, no sentence end": "Aa Bb saying, “x y z” ".repeat(SIZE / 22),
    "names with places and brackets before verbs": "“x y z,” Aa of Bb (Cc) Dd said ".repeat(SIZE / 31),
    "descriptions by office after titled names": "President Aa Bb spoke. “x y z,” the president said. ".repeat(SIZE / 52),
    "pronouns after sentences opening with names": "Aa Bb said no. Aa Bb met them. “x y z,” he said. ".repeat(SIZE / 50),
  };
  for (const [name, body] of Object.entries(CASES)) {
    it(name, () => {
      const text = `Headline\n${body}`;
      const began = performance.now();
      const quotes = extractQuotes(makeDocument("t", text));
      expect(performance.now() - began).toBeLessThan(3000);
      for (const q of quotes) {
        expect(q.span[0]).toBeGreaterThanOrEqual(0);
        expect(q.span[1]).toBeLessThanOrEqual(text.length);
      }
      // With no name printed before, "he" stays a pronoun; a surname resolves to the full name.
      if (name.startsWith("quotations attributed")) expect(new Set(quotes.map((q) => q.speaker))).toEqual(new Set(["he"]));
      if (name.startsWith("surnames")) expect(new Set(quotes.map((q) => q.speaker))).toEqual(new Set(["Jack Smith"]));
      if (name.startsWith("descriptions")) expect(new Set(quotes.map((q) => q.speaker))).toEqual(new Set(["Aa Bb"]));
      if (name.startsWith("pronouns after")) expect(new Set(quotes.map((q) => q.speaker))).toEqual(new Set(["Aa Bb"]));
    });
  }
});
