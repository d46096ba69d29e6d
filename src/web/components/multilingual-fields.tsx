import { Fieldset, NativeSelect, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
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
        <LanguageInputs
          field={field}
          label={label}
          values={values}
          onChange={onChange}
          errors={errors}
          requiredLanguage={originalLanguage}
          describedBy={groupError ? errorId : undefined}
          autoComplete={autoComplete}
        />
        {children}
      </Stack>
    </Fieldset>
  );
}

/**
 * One input a language for a text in the six languages, named `<field>.<lang>`, each written in its
 * own language and direction, with the server's error for it. For texts that follow the original
 * language chosen elsewhere in the form (a body's terms of reference, its categories' names).
 */
export function LanguageInputs({
  field,
  label,
  values,
  onChange,
  errors,
  requiredLanguage,
  describedBy,
  autoComplete,
  multiline = false,
}: {
  field: string;
  /** The label of the input in a language, given that language's name. */
  label: (languageName: string) => string;
  values: Record<Language, string>;
  onChange: (lang: Language, value: string) => void;
  errors: Record<string, string>;
  /** The language that must be filled, marked required; none when any one will do. */
  requiredLanguage?: Language;
  /** The id of an error for the whole text, which every input names while it shows. */
  describedBy?: string;
  autoComplete?: string;
  /** Several lines a language (a paragraph) rather than one. */
  multiline?: boolean;
}) {
  const format = useFormat();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      {LANGUAGES.map((lang) => {
        const shared = {
          label: label(format.languageName(lang)),
          name: `${field}.${lang}`,
          lang,
          dir: directionOf(lang),
          value: values[lang],
          error: errors[`${field}.${lang}`],
          required: lang === requiredLanguage,
          "aria-describedby": describedBy,
        };
        return multiline ? (
          <Textarea
            key={lang}
            {...shared}
            onChange={(event) => onChange(lang, event.currentTarget.value)}
            autosize
            minRows={2}
          />
        ) : (
          <TextInput
            key={lang}
            {...shared}
            onChange={(event) => onChange(lang, event.currentTarget.value)}
            autoComplete={autoComplete}
          />
        );
      })}
    </SimpleGrid>
  );
}
