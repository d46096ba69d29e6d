import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Activity, ActivityStatus } from "#shared/activities.ts";
import { useFormat } from "../../i18n/format.ts";
import { DARK_GREEN } from "../areas/area-parts.tsx";

const STATUS_COLORS: Record<ActivityStatus, string> = {
  planned: "blue.9",
  ongoing: DARK_GREEN,
  completed: "gray.8",
  cancelled: "red.9",
};

export function ActivityStatusBadge({ status }: { status: ActivityStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={STATUS_COLORS[status]} size="sm">
      {t(`activityStatus.${status}`)}
    </Badge>
  );
}

/** "7 Nov 2016 – 18 Nov 2016", or "from 1 Jan 2016" when the activity has no planned end. */
export function usePeriod() {
  const { t } = useTranslation();
  const format = useFormat();
  return (activity: Pick<Activity, "start" | "end">) =>
    activity.end
      ? t("activities.period", { start: format.day(activity.start), end: format.day(activity.end) })
      : t("activities.periodOpen", { start: format.day(activity.start) });
}
