import type { Figure, FigureKind, FigureScope } from "#shared/figures.ts";

/**
 * What the dashboards make of figures before drawing them: which figures a chart can honestly
 * draw, the series (scopes) they fall into, their spans in time, the pairs of sales and budget,
 * and the years a sparse metric says nothing about. No React and no ECharts here, so the rules
 * can be read (and tested) apart from the pictures.
 */

const DAY_MS = 86_400_000;

/** Midnight UTC of a calendar day: the dashboards draw days, which have no time zone. */
export function dayStart(iso: string): number {
  const [year, month, day] = iso.split("-").map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day);
}

/** Where a figure's span ends on a time axis: the end of its last day, since both ends are included. */
export const spanEnd = (iso: string) => dayStart(iso) + DAY_MS;

/** `YYYY-MM-DD` of a timestamp, read in UTC like the axis. */
export function isoDay(timestamp: number): string {
  return new Date(timestamp).toISOString().slice(0, 10);
}

/**
 * Which kinds a chart draws on the metric's own value axis. Totals and levels are amounts in the
 * metric's unit, so they share the axis (a level is drawn at the end of its period, where it was
 * counted). Rates and averages are amounts *per year*: beside totals they would look like small
 * totals, so they are drawn only for a metric that has nothing else, spanning the period they were
 * averaged over. Changes, shares and ranks are never drawn: they are relative to something not on
 * the axis (a previous value, a whole, a league); the table lists them with the reason.
 */
export type ChartFamily = "amounts" | "per_year" | "none";

const AMOUNTS: readonly FigureKind[] = ["total", "level"];
const PER_YEAR: readonly FigureKind[] = ["rate", "average"];

export function chartFamily(figures: readonly Pick<Figure, "kind">[]): ChartFamily {
  if (figures.some((f) => AMOUNTS.includes(f.kind))) return "amounts";
  if (figures.some((f) => PER_YEAR.includes(f.kind))) return "per_year";
  return "none";
}

export function isDrawn(figure: Pick<Figure, "kind">, family: ChartFamily): boolean {
  if (family === "amounts") return AMOUNTS.includes(figure.kind);
  if (family === "per_year") return PER_YEAR.includes(figure.kind);
  return false;
}

/** Figures of one scope are one series: Geneva and worldwide counts are never the same line. */
export const scopeKey = (scope: FigureScope) =>
  [scope.place ?? "", scope.unitCode ?? "", scope.category ?? ""].join("|");

export interface ScopeSeries {
  key: string;
  scope: FigureScope;
  figures: Figure[];
}

/** The figures grouped by scope, in order of first appearance (the API lists oldest period first). */
export function seriesByScope(figures: readonly Figure[]): ScopeSeries[] {
  const series = new Map<string, ScopeSeries>();
  for (const figure of figures) {
    const key = scopeKey(figure.scope);
    let entry = series.get(key);
    if (!entry) {
      entry = { key, scope: figure.scope, figures: [] };
      series.set(key, entry);
    }
    entry.figures.push(figure);
  }
  return [...series.values()];
}

/** The first and last day any of these figures covers (null when there are none). */
export function extentOf(figures: readonly Pick<Figure, "periodStart" | "periodEnd">[]) {
  if (figures.length === 0) return null;
  let from = figures[0]!.periodStart;
  let to = figures[0]!.periodEnd;
  for (const f of figures) {
    if (f.periodStart < from) from = f.periodStart;
    if (f.periodEnd > to) to = f.periodEnd;
  }
  return { from, to };
}

/**
 * The time range several charts of one dashboard share: whole years around their figures, so
 * that the same date sits at the same place in every chart and an empty year shows as empty.
 */
export function sharedRange(figures: readonly Pick<Figure, "periodStart" | "periodEnd">[]) {
  const extent = extentOf(figures);
  if (!extent) return null;
  const first = Number(extent.from.slice(0, 4));
  const last = Number(extent.to.slice(0, 4));
  return { min: Date.UTC(first, 0, 1), max: Date.UTC(last + 1, 0, 1), firstYear: first, lastYear: last };
}

/** The calendar years in [first, last] that no figure's period touches. */
export function yearsWithoutFigures(
  figures: readonly Pick<Figure, "periodStart" | "periodEnd">[],
  first: number,
  last: number,
): number[] {
  const missing: number[] = [];
  for (let year = first; year <= last; year++) {
    const touched = figures.some(
      (f) => Number(f.periodStart.slice(0, 4)) <= year && Number(f.periodEnd.slice(0, 4)) >= year,
    );
    if (!touched) missing.push(year);
  }
  return missing;
}

const isCalendarYear = (f: Pick<Figure, "periodStart" | "periodEnd">) =>
  f.periodStart.endsWith("-01-01") &&
  f.periodEnd.endsWith("-12-31") &&
  f.periodStart.slice(0, 4) === f.periodEnd.slice(0, 4);

const isBiennium = (f: Pick<Figure, "periodStart" | "periodEnd">) =>
  f.periodStart.endsWith("-01-01") &&
  f.periodEnd.endsWith("-12-31") &&
  Number(f.periodEnd.slice(0, 4)) - Number(f.periodStart.slice(0, 4)) === 1;

/** Sales and budget of one period, with what the source says beside them. */
export interface BudgetComparison {
  periodStart: string;
  periodEnd: string;
  actual: Figure;
  budget: Figure | null;
  /** Actual − budget, and as a percentage of the budget; null without a budget. */
  variance: number | null;
  variancePercent: number | null;
  /** Exact only when both figures are; a bound or an estimate makes the difference approximate. */
  varianceExact: boolean;
  /** Other statements of the same period's actual (a restatement that disagrees). */
  otherActuals: Figure[];
  /** A difference the source itself states ("2.5 million more than budgeted"). */
  statedVariance: Figure | null;
}

export interface BudgetDashboard {
  /** Calendar years with both an actual and a budget: the chart's first panel. */
  years: BudgetComparison[];
  /** Longer spans (a biennium) with both: drawn apart, as they are not sums of the years. */
  longer: BudgetComparison[];
  /** Whether every longer span is a biennium (so the panel can be called one). */
  longerAreBiennia: boolean;
  /** Periods with an actual and no budget: listed in the table, not charted. */
  withoutBudget: BudgetComparison[];
}

const samePeriod = (a: Figure, b: Figure) =>
  a.periodStart === b.periodStart && a.periodEnd === b.periodEnd && scopeKey(a.scope) === scopeKey(b.scope);

/**
 * Pairs each actual total with the budget of the same period and scope. Where the source states the
 * pair (a comparison with relation `budget`), that actual is the one compared; any other actual of
 * the same period is kept as another statement, never averaged away.
 */
export function compareWithBudget(actuals: readonly Figure[], budgets: readonly Figure[]): BudgetDashboard {
  const totals = actuals.filter((f) => f.kind === "total");
  const changes = actuals.filter((f) => f.kind === "change");
  const budgetTotals = budgets.filter((f) => f.kind === "total");
  const used = new Set<string>();
  const rows: BudgetComparison[] = [];

  for (const budget of budgetTotals) {
    const candidates = totals.filter((a) => samePeriod(a, budget));
    if (candidates.length === 0) continue;
    const named = candidates.find((a) =>
      a.comparisons.some((c) => c.relation === "budget" && c.figureId === budget.id),
    );
    const actual = named ?? candidates[0]!;
    for (const a of candidates) used.add(a.id);
    const variance = actual.value - budget.value;
    rows.push({
      periodStart: budget.periodStart,
      periodEnd: budget.periodEnd,
      actual,
      budget,
      variance,
      variancePercent: budget.value === 0 ? null : (variance / budget.value) * 100,
      varianceExact: actual.qualifier === "exact" && budget.qualifier === "exact",
      otherActuals: candidates.filter((a) => a !== actual),
      statedVariance:
        changes.find((c) => c.comparisons.some((r) => r.relation === "budget" && r.figureId === budget.id)) ??
        null,
    });
  }

  const withoutBudget: BudgetComparison[] = [];
  for (const actual of totals) {
    if (used.has(actual.id)) continue;
    const sameAsEarlier = withoutBudget.find((row) => samePeriod(row.actual, actual));
    if (sameAsEarlier) {
      sameAsEarlier.otherActuals.push(actual);
      continue;
    }
    withoutBudget.push({
      periodStart: actual.periodStart,
      periodEnd: actual.periodEnd,
      actual,
      budget: null,
      variance: null,
      variancePercent: null,
      varianceExact: false,
      otherActuals: [],
      statedVariance: null,
    });
  }

  const byPeriod = (a: BudgetComparison, b: BudgetComparison) =>
    a.periodStart.localeCompare(b.periodStart) || a.periodEnd.localeCompare(b.periodEnd);
  const longer = rows.filter((r) => !isCalendarYear(r)).sort(byPeriod);
  return {
    years: rows.filter(isCalendarYear).sort(byPeriod),
    longer,
    longerAreBiennia: longer.every(isBiennium),
    withoutBudget: withoutBudget.sort(byPeriod),
  };
}

/** A percentage rounded to one decimal, as variances are read ("+2.8 %"). */
export const roundPercent = (value: number) => Math.round(value * 10) / 10;
