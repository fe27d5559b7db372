import * as Plot from "@observablehq/plot";
import {accessibleChart} from "./accessible.js";
import type {DocumentSummary} from "../lib/report.js";
import type {Claim, ClaimFamily, Modality} from "../lib/types.js";

/** Each modality's colour, the same in every report (Plot's observable10 hues); the legend lists
 *  the ones present, in this order. */
const MODALITY_COLOURS: [Modality, string][] = [
  ["fact", "#4269d0"], ["claim", "#a463f2"], ["expectation", "#efb118"], ["prediction", "#9c6b4e"], ["possibility", "#6cc5b0"],
  ["plan", "#3ca951"], ["goal", "#97bbf5"], ["promise", "#ff8ab7"], ["offer", "#9498a0"], ["threat", "#ff725c"]
];

/** The colour scale for the modalities present in `cells`. */
export function modalityColour(present: Iterable<string>) {
  const seen = new Set(present);
  const shown = MODALITY_COLOURS.filter(([m]) => seen.has(m));
  // A modality this list lacks still gets drawn, in grey, after the others.
  const other = [...seen].filter((m) => !MODALITY_COLOURS.some(([k]) => k === m)).sort();
  return {legend: true, label: "Modality", domain: [...shown.map(([m]) => m), ...other], range: [...shown.map(([, c]) => c), ...other.map(() => "#9498a0")]};
}

export interface FamiliesGridOptions {
  width?: number;
  documents?: DocumentSummary[];
  claims?: Claim[];
  /** Beyond this many documents carrying the families, a dot plot along the publication order replaces the grid. */
  maxColumns?: number;
}

/**
 * Figure families × documents (in publication order): a cell where a document carries the figure,
 * its colour the claim's modality. With more than `maxColumns` documents only those that carry one of
 * the families get a column, and when more than that many do, each appearance is a dot at its
 * document's rank in publication order.
 * @example familiesGrid(claims.families, {width, documents: claims.documents, claims: claims.claims})
 */
export function familiesGrid(families: ClaimFamily[], {width = 640, documents = [], claims = [], maxColumns = 40}: FamiliesGridOptions = {}) {
  const byId = new Map(claims.map((c) => [c.id, c]));
  const outletOf = new Map(documents.map((d) => [d.id, `${d.outlet ?? "unknown"} · ${d.id}`]));
  const orderOf = new Map(documents.map((d) => [d.id, d.order]));
  // Rows are keyed by family id: two stories can each have a family with the same label.
  const labelOf = new Map(families.map((f) => [f.id, f.label]));
  const cells = families.flatMap((f) =>
    f.claimIds.map((id) => byId.get(id)).filter((c): c is Claim => !!c).map((c) => ({family: f.id, documentId: c.documentId, document: outletOf.get(c.documentId) ?? c.documentId, order: orderOf.get(c.documentId) ?? null, modality: c.modality, sentence: c.sentence, hedges: c.hedges.join(", ")}))
  );
  type Cell = (typeof cells)[number];
  const title = (c: Cell) => `${c.document}\n${c.modality}${c.hedges ? ` (hedges: ${c.hedges})` : ""}\n${c.sentence}`;
  // A column per document, in publication order (an empty column says a document lacks the figure);
  // with more than `maxColumns`, only those that carry one of these figures.
  const carrying = new Set(cells.map((c) => c.documentId));
  const columns = documents.filter((d) => documents.length <= maxColumns || carrying.has(d.id)).map((d) => outletOf.get(d.id)!);
  const common = {width, height: 24 * families.length + 170, marginLeft: Math.min(280, width * 0.35), y: {domain: families.map((f) => f.id), tickFormat: (id: string) => labelOf.get(id) ?? id, label: null}, color: modalityColour(cells.map((c) => c.modality))};
  // More columns than stay legible: each appearance as a dot at its document's place in the order of first publication.
  const plot = columns.length > maxColumns
    ? Plot.plot({
        ...common,
        height: 24 * families.length + 90,
        marginBottom: 50,
        x: {label: "Documents in order of first publication →", grid: true, nice: true},
        marks: [Plot.dot(cells.filter((c) => c.order !== null), {x: "order", y: "family", fill: "modality", r: 4, fillOpacity: 0.8, title, tip: true})]
      })
    : Plot.plot({
        ...common,
        marginBottom: 140,
        x: {domain: columns, label: null, tickRotate: -35},
        marks: [Plot.cell(cells, Plot.group({fill: "first", title: "first"}, {x: "document", y: "family", fill: "modality", title, inset: 1, tip: true}))]
      });
  return accessibleChart(plot, {label: `${columns.length > maxColumns ? "Dot plot" : "Grid"} of ${families.length} figure families across ${columns.length} documents, coloured by modality.`, description: families.map((f) => `${f.label}: in ${f.documentIds.length} documents`).join("; ")});
}
