import { describe, expect, it } from "vitest";
import type { Figure } from "#shared/figures.ts";
import {
  chartFamily,
  compareWithBudget,
  dayStart,
  isDrawn,
  seriesByScope,
  sharedRange,
  spanEnd,
  yearsWithoutFigures,
} from "./dashboard-data.ts";

let next = 0;
function figure(
  over: Partial<Figure> & Pick<Figure, "metricCode" | "value" | "periodStart" | "periodEnd">,
): Figure {
  next += 1;
  return {
    id: `00000000-0000-4000-8000-${String(next).padStart(12, "0")}`,
    metricId: "00000000-0000-4000-8000-000000000000",
    kind: "total",
    unit: "chf",
    qualifier: "exact",
    outOf: null,
    periodSince: null,
    scope: { place: null, unitCode: null, category: null },
    source: { symbol: "C18/35", section: "S.3", language: "zh", symbolAssumed: true, quote: null },
    comparisons: [],
    contradictions: [],
    contradictionReviews: [],
    enteredBy: null,
    createdAt: "2026-01-01T00:00:00Z",
    updatedAt: "2026-01-01T00:00:00Z",
    version: 1,
    ...over,
  };
}

const year = (y: number) => ({ periodStart: `${y}-01-01`, periodEnd: `${y}-12-31` });

describe("sales against budget", () => {
  const budget2015 = figure({ metricCode: "publications.sales-budget", value: 17_000_000, ...year(2015) });
  const budgetBiennium = figure({
    metricCode: "publications.sales-budget",
    value: 34_000_000,
    periodStart: "2014-01-01",
    periodEnd: "2015-12-31",
  });
  const budget2016 = figure({ metricCode: "publications.sales-budget", value: 18_500_000, ...year(2016) });
  const sales2014 = figure({ metricCode: "publications.sales", value: 19_800_000, ...year(2014) });
  const restated2015 = figure({ metricCode: "publications.sales", value: 16_720_000, ...year(2015) });
  const sales2015 = figure({
    metricCode: "publications.sales",
    value: 16_730_000,
    ...year(2015),
    comparisons: [{ relation: "budget", figureId: budget2015.id }],
  });
  const biennium = figure({
    metricCode: "publications.sales",
    value: 36_550_000,
    periodStart: "2014-01-01",
    periodEnd: "2015-12-31",
  });
  const statedExcess = figure({
    metricCode: "publications.sales",
    kind: "change",
    value: 2_500_000,
    periodStart: "2014-01-01",
    periodEnd: "2015-12-31",
    comparisons: [{ relation: "budget", figureId: budgetBiennium.id }],
  });
  const sales2016 = figure({
    metricCode: "publications.sales",
    value: 19_020_000,
    qualifier: "about",
    ...year(2016),
  });
  const dashboard = compareWithBudget(
    [sales2014, restated2015, sales2015, biennium, statedExcess, sales2016],
    [budget2015, budgetBiennium, budget2016],
  );

  it("pairs each year with its budget, the actual the source compares first, the other kept", () => {
    expect(dashboard.years.map((row) => row.actual.value)).toEqual([16_730_000, 19_020_000]);
    const [y2015, y2016] = dashboard.years;
    expect(y2015?.otherActuals).toEqual([restated2015]);
    expect(y2015?.variance).toBe(-270_000);
    expect(y2016?.variance).toBe(520_000);
    expect(y2016?.variancePercent).toBeCloseTo(2.81, 2);
    // An estimate on either side makes the difference an estimate.
    expect(y2015?.varianceExact).toBe(true);
    expect(y2016?.varianceExact).toBe(false);
  });

  it("keeps the biennium apart from the years, with the difference the source states", () => {
    expect(dashboard.longer).toHaveLength(1);
    expect(dashboard.longerAreBiennia).toBe(true);
    expect(dashboard.longer[0]?.variance).toBe(2_550_000);
    expect(dashboard.longer[0]?.statedVariance).toBe(statedExcess);
  });

  it("lists a year without a budget, and nothing twice", () => {
    expect(dashboard.withoutBudget.map((row) => row.actual)).toEqual([sales2014]);
    const listed = [...dashboard.years, ...dashboard.longer, ...dashboard.withoutBudget].flatMap((row) => [
      row.actual,
      ...row.otherActuals,
    ]);
    expect(new Set(listed).size).toBe(listed.length);
  });
});

describe("what a chart draws", () => {
  const total = figure({ metricCode: "conference.events", unit: "count", value: 69, ...year(2015) });
  const average = figure({
    metricCode: "conference.events",
    unit: "count",
    kind: "average",
    value: 150,
    ...year(2016),
  });
  const change = figure({ metricCode: "x", unit: "percent", kind: "change", value: 22, ...year(2015) });

  it("draws amounts on the metric's axis, rates only when nothing else, never changes", () => {
    expect(chartFamily([total, average])).toBe("amounts");
    expect(isDrawn(average, "amounts")).toBe(false);
    expect(chartFamily([average])).toBe("per_year");
    expect(isDrawn(average, "per_year")).toBe(true);
    expect(chartFamily([change])).toBe("none");
  });

  it("spans a period from its first day to the end of its last", () => {
    expect(spanEnd("2015-02-28") - dayStart("2014-07-01")).toBe(243 * 86_400_000);
  });

  it("keeps scopes apart and finds the years nothing was said about", () => {
    const geneva = figure({ ...total, id: "g", scope: { place: "geneva", unitCode: null, category: null } });
    expect(seriesByScope([total, geneva, average]).map((s) => s.figures.length)).toEqual([2, 1]);
    const range = sharedRange([total, average]);
    expect(range).toMatchObject({
      firstYear: 2015,
      lastYear: 2016,
      min: Date.UTC(2015, 0, 1),
      max: Date.UTC(2017, 0, 1),
    });
    expect(yearsWithoutFigures([total], 2014, 2017)).toEqual([2014, 2016, 2017]);
  });
});
