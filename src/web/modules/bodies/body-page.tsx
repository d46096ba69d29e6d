import { Anchor, Button, Group, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { Body } from "#shared/bodies.ts";
import { apiPath, segment } from "../../api/client.ts";
import { useViewer } from "../../api/session.ts";
import { Details } from "../../components/details.tsx";
import { RecordHistory } from "../../components/history.tsx";
import { LocalizedText, useLocalize } from "../../components/localized-text.tsx";
import { PageLoadError, PageTitle } from "../../components/page-title.tsx";
import { Loading } from "../../components/states.tsx";
import { BodyMeetings } from "../meetings/body-meetings.tsx";
import { bodyPath, canManageBodies, useBody } from "./bodies.queries.ts";
import { BodyMembers } from "./body-members.tsx";
import { BodyStatisticsTables } from "./body-statistics.tsx";

export function BodyPage() {
  const { t } = useTranslation();
  const { code } = useParams();
  const body = useBody(code);
  if (body.isPending) return <Loading />;
  if (body.isError)
    return (
      <PageLoadError title={t("bodies.detailTitle")} error={body.error} onRetry={() => body.refetch()} />
    );
  return <BodyDetails body={body.data} />;
}

function BodyDetails({ body }: { body: Body }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const viewer = useViewer();
  const manage = canManageBodies(viewer.data);
  const none = t("history.none");
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Anchor component={Link} to="/bodies" size="sm">
          {t("bodies.backToList")}
        </Anchor>
        <Group justify="space-between" align="flex-end">
          <PageTitle title={localize(body.name, body.originalLanguage)}>
            <LocalizedText text={body.name} original={body.originalLanguage} />
          </PageTitle>
          {manage ? (
            <Button component={Link} to={`${bodyPath(body)}/edit`} variant="default">
              {t("common.edit")}
            </Button>
          ) : null}
        </Group>
      </Stack>

      <Details
        items={[
          { label: t("field.code"), value: <span dir="ltr">{body.code}</span> },
          { label: t("field.level"), value: t(`bodyLevel.${body.level}`) },
          {
            label: t("bodies.chair"),
            value: body.chairPersonId ? (
              <Anchor component={Link} to={`/people/${segment(body.chairPersonId)}`}>
                {body.chairName}
              </Anchor>
            ) : (
              none
            ),
          },
          {
            label: t("field.termsOfReference"),
            value: body.termsOfReference ? (
              <LocalizedText text={body.termsOfReference} original={body.originalLanguage} />
            ) : (
              none
            ),
          },
          {
            label: t("field.instrumentCitation"),
            value: body.instrumentId ? (
              <Anchor component={Link} to={`/mandates/${segment(body.instrumentId)}`}>
                {body.instrumentCitation}
              </Anchor>
            ) : (
              none
            ),
          },
          { label: t("field.visibility"), value: t(`visibility.${body.visibility}`) },
        ]}
      />

      <section aria-labelledby="body-members">
        <Title order={2} id="body-members" size="h3" mb="xs">
          {t("bodies.membersTitle")}
        </Title>
        <BodyMembers body={body} manage={manage} />
      </section>

      <section aria-labelledby="body-statistics">
        <Title order={2} id="body-statistics" size="h3" mb="xs">
          {t("bodies.statisticsTitle")}
        </Title>
        <Text size="sm" mb="xs">
          {t("bodies.statisticsIntro")}
        </Text>
        <BodyStatisticsTables body={body} />
      </section>

      <section aria-labelledby="body-meetings">
        <Title order={2} id="body-meetings" size="h3" mb="xs">
          {t("meetings.title")}
        </Title>
        <Anchor
          href={apiPath(`/bodies/${segment(body.id)}/calendar.ics`)}
          download={`${body.code}.ics`}
          size="sm"
          className="body-calendar-link"
          mb="xs"
          display="inline-block"
        >
          {t("calendar.downloadBodyFeed")}
        </Anchor>
        <BodyMeetings body={body} manage={manage} />
      </section>

      <section aria-labelledby="body-history">
        <Title order={2} id="body-history" size="h3" mb="xs">
          {t("history.title")}
        </Title>
        <RecordHistory path={`/bodies/${segment(body.id)}/history`} queryKey={["body-history", body.id]} />
      </section>
    </Stack>
  );
}
