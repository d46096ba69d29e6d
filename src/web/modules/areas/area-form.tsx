import {
  Checkbox,
  Fieldset,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { VISIBILITIES, type Visibility } from "#shared/access.ts";
import {
  AREA_STATUSES,
  type Area,
  type AreaStatus,
  type CreateAreaInput,
  type UpdateAreaInput,
} from "#shared/areas.ts";
import { LANGUAGES, type Language, type MultilingualText } from "#shared/languages.ts";
import { api, segment } from "../../api/client.ts";
import { useAnnounce } from "../../components/announcer.tsx";
import { EditRecordPage } from "../../components/edit-record-page.tsx";
import { FormErrorSummary, fieldErrorsOf } from "../../components/form-errors.tsx";
import { useLocalize } from "../../components/localized-text.tsx";
import { FormActions } from "../../components/form-actions.tsx";
import { MultilingualTextFields } from "../../components/multilingual-fields.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { useFormat } from "../../i18n/format.ts";
import { currentLanguage, directionOf } from "../../i18n/i18n.ts";
import { useMandates } from "../mandates/mandates.queries.ts";
import { useUnits } from "../units/units.queries.ts";
import { areaPath, useArea, useSdgTargets } from "./areas.queries.ts";

interface AreaFormState {
  slug: string;
  names: Record<Language, string>;
  originalLanguage: Language;
  description: string;
  status: AreaStatus;
  leadUnitCode: string;
  participatingUnitCodes: string[];
  mandateIds: string[];
  sdgTargets: string[];
  justification: string;
  visibility: Visibility;
  reason: string;
}

const emptyNames = () => Object.fromEntries(LANGUAGES.map((lang) => [lang, ""])) as Record<Language, string>;

function nameMap(names: Record<Language, string>): MultilingualText {
  return Object.fromEntries(
    LANGUAGES.filter((lang) => names[lang].trim() !== "").map((lang) => [lang, names[lang].trim()]),
  ) as MultilingualText;
}

function stateOf(area: Area): AreaFormState {
  const names = emptyNames();
  for (const lang of LANGUAGES) names[lang] = area.name[lang] ?? "";
  return {
    slug: area.slug,
    names,
    originalLanguage: area.originalLanguage,
    description: area.description?.[area.originalLanguage] ?? "",
    status: area.status,
    leadUnitCode: area.leadUnitCode,
    participatingUnitCodes: area.participatingUnitCodes,
    mandateIds: area.mandateIds,
    sdgTargets: area.sdgTargets,
    justification: area.justification ?? "",
    visibility: area.visibility,
    reason: "",
  };
}

/** The description is edited in the original language; its translations are kept as they are. */
function descriptionOf(form: AreaFormState, previous: MultilingualText | null): MultilingualText | null {
  const text = form.description.trim();
  const others = { ...(previous ?? {}) };
  delete others[form.originalLanguage];
  if (!text) return Object.keys(others).length > 0 ? others : null;
  return { ...others, [form.originalLanguage]: text };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function AreaCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const queryClient = useQueryClient();
  const localize = useLocalize();
  const [initial] = useState<AreaFormState>(() => ({
    slug: "",
    names: emptyNames(),
    originalLanguage: currentLanguage(),
    description: "",
    status: "proposed",
    leadUnitCode: "",
    participatingUnitCodes: [],
    mandateIds: [],
    sdgTargets: [],
    justification: "",
    visibility: "public",
    reason: "",
  }));
  const create = useMutation({
    mutationFn: (form: AreaFormState) =>
      api.post<Area>("/areas", {
        slug: form.slug.trim(),
        name: nameMap(form.names),
        description: descriptionOf(form, null),
        originalLanguage: form.originalLanguage,
        status: form.status,
        leadUnitCode: form.leadUnitCode,
        participatingUnitCodes: form.participatingUnitCodes,
        mandateIds: form.mandateIds,
        sdgTargets: form.sdgTargets,
        justification: form.justification.trim() || null,
        visibility: form.visibility,
        reason: form.reason.trim(),
      } satisfies CreateAreaInput),
    onSuccess: (area) => {
      void queryClient.invalidateQueries({ queryKey: ["areas"] });
      void queryClient.invalidateQueries({ queryKey: ["areas-compare"] });
      navigate(areaPath(area));
      announce(t("areas.createdNotice", { name: localize(area.name, area.originalLanguage) }));
    },
  });
  return (
    <Stack gap="md">
      <PageTitle title={t("areas.createTitle")} />
      <AreaForm
        initial={initial}
        mode="create"
        pending={create.isPending}
        error={create.error}
        onSubmit={(form) => create.mutate(form)}
        cancelTo="/areas"
      />
    </Stack>
  );
}

export function AreaEditPage() {
  const { t } = useTranslation();
  const { slug } = useParams();
  const area = useArea(slug);
  const localize = useLocalize();
  return (
    <EditRecordPage
      record={area}
      loadErrorTitle={t("areas.editTitle")}
      title={(record) => t("areas.editTitleOf", { name: localize(record.name, record.originalLanguage) })}

      form={(record, onReload) => <EditAreaForm area={record} onReload={onReload} />}
    />
  );
}

function EditAreaForm({ area, onReload }: { area: Area; onReload: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const localize = useLocalize();
  const queryClient = useQueryClient();
  const [initial] = useState(() => stateOf(area));
  const update = useMutation({
    mutationFn: (form: AreaFormState) => {
      const body: UpdateAreaInput = { version: area.version, reason: form.reason.trim() };
      if (!same(nameMap(form.names), nameMap(initial.names))) body.name = nameMap(form.names);
      if (form.originalLanguage !== initial.originalLanguage) body.originalLanguage = form.originalLanguage;
      const description = descriptionOf(form, area.description);
      if (!same(description, area.description)) body.description = description;
      if (form.status !== initial.status) body.status = form.status;
      if (form.leadUnitCode !== initial.leadUnitCode) body.leadUnitCode = form.leadUnitCode;
      if (!same(form.participatingUnitCodes, initial.participatingUnitCodes))
        body.participatingUnitCodes = form.participatingUnitCodes;
      if (!same(form.mandateIds, initial.mandateIds)) body.mandateIds = form.mandateIds;
      if (!same(form.sdgTargets, initial.sdgTargets)) body.sdgTargets = form.sdgTargets;
      if (form.justification.trim() !== initial.justification)
        body.justification = form.justification.trim() || null;
      if (form.visibility !== initial.visibility) body.visibility = form.visibility;
      return api.patch<Area>(`/areas/${segment(area.slug)}`, body);
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(["area", saved.slug], saved);
      void queryClient.invalidateQueries({ queryKey: ["areas"] });
      void queryClient.invalidateQueries({ queryKey: ["areas-compare"] });
      void queryClient.invalidateQueries({ queryKey: ["area-revisions", saved.slug] });
      navigate(areaPath(saved));
      announce(t("areas.savedNotice", { name: localize(saved.name, saved.originalLanguage) }));
    },
  });
  return (
    <AreaForm
      initial={initial}
      mode="edit"
      pending={update.isPending}
      error={update.error}
      onSubmit={(form) => update.mutate(form)}
      onReload={onReload}
      cancelTo={areaPath(area)}
    />
  );
}

const SHOWN_FIELDS =
  /^(slug|name(\.\w+)?|originalLanguage|description(\.\w+)?|status|leadUnitCode|participatingUnitCodes(\.\d+)?|mandateIds(\.\d+)?|sdgTargets(\.\d+)?|justification|visibility|reason)$/;

/** Messages for a list field and its items (`mandateIds`, `mandateIds.0`), each with the item it names. */
export function listErrors(
  errors: Record<string, string>,
  field: string,
  values: string[],
  label: (v: string) => string,
) {
  const messages: string[] = [];
  if (errors[field]) messages.push(errors[field]);
  for (const [key, message] of Object.entries(errors)) {
    const match = new RegExp(`^${field}\\.(\\d+)$`).exec(key);
    if (!match) continue;
    const value = values[Number(match[1])];
    messages.push(value === undefined ? message : `${label(value)}: ${message}`);
  }
  return messages;
}

/** A multiple choice as a group of check boxes, with its errors announced by the group. */
export function CheckboxChoice({
  legend,
  hint,
  name,
  options,
  selected,
  onChange,
  errors,
  filter,
}: {
  legend: string;
  hint?: string;
  name: string;
  options: { value: string; label: string; description?: ReactNode; lang?: string }[];
  selected: string[];
  onChange: (values: string[]) => void;
  errors: string[];
  filter?: ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : "", errors.length > 0 ? `${id}-error` : ""].filter(Boolean);
  return (
    <Fieldset
      legend={legend}
      aria-describedby={describedBy.length > 0 ? describedBy.join(" ") : undefined}
      aria-invalid={errors.length > 0 ? true : undefined}
      data-name={name}
    >
      <Stack gap="xs">
        {hint ? (
          <Text size="sm" id={`${id}-hint`}>
            {hint}
          </Text>
        ) : null}
        {errors.length > 0 ? (
          <Text size="sm" c="red.9" id={`${id}-error`}>
            {errors.join(" ")}
          </Text>
        ) : null}
        {filter}
        <Text size="sm">{t("areas.selectedCount", { shown: selected.length })}</Text>
        <div className="choice-list">
          {options.map((option) => (
            <Checkbox
              key={option.value}
              name={name}
              value={option.value}
              label={option.label}
              description={option.description}
              checked={selected.includes(option.value)}
              onChange={(event) => {
                const checked = event.currentTarget.checked;
                onChange(
                  checked ? [...selected, option.value] : selected.filter((value) => value !== option.value),
                );
              }}
            />
          ))}
        </div>
      </Stack>
    </Fieldset>
  );
}

function AreaForm({
  initial,
  mode,
  pending,
  error,
  onSubmit,
  onReload,
  cancelTo,
}: {
  initial: AreaFormState;
  mode: "create" | "edit";
  pending: boolean;
  error: unknown;
  onSubmit: (form: AreaFormState) => void;
  onReload?: () => void;
  cancelTo: string;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const localize = useLocalize();
  const units = useUnits();
  const mandates = useMandates();
  const targets = useSdgTargets();
  const [form, setForm] = useState(initial);
  const [targetFilter, setTargetFilter] = useState("");
  const errors = fieldErrorsOf(error);
  const set = <K extends keyof AreaFormState>(key: K, value: AreaFormState[K]) =>
    setForm((previous) => ({ ...previous, [key]: value }));

  const unitOptions = (units.data ?? []).map((unit) => ({
    value: unit.code,
    label: `${unit.code} — ${localize(unit.name, unit.originalLanguage)}`,
  }));
  const mandateOptions = (mandates.data ?? []).map((mandate) => ({
    value: mandate.id,
    label: mandate.citation,
    description: localize(mandate.title, mandate.originalLanguage),
  }));
  const mandateLabel = (id: string) => mandates.data?.find((m) => m.id === id)?.citation ?? id;
  const wanted = targetFilter.trim().toLocaleLowerCase(i18n.language);
  const targetOptions = (targets.data ?? [])
    .map((target) => ({
      value: target.code,
      label: `${target.code} — ${localize(target.text, "en")}`,
    }))
    .filter(
      (option) =>
        !wanted ||
        option.value.startsWith(wanted) ||
        option.label.toLocaleLowerCase(i18n.language).includes(wanted) ||
        form.sdgTargets.includes(option.value),
    );

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
            label={t("areaField.slug")}
            description={t("areas.slugHint")}
            name="slug"
            value={form.slug}
            onChange={(event) => set("slug", event.currentTarget.value.toLowerCase())}
            error={errors.slug}
            disabled={mode === "edit"}
            required
            autoComplete="off"
          />
          <NativeSelect
            label={t("field.status")}
            name="status"
            value={form.status}
            onChange={(event) => set("status", event.currentTarget.value as AreaStatus)}
            error={errors.status}
            data={AREA_STATUSES.map((status) => ({ value: status, label: t(`areaStatus.${status}`) }))}
          />
          <NativeSelect
            label={t("areaField.leadUnitCode")}
            name="leadUnitCode"
            value={form.leadUnitCode}
            onChange={(event) => set("leadUnitCode", event.currentTarget.value)}
            error={errors.leadUnitCode}
            required
            data={[{ value: "", label: t("people.chooseUnit") }, ...unitOptions]}
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
          legend={t("areas.namesTitle")}
          hint={t("areas.namesHint")}
          field="name"
          label={(language) => t("units.nameIn", { language })}
          values={form.names}
          onChange={(lang, value) =>
            setForm((previous) => ({ ...previous, names: { ...previous.names, [lang]: value } }))
          }
          errors={errors}
          originalLanguage={form.originalLanguage}
          onOriginalLanguageChange={(lang) => set("originalLanguage", lang)}
          errorId="area-name-error"
          autoComplete="off"
        >
          <Textarea
            label={t("areas.descriptionIn", { language: format.languageName(form.originalLanguage) })}
            name="description"
            lang={form.originalLanguage}
            dir={directionOf(form.originalLanguage)}
            value={form.description}
            onChange={(event) => set("description", event.currentTarget.value)}
            error={errors.description ?? errors[`description.${form.originalLanguage}`]}
            autosize
            minRows={2}
          />
        </MultilingualTextFields>
        <CheckboxChoice
          legend={t("areaField.participatingUnitCodes")}
          name="participatingUnitCodes"
          options={unitOptions}
          selected={form.participatingUnitCodes}
          onChange={(values) => set("participatingUnitCodes", values)}
          errors={listErrors(errors, "participatingUnitCodes", form.participatingUnitCodes, (v) => v)}
        />
        <CheckboxChoice
          legend={t("areas.mandatesTitle")}
          hint={t("areas.mandatesHint")}
          name="mandateIds"
          options={mandateOptions}
          selected={form.mandateIds}
          onChange={(values) => set("mandateIds", values)}
          errors={listErrors(errors, "mandateIds", form.mandateIds, mandateLabel)}
        />
        <CheckboxChoice
          legend={t("areas.sdgTitle")}
          name="sdgTargets"
          options={targetOptions}
          selected={form.sdgTargets}
          onChange={(values) => set("sdgTargets", values)}
          errors={listErrors(errors, "sdgTargets", form.sdgTargets, (v) => v)}
          filter={
            <TextInput
              type="search"
              label={t("areas.filterTargets")}
              description={t("areas.filterTargetsHint")}
              name="targetFilter"
              value={targetFilter}
              onChange={(event) => setTargetFilter(event.currentTarget.value)}
              autoComplete="off"
              maw={420}
            />
          }
        />
        <Textarea
          label={t("areaField.justification")}
          description={t("areas.justificationHint")}
          name="justification"
          value={form.justification}
          onChange={(event) => set("justification", event.currentTarget.value)}
          error={errors.justification}
          autosize
          minRows={2}
        />
        <Textarea
          label={t("areas.reason")}
          description={t("areas.reasonHint")}
          name="reason"
          value={form.reason}
          onChange={(event) => set("reason", event.currentTarget.value)}
          error={errors.reason}
          required
          autosize
          minRows={2}
        />
        <FormActions
          pending={pending}
          submitLabel={mode === "create" ? t("areas.createSubmit") : t("common.save")}
          cancelTo={cancelTo}
        />
      </Stack>
    </form>
  );
}
