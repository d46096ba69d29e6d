import { Badge, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type Language, localize, type MultilingualText } from "#shared/languages.ts";
import { useFormat } from "../i18n/format.ts";
import { directionOf, isLanguage } from "../i18n/i18n.ts";

/**
 * A multilingual text in the reader's language; when that language is missing, the original,
 * marked with its language so it is never mistaken for a translation.
 */
export function LocalizedText({ text, original }: { text: MultilingualText; original: Language }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const wanted = isLanguage(i18n.language) ? i18n.language : "en";
  const shown = localize(text, original, wanted);
  if (!shown.fallback) return <span lang={shown.lang}>{shown.text}</span>;
  const label = t("multilingual.originalIn", { language: format.languageName(shown.lang) });
  return (
    <>
      <span lang={shown.lang} dir={directionOf(shown.lang)}>
        {shown.text}
      </span>{" "}
      <Badge
        component="abbr"
        title={label}
        size="xs"
        variant="outline"
        color="gray.8"
        className="original-badge"
        aria-hidden="true"
      >
        {shown.lang.toUpperCase()}
      </Badge>
      <VisuallyHidden>({label})</VisuallyHidden>
    </>
  );
}

/** Plain text of a multilingual value in the reader's language (for titles and options). */
export function useLocalize() {
  const { i18n } = useTranslation();
  const wanted = isLanguage(i18n.language) ? i18n.language : "en";
  return (text: MultilingualText, original: Language) => localize(text, original, wanted).text;
}
