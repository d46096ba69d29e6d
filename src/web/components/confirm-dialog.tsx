import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ErrorNotice } from "./states.tsx";

/** Asks before an action that is hard to undo; stays open and shows the error if it fails. */
export function ConfirmDialog({
  opened,
  title,
  message,
  confirmLabel,
  danger = true,
  pending,
  error,
  onConfirm,
  onClose,
  children,
}: {
  opened: boolean;
  title: string;
  message: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal.Root opened={opened} onClose={onClose} centered>
      <Modal.Overlay />
      <Modal.Content>
        {/* Mantine renders the dialog header as <header>, which would be a second banner landmark. */}
        <Modal.Header role="presentation">
          <Modal.Title>{title}</Modal.Title>
          <Modal.CloseButton aria-label={t("common.close")} />
        </Modal.Header>
        <Modal.Body>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              // React passes events up through portals: a dialog opened from within a form (a
              // category of a body's form) must not submit that form as well.
              event.stopPropagation();
              onConfirm();
            }}
          >
            <Stack>
              <Text>{message}</Text>
              {children}
              {error ? <ErrorNotice error={error} /> : null}
              <Group justify="flex-end">
                <Button variant="default" onClick={onClose}>
                  {t("common.cancel")}
                </Button>
                <Button type="submit" color={danger ? "red.9" : undefined} loading={pending}>
                  {confirmLabel}
                </Button>
              </Group>
            </Stack>
          </form>
        </Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}
