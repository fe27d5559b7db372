/**
 * Articles saved as web pages (`.html`, `.htm`): the article's paragraphs, headline and metadata,
 * read from the parsed page. Nothing in the page is run or rendered: scripts are read only when
 * they hold JSON-LD data, and the text comes out as plain text.
 *
 * The text is taken from the first of these that holds any: the JSON-LD article's `articleBody`;
 * the elements marked `itemprop="articleBody"`; the `<article>` element with the most paragraph
 * text; the element whose paragraphs hold the most text (a paragraph counts fully for its parent
 * and half for its grandparent). Navigation, headers, footers, asides, forms, figures and hidden
 * elements are left out. The metadata comes from the JSON-LD article first, then from `<meta>`
 * tags and `itemprop` attributes, each value with the field it was read from.
 */
import {parseDocument} from "htmlparser2";
import type {ChildNode, Element} from "domhandler";

/** Where an article's text was taken from (see the module's comment). */
export type HtmlTextSource = "json-ld" | "article-body" | "article" | "densest-block";

/** A metadata value and the field of the page it was read from (`<meta property="og:site_name">`). */
export interface HtmlField {
  value: string;
  from: string;
}

export interface HtmlArticle {
  title: HtmlField | null;
  /** The article's paragraphs, in page order (empty when the page holds no article text). */
  paragraphs: string[];
  textSource: HtmlTextSource | null;
  published: HtmlField | null;
  updated: HtmlField | null;
  outlet: HtmlField | null;
  url: HtmlField | null;
  authors: string[];
}

/** Elements whose content is never article text. */
const SKIPPED = new Set([
  "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas", "nav", "header", "footer",
  "aside", "form", "button", "select", "textarea", "figure", "figcaption", "dialog", "menu", "head",
]);
/** Elements that hold one paragraph of text each. */
const UNITS = new Set(["p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd"]);
/** Lines that are page furniture, not text. */
const FURNITURE = /^(?:advertisement|story continues below(?: this)? advertisement|read more|share(?: this(?: article| story)?)?|continue reading|skip advertisement)$/i;
/** JSON-LD types of an article. */
const ARTICLE_TYPES = /^(?:NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|BlogPosting|LiveBlogPosting|Report)$/;
/** `<meta>` names and properties, in order of preference, for each field. */
const META = {
  published: ["article:published_time", "og:published_time", "datepublished", "publishdate", "pubdate", "publish-date", "parsely-pub-date", "sailthru.date", "dc.date.issued", "dc.date", "date"],
  updated: ["article:modified_time", "og:updated_time", "datemodified", "lastmod", "last-modified"],
  outlet: ["og:site_name", "application-name"],
  title: ["og:title", "twitter:title", "headline"],
  url: ["og:url"],
  author: ["author", "article:author", "byl", "parsely-author", "sailthru.author"],
} as const;

const isElement = (node: ChildNode): node is Element => node.type === "tag" || node.type === "script" || node.type === "style";

/**
 * Reads the article in a web page.
 * @example readHtmlArticle(`<article><h1>Port reopens</h1><p>The port reopened on Monday.</p></article>`).paragraphs // ["The port reopened on Monday."]
 */
export function readHtmlArticle(html: string): HtmlArticle {
  const document = parseDocument(html, {decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true});
  const all: Element[] = [];
  const collect = (nodes: ChildNode[]) => {
    for (const node of nodes) {
      if (!isElement(node)) continue;
      all.push(node);
      collect(node.children);
    }
  };
  collect(document.children);

  const ld = jsonLdArticle(all);
  const meta = metaValues(all);
  const pick = (field: keyof typeof META, ldValue: HtmlField | null): HtmlField | null => {
    if (ldValue) return ldValue;
    for (const name of META[field]) {
      const value = meta.get(name);
      if (value) return value;
    }
    return null;
  };

  let paragraphs: string[] = [];
  let textSource: HtmlTextSource | null = null;
  const body = ld && typeof ld.articleBody === "string" ? ld.articleBody : "";
  if (body.trim().length >= 200) {
    paragraphs = body.split(/\n\s*\n|\n/).map(tidy).filter(keep);
    textSource = "json-ld";
  }
  if (!paragraphs.length) {
    const marked = all.filter((e) => (e.attribs.itemprop ?? "").split(/\s+/).includes("articleBody") && !inSkipped(e));
    const units = marked.filter((e) => !marked.some((other) => other !== e && contains(other, e))).flatMap(unitsIn);
    if (units.length) [paragraphs, textSource] = [units, "article-body"];
  }
  if (!paragraphs.length) {
    const best = largest(all.filter((e) => e.name === "article" && !inSkipped(e)).map((e) => ({element: e, units: unitsIn(e)})));
    if (best) [paragraphs, textSource] = [best, "article"];
  }
  if (!paragraphs.length) {
    const block = densestBlock(all);
    if (block) {
      const units = unitsIn(block);
      if (units.length) [paragraphs, textSource] = [units, "densest-block"];
    }
  }

  const h1 = all.find((e) => e.name === "h1" && tidy(textOf(e)));
  const titleElement = all.find((e) => e.name === "title");
  const title =
    pick("title", ldText(ld, "headline")) ??
    (h1 && tidy(textOf(h1)) ? {value: tidy(textOf(h1)), from: "<h1>"} : null) ??
    (titleElement && tidy(textOf(titleElement)) ? {value: tidy(textOf(titleElement)), from: "<title>"} : null);
  const canonical = all.find((e) => e.name === "link" && (e.attribs.rel ?? "").toLowerCase().split(/\s+/).includes("canonical") && e.attribs.href);
  const url = pick("url", ldText(ld, "url")) ?? (canonical ? {value: canonical.attribs.href!.trim(), from: `<link rel="canonical">`} : null);
  const ldAuthors = ld ? namesOf(ld.author) : [];
  const metaAuthor = META.author.map((name) => meta.get(name)?.value).find((v) => v && !/^https?:/i.test(v));
  return {
    title,
    paragraphs,
    textSource,
    published: pick("published", ldText(ld, "datePublished")),
    updated: pick("updated", ldText(ld, "dateModified")),
    outlet: pick("outlet", ld ? (namesOf(ld.publisher)[0] ? {value: namesOf(ld.publisher)[0]!, from: `JSON-LD "publisher"`} : null) : null),
    url,
    authors: ldAuthors.length ? ldAuthors : metaAuthor ? [metaAuthor.replace(/^by\s+/i, "")] : [],
  };
}

/** Whitespace runs as one space, line breaks (from `<br>`) kept, ends trimmed. */
function tidy(s: string): string {
  return s.replace(/[^\S\n]+/g, " ").replace(/ ?\n ?/g, "\n").replace(/\n{2,}/g, "\n").trim();
}

function keep(paragraph: string): boolean {
  return /\p{L}/u.test(paragraph) && !FURNITURE.test(paragraph);
}

/** The text of an element's descendants, `<br>` as a line break, skipped elements left out; and
 *  how much of it is the text of links. */
function textAndLinks(element: Element): {text: string; linked: number} {
  let text = "";
  let linked = 0;
  const walk = (nodes: ChildNode[], inLink: boolean) => {
    for (const node of nodes) {
      if (node.type === "text") {
        // Line ends in the page's source are spaces; only <br> breaks a line.
        const piece = node.data.replace(/\s+/g, " ");
        text += piece;
        if (inLink) linked += piece.trim().length;
      } else if (isElement(node)) {
        if (node.name === "br") text += "\n";
        else if (!SKIPPED.has(node.name) && !isHidden(node)) walk(node.children, inLink || node.name === "a");
      }
    }
  };
  walk(element.children, false);
  return {text, linked};
}

const textOf = (element: Element): string => textAndLinks(element).text;

function isHidden(element: Element): boolean {
  return element.attribs.hidden !== undefined || element.attribs["aria-hidden"] === "true" || /display\s*:\s*none/i.test(element.attribs.style ?? "");
}

/** Whether the element sits inside one whose content is never article text (or is one). */
function inSkipped(element: Element): boolean {
  for (let e: Element | null = element; e && isElement(e); e = e.parent as Element | null) {
    if (SKIPPED.has(e.name) || isHidden(e)) return true;
  }
  return false;
}

function contains(outer: Element, inner: Element): boolean {
  for (let e = inner.parent; e; e = e.parent) if (e === outer) return true;
  return false;
}

/** The paragraphs inside an element, in order: each outermost paragraph element's text. */
function unitsIn(root: Element): string[] {
  const out: string[] = [];
  const walk = (nodes: ChildNode[]) => {
    for (const node of nodes) {
      if (!isElement(node) || SKIPPED.has(node.name) || isHidden(node)) continue;
      // A list item or quotation that holds paragraphs of its own gives those.
      if (UNITS.has(node.name) && !node.children.some((c) => isElement(c) && c.name === "p")) {
        // A paragraph that is mostly links is a list of other stories ("Read more: …").
        const {text, linked} = textAndLinks(node);
        const lines = tidy(text);
        if (linked * 2 >= lines.replace(/\s/g, "").length) continue;
        for (const line of lines.split("\n")) if (keep(line)) out.push(line);
      } else walk(node.children);
    }
  };
  walk(root.children);
  return out;
}

function largest(candidates: {units: string[]}[]): string[] | null {
  let best: string[] | null = null;
  let bestLength = 0;
  for (const {units} of candidates) {
    const length = units.reduce((n, u) => n + u.length, 0);
    if (length > bestLength) [best, bestLength] = [units, length];
  }
  return best;
}

/** The element whose paragraphs hold the most text: a paragraph counts for its parent, half for its grandparent. */
function densestBlock(all: Element[]): Element | null {
  const score = new Map<Element, number>();
  for (const p of all) {
    if (p.name !== "p" || inSkipped(p)) continue;
    const length = tidy(textOf(p)).length;
    if (length < 25) continue;
    const parent = p.parent && isElement(p.parent as ChildNode) ? (p.parent as Element) : null;
    if (!parent) continue;
    score.set(parent, (score.get(parent) ?? 0) + length);
    const grand = parent.parent && isElement(parent.parent as ChildNode) ? (parent.parent as Element) : null;
    if (grand) score.set(grand, (score.get(grand) ?? 0) + length / 2);
  }
  let best: Element | null = null;
  let bestScore = 0;
  for (const [element, s] of score) if (s > bestScore) [best, bestScore] = [element, s];
  return best;
}

/** The first JSON-LD object of an article type (in a list or an `@graph` too). */
function jsonLdArticle(all: Element[]): Record<string, unknown> | null {
  for (const script of all) {
    if (script.name !== "script" || (script.attribs.type ?? "").trim().toLowerCase() !== "application/ld+json") continue;
    let data: unknown;
    try {
      data = JSON.parse(script.children.map((c) => (c.type === "text" ? c.data : "")).join(""));
    } catch {
      continue;
    }
    const found = findArticle(data, 0);
    if (found) return found;
  }
  return null;
}

function findArticle(data: unknown, depth: number): Record<string, unknown> | null {
  if (depth > 4 || data === null || typeof data !== "object") return null;
  if (Array.isArray(data)) {
    for (const item of data) {
      const found = findArticle(item, depth + 1);
      if (found) return found;
    }
    return null;
  }
  const record = data as Record<string, unknown>;
  const types = Array.isArray(record["@type"]) ? record["@type"] : [record["@type"]];
  if (types.some((t) => typeof t === "string" && ARTICLE_TYPES.test(t))) return record;
  return findArticle(record["@graph"], depth + 1);
}

function ldText(ld: Record<string, unknown> | null, key: string): HtmlField | null {
  const value = ld?.[key];
  return typeof value === "string" && tidy(value) ? {value: tidy(value), from: `JSON-LD "${key}"`} : null;
}

/** Names of a JSON-LD person or organisation, or a list of them (strings or objects with `name`). */
function namesOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  const names: string[] = [];
  for (const item of list) {
    const name = typeof item === "string" ? item : item && typeof item === "object" ? (item as Record<string, unknown>).name : undefined;
    if (typeof name === "string" && tidy(name) && !/^https?:/i.test(name)) names.push(tidy(name));
  }
  return names;
}

/** `<meta>` values by lower-cased name or property (the first of each), and `itemprop` dates. */
function metaValues(all: Element[]): Map<string, HtmlField> {
  const values = new Map<string, HtmlField>();
  for (const e of all) {
    if (e.name === "meta") {
      const content = tidy(e.attribs.content ?? "");
      if (!content) continue;
      for (const attribute of ["property", "name", "itemprop"] as const) {
        const key = e.attribs[attribute]?.trim().toLowerCase();
        if (key && !values.has(key)) values.set(key, {value: content, from: `<meta ${attribute}="${key}">`});
      }
    } else if (e.attribs.itemprop && (e.attribs.datetime || e.attribs.content)) {
      const key = e.attribs.itemprop.trim().toLowerCase();
      const value = tidy(e.attribs.datetime ?? e.attribs.content ?? "");
      if (value && !values.has(key)) values.set(key, {value, from: `<${e.name} itemprop="${key}">`});
    }
  }
  return values;
}
