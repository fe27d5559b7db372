/**
 * Loads the editable reference data under data/ (outlet registry with dateline places, measure lexicon). A broken file
 * becomes a diagnostic and an empty table, so the analysis still runs.
 */
import {readFile} from "node:fs/promises";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {parseOutletRegistry} from "./outlet.js";
import {parseMeasureLexicon} from "./families.js";
import type {Diagnostic, ReferenceData} from "./types.js";

/** The project's data/ folder. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL("../../data/", import.meta.url));

export async function loadReferenceData(dataDir: string = DEFAULT_DATA_DIR): Promise<{reference: ReferenceData; diagnostics: Diagnostic[]}> {
  const diagnostics: Diagnostic[] = [];
  async function load<T>(file: string, parse: (text: string) => T, empty: T): Promise<T> {
    const path = join(dataDir, file);
    try {
      return parse(await readFile(path, "utf8"));
    } catch (error) {
      const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
      diagnostics.push({path: `data/${file}`, level: "error", code: "reference-data-invalid", message: `Could not use ${file}: ${reason}`});
      return empty;
    }
  }
  const places = await load("places.yaml", (text) => text, "");
  const outlets = await load("outlets.yaml", (text) => parseOutletRegistry(text, places || undefined), {outlets: []});
  const measures = await load("measures.yaml", parseMeasureLexicon, {synonyms: [], related: []});
  return {reference: {outlets, measures}, diagnostics};
}
