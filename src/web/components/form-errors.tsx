import { Button, List, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client.ts";
import { ErrorNotice } from "./states.tsx";

/** Per-field messages of a failed submission (empty when it did not fail on fields). */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  return error instanceof ApiError ? error.fieldErrors() : {};
}

/** The record changed since the form was opened (409 on `version`, or with no field named). */
export function isStaleVersion(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    error.code === "conflict" &&
    error.details.every((problem) => problem.field === "version")
  );
}

/** Someone changed the record since it was read: says so, and offers to read it again. */
export function StaleVersionNotice({
  error,
  onReload,
}: {
  error: unknown;
  onReload: () => void | Promise<unknown>;
}) {
  const { t } = useTranslation();
  return (
    <ErrorNotice error={error} title={t("errors.conflictTitle")}>
      <Text mt="xs">{t("errors.conflict")}</Text>
      <Button variant="outline" color="red.9" size="xs" mt="sm" onClick={() => void onReload()}>
        {t("errors.reload")}
      </Button>
    </ErrorNotice>
  );
}

/**
 * The summary above a form after a failed submission: the server's message, the problems of
 * fields the form does not show, and for a stale version the way out (reload).
 */
export function FormErrorSummary({
  error,
  shownFields,
  onReload,
}: {
  error: unknown;
  shownFields: (field: string) => boolean;
  onReload?: () => void;
}) {
  const { t } = useTranslation();
  if (!error) return null;
  // A conflict on a field (a duplicate e-mail address) is the reader's to fix; only a stale
  // version calls for reloading the record.
  if (isStaleVersion(error) && onReload) return <StaleVersionNotice error={error} onReload={onReload} />;
  const others = error instanceof ApiError ? error.details.filter((d) => !shownFields(d.field)) : [];
  return (
    <ErrorNotice error={error} title={t("errors.formTitle")}>
      {others.length > 0 ? (
        <List size="sm" mt="xs">
          {others.map((problem) => (
            <List.Item key={`${problem.field}-${problem.reason}`}>
              {problem.field}: {problem.message}
            </List.Item>
          ))}
        </List>
      ) : null}
    </ErrorNotice>
  );
}
