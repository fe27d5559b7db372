// The corpus page's data: a slice of the Analysis of the current corpus.
import {corpusSlice} from "../lib/report.js";
import {emit, getAnalysis} from "./analysis-cache.js";

emit(async () => corpusSlice(await getAnalysis()));
