import { Anchor, Button, Group, Paper, Radio, SimpleGrid, Stack, Text, Textarea, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { LANGUAGES, type Language } from "#shared/languages.ts";
import {
  type DecideOverlapInput,
  OVERLAP_OUTCOMES,
  type OverlapCandidate,
  type OverlapOutcome,
  type OverlapSide,
} from "#shared/overlaps.ts";
import { segment } from "../../api/client.ts";
import { useViewer } from "../../api/session.ts";
import { useAnnounce } from "../../components/announcer.tsx";
import { Details } from "../../components/details.tsx";
import { FormErrorSummary, fieldErrorsOf } from "../../components/form-errors.tsx";
import { RecordHistory } from "../../components/history.tsx";
import { useLocalize } from "../../components/localized-text.tsx";
import { PageLoadError, PageTitle } from "../../components/page-title.tsx";
import { EmptyNotice, Loading } from "../../components/states.tsx";
import { useFormat } from "../../i18n/format.ts";
import { directionOf } from "../../i18n/i18n.ts";
import { ActivityStatusBadge, usePeriod } from "../activities/activity-parts.tsx";
import { activityPath } from "../activities/activities.queries.ts";
import { areaPath, useAreas } from "../areas/areas.queries.ts";
import { usePerson } from "../people/people.queries.ts";
import { useUnits } from "../units/units.queries.ts";
import {
  ActivityKey,
  EvidenceList,
  HighlightedText,
  LikelyBadge,
  OverlapStatusBadge,
  PairName,
  ScoreBadge,
} from "./overlap-parts.tsx";
import { activityKey, canDecideOverlap, useDecideOverlap, useOverlap } from "./overlaps.queries.ts";

export function OverlapPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const overlap = useOverlap(id);
  const [generation, setGeneration] = useState(0);
  if (overlap.isPending) return <Loading />;
  if (overlap.isError)
    return (
      <PageLoadError
        title={t("overlaps.candidateTitleShort")}
        error={overlap.error}
        onRetry={() => overlap.refetch()}
      />
    );
  return (
    <CandidateDetails
      candidate={overlap.data}
      formKey={`${overlap.data.version}-${generation}`}
      onReload={async () => {
        await overlap.refetch();
        setGeneration((n) => n + 1);
      }}
    />
  );
}

function CandidateDetails({
  candidate,
  formKey,
  onReload,
}: {
  candidate: OverlapCandidate;
  /** A new version (or a reload) starts the decision form afresh. */
  formKey: string;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const viewer = useViewer();
  const units = useUnits();
  const decider = canDecideOverlap(viewer.data, candidate, units.data ?? []);
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Anchor component={Link} to="/overlaps" size="sm">
          {t("overlaps.backToInbox")}
        </Anchor>
        <PageTitle
          title={t("overlaps.candidateTitle", { a: activityKey(candidate.a), b: activityKey(candidate.b) })}
        >
          {t("overlaps.candidateHeading")} <PairName candidate={candidate} />
        </PageTitle>
        <Group gap={6}>
          <ScoreBadge score={candidate.score} />
          <LikelyBadge likely={candidate.likely} />
          <OverlapStatusBadge status={candidate.status} />
          <Text size="sm">{t("overlaps.detectedOn", { when: format.moment(candidate.detectedAt) })}</Text>
        </Group>
      </Stack>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <SideCard side={candidate.a} headingId="overlap-side-a" />
        <SideCard side={candidate.b} headingId="overlap-side-b" />
      </SimpleGrid>

      <section aria-labelledby="overlap-evidence">
        <Title order={2} id="overlap-evidence" size="h3" mb="xs">
          {t("overlaps.evidenceTitle")}
        </Title>
        {candidate.evidence.length === 0 ? (
          <EmptyNotice>{t("overlaps.noEvidence")}</EmptyNotice>
        ) : (
          <EvidenceList evidence={candidate.evidence} />
        )}
      </section>

      <section aria-labelledby="overlap-decision">
        <Title order={2} id="overlap-decision" size="h3" mb="xs">
          {t("overlaps.decisionTitle")}
        </Title>
        <CurrentDecision candidate={candidate} />
        {decider ? (
          <DecisionForm key={formKey} candidate={candidate} onReload={onReload} />
        ) : (
          <Text mt="sm">{t("overlaps.cannotDecide")}</Text>
        )}
      </section>

      <section aria-labelledby="overlap-history">
        <Title order={2} id="overlap-history" size="h3" mb="xs">
          {t("overlaps.historyTitle")}
        </Title>
        <RecordHistory
          path={`/overlaps/${segment(candidate.id)}/history`}
          queryKey={["overlap-history", candidate.id]}
        />
      </section>
    </Stack>
  );
}

/** Languages the side is written in, its original first. */
function languagesOf(side: OverlapSide): Language[] {
  const present = LANGUAGES.filter((lang) => side.title[lang] || side.description?.[lang]);
  return [side.originalLanguage, ...present.filter((lang) => lang !== side.originalLanguage)].filter((lang) =>
    present.includes(lang),
  );
}

/** One activity as written (never translated here), with the passages that match the other marked. */
function SideCard({ side, headingId }: { side: OverlapSide; headingId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const period = usePeriod();
  const localize = useLocalize();
  const areas = useAreas();
  const none = t("history.none");
  const areaBySlug = new Map((areas.data ?? []).map((area) => [area.slug, area]));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId} className="overlap-side">
      <Stack gap="sm">
        <Title order={2} size="h3" id={headingId}>
          <Anchor component={Link} to={activityPath(side)}>
            <ActivityKey side={side} />
          </Anchor>
        </Title>
        {languagesOf(side).map((lang) => {
          const dir = directionOf(lang);
          const title = side.title[lang];
          const description = side.description?.[lang];
          return (
            <div key={lang} className="overlap-text">
              <Text size="sm" c="dimmed" className="overlap-text-language">
                {lang === side.originalLanguage
                  ? t("overlaps.originalText", { language: format.languageName(lang) })
                  : t("overlaps.translatedText", { language: format.languageName(lang) })}
              </Text>
              {title ? (
                <Text fw={600} lang={lang} dir={dir} className="overlap-title">
                  <HighlightedText text={title} ranges={side.highlights?.title[lang]} />
                </Text>
              ) : null}
              {description ? (
                <Text lang={lang} dir={dir} className="overlap-description">
                  <HighlightedText text={description} ranges={side.highlights?.description[lang]} />
                </Text>
              ) : null}
            </div>
          );
        })}
        <Details
          items={[
            { label: t("field.unit"), value: side.unitCode },
            { label: t("activities.type"), value: t(`activityType.${side.type}`) },
            { label: t("field.status"), value: <ActivityStatusBadge status={side.status} /> },
            { label: t("activities.periodLabel"), value: period(side) },
            {
              label: t("activities.areas"),
              value:
                side.areaSlugs.length === 0 ? (
                  none
                ) : (
                  <Group gap={6}>
                    {side.areaSlugs.map((slug) => {
                      const area = areaBySlug.get(slug);
                      return (
                        <Anchor key={slug} component={Link} to={areaPath({ slug })} size="sm">
                          {area ? localize(area.name, area.originalLanguage) : slug}
                        </Anchor>
                      );
                    })}
                  </Group>
                ),
            },
            {
              label: t("overlaps.sdgTargets"),
              value: side.sdgTargets.length === 0 ? none : format.list(side.sdgTargets),
            },
          ]}
        />
        <Anchor component={Link} to={activityPath(side)} size="sm">
          {t("overlaps.openActivity", { key: activityKey(side) })}
        </Anchor>
      </Stack>
    </Paper>
  );
}

function DecidedBy({ personId }: { personId: string }) {
  const person = usePerson(personId);
  return <>{person.data?.name ?? "…"}</>;
}

function CurrentDecision({ candidate }: { candidate: OverlapCandidate }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (candidate.status === "open") return <Text>{t("overlaps.awaiting")}</Text>;
  return (
    <Details
      items={[
        { label: t("field.status"), value: <OverlapStatusBadge status={candidate.status} /> },
        ...(candidate.outcome
          ? [{ label: t("field.outcome"), value: t(`overlapOutcome.${candidate.outcome}`) }]
          : []),
        ...(candidate.reason
          ? [{ label: t("field.reason"), value: <span dir="auto">{candidate.reason}</span> }]
          : []),
        ...(candidate.decidedBy
          ? [{ label: t("overlaps.decidedBy"), value: <DecidedBy personId={candidate.decidedBy} /> }]
          : []),
        ...(candidate.decidedAt
          ? [{ label: t("overlaps.decidedAt"), value: format.moment(candidate.decidedAt) }]
          : []),
      ]}
    />
  );
}

type Choice = DecideOverlapInput["status"];

const SHOWN_FIELDS = /^(status|outcome|reason)$/;

/** Confirm with an outcome, dismiss with a reason, or open again; the server checks each rule. */
function DecisionForm({ candidate, onReload }: { candidate: OverlapCandidate; onReload: () => void }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const decide = useDecideOverlap(candidate.id);
  const [choice, setChoice] = useState<Choice | "">("");
  const [outcome, setOutcome] = useState<OverlapOutcome | "">(candidate.outcome ?? "");
  const [reason, setReason] = useState("");
  const errors = fieldErrorsOf(decide.error);
  const choices: Choice[] =
    candidate.status === "open" ? ["confirmed", "dismissed"] : ["confirmed", "dismissed", "open"];
  return (
    <form
      noValidate
      aria-labelledby="overlap-decide-title"
      onSubmit={(event) => {
        event.preventDefault();
        const note = reason.trim();
        decide.mutate(
          {
            status: choice as Choice,
            ...(choice === "confirmed" && outcome ? { outcome } : {}),
            ...(note ? { reason: note } : {}),
            version: candidate.version,
          },
          {
            onSuccess: (saved) => announce(t(`overlaps.decidedNotice.${saved.status}`)),
          },
        );
      }}
    >
      <Title order={3} size="h4" id="overlap-decide-title" mt="md" mb="xs">
        {candidate.status === "open" ? t("overlaps.decideTitle") : t("overlaps.changeDecisionTitle")}
      </Title>
      <Stack gap="md" maw={720}>
        <FormErrorSummary
          error={decide.error}
          shownFields={(field) => SHOWN_FIELDS.test(field)}
          onReload={onReload}
        />
        <Radio.Group
          name="status"
          label={t("overlaps.choiceLabel")}
          value={choice}
          onChange={(value) => setChoice(value as Choice)}
          error={errors.status}
          required
        >
          <Stack gap="xs" mt="xs">
            {choices.map((value) => (
              <Radio
                key={value}
                value={value}
                label={t(`overlaps.choice.${value}`)}
                description={t(`overlaps.choiceHint.${value}`)}
              />
            ))}
          </Stack>
        </Radio.Group>
        {choice === "confirmed" ? (
          <Radio.Group
            name="outcome"
            label={t("field.outcome")}
            description={t("overlaps.outcomeHint")}
            value={outcome}
            onChange={(value) => setOutcome(value as OverlapOutcome)}
            error={errors.outcome}
            required
          >
            <Stack gap="xs" mt="xs">
              {OVERLAP_OUTCOMES.map((value) => (
                <Radio
                  key={value}
                  value={value}
                  label={t(`overlapOutcome.${value}`)}
                  description={t(`overlaps.outcomeDescription.${value}`)}
                />
              ))}
            </Stack>
          </Radio.Group>
        ) : null}
        <Textarea
          name="reason"
          label={t("field.reason")}
          description={t("overlaps.reasonHint")}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={errors.reason}
          required={choice === "dismissed"}
          autosize
          minRows={2}
          maxLength={2000}
        />
        <Group>
          <Button type="submit" loading={decide.isPending}>
            {t("overlaps.decideSubmit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
