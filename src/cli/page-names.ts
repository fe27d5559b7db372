/**
 * Document pages are built under paths where "%", "#" and "?" of the id are escaped (see
 * observablehq.config.ts), so Framework writes files such as `documents/feed%231.html`. A static
 * server decodes the URL before it looks for the file (`/documents/feed%231` → `documents/feed#1`),
 * so those files, and their data files, are renamed to the decoded id. Framework's references to
 * them stay escaped, which is what the browser sends and the server decodes.
 */
import {readdirSync, renameSync, statSync} from "node:fs";
import {join} from "node:path";

const ESCAPED = /%(25|23|3F)/gi;

/** "feed%231.html" → "feed#1.html"; other names unchanged. */
export function decodedPageName(name: string): string {
  return name.replace(ESCAPED, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Renames the escaped files in the output's document folders; returns how many were renamed. */
export function decodePageNames(output: string): number {
  let renamed = 0;
  for (const folder of [join(output, "documents"), join(output, "_file", "data", "documents")]) {
    let names: string[];
    try {
      if (!statSync(folder).isDirectory()) continue;
      names = readdirSync(folder);
    } catch {
      continue;
    }
    for (const name of names) {
      const decoded = decodedPageName(name);
      if (decoded === name) continue;
      renameSync(join(folder, name), join(folder, decoded));
      renamed++;
    }
  }
  return renamed;
}
