/**
 * `npm run eval [-- --json]`: runs every evaluation in src/eval against the third-party corpora in
 * ../shared/corpora (or DRIFTLINE_CORPORA) and prints their figures. Each evaluation skips cleanly
 * when the corpora are absent.
 */
import {spawnSync} from "node:child_process";
import {readdirSync} from "node:fs";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const json = process.argv.includes("--json");
const scripts = readdirSync(here).filter((f) => f.endsWith(".ts") && f !== "index.ts" && !f.startsWith("_")).sort();
const results: Record<string, unknown> = {};
let failed = 0;
for (const script of scripts) {
  const name = script.replace(/\.ts$/, "");
  if (!json) process.stdout.write(`\n=== ${name} ===\n`);
  const started = performance.now();
  const run = spawnSync(process.execPath, ["--import", "tsx", join(here, script), ...(json ? ["--json"] : [])], {encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 256 * 1024 * 1024});
  if (run.status !== 0) failed++;
  if (json) {
    try {
      results[name] = JSON.parse(run.stdout);
    } catch {
      results[name] = {error: `exit ${run.status}`, output: run.stdout.slice(0, 2000)};
    }
  } else {
    process.stdout.write(run.stdout);
    process.stdout.write(`(${name}: ${((performance.now() - started) / 1000).toFixed(1)} s${run.status ? `, exit ${run.status}` : ""})\n`);
  }
}
if (json) process.stdout.write(JSON.stringify(results, null, 2) + "\n");
process.exit(failed ? 1 : 0);
