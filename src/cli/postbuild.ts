/**
 * Touches to the built HTML that Framework's templates do not offer: a document language, and a
 * sidebar list that holds only list items (its close button moved out of the <ol>).
 */
import {readdirSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";

/** @example polishHtml('<html>\n<nav><ol>\n<label id="observablehq-sidebar-close"></label>') */
export function polishHtml(html: string, {lang = "en"} = {}): string {
  return html
    .replace(/<html(?![^>]*\blang=)([^>]*)>/, `<html lang="${lang}"$1>`)
    .replace(/(<nav id="observablehq-sidebar">\s*)<ol>(\s*)(<label id="observablehq-sidebar-close"[^>]*><\/label>)/, "$1$3$2<ol>");
}

/** Every .html file under `dir`. */
export function htmlFiles(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((e) => (e.isDirectory() ? htmlFiles(join(dir, e.name)) : e.name.endsWith(".html") ? [join(dir, e.name)] : []));
}

export function polishBuild(dir: string): void {
  for (const file of htmlFiles(dir)) writeFileSync(file, polishHtml(readFileSync(file, "utf8")));
}
