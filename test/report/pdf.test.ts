import {spawnSync} from "node:child_process";
import {existsSync, mkdtempSync, readFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {PDFDocument} from "pdf-lib";
import {builtPages} from "./pages.js";

const hasChromium = existsSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium");

describe.skipIf(!hasChromium)("npm run pdf", () => {
  it("prints every report page into one PDF", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "driftline-pdf-")), "report.pdf");
    const result = spawnSync("npx", ["tsx", "src/cli/pdf.ts", "--no-build", "--out", out], {encoding: "utf8"});
    expect(result.status, result.stderr).toBe(0);
    const bytes = readFileSync(out);
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    const pdf = await PDFDocument.load(bytes);
    const reportPages = builtPages().filter((p) => p !== "guide").length;
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(reportPages);
  });
});
