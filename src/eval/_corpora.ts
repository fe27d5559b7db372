/** Where the evaluations find the project and the third-party corpora (DRIFTLINE_CORPORA, else ../shared/corpora). */
import path from "node:path";
import {fileURLToPath} from "node:url";

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const CORPORA_DIR = process.env.DRIFTLINE_CORPORA ?? path.resolve(PROJECT_ROOT, "../shared/corpora");
