import { Button, Fieldset, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { VISIBILITIES, type Visibility } from "#shared/access.ts";
import {
  BODY_LEVELS,
  type Body,
  type BodyCategory,
  CATEGORY_ATTENDANCE,
  type CreateBodyInput,
  type UpdateBodyInput,
} from "#shared/bodies.ts";
import { LANGUAGES, type Language, type MultilingualText } from "#shared/languages.ts";
import { api, segment } from "../../api/client.ts";
import { useAnnounce } from "../../components/announcer.tsx";
import { EditRecordPage } from "../../components/edit-record-page.tsx";
import { ConfirmDialog } from "../../components/confirm-dialog.tsx";
import { FormActions } from "../../components/form-actions.tsx";
import { FormErrorSummary, fieldErrorsOf } from "../../components/form-errors.tsx";
import { useLocalize } from "../../components/localized-text.tsx";
import { LanguageInputs, MultilingualTextFields } from "../../components/multilingual-fields.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { PersonSelect } from "../../components/person-select.tsx";
import { today } from "../../i18n/format.ts";
import { currentLanguage } from "../../i18n/i18n.ts";
import { useMandates } from "../mandates/mandates.queries.ts";
import { usePerson } from "../people/people.queries.ts";
import { bodyPath, isSeated, useBody, useBodyUpdated } from "./bodies.queries.ts";

type Texts = Record<Language, string>;

interface CategoryRow {
  /** React's key for the row: codes are typed and may repeat or be empty while editing. */
  key: number;
  code: string;
  names: Texts;
  attendance: BodyCategory["attendance"];
}

interface BodyFormState {
  code: string;
  names: Texts;
  originalLanguage: Language;
  level: Body["level"];
  chairPersonId: string;
  termsOfReference: Texts;
  instrumentId: string;
  categories: CategoryRow[];
  visibility: Visibility;
}

let lastRowKey = 0;
const nextRowKey = () => ++lastRowKey;

const emptyTexts = (): Texts => Object.fromEntries(LANGUAGES.map((lang) => [lang, ""])) as Texts;

function textsOf(text: MultilingualText | null): Texts {
  const texts = emptyTexts();
  for (const lang of LANGUAGES) texts[lang] = text?.[lang] ?? "";
  return texts;
}

/** The languages filled in, trimmed; an empty text is left out rather than stored empty. */
function textMap(texts: Texts): MultilingualText {
  return Object.fromEntries(
    LANGUAGES.filter((lang) => texts[lang].trim() !== "").map((lang) => [lang, texts[lang].trim()]),
  ) as MultilingualText;
}

const optionalTextMap = (texts: Texts) => {
  const text = textMap(texts);
  return Object.keys(text).length > 0 ? text : null;
};

/** The categories as the API takes them; a row left unnamed goes as it is, for the server to name. */
const categoriesOf = (form: BodyFormState): BodyCategory[] =>
  form.categories.map((row) => ({
    code: row.code.trim(),
    name: textMap(row.names),
    attendance: row.attendance,
  }));

const emptyCategory = (): CategoryRow => ({
  key: nextRowKey(),
  code: "",
  names: emptyTexts(),
  attendance: "member",
});

function stateOf(body: Body): BodyFormState {
  return {
    code: body.code,
    names: textsOf(body.name),
    originalLanguage: body.originalLanguage,
    level: body.level,
    chairPersonId: body.chairPersonId ?? "",
    termsOfReference: textsOf(body.termsOfReference),
    instrumentId: body.instrumentId ?? "",
    categories: body.categories.map((category) => ({
      key: nextRowKey(),
      code: category.code,
      names: textsOf(category.name),
      attendance: category.attendance,
    })),
    visibility: body.visibility,
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function BodyCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const localize = useLocalize();
  const onSaved = useBodyUpdated();
  const [initial] = useState<BodyFormState>(() => ({
    code: "",
    names: emptyTexts(),
    originalLanguage: currentLanguage(),
    level: "secretariat",
    chairPersonId: "",
    termsOfReference: emptyTexts(),
    instrumentId: "",
    categories: [],
    visibility: "internal",
  }));
  const create = useMutation({
    mutationFn: (form: BodyFormState) =>
      api.post<Body>("/bodies", {
        code: form.code.trim(),
        name: textMap(form.names),
        originalLanguage: form.originalLanguage,
        level: form.level,
        chairPersonId: form.chairPersonId || null,
        termsOfReference: optionalTextMap(form.termsOfReference),
        instrumentId: form.instrumentId || null,
        categories: categoriesOf(form),
        visibility: form.visibility,
      } satisfies CreateBodyInput),
    onSuccess: (body) => {
      // Caches the new body and asks the list again.
      onSaved(body);
      navigate(bodyPath(body));
      announce(t("bodyForm.createdNotice", { name: localize(body.name, body.originalLanguage) }));
    },
  });
  return (
    <Stack gap="md">
      <PageTitle title={t("bodyForm.createTitle")} />
      <BodyForm
        initial={initial}
        body={null}
        pending={create.isPending}
        error={create.error}
        onSubmit={(form) => create.mutate(form)}
        cancelTo="/bodies"
      />
    </Stack>
  );
}

export function BodyEditPage() {
  const { t } = useTranslation();
  const { code } = useParams();
  const body = useBody(code);
  const localize = useLocalize();
  return (
    <EditRecordPage
      record={body}
      loadErrorTitle={t("bodyForm.editTitle")}
      title={(record) => t("bodyForm.editTitleOf", { name: localize(record.name, record.originalLanguage) })}

      form={(record, onReload) => <EditBodyForm body={record} onReload={onReload} />}
    />
  );
}

function EditBodyForm({ body, onReload }: { body: Body; onReload: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const localize = useLocalize();
  const onSaved = useBodyUpdated();
  const [initial] = useState(() => stateOf(body));
  const update = useMutation({
    mutationFn: (form: BodyFormState) => {
      // Only what changed travels, with the version read: a stale version gets 409 and changes nothing.
      const changes: UpdateBodyInput = { version: body.version };
      if (!same(textMap(form.names), textMap(initial.names))) changes.name = textMap(form.names);
      if (form.originalLanguage !== initial.originalLanguage)
        changes.originalLanguage = form.originalLanguage;
      if (form.level !== initial.level) changes.level = form.level;
      if (form.chairPersonId !== initial.chairPersonId) changes.chairPersonId = form.chairPersonId || null;
      const terms = optionalTextMap(form.termsOfReference);
      if (!same(terms, optionalTextMap(initial.termsOfReference))) changes.termsOfReference = terms;
      if (form.instrumentId !== initial.instrumentId) changes.instrumentId = form.instrumentId || null;
      if (!same(categoriesOf(form), categoriesOf(initial))) changes.categories = categoriesOf(form);
      if (form.visibility !== initial.visibility) changes.visibility = form.visibility;
      return api.patch<Body>(`/bodies/${segment(body.id)}`, changes);
    },
    onSuccess: (saved) => {
      onSaved(saved);
      navigate(bodyPath(saved));
      announce(t("bodyForm.savedNotice", { name: localize(saved.name, saved.originalLanguage) }));
    },
  });
  return (
    <BodyForm
      initial={initial}
      body={body}
      pending={update.isPending}
      error={update.error}
      onSubmit={(form) => update.mutate(form)}
      onReload={onReload}
      cancelTo={bodyPath(body)}
    />
  );
}

const SHOWN_FIELDS =
  /^(code|name(\.\w+)?|originalLanguage|level|chairPersonId|termsOfReference(\.\w+)?|instrumentId|categories(\.\d+(\.(code|attendance|name(\.\w+)?))?)?|visibility)$/;

function BodyForm({
  initial,
  body,
  pending,
  error,
  onSubmit,
  onReload,
  cancelTo,
}: {
  initial: BodyFormState;
  /** The body edited; null while creating one. */
  body: Body | null;
  pending: boolean;
  error: unknown;
  onSubmit: (form: BodyFormState) => void;
  onReload?: () => void;
  cancelTo: string;
}) {
  const { t } = useTranslation();
  const mandates = useMandates();
  // The chair already chosen is offered before any search, so the form shows who it is.
  const chair = usePerson(initial.chairPersonId || undefined);
  const [form, setForm] = useState(initial);
  const errors = fieldErrorsOf(error);
  const termsErrorId = useId();
  const set = <K extends keyof BodyFormState>(key: K, value: BodyFormState[K]) =>
    setForm((previous) => ({ ...previous, [key]: value }));

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(form);
      }}
    >
      <Stack gap="md" maw={860}>
        <FormErrorSummary
          error={error}
          shownFields={(field) => SHOWN_FIELDS.test(field)}
          onReload={onReload}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t("field.code")}
            description={body ? t("bodyForm.codeFixedHint") : t("bodyForm.codeHint")}
            name="code"
            dir="ltr"
            value={form.code}
            onChange={(event) => set("code", event.currentTarget.value)}
            error={errors.code}
            // The code names the body in addresses and documents: it is chosen once.
            disabled={body !== null}
            required
            autoComplete="off"
          />
          <NativeSelect
            label={t("field.level")}
            description={t("bodyForm.levelHint")}
            name="level"
            value={form.level}
            onChange={(event) => set("level", event.currentTarget.value as Body["level"])}
            error={errors.level}
            required
            data={BODY_LEVELS.map((level) => ({ value: level, label: t(`bodyLevel.${level}`) }))}
          />
          <NativeSelect
            label={t("field.visibility")}
            name="visibility"
            value={form.visibility}
            onChange={(event) => set("visibility", event.currentTarget.value as Visibility)}
            error={errors.visibility}
            data={VISIBILITIES.map((v) => ({ value: v, label: t(`visibility.${v}`) }))}
          />
          <NativeSelect
            label={t("field.instrumentCitation")}
            description={t("bodyForm.instrumentHint")}
            name="instrumentId"
            value={form.instrumentId}
            onChange={(event) => set("instrumentId", event.currentTarget.value)}
            error={errors.instrumentId}
            data={[
              { value: "", label: t("bodyForm.noInstrument") },
              ...(mandates.data ?? []).map((mandate) => ({ value: mandate.id, label: mandate.citation })),
              // The stored mandate stays listed while the register loads (or if it is not readable).
              ...(form.instrumentId && !mandates.data?.some((m) => m.id === form.instrumentId)
                ? [{ value: form.instrumentId, label: body?.instrumentCitation ?? form.instrumentId }]
                : []),
            ]}
          />
        </SimpleGrid>
        <MultilingualTextFields
          legend={t("bodyForm.namesTitle")}
          hint={t("bodyForm.namesHint")}
          field="name"
          label={(language) => t("bodyForm.nameIn", { language })}
          values={form.names}
          onChange={(lang, value) =>
            setForm((previous) => ({ ...previous, names: { ...previous.names, [lang]: value } }))
          }
          errors={errors}
          originalLanguage={form.originalLanguage}
          onOriginalLanguageChange={(lang) => set("originalLanguage", lang)}
          errorId="body-name-error"
          autoComplete="off"
        />
        <Fieldset legend={t("bodies.chair")}>
          <Stack gap="xs">
            <Text size="sm">{t("bodyForm.chairHint")}</Text>
            <PersonSelect
              name="chairPersonId"
              label={t("bodies.chair")}
              value={form.chairPersonId}
              onChange={(person) => set("chairPersonId", person?.id ?? "")}
              error={errors.chairPersonId}
              required={false}
              known={chair.data ? [chair.data] : []}
            />
          </Stack>
        </Fieldset>
        <Fieldset legend={t("field.termsOfReference")}>
          <Stack gap="sm">
            <Text size="sm">{t("bodyForm.termsHint")}</Text>
            {errors.termsOfReference ? (
              <Text size="sm" c="red.9" id={termsErrorId}>
                {errors.termsOfReference}
              </Text>
            ) : null}
            <LanguageInputs
              field="termsOfReference"
              label={(language) => t("bodyForm.termsIn", { language })}
              values={form.termsOfReference}
              onChange={(lang, value) =>
                setForm((previous) => ({
                  ...previous,
                  termsOfReference: { ...previous.termsOfReference, [lang]: value },
                }))
              }
              errors={errors}
              describedBy={errors.termsOfReference ? termsErrorId : undefined}
              multiline
            />
          </Stack>
        </Fieldset>
        <CategoryRows
          rows={form.categories}
          onChange={(categories) => set("categories", categories)}
          errors={errors}
          body={body}
        />
        <FormActions
          pending={pending}
          submitLabel={body ? t("common.save") : t("bodyForm.createSubmit")}
          cancelTo={cancelTo}
        />
      </Stack>
    </form>
  );
}

/**
 * The member categories, a fieldset each: code, names, how its members take part. Removing one in
 * which someone holds a seat today is asked about first; the server refuses it until the seats end,
 * and its error shows beside the list.
 */
function CategoryRows({
  rows,
  onChange,
  errors,
  body,
}: {
  rows: CategoryRow[];
  onChange: (rows: CategoryRow[]) => void;
  errors: Record<string, string>;
  body: Body | null;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const listErrorId = useId();
  const addButton = useRef<HTMLButtonElement>(null);
  // The dialog stays mounted after closing, so focus returns to the button that opened it.
  const [removing, setRemoving] = useState<{ key: number; open: boolean } | null>(null);
  const day = today();
  const seatedIn = (code: string) =>
    body?.members.filter((member) => member.category === code.trim() && isSeated(member, day)).length ?? 0;
  const removingIndex = rows.findIndex((row) => row.key === removing?.key);
  const removingRow = rows[removingIndex];

  const update = (key: number, change: Partial<CategoryRow>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const remove = (key: number) => {
    const index = rows.findIndex((row) => row.key === key);
    onChange(rows.filter((row) => row.key !== key));
    setRemoving(null);
    announce(t("bodyForm.categoryRemovedNotice", { number: index + 1 }));
    // The row and its button are gone: focus goes where the next action is likely to be.
    addButton.current?.focus();
  };
  const add = () => {
    const row = emptyCategory();
    onChange([...rows, row]);
    // Focus the new row's code once it is drawn, so keyboard users carry on typing there.
    window.setTimeout(() => {
      document.querySelector<HTMLInputElement>(`input[name="categories.${rows.length}.code"]`)?.focus();
    }, 0);
  };

  return (
    <Fieldset
      legend={t("bodyForm.categoriesTitle")}
      aria-describedby={errors.categories ? listErrorId : undefined}
      className="body-form-categories"
    >
      <Stack gap="sm">
        <Text size="sm">{t("bodyForm.categoriesHint")}</Text>
        {errors.categories ? (
          <Text size="sm" c="red.9" id={listErrorId}>
            {errors.categories}
          </Text>
        ) : null}
        {rows.length === 0 ? <Text size="sm">{t("bodyForm.noCategories")}</Text> : null}
        {rows.map((row, index) => (
          <CategoryFields
            key={row.key}
            row={row}
            index={index}
            errors={errors}
            onChange={(change) => update(row.key, change)}
            onRemove={() =>
              seatedIn(row.code) > 0 ? setRemoving({ key: row.key, open: true }) : remove(row.key)
            }
          />
        ))}
        <Group>
          <Button ref={addButton} variant="default" onClick={add}>
            {t("bodyForm.addCategory")}
          </Button>
        </Group>
      </Stack>
      {removingRow ? (
        <ConfirmDialog
          opened={removing?.open ?? false}
          title={t("bodyForm.removeCategoryTitle")}
          message={t("bodyForm.removeCategoryMessage", {
            code: removingRow.code.trim(),
            count: seatedIn(removingRow.code),
          })}
          confirmLabel={t("bodyForm.removeCategoryConfirm")}
          pending={false}
          error={null}
          onConfirm={() => remove(removingRow.key)}
          onClose={() => setRemoving((previous) => previous && { ...previous, open: false })}
        />
      ) : null}
    </Fieldset>
  );
}

function CategoryFields({
  row,
  index,
  errors,
  onChange,
  onRemove,
}: {
  row: CategoryRow;
  index: number;
  errors: Record<string, string>;
  onChange: (change: Partial<CategoryRow>) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const prefix = `categories.${index}`;
  const namesErrorId = useId();
  const namesError = errors[`${prefix}.name`];
  return (
    <Fieldset
      legend={t("bodyForm.categoryLegend", { number: index + 1 })}
      variant="filled"
      className="body-form-category"
      data-index={index}
    >
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t("bodyForm.categoryCode")}
            description={t("bodyForm.categoryCodeHint")}
            name={`${prefix}.code`}
            dir="ltr"
            value={row.code}
            onChange={(event) => onChange({ code: event.currentTarget.value })}
            error={errors[`${prefix}.code`]}
            required
            autoComplete="off"
          />
          <NativeSelect
            label={t("bodyForm.categoryAttendance")}
            name={`${prefix}.attendance`}
            value={row.attendance}
            onChange={(event) =>
              onChange({ attendance: event.currentTarget.value as BodyCategory["attendance"] })
            }
            error={errors[`${prefix}.attendance`]}
            data={CATEGORY_ATTENDANCE.map((value) => ({ value, label: t(`categoryAttendance.${value}`) }))}
          />
        </SimpleGrid>
        <Text size="sm">{t("bodyForm.categoryNamesHint")}</Text>
        {namesError ? (
          <Text size="sm" c="red.9" id={namesErrorId}>
            {namesError}
          </Text>
        ) : null}
        <LanguageInputs
          field={`${prefix}.name`}
          label={(language) => t("bodyForm.categoryNameIn", { language })}
          values={row.names}
          onChange={(lang, value) => onChange({ names: { ...row.names, [lang]: value } })}
          errors={errors}
          describedBy={namesError ? namesErrorId : undefined}
          autoComplete="off"
        />
        <Group>
          <Button variant="outline" color="red.9" onClick={onRemove}>
            {t("bodyForm.removeCategory", { number: index + 1 })}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
