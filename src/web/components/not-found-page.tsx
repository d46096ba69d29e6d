import { Anchor, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PageTitle } from "./page-title.tsx";

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <PageTitle title={t("notFound.title")} />
      <Text>{t("notFound.message")}</Text>
      <Anchor component={Link} to="/units">
        {t("notFound.home")}
      </Anchor>
    </Stack>
  );
}
