/**
 * Opens every page of the built report in headless Chromium (Debian's /usr/bin/chromium, driven by
 * playwright-core): no console error, no failed request, no request leaving 127.0.0.1, no
 * `observablehq--error`, a chart on each chart page. Saves a screenshot of each page to
 * test/screenshots/ (git-ignored). Without Chromium these tests are skipped, loudly.
 */
import {mkdirSync, readFileSync} from "node:fs";
import {createRequire} from "node:module";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {chromium, type Browser} from "playwright-core";
import {builtPages, CHART_PAGES} from "./pages.js";
import {CHROMIUM_ARGS, CHROMIUM_PATH, HAS_CHROMIUM, watchForProblems} from "./chromium.js";

const executablePath = CHROMIUM_PATH;
const hasChromium = HAS_CHROMIUM;
if (!hasChromium) {
  process.stderr.write(`\n!!! Chromium not found at ${executablePath}: the browser tests are SKIPPED. Install it with: apt-get install -y chromium\n\n`);
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");


describe.skipIf(!hasChromium)("the report in Chromium", () => {
  let browser: Browser;
  const url = inject("reportUrl");
  beforeAll(async () => {
    browser = await chromium.launch({executablePath, args: CHROMIUM_ARGS});
    mkdirSync("test/screenshots", {recursive: true});
  });
  afterAll(async () => browser?.close());

  it("/timeline can be used from the keyboard: filters, links and downloads take focus in turn", async () => {
    const tab = await browser.newPage({viewport: {width: 1200, height: 900}});
    await tab.goto(`${url}/timeline`, {waitUntil: "networkidle"});
    await tab.waitForSelector("svg[role=img]");
    const reached = new Set<string>();
    for (let i = 0; i < 80; i++) {
      await tab.keyboard.press("Tab");
      reached.add(await tab.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el) return "";
        if (el.tagName === "SELECT") return `select:${[...document.querySelectorAll("select")].indexOf(el as HTMLSelectElement)}`;
        if (el.tagName === "A" && el.classList.contains("download")) return "download";
        if (el.tagName === "A" && (el.getAttribute("href") ?? "").includes("documents/")) return "document-link";
        return el.tagName.toLowerCase();
      }));
    }
    await tab.close();
    expect([...reached].filter((r) => r.startsWith("select:")).length, [...reached].join(", ")).toBeGreaterThanOrEqual(2);
    expect(reached).toContain("input");
    expect(reached).toContain("document-link");
    expect(reached).toContain("download");
  });

  it("says where the bundled corpus's order of publication is not certain", async () => {
    // Every two consecutive articles' publication windows overlap (derived from the texts' dates).
    const text = async (page: string, selector: string) => {
      const tab = await browser.newPage({viewport: {width: 1200, height: 900}});
      await tab.goto(`${url}/${page}`, {waitUntil: "networkidle"});
      await tab.waitForSelector(selector);
      const body = (await tab.locator("main").innerText()).replace(/\s+/g, " ");
      await tab.close();
      return body;
    };
    expect(await text("timeline", "svg[role=img]")).toContain("Order of first publication: Reuters ≈ South China Morning Post ≈ APD ≈");
    const overview = await text("", "table.plain caption");
    expect(overview).toMatch(/First published: Reuters, [^;]+; not certainly the first: the times of South China Morning Post/);
    // The documents table marks each of the four later rows: its time overlaps the row above.
    expect(overview).toContain("5 documents, earliest first; ≈ the time overlaps that of the row above");
    expect(overview.match(/≈ [2-5] /g)).toEqual(["≈ 2 ", "≈ 3 ", "≈ 4 ", "≈ 5 "]);
    expect(await text("claims", "svg[role=img]")).toMatch(/All \d+ drift events shown run between documents whose publication times overlap/);
  });

  for (const page of CHART_PAGES) {
    it(`/${page} reads on a phone in dark mode`, async () => {
      const context = await browser.newContext({viewport: {width: 390, height: 844}, colorScheme: "dark", deviceScaleFactor: 1});
      const tab = await context.newPage();
      await tab.goto(`${url}/${page}`, {waitUntil: "networkidle"});
      await tab.waitForSelector("svg[role=img]", {timeout: 20_000});
      const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, "horizontal overflow in px").toBeLessThanOrEqual(1);
      const background = await tab.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(background, "dark background").not.toBe("rgb(255, 255, 255)");
      await tab.screenshot({path: `test/screenshots/${page}-phone-dark.png`, fullPage: true});
      await context.close();
    });
  }

  for (const page of builtPages()) {
    it(`/${page} renders with no error and no external request`, async () => {
      const context = await browser.newContext({viewport: {width: 1200, height: 900}});
      const tab = await context.newPage();
      const problems = await watchForProblems(context, tab);
      const started = performance.now();
      await tab.goto(`${url}/${page}`, {waitUntil: "networkidle"});
      if (CHART_PAGES.includes(page)) {
        await tab.waitForSelector("svg[role=img], figure svg", {timeout: 20_000});
        process.stderr.write(`first chart on /${page}: ${Math.round(performance.now() - started)} ms\n`);
      }
      await tab.waitForTimeout(300);
      expect(await tab.locator(".observablehq--error").count(), "observablehq--error").toBe(0);
      // Accessibility: axe-core (evaluated through the debugging protocol, so the page's CSP holds).
      await tab.evaluate(axeSource);
      const violations: {id: string; impact: string; help: string; nodes: {target: string[]}[]}[] = await tab.evaluate(async () => {
        const axe = (window as unknown as {axe: {run: (ctx: Document, o: object) => Promise<{violations: never[]}>}}).axe;
        const result = await axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}});
        return result.violations;
      });
      const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")})`);
      expect(serious, "axe-core serious or critical violations").toEqual([]);
      await tab.screenshot({path: `test/screenshots/${page.replace(/\//g, "_") || "index"}.png`, fullPage: true});
      await context.close();
      expect(problems).toEqual([]);
    });
  }
});
