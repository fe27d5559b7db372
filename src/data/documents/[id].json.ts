// One document page's data: its text, claims, quotations and shared passages.
import {parseArgs} from "node:util";
import {emit, getDocumentSlice} from "../analysis-cache.js";

const {values} = parseArgs({options: {id: {type: "string"}}});

// The page path escapes "%", "#" and "?" in the id (observablehq.config.ts): undo that. (The
// preview may pass "%" already decoded, so a lone "%" is left as it is.)
function pageId(param: string): string {
  return param.replace(/%(25|23|3F)/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

emit(async () => {
  const slice = await getDocumentSlice(pageId(values.id ?? ""));
  if (!slice) throw new Error(`No document with id "${values.id}" in the corpus.`);
  return slice;
});
