import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DARK_GREEN } from "../areas/area-parts.tsx";

/** Whether the citation and title were checked against the official text. */
export function VerificationBadge({ verified }: { verified: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={verified ? DARK_GREEN : "red.9"} size="sm" className="verification">
      {verified ? t("mandates.verified") : t("mandates.unverified")}
    </Badge>
  );
}
