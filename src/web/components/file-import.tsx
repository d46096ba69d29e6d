import { Alert, Anchor, Button, Group, Input, Stack, Table, Text, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ApiError, api, apiPath } from "../api/client.ts";
import { useFormat } from "../i18n/format.ts";
import { PageTitle } from "./page-title.tsx";
import { ErrorNotice } from "./states.tsx";

const LINE_COLUMN = /^(\d+):(.*)$/;

/** The file types an import of the export's columns takes, by extension. */
export const TABLE_FILE_TYPES = {
  csv: "text/csv",
  json: "application/json",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

/** The file's problems as line, column and message (the server names them `LINE:COLUMN`). */
function fileProblems(error: unknown) {
  if (!(error instanceof ApiError)) return [];
  return error.details.flatMap((problem) => {
    const match = LINE_COLUMN.exec(problem.field);
    return match ? [{ line: Number(match[1]), column: match[2] ?? "", message: problem.message }] : [];
  });
}

/** The media type the server is told for a file, by its extension (null: not a type it takes). */
function typeOf(types: Readonly<Record<string, string>>, name: string): string | null {
  const extension = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase();
  return extension !== undefined && Object.hasOwn(types, extension) ? types[extension]! : null;
}

export interface FileImportProps<Report extends { dryRun: boolean }> {
  /** The namespace of the page's messages: its `importTitle`, `importFile`, `importCheck`… */
  messages: string;
  back: { to: string; label: string };
  /** Takes the file whole or not at all; `dryRun` checks it without saving anything. */
  endpoint: string;
  /** The export whose CSV serves as a template (the import reads the export's columns). */
  template: string;
  /** The media type of each extension the import takes. */
  types: Readonly<Record<string, string>>;
  /** The query keys whose data an import changes. */
  invalidates: readonly string[];
  /** What the check found, or what the import did. */
  counts: (report: Report) => string;
  errorsCaption?: string;
  /** Offers the import only after a clean dry run of the same file, never as a blind upload. */
  checkFirst?: boolean;
}

/**
 * A file imported all or nothing: a dry run first (what it would do, or every problem with its
 * line and column), then the import itself.
 */
export function FileImport<Report extends { dryRun: boolean }>({
  messages,
  back,
  endpoint,
  template,
  types,
  invalidates,
  counts,
  errorsCaption,
  checkFirst = false,
}: FileImportProps<Report>) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [choiceError, setChoiceError] = useState<string | null>(null);
  const run = useMutation({
    mutationFn: ({ dryRun }: { dryRun: boolean }) => {
      const type = file ? typeOf(types, file.name) : null;
      if (!file || !type) throw new Error("no file");
      return api.upload<Report>(endpoint, { dryRun }, file, type);
    },
    onSuccess: (report) => {
      if (report.dryRun) return;
      for (const key of invalidates) void queryClient.invalidateQueries({ queryKey: [key] });
    },
  });
  const submit = (dryRun: boolean) => {
    if (!file) return setChoiceError(t(`${messages}.importChooseFirst`));
    if (!typeOf(types, file.name)) return setChoiceError(t(`${messages}.importWrongType`));
    setChoiceError(null);
    run.mutate({ dryRun });
  };
  const problems = fileProblems(run.error);
  const report = run.data;
  const checkedClean = report?.dryRun === true;
  const accept = [...Object.keys(types).map((extension) => `.${extension}`), ...Object.values(types)];

  return (
    <Stack gap="md" maw={960}>
      <Anchor component={Link} to={back.to} size="sm">
        {back.label}
      </Anchor>
      <PageTitle title={t(`${messages}.importTitle`)} />
      <Text>{t(`${messages}.importIntro`)}</Text>
      <Group gap="sm">
        <Anchor href={apiPath(template)} download>
          {t(`${messages}.importTemplate`)}
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
            label={t(`${messages}.importFile`)}
            description={t(`${messages}.importFileHint`)}
            error={choiceError}
            required
          >
            <input
              id={`${id}-file`}
              type="file"
              name="file"
              className="file-input"
              accept={accept.join(",")}
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
              variant={checkFirst && !checkedClean ? "filled" : "default"}
              loading={run.isPending && run.variables?.dryRun === true}
            >
              {t(`${messages}.importCheck`)}
            </Button>
            {!checkFirst || checkedClean ? (
              <Button
                type="button"
                loading={run.isPending && run.variables?.dryRun === false}
                onClick={() => submit(false)}
              >
                {t(`${messages}.importRun`)}
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
            title={t(report.dryRun ? `${messages}.importChecked` : `${messages}.importDone`)}
          >
            <Text className="import-counts">{counts(report)}</Text>
            {report.dryRun ? <Text mt="xs">{t(`${messages}.importNothingSaved`)}</Text> : null}
          </Alert>
        ) : null}
        {problems.length > 0 ? (
          <section aria-labelledby="import-errors-title">
            <Title order={2} id="import-errors-title" size="h3" mb="xs">
              {t(`${messages}.importErrorsTitle`, { shown: format.number(problems.length) })}
            </Title>
            <Text mb="xs">{t(`${messages}.importErrorsIntro`)}</Text>
            <Table.ScrollContainer minWidth={560}>
              <Table
                striped
                withTableBorder
                captionSide={errorsCaption ? "top" : undefined}
                className="import-errors"
              >
                {errorsCaption ? <Table.Caption>{errorsCaption}</Table.Caption> : null}
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t(`${messages}.importLine`)}</Table.Th>
                    <Table.Th scope="col">{t(`${messages}.importColumn`)}</Table.Th>
                    <Table.Th scope="col">{t(`${messages}.importMessage`)}</Table.Th>
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
