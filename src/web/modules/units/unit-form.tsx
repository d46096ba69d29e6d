import { NativeSelect, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { VISIBILITIES, type Visibility } from "#shared/access.ts";
import { LANGUAGES, type Language } from "#shared/languages.ts";
import {
  type CreateUnitInput,
  UNIT_KINDS,
  type Unit,
  type UnitKind,
  type UpdateUnitInput,
} from "#shared/organization.ts";
import { api, segment } from "../../api/client.ts";
import { useAnnounce } from "../../components/announcer.tsx";
import { EditRecordPage } from "../../components/edit-record-page.tsx";
import { FormErrorSummary, fieldErrorsOf } from "../../components/form-errors.tsx";
import { useLocalize } from "../../components/localized-text.tsx";
import { FormActions } from "../../components/form-actions.tsx";
import { MultilingualTextFields } from "../../components/multilingual-fields.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { today } from "../../i18n/format.ts";
import { currentLanguage } from "../../i18n/i18n.ts";
import { unitPath, useUnit, useUnits } from "./units.queries.ts";

interface UnitFormState {
  code: string;
  kind: UnitKind;
  parentCode: string;
  names: Record<Language, string>;
  originalLanguage: Language;
  validFrom: string;
  validTo: string;
  visibility: Visibility;
}

const emptyNames = () => Object.fromEntries(LANGUAGES.map((lang) => [lang, ""])) as Record<Language, string>;

function stateOf(unit: Unit, parentCode: string): UnitFormState {
  const names = emptyNames();
  for (const lang of LANGUAGES) names[lang] = unit.name[lang] ?? "";
  return {
    code: unit.code,
    kind: unit.kind,
    parentCode,
    names,
    originalLanguage: unit.originalLanguage,
    validFrom: unit.validFrom,
    validTo: unit.validTo ?? "",
    visibility: unit.visibility,
  };
}

function nameMap(names: Record<Language, string>) {
  return Object.fromEntries(
    LANGUAGES.filter((lang) => names[lang].trim() !== "").map((lang) => [lang, names[lang].trim()]),
  ) as Partial<Record<Language, string>>;
}

export function UnitCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const queryClient = useQueryClient();
  const lang = currentLanguage();
  const [initial] = useState<UnitFormState>(() => ({
    code: "",
    kind: "division",
    parentCode: "",
    names: emptyNames(),
    originalLanguage: lang,
    validFrom: today(),
    validTo: "",
    visibility: "public",
  }));
  const create = useMutation({
    mutationFn: (form: UnitFormState) =>
      api.post<Unit>("/units", {
        code: form.code.trim(),
        kind: form.kind,
        parentCode: form.parentCode || null,
        name: nameMap(form.names),
        originalLanguage: form.originalLanguage,
        validFrom: form.validFrom,
        validTo: form.validTo || null,
        visibility: form.visibility,
      } satisfies CreateUnitInput),
    onSuccess: (unit) => {
      void queryClient.invalidateQueries({ queryKey: ["units"] });
      navigate(unitPath(unit));
      announce(t("units.createdNotice", { code: unit.code }));
    },
  });
  return (
    <Stack gap="md">
      <PageTitle title={t("units.createTitle")} />
      <UnitForm
        initial={initial}
        mode="create"
        pending={create.isPending}
        error={create.error}
        onSubmit={(form) => create.mutate(form)}
        cancelTo="/units"
      />
    </Stack>
  );
}

export function UnitEditPage() {
  const { t } = useTranslation();
  const { code } = useParams();
  const unit = useUnit(code);
  const parent = useUnit(unit.data?.parentId ?? undefined);
  const localize = useLocalize();
  return (
    <EditRecordPage
      record={unit}
      loadErrorTitle={t("units.editTitle")}
      title={(record) => t("units.editTitleOf", { name: localize(record.name, record.originalLanguage) })}
      alsoLoading={Boolean(unit.data?.parentId) && parent.isPending}
      form={(record, onReload) => (
        <EditUnitForm unit={record} parentCode={parent.data?.code ?? ""} onReload={onReload} />
      )}
    />
  );
}

function EditUnitForm({
  unit,
  parentCode,
  onReload,
}: {
  unit: Unit;
  parentCode: string;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const queryClient = useQueryClient();
  const initial = stateOf(unit, parentCode);
  const update = useMutation({
    mutationFn: (form: UnitFormState) => {
      const body: UpdateUnitInput = { version: unit.version };
      if (form.kind !== initial.kind) body.kind = form.kind;
      if (form.parentCode !== initial.parentCode) body.parentCode = form.parentCode || null;
      if (JSON.stringify(nameMap(form.names)) !== JSON.stringify(nameMap(initial.names)))
        body.name = nameMap(form.names);
      if (form.originalLanguage !== initial.originalLanguage) body.originalLanguage = form.originalLanguage;
      if (form.validFrom !== initial.validFrom) body.validFrom = form.validFrom;
      if (form.validTo !== initial.validTo) body.validTo = form.validTo || null;
      if (form.visibility !== initial.visibility) body.visibility = form.visibility;
      return api.patch<Unit>(`/units/${segment(unit.id)}`, body);
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(["unit", saved.code], saved);
      void queryClient.invalidateQueries({ queryKey: ["units"] });
      void queryClient.invalidateQueries({ queryKey: ["unit-history", saved.id] });
      navigate(unitPath(saved));
      announce(t("units.savedNotice", { code: saved.code }));
    },
  });
  return (
    <UnitForm
      initial={initial}
      mode="edit"
      selfId={unit.id}
      pending={update.isPending}
      error={update.error}
      onSubmit={(form) => update.mutate(form)}
      onReload={onReload}
      cancelTo={unitPath(unit)}
    />
  );
}

const SHOWN_FIELDS = /^(code|kind|parentCode|name(\.\w+)?|originalLanguage|validFrom|validTo|visibility)$/;

function UnitForm({
  initial,
  mode,
  selfId,
  pending,
  error,
  onSubmit,
  onReload,
  cancelTo,
}: {
  initial: UnitFormState;
  mode: "create" | "edit";
  selfId?: string;
  pending: boolean;
  error: unknown;
  onSubmit: (form: UnitFormState) => void;
  onReload?: () => void;
  cancelTo: string;
}) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const units = useUnits();
  const [form, setForm] = useState(initial);
  const errors = fieldErrorsOf(error);
  const set = <K extends keyof UnitFormState>(key: K, value: UnitFormState[K]) =>
    setForm((previous) => ({ ...previous, [key]: value }));

  const parentOptions = (units.data ?? [])
    .filter((unit) => unit.id !== selfId)
    .map((unit) => ({
      value: unit.code,
      label: `${unit.code} — ${localize(unit.name, unit.originalLanguage)}`,
    }));
  if (form.parentCode && !parentOptions.some((option) => option.value === form.parentCode))
    parentOptions.unshift({ value: form.parentCode, label: form.parentCode });

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(form);
      }}
    >
      <Stack gap="md" maw={760}>
        <FormErrorSummary
          error={error}
          shownFields={(field) => SHOWN_FIELDS.test(field)}
          onReload={onReload}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t("field.code")}
            description={t("units.codeHint")}
            name="code"
            value={form.code}
            onChange={(event) => set("code", event.currentTarget.value.toUpperCase())}
            error={errors.code}
            disabled={mode === "edit"}
            required
            autoComplete="off"
          />
          <NativeSelect
            label={t("field.kind")}
            name="kind"
            value={form.kind}
            onChange={(event) => set("kind", event.currentTarget.value as UnitKind)}
            error={errors.kind}
            data={UNIT_KINDS.map((kind) => ({ value: kind, label: t(`unitKind.${kind}`) }))}
          />
          <NativeSelect
            label={t("field.parent")}
            name="parentCode"
            value={form.parentCode}
            onChange={(event) => set("parentCode", event.currentTarget.value)}
            error={errors.parentCode}
            data={[{ value: "", label: t("units.noParent") }, ...parentOptions]}
          />
          <NativeSelect
            label={t("field.visibility")}
            name="visibility"
            value={form.visibility}
            onChange={(event) => set("visibility", event.currentTarget.value as Visibility)}
            error={errors.visibility}
            data={VISIBILITIES.map((v) => ({ value: v, label: t(`visibility.${v}`) }))}
          />
        </SimpleGrid>
        <MultilingualTextFields
          legend={t("units.namesTitle")}
          hint={t("units.namesHint")}
          field="name"
          label={(language) => t("units.nameIn", { language })}
          values={form.names}
          onChange={(lang, value) =>
            setForm((previous) => ({ ...previous, names: { ...previous.names, [lang]: value } }))
          }
          errors={errors}
          originalLanguage={form.originalLanguage}
          onOriginalLanguageChange={(lang) => set("originalLanguage", lang)}
          errorId="name-error"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="date"
            label={t("field.validFrom")}
            name="validFrom"
            value={form.validFrom}
            onChange={(event) => set("validFrom", event.currentTarget.value)}
            error={errors.validFrom}
            required
          />
          <TextInput
            type="date"
            label={t("field.validTo")}
            description={t("units.validToHint")}
            name="validTo"
            value={form.validTo}
            onChange={(event) => set("validTo", event.currentTarget.value)}
            error={errors.validTo}
          />
        </SimpleGrid>
        <FormActions
          pending={pending}
          submitLabel={mode === "create" ? t("units.createSubmit") : t("common.save")}
          cancelTo={cancelTo}
        />
      </Stack>
    </form>
  );
}
