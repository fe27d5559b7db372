// One document page's data: its text, claims, quotations and shared passages.
import {parseArgs} from "node:util";
import {documentSlice} from "../../lib/report.js";
import {emit, getAnalysis} from "../analysis-cache.js";

const {values} = parseArgs({options: {id: {type: "string"}}});

// The page path escapes "%", "#" and "?" in the id (observablehq.config.ts): undo that.
function pageId(param: string): string {
  try {
    return decodeURIComponent(param);
  } catch {
    return param;
  }
}

emit(async () => {
  const slice = documentSlice(await getAnalysis(), pageId(values.id ?? ""));
  if (!slice) throw new Error(`No document with id "${values.id}" in the corpus.`);
  return slice;
});
