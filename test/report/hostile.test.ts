/**
 * Nothing executes: the report built from the hostile corpus (test/fixtures/make-hostile.ts), with
 * script and markup payloads in titles, bodies, outlets, front matter and file names, opened page
 * by page in Chromium. Any dialog, console error, page error or request leaving 127.0.0.1 fails;
 * the payloads must show as text and never exist as elements. Also checks the
 * Content-Security-Policy of every page of both builds (seeds in dist/, and the hostile one).
 */
import {spawnSync} from "node:child_process";
import {mkdtempSync, readdirSync, readFileSync, rmSync, statSync} from "node:fs";
import type {Server} from "node:http";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {chromium, type Browser, type Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {inlineScripts, scriptHash} from "../../src/cli/csp.js";
import {startStaticServer} from "../../src/cli/serve.js";
import {makeHostileCorpus, type HostileCorpus} from "../fixtures/make-hostile.js";
import {CHROMIUM_ARGS, CHROMIUM_PATH, HAS_CHROMIUM, watchForProblems} from "./chromium.js";
import {builtPages} from "./pages.js";
import {clearLoaderCache} from "../../src/cli/loader-cache.js";

if (!HAS_CHROMIUM) {
  process.stderr.write(`\n!!! Chromium not found at ${CHROMIUM_PATH}: the hostile-report browser tests are SKIPPED. Install it with: apt-get install -y chromium\n\n`);
}

const pageFile = (dist: string, page: string) => join(dist, `${page || "index"}.html`);
/** A built page's URL path: each segment encoded, as a link to it would be. */
const pageUrl = (base: string, page: string) => `${base}/${page.split("/").map(encodeURIComponent).join("/")}`;

/** Payload text that must appear on the page as text (never as markup). */
const VISIBLE_TEXT: Record<string, string[]> = {
  "": [`<script>alert("title")</script> Mayor <img src=x onerror=alert(1)> pledges 500 homes`, "<img src=x onerror=alert('fm-outlet')>"],
  "documents/one-line-1mb": ["This document is too long for one page"],
  "documents/script-payloads": ["<script>alert(document.cookie)</script>", "<img src=x onerror=alert('body')>", "[click here](javascript:alert('link'))", "${alert('template')}"],
  "documents/script-front-matter": ["<script>alert('fm-title')</script> Port strike enters 3rd week", "<script>alert('md-body')</script>"],
  "documents/news-please-payloads": ["<img src=x onerror=alert('json')> Grain exports rise 9 percent"],
  "documents/web-page-payloads": ["<script>alert('ld-headline')</script> Dock workers strike", "<img src=x onerror=alert('html-entity')>"],
  "data-quality": ["<img src=x onerror=alert('file-name')>.txt", "The file is empty."]
};

function checkCsp(dist: string): string[] {
  const problems: string[] = [];
  for (const page of [...builtPages(dist), "404"]) {
    let html: string;
    try {
      html = readFileSync(pageFile(dist, page), "utf8");
    } catch {
      continue;
    }
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
    if (!meta) {
      problems.push(`${page}: no Content-Security-Policy meta tag`);
      continue;
    }
    const head = html.slice(html.indexOf("<head>"), meta.index);
    if (/<(?:script|link|style|base)\b/i.test(head)) problems.push(`${page}: the policy comes after a script, link or style`);
    const policy = meta[1]!;
    const scriptSrc = /(?:^|;\s*)script-src ([^;]*)/.exec(policy)?.[1] ?? "";
    if (/'unsafe-inline'|'unsafe-eval'|\*/.test(scriptSrc)) problems.push(`${page}: script-src too wide (${scriptSrc})`);
    for (const script of inlineScripts(html)) if (!scriptSrc.includes(scriptHash(script))) problems.push(`${page}: inline script ${scriptHash(script)} not listed`);
    for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'none'"]) if (!policy.includes(directive)) problems.push(`${page}: missing ${directive}`);
  }
  return problems;
}

describe("the Content-Security-Policy of the seeds report (dist/)", () => {
  it("is on every page and lists every inline script's hash", () => {
    expect(builtPages("dist").length).toBeGreaterThan(5);
    expect(checkCsp("dist")).toEqual([]);
  });
});

describe("the report built from the hostile corpus", () => {
  let corpus: HostileCorpus;
  let dist: string;
  let build: {status: number | null; stdout: string; stderr: string};
  let server: Server | undefined;
  let url = "";

  beforeAll(async () => {
    corpus = makeHostileCorpus();
    dist = join(mkdtempSync(join(tmpdir(), "driftline-dist-hostile-")), "dist");
    const env = {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "1", DRIFTLINE_INPUT: corpus.dir, DRIFTLINE_OUTPUT: dist, DRIFTLINE_DOCUMENT_PAGES: "1000"};
    build = spawnSync("npm", ["run", "--silent", "build"], {encoding: "utf8", env, maxBuffer: 256 * 1024 * 1024});
    // Framework's loader cache now holds the hostile corpus's data: clear it so that a later preview
    // or build of seeds/ does not reuse it.
    clearLoaderCache(".");
    if (build.status === 0) ({server, url} = await startStaticServer(dist, 0));
  }, 600_000);

  afterAll(async () => {
    await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
    corpus?.cleanup();
    if (dist) rmSync(join(dist, ".."), {recursive: true, force: true});
  });

  it("builds", () => {
    expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
  });

  it("has a page for every document, including ids with spaces, quotes, accents and markup", () => {
    const pages = builtPages(dist);
    for (const id of ["script-payloads", "same article (copy)", "file name with spaces", `it's a "quoted" name`, "naïve café Zürich – Ōsaka", "<b>bold<∕b> & <i>co<∕i>", "one-line-1mb", "batch-1", "news-please-no-ids#1", "what? #2 100%"]) {
      expect(pages, id).toContain(`documents/${id}`);
    }
    expect(pages).toEqual(expect.arrayContaining(["", "timeline", "claims", "phrasing", "data-quality"]));
  });

  it("keeps every page's data under 1 MB, the 1 MB single line's page included", () => {
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, {withFileTypes: true})) {
        if (entry.isDirectory()) walk(join(dir, entry.name));
        else if (entry.name.endsWith(".json")) files.push(join(dir, entry.name));
      }
    };
    walk(join(dist, "_file", "data"));
    expect(files.some((f) => f.includes("one-line-1mb"))).toBe(true);
    for (const file of files) expect(statSync(file).size, file).toBeLessThan(1024 * 1024);
    const page = JSON.parse(readFileSync(files.find((f) => f.includes("one-line-1mb"))!, "utf8")) as {cut?: {shownCharacters: number; totalCharacters: number}};
    expect(page.cut!.shownCharacters).toBeLessThan(page.cut!.totalCharacters);
  });

  it("has the Content-Security-Policy on every page, with every inline script's hash", () => {
    expect(checkCsp(dist)).toEqual([]);
  });

  it("holds no payload as markup in the built HTML", () => {
    for (const page of builtPages(dist)) {
      const html = readFileSync(pageFile(dist, page), "utf8");
      expect(html, page).not.toMatch(/<script>alert|<img src=x|onerror=alert|<iframe|<svg onload/i);
    }
  });

  describe.skipIf(!HAS_CHROMIUM)("in Chromium", () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await chromium.launch({executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS});
    });
    afterAll(async () => browser?.close());

    async function open(page: string): Promise<{tab: Page; problems: string[]; close: () => Promise<void>}> {
      const context = await browser.newContext({viewport: {width: 1200, height: 900}});
      const tab = await context.newPage();
      const problems = await watchForProblems(context, tab);
      await tab.goto(pageUrl(url, page), {waitUntil: "networkidle", timeout: 60_000});
      // Every cell has rendered (Framework shows <observablehq-loading> until then).
      await tab.waitForFunction(() => !document.querySelector("observablehq-loading"), null, {timeout: 30_000}).catch(() => problems.push("still loading after 30 s"));
      await tab.waitForTimeout(300);
      return {tab, problems, close: () => context.close()};
    }

    it("renders every page with no dialog, console error, page error or external request, and no payload element", async () => {
      expect(build.status).toBe(0);
      const failures: Record<string, string[]> = {};
      const documentLinks = new Set<string>();
      for (const page of builtPages(dist)) {
        const {tab, problems, close} = await open(page);
        for (const href of await tab.evaluate(() => [...document.querySelectorAll("a[href]")].map((a) => (a as HTMLAnchorElement).href))) {
          if (new URL(href).pathname.includes("/documents/")) documentLinks.add(href.replace(/#.*$/, ""));
        }
        for (const text of VISIBLE_TEXT[page] ?? []) {
          const shown = await tab.waitForFunction((t) => document.body.innerText.includes(t), text, {timeout: 20_000}).then(() => true, () => false);
          if (!shown) problems.push(`payload not shown as text: ${text}`);
        }
        const found = await tab.evaluate(() => {
          const bad: string[] = [];
          for (const script of document.querySelectorAll("script")) if (/alert\(/.test(script.textContent ?? "")) bad.push(`script element: ${script.textContent!.slice(0, 80)}`);
          for (const element of document.querySelectorAll("*")) {
            for (const attribute of element.getAttributeNames()) {
              if (/^on/i.test(attribute)) bad.push(`<${element.localName} ${attribute}>`);
              if (/^(?:href|src|action|formaction|xlink:href)$/i.test(attribute) && /^\s*javascript:/i.test(element.getAttribute(attribute) ?? "")) bad.push(`<${element.localName} ${attribute}=javascript:…>`);
            }
          }
          for (const selector of ["iframe", "object", "embed", 'img[src="x"]']) {
            for (const element of document.querySelectorAll(selector)) bad.push(`element ${selector}: ${element.outerHTML.slice(0, 80)}`);
          }
          return bad;
        });
        expect(await tab.locator(".observablehq--error").count(), `${page}: observablehq--error`).toBe(0);
        await close();
        if (problems.length || found.length) failures[page] = [...problems, ...found];
      }
      expect(failures).toEqual({});
      // Every link to a document page (ids with spaces, quotes, "#", "?", "%"…) leads to it.
      expect(documentLinks.size).toBeGreaterThan(5);
      const context = await browser.newContext();
      const broken: string[] = [];
      for (const link of documentLinks) {
        const response = await context.request.get(link);
        if (response.status() !== 200) broken.push(`${response.status()} ${decodeURIComponent(new URL(link).pathname)}`);
      }
      await context.close();
      expect(broken).toEqual([]);
    }, 600_000);

    it("blocks an inline script that was not in the page when it was built", async () => {
      const {tab, problems, close} = await open("documents/script-payloads");
      const ran = await tab.evaluate(async () => {
        const script = document.createElement("script");
        script.textContent = "window.__injected = true;";
        document.head.append(script);
        await new Promise((done) => setTimeout(done, 100));
        return (window as unknown as {__injected?: boolean}).__injected === true;
      });
      await close();
      expect(ran).toBe(false);
      expect(problems.some((p) => /Content Security Policy/i.test(p))).toBe(true);
    });
  });
});
