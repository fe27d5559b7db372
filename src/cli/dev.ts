/**
 * `npm run dev`: Framework's preview on 127.0.0.1:3000, plus a watcher on what the loaders read
 * (the corpus, data/ and src/lib). Framework only re-runs a loader when the loader file itself
 * changes, so on any change there the loaders are touched and the open page refreshes its data.
 */
import {spawn} from "node:child_process";
import {watch, readdirSync, utimesSync, type FSWatcher} from "node:fs";
import {join, relative, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {inputPathsFromEnv} from "../lib/input-paths.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const loadersDir = join(root, "src", "data");

function loaderFiles(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((e) => (e.isDirectory() ? loaderFiles(join(dir, e.name)) : /\.json\.ts$/.test(e.name) ? [join(dir, e.name)] : []));
}

let timer: NodeJS.Timeout | undefined;
function touchLoaders(reason: string) {
  clearTimeout(timer);
  timer = setTimeout(() => {
    const now = new Date();
    for (const file of loaderFiles(loadersDir)) utimesSync(file, now, now);
    process.stderr.write(`driftline: ${reason} changed; refreshing the analysis\n`);
  }, 200);
}

const watched = [...inputPathsFromEnv().map((p) => resolve(root, p)), join(root, "data"), join(root, "src", "lib")];
const watchers: FSWatcher[] = [];
for (const path of watched) {
  try {
    watchers.push(watch(path, {recursive: true}, (_event, file) => touchLoaders(relative(root, join(path, String(file ?? ""))))));
  } catch {
    process.stderr.write(`driftline: cannot watch ${path}; edits there need a restart\n`);
  }
}

const extra = process.argv.slice(2);
const args = ["preview", "--host", "127.0.0.1", ...(extra.includes("--port") ? [] : ["--port", "3000"]), "--no-open", ...extra];
const child = spawn(join(root, "node_modules", ".bin", "observable"), args, {cwd: root, stdio: "inherit", env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "1"}});
const stop = () => child.kill("SIGINT");
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
child.on("exit", (code) => {
  for (const w of watchers) w.close();
  process.exit(code ?? 0);
});
