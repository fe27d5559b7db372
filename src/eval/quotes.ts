/**
 * Quotation evaluation on BASIL (basil): 300 articles from three US outlets, 100 events, whose
 * annotated phrases carry a human label of whether the phrase is someone's speech ("quote": yes or
 * no) and, for speech, who said it ("speaker": a name such as "Donald_Trump", or "other_pro",
 * "other_anti", "other_neutral" for someone unnamed). Each article is rebuilt as the pipeline reads
 * it (title, then paragraphs of sentences) and run through `extractQuotes`.
 *   - Speech found: the share of spoken phrases lying inside a quotation the pipeline found (at least
 *     half the phrase's characters in one quotation). Split into phrases printed between quotation
 *     marks (an opening mark before the phrase in its paragraph is still open) and the rest, which
 *     is reported speech ("Steele said he was trying to be cute") with no marks to find.
 *   - Narration taken for speech: the share of the journalist's own phrases ("quote": no) that the
 *     pipeline puts inside a quotation (phrases between quotation marks apart: a scare quote or a
 *     title is printed like speech).
 *   - Speaker: for spoken phrases found inside a quotation, with a named speaker, the share whose
 *     quotation has that speaker (the last word of the name in ours, ignoring case: "Donald_Trump"
 *     matches "Trump" and "President Donald Trump"), has none, a pronoun left unresolved, a
 *     description ("the president"), or another name; the share right among those given a name; and
 *     the share right where the label names one person ("Joe_Biden"): most other names are given
 *     where the label is a group ("Democratic_lawmakers") and ours is one of its members.
 * Usage: tsx src/eval/quotes.ts [--json]; SHOW_SPEAKERS=1 prints each other or missing speaker in context
 * on stderr.
 */
import {existsSync, readFileSync} from "node:fs";
import path from "node:path";
import {extractQuotes} from "../lib/quotes.js";
import type {DocumentRecord, Quote, Span} from "../lib/types.js";
import {CORPORA_DIR} from "./_corpora.js";

const json = process.argv.includes("--json");
const file = path.join(CORPORA_DIR, "basil", "articles_with_annotations.jsonl");

interface Phrase {
  id: string;
  start: number;
  end: number;
  txt: string;
  quote: string;
  speaker: string;
}

interface Article {
  uuid: string;
  source: string;
  title: string;
  "body-paragraphs": string[][];
  annotations: {"phrase-level-annotations"?: Phrase[]};
}

/** The article as the pipeline reads a plain-text file: title, blank line, paragraphs separated by
 *  blank lines, each paragraph's sentences joined by a space. Returns the text, each sentence's
 *  start and each sentence's paragraph span. */
function rebuild(article: Article): {text: string; sentenceStarts: number[]; paragraphOf: Span[]} {
  let text = `${article.title.trim()}\n\n`;
  const sentenceStarts: number[] = [];
  const paragraphOf: Span[] = [];
  for (const paragraph of article["body-paragraphs"]) {
    const start = text.length;
    const first = sentenceStarts.length;
    paragraph.forEach((sentence, i) => {
      if (i > 0) text += " ";
      sentenceStarts.push(text.length);
      text += sentence;
    });
    for (let k = first; k < sentenceStarts.length; k++) paragraphOf.push([start, text.length]);
    text += "\n\n";
  }
  return {text, sentenceStarts, paragraphOf};
}

const OPENING = new Set(["“", "«"]);
const CLOSING = new Set(["”", "»"]);

/** Whether `at` lies after an opening double quotation mark of its paragraph that is still open. */
function betweenMarks(text: string, paragraph: Span, at: number): boolean {
  let open = false;
  for (let i = paragraph[0]; i < at; i++) {
    const c = text[i]!;
    if (OPENING.has(c)) open = true;
    else if (CLOSING.has(c)) open = false;
    else if (c === '"') open = !open;
  }
  return open || OPENING.has(text[at] ?? "") || text[at] === '"';
}

/** The quotation holding at least half of [start, end), if any. */
function holder(quotes: readonly Quote[], start: number, end: number): Quote | null {
  for (const q of quotes) {
    const overlap = Math.min(end, q.span[1]) - Math.max(start, q.span[0]);
    if (overlap * 2 >= end - start) return q;
  }
  return null;
}

const isNamed = (speaker: string) => !!speaker && !/^other_/i.test(speaker);
/** Words of BASIL's labels for a group rather than one person ("Democratic_lawmakers", "Tea_Party"). */
const GROUP_LABEL_WORDS = new Set(["party", "democrats", "republicans", "democratic", "republican", "lawmakers", "campaign", "members", "officials", "department", "house", "senate", "now", "and", "companies"]);
/** Whether a label names one person: two words or more, each capitalised, none a group's ("Joe_Biden"). */
const namesOnePerson = (speaker: string) => {
  const parts = speaker.split("_");
  return parts.length >= 2 && parts.every((w) => /^\p{Lu}/u.test(w) && !GROUP_LABEL_WORDS.has(w.toLowerCase()));
};
/**
 * The words of our speaker as the labels would print them: the labels are ASCII, each name cut at
 * its first other letter ("Felipe_Calder" for Felipe Calderón), so our words are cut there too.
 */
const speakerWords = (speaker: string) => speaker.toLowerCase().split(/[\s.]+/).map((w) => w.replace(/[^\x00-\x7f].*$/, ""));
const lastWord = (name: string) => name.replace(/_/g, " ").replace(/[.,]+$/, "").trim().split(/\s+/).pop()!.toLowerCase();

function evaluate() {
  const counts = {
    articles: 0, phrases: 0,
    spokenMarked: 0, spokenMarkedFound: 0, spokenUnmarked: 0, spokenUnmarkedFound: 0,
    narration: 0, narrationInQuote: 0,
    named: 0, speakerRight: 0, speakerOther: 0, speakerNone: 0, namedPerson: 0, personRight: 0,
    otherPronoun: 0, otherDescription: 0, otherName: 0,
  };
  const wrongSpeakers = new Map<string, number>();
  const started = performance.now();
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (!line.trim()) continue;
    const article = JSON.parse(line) as Article;
    counts.articles++;
    const {text, sentenceStarts, paragraphOf} = rebuild(article);
    const doc = {id: article.uuid, path: `basil:${article.uuid}`, text} as DocumentRecord;
    const quotes = extractQuotes(doc);
    for (const p of article.annotations["phrase-level-annotations"] ?? []) {
      const k = /^p(\d+)$/.exec(p.id);
      if (!k || +k[1]! >= sentenceStarts.length) continue;
      const start = sentenceStarts[+k[1]!]! + p.start;
      const end = sentenceStarts[+k[1]!]! + p.end;
      if (text.slice(start, end) !== p.txt) continue;
      counts.phrases++;
      const marked = betweenMarks(text, paragraphOf[+k[1]!]!, start);
      const found = holder(quotes, start, end);
      if (p.quote === "yes") {
        if (marked) {
          counts.spokenMarked++;
          if (found) counts.spokenMarkedFound++;
        } else {
          counts.spokenUnmarked++;
          if (found) counts.spokenUnmarkedFound++;
        }
        if (found && isNamed(p.speaker)) {
          counts.named++;
          const person = namesOnePerson(p.speaker);
          if (person) counts.namedPerson++;
          if (!found.speaker) {
            counts.speakerNone++;
            if (process.env.SHOW_SPEAKERS) console.error(`${p.speaker} → none: …${text.slice(Math.max(0, found.span[0] - 300), found.span[1] + 120).replace(/\s+/g, " ")}\n`);
          }
          else if (speakerWords(found.speaker).includes(lastWord(p.speaker))) {
            counts.speakerRight++;
            if (person) counts.personRight++;
          }
          else {
            counts.speakerOther++;
            if (/^(?:he|she|they|we|i)$/i.test(found.speaker)) counts.otherPronoun++;
            else if (/^(?:the|a|an)\s|^\p{Ll}/u.test(found.speaker)) counts.otherDescription++;
            else counts.otherName++;
            if (process.env.SHOW_SPEAKERS) console.error(`${p.speaker} → ${found.speaker}: …${text.slice(Math.max(0, found.span[0] - 400), found.span[1] + 80).replace(/\s+/g, " ")}\n`);
            const key = `${p.speaker.replace(/_/g, " ")} → ${found.speaker}`;
            wrongSpeakers.set(key, (wrongSpeakers.get(key) ?? 0) + 1);
          }
        }
      } else if (p.quote === "no" && !marked) {
        counts.narration++;
        if (found) counts.narrationInQuote++;
      }
    }
  }
  const ms = performance.now() - started;
  const share = (a: number, b: number) => (b ? a / b : 0);
  return {
    ...counts,
    spokenMarkedRecall: share(counts.spokenMarkedFound, counts.spokenMarked),
    spokenUnmarkedRecall: share(counts.spokenUnmarkedFound, counts.spokenUnmarked),
    narrationInQuoteRate: share(counts.narrationInQuote, counts.narration),
    speakerAccuracy: share(counts.speakerRight, counts.named),
    speakerAccuracyWhenNamed: share(counts.speakerRight, counts.speakerRight + counts.otherName),
    personAccuracy: share(counts.personRight, counts.namedPerson),
    articlesPerSecond: Math.round(counts.articles / (ms / 1000)),
    wrongSpeakers: [...wrongSpeakers].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, n]) => `${n}× ${k}`),
  };
}

if (!existsSync(file)) {
  console.log(json ? JSON.stringify({skipped: "corpora not found"}) : "skipped: corpora not found");
  process.exit(0);
}
const r = evaluate();
if (json) {
  console.log(JSON.stringify(r));
} else {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  console.log("Quotations on BASIL (human labels of speech and speaker on annotated phrases)");
  console.log(`  ${r.articles} articles, ${r.phrases} annotated phrases`);
  console.log(`  spoken phrases between quotation marks inside a quotation found: ${r.spokenMarkedFound} of ${r.spokenMarked} (${pct(r.spokenMarkedRecall)})`);
  console.log(`  spoken phrases without marks (reported speech) inside a quotation: ${r.spokenUnmarkedFound} of ${r.spokenUnmarked} (${pct(r.spokenUnmarkedRecall)}; none is expected)`);
  console.log(`  narration (outside quotation marks) taken for a quotation: ${r.narrationInQuote} of ${r.narration} (${pct(r.narrationInQuoteRate)})`);
  console.log(`  named speaker of a found quotation: right ${r.speakerRight} of ${r.named} (${pct(r.speakerAccuracy)}); none ${r.speakerNone}; a pronoun left unresolved ${r.otherPronoun}; a description ("the president") ${r.otherDescription}; another name ${r.otherName}`);
  console.log(`  right among those given a name: ${pct(r.speakerAccuracyWhenNamed)}`);
  console.log(`  where the label names one person ("Joe_Biden", not "House_Democrats"): right ${r.personRight} of ${r.namedPerson} (${pct(r.personAccuracy)})`);
  if (r.wrongSpeakers.length) console.log(`  other speakers (gold → ours): ${r.wrongSpeakers.join("; ")}`);
  console.log(`  ${r.articlesPerSecond} articles/s`);
}
