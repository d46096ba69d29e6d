import { useTranslation } from "react-i18next";
import type { ImportReport } from "#shared/transfer.ts";
import { FileImport } from "../../components/file-import.tsx";
import { useFormat } from "../../i18n/format.ts";
import { FIGURE_QUERY_KEYS, IMPORT_TYPES } from "./figures.queries.ts";

/** Figures from a spreadsheet, all or nothing; the metric pages and totals read them too. */
export function FiguresImportPage() {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <FileImport<ImportReport>
      messages="figures"
      back={{ to: "/statistics", label: t("figures.backToCatalogue") }}
      endpoint="/figures/import"
      template="/figures/export.csv"
      types={IMPORT_TYPES}
      invalidates={FIGURE_QUERY_KEYS}
      counts={(report) =>
        t(report.dryRun ? "figures.importWouldChange" : "figures.importChanged", {
          rows: format.number(report.rows),
          created: format.number(report.created),
          updated: format.number(report.updated),
        })
      }
      errorsCaption={t("figures.importErrorsCaption")}
      checkFirst
    />
  );
}
