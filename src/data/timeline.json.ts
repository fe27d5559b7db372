// The timeline page's data: a slice of the Analysis of the current corpus.
import {timelineSlice} from "../lib/report.js";
import {emit, getAnalysis, pageIds} from "./analysis-cache.js";

emit(async () => {
  const analysis = await getAnalysis();
  // `pages`: the documents that have a page of their own, for links.
  return {...timelineSlice(analysis), pages: pageIds(analysis)};
});
