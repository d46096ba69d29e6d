import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { LANGUAGES } from "#shared/languages.ts";

type Messages = { [key: string]: string | Messages };

function load(lang: string): Messages {
  return JSON.parse(readFileSync(new URL(`./${lang}.json`, import.meta.url), "utf8")) as Messages;
}

function flatten(messages: Messages, prefix = ""): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value === "string") entries.set(`${prefix}${key}`, value);
    else for (const [inner, text] of flatten(value, `${prefix}${key}.`)) entries.set(inner, text);
  }
  return entries;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe("interface messages", () => {
  const english = flatten(load("en"));

  it.each(LANGUAGES)("%s has exactly the English keys, none empty, with the same placeholders", (lang) => {
    const messages = flatten(load(lang));
    expect([...messages.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of messages) {
      expect(text.trim(), `${lang}: ${key} is empty`).not.toBe("");
      expect(placeholders(text), `${lang}: ${key} placeholders`).toEqual(
        placeholders(english.get(key) ?? ""),
      );
    }
  });

  it("translates every language rather than copying English", () => {
    for (const lang of LANGUAGES.filter((l) => l !== "en")) {
      const messages = flatten(load(lang));
      const copied = [...messages].filter(([key, text]) => text === english.get(key) && text.length > 12);
      expect(
        copied.map(([key]) => key),
        `${lang} copies English`,
      ).toEqual([]);
    }
  });
});
