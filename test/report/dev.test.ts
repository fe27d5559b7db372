/**
 * The live preview follows the corpus: with `npm run dev` open in Chromium, adding an article to the
 * input folder updates the open page without a reload.
 */
import {spawn, type ChildProcess} from "node:child_process";
import {copyFileSync, existsSync, mkdtempSync, readdirSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {chromium} from "playwright-core";
import {CHROMIUM_ARGS} from "./chromium.js";

const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const PORT = 3217;

describe.skipIf(!existsSync(executablePath))("npm run dev", () => {
  let dev: ChildProcess | undefined;
  afterAll(() => {
    if (dev?.pid) process.kill(-dev.pid, "SIGTERM");
  });

  it("refreshes the open page when an article is added", async () => {
    const corpus = mkdtempSync(join(tmpdir(), "driftline-dev-"));
    const seeds = readdirSync("seeds").sort();
    for (const name of seeds.slice(0, 2)) copyFileSync(join("seeds", name), join(corpus, name));
    dev = spawn("npx", ["tsx", "src/cli/dev.ts", "--port", String(PORT)], {env: {...process.env, DRIFTLINE_INPUT: corpus, OBSERVABLE_TELEMETRY_DISABLE: "1"}, stdio: "ignore", detached: true});
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const ok = await fetch(`http://127.0.0.1:${PORT}/`).then((r) => r.ok, () => false);
      if (ok) break;
      await new Promise((r) => setTimeout(r, 300));
    }
    const browser = await chromium.launch({executablePath, args: CHROMIUM_ARGS});
    try {
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${PORT}/`, {waitUntil: "networkidle"});
      const count = page.locator(".card .big").first();
      await expect.poll(() => count.textContent(), {timeout: 30_000}).toBe("2");
      copyFileSync(join("seeds", seeds[2]!), join(corpus, seeds[2]!));
      await expect.poll(() => count.textContent(), {timeout: 30_000, interval: 500}).toBe("3");
    } finally {
      await browser.close();
    }
  });
});
