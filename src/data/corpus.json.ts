// The corpus page's data: a slice of the Analysis of the current corpus (src/data/analysis-cache.ts).
import {emit, getPageSlice} from "./analysis-cache.js";

emit(() => getPageSlice("corpus"));
