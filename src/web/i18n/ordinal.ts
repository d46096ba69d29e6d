import type { Language } from "#shared/languages.ts";

/** Arabic ordinals agreeing with a masculine noun (اجتماع), from the first to the ninety-ninth. */
const ARABIC_UNITS = [
  "",
  "الأول",
  "الثاني",
  "الثالث",
  "الرابع",
  "الخامس",
  "السادس",
  "السابع",
  "الثامن",
  "التاسع",
  "العاشر",
];
const ARABIC_TENS = [
  "",
  "",
  "العشرون",
  "الثلاثون",
  "الأربعون",
  "الخمسون",
  "الستون",
  "السبعون",
  "الثمانون",
  "التسعون",
];

function arabicOrdinal(n: number, digits: string): string {
  if (n >= 1 && n <= 10) return ARABIC_UNITS[n]!;
  // In compounds "first" is الحادي: الحادي عشر, الحادي والعشرون.
  const unit = (u: number) => (u === 1 ? "الحادي" : ARABIC_UNITS[u]!);
  if (n > 10 && n < 20) return `${unit(n - 10)} عشر`;
  if (n >= 20 && n < 100) {
    const tens = ARABIC_TENS[Math.floor(n / 10)]!;
    return n % 10 === 0 ? tens : `${unit(n % 10)} و${tens}`;
  }
  return `رقم ${digits}`;
}

const ENGLISH_SUFFIXES: Record<string, string> = { one: "st", two: "nd", few: "rd", other: "th" };
let englishRules: Intl.PluralRules | null = null;

/**
 * The ordinal of a meeting in its series, as each language writes it before (or around) the word
 * for "meeting", which is feminine in French and Spanish (réunion, reunión), neuter in Russian
 * (заседание) and masculine in Arabic (اجتماع): 16th · 16e (1re) · 16.ª · 16-е · 第16次 · السادس عشر.
 */
export function meetingOrdinal(lang: Language | string, n: number): string {
  switch (lang) {
    case "en": {
      englishRules ??= new Intl.PluralRules("en", { type: "ordinal" });
      return `${n}${ENGLISH_SUFFIXES[englishRules.select(n)] ?? "th"}`;
    }
    case "fr":
      return n === 1 ? "1re" : `${n}e`;
    case "es":
      return `${n}.ª`;
    case "ru":
      return `${n}-е`;
    case "zh":
      return `第${n}次`;
    case "ar":
      return arabicOrdinal(n, new Intl.NumberFormat("ar").format(n));
    default:
      return String(n);
  }
}
