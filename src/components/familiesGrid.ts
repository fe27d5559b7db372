import * as Plot from "@observablehq/plot";
import {accessibleChart} from "./accessible.js";
import type {DocumentSummary} from "../lib/report.js";
import type {Claim, ClaimFamily} from "../lib/types.js";

export interface FamiliesGridOptions {
  width?: number;
  documents?: DocumentSummary[];
  claims?: Claim[];
}

/**
 * Figure families × documents (in publication order): a cell where a document carries the figure,
 * its colour the claim's modality.
 * @example familiesGrid(claims.families, {width, documents: claims.documents, claims: claims.claims})
 */
export function familiesGrid(families: ClaimFamily[], {width = 640, documents = [], claims = []}: FamiliesGridOptions = {}) {
  const byId = new Map(claims.map((c) => [c.id, c]));
  const outletOf = new Map(documents.map((d) => [d.id, `${d.outlet ?? "unknown"} · ${d.id}`]));
  const cells = families.flatMap((f) =>
    f.claimIds.map((id) => byId.get(id)).filter((c): c is Claim => !!c).map((c) => ({family: f.label, document: outletOf.get(c.documentId) ?? c.documentId, modality: c.modality, sentence: c.sentence, hedges: c.hedges.join(", ")}))
  );
  const columns = documents.map((d) => outletOf.get(d.id)!);
  const plot = Plot.plot({
    width,
    height: 24 * families.length + 170,
    marginLeft: Math.min(280, width * 0.35),
    marginBottom: 140,
    x: {domain: columns, label: null, tickRotate: -35},
    y: {domain: families.map((f) => f.label), label: null},
    color: {legend: true, label: "Modality"},
    marks: [
      Plot.cell(cells, Plot.group({fill: "first", title: "first"}, {x: "document", y: "family", fill: "modality", title: (c: {sentence: string; modality: string; hedges: string}) => `${c.modality}${c.hedges ? ` (hedges: ${c.hedges})` : ""}\n${c.sentence}`, inset: 1, tip: true}))
    ]
  });
  return accessibleChart(plot, {label: `Grid of ${families.length} figure families across ${columns.length} documents, coloured by modality.`, description: families.map((f) => `${f.label}: in ${f.documentIds.length} documents`).join("; ")});
}
