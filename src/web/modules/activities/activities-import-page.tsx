import { useTranslation } from "react-i18next";
import type { ImportReport } from "#shared/transfer.ts";
import { FileImport, TABLE_FILE_TYPES } from "../../components/file-import.tsx";
import { useFormat } from "../../i18n/format.ts";

export function ActivitiesImportPage() {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <FileImport<ImportReport>
      messages="activities"
      back={{ to: "/activities", label: t("activities.backToList") }}
      endpoint="/activities/import"
      template="/activities/export.csv"
      types={TABLE_FILE_TYPES}
      invalidates={["activities"]}
      counts={(report) =>
        t("activities.importCounts", {
          rows: format.number(report.rows),
          created: format.number(report.created),
          updated: format.number(report.updated),
        })
      }
    />
  );
}
