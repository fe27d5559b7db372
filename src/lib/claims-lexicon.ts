/**
 * Small closed word lists the claim reader needs: function words, plural lemmas, verb stems.
 * General English, nothing about any particular story.
 */
import {wordTable} from "./word-table.js";

/** Words that end the noun phrase after a figure (prepositions, determiners, conjunctions, verbs). */
export const PHRASE_STOP = new Set([
  "a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her", "our", "your", "my",
  "of", "to", "in", "on", "at", "by", "for", "from", "with", "into", "onto", "over", "under", "about",
  "as", "than", "through", "via", "per", "across", "after", "before", "during", "since", "until", "within",
  "without", "between", "among", "against", "toward", "towards", "including", "like", "and", "or", "but",
  "nor", "so", "yet", "if", "while", "when", "where", "which", "who", "whom", "whose", "what", "is", "are",
  "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "will", "would", "can",
  "could", "may", "might", "must", "shall", "should", "it", "they", "he", "she", "we", "you", "i", "them",
  "there", "here", "each", "every", "all", "both", "more", "less", "most", "least", "worldwide",
  "nationwide", "globally", "abroad", "overseas", "annually", "alone", "apiece", "total", "combined",
  "respectively", "ago", "earlier", "later", "last", "next", "year", "month", "week", "day", "a year",
  "now", "then", "already", "still", "also", "only", "just", "even", "up", "down", "out", "off", "back",
  "away", "ahead", "again", "too", "very", "not", "no", "yes", "s", "upon", "amid", "despite", "beyond",
  "whether", "because", "although", "though", "once", "unless", "plus", "minus", "times", "inside",
  "outside", "near", "around", "along", "behind", "below", "above", "beneath", "besides", "versus", "vs",
  "said", "says", "say", "told", "added", "according", "currently", "directly", "each", "compared",
]);

/** Sentence-initial words that are capitalised without being names. */
export const CAPITALISED_FUNCTION = new Set([
  "a", "an", "the", "in", "on", "at", "by", "for", "from", "with", "during", "after", "before", "but",
  "and", "or", "so", "yet", "if", "while", "when", "where", "as", "since", "although", "though", "already",
  "meanwhile", "however", "still", "also", "there", "this", "that", "these", "those", "it", "its", "he",
  "she", "they", "we", "i", "you", "his", "her", "their", "our", "my", "your", "what", "which", "who",
  "how", "why", "some", "many", "most", "all", "both", "each", "every", "no", "not", "one", "two", "three",
  "additionally", "instead", "now", "then", "today", "yesterday", "last", "next", "earlier", "later",
  "according", "under", "over", "about", "around", "despite", "amid", "among", "between", "through",
  "until", "unless", "because", "even", "only", "just", "more", "less", "such", "other", "another",
  "watch", "read", "related", "photo", "photos", "video", "videos", "caption", "advertisement", "correction", "on", "off", "like",
  // auxiliaries that open a question ("Is it mere chance that …"); not "Will" or "May", which are names
  "is", "are", "was", "were", "do", "does", "did", "can", "could", "would", "should", "has", "have", "had",
  "to",
]);

/** Role nouns that may sit inside a speaker's noun phrase ("company spokesman John Doe"). */
export const ROLE_NOUNS = new Set([
  "spokesman", "spokeswoman", "spokesperson", "founder", "co-founder", "chairman", "chairwoman", "chair",
  "president", "chief", "executive", "officer", "director", "minister", "secretary", "analyst",
  "analysts", "economist", "economists", "researcher", "professor", "official", "officials", "senator",
  "governor", "mayor", "leader", "head", "manager", "partner", "adviser", "advisor", "spokespeople",
  "representative", "ceo", "cfo", "coo", "cto", "editor", "reporter", "correspondent", "deputy",
  "vice", "general", "commissioner", "ambassador", "lawyer", "attorney", "company", "group", "firm",
  "strategist", "consultant", "fellow", "member", "chancellor", "premier", "prime", "boss", "owner",
  "investor", "expert", "scientist", "author", "associate", "senior", "former", "elect", "president-elect",
]);

/** Irregular plural → singular. Regular plurals are handled by rule in `lemmatize`. */
export const IRREGULAR_PLURALS = wordTable<string>({
  people: "person", persons: "person", men: "man", women: "woman", children: "child", feet: "foot",
  teeth: "tooth", mice: "mouse", geese: "goose", lives: "life", wives: "wife", knives: "knife",
  leaves: "leaf", halves: "half", shelves: "shelf", wolves: "wolf", thieves: "thief", loaves: "loaf",
  data: "data", media: "media", criteria: "criterion", phenomena: "phenomenon", analyses: "analysis",
  crises: "crisis", theses: "thesis", diagnoses: "diagnosis", bases: "base", indices: "index",
  appendices: "appendix", cacti: "cactus", fungi: "fungus", alumni: "alumnus", oxen: "ox", dice: "die",
  series: "series", species: "species", news: "news", sheep: "sheep", fish: "fish", deer: "deer",
  aircraft: "aircraft", police: "police", staff: "staff", cattle: "cattle", goods: "goods",
  earnings: "earnings", proceeds: "proceeds", savings: "savings", means: "means", headquarters: "headquarters",
  graduates: "graduate", houses: "house", businesses: "business", buses: "bus", gases: "gas",
  viruses: "virus", bonuses: "bonus", campuses: "campus", censuses: "census", statuses: "status",
  processes: "process", expenses: "expense", licenses: "license", responses: "response", courses: "course",
  purchases: "purchase", releases: "release", cases: "case", increases: "increase", decreases: "decrease",
  nurses: "nurse", horses: "horse", enterprises: "enterprise", premises: "premises", franchises: "franchise",
  exercises: "exercise", databases: "database", warehouses: "warehouse", clauses: "clause", phases: "phase",
  phrases: "phrase", vehicles: "vehicle", movies: "movie", cookies: "cookie", employees: "employee",
  trustees: "trustee", refugees: "refugee", retirees: "retiree", committees: "committee", fees: "fee",
  tonnes: "tonne", tons: "ton", sales: "sale", taxes: "tax", boxes: "box", axes: "axis",
});

/**
 * Units of measurement a figure may count, each spelling (singular, plural, abbreviation) → the
 * unit's one name, so "2,700 km" and "2,700 kilometres" are the same measure. A unit ends what the
 * figure counts: "2,000 kilometers east" counts kilometers, not "east". Spellings that are also
 * common words ("in", "m", "t", "g", "pound") are left out.
 */
const UNITS = wordTable<string>({
  km: "kilometer", kms: "kilometer", kilometer: "kilometer", kilometers: "kilometer", kilometre: "kilometer", kilometres: "kilometer",
  metre: "meter", metres: "meter", meter: "meter", meters: "meter",
  cm: "centimeter", centimeter: "centimeter", centimeters: "centimeter", centimetre: "centimeter", centimetres: "centimeter",
  mm: "millimeter", millimeter: "millimeter", millimeters: "millimeter", millimetre: "millimeter", millimetres: "millimeter",
  mile: "mile", miles: "mile", mi: "mile", foot: "foot", feet: "foot", ft: "foot", inches: "inch", inch: "inch",
  yard: "yard", yards: "yard", yd: "yard", yds: "yard",
  kg: "kilogram", kgs: "kilogram", kilogram: "kilogram", kilograms: "kilogram", kilogramme: "kilogram", kilogrammes: "kilogram", kilo: "kilogram", kilos: "kilogram",
  gram: "gram", grams: "gram", gramme: "gram", grammes: "gram", lb: "pound", lbs: "pound", oz: "ounce", ounce: "ounce", ounces: "ounce",
  ton: "ton", tons: "ton", tonne: "tonne", tonnes: "tonne",
  kiloton: "kiloton", kilotons: "kiloton", kilotonne: "kiloton", kilotonnes: "kiloton", megaton: "megaton", megatons: "megaton", megatonne: "megaton", megatonnes: "megaton",
  litre: "liter", litres: "liter", liter: "liter", liters: "liter", gallon: "gallon", gallons: "gallon", barrel: "barrel", barrels: "barrel",
  acre: "acre", acres: "acre", hectare: "hectare", hectares: "hectare",
  mph: "mph", kph: "kph", knot: "knot", knots: "knot",
  watt: "watt", watts: "watt", kilowatt: "kilowatt", kilowatts: "kilowatt", kw: "kilowatt", megawatt: "megawatt", megawatts: "megawatt", mw: "megawatt",
  gigawatt: "gigawatt", gigawatts: "gigawatt", gw: "gigawatt", kwh: "kilowatt-hour", mwh: "megawatt-hour", gwh: "gigawatt-hour",
  degree: "degree", degrees: "degree", calorie: "calorie", calories: "calorie",
});

/**
 * The unit of measurement a word names, or null.
 * @example unitOfMeasure("kilometres") // "kilometer"
 * @example unitOfMeasure("km") // "kilometer"
 */
export function unitOfMeasure(word: string): string | null {
  return UNITS[word.toLowerCase().replace(/\.$/, "")] ?? null;
}

/**
 * Lemma of an English noun: lower case, singular.
 * @example lemmatize("Businesses") // "business"
 * @example lemmatize("companies") // "company"
 */
export function lemmatize(word: string): string {
  const w = word.toLowerCase().replace(/’/g, "'").replace(/'s$/, "").replace(/\./g, "");
  if (IRREGULAR_PLURALS[w] !== undefined) return IRREGULAR_PLURALS[w]!;
  if (w.length <= 3) return w;
  if (/[^aeiou]ies$/.test(w)) return w.slice(0, -3) + "y";
  if (/(?:ss|us|is|ous|ics)$/.test(w)) return w;
  if (/(?:ches|shes|xes|zes|sses)$/.test(w)) return w.slice(0, -2);
  if (/oes$/.test(w)) return w.slice(0, -2);
  if (/s$/.test(w)) return w.slice(0, -1);
  return w;
}

const VERB_LEMMAS = new Set([
  "create", "bring", "add", "cut", "impose", "implement", "raise", "spend", "invest", "sell", "support",
  "hire", "lose", "pay", "offer", "reach", "serve", "employ", "help", "make", "generate", "produce",
  "build", "open", "close", "save", "earn", "borrow", "lend", "fund", "donate", "give", "take", "buy",
  "acquire", "sign", "export", "import", "ship", "deliver", "lay", "fire", "shed", "eliminate", "slash",
  "boost", "increase", "decrease", "reduce", "grow", "rise", "fall", "drop", "climb", "jump", "gain",
  "kill", "injure", "evacuate", "displace", "affect", "infect", "vaccinate", "test", "treat", "arrest",
  "charge", "fine", "sentence", "levy", "tax", "plan", "promise", "pledge", "vow", "expect", "aim",
  "target", "forecast", "predict", "estimate", "project", "attract", "enable", "connect", "onboard",
  "recruit", "train", "welcome", "host", "visit", "cost", "value", "price", "sit", "have", "own",
  "operate", "manage", "handle", "process", "post", "report", "record", "announce", "unveil", "approve",
  "allocate", "set", "put", "win", "receive", "collect", "owe", "secure", "provide", "contribute",
]);

/** Whether `lemma` is one of the verbs that commonly govern a figure. */
export function isKnownVerb(lemma: string): boolean {
  return VERB_LEMMAS.has(lemma);
}

/** Irregular past forms of verbs that govern figures, and their base forms. */
const IRREGULAR_VERBS = wordTable<string>({
  brought: "bring", made: "make", spent: "spend", sold: "sell", lost: "lose", paid: "pay", gave: "give",
  given: "give", took: "take", taken: "take", bought: "buy", built: "build", won: "win", grew: "grow",
  grown: "grow", rose: "rise", risen: "rise", fell: "fall", fallen: "fall", laid: "lay", set: "set",
  put: "put", cut: "cut", shed: "shed", had: "have", has: "have", led: "lead", sent: "send", kept: "keep",
  said: "say", told: "tell", vowed: "vow", threw: "throw", drew: "draw", saw: "see", seen: "see",
  thought: "think", felt: "feel", knew: "know", known: "know", held: "hold", died: "die",
});

/**
 * Words after a figure that say what happened to people rather than name a thing: "12 killed",
 * "12 dead", "30 injured". They are the measure as printed (never pluralised); `data/measures.yaml`
 * puts them beside "deaths" and "injuries".
 */
export const CASUALTY_WORDS = new Set(["killed", "dead", "injured", "wounded", "hurt", "missing", "died", "drowned", "arrested", "detained", "evacuated", "displaced", "rescued", "infected", "hospitalized", "hospitalised"]);


/**
 * The base form of a verb whose "-ed" or "-ing" was cut off, by the spelling rules of English: a
 * doubled final consonant is single in the base form ("dragg" → "drag"), and a base form does not
 * end without an e in v, u, a consonant before c, iz, yz, rg, dg, a vowel pair before s, a
 * consonant before os, a consonant before ar, ir or ur, a consonant and one vowel before d, or a
 * consonant other than w, r or l before l ("deriv" → "derive", "argu" → "argue", "produc" →
 * "produce", "organiz" → "organize", "charg" → "charge", "releas" → "release", "propos" →
 * "propose", "declar" → "declare", "retir" → "retire", "measur" → "measure", "includ" → "include",
 * "handl" → "handle"). A verb such as "occur", "star" or "nod" doubles its last letter, and
 * "clear", "appear" or "raid" has a vowel pair before it.
 */
function restoreStem(stem: string): string {
  if (/([bcdghjkmnpqrtvwxy])\1$/.test(stem)) return stem.slice(0, -1);
  if (/(?:v|u|[^aeiouc]c|[iy]z|rg|dg|(?:ea|au|ai|oi|ou|ui)s|[^aeiou]os|[^aeiou][aiu]r|[^aeiou][aeiou]d|[^aeiouwrl]l)$/.test(stem)) return stem + "e";
  return stem;
}

/**
 * Base form of an English verb, by rule and a small list of verbs that govern figures.
 * @example verbLemma("creating") // "create"
 */
export function verbLemma(word: string): string {
  const w = word.toLowerCase();
  if (VERB_LEMMAS.has(w)) return w;
  if (IRREGULAR_VERBS[w]) return IRREGULAR_VERBS[w]!;
  const candidates: string[] = [];
  for (const [suffix, cut] of [["ing", 3], ["ed", 2], ["es", 2], ["s", 1]] as const) {
    if (w.endsWith(suffix) && w.length > cut + 2) {
      const stem = w.slice(0, -cut);
      candidates.push(stem, stem + "e");
      if (/([b-df-hj-np-tv-z])\1$/.test(stem)) candidates.push(stem.slice(0, -1));
      if (suffix === "es" || suffix === "ed") candidates.push(w.slice(0, -1));
      if (/ies$|ied$/.test(w)) candidates.push(w.slice(0, -3) + "y");
      for (const c of candidates) if (VERB_LEMMAS.has(c)) return c;
      if (/ies$|ied$/.test(w)) return w.slice(0, -3) + "y";
      return suffix === "ing" || suffix === "ed" ? restoreStem(stem) : stem;
    }
  }
  return w;
}
