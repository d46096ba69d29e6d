import { useTranslation } from "react-i18next";
import type { ImportReport } from "#shared/transfer.ts";
import { FileImport, TABLE_FILE_TYPES } from "../../components/file-import.tsx";
import { useFormat } from "../../i18n/format.ts";

/** A secretariat's list of documents registered at once, checked first, all or nothing. */
export function DocumentsImportPage() {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <FileImport<ImportReport>
      messages="documents"
      back={{ to: "/documents", label: t("documents.backToList") }}
      endpoint="/documents/import"
      template="/documents/export.csv"
      types={TABLE_FILE_TYPES}
      invalidates={["documents"]}
      checkFirst
      counts={(report) =>
        t("documents.importCounts", {
          rows: format.number(report.rows),
          created: format.number(report.created),
          updated: format.number(report.updated),
        })
      }
    />
  );
}
