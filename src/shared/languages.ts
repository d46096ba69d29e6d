import { z } from "zod";

/** The six official languages, in the order the Union lists them. */
export const LANGUAGES = ["ar", "zh", "en", "fr", "ru", "es"] as const;
export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

export const DEFAULT_LANGUAGE: Language = "en";

/** Languages written right to left: the whole page mirrors. */
export const RTL_LANGUAGES: readonly Language[] = ["ar"];

/** Each language's name in itself, as the language switcher shows it. */
export const LANGUAGE_AUTONYMS: Record<Language, string> = {
  ar: "العربية",
  zh: "中文",
  en: "English",
  fr: "Français",
  ru: "Русский",
  es: "Español",
};

/** A text held in one or more of the six languages; empty strings are refused, not stored. */
export const MultilingualText = z
  .partialRecord(Language, z.string().trim().min(1).max(2000))
  .refine((text) => Object.keys(text).length > 0, { message: "at least one language is required" });
export type MultilingualText = Partial<Record<Language, string>>;

/**
 * What a reader sees of a multilingual text: the text in the asked language when present,
 * otherwise the original, marked as such with its language — never an empty field.
 */
export interface LocalizedText {
  text: string;
  lang: Language;
  isOriginal: boolean;
  fallback: boolean;
}

export function localize(text: MultilingualText, originalLang: Language, wanted: Language): LocalizedText {
  const own = text[wanted];
  if (own !== undefined)
    return { text: own, lang: wanted, isOriginal: wanted === originalLang, fallback: false };
  const original = text[originalLang] ?? Object.values(text)[0] ?? "";
  const lang =
    text[originalLang] !== undefined ? originalLang : ((Object.keys(text)[0] as Language) ?? originalLang);
  return { text: original, lang, isOriginal: true, fallback: true };
}

/**
 * The language a text was written in: the one the record names (which must then be filled), else
 * the first filled in the six languages' order (ar, zh, en, fr, ru, es). Null when none fits.
 */
export function originalLanguageOf(text: MultilingualText, stated?: Language): Language | null {
  if (stated) return text[stated] !== undefined ? stated : null;
  return LANGUAGES.find((lang) => text[lang] !== undefined) ?? null;
}

export function missingLanguages(text: MultilingualText): Language[] {
  return LANGUAGES.filter((lang) => text[lang] === undefined);
}

/** Picks the best of the six languages from an Accept-Language header. */
export function negotiateLanguage(header: string | undefined): Language | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const primary = tag.split("-")[0];
    const found = LANGUAGES.find((lang) => lang === primary);
    if (found) return found;
  }
  return null;
}
