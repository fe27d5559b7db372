/**
 * `npm run build`: the static report in dist/ (or DRIFTLINE_OUTPUT), always from the current corpus.
 * Framework reuses a loader's cached output even when what the loader reads has changed, so the
 * loaders' outputs are cleared first (loader-cache.ts; the analysis itself is cached by content in
 * node_modules/.cache/driftline). The built HTML is then polished (see postbuild.ts) and given a
 * Content-Security-Policy (see csp.ts).
 */
import {spawnSync} from "node:child_process";
import {join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {clearLoaderCache} from "./loader-cache.js";
import {polishBuild} from "./postbuild.js";
import {applyContentSecurityPolicy} from "./csp.js";
import {decodePageNames} from "./page-names.js";
import {finishBuildRecord, isWithin, prepareOutputFolder, startBuildRecord} from "./output-folder.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const output = resolve(root, process.env.DRIFTLINE_OUTPUT ?? "dist");
// A folder outside the project is not cleared by Framework: the previous build's files go here.
const prepared = prepareOutputFolder(output, root);
if (!prepared.ok) {
  console.error(prepared.message);
  process.exit(1);
}
const before = isWithin(root, output) ? [] : startBuildRecord(output);
clearLoaderCache(root);
const bin = join(root, "node_modules", ".bin", "observable");
const result = spawnSync(bin, ["build", ...process.argv.slice(2)], {cwd: root, stdio: "inherit", env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "1"}});
if (result.status !== 0) process.exit(result.status ?? 1);
polishBuild(output);
decodePageNames(output);
// Last, once the HTML is final: a Content-Security-Policy allowing only the pages' own scripts (csp.ts).
applyContentSecurityPolicy(output);
finishBuildRecord(output, before);
