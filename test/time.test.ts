import {readFileSync, readdirSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {attributeOutlet, parseOutletRegistry} from "../src/lib/outlet.js";
import {placeWithinStories, readDocumentTimes, resolveTimes} from "../src/lib/time.js";
import type {DocumentRecord} from "../src/lib/types.js";
import {makeDocument} from "./helpers.js";

const registry = parseOutletRegistry(readFileSync("data/outlets.yaml", "utf8"), readFileSync("data/places.yaml", "utf8"));
const withOutlet = (doc: DocumentRecord) => ({...doc, outlet: attributeOutlet(doc, registry).outlet});
const one = (text: string, overrides: Partial<DocumentRecord> = {}) => {
  const r = resolveTimes([withOutlet(makeDocument("x", text, overrides))], registry);
  return {doc: r.documents[0]!, diagnostics: r.diagnostics, event: r.event};
};

describe("seeds (expected values derived by hand)", () => {
  const files = readdirSync("seeds").filter((f) => f.endsWith(".txt")).sort();
  const docs = files.map((f) => withOutlet(makeDocument(f.slice(0, 3), readFileSync(`seeds/${f}`, "utf8"))));
  const before = JSON.stringify(docs);
  const result = resolveTimes(docs, registry);
  const byId = new Map(result.documents.map((d) => [d.id, d]));

  it("does not mutate its input", () => {
    expect(JSON.stringify(docs)).toBe(before);
  });
  it("001: published 7:48pm 10 January 2017 in Sydney (AEDT) = 08:48Z", () => {
    const p = byId.get("001")!.published!;
    expect([p.earliest, p.latest, p.best]).toEqual(["2017-01-10T08:48:00Z", "2017-01-10T08:48:00Z", "2017-01-10T08:48:00Z"]);
    expect(p.timezone).toBe("Australia/Sydney");
    expect(p.basis).toBe("explicit-line+outlet-zone");
    const doc = byId.get("001")!;
    expect(doc.text.slice(...p.evidence[0]!.span!)).toBe("Published 10 January 2017 7:48pm");
  });
  it("004: published 8:01am and updated 11:42pm on 10 January 2017 in Hong Kong", () => {
    const d = byId.get("004")!;
    expect(d.published!.best).toBe("2017-01-10T00:01:00Z");
    expect(d.updated!.best).toBe("2017-01-10T15:42:00Z");
    expect(d.published!.timezone).toBe("Asia/Hong_Kong");
    expect(d.updated!.evidence[0]!.text).toBe("UPDATED : Tuesday, 10 January, 2017, 11:42pm");
  });
  it("000: the New York day of its photo caption, and the refiled note as an update", () => {
    const d = byId.get("000")!;
    expect([d.published!.earliest, d.published!.latest]).toEqual(["2017-01-09T05:00:00Z", "2017-01-10T05:00:00Z"]);
    expect(d.published!.timezone).toBe("America/New_York");
    expect(d.published!.basis).toBe("caption-date+dateline-zone:date-only");
    expect(d.published!.evidence[0]!.text).toContain("January 9, 2017");
    expect(d.updated!.basis).toBe("update-note:after-published");
    expect(d.updated!.earliest).toBe(d.published!.earliest);
    expect(d.updated!.evidence[0]!.text).toContain("refiled to fix typo");
    expect(d.event!.earliest).toBe("2017-01-09T05:00:00Z");
    expect(d.event!.basis).toBe("relative-day:caption");
  });
  it("002 and 003: 'Monday' anchored through the other articles, with the weaker basis", () => {
    for (const id of ["002", "003"]) {
      const d = byId.get(id)!;
      expect(d.event!.basis).toBe("relative-day:corpus");
      expect([d.event!.earliest, d.event!.latest]).toEqual(["2017-01-09T05:00:00Z", "2017-01-10T05:00:00Z"]);
      expect(d.published!.basis).toBe("relative-day:corpus");
      expect(d.published!.earliest).toBe("2017-01-09T05:00:00Z");
      expect(d.published!.evidence.some((e) => e.source === "corpus")).toBe(true);
    }
  });
  it("the event consensus is Monday 9 January 2017, New York day", () => {
    expect(result.event!.timezone).toBe("America/New_York");
    expect([result.event!.earliest, result.event!.latest]).toEqual(["2017-01-09T05:00:00Z", "2017-01-10T05:00:00Z"]);
    expect(result.event!.basis).toBe("consensus:3-of-3");
  });
  it("every best lies within its bounds and every span inside its text", () => {
    for (const d of result.documents) {
      for (const t of [d.published, d.updated, d.event]) {
        if (!t) continue;
        expect(t.earliest <= t.best && t.best <= t.latest).toBe(true);
        for (const e of t.evidence) if (e.span) expect(e.span[1]).toBeLessThanOrEqual(d.text.length);
      }
    }
  });
});

describe("explicit lines and zones", () => {
  it("reads a printed US zone, DST-correct either side of 2017-03-12", () => {
    expect(one("Storm\nMarch 11, 2017 4:52 PM ET\nSnow fell.").doc.published!.best).toBe("2017-03-11T21:52:00Z");
    expect(one("Storm\nMarch 13, 2017 4:52 PM ET\nSnow fell.").doc.published!.best).toBe("2017-03-13T20:52:00Z");
  });
  it("reads a zone-less time in the outlet's home zone, DST-correct either side of 2017-04-02", () => {
    const opts = {declared: {domain: "www.smh.com.au"}};
    expect(one("Rain\nPublished 1 April 2017 9:00am\nRain fell.", opts).doc.published!.best).toBe("2017-03-31T22:00:00Z");
    expect(one("Rain\nPublished 3 April 2017 9:00am\nRain fell.", opts).doc.published!.best).toBe("2017-04-02T23:00:00Z");
  });
  it("reads a zone-less time in the dateline city's zone when the outlet has none", () => {
    const {doc} = one("Vote\nBERLIN (Reuters) - Lawmakers voted.\nPublished 10 January 2017 7:48pm");
    expect(doc.published!.best).toBe("2017-01-10T18:48:00Z");
    expect(doc.published!.timezone).toBe("Europe/Berlin");
  });
  it("widens an ambiguous CST over both readings, and decides it for a Chinese outlet", () => {
    const open = one("Trade\nJan 10, 2017 9:00 am CST\nTalks opened.").doc.published!;
    expect(open.basis).toContain("ambiguous-zone");
    expect([open.earliest, open.latest]).toEqual(["2017-01-10T01:00:00Z", "2017-01-10T15:00:00Z"]);
    const cn = one("Trade\nJan 10, 2017 9:00 am CST\nTalks opened.", {declared: {domain: "www.chinadaily.com.cn"}}).doc.published!;
    expect(cn.best).toBe("2017-01-10T01:00:00Z");
    expect(cn.earliest).toBe(cn.latest);
  });
  it("IST is read as India for an Indian outlet", () => {
    expect(one("Rates\nUpdated: Jan 10, 2017, 09:00 IST\nPosted: Jan 10, 2017, 08:00 IST", {declared: {domain: "www.ndtv.com"}}).doc.published!.best).toBe("2017-01-10T02:30:00Z");
  });
  it("a zone-less metadata time of 00:00:00 is a date only; other times are exact", () => {
    const dateOnly = one("A\nText.", {format: "json", declared: {domain: "www.bbc.co.uk", published: "2017-07-10T00:00:00"}}).doc.published!;
    expect([dateOnly.earliest, dateOnly.latest]).toEqual(["2017-07-09T23:00:00Z", "2017-07-10T23:00:00Z"]);
    expect(dateOnly.basis).toContain("date-only");
    const exact = one("A\nText.", {format: "json", declared: {domain: "www.nytimes.com", published: "2017-12-27T06:57:28"}}).doc.published!;
    expect(exact.best).toBe("2017-12-27T11:57:28Z");
  });
  it("a zone-less time with no zone known is widened over every offset", () => {
    const p = one("A\nPublished 10 January 2017 7:48pm\nText.").doc.published!;
    expect(p.timezone).toBeNull();
    expect([p.earliest, p.latest]).toEqual(["2017-01-10T05:48:00Z", "2017-01-11T07:48:00Z"]);
  });
  it("'Updated 3 hours ago' cannot be anchored: a note, never an invented time", () => {
    const {doc, diagnostics} = one("A\nPublished 10 January 2017 7:48pm\nUpdated 3 hours ago\nText.", {declared: {domain: "www.abc.net.au"}});
    expect(diagnostics.map((d) => d.code)).toContain("time-relative-unanchored");
    expect(doc.updated!.basis).toBe("update-note:after-published");
    expect(doc.updated!.earliest).toBe(doc.published!.earliest);
  });
  it("a correction note with a printed date is an exact update", () => {
    const {doc} = one("A\nPublished 10 January 2017 7:48pm\nText.\nThis article was amended on 12 January 2017 to correct a name.", {declared: {domain: "www.theguardian.com"}});
    expect(doc.updated!.basis).toContain("update-note");
    expect([doc.updated!.earliest, doc.updated!.latest]).toEqual(["2017-01-12T00:00:00Z", "2017-01-13T00:00:00Z"]);
  });
  it("a caption dates the article only when the article's own weekday names the caption's day", () => {
    const caption = "Israeli soldiers stand guard, Thursday, Dec. 28, 2017. (AP Photo/Majdi Mohammed)";
    // 28 December 2017 is a Thursday.
    const shown = one(`Trial\n${caption}\nSoldiers stood guard on Thursday.`);
    expect(shown.doc.published?.basis).toMatch(/^caption-date/);
    expect(shown.doc.event?.basis).toMatch(/^relative-day:caption/);
    // An earlier day's photo, or one the text ties to no day, dates the photo only.
    for (const body of ["The court met on Monday.", "The court met."]) {
      const {doc, diagnostics} = one(`Trial\n${caption}\n${body}`);
      expect(doc.published).toBeNull();
      expect(diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(["time-caption-not-event", "time-unknown"]));
    }
  });
  it("a file photo's caption dates the photo, not the article", () => {
    const caption = "Israeli soldiers stand guard, Thursday, Dec. 28, 2017. (AP Photo/Majdi Mohammed)";
    for (const file of [`File - In this Thursday, Dec. 28, 2017 file photo, a teenager is brought to a courtroom. (AP Photo/Majdi Mohammed)`, caption.replace("Israeli soldiers", "In this file photo, Israeli soldiers")]) {
      const {doc, diagnostics} = one(`Trial\n${file}\nSoldiers stood guard on Thursday.`);
      expect(doc.published).toBeNull();
      expect(diagnostics.map((d) => d.code)).toContain("time-unknown");
    }
  });
  it("an article with no time at all gets null and time-unknown", () => {
    const {doc, diagnostics} = one("Opinion\nThe economy is complicated.");
    expect(doc.published).toBeNull();
    expect(diagnostics.map((d) => d.code)).toContain("time-unknown");
  });
  it("yesterday is anchored on the article's own publication date", () => {
    const {doc} = one("Fire\nSYDNEY (AAP) - A fire broke out in Melbourne yesterday, police said.\nPublished 3 April 2017 9:00am");
    expect(doc.event!.basis).toBe("relative-day:published");
    expect(doc.event!.timezone).toBe("Australia/Melbourne");
    // 2 April 2017 in Melbourne is 25 hours long: DST ends at 3am.
    expect([doc.event!.earliest, doc.event!.latest]).toEqual(["2017-04-01T13:00:00Z", "2017-04-02T14:00:00Z"]);
  });
  it("never throws on odd input", () => {
    for (const t of ["", "\n\n", "Published", "UPDATED : 99 Smarch 2017", "Monday Monday Monday", "2017-13-45T99:99:99Z"]) {
      expect(() => resolveTimes([makeDocument("z", t)], registry)).not.toThrow();
    }
    expect(resolveTimes([], registry)).toEqual({documents: [], event: null, diagnostics: []});
  });
});

describe("weekdays anchored on the other articles", () => {
  const undated = (id: string) => withOutlet(makeDocument(id, "Cuts proposed\nThe agency on Friday proposed cuts to payment rates."));
  const dated = (id: string, date: string) => withOutlet(makeDocument(id, `Story ${id}\nPublished ${date} 10:00 GMT\nOfficials spoke on Tuesday.`));
  it("places a weekday in the week of the other articles when they fall within one week", () => {
    const r = resolveTimes([dated("a", "June 20, 2018"), dated("b", "June 22, 2018"), undated("c")], registry);
    expect(r.documents.find((d) => d.id === "c")!.published?.basis).toBe("relative-day:corpus");
  });
  it("places an article that tells the day as still to come in the week before it", () => {
    const ahead = withOutlet(makeDocument("c", "Launch set\nThe rocket will lift off on Friday from the coast."));
    const r = resolveTimes([dated("a", "June 20, 2018"), dated("b", "June 21, 2018"), ahead], registry);
    const c = r.documents.find((d) => d.id === "c")!;
    // 20 June 2018 is a Wednesday: the Friday ahead is the 22nd, and the article came before its end.
    expect(c.event?.best.slice(0, 10)).toBe("2018-06-22");
    expect(c.published?.latest).toBe(c.event?.latest);
    expect(Date.parse(c.published!.latest) - Date.parse(c.published!.earliest)).toBe(7 * 86_400_000);
    expect(r.diagnostics.find((d) => d.documentId === "c" && d.code === "time-weak-basis")?.message).toContain("within a week before");
  });
  it("does not take the corpus's event day for it when the dated articles span more than a week", () => {
    // Two stories months apart: the consensus is the first one's Tuesday, which the undated
    // article's "Tuesday" need not be.
    const r = resolveTimes([dated("a", "June 20, 2018"), dated("b", "June 21, 2018"), dated("d", "February 22, 2019"), withOutlet(makeDocument("c", "Cuts proposed\nThe agency on Tuesday proposed cuts to payment rates."))], registry);
    expect(r.event?.basis).toMatch(/^consensus:2-of-3/);
    expect(r.documents.find((d) => d.id === "c")!.event).toBeNull();
    expect(r.diagnostics.find((d) => d.documentId === "c" && d.code === "time-relative-corpus-spread")).toBeDefined();
  });
  // Two stories months apart and an undated article that names a weekday, as the corpus places them;
  // `place` places it again within the stories given.
  const spreadFolder = (weekday = "Tuesday") => {
    const c = withOutlet(makeDocument("c", `Cuts proposed\nThe agency on ${weekday} proposed cuts to payment rates.`));
    const first = resolveTimes([dated("a", "June 20, 2018"), dated("b", "June 21, 2018"), dated("d", "February 22, 2019"), c], registry);
    const place = (stories: [string, number][]) => placeWithinStories(first.documents, new Map([["c", readDocumentTimes(c, registry)]]), new Map(stories), registry, first.diagnostics);
    return {first, place};
  };
  it("places it within its story when the story's dated articles fall within one week", () => {
    const {first, place} = spreadFolder();
    const placed = place([["a", 0], ["b", 0], ["c", 0], ["d", 1]]);
    expect([...placed.placed]).toEqual(["c"]);
    const after = placed.documents.find((d) => d.id === "c")!;
    // 20 June 2018 is a Wednesday: its story's Tuesday is the 19th, and the article follows within a week.
    // No zone is known for it: the day's window covers every zone's (from UTC+14 to UTC−12).
    expect(after.event?.basis).toBe("relative-day:story:zone-unknown");
    expect([after.event?.earliest, after.event?.latest]).toEqual(["2018-06-18T10:00:00Z", "2018-06-20T12:00:00Z"]);
    expect(after.published?.basis).toBe("relative-day:story");
    expect(after.published?.earliest).toBe("2018-06-18T10:00:00Z");
    expect(Date.parse(after.published!.latest) - Date.parse(after.published!.earliest)).toBe(7 * 86_400_000);
    // The corpus's diagnostics about it are replaced; the other documents are as they were.
    const codes = placed.diagnostics.filter((d) => d.documentId === "c").map((d) => d.code);
    expect(codes).not.toContain("time-relative-corpus-spread");
    expect(codes).not.toContain("time-unknown");
    expect(codes).toContain("time-weak-basis");
    expect(placed.documents.filter((d) => d.id !== "c")).toEqual(first.documents.filter((d) => d.id !== "c"));
  });
  it("in a story that ran longer than a week, takes the event day its articles agree on when it names that weekday", () => {
    const oneStory: [string, number][] = [["a", 0], ["b", 0], ["c", 0], ["d", 0]];
    // Two of the three place the story's "Tuesday" on 19 June 2018.
    const placed = spreadFolder().place(oneStory);
    expect(placed.documents.find((d) => d.id === "c")!.event?.best.slice(0, 10)).toBe("2018-06-19");
    // Another weekday is not that day, and the story gives no one week for it.
    const thursday = spreadFolder("Thursday");
    const left = thursday.place(oneStory);
    expect(left.placed.size).toBe(0);
    expect(left.documents).toEqual(thursday.first.documents);
  });
  it("leaves it unknown when it is alone in its story", () => {
    const {first, place} = spreadFolder();
    const placed = place([["a", 0], ["b", 0], ["c", 1], ["d", 2]]);
    expect(placed.placed.size).toBe(0);
    expect(placed.documents).toEqual(first.documents);
    expect(placed.diagnostics).toEqual(first.diagnostics);
  });
  it("places it by the article's own printed date, even with no zone known, not in the other articles' week", () => {
    // The publication covers every zone (about 50 hours), but the date printed is the article's own
    // local date: Friday 22 February 2019 itself.
    const own = withOutlet(makeDocument("c", "Cuts proposed\nPublished February 22, 2019\nThe agency on Friday proposed cuts to payment rates."));
    const r = resolveTimes([dated("a", "June 20, 2018"), dated("b", "June 22, 2018"), own], registry);
    const c = r.documents.find((d) => d.id === "c")!;
    expect(c.published?.earliest.slice(0, 10)).toBe("2019-02-21");
    expect(c.event?.basis).toBe("relative-day:published:zone-unknown");
    expect([c.event?.earliest, c.event?.latest]).toEqual(["2019-02-21T10:00:00Z", "2019-02-23T12:00:00Z"]);
    expect(r.diagnostics.find((d) => d.documentId === "c" && d.code.startsWith("time-relative-"))).toBeUndefined();
    // Two days later, "Friday" is still that Friday.
    const later = withOutlet(makeDocument("e", "Cuts proposed\nPublished February 24, 2019\nThe agency on Friday proposed cuts to payment rates."));
    expect(resolveTimes([later], registry).documents[0]!.event?.earliest).toBe("2019-02-21T10:00:00Z");
  });
  it("leaves it unknown, and says why, when the other articles span more than a week", () => {
    const r = resolveTimes([dated("a", "June 20, 2018"), dated("b", "February 22, 2019"), undated("c")], registry);
    expect(r.documents.find((d) => d.id === "c")!.published).toBeNull();
    expect(r.diagnostics.find((d) => d.documentId === "c" && d.code === "time-relative-corpus-spread")?.message).toMatch(/over 247 days/);
  });
});

describe("update notes", () => {
  const base = "Deal reached\nPublished January 9, 2017 10:00 am\nThe firms agreed on Monday.\n";
  // Every form of note the reader knows: each one is kept as the document's update evidence.
  const notes = [
    "(This story has been refiled to fix a typo)",
    "This article was corrected to fix a name.",
    "The story was re-issued with a new headline.",
    "It has been reissued.",
    "The figures were revised after publication.",
    "An earlier version has been clarified.",
    "The report is being amended.",
    "The report was updated with comment.",
    "Reuters corrects to fix spelling.",
    "This version updates with comment from the company.",
    "CORRECTED-Firms agree",
    "UPDATE 2-Firms agree",
    "REFILE-Firms agree",
    "CORRECTION: An earlier version misspelled a name.",
    "Correction: An earlier version misspelled a name.",
    "Clarification: The deal is not final.",
    "Editor’s note: This story has changed.",
    "Editor's note: This story has changed."
  ];
  for (const note of notes) {
    it(`reads "${note}"`, () => {
      const {doc} = one(base + note + "\n");
      expect(doc.updated?.evidence.some((e) => e.text.includes(note.replace(/^\(|\)$/g, "").slice(0, 12))) ?? false).toBe(true);
    });
  }
  it("reads no note in a text without one", () => {
    expect(one(base).doc.updated).toBeNull();
  });
});

describe("update notes that print a time but no date", () => {
  // 14 September 2017 was a Thursday; published at noon in New York (16:00 UTC).
  const published = "Missile test\nPublished September 14, 2017 16:00 GMT\n";
  it("places the time on the weekday it names, in the zone it names", () => {
    const {doc, diagnostics} = one(published + "Updated at 9:50 p.m. ET Thursday\nThe missile flew.");
    expect(doc.updated).toMatchObject({best: "2017-09-15T01:50:00Z", earliest: "2017-09-15T01:50:00Z", basis: "update-note-clock:printed-zone"});
    expect(doc.updated?.evidence[0]?.text).toBe("Updated at 9:50 p.m. ET Thursday");
    expect(diagnostics.map((d) => d.code)).toContain("time-update-clock");
  });
  it("quotes the note that prints the time, not an earlier one", () => {
    const {doc, diagnostics} = one(published + "This story has been updated.\nUpdated at 9:50 p.m. ET Thursday\nThe missile flew.");
    expect(doc.updated?.evidence[0]?.text).toBe("Updated at 9:50 p.m. ET Thursday");
    expect(diagnostics.find((d) => d.code === "time-update-clock")?.message).toContain("9:50 p.m. ET Thursday");
  });
  it("takes the first such time after publication when no weekday is named", () => {
    expect(one(published + "Updated 10:15 GMT\nThe missile flew.").doc.updated?.best).toBe("2017-09-15T10:15:00Z");
    expect(one(published + "Updated 18:30 GMT\nThe missile flew.").doc.updated?.best).toBe("2017-09-14T18:30:00Z");
  });
  it("leaves the time unplaced when its zone is not known", () => {
    const {doc, diagnostics} = one("Missile test\nPublished September 14, 2017\nUpdated 10:15\nThe missile flew.");
    expect(doc.updated?.basis).toBe("update-note:after-published");
    expect(diagnostics.map((d) => d.code)).toContain("time-update-unbounded");
  });
});
