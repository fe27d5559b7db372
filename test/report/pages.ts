/** The pages of the built report, from dist/ (every .html file but 404). */
import {readdirSync} from "node:fs";
import {join, relative} from "node:path";

export function builtPages(dist = "dist"): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, {withFileTypes: true}).flatMap((e) => {
      if (e.name.startsWith("_")) return [];
      const path = join(dir, e.name);
      return e.isDirectory() ? walk(path) : e.name.endsWith(".html") && e.name !== "404.html" ? [relative(dist, path).replace(/\.html$/, "").replace(/(^|\/)index$/, "$1")] : [];
    });
  return walk(dist).sort();
}

/** Pages that must show a chart (an SVG). */
export const CHART_PAGES = ["timeline", "claims", "phrasing"];
