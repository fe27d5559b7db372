/**
 * Modality and hedges of a figure, read from the words that govern it: the nearest content cue
 * before the figure in its sentence ("promised", "expects", "plans", "potential", "offered") wins;
 * failing that a modal auxiliary ("could", "may", "will"); failing that the figure is stated as fact.
 * "vow" is a promise, or a threat when the counted thing is a punishment (a tariff, a fine, a ban).
 */
import {capitalModalIsName} from "./text.js";
import type {Modality} from "./types.js";

interface Cue {
  re: RegExp;
  modality: Modality;
  /** Lemma used to compare cues across claims ("vowing" and "vowed" are both `vow`). */
  lemma: string;
}

const CONTENT_CUES: Cue[] = [
  {re: /^vow(?:s|ed|ing)?$/, modality: "promise", lemma: "vow"},
  {re: /^promis(?:e|es|ed|ing)$/, modality: "promise", lemma: "promise"},
  {re: /^pledg(?:e|es|ed|ing)$/, modality: "promise", lemma: "pledge"},
  {re: /^guarantee(?:s|d)?$/, modality: "promise", lemma: "guarantee"},
  {re: /^commit(?:s|ted|ting|ment|ments)?$/, modality: "promise", lemma: "commit"},
  {re: /^threat(?:s|en|ens|ened|ening)?$/, modality: "threat", lemma: "threat"},
  {re: /^plan(?:s|ned|ning)?$/, modality: "plan", lemma: "plan"},
  {re: /^intend(?:s|ed|ing)?$|^intention$/, modality: "plan", lemma: "intend"},
  {re: /^propos(?:e|es|ed|ing|al|als)$/, modality: "plan", lemma: "propose"},
  {re: /^schedul(?:e|ed)$/, modality: "plan", lemma: "schedule"},
  {re: /^expect(?:s|ed|ing|ation|ations)?$/, modality: "expectation", lemma: "expect"},
  {re: /^anticipat(?:e|es|ed|ing)$/, modality: "expectation", lemma: "anticipate"},
  {re: /^projected$|^projections?$/, modality: "expectation", lemma: "project"},
  {re: /^predict(?:s|ed|ing|ion|ions)?$/, modality: "prediction", lemma: "predict"},
  {re: /^forecast(?:s|ed|ing)?$/, modality: "prediction", lemma: "forecast"},
  {re: /^foresee(?:s|n)?$/, modality: "prediction", lemma: "foresee"},
  {re: /^aim(?:s|ed|ing)?$/, modality: "goal", lemma: "aim"},
  {re: /^target(?:s|ed|ing)?$/, modality: "goal", lemma: "target"},
  {re: /^goals?$/, modality: "goal", lemma: "goal"},
  {re: /^seek(?:s|ing)?$|^sought$/, modality: "goal", lemma: "seek"},
  {re: /^hop(?:e|es|ed|ing)$/, modality: "goal", lemma: "hope"},
  {re: /^ambitions?$/, modality: "goal", lemma: "ambition"},
  {re: /^envision(?:s|ed|ing)?$|^envisag(?:e|es|ed)$/, modality: "goal", lemma: "envision"},
  {re: /^offer(?:s|ed|ing)?$/, modality: "offer", lemma: "offer"},
  {re: /^potential(?:ly)?$/, modality: "possibility", lemma: "potential"},
  {re: /^possib(?:le|ly|ility)$/, modality: "possibility", lemma: "possible"},
  {re: /^likely$/, modality: "possibility", lemma: "likely"},
  {re: /^claim(?:s|ed|ing)?$/, modality: "claim", lemma: "claim"},
  {re: /^alleg(?:e|es|ed|edly|ing)$/, modality: "claim", lemma: "allege"},
  {re: /^insist(?:s|ed|ing)?$/, modality: "claim", lemma: "insist"},
];

/** One test for "is this token any cue at all", before finding which. */
const ANY_CUE = new RegExp(CONTENT_CUES.map((c) => c.re.source).join("|"));

const AUXILIARIES = new Map<string, Modality>([
  ["could", "possibility"], ["may", "possibility"], ["might", "possibility"], ["can", "possibility"], ["will", "prediction"],
  ["'ll", "prediction"],
]);

/** Counted things that make a vow a threat. */
const PUNITIVE = new Set([
  "tariff", "tax", "duty", "levy", "sanction", "fine", "penalty", "ban", "embargo", "quota", "punishment",
  "strike", "retaliation", "surcharge", "sentence",
]);

/** Words that hedge a figure (normalised form → pattern). Bound modifiers are added separately. */
const HEDGE_WORDS: [RegExp, string][] = [
  [/^could$/, "could"], [/^may$/, "may"], [/^might$/, "might"], [/^potential(?:ly)?$/, "potential"],
  [/^possibl[ey]$/, "possibly"], [/^likely$/, "likely"], [/^expect(?:s|ed|ing)?$/, "expect"],
  [/^aim(?:s|ed|ing)?$/, "aim"], [/^hop(?:e|es|ed|ing)$/, "hope"], [/^estimated?$/, "estimated"],
  [/^projected$/, "projected"], [/^forecast$/, "forecast"], [/^reportedly$/, "reportedly"],
];

const ANY_HEDGE = new RegExp(HEDGE_WORDS.map(([re]) => re.source).join("|"));

/** Bound modifiers that hedge (an upper bound or an approximation), as printed before a figure. */
export function isHedgingModifier(modifier: string | null, bound: string): boolean {
  return modifier !== null && (bound === "upper" || bound === "approximate");
}

export interface ModalityReading {
  modality: Modality;
  /** The governing word as printed, or null for a plain statement. */
  cue: string | null;
  cueLemma: string | null;
  cueSpan: [number, number] | null;
  hedges: string[];
}

/** Words before a month's name: "in May", "since May", "last May". */
const BEFORE_MONTH = /^(?:in|since|by|until|till|of|from|through|during|last|next|this|early|late|mid|before|after)$/i;

/** "May" before a day or after a preposition is the month ("begin May 16", "in May, sales …");
 *  a capitalised "May" or "Will" is otherwise a name where `capitalModalIsName` says so. */
function nameNotModal(tokens: readonly {raw: string}[], i: number, question: boolean): boolean {
  const raw = tokens[i]!.raw;
  if (raw === "May" && (/^\d/.test(tokens[i + 1]?.raw ?? "") || BEFORE_MONTH.test(tokens[i - 1]?.raw ?? ""))) return true;
  return capitalModalIsName(tokens, i, {question});
}

/**
 * Reads modality and hedges from the tokens before a figure (in sentence order, lower-cased norms).
 * @example readModality([{norm: "expects", raw: "expects", start: 0, end: 7}], "job") // {modality: "expectation", …}
 */
export function readModality(
  tokensBefore: readonly {norm: string; raw: string; start: number; end: number}[],
  measure: string | null,
  /** Whether the sentence is a question ("Will it cost 500 jobs?"), where a capitalised "Will" opening it is the modal. */
  question = true
): ModalityReading {
  let auxiliary: {modality: Modality; index: number} | null = null;
  const hedges: string[] = [];
  const hedgeWindow = 14;
  for (let i = tokensBefore.length - 1, seen = 0; i >= 0 && seen < hedgeWindow; i--, seen++) {
    const norm = tokensBefore[i]!.norm;
    if (!ANY_HEDGE.test(norm) || nameNotModal(tokensBefore, i, question)) continue;
    for (const [re, name] of HEDGE_WORDS) if (re.test(norm) && !hedges.includes(name)) hedges.push(name);
  }
  for (let i = tokensBefore.length - 1; i >= 0; i--) {
    const token = tokensBefore[i]!;
    const word = token.norm;
    const auxiliaryModality = nameNotModal(tokensBefore, i, question) ? undefined : AUXILIARIES.get(word);
    if (auxiliaryModality === undefined && !ANY_CUE.test(word)) continue;
    for (const cue of CONTENT_CUES) {
      if (!cue.re.test(word)) continue;
      let modality = cue.modality;
      if (cue.lemma === "vow" && measure !== null && PUNITIVE.has(measure)) modality = "threat";
      // "plans" as a noun after a possessive or article is still a plan; "offers" as a noun too.
      return {modality, cue: token.raw, cueLemma: cue.lemma, cueSpan: [token.start, token.end], hedges: hedges.reverse()};
    }
    if (auxiliary === null && auxiliaryModality !== undefined) auxiliary = {modality: auxiliaryModality, index: i};
  }
  if (auxiliary) {
    const token = tokensBefore[auxiliary.index]!;
    return {modality: auxiliary.modality, cue: token.raw, cueLemma: token.norm, cueSpan: [token.start, token.end], hedges: hedges.reverse()};
  }
  return {modality: "fact", cue: null, cueLemma: null, cueSpan: null, hedges: hedges.reverse()};
}

/**
 * The lemma of a modality cue as printed, so that "vowing" and "vowed" compare equal.
 * @example modalityCueLemma("vowing") // "vow"
 */
export function modalityCueLemma(word: string): string {
  const norm = word.toLowerCase().replace(/’/g, "'");
  for (const cue of CONTENT_CUES) if (cue.re.test(norm)) return cue.lemma;
  return norm;
}
