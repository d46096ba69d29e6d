import type { TFunction } from "i18next";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { formatFigure, formatPeriod } from "#shared/figure-format.ts";
import type { Figure, FigureScope } from "#shared/figures.ts";
import type { Language } from "#shared/languages.ts";
import { directionOf, isLanguage } from "../../i18n/i18n.ts";
import { type ChartFamily, isDrawn } from "./dashboard-data.ts";

/**
 * Everything a dashboard writes about a figure, in the interface language, through the shared
 * figure formatting (never `Intl`, whose data differ between browsers): the chart's labels and
 * tooltips and the table's cells say the same thing in the same words.
 */
export interface FigureWords {
  lang: Language;
  rtl: boolean;
  t: TFunction;
  value(figure: Figure): string;
  period(figure: Pick<Figure, "periodStart" | "periodEnd" | "periodSince">): string;
  year(year: number): string;
  scope(scope: FigureScope): string;
  source(figure: Figure): string;
  /** Short notes on what the value does not say by itself (level, not drawn, contradicted). */
  flags(figure: Figure, family: ChartFamily, sameMetric: readonly Figure[]): string[];
}

export function figureWords(lang: Language, t: TFunction): FigureWords {
  const period: FigureWords["period"] = (f) => formatPeriod(f.periodStart, f.periodEnd, lang, f.periodSince);
  const value: FigureWords["value"] = (f) => formatFigure(f, lang);
  return {
    lang,
    rtl: directionOf(lang) === "rtl",
    t,
    value,
    period,
    year: (year) => formatPeriod(`${year}-01-01`, `${year}-12-31`, lang),
    scope: (scope) => {
      const parts = [
        scope.place ? t(`dashboards.place.${scope.place}`) : null,
        scope.category ? t(`dashboards.category.${scope.category}`) : null,
        scope.unitCode,
      ].filter((part): part is string => Boolean(part));
      return parts.length ? parts.join(" · ") : t("dashboards.scope.none");
    },
    source: (f) =>
      f.source.section
        ? t("dashboards.source.withSection", { symbol: f.source.symbol, section: f.source.section })
        : f.source.symbol,
    flags: (f, family, sameMetric) => {
      const notes: string[] = [];
      if (!isDrawn(f, family)) notes.push(t(`dashboards.notDrawn.${f.kind}`));
      else if (f.kind === "level") notes.push(t("dashboards.flags.level"));
      if (f.contradictions.length) {
        const others = f.contradictions
          .map((id) => sameMetric.find((o) => o.id === id))
          .filter((o): o is Figure => o !== undefined)
          .map((o) => `${value(o)} (${period(o)})`);
        const words = others.length
          ? t("dashboards.flags.contradictedBy", { figures: others.join("; ") })
          : t("dashboards.flags.contradicted");
        notes.push(`${CONTRADICTED_MARK} ${words}`);
      }
      if (f.source.symbolAssumed) notes.push(t("dashboards.flags.symbolAssumed"));
      return notes;
    },
  };
}

export function useFigureWords(): FigureWords {
  const { t, i18n } = useTranslation();
  const lang: Language = isLanguage(i18n.language) ? i18n.language : "en";
  return useMemo(() => figureWords(lang, t), [lang, t]);
}

/** The mark a contradicted figure carries in charts and tables, beside words (never colour alone). */
export const CONTRADICTED_MARK = "⚠";
