import {describe, expect, it} from "vitest";
import {MAX_HTML_DEPTH, nestingOver, readHtmlArticle} from "../src/lib/html.js";

const page = (head: string, body: string) => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;
const longBody = "The harbour reopened on Monday after a week of storms. ".repeat(5).trim();

describe("readHtmlArticle: where the text comes from", () => {
  it("takes the JSON-LD article's body and fields first, also inside @graph", () => {
    const ld = {
      "@context": "https://schema.org",
      "@graph": [
        {"@type": "WebSite", name: "Not this"},
        {
          "@type": ["NewsArticle"],
          headline: "Harbour reopens",
          datePublished: "2021-03-01T08:00:00+11:00",
          dateModified: "2021-03-01T10:30:00+11:00",
          publisher: {"@type": "Organization", name: "Coast Herald"},
          author: [{"@type": "Person", name: "Ann Lee"}, {"@type": "Person", name: "Bo Chen"}],
          url: "https://coastherald.example/harbour",
          articleBody: `${longBody}\n\nShips queued outside the breakwater.`
        }
      ]
    };
    const html = page(`<title>Harbour | Coast Herald</title><script type="application/ld+json">${JSON.stringify(ld)}</script><meta property="og:title" content="Other title">`, `<p>Page text that is not the body.</p>`);
    const article = readHtmlArticle(html);
    expect(article.textSource).toBe("json-ld");
    expect(article.paragraphs).toEqual([longBody, "Ships queued outside the breakwater."]);
    expect(article.title).toEqual({value: "Harbour reopens", from: `JSON-LD "headline"`});
    expect(article.published).toEqual({value: "2021-03-01T08:00:00+11:00", from: `JSON-LD "datePublished"`});
    expect(article.updated?.value).toBe("2021-03-01T10:30:00+11:00");
    expect(article.outlet).toEqual({value: "Coast Herald", from: `JSON-LD "publisher"`});
    expect(article.authors).toEqual(["Ann Lee", "Bo Chen"]);
    expect(article.url?.value).toBe("https://coastherald.example/harbour");
  });

  it("reads the <article> element's paragraphs, leaving out what is not article text", () => {
    const html = page(
      `<meta property="og:site_name" content="Coast Herald"><meta property="article:published_time" content="2021-03-01T08:00:00Z"><link rel="canonical" href="https://coastherald.example/a">`,
      `<nav><p>Home News Sport</p></nav>
      <article>
        <header><h1>Harbour   reopens</h1><p class="byline">By Ann Lee</p></header>
        <p>The harbour reopened on <b>Monday</b>,
           officials said.</p>
        <figure><img src="x.jpg"><figcaption>Photo: Ann Lee</figcaption></figure>
        <p>Advertisement</p>
        <script>document.write("<p>injected</p>")</script>
        <p hidden>Hidden text.</p>
        <p>Fishing fleets &amp; ferries left at dawn.<br>“We waited,” a skipper said.</p>
        <ul class="related"><li><a href="/b">Storm season ends early in the north</a></li></ul>
        <p>Read more: <a href="/c">Ferries to run a winter timetable this year</a></p>
        <aside><p>Sign up for our newsletter.</p></aside>
      </article>
      <footer><p>© Coast Herald</p></footer>`
    );
    const article = readHtmlArticle(html);
    expect(article.textSource).toBe("article");
    expect(article.paragraphs).toEqual(["The harbour reopened on Monday, officials said.", "Fishing fleets & ferries left at dawn.", "“We waited,” a skipper said."]);
    expect(article.title).toEqual({value: "Harbour reopens", from: "<h1>"});
    expect(article.outlet).toEqual({value: "Coast Herald", from: `<meta property="og:site_name">`});
    expect(article.published).toEqual({value: "2021-03-01T08:00:00Z", from: `<meta property="article:published_time">`});
    expect(article.url).toEqual({value: "https://coastherald.example/a", from: `<link rel="canonical">`});
  });

  it("prefers the elements marked as the article body, with dates from itemprop", () => {
    const html = page(`<title>Page title</title>`, `<div><p>A teaser paragraph outside the body, long enough to count as text.</p></div>
      <div itemprop="articleBody"><p>First paragraph of the story itself.</p><p>Second paragraph.</p></div>
      <time itemprop="datePublished" datetime="2020-05-04T09:00:00-04:00">May 4</time>`);
    const article = readHtmlArticle(html);
    expect(article.textSource).toBe("article-body");
    expect(article.paragraphs).toEqual(["First paragraph of the story itself.", "Second paragraph."]);
    expect(article.published).toEqual({value: "2020-05-04T09:00:00-04:00", from: `<time itemprop="datepublished">`});
    expect(article.title).toEqual({value: "Page title", from: "<title>"});
  });

  it("finds the block with the most paragraph text when nothing marks the article", () => {
    const story = ["The council voted on Tuesday to close the old bridge to lorries.", "Repairs will take two years and cost 4 million pounds, the council said.", "Residents had campaigned for the closure since 2019."];
    const html = page("", `<div class="sidebar"><p>Most read: the ten best beaches in the county.</p></div>
      <div class="main"><div class="story">${story.map((p) => `<p>${p}</p>`).join("")}</div></div>`);
    const article = readHtmlArticle(html);
    expect(article.textSource).toBe("densest-block");
    expect(article.paragraphs).toEqual(story);
  });

  it("passes over comments and related stories, named so in their classes, when the story is shorter than they are", () => {
    const story = ["The port reopened on Monday after a two-day strike, its operator said."];
    const prose = ["I have lived by this port for forty years and I have never seen the unions give in so quickly to the owners.", "Whoever wrote this has clearly never worked a night shift on the docks in winter, when the cranes freeze solid.", "The strike was about pay and nothing else, whatever the company says in its statements to the press this week."];
    const html = page("", `<div id="page"><div class="content"><h1>Port reopens</h1><div class="story-body">${story.map((p) => `<p>${p}</p>`).join("")}</div></div>
      <div id="comments">${prose.map((p) => `<div class="comment"><p>${p}</p></div>`).join("")}</div>
      <section class="related-stories"><ul>${prose.map((p) => `<li><p>${p}</p></li>`).join("")}</ul></section></div>`);
    const article = readHtmlArticle(html);
    expect(article.textSource).toBe("densest-block");
    expect(article.paragraphs).toEqual(story);
    // A class that only contains such a word ("shared-layout", "commentary") is no sign of furniture.
    const commentary = readHtmlArticle(page("", `<div class="commentary shared-layout">${prose.map((p) => `<p>${p}</p>`).join("")}</div>`));
    expect(commentary.paragraphs).toEqual(prose);
  });

  it("takes a byline printed as a paragraph as the author, not as text", () => {
    const html = page("", `<article><h1>Port reopens</h1><p>By JANE DOE and John Roe, Reuters</p><p>By Monday the port had reopened, its operator said.</p></article>`);
    const article = readHtmlArticle(html);
    expect(article.paragraphs).toEqual(["By Monday the port had reopened, its operator said."]);
    expect(article.authors).toEqual(["JANE DOE and John Roe, Reuters"]);
    expect(article.byline).toBe("By JANE DOE and John Roe, Reuters");
  });

  it("takes a <div> that holds text and no block as a paragraph", () => {
    const html = page("", `<main><div class="story"><div>The ferry sailed at <b>dawn</b> with 40 passengers aboard.</div><div>It reached the island by noon, the operator said.</div><div><div>Nested block</div></div></div></main>`);
    const article = readHtmlArticle(html);
    expect(article.textSource).toBe("densest-block");
    expect(article.paragraphs).toEqual(["The ferry sailed at dawn with 40 passengers aboard.", "It reached the island by noon, the operator said.", "Nested block"]);
  });

  it("finds no text in a page of navigation and scripts, and never throws on broken markup", () => {
    const empty = readHtmlArticle(page("<script>var p = '<p>not text</p>';</script>", `<nav><p>Home</p></nav><template><p>Later</p></template><footer><p>Contact</p></footer>`));
    expect(empty.paragraphs).toEqual([]);
    expect(empty.textSource).toBeNull();
    for (const broken of ["<p>Unclosed <b>bold <i>italic", "<<<>>>", "<article><p>Text</article></p>", "", "<script type=\"application/ld+json\">{not json</script><p>Kept paragraph.</p>"]) {
      expect(() => readHtmlArticle(broken)).not.toThrow();
    }
    expect(readHtmlArticle(`<script type="application/ld+json">{not json</script><div><p>Kept paragraph of the page, long enough.</p></div>`).paragraphs).toEqual(["Kept paragraph of the page, long enough."]);
  });
});

describe("nestingOver: pages nested too deep to parse in reasonable time", () => {
  it("finds elements left open deeper than the cap", () => {
    expect(nestingOver("<div>".repeat(MAX_HTML_DEPTH + 5))).toBe(MAX_HTML_DEPTH + 1);
    expect(nestingOver("<div/>".repeat(50), 40)).toBe(41); // "/>" does not close an HTML element
    expect(nestingOver("<p><span>".repeat(30), 40)).toBe(41); // a span keeps the paragraph open
    expect(nestingOver("<div></span>".repeat(50), 40)).toBe(41); // a close tag for nothing open closes nothing
  });
  it("reads what the parser closes by itself as closed", () => {
    expect(nestingOver("<div>" + "<p>text ".repeat(500) + "</div>", 40)).toBeNull();
    expect(nestingOver("<ul>" + "<li>item".repeat(500) + "</ul>", 40)).toBeNull();
    expect(nestingOver("<table><tr>" + "<td>x".repeat(500) + "</table>", 40)).toBeNull();
    expect(nestingOver("<svg>" + `<path d="M0"/>`.repeat(500) + "</svg>", 40)).toBeNull();
    expect(nestingOver("<div>" + "<img src=x><br>".repeat(500) + "</div>", 40)).toBeNull();
    expect(nestingOver("<script>" + "<div>".repeat(500) + "</script><!-- " + "<div>".repeat(500) + " -->", 40)).toBeNull();
    expect(nestingOver("<div></div>".repeat(500), 40)).toBeNull();
  });
  it("stays linear on long pages", () => {
    const started = performance.now();
    expect(nestingOver("<div><p>Some text.</p></div>".repeat(200_000))).toBeNull();
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
