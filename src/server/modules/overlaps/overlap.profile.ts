import { LANGUAGES, type Language, type MultilingualText } from "#shared/languages.ts";
import { HAN, words } from "../../core/text.ts";
import { stem, type Terminology } from "./overlap.terminology.ts";

/** What the detector needs to know of an activity, whatever it was read from (database, file). */
export interface OverlapSubject {
  /** `UNIT:ref`, as the scan prints it. */
  key: string;
  unitCode: string;
  /** The unit's name: a regional office's name says which region it serves. */
  unitName: MultilingualText;
  type: string;
  status: string;
  start: string;
  end: string | null;
  title: MultilingualText;
  description: MultilingualText | null;
  areaSlugs: readonly string[];
  sdgTargets: readonly string[];
}

/** An activity reduced to evidence that can be compared across units and languages. */
export interface OverlapProfile {
  subject: OverlapSubject;
  /** Concept ids of the Union's terminology, language-independent, with weights (title words count twice). */
  concepts: Map<string, number>;
  /** Stems of the remaining words, `lang:stem`, boilerplate removed: evidence within one language. */
  terms: Map<string, number>;
  /** Codes and names written the same in every language: COP22, Q5/2, H.873, 5G. */
  codes: Set<string>;
  /** The regions the activity serves: named in its text or holding a country it names, else its unit's; empty when global. */
  regions: Set<string>;
  /** The countries its text names: two activities each for their own countries serve different audiences. */
  countries: Set<string>;
  /** The kinds of deliverable it names (workshop, Recommendation, training course, web page…). */
  deliverables: Set<string>;
  /** The families of those deliverables (events, training, publications…). */
  deliverableFamilies: Set<string>;
  /** The audiences it names (women, regulators, persons with disabilities…). */
  audiences: Set<string>;
  /** The concepts (`c:` keys) and words of the title alone: what the activity says it is. */
  titleKeys: Set<string>;
  languages: Set<Language>;
}

const TITLE_WEIGHT = 2;
// Years and small numbers are dates and counts, not shared identifiers.
const NOT_A_CODE = /^(1[89]\d\d|20\d\d|\d{1,2})$/;
// A code starts where a run of letters and digits starts (a match could start nowhere else: the run
// from its first letter holds the same digit); saying so spares the engine a retry at every letter.
const CODE = /(?<![\p{L}\p{N}])[\p{L}\p{N}]*\p{N}[\p{L}\p{N}.\-/]*|\b[A-Z][A-Z&-]{1,8}\b/gu;

function codesOf(text: string, terminology: Terminology): string[] {
  return [...text.matchAll(CODE)]
    .map((m) => m[0].toLowerCase().replace(/[.\-/]+$/, ""))
    .filter((code) => code.length >= 2 && !NOT_A_CODE.test(code) && !HAN.test(code))
    .filter((code) => !terminology.isBoilerplate("en", code));
}

/**
 * Each word's term key (`lang:stem`), or null for a word that is no evidence (boilerplate, a number,
 * a stub), found once per terminology and process: a corpus repeats its words, and a scan profiles
 * 100,000 activities. A cache past its bound is emptied rather than managed.
 */
const termKeyCache = new WeakMap<Terminology, Map<Language, Map<string, string | null>>>();
const CACHED_WORDS = 500_000;

function termKeys(terminology: Terminology, lang: Language): Map<string, string | null> {
  let byLanguage = termKeyCache.get(terminology);
  if (!byLanguage) termKeyCache.set(terminology, (byLanguage = new Map()));
  let keys = byLanguage.get(lang);
  if (!keys) byLanguage.set(lang, (keys = new Map()));
  return keys;
}

function add<K>(map: Map<K, number>, key: K, weight: number) {
  map.set(key, (map.get(key) ?? 0) + weight);
}

export function profileOf(subject: OverlapSubject, terminology: Terminology): OverlapProfile {
  const concepts = new Map<string, number>();
  const terms = new Map<string, number>();
  const codes = new Set<string>();
  const languages = new Set<Language>();
  const titleKeys = new Set<string>();
  const texts: [MultilingualText | null, number][] = [
    [subject.title, TITLE_WEIGHT],
    [subject.description, 1],
  ];
  for (const [text, weight] of texts) {
    for (const lang of LANGUAGES) {
      const value = text?.[lang];
      if (!value) continue;
      languages.add(lang);
      const inTitle = text === subject.title;
      const valueWords = words(value);
      for (const [concept, n] of terminology.concepts(lang, value, valueWords)) {
        add(concepts, concept, n * weight);
        if (inTitle) titleKeys.add(`c:${concept}`);
      }
      const keys = termKeys(terminology, lang);
      for (const word of valueWords) {
        let key = keys.get(word);
        if (key === undefined) {
          const stemmed = stem(lang, word);
          key =
            stemmed.length < 2 || /^\d+$/.test(stemmed) || terminology.isBoilerplate(lang, stemmed)
              ? null
              : `${lang}:${stemmed}`;
          if (keys.size > CACHED_WORDS) keys.clear();
          keys.set(word, key);
        }
        if (key === null) continue;
        add(terms, key, weight);
        if (inTitle) titleKeys.add(key);
      }
      for (const code of codesOf(value, terminology)) codes.add(code);
    }
  }
  const ofKind = (kind: string) =>
    new Set([...concepts.keys()].filter((c) => terminology.kindOf(c) === kind));
  const countries = ofKind("country");
  const regions = ofKind("region");
  // A country and a subregion serve the regions they lie in as well (sub-Saharan Africa is in Africa).
  for (const place of [...countries, ...regions])
    for (const region of terminology.broaderOf(place)) regions.add(region);
  if (regions.size === 0) {
    for (const lang of LANGUAGES) {
      const name = subject.unitName[lang];
      if (!name) continue;
      for (const concept of terminology.concepts(lang, name).keys())
        if (terminology.kindOf(concept) === "region") regions.add(concept);
      break;
    }
  }
  const deliverables = ofKind("deliverable");
  const deliverableFamilies = new Set([...deliverables].map((c) => terminology.broaderOf(c)[0] ?? c));
  const audiences = ofKind("audience");
  return {
    subject,
    concepts,
    terms,
    codes,
    regions,
    countries,
    deliverables,
    deliverableFamilies,
    audiences,
    titleKeys,
    languages,
  };
}
