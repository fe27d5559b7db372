// The claims page's data: a slice of the Analysis of the current corpus.
import {claimsSlice} from "../lib/report.js";
import {emit, getAnalysis} from "./analysis-cache.js";

emit(async () => claimsSlice(await getAnalysis()));
