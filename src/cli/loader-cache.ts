/**
 * Framework's cache under src/.observablehq/cache holds two kinds of files: the outputs of the data
 * loaders (at their page paths, such as data/claims.json) and the bundles it makes of the npm
 * packages the pages import (`_node`, `_npm`). Framework reuses a loader's output even when what the
 * loader reads has changed, so the outputs are cleared before a build; the bundles depend only on the
 * installed packages (their folders are named by version) and are kept, which saves a build about
 * 4 s of bundling d3 and Plot again.
 */
import {readdirSync, rmSync} from "node:fs";
import {join} from "node:path";

/** The cache entries that depend only on the installed packages. */
export const PACKAGE_BUNDLES: ReadonlySet<string> = new Set(["_node", "_npm"]);

/** Removes the loaders' cached outputs (everything but the package bundles); returns the names removed. */
export function clearLoaderCache(root: string): string[] {
  const cache = join(root, "src", ".observablehq", "cache");
  let names: string[];
  try {
    names = readdirSync(cache);
  } catch {
    return [];
  }
  const removed = names.filter((name) => !PACKAGE_BUNDLES.has(name));
  for (const name of removed) rmSync(join(cache, name), {recursive: true, force: true});
  return removed;
}
