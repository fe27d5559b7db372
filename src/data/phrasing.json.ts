// The phrasing page's data: a slice of the Analysis of the current corpus.
import {phrasingSlice} from "../lib/report.js";
import {emit, getAnalysis} from "./analysis-cache.js";

emit(async () => phrasingSlice(await getAnalysis()));
