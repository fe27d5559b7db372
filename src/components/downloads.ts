import {html} from "htl";
import {csvCell} from "../lib/csv.js";

type Row = Record<string, unknown>;

/**
 * Rows as CSV text (columns from every row; objects as JSON; formulas defused).
 * @example rowsToCsv([{id: "a", n: 1}]) // "id,n\na,1\n"
 */
export function rowsToCsv(rows: Row[]): string {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = (value: unknown) => csvCell(value !== null && typeof value === "object" ? JSON.stringify(value) : (value as string | number | boolean | null | undefined));
  return [columns.join(","), ...rows.map((r) => columns.map((c) => cell(r[c])).join(","))].join("\n") + "\n";
}

function download(name: string, type: string, text: string): HTMLAnchorElement {
  const a = html`<a class="download" download="${name}" href="#">${name}</a>` as HTMLAnchorElement;
  a.addEventListener("click", () => {
    const url = URL.createObjectURL(new Blob([text], {type}));
    a.href = url;
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  });
  return a;
}

/**
 * Download links for the data behind a chart, made in the browser: CSV and JSON.
 * @example downloads(timeline.documents, {name: "timeline"})
 */
export function downloads(rows: Row[], {name = "data"}: {name?: string} = {}): HTMLElement {
  return html`<p class="downloads">Data: ${download(`${name}.csv`, "text/csv", rowsToCsv(rows))} · ${download(`${name}.json`, "application/json", JSON.stringify(rows, null, 2))}</p>` as HTMLElement;
}
