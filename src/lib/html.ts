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
  /** A byline printed as one of the first paragraphs ("By Jane Doe"), taken out of the text. */
  byline: string | null;
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
/** A byline standing as a paragraph of its own: "By Jane Doe", "By JANE DOE and John Roe, Reuters". */
const BYLINE = /^[Bb][Yy]\s+(\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|&)|,\s*\p{Lu}[\p{L}.'’-]*)*)$/u;
/** Words of class names and ids that mark page furniture beside the article: comments, related
 *  stories, sidebars, newsletter and cookie notices. A paragraph under such an element (up to three
 *  levels up) does not count towards the densest block. */
const FURNITURE_HINT = /(?:^|[-_\s])(?:comments?|related|sidebar|newsletter|cookies?|promo|recommended|popular|most-?read|outbrain|taboola|subscribe|signup|share|social|breadcrumbs?|disqus)(?=$|[-_\s])/i;
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

/** Elements nested deeper than this make a page hostile (browsers stop nesting at 512). */
export const MAX_HTML_DEPTH = 1000;

const VOID = new Set(["area", "base", "basefont", "br", "col", "command", "embed", "frame", "hr", "img", "input", "isindex", "keygen", "link", "meta", "param", "source", "track", "wbr"]);
const P_CLOSERS = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset", "figcaption", "figure", "footer", "form", "header", "hr", "main", "nav", "ol", "pre", "section", "table", "ul"];
const FORM_TAGS = ["input", "option", "optgroup", "select", "button", "datalist", "textarea"];
/** The open elements a new element closes first, as the parser reads pages. */
const IMPLIED_CLOSE = new Map<string, Set<string>>([
  ["tr", new Set(["tr", "th", "td"])], ["th", new Set(["th"])], ["td", new Set(["thead", "th", "td"])], ["li", new Set(["li"])],
  ["option", new Set(["option"])], ["optgroup", new Set(["optgroup", "option"])], ["dd", new Set(["dd", "dt"])], ["dt", new Set(["dd", "dt"])],
  ["rt", new Set(["rt", "rp"])], ["rp", new Set(["rt", "rp"])], ["tbody", new Set(["thead", "tbody"])], ["tfoot", new Set(["thead", "tbody"])],
  ...P_CLOSERS.map((name) => [name, new Set(["p"])] as [string, Set<string>]),
  ...["select", "input", "output", "button", "datalist", "textarea"].map((name) => [name, new Set(FORM_TAGS)] as [string, Set<string>]),
]);
const TAG = /<!--[\s\S]*?(?:-->|$)|<(script|style|title|textarea)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)|<(\/?)([a-zA-Z][^\s\/>]*)[^>]*?(\/?)>/g;

/**
 * How deep a page nests its elements, as the parser would open them, when that is more than
 * `cap`; null when it is not. The parser takes time in proportion to the depth for each element,
 * so a page nested a hundred thousand deep would take minutes: such a page is refused instead.
 * @example nestingOver("<div>".repeat(2000), 1000) // 1001
 */
export function nestingOver(html: string, cap: number = MAX_HTML_DEPTH): number | null {
  const stack: string[] = [];
  let foreign = 0;
  TAG.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TAG.exec(html))) {
    const name = m[3]?.toLowerCase();
    if (m[1] || !name) continue;
    if (m[2]) {
      const at = stack.lastIndexOf(name);
      if (at < 0) continue;
      for (let i = at; i < stack.length; i++) if (stack[i] === "svg" || stack[i] === "math") foreign--;
      stack.length = at;
      continue;
    }
    const closes = IMPLIED_CLOSE.get(name);
    while (closes && stack.length && closes.has(stack[stack.length - 1]!)) stack.pop();
    // Inside SVG and MathML "/>" closes the element; elsewhere it is ignored.
    if (VOID.has(name) || (m[4] && foreign > 0)) continue;
    stack.push(name);
    if (name === "svg" || name === "math") foreign++;
    if (stack.length > cap) return stack.length;
  }
  return null;
}

/**
 * Reads the article in a web page.
 * @example readHtmlArticle(`<article><h1>Port reopens</h1><p>The port reopened on Monday.</p></article>`).paragraphs // ["The port reopened on Monday."]
 */
export function readHtmlArticle(html: string): HtmlArticle {
  const document = parseDocument(html, {decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true});
  // Every element in page order, with what encloses it. The walks here and below keep a stack of
  // their own rather than recursing, so that a page nested a million levels deep is read too.
  const all: Element[] = [];
  const skipped = new Set<Element>();
  const enclosed = new Set<Element>();
  const stack: {node: ChildNode; skip: boolean; inArticle: boolean; inBody: boolean}[] = document.children.map((node) => ({node, skip: false, inArticle: false, inBody: false})).reverse();
  while (stack.length) {
    const {node, skip, inArticle, inBody} = stack.pop()!;
    if (!isElement(node)) continue;
    all.push(node);
    const skipHere = skip || SKIPPED.has(node.name) || isHidden(node);
    if (skipHere) skipped.add(node);
    const isArticle = node.name === "article";
    const isBody = isArticleBody(node);
    // An article inside an article, or a body inside a body, is part of the outer one.
    if ((isArticle && inArticle) || (isBody && inBody)) enclosed.add(node);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push({node: node.children[i]!, skip: skipHere, inArticle: inArticle || isArticle, inBody: inBody || isBody});
  }

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
    paragraphs = body.split(/\n+/).map(tidy).filter(keep);
    textSource = "json-ld";
  }
  if (!paragraphs.length) {
    const units = all.filter((e) => isArticleBody(e) && !skipped.has(e) && !enclosed.has(e)).flatMap(unitsIn);
    if (units.length) [paragraphs, textSource] = [units, "article-body"];
  }
  if (!paragraphs.length) {
    const best = largest(all.filter((e) => e.name === "article" && !skipped.has(e) && !enclosed.has(e)).map((e) => ({element: e, units: unitsIn(e)})));
    if (best) [paragraphs, textSource] = [best, "article"];
  }
  if (!paragraphs.length) {
    const block = densestBlock(all.filter((e) => (e.name === "p" || isTextDiv(e)) && !skipped.has(e) && !underFurniture(e)));
    if (block) {
      const units = unitsIn(block);
      if (units.length) [paragraphs, textSource] = [units, "densest-block"];
    }
  }

  // The first headline outside skipped elements, else one in a page header.
  const h1 = all.find((e) => e.name === "h1" && !skipped.has(e) && tidy(textOf(e))) ?? all.find((e) => e.name === "h1" && tidy(textOf(e)));
  const titleElement = all.find((e) => e.name === "title");
  const title =
    pick("title", ldText(ld, "headline")) ??
    (h1 && tidy(textOf(h1)) ? {value: tidy(textOf(h1)), from: "<h1>"} : null) ??
    (titleElement && tidy(textOf(titleElement)) ? {value: tidy(textOf(titleElement)), from: "<title>"} : null);
  const canonical = all.find((e) => e.name === "link" && (e.attribs.rel ?? "").toLowerCase().split(/\s+/).includes("canonical") && e.attribs.href);
  const url = pick("url", ldText(ld, "url")) ?? (canonical ? {value: canonical.attribs.href!.trim(), from: `<link rel="canonical">`} : null);
  const ldAuthors = ld ? namesOf(ld.author) : [];
  const metaAuthor = META.author.map((name) => meta.get(name)?.value).find((v) => v && !/^https?:/i.test(v));
  // A byline printed as one of the first paragraphs is who wrote it, not what they wrote.
  const bylineAt = paragraphs.slice(0, 3).findIndex((p) => p.length <= 80 && BYLINE.test(p));
  const bylineText = bylineAt >= 0 ? paragraphs[bylineAt]! : null;
  const byline = bylineText ? BYLINE.exec(bylineText)![1]! : null;
  if (bylineAt >= 0) paragraphs = paragraphs.filter((_, i) => i !== bylineAt);
  return {
    title,
    paragraphs,
    textSource,
    published: pick("published", ldText(ld, "datePublished")),
    updated: pick("updated", ldText(ld, "dateModified")),
    outlet: pick("outlet", ld ? (namesOf(ld.publisher)[0] ? {value: namesOf(ld.publisher)[0]!, from: `JSON-LD "publisher"`} : null) : null),
    url,
    authors: ldAuthors.length ? ldAuthors : metaAuthor ? [metaAuthor.replace(/^by\s+/i, "")] : byline ? [byline] : [],
    byline: bylineText,
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
  const stack: {node: ChildNode; inLink: boolean}[] = element.children.map((node) => ({node, inLink: false})).reverse();
  while (stack.length) {
    const {node, inLink} = stack.pop()!;
    if (node.type === "text") {
      // Line ends in the page's source are spaces; only <br> breaks a line.
      const piece = node.data.replace(/\s+/g, " ");
      text += piece;
      if (inLink) linked += piece.trim().length;
    } else if (isElement(node)) {
      if (node.name === "br") text += "\n";
      else if (!SKIPPED.has(node.name) && !isHidden(node)) {
        for (let i = node.children.length - 1; i >= 0; i--) stack.push({node: node.children[i]!, inLink: inLink || node.name === "a"});
      }
    }
  }
  return {text, linked};
}

const textOf = (element: Element): string => textAndLinks(element).text;

function isHidden(element: Element): boolean {
  return element.attribs.hidden !== undefined || element.attribs["aria-hidden"] === "true" || /display\s*:\s*none/i.test(element.attribs.style ?? "");
}

/** Elements that start a block of their own: a <div> holding one of them is not a paragraph. */
const BLOCKS = new Set([
  "p", "div", "section", "article", "main", "ul", "ol", "dl", "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
  "figure", "header", "footer", "nav", "aside", "form", "li", "hr",
]);

/** A <div> used as a paragraph: text of its own, and no block inside it. */
function isTextDiv(element: Element): boolean {
  if (element.name !== "div") return false;
  let text = false;
  for (const child of element.children) {
    if (isElement(child) && BLOCKS.has(child.name)) return false;
    if (child.type === "text" && /\p{L}/u.test(child.data)) text = true;
  }
  return text;
}

function isArticleBody(element: Element): boolean {
  return (element.attribs.itemprop ?? "").split(/\s+/).includes("articleBody");
}

/** The paragraphs inside an element, in order: each outermost paragraph element's text. */
function unitsIn(root: Element): string[] {
  const out: string[] = [];
  const stack: ChildNode[] = [...root.children].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (!isElement(node) || SKIPPED.has(node.name) || isHidden(node)) continue;
    // A list item or quotation that holds paragraphs of its own gives those.
    if ((UNITS.has(node.name) && !node.children.some((c) => isElement(c) && c.name === "p")) || isTextDiv(node)) {
      // A paragraph that is mostly links is a list of other stories ("Read more: …").
      const {text, linked} = textAndLinks(node);
      const lines = tidy(text);
      if (linked * 2 >= lines.replace(/\s/g, "").length) continue;
      for (const line of lines.split("\n")) if (keep(line)) out.push(line);
    } else for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
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

/** Whether the element, or one of the three above it, is named as page furniture (`FURNITURE_HINT`). */
function underFurniture(element: Element): boolean {
  let e: Element | null = element;
  for (let level = 0; e && level < 4; level++) {
    if (FURNITURE_HINT.test(`${e.attribs.class ?? ""} ${e.attribs.id ?? ""}`)) return true;
    e = e.parent && isElement(e.parent as ChildNode) ? (e.parent as Element) : null;
  }
  return false;
}

/** The element whose paragraphs (`paragraphs`, outside skipped elements) hold the most text: a
 *  paragraph counts for its parent, half for its grandparent. */
function densestBlock(paragraphs: Element[]): Element | null {
  const score = new Map<Element, number>();
  for (const p of paragraphs) {
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
