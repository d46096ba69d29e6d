import { and, asc, eq, gt, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { area } from "../../db/schema/areas.ts";
import { agendaItem, body, coordinationIssue, escalationLevel, meeting } from "../../db/schema/bodies.ts";
import { person } from "../../db/schema/organization.ts";
import { updateIfVersion } from "../../db/versioned.ts";

export type IssueRow = typeof coordinationIssue.$inferSelect & { areaSlug: string; raisedByName: string };
export type LevelRow = typeof escalationLevel.$inferSelect & { bodyCode: string | null };

export function ladder(db: Executor): Promise<LevelRow[]> {
  return db
    .select({
      id: escalationLevel.id,
      createdAt: escalationLevel.createdAt,
      updatedAt: escalationLevel.updatedAt,
      version: escalationLevel.version,
      position: escalationLevel.position,
      name: escalationLevel.name,
      bodyId: escalationLevel.bodyId,
      timeLimitDays: escalationLevel.timeLimitDays,
      bodyCode: body.code,
    })
    .from(escalationLevel)
    .leftJoin(body, eq(body.id, escalationLevel.bodyId))
    .orderBy(asc(escalationLevel.position));
}

export async function insertLevels(db: Executor, rows: (typeof escalationLevel.$inferInsert)[]) {
  await db.insert(escalationLevel).values(rows);
}

function issueQuery(db: Executor) {
  return db
    .select({
      id: coordinationIssue.id,
      createdAt: coordinationIssue.createdAt,
      updatedAt: coordinationIssue.updatedAt,
      version: coordinationIssue.version,
      areaId: coordinationIssue.areaId,
      title: coordinationIssue.title,
      description: coordinationIssue.description,
      originalLanguage: coordinationIssue.originalLanguage,
      raisedBy: coordinationIssue.raisedBy,
      level: coordinationIssue.level,
      levelSince: coordinationIssue.levelSince,
      status: coordinationIssue.status,
      resolvedByDecisionId: coordinationIssue.resolvedByDecisionId,
      resolution: coordinationIssue.resolution,
      moves: coordinationIssue.moves,
      areaSlug: area.slug,
      raisedByName: person.name,
    })
    .from(coordinationIssue)
    .innerJoin(area, eq(area.id, coordinationIssue.areaId))
    .innerJoin(person, eq(person.id, coordinationIssue.raisedBy));
}

export async function issueById(db: Executor, id: string): Promise<IssueRow | undefined> {
  const [row] = await issueQuery(db).where(eq(coordinationIssue.id, id));
  return row;
}

export async function insertIssue(db: Executor, row: typeof coordinationIssue.$inferInsert) {
  const [created] = await db.insert(coordinationIssue).values(row).returning();
  return created!;
}

export function updateIssueIfVersion(
  db: Executor,
  id: string,
  version: number,
  changes: Partial<typeof coordinationIssue.$inferInsert>,
  now: string,
) {
  return updateIfVersion(db, coordinationIssue, id, version, changes, now);
}

export interface IssueFilter {
  status: string | null;
  areaId: string | null;
  escalated: boolean | null;
  after: [string, string] | null;
  limit: number;
}

/** Issues, the longest waiting at their level first. */
export function listIssueRows(db: Executor, f: IssueFilter): Promise<IssueRow[]> {
  const conditions: (SQL | undefined)[] = [];
  if (f.status) conditions.push(eq(coordinationIssue.status, f.status));
  if (f.areaId) conditions.push(eq(coordinationIssue.areaId, f.areaId));
  if (f.escalated === true) conditions.push(gt(coordinationIssue.level, 1));
  if (f.escalated === false) conditions.push(eq(coordinationIssue.level, 1));
  if (f.after) {
    const [since, id] = f.after;
    conditions.push(
      or(
        gt(coordinationIssue.levelSince, since),
        and(eq(coordinationIssue.levelSince, since), gt(coordinationIssue.id, id)),
      ),
    );
  }
  return issueQuery(db)
    .where(and(...conditions))
    .orderBy(asc(coordinationIssue.levelSince), asc(coordinationIssue.id))
    .limit(f.limit + 1);
}

export function openIssues(db: Executor): Promise<IssueRow[]> {
  return issueQuery(db).where(eq(coordinationIssue.status, "open"));
}

/** The next meeting of a body that is still to be held: where an escalated issue is proposed. */
export async function nextMeetingOf(db: Executor, bodyId: string, after: string) {
  const [row] = await db
    .select({ id: meeting.id, number: meeting.number })
    .from(meeting)
    .where(and(eq(meeting.bodyId, bodyId), eq(meeting.status, "planned"), gt(meeting.startsAt, after)))
    .orderBy(asc(meeting.startsAt))
    .limit(1);
  return row;
}

export async function agendaPositionsOf(db: Executor, meetingId: string) {
  const [row] = await db
    .select({ last: sql<number>`coalesce(max(${agendaItem.position}), 0)::int` })
    .from(agendaItem)
    .where(eq(agendaItem.meetingId, meetingId));
  return row!.last;
}

export async function proposeOnAgenda(db: Executor, row: typeof agendaItem.$inferInsert) {
  const [created] = await db.insert(agendaItem).values(row).returning({ id: agendaItem.id });
  return created!;
}

export async function issuesOnAgenda(db: Executor, meetingId: string, issueIds: readonly string[]) {
  if (issueIds.length === 0) return new Set<string>();
  const rows = await db
    .select({ issueId: agendaItem.coordinationIssueId })
    .from(agendaItem)
    .where(and(eq(agendaItem.meetingId, meetingId), inArray(agendaItem.coordinationIssueId, [...issueIds])));
  return new Set(rows.map((r) => r.issueId!));
}
