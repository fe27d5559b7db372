/**
 * Reading saved web pages, on pages built around real articles. No corpus of saved news pages with
 * their article text marked is at hand, so each article of giveme5w1h-news-cluster (383 real
 * articles from 50 sites) is wrapped in a page of one of four layouts, with the furniture real
 * pages carry: a menu, a cookie notice, a newsletter form, "most read" and "related stories" lists
 * whose teasers are sentences from other articles, a comments section written in prose (also
 * sentences from other articles), a footer. The layouts differ in where the text is: an <article>
 * element, plain <div>s without one, schema.org's itemprop="articleBody", or JSON-LD with only a
 * teaser in the markup. The page reader (`readHtmlArticle`, through `ingestSource` as the CLI reads
 * a file) must give back the article's words and nothing else, and the headline, time and outlet
 * from the page's metadata.
 *
 * The figures say how the reader copes with furniture of these kinds; they are not a measure on
 * pages from the wild, whose layouts are more varied than four.
 *
 * Words are compared as multisets (each word counts as often as it occurs): precision is the share
 * of the words read that are the article's, recall the share of the article's words read.
 *
 * Usage: npx tsx src/eval/html.ts [--json]. Reads ../shared/corpora (or DRIFTLINE_CORPORA).
 */
import {existsSync, readFileSync} from "node:fs";
import path from "node:path";
import {ingestSource} from "../lib/ingest.js";
import {CORPORA_DIR} from "./_corpora.js";

const file = path.join(CORPORA_DIR, "giveme5w1h-news-cluster", "articles.jsonl");
const asJson = process.argv.includes("--json");

if (!existsSync(file)) {
  process.stdout.write(asJson ? JSON.stringify({skipped: "corpora not found"}) + "\n" : "skipped: corpora not found\n");
  process.exit(0);
}

interface Article {
  title: string;
  text: string;
  date_publish: string | null;
  source_domain: string;
  url: string;
}

const articles = readFileSync(file, "utf8").split("\n").filter(Boolean).map((line) => JSON.parse(line) as Article).filter((a) => a.text?.trim() && a.title?.trim());

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const paragraphsOf = (text: string) => text.split(/\n+/).map((p) => p.trim()).filter(Boolean);
const sentencesOf = (text: string) => text.split(/(?<=[.!?”"])\s+(?=[A-Z“"])/).map((s) => s.trim()).filter((s) => s.length > 40);

/** Prose that is not the article's: sentences of the articles `k` places further on. */
function otherProse(i: number, k: number, count: number): string[] {
  const out: string[] = [];
  for (let j = 1; out.length < count && j < articles.length; j++) out.push(...sentencesOf(articles[(i + k + j) % articles.length]!.text).slice(0, 2));
  return out.slice(0, count);
}

function furniture(i: number): {top: string; side: string; bottom: string} {
  const menu = ["World", "Politics", "Business", "Tech", "Science", "Sport", "Culture", "Opinion"].map((s) => `<li><a href="/${s.toLowerCase()}">${s}</a></li>`).join("");
  const related = otherProse(i, 7, 4).map((s) => `<li><a href="/story/${escape(s.slice(0, 12))}">${escape(s.split(/\s+/).slice(0, 9).join(" "))}</a><p>${escape(s)}</p></li>`).join("");
  const mostRead = otherProse(i, 13, 5).map((s, n) => `<li><a href="/read/${n}">${escape(s.split(/\s+/).slice(0, 10).join(" "))}</a></li>`).join("");
  const comments = otherProse(i, 29, 3).map((s, n) => `<div class="comment"><span class="user">reader${n}</span><p>${escape(s)}</p></div>`).join("");
  return {
    top: `<div class="cookie-banner"><p>We use cookies to improve your experience on our site and to show you relevant advertising. By continuing you agree to our use of cookies.</p><button>Accept</button></div>
<header><a href="/">Home</a><nav><ul>${menu}</ul></nav></header>`,
    side: `<div class="sidebar"><h3>Most read</h3><ol>${mostRead}</ol></div>`,
    bottom: `<div class="newsletter"><form><p>Sign up for our daily newsletter and get the day's top stories in your inbox every morning.</p><input type="email"><button>Subscribe</button></form></div>
<section class="related"><h2>Related stories</h2><ul>${related}</ul></section>
<div id="comments"><h2>Comments</h2>${comments}</div>
<footer><p>© 2017 The Publisher. All rights reserved.</p><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer>`
  };
}

const LAYOUTS = ["article", "divs", "itemprop", "json-ld"] as const;
type Layout = (typeof LAYOUTS)[number];

function page(a: Article, i: number, layout: Layout): string {
  const {top, side, bottom} = furniture(i);
  const body = paragraphsOf(a.text).map((p) => `<p>${escape(p)}</p>`).join("\n");
  const published = a.date_publish ? `${a.date_publish.replace(" ", "T")}Z` : null;
  const site = a.source_domain.replace(/^www\./, "");
  const meta = `<meta property="og:title" content="${escape(a.title)}"><meta property="og:site_name" content="${escape(site)}">${published ? `<meta property="article:published_time" content="${published}">` : ""}<link rel="canonical" href="${escape(a.url)}">`;
  const byline = `<p class="byline">By Staff Writer</p>${published ? `<time datetime="${published}">${published.slice(0, 10)}</time>` : ""}`;
  const head = (extra = "") => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escape(a.title)} | ${escape(site)}</title>${meta}${extra}</head><body>`;
  switch (layout) {
    case "article":
      return `${head()}${top}<main><article><h1>${escape(a.title)}</h1>${byline}${body}</article>${side}</main>${bottom}</body></html>`;
    case "divs":
      return `${head()}${top}<div id="page"><div class="content"><h1>${escape(a.title)}</h1>${byline}<div class="story-body">${body}</div></div>${side}</div>${bottom}</body></html>`;
    case "itemprop":
      return `${head()}${top}<div itemscope itemtype="https://schema.org/NewsArticle"><h1 itemprop="headline">${escape(a.title)}</h1>${byline}<div itemprop="articleBody">${body}</div></div>${side}${bottom}</body></html>`;
    case "json-ld": {
      const ld = JSON.stringify({"@context": "https://schema.org", "@type": "NewsArticle", headline: a.title, datePublished: published ?? undefined, articleBody: paragraphsOf(a.text).join("\n\n"), publisher: {"@type": "Organization", name: site}}).replace(/</g, "\\u003c");
      const teaser = `<p>${escape(paragraphsOf(a.text)[0]!)}</p><p><a href="/subscribe">Subscribe to read the full story.</a></p>`;
      return `${head(`<script type="application/ld+json">${ld}</script>`)}${top}<div class="content"><h1>${escape(a.title)}</h1>${teaser}</div>${side}${bottom}</body></html>`;
    }
  }
}

/** Word counts, lower case, letters and digits only. */
function bag(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

function overlap(a: Map<string, number>, b: Map<string, number>): number {
  let n = 0;
  for (const [w, c] of a) n += Math.min(c, b.get(w) ?? 0);
  return n;
}

const total = (m: Map<string, number>) => [...m.values()].reduce((s, c) => s + c, 0);

interface Tally {
  pages: number;
  read: number;
  truth: number;
  common: number;
  exact: number;
  noText: number;
  title: number;
  time: number;
  timeAsked: number;
  outlet: number;
}

const tallies = new Map<Layout, Tally>(LAYOUTS.map((l) => [l, {pages: 0, read: 0, truth: 0, common: 0, exact: 0, noText: 0, title: 0, time: 0, timeAsked: 0, outlet: 0}]));
const worst: {layout: Layout; url: string; precision: number; recall: number}[] = [];
const started = performance.now();
articles.forEach((a, i) => {
  for (const layout of LAYOUTS) {
    const t = tallies.get(layout)!;
    const {documents} = ingestSource({path: `page-${i}-${layout}.html`, bytes: new TextEncoder().encode(page(a, i, layout))});
    t.pages++;
    const doc = documents[0];
    // Some texts open with their headline, which the document holds once, as its title.
    const own = paragraphsOf(a.text);
    const truth = bag((own[0] === a.title.trim() ? own.slice(1) : own).join(" "));
    t.truth += total(truth);
    if (!doc) {
      t.noText++;
      continue;
    }
    // The document's text opens with its headline; the article's words are compared without it.
    const text = doc.title && doc.text.startsWith(doc.title) ? doc.text.slice(doc.title.length) : doc.text;
    const read = bag(text);
    const common = overlap(read, truth);
    t.read += total(read);
    t.common += common;
    const precision = total(read) ? common / total(read) : 0;
    const recall = common / total(truth);
    if (precision === 1 && recall === 1) t.exact++;
    else worst.push({layout, url: a.url, precision, recall});
    if (doc.title === a.title.trim()) t.title++;
    if (a.date_publish) {
      t.timeAsked++;
      if (doc.declared.published && Date.parse(doc.declared.published) === Date.parse(`${a.date_publish.replace(" ", "T")}Z`)) t.time++;
    }
    if (doc.declared.outlet === a.source_domain.replace(/^www\./, "") || doc.declared.domain === a.source_domain.replace(/^www\./, "")) t.outlet++;
  }
});
const seconds = (performance.now() - started) / 1000;

const round = (x: number) => Math.round(x * 1000) / 1000;
const rows = LAYOUTS.map((layout) => {
  const t = tallies.get(layout)!;
  return {
    layout,
    pages: t.pages,
    precision: round(t.common / Math.max(1, t.read)),
    recall: round(t.common / Math.max(1, t.truth)),
    exact: t.exact,
    noText: t.noText,
    headline: t.title,
    time: t.time,
    timeAsked: t.timeAsked,
    outlet: t.outlet
  };
});
const all = [...tallies.values()].reduce((s, t) => ({read: s.read + t.read, truth: s.truth + t.truth, common: s.common + t.common, pages: s.pages + t.pages}), {read: 0, truth: 0, common: 0, pages: 0});
const summary = {pages: all.pages, precision: round(all.common / all.read), recall: round(all.common / all.truth), pagesPerSecond: Math.round(all.pages / seconds), layouts: rows, worst: worst.sort((x, y) => x.precision + x.recall - (y.precision + y.recall)).slice(0, 5)};

if (asJson) {
  process.stdout.write(JSON.stringify(summary) + "\n");
} else {
  process.stdout.write(`${articles.length} articles of giveme5w1h-news-cluster, each in 4 page layouts (${summary.pages} pages, ${summary.pagesPerSecond} pages/s)\n`);
  process.stdout.write(`article words: precision ${summary.precision}, recall ${summary.recall} (words compared as multisets)\n`);
  for (const r of rows) {
    process.stdout.write(`  ${r.layout.padEnd(9)} precision ${r.precision.toFixed(3)}  recall ${r.recall.toFixed(3)}  exact ${r.exact}/${r.pages}  no text ${r.noText}  headline ${r.headline}/${r.pages}  time ${r.time}/${r.timeAsked}  outlet ${r.outlet}/${r.pages}\n`);
  }
  for (const w of summary.worst) process.stdout.write(`  worst: ${w.layout} ${w.url} precision ${w.precision.toFixed(3)} recall ${w.recall.toFixed(3)}\n`);
}
