/**
 * Files on disk → Analysis: lists the corpus and reads the reference data, then calls
 * `analyzeFilesInParallel` (reading and the per-document passes on worker threads;
 * DRIFTLINE_WORKERS=0 turns them off). Used by the CLI and the loaders.
 */
import {analyzeFilesInParallel, sortDiagnostics, type ParallelAnalyzeOptions} from "./analyze.js";
import {listCorpus, type ReadOptions} from "./read.js";
import {loadReferenceData} from "./reference.js";
import type {Analysis} from "./types.js";

export interface AnalyzePathsOptions extends ReadOptions, Pick<ParallelAnalyzeOptions, "onStage" | "workers"> {
  /** Folder holding outlets.yaml and measures.yaml (default: the project's data/). */
  dataDir?: string;
}

export interface AnalyzePathsResult {
  analysis: Analysis;
  /** Input paths that do not exist (also reported as diagnostics). */
  missing: string[];
}

/**
 * @example const {analysis} = await analyzePaths(["seeds"]);
 */
export async function analyzePaths(paths: readonly string[], options: AnalyzePathsOptions = {}): Promise<AnalyzePathsResult> {
  const {dataDir, onStage, workers, maxBytes, cwd} = options;
  onStage?.("read", "start", 0);
  const [listing, {reference, diagnostics: referenceDiagnostics}] = await Promise.all([listCorpus(paths, {cwd}), loadReferenceData(dataDir)]);
  const {diagnostics: readDiagnostics, missing, files} = listing;
  onStage?.("read", "end", files.length);
  // The files are read where they are parsed, on the worker threads.
  const analysis = await analyzeFilesInParallel(files, reference, {inputs: [...paths], onStage, workers, maxBytes});
  const missingDiagnostics = missing.map((path) => ({path, level: "error" as const, code: "input-missing", message: "This input path does not exist."}));
  analysis.diagnostics = sortDiagnostics([...analysis.diagnostics, ...readDiagnostics, ...referenceDiagnostics, ...missingDiagnostics]);
  return {analysis, missing};
}
