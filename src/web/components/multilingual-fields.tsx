import { Fieldset, NativeSelect, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { LANGUAGES, type Language } from "#shared/languages.ts";
import { useFormat } from "../i18n/format.ts";
import { directionOf } from "../i18n/i18n.ts";

/**
 * A text in the six languages: a fieldset with a hint, the group's error (with an id the
 * inputs point at), the original language and one input a language, named `<field>.<lang>`
 * and required in the original language. Anything more (a description) follows as children.
 */
export function MultilingualTextFields({
  legend,
  hint,
  field,
  label,
  values,
  onChange,
  errors,
  originalLanguage,
  onOriginalLanguageChange,
  errorId,
  autoComplete,
  children,
}: {
  legend: ReactNode;
  hint: ReactNode;
  /** The field's name: the group's error is `errors[field]`, an input's `errors["<field>.<lang>"]`. */
  field: string;
  /** The label of the input in a language, given that language's name. */
  label: (languageName: string) => string;
  values: Record<Language, string>;
  onChange: (lang: Language, value: string) => void;
  errors: Record<string, string>;
  originalLanguage: Language;
  onOriginalLanguageChange: (lang: Language) => void;
  /** The id of the group's error, which every input's aria-describedby names while it shows. */
  errorId: string;
  autoComplete?: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const groupError = errors[field];
  return (
    <Fieldset legend={legend}>
      <Stack gap="sm">
        <Text size="sm">{hint}</Text>
        {groupError ? (
          <Text size="sm" c="red.9" id={errorId}>
            {groupError}
          </Text>
        ) : null}
        <NativeSelect
          label={t("field.originalLanguage")}
          name="originalLanguage"
          value={originalLanguage}
          onChange={(event) => onOriginalLanguageChange(event.currentTarget.value as Language)}
          error={errors.originalLanguage}
          data={LANGUAGES.map((lang) => ({ value: lang, label: format.languageName(lang) }))}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {LANGUAGES.map((lang) => (
            <TextInput
              key={lang}
              label={label(format.languageName(lang))}
              name={`${field}.${lang}`}
              lang={lang}
              dir={directionOf(lang)}
              value={values[lang]}
              onChange={(event) => onChange(lang, event.currentTarget.value)}
              error={errors[`${field}.${lang}`]}
              required={lang === originalLanguage}
              aria-describedby={groupError ? errorId : undefined}
              autoComplete={autoComplete}
            />
          ))}
        </SimpleGrid>
        {children}
      </Stack>
    </Fieldset>
  );
}
