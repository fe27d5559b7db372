// The diagnostics page's data: a slice of the Analysis of the current corpus.
import {diagnosticsSlice} from "../lib/report.js";
import {emit, getAnalysis} from "./analysis-cache.js";

emit(async () => diagnosticsSlice(await getAnalysis()));
