import { NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { VISIBILITIES, type Visibility } from "#shared/access.ts";
import {
  ACTIVITY_STATUSES,
  ACTIVITY_TYPES,
  type Activity,
  type ActivityStatus,
  type ActivityType,
  type CreateActivityInput,
  type UpdateActivityInput,
} from "#shared/activities.ts";
import { LANGUAGES, type Language, type MultilingualText } from "#shared/languages.ts";
import type { SimilarActivitiesInput } from "#shared/overlaps.ts";
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
import { CheckboxChoice, listErrors } from "../areas/area-form.tsx";
import { SimilarActivities } from "../overlaps/similar-activities.tsx";
import { useAreas, useSdgTargets } from "../areas/areas.queries.ts";
import { useUnits } from "../units/units.queries.ts";
import { activityPath, useActivity } from "./activities.queries.ts";
import { ContactPicker, useContactName } from "./activity-contacts.tsx";

interface ActivityFormState {
  unitCode: string;
  ref: string;
  type: ActivityType;
  status: ActivityStatus;
  titles: Record<Language, string>;
  originalLanguage: Language;
  description: string;
  start: string;
  end: string;
  areaSlugs: string[];
  sdgTargets: string[];
  contactIds: string[];
  budgetAmount: string;
  currency: string;
  links: string;
  visibility: Visibility;
}

const emptyTitles = () => Object.fromEntries(LANGUAGES.map((lang) => [lang, ""])) as Record<Language, string>;

function titleMap(titles: Record<Language, string>): MultilingualText {
  return Object.fromEntries(
    LANGUAGES.filter((lang) => titles[lang].trim() !== "").map((lang) => [lang, titles[lang].trim()]),
  ) as MultilingualText;
}

function stateOf(activity: Activity): ActivityFormState {
  const titles = emptyTitles();
  for (const lang of LANGUAGES) titles[lang] = activity.title[lang] ?? "";
  return {
    unitCode: activity.unitCode,
    ref: activity.ref,
    type: activity.type,
    status: activity.status,
    titles,
    originalLanguage: activity.originalLanguage,
    description: activity.description?.[activity.originalLanguage] ?? "",
    start: activity.start,
    end: activity.end ?? "",
    areaSlugs: activity.areaSlugs,
    sdgTargets: activity.sdgTargets,
    contactIds: activity.contactIds,
    budgetAmount: activity.budget ? String(activity.budget.amount) : "",
    currency: activity.budget?.currency ?? "",
    links: activity.links.join("\n"),
    visibility: activity.visibility,
  };
}

/** The description is edited in the original language; its translations are kept as they are. */
function descriptionOf(form: ActivityFormState, previous: MultilingualText | null): MultilingualText | null {
  const text = form.description.trim();
  const others = { ...(previous ?? {}) };
  delete others[form.originalLanguage];
  if (!text) return Object.keys(others).length > 0 ? others : null;
  return { ...others, [form.originalLanguage]: text };
}

/** An empty amount is no budget; otherwise the amount as typed (the server checks it). */
function budgetOf(form: ActivityFormState): Activity["budget"] {
  const amount = form.budgetAmount.trim();
  if (!amount && !form.currency.trim()) return null;
  return { amount: amount ? Number(amount.replace(",", ".")) : Number.NaN, currency: form.currency.trim() };
}

const linksOf = (form: ActivityFormState) =>
  form.links
    .split("\n")
    .map((link) => link.trim())
    .filter(Boolean);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * What is asked about similar activities once the unit, type, start and a title are filled in
 * (null before); an activity being edited is named so that it is left out of its own results.
 */
function draftOf(form: ActivityFormState, id: string | undefined): SimilarActivitiesInput | null {
  const title = titleMap(form.titles);
  if (!form.unitCode || !DAY.test(form.start) || Object.keys(title).length === 0) return null;
  return {
    ...(id ? { id } : {}),
    unitCode: form.unitCode,
    type: form.type,
    status: form.status,
    title,
    description: descriptionOf(form, null),
    start: form.start,
    end: DAY.test(form.end) ? form.end : null,
    areaSlugs: form.areaSlugs,
    sdgTargets: form.sdgTargets,
  };
}

export function ActivityCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const queryClient = useQueryClient();
  const localize = useLocalize();
  const [initial] = useState<ActivityFormState>(() => ({
    unitCode: "",
    ref: "",
    type: "project",
    status: "planned",
    titles: emptyTitles(),
    originalLanguage: currentLanguage(),
    description: "",
    start: "",
    end: "",
    areaSlugs: [],
    sdgTargets: [],
    contactIds: [],
    budgetAmount: "",
    currency: "",
    links: "",
    visibility: "public",
  }));
  const create = useMutation({
    mutationFn: (form: ActivityFormState) =>
      api.post<Activity>("/activities", {
        unitCode: form.unitCode,
        ref: form.ref.trim(),
        type: form.type,
        status: form.status,
        title: titleMap(form.titles),
        description: descriptionOf(form, null),
        originalLanguage: form.originalLanguage,
        start: form.start,
        end: form.end || null,
        areaSlugs: form.areaSlugs,
        sdgTargets: form.sdgTargets,
        budget: budgetOf(form),
        contactIds: form.contactIds,
        links: linksOf(form),
        visibility: form.visibility,
      } satisfies Partial<CreateActivityInput>),
    onSuccess: (activity) => {
      void queryClient.invalidateQueries({ queryKey: ["activities"] });
      queryClient.setQueryData(["activity", activity.id], activity);
      navigate(activityPath(activity));
      announce(t("activities.createdNotice", { title: localize(activity.title, activity.originalLanguage) }));
    },
  });
  return (
    <Stack gap="md">
      <PageTitle title={t("activities.createTitle")} />
      <ActivityForm
        initial={initial}
        mode="create"
        pending={create.isPending}
        error={create.error}
        onSubmit={(form) => create.mutate(form)}
        cancelTo="/activities"
      />
    </Stack>
  );
}

export function ActivityEditPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const activity = useActivity(id);
  const localize = useLocalize();
  return (
    <EditRecordPage
      record={activity}
      loadErrorTitle={t("activities.editTitle")}
      title={(record) =>
        t("activities.editTitleOf", {
          title: localize(record.title, record.originalLanguage),
        })
      }

      form={(record, onReload) => <EditActivityForm activity={record} onReload={onReload} />}
    />
  );
}

function EditActivityForm({ activity, onReload }: { activity: Activity; onReload: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const localize = useLocalize();
  const queryClient = useQueryClient();
  const [initial] = useState(() => stateOf(activity));
  const update = useMutation({
    mutationFn: (form: ActivityFormState) => {
      const body: UpdateActivityInput = { version: activity.version };
      if (form.type !== initial.type) body.type = form.type;
      if (form.status !== initial.status) body.status = form.status;
      if (!same(titleMap(form.titles), titleMap(initial.titles))) body.title = titleMap(form.titles);
      if (form.originalLanguage !== initial.originalLanguage) body.originalLanguage = form.originalLanguage;
      const description = descriptionOf(form, activity.description);
      if (!same(description, activity.description)) body.description = description;
      if (form.start !== initial.start) body.start = form.start;
      if (form.end !== initial.end) body.end = form.end || null;
      if (!same(form.sdgTargets, initial.sdgTargets)) body.sdgTargets = form.sdgTargets;
      if (!same(form.contactIds, initial.contactIds)) body.contactIds = form.contactIds;
      const budget = budgetOf(form);
      if (!same(budget, activity.budget)) body.budget = budget;
      if (!same(linksOf(form), activity.links)) body.links = linksOf(form);
      if (form.visibility !== initial.visibility) body.visibility = form.visibility;
      return api.patch<Activity>(`/activities/${segment(activity.id)}`, body);
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(["activity", saved.id], saved);
      void queryClient.invalidateQueries({ queryKey: ["activities"] });
      void queryClient.invalidateQueries({ queryKey: ["activity-history", saved.id] });
      navigate(activityPath(saved));
      announce(t("activities.savedNotice", { title: localize(saved.title, saved.originalLanguage) }));
    },
  });
  return (
    <ActivityForm
      initial={initial}
      mode="edit"
      activityId={activity.id}
      pending={update.isPending}
      error={update.error}
      onSubmit={(form) => update.mutate(form)}
      onReload={onReload}
      cancelTo={activityPath(activity)}
    />
  );
}

const SHOWN_FIELDS =
  /^(unitCode|ref|type|status|title(\.\w+)?|originalLanguage|description(\.\w+)?|start|end|areaSlugs(\.\d+)?|sdgTargets(\.\d+)?|contactIds(\.\d+)?|budget(\.\w+)?|links(\.\d+)?|visibility)$/;

function ActivityForm({
  initial,
  mode,
  activityId,
  pending,
  error,
  onSubmit,
  onReload,
  cancelTo,
}: {
  initial: ActivityFormState;
  mode: "create" | "edit";
  activityId?: string;
  pending: boolean;
  error: unknown;
  onSubmit: (form: ActivityFormState) => void;
  onReload?: () => void;
  cancelTo: string;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const localize = useLocalize();
  const units = useUnits();
  const areas = useAreas();
  const targets = useSdgTargets();
  const [form, setForm] = useState(initial);
  const contactName = useContactName();
  const [targetFilter, setTargetFilter] = useState("");
  const errors = fieldErrorsOf(error);
  const set = <K extends keyof ActivityFormState>(key: K, value: ActivityFormState[K]) =>
    setForm((previous) => ({ ...previous, [key]: value }));

  const unitOptions = (units.data ?? []).map((unit) => ({
    value: unit.code,
    label: `${unit.code} — ${localize(unit.name, unit.originalLanguage)}`,
  }));
  const areaOptions = (areas.data ?? []).map((area) => ({
    value: area.slug,
    label: localize(area.name, area.originalLanguage),
  }));
  const wanted = targetFilter.trim().toLocaleLowerCase(i18n.language);
  const targetOptions = (targets.data ?? [])
    .map((target) => ({ value: target.code, label: `${target.code} — ${localize(target.text, "en")}` }))
    .filter(
      (option) =>
        !wanted ||
        option.value.startsWith(wanted) ||
        option.label.toLocaleLowerCase(i18n.language).includes(wanted) ||
        form.sdgTargets.includes(option.value),
    );
  const budgetError = errors.budget ?? errors["budget.amount"];
  const linkErrors = listErrors(errors, "links", linksOf(form), (v) => v);

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
          <NativeSelect
            label={t("field.unit")}
            name="unitCode"
            value={form.unitCode}
            onChange={(event) => set("unitCode", event.currentTarget.value)}
            error={errors.unitCode}
            disabled={mode === "edit"}
            required
            data={[{ value: "", label: t("people.chooseUnit") }, ...unitOptions]}
          />
          <TextInput
            label={t("activities.ref")}
            description={t("activities.refHint")}
            name="ref"
            value={form.ref}
            onChange={(event) => set("ref", event.currentTarget.value)}
            error={errors.ref}
            disabled={mode === "edit"}
            required
            autoComplete="off"
          />
          <NativeSelect
            label={t("activities.type")}
            name="type"
            value={form.type}
            onChange={(event) => set("type", event.currentTarget.value as ActivityType)}
            error={errors.type}
            data={ACTIVITY_TYPES.map((type) => ({ value: type, label: t(`activityType.${type}`) }))}
          />
          <NativeSelect
            label={t("field.status")}
            name="status"
            value={form.status}
            onChange={(event) => set("status", event.currentTarget.value as ActivityStatus)}
            error={errors.status}
            data={ACTIVITY_STATUSES.map((status) => ({
              value: status,
              label: t(`activityStatus.${status}`),
            }))}
          />
          <TextInput
            type="date"
            label={t("activities.start")}
            name="start"
            value={form.start}
            onChange={(event) => set("start", event.currentTarget.value)}
            error={errors.start}
            required
          />
          <TextInput
            type="date"
            label={t("activities.end")}
            description={t("activities.endHint")}
            name="end"
            value={form.end}
            onChange={(event) => set("end", event.currentTarget.value)}
            error={errors.end}
          />
        </SimpleGrid>
        <MultilingualTextFields
          legend={t("activities.titlesTitle")}
          hint={t("activities.titlesHint")}
          field="title"
          label={(language) => t("activities.titleIn", { language })}
          values={form.titles}
          onChange={(lang, value) =>
            setForm((previous) => ({ ...previous, titles: { ...previous.titles, [lang]: value } }))
          }
          errors={errors}
          originalLanguage={form.originalLanguage}
          onOriginalLanguageChange={(lang) => set("originalLanguage", lang)}
          errorId="activity-title-error"
          autoComplete="off"
        >
          <Textarea
            label={t("activities.descriptionIn", { language: format.languageName(form.originalLanguage) })}
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
        {mode === "create" ? (
          <CheckboxChoice
            legend={t("activities.areas")}
            hint={t("activities.areasHint")}
            name="areaSlugs"
            options={areaOptions}
            selected={form.areaSlugs}
            onChange={(values) => set("areaSlugs", values)}
            errors={listErrors(errors, "areaSlugs", form.areaSlugs, (v) => v)}
          />
        ) : null}
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
        <ContactPicker
          selected={form.contactIds}
          onChange={(ids) => set("contactIds", ids)}
          errors={listErrors(errors, "contactIds", form.contactIds, contactName)}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t("activities.budget")}
            description={t("activities.budgetHint")}
            name="budgetAmount"
            inputMode="decimal"
            value={form.budgetAmount}
            onChange={(event) => set("budgetAmount", event.currentTarget.value)}
            error={budgetError}
            autoComplete="off"
          />
          <TextInput
            label={t("activities.currency")}
            description={t("activities.currencyHint")}
            name="currency"
            value={form.currency}
            onChange={(event) => set("currency", event.currentTarget.value.toUpperCase())}
            error={errors["budget.currency"]}
            maxLength={3}
            autoComplete="off"
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
        <Textarea
          label={t("activities.links")}
          description={t("activities.linksHint")}
          name="links"
          value={form.links}
          onChange={(event) => set("links", event.currentTarget.value)}
          error={linkErrors.length > 0 ? linkErrors.join(" ") : undefined}
          autosize
          minRows={2}
          dir="ltr"
        />
        <SimilarActivities draft={draftOf(form, activityId)} />
        <FormActions
          pending={pending}
          submitLabel={mode === "create" ? t("activities.createSubmit") : t("common.save")}
          cancelTo={cancelTo}
        />
      </Stack>
    </form>
  );
}
