import { useTranslation } from "react-i18next";
import type { FigureImportReport } from "#shared/figures.ts";
import { FileImport } from "../../components/file-import.tsx";
import { useFormat } from "../../i18n/format.ts";
import { FIGURE_QUERY_KEYS, IMPORT_TYPES } from "./figures.queries.ts";

/** Figures from a spreadsheet, all or nothing; the metric pages and totals read them too. */
export function FiguresImportPage() {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <FileImport<FigureImportReport>
      messages="figures"
      back={{ to: "/statistics", label: t("figures.backToCatalogue") }}
      endpoint="/figures/import"
      template="/figures/export.csv"
      types={IMPORT_TYPES}
      invalidates={FIGURE_QUERY_KEYS}
      counts={(report) =>
        report.dryRun
          ? t("figures.importWouldCreate", { rows: format.number(report.rows) })
          : t("figures.importCreated", { created: format.number(report.created) })
      }
      errorsCaption={t("figures.importErrorsCaption")}
      checkFirst
    />
  );
}
