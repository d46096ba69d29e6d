import {
  Button,
  Fieldset,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ActionItem, SpawnActionItemsInput } from "#shared/decisions.ts";
import { LANGUAGES, type Language } from "#shared/languages.ts";
import { api, segment } from "../../api/client.ts";
import { useAnnounce } from "../../components/announcer.tsx";
import { FormErrorSummary, fieldErrorsOf } from "../../components/form-errors.tsx";
import { useLocalize } from "../../components/localized-text.tsx";
import { PersonSelect } from "../../components/person-select.tsx";
import { today, useFormat } from "../../i18n/format.ts";
import { currentLanguage, directionOf } from "../../i18n/i18n.ts";
import { currentUnitCodes } from "../people/people.queries.ts";
import { useUnits } from "../units/units.queries.ts";

interface Draft {
  key: number;
  title: string;
  ownerPersonId: string;
  ownerUnitCode: string;
  dueDate: string;
}

/** The API takes at most this many action items in one step (src/shared/decisions.ts). */
const MAX_DRAFTS = 50;

const DRAFT_FIELD = /^items\.(\d+)\.(title|ownerPersonId|ownerUnitCode|dueDate)(\.|$)/;

let nextKey = 1;
const emptyDraft = (): Draft => ({
  key: nextKey++,
  title: "",
  ownerPersonId: "",
  ownerUnitCode: "",
  dueDate: "",
});

/**
 * Turns an agenda item or a decision into action items in one step: as many as needed, each with
 * a title, an owner, the owner's unit and a due date. Nothing is created unless all are right.
 */
export function ActionItemsForm({
  source,
  headingId,
  heading,
  level,
  onDone,
  onCancel,
}: {
  source: { agendaItemId: string } | { decisionId: string };
  headingId: string;
  heading: string;
  /** The heading's level: one below the section or item the form opens in. */
  level: 3 | 4;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const announce = useAnnounce();
  const queryClient = useQueryClient();
  const units = useUnits();
  const localize = useLocalize();
  const [language, setLanguage] = useState<Language>(() => currentLanguage());
  const [drafts, setDrafts] = useState<Draft[]>(() => [emptyDraft()]);
  const [focusKey, setFocusKey] = useState<number | null>(null);
  const path =
    "agendaItemId" in source
      ? `/agenda-items/${segment(source.agendaItemId)}/action-items`
      : `/decisions/${segment(source.decisionId)}/action-items`;
  const create = useMutation({
    mutationFn: () =>
      api.post<{ entries: ActionItem[] }>(path, {
        items: drafts.map((draft) => ({
          title: draft.title.trim() ? { [language]: draft.title.trim() } : {},
          originalLanguage: language,
          ownerPersonId: draft.ownerPersonId,
          ownerUnitCode: draft.ownerUnitCode,
          dueDate: draft.dueDate,
        })),
      } satisfies SpawnActionItemsInput),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: ["action-items"] });
      announce(t("actionItems.createdNotice", { shown: format.number(created.entries.length) }));
      onDone();
    },
  });
  const errors = fieldErrorsOf(create.error);
  const rowError = (index: number, field: string) =>
    Object.entries(errors).find(([path]) => {
      const match = DRAFT_FIELD.exec(path);
      return match && Number(match[1]) === index && match[2] === field;
    })?.[1];
  const update = (key: number, changes: Partial<Draft>) =>
    setDrafts((previous) => previous.map((draft) => (draft.key === key ? { ...draft, ...changes } : draft)));
  const unitOptions = [...(units.data ?? [])]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((unit) => ({
      value: unit.code,
      label: `${unit.code} — ${localize(unit.name, unit.originalLanguage)}`,
    }));

  return (
    <form
      noValidate
      aria-labelledby={headingId}
      className="action-items-form"
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate();
      }}
    >
      <Title order={level} size="h5" id={headingId} mb="xs">
        {heading}
      </Title>
      <Stack gap="sm">
        <Text size="sm">{t("actionItems.formHint")}</Text>
        <FormErrorSummary error={create.error} shownFields={(field) => DRAFT_FIELD.test(field)} />
        <NativeSelect
          label={t("actionItems.titlesLanguage")}
          name="titlesLanguage"
          value={language}
          onChange={(event) => setLanguage(event.currentTarget.value as Language)}
          data={LANGUAGES.map((lang) => ({ value: lang, label: format.languageName(lang) }))}
          maw={320}
        />
        {drafts.map((draft, index) => (
          <Fieldset
            key={draft.key}
            legend={t("actionItems.draftLegend", { number: format.number(index + 1) })}
            className="action-item-draft"
          >
            <Stack gap="xs">
              <TextInput
                label={t("field.title")}
                name={`items.${index}.title`}
                lang={language}
                dir={directionOf(language)}
                value={draft.title}
                onChange={(event) => update(draft.key, { title: event.currentTarget.value })}
                error={rowError(index, "title")}
                required
                autoFocus={draft.key === focusKey}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <PersonSelect
                  name={`items.${index}.ownerPersonId`}
                  label={t("actionItems.owner")}
                  value={draft.ownerPersonId}
                  onChange={(person) =>
                    update(draft.key, {
                      ownerPersonId: person?.id ?? "",
                      // The owner's unit is where they work now, unless another was chosen already.
                      ...(person && !draft.ownerUnitCode
                        ? { ownerUnitCode: currentUnitCodes(person, today())[0] ?? "" }
                        : {}),
                    })
                  }
                  error={rowError(index, "ownerPersonId")}
                />
                <NativeSelect
                  label={t("actionItems.ownerUnit")}
                  name={`items.${index}.ownerUnitCode`}
                  value={draft.ownerUnitCode}
                  onChange={(event) => update(draft.key, { ownerUnitCode: event.currentTarget.value })}
                  error={rowError(index, "ownerUnitCode")}
                  required
                  data={[{ value: "", label: t("actionItems.chooseUnit") }, ...unitOptions]}
                />
                <TextInput
                  type="date"
                  label={t("field.dueDate")}
                  name={`items.${index}.dueDate`}
                  value={draft.dueDate}
                  onChange={(event) => update(draft.key, { dueDate: event.currentTarget.value })}
                  error={rowError(index, "dueDate")}
                  required
                />
              </SimpleGrid>
              {drafts.length > 1 ? (
                <Group>
                  <Button
                    size="compact-sm"
                    variant="outline"
                    color="red.9"
                    onClick={() => setDrafts((previous) => previous.filter((d) => d.key !== draft.key))}
                  >
                    {t("actionItems.removeDraft", { number: format.number(index + 1) })}
                  </Button>
                </Group>
              ) : null}
            </Stack>
          </Fieldset>
        ))}
        <Group>
          <Button
            variant="default"
            disabled={drafts.length >= MAX_DRAFTS}
            onClick={() => {
              const draft = emptyDraft();
              setDrafts((previous) => [...previous, draft]);
              setFocusKey(draft.key);
            }}
          >
            {t("actionItems.addDraft")}
          </Button>
        </Group>
        <Group>
          <Button type="submit" loading={create.isPending}>
            {t("actionItems.create", { shown: format.number(drafts.length) })}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t("common.cancel")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
