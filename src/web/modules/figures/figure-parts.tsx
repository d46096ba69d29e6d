import "./figures.css";
import { Anchor, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Figure, FigureScope, FigureSource, FigureUnit, Qualifier } from "#shared/figures.ts";
import { formatFigure, formatPeriod, formatQualified } from "#shared/figure-format.ts";
import type { Language } from "#shared/languages.ts";
import { useFormat } from "../../i18n/format.ts";
import { isLanguage } from "../../i18n/i18n.ts";
import { LocalizedText } from "../../components/localized-text.tsx";
import { DocumentSymbolLink } from "../documents/document-parts.tsx";
import { figurePath, useMetrics } from "./figures.queries.ts";

/** The interface language as one of the six (figures are written by the Union's rules for each). */
export function useFigureLanguage(): Language {
  const { i18n } = useTranslation();
  return isLanguage(i18n.language) ? i18n.language : "en";
}

/**
 * Figures and periods as the Council documents of the interface language write them. A period
 * the reader is still typing (end before start, half a date) has no words: `null`.
 */
export function useFigureWords() {
  const lang = useFigureLanguage();
  const period = (start: string, end: string, since?: string | null): string | null => {
    try {
      return formatPeriod(start, end, lang, since);
    } catch {
      return null;
    }
  };
  return {
    lang,
    value: (figure: Pick<Figure, "kind" | "value" | "unit" | "qualifier" | "outOf">) =>
      formatFigure(figure, lang),
    qualified: (value: number, unit: FigureUnit, qualifier: Qualifier) =>
      formatQualified(value, unit, qualifier, lang),
    period,
    periodOf: (figure: Pick<Figure, "periodStart" | "periodEnd" | "periodSince">) =>
      period(figure.periodStart, figure.periodEnd, figure.periodSince) ??
      `${figure.periodStart} – ${figure.periodEnd}`,
  };
}

/** A figure's value as written: the qualifier's word is part of it ("about 27 700"). */
export function FigureValue({ figure }: { figure: Figure }) {
  const words = useFigureWords();
  return <span className="figure-value">{words.value(figure)}</span>;
}

/** A metric's name in the reader's language, from the catalogue (its code until that has loaded). */
function MetricName({ code }: { code: string }) {
  const metrics = useMetrics();
  const metric = metrics.data?.find((m) => m.code === code);
  if (!metric)
    return (
      <span dir="ltr" className="metric-code">
        {code}
      </span>
    );
  return <LocalizedText text={metric.name} original={metric.originalLanguage} />;
}

/**
 * A figure named by its period and value, linked to its page; with its metric's name when it
 * belongs to another metric (a budget beside the figure it budgeted).
 */
export function FigureLink({ figure, withMetric = false }: { figure: Figure; withMetric?: boolean }) {
  const { t } = useTranslation();
  const words = useFigureWords();
  return (
    <Anchor component={Link} to={figurePath(figure)}>
      {withMetric ? (
        <>
          <MetricName code={figure.metricCode} />
          {t("figures.relationSeparator")}
        </>
      ) : null}
      <bdi>{words.periodOf(figure)}</bdi>
      {" — "}
      <span className="figure-value">{words.value(figure)}</span>
    </Anchor>
  );
}

/** A figure known only by id: named once the list that holds it has loaded. */
export function FigureRef({
  id,
  byId,
  withMetric = false,
}: {
  id: string;
  byId: ReadonlyMap<string, Figure>;
  withMetric?: boolean;
}) {
  const { t } = useTranslation();
  const figure = byId.get(id);
  if (!figure)
    return (
      <Anchor component={Link} to={figurePath({ id })}>
        {t("figures.aFigure")}
      </Anchor>
    );
  return <FigureLink figure={figure} withMetric={withMetric} />;
}

/** A triangle with an exclamation mark: beside words, never instead of them. */
export function WarningIcon() {
  return (
    <svg
      width="16"
      height="16"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z" />
      <path d="M12 9v4" />
      <path d="M12 17h.01" />
    </svg>
  );
}

/**
 * The figures a figure disagrees with: an icon and words (not colour alone), then each other
 * figure as a link, marked where the contradiction was reviewed. Nothing when it agrees with every
 * other figure.
 */
export function ContradictionFlag({
  figure,
  byId,
  compact = false,
}: {
  figure: Figure;
  byId: ReadonlyMap<string, Figure>;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  if (figure.contradictions.length === 0) return null;
  return (
    <div className="contradiction-flag" data-contradicted="">
      <Text span fw={600} className="contradiction-label">
        <WarningIcon />
        {t("figures.contradicted")}
      </Text>
      <ul className={compact ? "contradiction-list compact" : "contradiction-list"}>
        {figure.contradictions.map((id) => (
          <li key={id}>
            <FigureRef id={id} byId={byId} />
            {figure.contradictionReviews.some((review) => review.figureId === id) ? (
              <Text span size="xs" className="reviewed-badge">
                {" "}
                {t("figures.reviewedBadge")}
              </Text>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Where a figure was counted, in words; the whole organization when the source names no scope. */
export function ScopeText({ scope }: { scope: FigureScope }) {
  const { t } = useTranslation();
  const parts: ReactNode[] = [];
  if (scope.place) parts.push(t(`figures.place.${scope.place}`));
  if (scope.unitCode)
    parts.push(
      <span dir="ltr" key="unit">
        {scope.unitCode}
      </span>,
    );
  if (scope.category) parts.push(t(`figures.category.${scope.category}`));
  if (parts.length === 0) return <>{t("figures.scopeWhole")}</>;
  return (
    <>
      {parts.map((part, index) => (
        <span key={index}>
          {index > 0 ? t("figures.scopeSeparator") : null}
          {part}
        </span>
      ))}
    </>
  );
}

/** The source document's symbol and section, marked when the symbol is the secretariat's assumption. */
export function SourceText({ source }: { source: FigureSource }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <span className="figure-source">
      <DocumentSymbolLink symbol={source.symbol} />
      {source.section ? (
        <>
          {t("figures.sectionSeparator")}
          <span dir="ltr">{source.section}</span>
        </>
      ) : null}
      {source.symbolAssumed ? (
        <>
          {" "}
          <span className="assumed-badge">{t("figures.symbolAssumed")}</span>
        </>
      ) : null}
      <Text span size="xs" className="source-language">
        {" "}
        ({format.languageName(source.language)})
      </Text>
    </span>
  );
}
