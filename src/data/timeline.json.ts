// The timeline page's data: a slice of the Analysis of the current corpus.
import {timelineSlice} from "../lib/report.js";
import {emit, getAnalysis} from "./analysis-cache.js";

emit(async () => timelineSlice(await getAnalysis()));
