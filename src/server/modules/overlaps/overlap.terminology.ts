import { existsSync, readFileSync } from "node:fs";
import snowball from "snowball-stemmers";
import { LANGUAGES, type Language } from "#shared/languages.ts";
import { HAN, normalizeText, words } from "../../core/text.ts";

/**
 * The Union's terminology as the detector reads it (data/terms/concepts.tsv and boilerplate.tsv):
 * every surface form of a concept, in any of the six languages, found in a text and reduced to the
 * concept's language-independent id; and the words too common in the Union's writing to count as
 * evidence of anything.
 */

const TERMS_FOLDER = new URL("../../../../data/terms/", import.meta.url);

const SNOWBALL: Record<Exclude<Language, "zh">, string> = {
  ar: "arabic",
  en: "english",
  fr: "french",
  ru: "russian",
  es: "spanish",
};

/** French elides articles and prepositions into the next word: l'Afrique, d'urgence, qu'elle. */
const ELISION = /^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)'(?=\p{L})/u;

/**
 * Arabic writes the article, and a conjunction or preposition before it, onto the word: الدول,
 * للدول, والدول and بالدول are all "the States". Snowball leaves وال… whole, and a stem too short to
 * trust falls back to the word, so the article is taken off first.
 */
const ARABIC_ARTICLE = /^(?:وال|بال|كال|فال|لل|ال)(?=\p{L}{2})/u;

/** The word a stem is cut from: French elision and the Arabic article removed. */
function bare(lang: Language, word: string): string {
  if (lang === "fr") return word.replace(ELISION, "");
  if (lang === "ar") return word.replace(ARABIC_ARTICLE, "");
  return word;
}

/**
 * The same words recur across a corpus: each word is stemmed (and its match key found) once per
 * process, which makes a 100,000-activity scan affordable. A cache that grows past its bound is
 * emptied rather than managed: the words that recur come back at once.
 */
interface Stemming {
  snowball: { stem(word: string): string };
  /** Words Snowball would merge with unrelated ones (data/terms/stem-exceptions.tsv), with the stem to use instead. */
  exceptions: Map<string, string>;
  stems: Map<string, string>;
  matchKeys: Map<string, string>;
}
const stemmings = new Map<Language, Stemming>();
const CACHED_WORDS = 500_000;

function stemming(lang: Exclude<Language, "zh">): Stemming {
  let found = stemmings.get(lang);
  if (!found) {
    found = {
      snowball: snowball.newStemmer(SNOWBALL[lang]),
      exceptions: stemExceptions().get(lang) ?? new Map(),
      stems: new Map(),
      matchKeys: new Map(),
    };
    stemmings.set(lang, found);
  }
  return found;
}

/**
 * Snowball removes derivational suffixes as well as endings, and so merges words of unrelated
 * meaning: "international" and "internal" become "intern" (an internship), "accessibility" becomes
 * "access", "mobilization" (of resources) becomes "mobil" (of mobile networks), "universal" (service)
 * becomes "univers" (of universities). The stemmer's own algorithms keep such lists of exceptional
 * forms; ours, for the Union's vocabulary, is data/terms/stem-exceptions.tsv.
 */
let exceptionsByLanguage: Map<Language, Map<string, string>> | null = null;

function stemExceptions(): Map<Language, Map<string, string>> {
  if (!exceptionsByLanguage) {
    exceptionsByLanguage = new Map();
    const file = new URL("stem-exceptions.tsv", TERMS_FOLDER);
    const rows = existsSync(file) ? readFileSync(file, "utf8").split("\n").slice(1) : [];
    for (const row of rows) {
      const [lang, word, stemmed] = row.split("\t").map((cell) => cell.trim());
      if (!lang || !word || !stemmed || !(LANGUAGES as readonly string[]).includes(lang)) continue;
      let forLanguage = exceptionsByLanguage.get(lang as Language);
      if (!forLanguage) exceptionsByLanguage.set(lang as Language, (forLanguage = new Map()));
      forLanguage.set(normalizeText(word), stemmed);
    }
  }
  return exceptionsByLanguage;
}

/** A word reduced to its stem (Snowball), so "workshops" and "workshop", "электросвязи" and "электросвязь" meet. */
export function stem(lang: Language, word: string): string {
  if (lang === "zh") return word;
  const { snowball: stemmer, exceptions, stems: known } = stemming(lang);
  let stemmed = known.get(word);
  if (stemmed === undefined) {
    stemmed = HAN.test(word) ? word : (exceptions.get(word) ?? stemmer.stem(bare(lang, word)));
    if (known.size > CACHED_WORDS) known.clear();
    known.set(word, stemmed);
  }
  return stemmed;
}

/** Stems of a text's words in its language, Chinese words left whole. */
export function stems(lang: Language, text: string): string[] {
  return words(text).map((w) => stem(lang, w));
}

/**
 * What a word is matched on against the terminology: its stem, unless stemming cut it to a stub
 * that many unrelated words share ("ageing" → "age"), in which case the word itself.
 */
function matchKey(lang: Language, word: string): string {
  if (lang === "zh") return word;
  const known = stemming(lang).matchKeys;
  let key = known.get(word);
  if (key === undefined) {
    const s = stem(lang, word);
    key = s === word || s.length >= (lang === "ar" ? 4 : 5) ? s : bare(lang, word);
    if (known.size > CACHED_WORDS) known.clear();
    known.set(word, key);
  }
  return key;
}

function matchKeys(lang: Language, text: string | readonly string[]): string[] {
  return (typeof text === "string" ? words(text) : text).map((w) => matchKey(lang, w));
}

const wordSegmenter = new Intl.Segmenter("zh", { granularity: "word" });

/** The words of a text as written, with their offsets: what passages are cut from. */
function segmentsOf(text: string) {
  return [...wordSegmenter.segment(text)]
    .filter((s) => s.isWordLike)
    .map((s) => ({ word: normalizeText(s.segment), start: s.index, end: s.index + s.segment.length }));
}

/** Overlapping or touching ranges merged, in order. */
function merged(ranges: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const [start, end] of ranges.sort((x, y) => x[0] - y[0])) {
    const last = out.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  concept?: string;
}

const trie = (): TrieNode => ({ next: new Map() });

function insert(root: TrieNode, path: readonly string[], concept: string) {
  let node = root;
  for (const step of path) {
    let child = node.next.get(step);
    if (!child) {
      child = trie();
      node.next.set(step, child);
    }
    node = child;
  }
  node.concept ??= concept;
}

/** Longest match at each position, left to right; what a match covers is not matched again. */
function longestMatches(
  root: TrieNode,
  path: readonly string[],
): { concept: string; from: number; to: number }[] {
  const found: { concept: string; from: number; to: number }[] = [];
  for (let i = 0; i < path.length; i++) {
    let node: TrieNode | undefined = root;
    let best: { concept: string; to: number } | null = null;
    for (let j = i; j < path.length && node; j++) {
      node = node.next.get(path[j]!);
      if (node?.concept) best = { concept: node.concept, to: j };
    }
    if (best) {
      found.push({ concept: best.concept, from: i, to: best.to });
      i = best.to;
    }
  }
  return found;
}

export const CONCEPT_KINDS = ["theme", "deliverable", "region", "country", "audience", "body"] as const;
export type ConceptKind = (typeof CONCEPT_KINDS)[number];

export interface Terminology {
  /** Concept ids found in a text of the given language, with how often each occurs (its words, if already cut, spare a second cut). */
  concepts(lang: Language, text: string, textWords?: readonly string[]): Map<string, number>;
  /** Whether a stem (or a Chinese word) is boilerplate in that language. */
  isBoilerplate(lang: Language, stemmed: string): boolean;
  /** What a concept names: a region served, a kind of deliverable, an audience, a body, or a theme. */
  kindOf(concept: string): ConceptKind;
  /**
   * What a concept falls within (`concept-kinds.tsv`, column `broader`): the family of a kind of
   * deliverable (events, training, publications, tools…: a training course and a training are one
   * deliverable named twice, a report and a workshop two), the regions a country belongs to.
   */
  broaderOf(concept: string): readonly string[];
  /**
   * The passages of a text (character ranges) that carry the given concepts or word stems: what
   * the side-by-side view highlights.
   */
  passages(
    lang: Language,
    text: string,
    concepts: ReadonlySet<string>,
    stems: ReadonlySet<string>,
  ): [number, number][];
  size: number;
}

let loaded: Terminology | null = null;

export function terminology(): Terminology {
  loaded ??= loadTerminology(
    readFileSync(new URL("concepts.tsv", TERMS_FOLDER), "utf8"),
    existsSync(new URL("boilerplate.tsv", TERMS_FOLDER))
      ? readFileSync(new URL("boilerplate.tsv", TERMS_FOLDER), "utf8")
      : "lang\tword\n",
    readFileSync(new URL("concept-kinds.tsv", TERMS_FOLDER), "utf8"),
  );
  return loaded;
}

/** Latin capitals that Russian typing often replaces with the Cyrillic letter drawn alike. */
const CYRILLIC_LOOKALIKE: Record<string, string> = {
  A: "А",
  B: "В",
  C: "С",
  E: "Е",
  H: "Н",
  K: "К",
  M: "М",
  O: "О",
  P: "Р",
  T: "Т",
  X: "Х",
};

/**
 * A Russian form and, where it holds Latin capitals, its spelling with their Cyrillic look-alikes:
 * Russian texts write the Standardization Sector "МСЭ-Т" with a Cyrillic Т as often as with a Latin
 * T, and the two never meet as words.
 */
function russianSpellings(form: string): string[] {
  const cyrillic = form.replace(/[ABCEHKMOPTX]/g, (letter) => CYRILLIC_LOOKALIKE[letter]!);
  return cyrillic === form ? [form] : [form, cyrillic];
}

export function loadTerminology(conceptsTsv: string, boilerplateTsv: string, kindsTsv: string): Terminology {
  const kinds = new Map<string, ConceptKind>();
  const broader = new Map<string, string[]>();
  for (const line of kindsTsv.split("\n").slice(1)) {
    const [id, kind, within] = line.split("\t").map((cell) => cell.trim());
    if (id && (CONCEPT_KINDS as readonly string[]).includes(kind ?? "")) kinds.set(id, kind as ConceptKind);
    if (id && within)
      broader.set(
        id,
        within.split("|").map((x) => x.trim()),
      );
  }
  const [header, ...rows] = conceptsTsv.split("\n").filter((line) => line.trim() !== "");
  const columns = header!.split("\t");
  // Chinese is matched character by character (no segmentation can disagree with itself then);
  // the other languages stem by stem.
  const roots = new Map<Language, TrieNode>(LANGUAGES.map((lang) => [lang, trie()]));
  for (const row of rows) {
    const cells = row.split("\t");
    const id = cells[0]!.trim();
    columns.forEach((column, i) => {
      if (!(LANGUAGES as readonly string[]).includes(column)) return;
      const lang = column as Language;
      for (const written of (cells[i] ?? "").split("|")) {
        if (written.trim() === "") continue;
        for (const form of lang === "ru" ? russianSpellings(written) : [written]) {
          const path = lang === "zh" ? [...normalizeText(form.trim())] : matchKeys(lang, form);
          if (path.length) insert(roots.get(lang)!, path, id);
        }
      }
    });
  }
  const boilerplate = new Map<Language, Set<string>>(LANGUAGES.map((lang) => [lang, new Set<string>()]));
  for (const line of boilerplateTsv.split("\n").slice(1)) {
    const [lang, phrase] = line.split("\t");
    if (!lang || !phrase || !(LANGUAGES as readonly string[]).includes(lang)) continue;
    const set = boilerplate.get(lang as Language)!;
    if (lang === "zh") set.add(normalizeText(phrase.trim()));
    for (const s of stems(lang as Language, phrase)) set.add(s);
  }
  return {
    size: rows.length,
    concepts(lang, text, textWords = words(text)) {
      const counts = new Map<string, number>();
      const add = (concept: string) => counts.set(concept, (counts.get(concept) ?? 0) + 1);
      // Latin codes and names (ITU-D, COP22, Connect 2030) occur in every language's text.
      const latin = roots.get("en")!;
      if (lang === "zh") {
        const normalized = normalizeText(text);
        for (const m of longestMatches(roots.get("zh")!, [...normalized])) add(m.concept);
        for (const m of longestMatches(
          latin,
          matchKeys(
            "en",
            textWords.filter((w) => !HAN.test(w)),
          ),
        ))
          add(m.concept);
      } else {
        const path = matchKeys(lang, textWords);
        const matches = longestMatches(roots.get(lang)!, path);
        for (const m of matches) add(m.concept);
        if (lang !== "en") {
          const covered = new Set(matches.flatMap((m) => range(m.from, m.to)));
          // Names written in English inside another language ("Greening the Blue", "AI for Good")
          // are matched as English words: a French stem of "greening" is not an English one.
          const rest = textWords.map((w, i) =>
            covered.has(i) || !/^[a-z0-9]/.test(w) ? "\u0000" : matchKey("en", w),
          );
          for (const m of longestMatches(latin, rest)) add(m.concept);
        }
      }
      return counts;
    },
    passages(lang, text, concepts, stemSet) {
      const ranges: [number, number][] = [];
      const latin = roots.get("en")!;
      const segments = segmentsOf(text);
      if (lang === "zh") {
        const chars: { key: string; start: number; end: number }[] = [];
        let offset = 0;
        for (const ch of text) {
          chars.push({ key: normalizeText(ch) || ch, start: offset, end: offset + ch.length });
          offset += ch.length;
        }
        for (const m of longestMatches(
          roots.get("zh")!,
          chars.map((c) => c.key),
        ))
          if (concepts.has(m.concept)) ranges.push([chars[m.from]!.start, chars[m.to]!.end]);
      }
      const keys = segments.map((s) => matchKey(lang, s.word));
      for (const root of lang === "zh" ? [latin] : [roots.get(lang)!, latin]) {
        for (const m of longestMatches(root, keys))
          if (concepts.has(m.concept)) ranges.push([segments[m.from]!.start, segments[m.to]!.end]);
      }
      for (const s of segments) if (stemSet.has(stem(lang, s.word))) ranges.push([s.start, s.end]);
      return merged(ranges);
    },
    broaderOf(concept) {
      return broader.get(concept) ?? [];
    },
    kindOf(concept) {
      return kinds.get(concept) ?? (concept.startsWith("region-") ? "region" : "theme");
    },
    isBoilerplate(lang, stemmed) {
      return boilerplate.get(lang)!.has(stemmed);
    },
  };
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => from + k);
