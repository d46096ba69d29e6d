import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import {
  DEFAULT_LANGUAGE,
  LANGUAGES,
  type Language,
  negotiateLanguage,
  RTL_LANGUAGES,
} from "#shared/languages.ts";
import { setRequestLanguage } from "../api/client.ts";

export type Messages = { [key: string]: string | Messages };

const STORAGE_KEY = "intersect.language";

/** Each language's messages load on demand: only the one in use is downloaded. */
const loaders: Record<Language, () => Promise<{ default: Messages }>> = {
  ar: () => import("./ar.json", { with: { type: "json" } }),
  zh: () => import("./zh.json", { with: { type: "json" } }),
  en: () => import("./en.json", { with: { type: "json" } }),
  fr: () => import("./fr.json", { with: { type: "json" } }),
  ru: () => import("./ru.json", { with: { type: "json" } }),
  es: () => import("./es.json", { with: { type: "json" } }),
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

export function directionOf(lang: Language): "rtl" | "ltr" {
  return RTL_LANGUAGES.includes(lang) ? "rtl" : "ltr";
}

/** The language the reader chose on this device, if any. */
export function storedLanguage(): Language | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

function browserLanguage(): Language | null {
  return negotiateLanguage(navigator.languages.join(","));
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : DEFAULT_LANGUAGE;
}

async function ensureLoaded(lang: Language) {
  if (i18next.hasResourceBundle(lang, "translation")) return;
  const messages = await loaders[lang]();
  i18next.addResourceBundle(lang, "translation", messages.default, true, true);
}

function applyToDocument(lang: Language) {
  document.documentElement.lang = lang;
  document.documentElement.dir = directionOf(lang);
  setRequestLanguage(lang);
}

/** Switches the interface language; `remember` keeps the choice on this device. */
export async function switchLanguage(lang: Language, { remember = true } = {}) {
  await ensureLoaded(lang);
  applyToDocument(lang);
  await i18next.changeLanguage(lang);
  if (remember) {
    try {
      localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      // Private browsing may refuse storage; the choice then lasts for this visit.
    }
  }
}

export async function initI18n(): Promise<void> {
  const lang = storedLanguage() ?? browserLanguage() ?? DEFAULT_LANGUAGE;
  const messages = await loaders[lang]();
  applyToDocument(lang);
  await i18next.use(initReactI18next).init({
    lng: lang,
    fallbackLng: false,
    resources: { [lang]: { translation: messages.default } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}
