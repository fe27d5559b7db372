import type {Diagnostic, DocumentRecord, OutletAttribution, OutletRegistry} from "./types.js";

/** Parses data/outlets.yaml text into a registry. STUB: to be replaced by the outlet stage. */
export function parseOutletRegistry(_yamlText: string): OutletRegistry {
  return {outlets: []};
}

/** Who published `doc`, with evidence; null plus a diagnostic when unknown. STUB. */
export function attributeOutlet(
  doc: DocumentRecord,
  _registry: OutletRegistry
): {outlet: OutletAttribution | null; diagnostics: Diagnostic[]} {
  return {
    outlet: null,
    diagnostics: [{path: doc.path, documentId: doc.id, level: "warning", code: "outlet-unknown", message: "No outlet could be determined."}]
  };
}
