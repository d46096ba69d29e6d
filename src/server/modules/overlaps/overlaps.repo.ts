import { and, asc, desc, eq, gt, inArray, lt, or, type SQL, sql } from "drizzle-orm";
import { alias, type PgColumn } from "drizzle-orm/pg-core";
import type { Visibility } from "#shared/access.ts";
import type { MultilingualText } from "#shared/languages.ts";
import { descendantsOrSelfByCode } from "../../core/access.ts";
import type { Executor } from "../../db/client.ts";
import { activity, activityArea } from "../../db/schema/activities.ts";
import { area } from "../../db/schema/areas.ts";
import { unit } from "../../db/schema/organization.ts";
import { overlapCandidate } from "../../db/schema/overlaps.ts";
import { updateIfVersion } from "../../db/versioned.ts";

export type CandidateRow = typeof overlapCandidate.$inferSelect;
export type NewCandidateRow = typeof overlapCandidate.$inferInsert;

/** What the detector reads of an activity, with its unit's code and name. */
export interface SubjectRow {
  id: string;
  unitId: string;
  unitCode: string;
  unitName: MultilingualText;
  ref: string;
  type: string;
  status: string;
  title: MultilingualText;
  description: MultilingualText | null;
  originalLanguage: string;
  startDate: string;
  endDate: string | null;
  sdgTargets: string[];
  contactIds: string[];
  visibility: string;
  updatedAt: string;
  areaSlugs: string[];
}

const subjectColumns = {
  id: activity.id,
  unitId: activity.unitId,
  unitCode: unit.code,
  unitName: unit.name,
  ref: activity.ref,
  type: activity.type,
  status: activity.status,
  title: activity.title,
  description: activity.description,
  originalLanguage: activity.originalLanguage,
  startDate: activity.startDate,
  endDate: activity.endDate,
  sdgTargets: activity.sdgTargets,
  contactIds: activity.contactIds,
  visibility: activity.visibility,
  updatedAt: activity.updatedAt,
  areaSlugs: sql<
    string[]
  >`array(select ${area.slug} from ${activityArea} join ${area} on ${area.id} = ${activityArea.areaId}
    where ${activityArea.activityId} = ${activity.id} order by ${area.slug})`,
};

/** Activities in pages by id (a scan reads 100,000 without holding one huge result). */
export async function subjectPage(
  db: Executor,
  afterId: string | null,
  limit: number,
): Promise<SubjectRow[]> {
  return db
    .select(subjectColumns)
    .from(activity)
    .innerJoin(unit, eq(unit.id, activity.unitId))
    .where(afterId ? gt(activity.id, afterId) : undefined)
    .orderBy(asc(activity.id))
    .limit(limit);
}

export async function subjectsByIds(db: Executor, ids: readonly string[]): Promise<SubjectRow[]> {
  if (ids.length === 0) return [];
  return db
    .select(subjectColumns)
    .from(activity)
    .innerJoin(unit, eq(unit.id, activity.unitId))
    .where(inArray(activity.id, [...ids]));
}

/** Activities changed after a moment: what the check-on-save index catches up with. */
export async function subjectsChangedSince(db: Executor, since: string): Promise<SubjectRow[]> {
  return db
    .select(subjectColumns)
    .from(activity)
    .innerJoin(unit, eq(unit.id, activity.unitId))
    .where(gt(activity.updatedAt, since))
    .orderBy(asc(activity.updatedAt));
}

export async function activityCount(db: Executor): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(activity);
  return row!.n;
}

/** What a rescan needs of every stored pair (not the evidence: a rescan may meet half a million). */
export async function allCandidates(db: Executor) {
  return db
    .select({
      id: overlapCandidate.id,
      activityAId: overlapCandidate.activityAId,
      activityBId: overlapCandidate.activityBId,
      status: overlapCandidate.status,
      version: overlapCandidate.version,
      decidedWords: overlapCandidate.decidedWords,
    })
    .from(overlapCandidate);
}

export async function candidateById(db: Executor, id: string): Promise<CandidateRow | undefined> {
  const [row] = await db.select().from(overlapCandidate).where(eq(overlapCandidate.id, id));
  return row;
}

/**
 * New pairs, a batch in one statement whose rows travel as one JSON parameter: planning an INSERT
 * of thousands of bound values cost more than the insert itself (270 ms per 2,000 rows → 25 ms).
 */
export async function insertCandidates(
  db: Executor,
  rows: Pick<
    NewCandidateRow,
    "activityAId" | "activityBId" | "score" | "likely" | "evidence" | "detectedAt"
  >[],
) {
  if (rows.length === 0) return;
  const json = JSON.stringify(
    rows.map((r) => ({
      a: r.activityAId,
      b: r.activityBId,
      score: r.score,
      likely: r.likely,
      evidence: r.evidence,
      at: r.detectedAt,
    })),
  );
  await db.execute(sql`
    insert into overlap_candidate (activity_a_id, activity_b_id, score, likely, evidence, detected_at, created_at, updated_at)
    select v.a, v.b, v.score, v.likely, v.evidence, v.at, v.at, v.at
    from jsonb_to_recordset(${json}::jsonb) as v(a uuid, b uuid, score real, likely boolean, evidence jsonb, at timestamptz)`);
}

/**
 * A rescan's new scores and evidence, many rows in one statement: machine findings, not a person's
 * change, so no version bump.
 */
export async function refreshCandidates(
  db: Executor,
  rows: Pick<CandidateRow, "id" | "score" | "likely" | "evidence" | "detectedAt">[],
) {
  if (rows.length === 0) return;
  await db.execute(sql`
    update overlap_candidate c
    set score = v.score, likely = v.likely, evidence = v.evidence, detected_at = v.detected_at
    from jsonb_to_recordset(${JSON.stringify(rows.map((r) => ({ id: r.id, score: r.score, likely: r.likely, evidence: r.evidence, detected_at: r.detectedAt })))}::jsonb)
      as v(id uuid, score real, likely boolean, evidence jsonb, detected_at timestamptz)
    where c.id = v.id`);
}

export async function deleteCandidates(db: Executor, ids: readonly string[]) {
  if (ids.length) await db.delete(overlapCandidate).where(inArray(overlapCandidate.id, [...ids]));
}

export function updateCandidateIfVersion(
  db: Executor,
  id: string,
  version: number,
  changes: Partial<NewCandidateRow>,
  now: string,
) {
  return updateIfVersion(db, overlapCandidate, id, version, changes, now);
}

export interface CandidateFilter {
  status: string | null;
  likely: boolean | null;
  areaSlug: string | null;
  unitCode: string | null;
  activityId: string | null;
  visibilities: Visibility[];
  restrictedUnits: "all" | string[];
  after: [number, string] | null;
  limit: number;
}

const a = alias(activity, "a");
const b = alias(activity, "b");

function readable(side: { visibility: PgColumn; unitId: PgColumn }, f: CandidateFilter) {
  const visible = inArray(side.visibility, f.visibilities);
  if (f.restrictedUnits === "all") return visible;
  return and(
    visible,
    f.restrictedUnits.length
      ? or(sql`${side.visibility} <> 'restricted'`, inArray(side.unitId, f.restrictedUnits))
      : sql`${side.visibility} <> 'restricted'`,
  );
}

/** The inbox: strongest first, both activities readable by the viewer. */
export async function listCandidateRows(db: Executor, f: CandidateFilter): Promise<CandidateRow[]> {
  const conditions: (SQL | undefined)[] = [readable(a, f), readable(b, f)];
  if (f.status) conditions.push(eq(overlapCandidate.status, f.status));
  if (f.likely !== null) conditions.push(eq(overlapCandidate.likely, f.likely));
  if (f.activityId)
    conditions.push(
      or(eq(overlapCandidate.activityAId, f.activityId), eq(overlapCandidate.activityBId, f.activityId)),
    );
  if (f.unitCode) {
    const units = descendantsOrSelfByCode(f.unitCode);
    conditions.push(or(sql`${a.unitId} in ${units}`, sql`${b.unitId} in ${units}`));
  }
  if (f.areaSlug)
    conditions.push(
      sql`exists (select 1 from ${activityArea} join ${area} on ${area.id} = ${activityArea.areaId}
        where ${area.slug} = ${f.areaSlug} and ${activityArea.activityId} in (${a.id}, ${b.id}))`,
    );
  if (f.after) {
    const [score, id] = f.after;
    conditions.push(
      or(
        lt(overlapCandidate.score, score),
        and(eq(overlapCandidate.score, score), gt(overlapCandidate.id, id)),
      ),
    );
  }
  const rows = await db
    .select({ candidate: overlapCandidate })
    .from(overlapCandidate)
    .innerJoin(a, eq(a.id, overlapCandidate.activityAId))
    .innerJoin(b, eq(b.id, overlapCandidate.activityBId))
    .where(and(...conditions))
    .orderBy(desc(overlapCandidate.score), asc(overlapCandidate.id))
    .limit(f.limit + 1);
  return rows.map((r) => r.candidate);
}
