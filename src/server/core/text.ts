import { readFileSync } from "node:fs";
import type { MultilingualText } from "#shared/languages.ts";

/**
 * Text as search and matching see it, the same for all six languages: Unicode-normalised,
 * case-folded, without diacritics or Arabic vowel marks, Chinese cut into words.
 */

const ARABIC_MARKS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g; // tashkeel, Quranic marks, tatweel
const COMBINING = /[\u0300-\u036f]/g;

const ASCII = /^[ -~\t\n\r]*$/;

export function normalizeText(text: string): string {
  // Most of the registry is English: plain ASCII has no marks, variants or curly apostrophes to fold.
  if (ASCII.test(text)) return text.toLowerCase().replace(/`/g, "'");
  return (
    text
      .normalize("NFKC")
      .replace(ARABIC_MARKS, "")
      .replace(/[أإآٱ]/g, "ا")
      .replace(/ى/g, "ي")
      .replace(/ة/g, "ه")
      .replace(/[ؤ]/g, "و")
      .replace(/[ئ]/g, "ي")
      .toLowerCase()
      .normalize("NFD")
      .replace(COMBINING, "")
      .normalize("NFC")
      .replace(/ё/g, "е")
      // One apostrophe: "d’urgence" and "d'urgence" are the same word.
      .replace(/[’‘ʼ`´]/g, "'")
  );
}

const DOMAIN_TERMS_FILE = new URL("../../../data/terms/zh-domain.txt", import.meta.url);
let domainTerms: { terms: Set<string>; longest: number } | null = null;

function chineseTerms() {
  if (!domainTerms) {
    const terms = readFileSync(DOMAIN_TERMS_FILE, "utf8")
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith("#"));
    domainTerms = { terms: new Set(terms), longest: Math.max(...terms.map((t) => t.length)) };
  }
  return domainTerms;
}

export const HAN = /\p{Script=Han}/u;
const segmenter = new Intl.Segmenter("zh", { granularity: "word" });

/**
 * Words of a text, normalised, each with the ICU segments it was joined from. ICU cuts Chinese by
 * its dictionary; runs of Han segments that together form one of the Union's terms are joined
 * again, longest match first.
 */
/**
 * Words as ICU cuts them in alphabetic scripts (letters and digits; an apostrophe or a full stop
 * inside a word of letters, a full stop or a comma inside a number), five times faster than the
 * segmenter. Text in any script without spaces between words still goes to ICU.
 */
const ALPHABETIC_WORD =
  /[\p{L}\p{M}\p{N}]+(?:(?:(?<=\p{L}\p{M}*)['’.:·](?=\p{L})|(?<=\p{N})['’.,;](?=\p{N}))[\p{L}\p{M}\p{N}]+)*/gu;
const NEEDS_ICU =
  /[^\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Arabic}\p{Script=Greek}\p{Script=Common}\p{Script=Inherited}]/u;

export function icuWords(text: string): string[] {
  return [...segmenter.segment(normalizeText(text))].filter((s) => s.isWordLike).map((s) => s.segment);
}

function segmentWords(text: string): { word: string; pieces: string[] }[] {
  const normalized = normalizeText(text);
  if (!NEEDS_ICU.test(normalized))
    return [...normalized.matchAll(ALPHABETIC_WORD)].map((m) => ({ word: m[0], pieces: [] }));
  const segments = [...segmenter.segment(normalized)].filter((s) => s.isWordLike).map((s) => s.segment);
  const { terms, longest } = chineseTerms();
  const result: { word: string; pieces: string[] }[] = [];
  for (let i = 0; i < segments.length; i++) {
    let joined: string | null = null;
    let end = i;
    if (HAN.test(segments[i]!)) {
      let candidate = "";
      for (let j = i; j < segments.length && HAN.test(segments[j]!); j++) {
        candidate += segments[j];
        if (candidate.length > longest) break;
        if (j > i && terms.has(candidate)) {
          joined = candidate;
          end = j;
        }
      }
    }
    result.push(
      joined
        ? { word: joined, pieces: piecesOf(segments.slice(i, end + 1), terms) }
        : { word: segments[i]!, pieces: [] },
    );
    i = end;
  }
  return result;
}

/**
 * The words inside a joined term: the Union's terms it contains (无障碍 in 无障碍获取), else ICU's
 * segments, two characters or more — so 障碍, never a word there, still finds nothing.
 */
function piecesOf(segments: string[], terms: Set<string>): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    let piece = segments[i]!;
    let end = i;
    let candidate = piece;
    for (let j = i + 1; j < segments.length; j++) {
      candidate += segments[j];
      const whole = i === 0 && j === segments.length - 1;
      if (!whole && terms.has(candidate)) {
        piece = candidate;
        end = j;
      }
    }
    if (piece.length >= 2) pieces.push(piece);
    i = end;
  }
  return pieces;
}

export function words(text: string): string[] {
  const normalized = normalizeText(text);
  // The common case, without ICU and without the pieces only joined Chinese terms have.
  if (!NEEDS_ICU.test(normalized)) return normalized.match(ALPHABETIC_WORD) ?? [];
  return segmentWords(text).map((w) => w.word);
}

/**
 * One searchable string for every language of a text: words separated, and bounded, by spaces. A
 * joined Chinese term is followed by its pieces, so 应急 finds 应急通信 as it would in English.
 */
export function searchText(...texts: (MultilingualText | null | undefined)[]): string {
  const all = texts.flatMap((text) =>
    Object.values(text ?? {}).flatMap((value) =>
      segmentWords(value ?? "").flatMap((w) => [w.word, ...w.pieces]),
    ),
  );
  return ` ${all.join(" ")} `;
}
