import { Anchor, Button, Group, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { missingLanguages } from "#shared/languages.ts";
import type { Mandate } from "#shared/mandates.ts";
import { segment } from "../../api/client.ts";
import { useViewer } from "../../api/session.ts";
import { Details } from "../../components/details.tsx";
import { RecordHistory } from "../../components/history.tsx";
import { LocalizedText } from "../../components/localized-text.tsx";
import { PageLoadError, PageTitle } from "../../components/page-title.tsx";
import { Loading } from "../../components/states.tsx";
import { useFormat } from "../../i18n/format.ts";
import { VerificationBadge } from "./mandate-parts.tsx";
import { canManageMandates, mandatePath, useMandate } from "./mandates.queries.ts";

export function MandatePage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const mandate = useMandate(id);
  if (mandate.isPending) return <Loading />;
  if (mandate.isError)
    return (
      <PageLoadError
        title={t("mandates.detailTitle")}
        error={mandate.error}
        onRetry={() => mandate.refetch()}
      />
    );
  return <MandateDetails mandate={mandate.data} />;
}

function MandateDetails({ mandate }: { mandate: Mandate }) {
  const { t } = useTranslation();
  const format = useFormat();
  const viewer = useViewer();
  const manage = canManageMandates(viewer.data);
  const none = t("history.none");
  const missing = missingLanguages(mandate.title);
  const yesNo = (value: boolean) => (value ? t("common.yes") : t("common.no"));

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Anchor component={Link} to="/mandates" size="sm">
          {t("mandates.backToList")}
        </Anchor>
        <Group justify="space-between" align="flex-end">
          <PageTitle title={mandate.citation} />
          {manage ? (
            <Button component={Link} to={`${mandatePath(mandate)}/edit`} variant="default">
              {t("common.edit")}
            </Button>
          ) : null}
        </Group>
        <Text size="lg">
          <LocalizedText text={mandate.title} original={mandate.originalLanguage} />
        </Text>
      </Stack>

      <Details
        items={[
          { label: t("mandates.source"), value: t(`mandateSource.${mandate.source}`) },
          { label: t("field.kind"), value: t(`mandateKind.${mandate.kind}`) },
          { label: t("mandates.number"), value: mandate.number },
          { label: t("mandates.place"), value: mandate.place ?? none },
          { label: t("mandates.year"), value: String(mandate.year) },
          { label: t("mandates.revisedShort"), value: yesNo(mandate.revised) },
          { label: t("field.originalLanguage"), value: format.languageName(mandate.originalLanguage) },
          {
            label: t("mandates.missingLanguages"),
            value: missing.length === 0 ? none : missing.map((lang) => format.languageName(lang)).join(", "),
          },
          {
            label: t("mandates.link"),
            value: mandate.link ? (
              <Anchor href={mandate.link} rel="noreferrer" dir="ltr">
                {mandate.link}
              </Anchor>
            ) : (
              none
            ),
          },
          {
            label: t("mandates.instructs"),
            value:
              mandate.instructs.length === 0 ? (
                none
              ) : (
                <ul className="mandate-instructs">
                  {mandate.instructs.map((who) => (
                    <li key={who} dir="auto">
                      {who}
                    </li>
                  ))}
                </ul>
              ),
          },
          { label: t("mandates.coordination"), value: yesNo(mandate.callsForInterSectoralCoordination) },
          {
            label: t("mandates.verification"),
            value: (
              <Stack gap={4} align="flex-start">
                <VerificationBadge verified={mandate.verified} />
                {mandate.sourceNote ? (
                  <Text size="sm" dir="auto">
                    {mandate.sourceNote}
                  </Text>
                ) : null}
              </Stack>
            ),
          },
          { label: t("field.visibility"), value: t(`visibility.${mandate.visibility}`) },
        ]}
      />

      <section aria-labelledby="mandate-history">
        <Title order={2} id="mandate-history" size="h3" mb="xs">
          {t("history.title")}
        </Title>
        <RecordHistory
          path={`/mandates/${segment(mandate.id)}/history`}
          queryKey={["mandate-history", mandate.id]}
        />
      </section>
    </Stack>
  );
}
