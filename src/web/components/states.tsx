import { Alert, Button, Group, Loader, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client.ts";

export function useErrorMessage() {
  const { t } = useTranslation();
  return (error: unknown): string => {
    if (error instanceof ApiError) {
      if (error.code === "network") return t("errors.network");
      return error.message || t("errors.unexpected");
    }
    return t("errors.unexpected");
  };
}

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" role="status" py="md" data-loading="">
      <Loader size="sm" aria-hidden="true" />
      <Text>{label ?? t("common.loading")}</Text>
    </Group>
  );
}

/** An error the reader should notice at once (role="alert" is announced when it appears). */
export function ErrorNotice({
  error,
  title,
  onRetry,
  children,
}: {
  error: unknown;
  title?: string;
  onRetry?: () => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  return (
    <Alert color="red" variant="outline" role="alert" title={title ?? t("errors.title")} my="sm">
      <Text>{message(error)}</Text>
      {children}
      {onRetry ? (
        <Button variant="outline" color="red" size="xs" mt="sm" onClick={onRetry}>
          {t("common.retry")}
        </Button>
      ) : null}
    </Alert>
  );
}

export function EmptyNotice({ children }: { children: ReactNode }) {
  return (
    <Text py="md" className="empty-notice">
      {children}
    </Text>
  );
}
