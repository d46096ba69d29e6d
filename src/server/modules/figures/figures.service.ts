import { formatDocumentSymbol, parseDocumentSymbol } from "#shared/document-symbols.ts";
import {
  awaitsReview,
  type ContradictionReview,
  type CreateFigureInput,
  type CreateMetricInput,
  type Figure,
  type FigureKind,
  type FigureListQuery,
  type FigureScope,
  type FigureUnit,
  type MemberCategory,
  type Metric,
  type MetricUnit,
  type PeriodTotal,
  type Qualifier,
  type ReportSection,
  type ReviewContradictionInput,
  type ScopePlace,
  type UpdateFigureInput,
  type UpdateMetricInput,
  qualifiersAllowed,
  unitsAllowed,
} from "#shared/figures.ts";
import { type Language, originalLanguageOf } from "#shared/languages.ts";
import { isoTimestamp } from "../../core/clock.ts";
import { type Ctx, SYSTEM_ACTOR } from "../../core/context.ts";
import { assertFresh, fail, FieldFaults, looksLikeId } from "../../core/errors.ts";
import { unitsByCodes } from "../units/units.repo.ts";
import { findContradictions, type StatedFigure, totalOverPeriod } from "./figure-rules.ts";
import {
  comparisonsOf,
  type ContradictionReviewListing,
  contradictionReviewOf,
  contradictionReviewsOf,
  deleteContradictionReview,
  deleteFigureIfVersion,
  figureById,
  type FigureListing,
  type FigureRow,
  figuresByIds,
  figuresOfMetrics,
  insertFigures,
  insertMetric,
  listMetricRows,
  type MetricListing,
  type NewFigureRow,
  replaceComparisons,
  saveContradictionReview,
  updateFigureIfVersion,
  updateMetricIfVersion,
} from "./figures.repo.ts";

// ---------------------------------------------------------------- metrics

export function toMetric(row: MetricListing): Metric {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    definition: row.definition ?? null,
    originalLanguage: row.originalLanguage as Language,
    unit: row.unit as MetricUnit,
    additive: row.additive,
    section: row.section as ReportSection,
    ownerUnitId: row.ownerUnitId,
    ownerUnitCode: row.ownerUnitCode,
    figureCount: row.figureCount,
    createdAt: isoTimestamp(row.createdAt),
    updatedAt: isoTimestamp(row.updatedAt),
    version: row.version,
  };
}

export async function listMetrics(ctx: Ctx): Promise<{ entries: Metric[] }> {
  return { entries: (await listMetricRows(ctx.db)).map(toMetric) };
}

/** A metric by id or code. */
export async function findMetric(ctx: Ctx, idOrCode: string): Promise<MetricListing> {
  const [row] = await listMetricRows(
    ctx.db,
    looksLikeId(idOrCode) ? { ids: [idOrCode] } : { codes: [idOrCode] },
  );
  if (!row) fail("not_found", { entity: "metric", id: idOrCode });
  return row;
}

async function ownerUnitId(ctx: Ctx, code: string, faults: FieldFaults): Promise<string | null> {
  const [owner] = await unitsByCodes(ctx.db, [code]);
  if (!owner) faults.add("ownerUnitCode", "unknown_unit");
  return owner?.id ?? null;
}

export async function createMetric(ctx: Ctx, input: CreateMetricInput): Promise<Metric> {
  await ctx.access.authorize("metric.manage", null);
  const faults = new FieldFaults();
  const ownerId = await ownerUnitId(ctx, input.ownerUnitCode, faults);
  const originalLanguage = originalLanguageOf(input.name, input.originalLanguage);
  if (!originalLanguage) faults.add("originalLanguage", "invalid_value");
  if ((await listMetricRows(ctx.db, { codes: [input.code] })).length) faults.add("code", "duplicate");
  faults.throwIfAny();
  return ctx.transaction(async (tx) => {
    const now = tx.clock.now().toISOString();
    const row = await insertMetric(tx.db, {
      code: input.code,
      name: input.name,
      definition: input.definition,
      originalLanguage: originalLanguage!,
      unit: input.unit,
      additive: input.additive,
      section: input.section,
      ownerUnitId: ownerId!,
      createdAt: now,
      updatedAt: now,
    });
    const created = toMetric({ ...row, ownerUnitCode: input.ownerUnitCode, figureCount: 0 });
    await tx.audit.record("metric", row.id, null, created);
    return created;
  });
}

export async function updateMetric(ctx: Ctx, idOrCode: string, input: UpdateMetricInput): Promise<Metric> {
  const current = await findMetric(ctx, idOrCode);
  await ctx.access.authorize("metric.manage", null);
  const faults = new FieldFaults();
  const ownerId = input.ownerUnitCode
    ? await ownerUnitId(ctx, input.ownerUnitCode, faults)
    : current.ownerUnitId;
  const name = input.name ?? current.name;
  const originalLanguage = originalLanguageOf(
    name,
    input.originalLanguage ?? (input.name ? undefined : (current.originalLanguage as Language)),
  );
  if (!originalLanguage) faults.add("originalLanguage", "invalid_value");
  if (
    input.code &&
    input.code !== current.code &&
    (await listMetricRows(ctx.db, { codes: [input.code] })).length
  )
    faults.add("code", "duplicate");
  // Figures were entered in the metric's unit: changing it would change what they mean.
  if (input.unit && input.unit !== current.unit && current.figureCount > 0) faults.add("unit", "wrong_unit");
  faults.throwIfAny();
  return ctx.transaction(async (tx) => {
    const next = await updateMetricIfVersion(
      tx.db,
      current.id,
      input.version,
      {
        ...(input.code ? { code: input.code } : {}),
        name,
        ...(input.definition !== undefined ? { definition: input.definition } : {}),
        originalLanguage: originalLanguage!,
        ...(input.unit ? { unit: input.unit } : {}),
        ...(input.additive !== undefined ? { additive: input.additive } : {}),
        ...(input.section ? { section: input.section } : {}),
        ownerUnitId: ownerId!,
      },
      tx.clock.now().toISOString(),
    );
    assertFresh(next);
    const [listing] = await listMetricRows(tx.db, { ids: [current.id] });
    const after = toMetric(listing!);
    await tx.audit.record("metric", current.id, toMetric(current), after);
    return after;
  });
}

// ---------------------------------------------------------------- figures

function scopeKey(row: Pick<FigureRow, "scopePlace" | "scopeUnitId" | "scopeCategory">): string {
  return `${row.scopePlace ?? ""}|${row.scopeUnitId ?? ""}|${row.scopeCategory ?? ""}`;
}

function stated(row: FigureRow): StatedFigure {
  return {
    id: row.id,
    kind: row.kind as FigureKind,
    value: row.value,
    qualifier: row.qualifier as Qualifier,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    scopeKey: scopeKey(row),
  };
}

function toFigure(
  row: FigureListing,
  comparisons: { otherFigureId: string; relation: string }[],
  contradictions: Iterable<string>,
  reviews: ContradictionReview[],
): Figure {
  const scope: FigureScope = {
    place: row.scopePlace as ScopePlace | null,
    unitCode: row.scopeUnitCode,
    category: row.scopeCategory as MemberCategory | null,
  };
  return {
    id: row.id,
    metricId: row.metricId,
    metricCode: row.metricCode,
    kind: row.kind as FigureKind,
    value: row.value,
    unit: row.unit as FigureUnit,
    qualifier: row.qualifier as Qualifier,
    outOf: row.outOf,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    periodSince: row.periodSince,
    scope,
    source: {
      symbol: row.sourceSymbol,
      section: row.sourceSection,
      language: row.sourceLanguage as Language,
      symbolAssumed: row.sourceSymbolAssumed,
      quote: row.sourceQuote,
    },
    comparisons: comparisons.map((c) => ({
      relation: c.relation as "budget" | "previous",
      figureId: c.otherFigureId,
    })),
    contradictions: [...contradictions].sort(),
    contradictionReviews: reviews,
    enteredBy: row.enteredBy && row.enteredByName ? { id: row.enteredBy, name: row.enteredByName } : null,
    createdAt: isoTimestamp(row.createdAt),
    updatedAt: isoTimestamp(row.updatedAt),
    version: row.version,
  };
}

/**
 * The reviews that still hold, by figure: of a pair that contradicts now, written for the versions
 * both figures have now. Each figure lists its pair's review with the other figure's id.
 */
function currentReviews(
  reviews: readonly ContradictionReviewListing[],
  versions: ReadonlyMap<string, number>,
  flagged: ReadonlyMap<string, ReadonlySet<string>>,
  staff: boolean,
): Map<string, ContradictionReview[]> {
  const byFigure = new Map<string, ContradictionReview[]>();
  for (const review of reviews) {
    const holds =
      flagged.get(review.figureId)?.has(review.otherFigureId) &&
      versions.get(review.figureId) === review.figureVersion &&
      versions.get(review.otherFigureId) === review.otherFigureVersion;
    if (!holds) continue;
    const shown = (other: string): ContradictionReview => ({
      figureId: other,
      explanation: review.explanation,
      reviewedBy:
        staff && review.reviewedBy && review.reviewedByName
          ? { id: review.reviewedBy, name: review.reviewedByName }
          : null,
      reviewedAt: isoTimestamp(review.updatedAt),
    });
    for (const [own, other] of [
      [review.figureId, review.otherFigureId],
      [review.otherFigureId, review.figureId],
    ] as const)
      (byFigure.get(own) ?? byFigure.set(own, []).get(own)!).push(shown(other));
  }
  for (const list of byFigure.values()) list.sort((a, b) => a.figureId.localeCompare(b.figureId));
  return byFigure;
}

/**
 * The figures of these metrics with their comparisons, contradictions (computed across each
 * metric) and the reviews of those contradictions that still hold.
 */
async function figuresWithFlags(ctx: Ctx, metrics: MetricListing[]): Promise<Figure[]> {
  const rows = await figuresOfMetrics(
    ctx.db,
    metrics.map((m) => m.id),
  );
  const ids = rows.map((r) => r.id);
  const comparisons = await comparisonsOf(ctx.db, ids);
  // Who entered a figure is the organization's own business, not its readers'.
  const staff = (await ctx.access.readableScope()).visibilities.includes("internal");
  const flagged = new Map<string, Set<string>>();
  for (const m of metrics) {
    const own = rows.filter((r) => r.metricId === m.id).map(stated);
    for (const [id, others] of findContradictions(own, m.additive)) flagged.set(id, others);
  }
  const reviews = currentReviews(
    await contradictionReviewsOf(ctx.db, [...flagged.keys()]),
    new Map(rows.map((r) => [r.id, r.version])),
    flagged,
    staff,
  );
  return rows.map((r) =>
    toFigure(
      staff ? r : { ...r, enteredBy: null },
      comparisons.filter((c) => c.figureId === r.id),
      flagged.get(r.id) ?? [],
      reviews.get(r.id) ?? [],
    ),
  );
}

export async function listFigures(ctx: Ctx, query: FigureListQuery): Promise<{ entries: Figure[] }> {
  let metrics = await listMetricRows(ctx.db, query.metricCode ? { codes: [query.metricCode] } : {});
  if (query.section) metrics = metrics.filter((m) => m.section === query.section);
  const figures = await figuresWithFlags(ctx, metrics);
  return {
    entries: figures.filter(
      (f) =>
        (!query.from || f.periodEnd >= query.from) &&
        (!query.to || f.periodStart <= query.to) &&
        (query.contradicted === undefined || f.contradictions.length > 0 === query.contradicted) &&
        (query.unreviewed === undefined || awaitsReview(f) === query.unreviewed),
    ),
  };
}

export async function getFigure(ctx: Ctx, id: string): Promise<Figure> {
  const row = looksLikeId(id) ? await figureById(ctx.db, id) : undefined;
  if (!row) fail("not_found", { entity: "figure", id });
  const metric = await findMetric(ctx, row.metricId);
  return (await figuresWithFlags(ctx, [metric])).find((f) => f.id === id)!;
}

interface CheckedFigure {
  row: Omit<NewFigureRow, "createdAt" | "updatedAt">;
  metric: MetricListing;
}

/**
 * Every rule a figure must meet, all faults collected (`prefix` places them in a file row). The
 * metrics and units are looked up by the caller once for a whole import.
 */
export function checkFigure(
  input: CreateFigureInput,
  lookups: {
    metrics: Map<string, MetricListing>;
    units: Map<string, string>;
    figures: Map<string, FigureRow>;
  },
  faults: FieldFaults,
  prefix = "",
): CheckedFigure | null {
  const at = (field: string) => `${prefix}${field}`;
  const before = faults.faults.length;
  const metric = lookups.metrics.get(input.metricCode);
  if (!metric) faults.add(at("metricCode"), "unknown_metric");
  if (input.periodEnd < input.periodStart) faults.add(at("periodEnd"), "before_start");
  let unit: FigureUnit | undefined = input.unit;
  if (metric) {
    const allowed = unitsAllowed(input.kind, metric.unit as MetricUnit);
    if (unit && !allowed.includes(unit)) faults.add(at("unit"), "wrong_unit");
    unit ??= allowed[0];
  }
  if (input.kind === "rank") {
    if (!qualifiersAllowed("rank").includes(input.qualifier))
      faults.add(at("qualifier"), "qualifier_not_allowed");
    if (input.outOf === null) faults.add(at("outOf"), "required");
    else if (input.value > input.outOf) faults.add(at("value"), "too_big");
    if (!Number.isInteger(input.value) || input.value < 1) faults.add(at("value"), "too_small");
  } else if (input.outOf !== null) faults.add(at("outOf"), "not_applicable");
  const amount =
    input.kind === "total" || input.kind === "level" || input.kind === "rate" || input.kind === "average";
  if (amount && metric && metric.unit !== "percent" && input.value < 0) faults.add(at("value"), "too_small");
  if ((unit === "percent" && input.kind === "share") || (metric?.unit === "percent" && amount)) {
    if (input.value < 0) faults.add(at("value"), "too_small");
    if (input.value > 100) faults.add(at("value"), "too_big");
  }
  const symbol = parseDocumentSymbol(input.source.symbol);
  if (!symbol) faults.add(at("source.symbol"), "invalid_symbol");
  const scopeUnitId = input.scope.unitCode ? lookups.units.get(input.scope.unitCode) : null;
  if (input.scope.unitCode && !scopeUnitId) faults.add(at("scope.unitCode"), "unknown_unit");
  input.comparisons.forEach((c, i) => {
    const other = lookups.figures.get(c.figureId);
    if (!other) faults.add(at(`comparisons.${i}.figureId`), "unknown_figure");
    else if (unit && other.unit !== unit) faults.add(at(`comparisons.${i}.figureId`), "wrong_unit");
  });
  if (faults.faults.length > before || !metric) return null;
  return {
    metric,
    row: {
      metricId: metric.id,
      kind: input.kind,
      value: input.value,
      unit: unit!,
      qualifier: input.qualifier,
      outOf: input.outOf,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      periodSince: input.periodSince,
      scopePlace: input.scope.place,
      scopeUnitId: scopeUnitId ?? null,
      scopeCategory: input.scope.category,
      sourceSymbol: formatDocumentSymbol(symbol!),
      sourceSection: input.source.section,
      sourceLanguage: input.source.language,
      sourceSymbolAssumed: input.source.symbolAssumed,
      sourceQuote: input.source.quote,
    },
  };
}

/** The metrics, scope units and compared figures named by these inputs, looked up once. */
export async function figureLookups(ctx: Ctx, inputs: readonly CreateFigureInput[]) {
  const metricRows = await listMetricRows(ctx.db, { codes: [...new Set(inputs.map((i) => i.metricCode))] });
  const unitCodes = [...new Set(inputs.flatMap((i) => (i.scope.unitCode ? [i.scope.unitCode] : [])))];
  const units = await unitsByCodes(ctx.db, unitCodes);
  const figureIds = [...new Set(inputs.flatMap((i) => i.comparisons.map((c) => c.figureId)))].filter(
    looksLikeId,
  );
  return {
    metrics: new Map(metricRows.map((m) => [m.code, m])),
    units: new Map(units.map((u) => [u.code, u.id])),
    figures: new Map((await figuresByIds(ctx.db, figureIds)).map((f) => [f.id, f])),
  };
}

export async function createFigure(ctx: Ctx, input: CreateFigureInput): Promise<Figure> {
  if (!ctx.access.signedIn) fail("unauthenticated");
  const faults = new FieldFaults();
  const checked = checkFigure(input, await figureLookups(ctx, [input]), faults);
  faults.throwIfAny();
  await ctx.access.authorize("figure.enter", checked!.metric.ownerUnitId);
  const id = await ctx.transaction(async (tx) => {
    const now = tx.clock.now().toISOString();
    const [row] = await insertFigures(tx.db, [
      { ...checked!.row, enteredBy: enteredBy(tx), createdAt: now, updatedAt: now },
    ]);
    await replaceComparisons(tx.db, row!.id, input.comparisons);
    await tx.audit.record("figure", row!.id, null, await getFigure(tx, row!.id));
    return row!.id;
  });
  return getFigure(ctx, id);
}

/** The person entering a figure; figures the platform loads itself (demo, CLI) carry none. */
export function enteredBy(ctx: Ctx): string | null {
  const id = ctx.viewer?.personId;
  return id && id !== SYSTEM_ACTOR ? id : null;
}

export async function updateFigure(ctx: Ctx, id: string, input: UpdateFigureInput): Promise<Figure> {
  const before = await getFigure(ctx, id);
  const current = (await figureById(ctx.db, id))!;
  await ctx.access.authorize("figure.enter", (await findMetric(ctx, current.metricId)).ownerUnitId);
  const faults = new FieldFaults();
  if (input.comparisons.some((c) => c.figureId === id)) faults.add("comparisons", "invalid_value");
  const checked = checkFigure(input, await figureLookups(ctx, [input]), faults);
  faults.throwIfAny();
  await ctx.access.authorize("figure.enter", checked!.metric.ownerUnitId);
  await ctx.transaction(async (tx) => {
    const next = await updateFigureIfVersion(
      tx.db,
      id,
      input.version,
      checked!.row,
      tx.clock.now().toISOString(),
    );
    assertFresh(next);
    await replaceComparisons(tx.db, id, input.comparisons);
    await tx.audit.record("figure", id, before, await getFigure(tx, id));
  });
  return getFigure(ctx, id);
}

export async function deleteFigure(ctx: Ctx, id: string, version: number): Promise<void> {
  const before = await getFigure(ctx, id);
  await ctx.access.authorize("figure.enter", (await findMetric(ctx, before.metricId)).ownerUnitId);
  await ctx.transaction(async (tx) => {
    assertFresh((await deleteFigureIfVersion(tx.db, id, version)) || null);
    await tx.audit.record("figure", id, before, null);
  });
}

/**
 * Records why two contradicting figures both stay. The versions are those the reviewer read: a
 * figure corrected since is a stale review (409), and a pair that no longer contradicts has
 * nothing to review (422). A second review of the pair replaces the first.
 */
export async function reviewContradiction(
  ctx: Ctx,
  id: string,
  otherId: string,
  input: ReviewContradictionInput,
): Promise<Figure> {
  const figure = await getFigure(ctx, id);
  await ctx.access.authorize("figure.enter", (await findMetric(ctx, figure.metricId)).ownerUnitId);
  const other = looksLikeId(otherId) ? await figureById(ctx.db, otherId) : undefined;
  if (!other) fail("not_found", { entity: "figure", id: otherId });
  if (!figure.contradictions.includes(otherId)) fail("invalid_transition", { reason: "not_contradicted" });
  const faults = new FieldFaults();
  if (figure.version !== input.version) faults.add("version", "stale_version");
  if (other.version !== input.otherVersion) faults.add("otherVersion", "stale_version");
  faults.throwIfAny("conflict");
  // An earlier review, even one a correction has voided, is replaced: its trail shows both.
  const before = await contradictionReviewOf(ctx.db, [id, otherId]);
  const [first, second] = [
    { id, version: input.version },
    { id: otherId, version: input.otherVersion },
  ].sort((a, b) => a.id.localeCompare(b.id));
  await ctx.transaction(async (tx) => {
    const stored = await saveContradictionReview(
      tx.db,
      {
        figureId: first!.id,
        otherFigureId: second!.id,
        figureVersion: first!.version,
        otherFigureVersion: second!.version,
        explanation: input.explanation,
        reviewedBy: enteredBy(tx),
      },
      tx.clock.now().toISOString(),
    );
    await tx.audit.record(
      "contradiction_review",
      stored.id,
      before && { figureIds: [first!.id, second!.id], explanation: before.explanation },
      { figureIds: [first!.id, second!.id], explanation: input.explanation },
    );
  });
  return getFigure(ctx, id);
}

/** Takes a review back: the pair is flagged for review again. */
export async function withdrawContradictionReview(ctx: Ctx, id: string, otherId: string): Promise<Figure> {
  const figure = await getFigure(ctx, id);
  await ctx.access.authorize("figure.enter", (await findMetric(ctx, figure.metricId)).ownerUnitId);
  const review = looksLikeId(otherId) ? await contradictionReviewOf(ctx.db, [id, otherId]) : undefined;
  if (!review) fail("not_found", { entity: "contradiction_review", id: otherId });
  await ctx.transaction(async (tx) => {
    await deleteContradictionReview(tx.db, review.id);
    await tx.audit.record(
      "contradiction_review",
      review.id,
      { figureIds: [review.figureId, review.otherFigureId], explanation: review.explanation },
      null,
    );
  });
  return getFigure(ctx, id);
}

/** Several figures at once, all or none (the import path); faults name the input's index. */
export async function createFigures(ctx: Ctx, inputs: readonly CreateFigureInput[]): Promise<string[]> {
  if (!ctx.access.signedIn) fail("unauthenticated");
  const faults = new FieldFaults();
  const lookups = await figureLookups(ctx, inputs);
  const checked = inputs.map((input, i) => checkFigure(input, lookups, faults, `figures.${i}.`));
  faults.throwIfAny();
  for (const ownerId of new Set(checked.map((c) => c!.metric.ownerUnitId)))
    await ctx.access.authorize("figure.enter", ownerId);
  return ctx.transaction(async (tx) => {
    const now = tx.clock.now().toISOString();
    const rows = await insertFigures(
      tx.db,
      checked.map((c) => ({ ...c!.row, enteredBy: enteredBy(tx), createdAt: now, updatedAt: now })),
    );
    for (const [i, row] of rows.entries()) {
      if (inputs[i]!.comparisons.length) await replaceComparisons(tx.db, row.id, inputs[i]!.comparisons);
    }
    const stored = await listFigures(tx, {});
    const byId = new Map(stored.entries.map((f) => [f.id, f]));
    for (const row of rows) await tx.audit.record("figure", row.id, null, byId.get(row.id)!);
    return rows.map((r) => r.id);
  });
}

/** The total of a metric over a period in one scope, or every reason it cannot be computed. */
export async function periodTotal(
  ctx: Ctx,
  idOrCode: string,
  query: { from: string; to: string; place?: ScopePlace; unitCode?: string; category?: MemberCategory },
): Promise<PeriodTotal> {
  const metric = await findMetric(ctx, idOrCode);
  const faults = new FieldFaults();
  if (query.to < query.from) faults.add("to", "before_start");
  const [scopeUnit] = query.unitCode ? await unitsByCodes(ctx.db, [query.unitCode]) : [];
  if (query.unitCode && !scopeUnit) faults.add("unitCode", "unknown_unit");
  faults.throwIfAny();
  const wanted = scopeKey({
    scopePlace: query.place ?? null,
    scopeUnitId: scopeUnit?.id ?? null,
    scopeCategory: query.category ?? null,
  });
  const rows = (await figuresOfMetrics(ctx.db, [metric.id])).map(stated).filter((f) => f.scopeKey === wanted);
  return totalOverPeriod(rows, metric.additive, query.from, query.to);
}
