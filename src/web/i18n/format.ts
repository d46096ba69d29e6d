import { useTranslation } from "react-i18next";
import type { Language } from "#shared/languages.ts";

type Formatter = Intl.DateTimeFormat | Intl.NumberFormat | Intl.DisplayNames | Intl.ListFormat;

const cache = new Map<string, Formatter>();

function cached<T extends Formatter>(key: string, make: () => T): T {
  let format = cache.get(key) as T | undefined;
  if (!format) {
    format = make();
    cache.set(key, format);
  }
  return format;
}

/** A calendar day `YYYY-MM-DD`, written the reader's way (the day itself has no time zone). */
export function formatDay(lang: string, day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return cached(
    `d:${lang}`,
    () => new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeZone: "UTC" }),
  ).format(date);
}

/** A moment (ISO timestamp), in the reader's time zone. */
export function formatMoment(lang: string, timestamp: string): string {
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return timestamp;
  return cached(
    `m:${lang}`,
    () => new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "short" }),
  ).format(date);
}

export function formatNumber(lang: string, value: number): string {
  return cached(`n:${lang}`, () => new Intl.NumberFormat(lang)).format(value);
}

/** A share (0.87) as a percentage the reader's way ("87 %" in French). */
export function formatPercent(lang: string, share: number): string {
  return cached(`p:${lang}`, () => new Intl.NumberFormat(lang, { style: "percent" })).format(share);
}

/** Items joined the reader's way ("a, b and c", "a, b et c", "a، b وc"). */
export function formatList(lang: string, items: readonly string[]): string {
  return cached(`j:${lang}`, () => new Intl.ListFormat(lang, { style: "long", type: "conjunction" })).format(
    items,
  );
}

/** A language's name in the reader's language ("anglais" for a French reader). */
export function languageName(uiLang: string, lang: Language): string {
  return cached(`l:${uiLang}`, () => new Intl.DisplayNames(uiLang, { type: "language" })).of(lang) ?? lang;
}

/** Today in the reader's calendar, as `YYYY-MM-DD` (what `<input type="date">` holds). */
export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Formatters bound to the current interface language. */
export function useFormat() {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return {
    lang,
    day: (day: string) => formatDay(lang, day),
    moment: (timestamp: string) => formatMoment(lang, timestamp),
    number: (value: number) => formatNumber(lang, value),
    percent: (share: number) => formatPercent(lang, share),
    list: (items: readonly string[]) => formatList(lang, items),
    languageName: (code: Language) => languageName(lang, code),
  };
}
