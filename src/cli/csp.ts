/**
 * A Content-Security-Policy for the built report. Framework writes each page's cells as an inline
 * module script (and the sidebar state as a small inline script), so the policy allows exactly
 * those scripts by their SHA-256 hashes and nothing else inline: an article that smuggles markup
 * into a page could not run a script even if an escaping bug let it through.
 */
import {createHash} from "node:crypto";
import {readFileSync, writeFileSync} from "node:fs";
import {htmlFiles} from "./postbuild.js";

/** Inline `<script>` elements (no `src`): their exact text, as the browser hashes it. */
export function inlineScripts(html: string): string[] {
  const scripts: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    if (/\bsrc\s*=/i.test(match[1] ?? "")) continue;
    scripts.push(match[2] ?? "");
  }
  return scripts;
}

/** The CSP source expression for a script's text: `'sha256-<base64>'`. */
export function scriptHash(text: string): string {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

/**
 * The policy for one page: scripts from the report's own origin and the page's inline scripts by
 * hash; styles from the origin and inline (Plot and Framework set style attributes); images also
 * from data: and blob: (charts exported as images); no plugins, no forms, no base rewriting.
 */
export function contentSecurityPolicy(html: string): string {
  const hashes = [...new Set(inlineScripts(html).map(scriptHash))].sort();
  return [
    "default-src 'self'",
    ["script-src 'self'", ...hashes].join(" "),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'"
  ].join("; ");
}

const CSP_META = /<meta http-equiv="Content-Security-Policy"[^>]*>\n?/gi;

/**
 * Puts the page's policy in a `<meta http-equiv="Content-Security-Policy">` at the top of `<head>`
 * (right after `<meta charset>`, which must stay first), replacing any earlier one.
 * @example addContentSecurityPolicy('<head>\n<meta charset="utf-8">\n<script>x</script>')
 */
export function addContentSecurityPolicy(html: string): string {
  const page = html.replace(CSP_META, "");
  const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(page)}">`;
  const charset = /<head>\s*<meta charset="[^"]*">\n?/i.exec(page);
  if (charset) return `${page.slice(0, charset.index + charset[0].length)}${meta}\n${page.slice(charset.index + charset[0].length)}`;
  const head = /<head[^>]*>\n?/i.exec(page);
  if (head) return `${page.slice(0, head.index + head[0].length)}${meta}\n${page.slice(head.index + head[0].length)}`;
  return page;
}

/** Adds the policy to every HTML page under `dir`. */
export function applyContentSecurityPolicy(dir: string): void {
  for (const file of htmlFiles(dir)) writeFileSync(file, addContentSecurityPolicy(readFileSync(file, "utf8")));
}
