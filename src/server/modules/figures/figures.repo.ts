import { and, asc, count, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { figure, figureComparison, figureContradictionReview, metric } from "../../db/schema/figures.ts";
import { person, unit } from "../../db/schema/organization.ts";
import { updateIfVersion } from "../../db/versioned.ts";

export type MetricRow = typeof metric.$inferSelect;
export type NewMetricRow = typeof metric.$inferInsert;
export type FigureRow = typeof figure.$inferSelect;
export type NewFigureRow = typeof figure.$inferInsert;

/** A metric with what its readers are shown beside it. */
export interface MetricListing extends MetricRow {
  ownerUnitCode: string;
  figureCount: number;
}

/** A figure with the codes and names its readers are shown instead of ids. */
export interface FigureListing extends FigureRow {
  metricCode: string;
  scopeUnitCode: string | null;
  enteredByName: string | null;
}

export async function listMetricRows(db: Executor, filter: { ids?: string[]; codes?: string[] } = {}) {
  const conditions: SQL[] = [];
  if (filter.ids) conditions.push(filter.ids.length ? inArray(metric.id, filter.ids) : sql`false`);
  if (filter.codes) conditions.push(filter.codes.length ? inArray(metric.code, filter.codes) : sql`false`);
  const rows = await db
    .select({
      metric,
      ownerUnitCode: unit.code,
      figureCount: sql<number>`(select count(*)::int from ${figure} where ${figure.metricId} = ${metric.id})`,
    })
    .from(metric)
    .innerJoin(unit, eq(unit.id, metric.ownerUnitId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(metric.section), asc(metric.code));
  return rows.map((r): MetricListing => ({
    ...r.metric,
    ownerUnitCode: r.ownerUnitCode,
    figureCount: r.figureCount,
  }));
}

export async function insertMetric(db: Executor, row: NewMetricRow): Promise<MetricRow> {
  const [created] = await db.insert(metric).values(row).returning();
  return created!;
}

export function updateMetricIfVersion(
  db: Executor,
  id: string,
  version: number,
  changes: Partial<NewMetricRow>,
  now: string,
) {
  return updateIfVersion(db, metric, id, version, changes, now);
}

export async function figureCountOf(db: Executor, metricId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(figure).where(eq(figure.metricId, metricId));
  return row?.n ?? 0;
}

/** Every figure of these metrics (a metric holds tens of figures, not thousands), oldest period first. */
export async function figuresOfMetrics(db: Executor, metricIds: readonly string[]): Promise<FigureListing[]> {
  if (metricIds.length === 0) return [];
  const scopeUnit = sql`(select code from ${unit} where ${unit.id} = ${figure.scopeUnitId})`;
  const rows = await db
    .select({
      figure,
      metricCode: metric.code,
      scopeUnitCode: sql<string | null>`${scopeUnit}`,
      enteredByName: person.name,
    })
    .from(figure)
    .innerJoin(metric, eq(metric.id, figure.metricId))
    .leftJoin(person, eq(person.id, figure.enteredBy))
    .where(inArray(figure.metricId, [...metricIds]))
    .orderBy(asc(figure.periodStart), asc(figure.periodEnd), asc(figure.createdAt), asc(figure.id));
  return rows.map((r) => ({
    ...r.figure,
    metricCode: r.metricCode,
    scopeUnitCode: r.scopeUnitCode,
    enteredByName: r.enteredByName,
  }));
}

export async function figureById(db: Executor, id: string): Promise<FigureRow | undefined> {
  const [row] = await db.select().from(figure).where(eq(figure.id, id)).limit(1);
  return row;
}

export async function figuresByIds(db: Executor, ids: readonly string[]): Promise<FigureRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(figure)
    .where(inArray(figure.id, [...ids]));
}

export async function insertFigures(db: Executor, rows: NewFigureRow[]): Promise<FigureRow[]> {
  if (rows.length === 0) return [];
  return db.insert(figure).values(rows).returning();
}

export function updateFigureIfVersion(
  db: Executor,
  id: string,
  version: number,
  changes: Partial<NewFigureRow>,
  now: string,
) {
  return updateIfVersion(db, figure, id, version, changes, now);
}

export async function deleteFigureIfVersion(db: Executor, id: string, version: number): Promise<boolean> {
  const rows = await db
    .delete(figure)
    .where(and(eq(figure.id, id), eq(figure.version, version)))
    .returning({ id: figure.id });
  return rows.length > 0;
}

export async function comparisonsOf(
  db: Executor,
  figureIds: readonly string[],
): Promise<{ figureId: string; otherFigureId: string; relation: string }[]> {
  if (figureIds.length === 0) return [];
  return db
    .select()
    .from(figureComparison)
    .where(inArray(figureComparison.figureId, [...figureIds]))
    .orderBy(asc(figureComparison.relation), asc(figureComparison.otherFigureId));
}

export async function replaceComparisons(
  db: Executor,
  figureId: string,
  comparisons: readonly { relation: string; figureId: string }[],
): Promise<void> {
  await db.delete(figureComparison).where(eq(figureComparison.figureId, figureId));
  if (comparisons.length)
    await db
      .insert(figureComparison)
      .values(comparisons.map((c) => ({ figureId, otherFigureId: c.figureId, relation: c.relation })))
      .onConflictDoNothing();
}

/** Whether another figure compares itself with this one (deleting it would silently drop that). */
export async function comparedBy(db: Executor, figureId: string): Promise<string[]> {
  const rows = await db
    .select({ id: figureComparison.figureId })
    .from(figureComparison)
    .where(eq(figureComparison.otherFigureId, figureId));
  return rows.map((r) => r.id);
}

export type ContradictionReviewRow = typeof figureContradictionReview.$inferSelect;

/** A review with the name of who wrote it. */
export interface ContradictionReviewListing extends ContradictionReviewRow {
  reviewedByName: string | null;
}

/** The reviews of every pair one of these figures belongs to. */
export async function contradictionReviewsOf(
  db: Executor,
  figureIds: readonly string[],
): Promise<ContradictionReviewListing[]> {
  if (figureIds.length === 0) return [];
  const rows = await db
    .select({ review: figureContradictionReview, reviewedByName: person.name })
    .from(figureContradictionReview)
    .leftJoin(person, eq(person.id, figureContradictionReview.reviewedBy))
    .where(
      or(
        inArray(figureContradictionReview.figureId, [...figureIds]),
        inArray(figureContradictionReview.otherFigureId, [...figureIds]),
      ),
    );
  return rows.map((r) => ({ ...r.review, reviewedByName: r.reviewedByName }));
}

/** The review of one pair (its ids in either order), if any. */
export async function contradictionReviewOf(
  db: Executor,
  pair: readonly [string, string],
): Promise<ContradictionReviewRow | undefined> {
  const [first, second] = [...pair].sort();
  const [row] = await db
    .select()
    .from(figureContradictionReview)
    .where(
      and(
        eq(figureContradictionReview.figureId, first!),
        eq(figureContradictionReview.otherFigureId, second!),
      ),
    )
    .limit(1);
  return row;
}

/** Records the review of a pair, replacing an earlier one (of older versions) in place. */
export async function saveContradictionReview(
  db: Executor,
  review: {
    figureId: string;
    otherFigureId: string;
    figureVersion: number;
    otherFigureVersion: number;
    explanation: string;
    reviewedBy: string | null;
  },
  now: string,
): Promise<ContradictionReviewRow> {
  const [row] = await db
    .insert(figureContradictionReview)
    .values({ ...review, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: [figureContradictionReview.figureId, figureContradictionReview.otherFigureId],
      set: {
        figureVersion: review.figureVersion,
        otherFigureVersion: review.otherFigureVersion,
        explanation: review.explanation,
        reviewedBy: review.reviewedBy,
        updatedAt: now,
        version: sql`${figureContradictionReview.version} + 1`,
      },
    })
    .returning();
  return row!;
}

export async function deleteContradictionReview(db: Executor, id: string): Promise<void> {
  await db.delete(figureContradictionReview).where(eq(figureContradictionReview.id, id));
}
