/** Debian's Chromium for the report tests: where it is and how it is launched here. */
import {existsSync} from "node:fs";
import type {BrowserContext, Page} from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const HAS_CHROMIUM = existsSync(CHROMIUM_PATH);

/** Headless, no sandbox (root in CI), and none of Chromium's own network traffic. */
export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/**
 * Records what a report page must never do: console errors, page errors, dialogs (dismissed),
 * failed requests, HTTP errors, and requests leaving 127.0.0.1 (aborted). Returns the live list.
 */
export async function watchForProblems(context: BrowserContext, tab: Page): Promise<string[]> {
  const problems: string[] = [];
  tab.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  tab.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  tab.on("dialog", (d) => {
    problems.push(`dialog (${d.type()}): ${d.message()}`);
    void d.dismiss();
  });
  tab.on("requestfailed", (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
  tab.on("response", (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  await context.route("**/*", (route) => {
    const requested = new URL(route.request().url());
    if (requested.hostname !== "127.0.0.1") {
      problems.push(`external: ${requested.href}`);
      return route.abort();
    }
    return route.continue();
  });
  return problems;
}
