import { Alert, Anchor, Button, Group, Input, Stack, Table, Text, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { FigureImportReport } from "#shared/figures.ts";
import { ApiError, api, apiPath } from "../../api/client.ts";
import { PageTitle } from "../../components/page-title.tsx";
import { ErrorNotice } from "../../components/states.tsx";
import { useFormat } from "../../i18n/format.ts";
import { importTypeOf } from "./figures.queries.ts";

const LINE_COLUMN = /^(\d+):(.*)$/;

/** The file's problems as line, column and message (the server names them `LINE:COLUMN`). */
function fileProblems(error: unknown) {
  if (!(error instanceof ApiError)) return [];
  return error.details.flatMap((problem) => {
    const match = LINE_COLUMN.exec(problem.field);
    return match ? [{ line: Number(match[1]), column: match[2] ?? "", message: problem.message }] : [];
  });
}

/**
 * Figures from a spreadsheet, all or nothing: a dry run first (what would be created, or every
 * problem with its line and column), then the import itself.
 */
export function FiguresImportPage() {
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
      return api.upload<FigureImportReport>("/figures/import", { dryRun }, file, type);
    },
    onSuccess: (report) => {
      if (report.dryRun) return;
      void queryClient.invalidateQueries({ queryKey: ["figures"] });
      void queryClient.invalidateQueries({ queryKey: ["metrics"] });
      void queryClient.invalidateQueries({ queryKey: ["metric"] });
      void queryClient.invalidateQueries({ queryKey: ["metric-total"] });
    },
  });
  const submit = (dryRun: boolean) => {
    if (!file) return setChoiceError(t("figures.importChooseFirst"));
    if (!importTypeOf(file.name)) return setChoiceError(t("figures.importWrongType"));
    setChoiceError(null);
    run.mutate({ dryRun });
  };
  const problems = fileProblems(run.error);
  const report = run.data;
  const checkedClean = report?.dryRun === true;

  return (
    <Stack gap="md" maw={960}>
      <Anchor component={Link} to="/statistics" size="sm">
        {t("figures.backToCatalogue")}
      </Anchor>
      <PageTitle title={t("figures.importTitle")} />
      <Text>{t("figures.importIntro")}</Text>
      <Group gap="sm">
        <Anchor href={apiPath("/figures/export.csv")} download>
          {t("figures.importTemplate")}
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
            label={t("figures.importFile")}
            description={t("figures.importFileHint")}
            error={choiceError}
            required
          >
            <input
              id={`${id}-file`}
              type="file"
              name="file"
              className="file-input"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
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
            <Button
              type="submit"
              variant={checkedClean ? "default" : "filled"}
              loading={run.isPending && run.variables?.dryRun === true}
            >
              {t("figures.importCheck")}
            </Button>
            {/* The real import follows a clean dry run of the same file, never a blind upload. */}
            {checkedClean ? (
              <Button
                type="button"
                loading={run.isPending && run.variables?.dryRun === false}
                onClick={() => submit(false)}
              >
                {t("figures.importRun")}
              </Button>
            ) : null}
          </Group>
        </Stack>
      </form>

      <div aria-live="polite" className="import-result">
        {report ? (
          <Alert
            color="green.9"
            variant="outline"
            title={t(report.dryRun ? "figures.importChecked" : "figures.importDone")}
          >
            <Text className="import-counts">
              {report.dryRun
                ? t("figures.importWouldCreate", { rows: format.number(report.rows) })
                : t("figures.importCreated", { created: format.number(report.created) })}
            </Text>
            {report.dryRun ? <Text mt="xs">{t("figures.importNothingSaved")}</Text> : null}
          </Alert>
        ) : null}
        {problems.length > 0 ? (
          <section aria-labelledby="import-errors-title">
            <Title order={2} id="import-errors-title" size="h3" mb="xs">
              {t("figures.importErrorsTitle", { shown: format.number(problems.length) })}
            </Title>
            <Text mb="xs">{t("figures.importErrorsIntro")}</Text>
            <Table.ScrollContainer minWidth={560}>
              <Table striped withTableBorder captionSide="top" className="import-errors">
                <Table.Caption>{t("figures.importErrorsCaption")}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("figures.importLine")}</Table.Th>
                    <Table.Th scope="col">{t("figures.importColumn")}</Table.Th>
                    <Table.Th scope="col">{t("figures.importMessage")}</Table.Th>
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
