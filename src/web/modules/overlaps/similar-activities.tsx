import { Anchor, Group, Paper, Stack, Text, Title, VisuallyHidden } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import type { SimilarActivitiesInput } from "#shared/overlaps.ts";
import { LocalizedText } from "../../components/localized-text.tsx";
import { activityPath } from "../activities/activities.queries.ts";
import { ActivityKey, LikelyBadge, ScoreBadge } from "./overlap-parts.tsx";
import { useSimilarActivities } from "./overlaps.queries.ts";

const SHOWN = 5;
const DEBOUNCE_MS = 600;

/**
 * Advice while an activity is written: the existing activities of other units it most resembles,
 * asked for once the writer pauses. It never stops the form from being saved.
 */
export function SimilarActivities({ draft }: { draft: SimilarActivitiesInput | null }) {
  const { t } = useTranslation();
  // The draft is compared by content: a new object with the same fields does not restart the wait.
  const [debounced] = useDebouncedValue(draft ? JSON.stringify(draft) : null, DEBOUNCE_MS);
  const similar = useSimilarActivities(debounced ? (JSON.parse(debounced) as SimilarActivitiesInput) : null);
  if (draft === null && debounced === null) return null;
  const entries = (similar.data ?? []).slice(0, SHOWN);
  // A draft the server cannot read yet (a half-typed date) is simply not compared.
  const status = similar.isError
    ? ""
    : similar.isPending
      ? t("similar.checking")
      : entries.length === 0
        ? t("similar.none")
        : t("similar.found", { shown: entries.length });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="similar-title" className="similar-panel">
      <Stack gap="xs">
        <Title order={2} size="h4" id="similar-title">
          {t("similar.title")}
        </Title>
        <Text size="sm">{t("similar.intro")}</Text>
        <Text size="sm" aria-live="polite" className="similar-status" fw={500}>
          {status}
        </Text>
        {entries.length > 0 ? (
          <ol className="similar-list">
            {entries.map(({ activity, score, likely }) => (
              <li key={activity.id}>
                <Group gap={6} wrap="wrap">
                  <Anchor href={activityPath(activity)} target="_blank" rel="noopener">
                    <ActivityKey side={activity} />
                    {" — "}
                    <LocalizedText text={activity.title} original={activity.originalLanguage} />
                    <VisuallyHidden> ({t("similar.newTab")})</VisuallyHidden>
                  </Anchor>
                  <ScoreBadge score={score} />
                  <LikelyBadge likely={likely} />
                </Group>
              </li>
            ))}
          </ol>
        ) : null}
      </Stack>
    </Paper>
  );
}
