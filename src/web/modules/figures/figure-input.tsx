import { TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import {
  type CreateFigureInput,
  FIGURE_KINDS,
  type FigureComparison,
  type FigureKind,
  type FigureUnit,
  MEMBER_CATEGORIES,
  type MemberCategory,
  type Metric,
  type Qualifier,
  SCOPE_PLACES,
  type ScopePlace,
  qualifiersAllowed,
  unitsAllowed,
} from "#shared/figures.ts";
import { LANGUAGES, type Language } from "#shared/languages.ts";
import { useFormat } from "../../i18n/format.ts";
import type { useFigureWords } from "./figure-parts.tsx";
import { useDocumentSymbols } from "./figures.queries.ts";

/**
 * A figure as it is being typed, by the form or by a row of a metric's grid: text as typed
 * (numbers are read on sending), choices as chosen, empty text for nothing.
 */
export interface FigureDraft {
  kind: FigureKind;
  value: string;
  unit: string;
  qualifier: Qualifier;
  outOf: string;
  periodStart: string;
  periodEnd: string;
  periodSince: string;
  place: string;
  unitCode: string;
  category: string;
  symbol: string;
  section: string;
  language: Language;
  symbolAssumed: boolean;
  quote: string;
}

/** Nothing typed yet: a total, exact, read in the given language. */
export function blankDraft(language: Language): FigureDraft {
  return {
    kind: "total",
    value: "",
    unit: "",
    qualifier: "exact",
    outOf: "",
    periodStart: "",
    periodEnd: "",
    periodSince: "",
    place: "",
    unitCode: "",
    category: "",
    symbol: "",
    section: "",
    language,
    symbolAssumed: false,
    quote: "",
  };
}

/**
 * A number as typed: spaces (as reports group thousands) are dropped and a lone comma is taken as
 * the decimal mark. Anything else goes to the server as not-a-number, which names the field.
 */
export function numberOf(text: string): number {
  const compact = text.replace(/[\s\u00a0\u202f]/g, "");
  if (compact === "") return Number.NaN;
  const normal = compact.includes(".") ? compact.replaceAll(",", "") : compact.replace(",", ".");
  return /^[+\-\u2212]?\d+(\.\d+)?$/.test(normal) ? Number(normal.replace("\u2212", "-")) : Number.NaN;
}

/**
 * The units and qualifiers a draft's kind allows (for this metric), and the ones it will send:
 * the chosen ones if the kind allows them, else the first allowed.
 */
export function choicesOf(
  draft: Pick<FigureDraft, "kind" | "unit" | "qualifier">,
  metric: Pick<Metric, "unit"> | undefined,
) {
  const units = metric ? unitsAllowed(draft.kind, metric.unit) : [];
  const qualifiers = qualifiersAllowed(draft.kind);
  return {
    units,
    qualifiers,
    unit: (units.includes(draft.unit as FigureUnit) ? draft.unit : units[0]) as FigureUnit | undefined,
    qualifier: qualifiers.includes(draft.qualifier) ? draft.qualifier : "exact",
  };
}

/** What is sent for a draft: the body of `POST /figures`, or one row of `POST /figures/batch`. */
export function figureInputOf(
  draft: FigureDraft,
  metricCode: string,
  metric: Pick<Metric, "unit"> | undefined,
  comparisons: FigureComparison[] = [],
): CreateFigureInput {
  const chosen = choicesOf(draft, metric);
  const outOf = draft.outOf.trim() === "" ? null : numberOf(draft.outOf);
  return {
    metricCode,
    kind: draft.kind,
    value: numberOf(draft.value),
    ...(chosen.unit ? { unit: chosen.unit } : {}),
    qualifier: chosen.qualifier,
    outOf: draft.kind === "rank" ? outOf : null,
    periodStart: draft.periodStart,
    periodEnd: draft.periodEnd,
    periodSince: draft.periodSince.trim() || null,
    scope: {
      place: (draft.place || null) as ScopePlace | null,
      unitCode: draft.unitCode || null,
      category: (draft.category || null) as MemberCategory | null,
    },
    source: {
      symbol: draft.symbol.trim(),
      section: draft.section.trim() || null,
      language: draft.language,
      symbolAssumed: draft.symbolAssumed,
      quote: draft.quote.trim() || null,
    },
    comparisons,
  };
}

/**
 * How a draft will read in the interface language, as it is typed: its value and its period,
 * each `null` while it cannot be read yet (no value, end before start).
 */
export function previewOf(
  draft: FigureDraft,
  metric: Pick<Metric, "unit"> | undefined,
  words: ReturnType<typeof useFigureWords>,
): { figure: string | null; period: string | null } {
  const { unit, qualifier } = choicesOf(draft, metric);
  const value = numberOf(draft.value);
  const outOf = draft.outOf.trim() === "" ? null : numberOf(draft.outOf);
  const figure =
    unit && Number.isFinite(value)
      ? words.value({
          kind: draft.kind,
          value,
          unit,
          qualifier,
          outOf: outOf !== null && Number.isFinite(outOf) && draft.kind === "rank" ? outOf : null,
        })
      : null;
  const period = words.period(draft.periodStart, draft.periodEnd, draft.periodSince.trim() || null);
  return { figure, period };
}

/** The choices of a figure's selects, in the interface language. */
export function useFigureOptions() {
  const { t } = useTranslation();
  const format = useFormat();
  return {
    kinds: FIGURE_KINDS.map((kind) => ({ value: kind, label: t(`figures.kind.${kind}`) })),
    qualifiers: (allowed: readonly Qualifier[]) =>
      allowed.map((q) => ({ value: q, label: t(`figures.qualifier.${q}`) })),
    units: (allowed: readonly FigureUnit[]) =>
      allowed.map((unit) => ({ value: unit, label: t(`figures.figureUnit.${unit}`) })),
    places: [
      { value: "", label: t("figures.noPlace") },
      ...SCOPE_PLACES.map((place) => ({ value: place, label: t(`figures.place.${place}`) })),
    ],
    categories: [
      { value: "", label: t("figures.noCategory") },
      ...MEMBER_CATEGORIES.map((c) => ({ value: c, label: t(`figures.category.${c}`) })),
    ],
    languages: LANGUAGES.map((lang) => ({ value: lang, label: format.languageName(lang) })),
  };
}

/**
 * The source symbol, read by the server as it is typed: the symbol it understood, or that it is
 * none. With a visible label and hint in a form; with only an accessible name in a grid's cell.
 */
export function SymbolInput({
  value,
  onChange,
  error,
  name,
  id,
  label,
  hint,
  required = false,
  "aria-label": ariaLabel,
}: {
  value: string;
  onChange: (value: string) => void;
  error?: string;
  name: string;
  id?: string;
  label?: string;
  hint?: ReactNode;
  required?: boolean;
  "aria-label"?: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [debounced] = useDebouncedValue(value.trim(), 300);
  const read = useDocumentSymbols(debounced);
  let check: { valid: boolean; text: string } | null = null;
  if (debounced !== "" && read.data) {
    const { symbols, unreadable } = read.data;
    if (symbols.length === 1 && unreadable.length === 0)
      check = { valid: true, text: t("figures.symbolReadAs", { symbol: symbols[0] }) };
    else if (symbols.length > 1 && unreadable.length === 0)
      check = { valid: false, text: t("figures.symbolSeveral", { symbols: format.list(symbols) }) };
    else check = { valid: false, text: t("figures.symbolInvalid") };
  }
  // The check is part of the field's description, so it is read with the field, and a live
  // region, so a change is heard while typing.
  return (
    <TextInput
      id={id}
      label={label}
      aria-label={ariaLabel}
      description={
        <>
          {hint ? <>{hint} </> : null}
          <span
            role="status"
            className="symbol-check"
            data-valid={check ? String(check.valid) : undefined}
            dir="auto"
          >
            {check ? (check.valid ? check.text : `⚠ ${check.text}`) : null}
          </span>
        </>
      }
      name={name}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
      required={required}
      autoComplete="off"
      dir="ltr"
    />
  );
}
