/**
 * `npm run pdf [-- --no-build] [--out FILE]`: builds the report, prints its pages through headless
 * Chromium (Debian's /usr/bin/chromium, or CHROMIUM_PATH) with the print styles, and joins them into
 * one PDF, dist/driftline-report.pdf by default.
 */
import {spawnSync} from "node:child_process";
import {existsSync, writeFileSync} from "node:fs";
import {join, relative} from "node:path";
import {parseArgs} from "node:util";
import {fileURLToPath} from "node:url";
import {PDFDocument} from "pdf-lib";
import {chromium} from "playwright-core";
import {htmlFiles} from "./postbuild.js";
import {startStaticServer} from "./serve.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const {values} = parseArgs({options: {"no-build": {type: "boolean", default: false}, out: {type: "string"}}});
const dist = join(root, process.env.DRIFTLINE_OUTPUT ?? "dist");
const out = values.out ?? join(dist, "driftline-report.pdf");
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(executablePath)) {
  process.stderr.write(`pdf: Chromium not found at ${executablePath} (apt-get install -y chromium, or set CHROMIUM_PATH)\n`);
  process.exit(2);
}
if (!values["no-build"]) {
  const build = spawnSync("npm", ["run", "--silent", "build"], {cwd: root, stdio: "inherit"});
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// Report pages in reading order: overview, the analysis pages, data quality, then the documents.
const ORDER = ["", "timeline", "claims", "phrasing", "data-quality"];
const pages = htmlFiles(dist)
  .map((file) => relative(dist, file).replace(/\.html$/, "").replace(/(^|\/)index$/, "$1"))
  .filter((page) => !page.startsWith("_") && page !== "404" && page !== "guide")
  .sort((a, b) => (ORDER.includes(a) ? ORDER.indexOf(a) : 99) - (ORDER.includes(b) ? ORDER.indexOf(b) : 99) || (a < b ? -1 : 1));

const {server, url} = await startStaticServer(dist, 0);
const browser = await chromium.launch({executablePath, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]});
try {
  const merged = await PDFDocument.create();
  const context = await browser.newContext({viewport: {width: 760, height: 1000}});
  for (const page of pages) {
    const tab = await context.newPage();
    await tab.goto(`${url}/${page}`, {waitUntil: "networkidle"});
    await tab.emulateMedia({media: "print"});
    await tab.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
    await tab.waitForTimeout(200);
    const pdf = await tab.pdf({format: "A4", printBackground: true, margin: {top: "14mm", bottom: "14mm", left: "12mm", right: "12mm"}});
    const part = await PDFDocument.load(pdf);
    for (const p of await merged.copyPages(part, part.getPageIndices())) merged.addPage(p);
    await tab.close();
    process.stderr.write(`pdf: /${page}\n`);
  }
  merged.setTitle("Driftline report");
  writeFileSync(out, await merged.save());
  process.stderr.write(`pdf: wrote ${relative(process.cwd(), out)} (${merged.getPageCount()} pages from ${pages.length} report pages)\n`);
} finally {
  await browser.close();
  server.close();
}
