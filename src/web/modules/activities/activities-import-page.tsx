import { Alert, Anchor, Button, Group, Input, Stack, Table, Text, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ImportReport } from "#shared/activities.ts";
import { ApiError, api, apiPath } from "../../api/client.ts";
import { PageTitle } from "../../components/page-title.tsx";
import { ErrorNotice } from "../../components/states.tsx";
import { useFormat } from "../../i18n/format.ts";
import { importTypeOf } from "./activities.queries.ts";

const LINE_COLUMN = /^(\d+):(.*)$/;

/** The file's problems as line, column and message (the server names them `LINE:COLUMN`). */
function fileProblems(error: unknown) {
  if (!(error instanceof ApiError)) return [];
  return error.details.flatMap((problem) => {
    const match = LINE_COLUMN.exec(problem.field);
    return match ? [{ line: Number(match[1]), column: match[2] ?? "", message: problem.message }] : [];
  });
}

export function ActivitiesImportPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [choiceError, setChoiceError] = useState<string | null>(null);
  const run = useMutation({
    mutationFn: ({ dryRun }: { dryRun: boolean }) => {
      const type = file ? importTypeOf(file.name) : null;
      if (!file || !type) throw new Error("no file");
      return api.upload<ImportReport>("/activities/import", { dryRun }, file, type);
    },
    onSuccess: (report) => {
      if (!report.dryRun) void queryClient.invalidateQueries({ queryKey: ["activities"] });
    },
  });
  const submit = (dryRun: boolean) => {
    if (!file) return setChoiceError(t("activities.importChooseFirst"));
    if (!importTypeOf(file.name)) return setChoiceError(t("activities.importWrongType"));
    setChoiceError(null);
    run.mutate({ dryRun });
  };
  const problems = fileProblems(run.error);
  const report = run.data;

  return (
    <Stack gap="md" maw={960}>
      <Anchor component={Link} to="/activities" size="sm">
        {t("activities.backToList")}
      </Anchor>
      <PageTitle title={t("activities.importTitle")} />
      <Text>{t("activities.importIntro")}</Text>
      <Group gap="sm">
        <Anchor href={apiPath("/activities/export.csv")} download>
          {t("activities.importTemplate")}
        </Anchor>
      </Group>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit(true);
        }}
      >
        <Stack gap="sm">
          <Input.Wrapper
            id={`${id}-file`}
            label={t("activities.importFile")}
            description={t("activities.importFileHint")}
            error={choiceError}
            required
          >
            <input
              id={`${id}-file`}
              type="file"
              name="file"
              className="file-input"
              accept=".csv,.xlsx,.json,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby={`${id}-file-description${choiceError ? ` ${id}-file-error` : ""}`}
              aria-invalid={choiceError ? true : undefined}
              onChange={(event) => {
                setFile(event.currentTarget.files?.[0] ?? null);
                setChoiceError(null);
                run.reset();
              }}
            />
          </Input.Wrapper>
          <Group gap="sm">
            <Button type="submit" variant="default" loading={run.isPending && run.variables?.dryRun === true}>
              {t("activities.importCheck")}
            </Button>
            <Button
              type="button"
              loading={run.isPending && run.variables?.dryRun === false}
              onClick={() => submit(false)}
            >
              {t("activities.importRun")}
            </Button>
          </Group>
        </Stack>
      </form>

      <div aria-live="polite" className="import-result">
        {report ? (
          <Alert
            color="green.9"
            variant="outline"
            title={t(report.dryRun ? "activities.importChecked" : "activities.importDone")}
          >
            <Text className="import-counts">
              {t("activities.importCounts", {
                rows: format.number(report.rows),
                created: format.number(report.created),
                updated: format.number(report.updated),
              })}
            </Text>
            {report.dryRun ? <Text mt="xs">{t("activities.importNothingSaved")}</Text> : null}
          </Alert>
        ) : null}
        {problems.length > 0 ? (
          <section aria-labelledby="import-errors-title">
            <Title order={2} id="import-errors-title" size="h3" mb="xs">
              {t("activities.importErrorsTitle", { shown: format.number(problems.length) })}
            </Title>
            <Text mb="xs">{t("activities.importErrorsIntro")}</Text>
            <Table.ScrollContainer minWidth={560}>
              <Table striped withTableBorder className="import-errors">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("activities.importLine")}</Table.Th>
                    <Table.Th scope="col">{t("activities.importColumn")}</Table.Th>
                    <Table.Th scope="col">{t("activities.importMessage")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {problems.map((problem, index) => (
                    <Table.Tr key={`${problem.line}:${problem.column}:${index}`}>
                      <Table.Td>{format.number(problem.line)}</Table.Td>
                      <Table.Td dir="ltr" className="import-column">
                        {problem.column}
                      </Table.Td>
                      <Table.Td>{problem.message}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </section>
        ) : null}
      </div>
      {run.isError && problems.length === 0 ? <ErrorNotice error={run.error} /> : null}
    </Stack>
  );
}
