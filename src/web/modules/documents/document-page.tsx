import { Anchor, Button, Group, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import type { DocumentCitations, DocumentWithCitations } from "#shared/documents.ts";
import { api, segment } from "../../api/client.ts";
import { useViewer } from "../../api/session.ts";
import { useAnnounce } from "../../components/announcer.tsx";
import { ConfirmDialog } from "../../components/confirm-dialog.tsx";
import { Details } from "../../components/details.tsx";
import { isStaleVersion, StaleVersionNotice } from "../../components/form-errors.tsx";
import { RecordHistory } from "../../components/history.tsx";
import { LocalizedText, useLocalize } from "../../components/localized-text.tsx";
import { PageLoadError, PageTitle } from "../../components/page-title.tsx";
import { EmptyNotice, Loading } from "../../components/states.tsx";
import { useFormat } from "../../i18n/format.ts";
import { bodyPath, canManageBodies, canReadBodies } from "../bodies/bodies.queries.ts";
import { useFigureWords } from "../figures/figure-parts.tsx";
import { figurePath } from "../figures/figures.queries.ts";
import { MeetingDay } from "../meetings/meeting-parts.tsx";
import { meetingPath, useMeetingName } from "../meetings/meetings.queries.ts";
import { CitedBy, DocumentLanguages } from "./document-parts.tsx";
import { documentPath, invalidateDocuments, useDocument } from "./documents.queries.ts";

export function DocumentPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const document = useDocument(id);
  if (document.isPending) return <Loading />;
  if (document.isError)
    return (
      <PageLoadError
        title={t("documents.documentTitle")}
        error={document.error}
        onRetry={() => document.refetch()}
      />
    );
  return <DocumentDetails document={document.data} />;
}

function DocumentDetails({ document }: { document: DocumentWithCitations }) {
  const { t } = useTranslation();
  const format = useFormat();
  const localize = useLocalize();
  const meetingName = useMeetingName();
  const viewer = useViewer();
  const manage = canManageBodies(viewer.data);
  const [deleting, setDeleting] = useState(false);
  const none = t("history.none");
  const title = localize(document.title, document.originalLanguage);

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Anchor component={Link} to="/documents" size="sm">
          {t("documents.backToRegister")}
        </Anchor>
        <Group justify="space-between" align="flex-end">
          <PageTitle title={`${document.symbol} — ${title}`}>
            <bdi dir="ltr" className="document-symbol">
              {document.symbol}
            </bdi>
            {" — "}
            <LocalizedText text={document.title} original={document.originalLanguage} />
          </PageTitle>
          {manage ? (
            <Group gap="sm">
              <Button component={Link} to={`${documentPath(document)}/edit`} variant="default">
                {t("documents.edit")}
              </Button>
              <Button variant="outline" color="red.9" onClick={() => setDeleting(true)}>
                {t("documents.delete")}
              </Button>
            </Group>
          ) : null}
        </Group>
      </Stack>

      <Details
        items={[
          {
            label: t("documents.symbol"),
            value: (
              <span dir="ltr" className="document-symbol">
                {document.symbol}
              </span>
            ),
          },
          {
            label: t("documents.titleField"),
            value: <LocalizedText text={document.title} original={document.originalLanguage} />,
          },
          {
            label: t("field.originalLanguage"),
            value: format.languageName(document.originalLanguage),
          },
          { label: t("documents.issuedOn"), value: document.issuedOn ? format.day(document.issuedOn) : none },
          { label: t("documents.languages"), value: <DocumentLanguages document={document} /> },
          {
            label: t("documents.body"),
            value: document.bodyCode ? (
              <Anchor component={Link} to={bodyPath({ code: document.bodyCode })} dir="ltr">
                {document.bodyCode}
              </Anchor>
            ) : (
              none
            ),
          },
          {
            label: t("documents.meeting"),
            value:
              document.meetingId && document.meetingNumber !== null ? (
                <Anchor component={Link} to={meetingPath({ id: document.meetingId })}>
                  {meetingName(document.meetingNumber)}
                </Anchor>
              ) : (
                none
              ),
          },
          {
            label: t("documents.link"),
            value: document.link ? (
              // The document lives elsewhere (the Union's document server): a new tab keeps this page.
              <Anchor href={document.link} target="_blank" rel="noopener noreferrer" dir="ltr">
                {t("documents.openDocument", { symbol: document.symbol })}
              </Anchor>
            ) : (
              none
            ),
          },
          { label: t("documents.citedBy"), value: <CitedBy document={document} /> },
        ]}
      />

      <section aria-labelledby="document-agenda-citations">
        <Title order={2} id="document-agenda-citations" size="h3" mb="xs">
          {t("documents.agendaCitations")}
        </Title>
        <AgendaCitations items={document.citations.agendaItems} />
      </section>

      <section aria-labelledby="document-figure-citations">
        <Title order={2} id="document-figure-citations" size="h3" mb="xs">
          {t("documents.figureCitations")}
        </Title>
        <FigureCitations figures={document.citations.figures} />
      </section>

      {/* The history is the organization's own business: every role but reader, as the server checks. */}
      {canReadBodies(viewer.data) ? (
        <section aria-labelledby="document-history">
          <Title order={2} id="document-history" size="h3" mb="xs">
            {t("history.title")}
          </Title>
          <RecordHistory
            path={`/documents/${segment(document.id)}/history`}
            queryKey={["document-history", document.id]}
          />
        </section>
      ) : null}

      {manage ? (
        <DeleteDocumentDialog document={document} opened={deleting} onClose={() => setDeleting(false)} />
      ) : null}
    </Stack>
  );
}

/** The agenda items that cite the document, each linked to its place on its meeting's page. */
function AgendaCitations({ items }: { items: DocumentCitations["agendaItems"] }) {
  const { t } = useTranslation();
  const meetingName = useMeetingName();
  if (items.length === 0) return <EmptyNotice>{t("documents.noAgendaCitations")}</EmptyNotice>;
  return (
    <ul className="document-citations agenda-citations">
      {items.map((item) => (
        <li key={item.id}>
          <Anchor component={Link} to={`${meetingPath({ id: item.meetingId })}#agenda-${item.id}`}>
            <bdi dir="ltr">{item.bodyCode}</bdi>
            {t("documents.bodyMeetingSeparator")}
            {meetingName(item.meetingNumber)}
          </Anchor>{" "}
          <Text span size="sm">
            (<MeetingDay meeting={item} />)
          </Text>
          {t("documents.citationSeparator")}
          <LocalizedText text={item.title} original={item.originalLanguage} />{" "}
          <Text span size="sm">
            {t("documents.citedAs")}{" "}
            <span dir="ltr" className="document-symbol">
              {item.documentSymbol}
            </span>
          </Text>
        </li>
      ))}
    </ul>
  );
}

/** The figures read from the document, each linked to its page. */
function FigureCitations({ figures }: { figures: DocumentCitations["figures"] }) {
  const { t } = useTranslation();
  const words = useFigureWords();
  if (figures.length === 0) return <EmptyNotice>{t("documents.noFigureCitations")}</EmptyNotice>;
  return (
    <ul className="document-citations figure-citations">
      {figures.map((figure) => (
        <li key={figure.id}>
          <Anchor component={Link} to={figurePath(figure)}>
            <LocalizedText text={figure.metricName} original={figure.metricLanguage} />
            {t("documents.citationSeparator")}
            <bdi>
              {words.period(figure.periodStart, figure.periodEnd) ??
                `${figure.periodStart} – ${figure.periodEnd}`}
            </bdi>
          </Anchor>
          {figure.sourceSection ? (
            <Text span size="sm">
              {" "}
              ({t("documents.section")} <span dir="ltr">{figure.sourceSection}</span>)
            </Text>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function DeleteDocumentDialog({
  document,
  opened,
  onClose,
}: {
  document: DocumentWithCitations;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => api.delete<void>(`/documents/${segment(document.id)}?version=${document.version}`),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: ["document", document.id] });
      invalidateDocuments(queryClient);
      navigate("/documents");
      announce(t("documents.deletedNotice", { symbol: document.symbol }));
    },
  });
  const stale = isStaleVersion(remove.error);
  return (
    <ConfirmDialog
      opened={opened}
      title={t("documents.deleteTitle")}
      message={
        <>
          {t("documents.deleteMessage", { symbol: document.symbol })} {t("documents.deleteCitationsKept")}
        </>
      }
      confirmLabel={t("documents.deleteConfirm")}
      pending={remove.isPending}
      error={stale ? null : remove.error}
      onConfirm={() => remove.mutate()}
      onClose={() => {
        remove.reset();
        onClose();
      }}
    >
      {stale ? (
        <StaleVersionNotice
          error={remove.error}
          onReload={async () => {
            remove.reset();
            await queryClient.invalidateQueries({ queryKey: ["document", document.id] });
          }}
        />
      ) : null}
    </ConfirmDialog>
  );
}
