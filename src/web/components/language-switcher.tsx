import { NativeSelect } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { LANGUAGE_AUTONYMS, LANGUAGES } from "#shared/languages.ts";
import { useChangeLanguage } from "../api/session.ts";
import { isLanguage } from "../i18n/i18n.ts";

/** Each language is offered under its own name, whatever the current interface language. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const changeLanguage = useChangeLanguage();
  return (
    <NativeSelect
      name="language"
      label={t("language.label")}
      size="xs"
      value={i18n.language}
      onChange={(event) => {
        const lang = event.currentTarget.value;
        if (isLanguage(lang)) void changeLanguage(lang);
      }}
      className="language-switcher"
    >
      {LANGUAGES.map((lang) => (
        <option key={lang} value={lang} lang={lang}>
          {LANGUAGE_AUTONYMS[lang]}
        </option>
      ))}
    </NativeSelect>
  );
}
