import { Button, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

/** The foot of a form: submit (busy while the request runs) and cancel, back to `cancelTo`. */
export function FormActions({
  pending,
  submitLabel,
  cancelTo,
}: {
  pending: boolean;
  submitLabel: string;
  cancelTo: string;
}) {
  const { t } = useTranslation();
  return (
    <Group>
      <Button type="submit" loading={pending}>
        {submitLabel}
      </Button>
      <Button component={Link} to={cancelTo} variant="default">
        {t("common.cancel")}
      </Button>
    </Group>
  );
}
