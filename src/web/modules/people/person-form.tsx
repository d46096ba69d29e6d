import { Fieldset, NativeSelect, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { VISIBILITIES, type Visibility } from "#shared/access.ts";
import { LANGUAGE_AUTONYMS, LANGUAGES, type Language } from "#shared/languages.ts";
import type { CreatePersonInput, Person, UpdatePersonInput } from "#shared/organization.ts";
import { api, segment } from "../../api/client.ts";
import { useAnnounce } from "../../components/announcer.tsx";
import { EditRecordPage } from "../../components/edit-record-page.tsx";
import { FormActions } from "../../components/form-actions.tsx";
import { FormErrorSummary, fieldErrorsOf } from "../../components/form-errors.tsx";
import { useLocalize } from "../../components/localized-text.tsx";
import { PageTitle } from "../../components/page-title.tsx";
import { today, useFormat } from "../../i18n/format.ts";
import { currentLanguage, directionOf } from "../../i18n/i18n.ts";
import { useUnits } from "../units/units.queries.ts";
import { personPath, usePerson } from "./people.queries.ts";

interface PersonFormState {
  name: string;
  email: string;
  preferredLanguage: Language;
  visibility: Visibility;
  unitCode: string;
  title: string;
  titleLanguage: Language;
  validFrom: string;
}

const SHOWN_FIELDS =
  /^(name|email|preferredLanguage|visibility|posts\.0\.(unitCode|title(\.\w+)?|validFrom))$/;

export function PersonCreatePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const localize = useLocalize();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const queryClient = useQueryClient();
  const units = useUnits();
  const [form, setForm] = useState<PersonFormState>(() => ({
    name: "",
    email: "",
    preferredLanguage: currentLanguage(),
    visibility: "internal",
    unitCode: "",
    title: "",
    titleLanguage: currentLanguage(),
    validFrom: today(),
  }));
  const set = <K extends keyof PersonFormState>(key: K, value: PersonFormState[K]) =>
    setForm((previous) => ({ ...previous, [key]: value }));

  const create = useMutation({
    mutationFn: () => {
      const hasPost = form.unitCode !== "" || form.title.trim() !== "";
      const body: CreatePersonInput = {
        name: form.name.trim(),
        email: form.email.trim() || null,
        preferredLanguage: form.preferredLanguage,
        visibility: form.visibility,
        posts: hasPost
          ? [
              {
                unitCode: form.unitCode,
                title: form.title.trim() ? { [form.titleLanguage]: form.title.trim() } : {},
                validFrom: form.validFrom,
                validTo: null,
              },
            ]
          : [],
      };
      return api.post<Person>("/people", body);
    },
    onSuccess: (person) => {
      void queryClient.invalidateQueries({ queryKey: ["people"] });
      navigate(personPath(person));
      announce(t("people.createdNotice", { name: person.name }));
    },
  });
  const errors = fieldErrorsOf(create.error);
  const titleError = errors["posts.0.title"] ?? errors[`posts.0.title.${form.titleLanguage}`];

  return (
    <Stack gap="md">
      <PageTitle title={t("people.createTitle")} />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate();
        }}
      >
        <Stack gap="md" maw={760}>
          <FormErrorSummary error={create.error} shownFields={(field) => SHOWN_FIELDS.test(field)} />
          <PersonFields
            form={form}
            errors={errors}
            onChange={(key, value) => setForm((previous) => ({ ...previous, [key]: value }))}
          />
          <Fieldset legend={t("people.firstPost")}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NativeSelect
                label={t("field.unit")}
                name="unitCode"
                value={form.unitCode}
                onChange={(event) => set("unitCode", event.currentTarget.value)}
                error={errors["posts.0.unitCode"]}
                data={[
                  { value: "", label: t("people.noPost") },
                  ...(units.data ?? []).map((unit) => ({
                    value: unit.code,
                    label: `${unit.code} — ${localize(unit.name, unit.originalLanguage)}`,
                  })),
                ]}
              />
              <TextInput
                type="date"
                label={t("field.validFrom")}
                name="validFrom"
                value={form.validFrom}
                onChange={(event) => set("validFrom", event.currentTarget.value)}
                error={errors["posts.0.validFrom"]}
              />
              <TextInput
                label={t("field.title")}
                name="title"
                lang={form.titleLanguage}
                dir={directionOf(form.titleLanguage)}
                value={form.title}
                onChange={(event) => set("title", event.currentTarget.value)}
                error={titleError}
                autoComplete="off"
              />
              <NativeSelect
                label={t("people.titleLanguage")}
                name="titleLanguage"
                value={form.titleLanguage}
                onChange={(event) => set("titleLanguage", event.currentTarget.value as Language)}
                data={LANGUAGES.map((lang) => ({ value: lang, label: format.languageName(lang) }))}
              />
            </SimpleGrid>
          </Fieldset>
          <FormActions pending={create.isPending} submitLabel={t("people.createSubmit")} cancelTo="/people" />
        </Stack>
      </form>
    </Stack>
  );
}

/** The details every person has, as a create or edit form shows them. */
type PersonDetailsState = Pick<PersonFormState, "name" | "email" | "preferredLanguage" | "visibility">;

function PersonFields({
  form,
  errors,
  onChange,
}: {
  form: PersonDetailsState;
  errors: Record<string, string>;
  onChange: <K extends keyof PersonDetailsState>(key: K, value: PersonDetailsState[K]) => void;
}) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <TextInput
        label={t("field.name")}
        name="name"
        value={form.name}
        onChange={(event) => onChange("name", event.currentTarget.value)}
        error={errors.name}
        required
        autoComplete="off"
      />
      <TextInput
        type="email"
        label={t("field.email")}
        name="email"
        value={form.email}
        onChange={(event) => onChange("email", event.currentTarget.value)}
        error={errors.email}
        autoComplete="off"
      />
      <NativeSelect
        label={t("field.preferredLanguage")}
        name="preferredLanguage"
        value={form.preferredLanguage}
        onChange={(event) => onChange("preferredLanguage", event.currentTarget.value as Language)}
        error={errors.preferredLanguage}
      >
        {LANGUAGES.map((lang) => (
          <option key={lang} value={lang} lang={lang}>
            {LANGUAGE_AUTONYMS[lang]}
          </option>
        ))}
      </NativeSelect>
      <NativeSelect
        label={t("field.visibility")}
        name="visibility"
        value={form.visibility}
        onChange={(event) => onChange("visibility", event.currentTarget.value as Visibility)}
        error={errors.visibility}
        data={VISIBILITIES.map((v) => ({ value: v, label: t(`visibility.${v}`) }))}
      />
    </SimpleGrid>
  );
}

const EDIT_FIELDS = /^(name|email|preferredLanguage|visibility)$/;

export function PersonEditPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const person = usePerson(id);
  return (
    <EditRecordPage
      record={person}
      loadErrorTitle={t("people.editTitle")}
      title={(record) => t("people.editTitleOf", { name: record.name })}

      form={(record, onReload) => <EditPersonForm person={record} onReload={onReload} />}
    />
  );
}

function EditPersonForm({ person, onReload }: { person: Person; onReload: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const queryClient = useQueryClient();
  const [initial] = useState<PersonDetailsState>(() => ({
    name: person.name,
    email: person.email ?? "",
    preferredLanguage: person.preferredLanguage,
    visibility: person.visibility,
  }));
  const [form, setForm] = useState(initial);
  const update = useMutation({
    mutationFn: () => {
      const body: UpdatePersonInput = { version: person.version };
      if (form.name.trim() !== initial.name) body.name = form.name.trim();
      if (form.email.trim() !== initial.email) body.email = form.email.trim() || null;
      if (form.preferredLanguage !== initial.preferredLanguage)
        body.preferredLanguage = form.preferredLanguage;
      if (form.visibility !== initial.visibility) body.visibility = form.visibility;
      return api.patch<Person>(`/people/${segment(person.id)}`, body);
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(["person", saved.id], saved);
      void queryClient.invalidateQueries({ queryKey: ["people"] });
      void queryClient.invalidateQueries({ queryKey: ["person-history", saved.id] });
      navigate(personPath(saved));
      announce(t("people.savedNotice", { name: saved.name }));
    },
  });
  const errors = fieldErrorsOf(update.error);
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        update.mutate();
      }}
    >
      <Stack gap="md" maw={760}>
        <FormErrorSummary
          error={update.error}
          shownFields={(field) => EDIT_FIELDS.test(field)}
          onReload={onReload}
        />
        <PersonFields
          form={form}
          errors={errors}
          onChange={(key, value) => setForm((previous) => ({ ...previous, [key]: value }))}
        />
        <FormActions
          pending={update.isPending}
          submitLabel={t("common.save")}
          cancelTo={personPath(person)}
        />
      </Stack>
    </form>
  );
}
