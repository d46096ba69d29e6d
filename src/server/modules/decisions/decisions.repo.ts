import { and, asc, desc, eq, gt, inArray, isNull, lt, lte, max, or, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { area } from "../../db/schema/areas.ts";
import { actionItem, agendaItem, areaReport, body, decision, meeting } from "../../db/schema/bodies.ts";
import { person, unit } from "../../db/schema/organization.ts";
import { updateIfVersion } from "../../db/versioned.ts";

export type AgendaRow = typeof agendaItem.$inferSelect & { areaSlug: string | null };
export type DecisionRow = typeof decision.$inferSelect & {
  bodyCode: string;
  meetingNumber: number;
  takenOn: string;
};
export type ActionRow = typeof actionItem.$inferSelect & {
  bodyCode: string;
  ownerName: string;
  ownerUnitCode: string;
};

const agendaColumns = {
  id: agendaItem.id,
  createdAt: agendaItem.createdAt,
  updatedAt: agendaItem.updatedAt,
  version: agendaItem.version,
  meetingId: agendaItem.meetingId,
  position: agendaItem.position,
  title: agendaItem.title,
  originalLanguage: agendaItem.originalLanguage,
  kind: agendaItem.kind,
  areaId: agendaItem.areaId,
  documentSymbol: agendaItem.documentSymbol,
  minutes: agendaItem.minutes,
  coordinationIssueId: agendaItem.coordinationIssueId,
  areaSlug: area.slug,
};

export function agendaOf(db: Executor, meetingId: string): Promise<AgendaRow[]> {
  return db
    .select(agendaColumns)
    .from(agendaItem)
    .leftJoin(area, eq(area.id, agendaItem.areaId))
    .where(eq(agendaItem.meetingId, meetingId))
    .orderBy(asc(agendaItem.position), asc(agendaItem.createdAt));
}

export async function agendaItemById(db: Executor, id: string): Promise<AgendaRow | undefined> {
  const [row] = await db
    .select(agendaColumns)
    .from(agendaItem)
    .leftJoin(area, eq(area.id, agendaItem.areaId))
    .where(eq(agendaItem.id, id));
  return row;
}

export async function lastAgendaPosition(db: Executor, meetingId: string): Promise<number> {
  const [row] = await db
    .select({ last: max(agendaItem.position) })
    .from(agendaItem)
    .where(eq(agendaItem.meetingId, meetingId));
  return row?.last ?? 0;
}

export async function insertAgendaItem(db: Executor, row: typeof agendaItem.$inferInsert) {
  const [created] = await db.insert(agendaItem).values(row).returning();
  return created!;
}

export function updateAgendaItemIfVersion(
  db: Executor,
  id: string,
  version: number,
  changes: Partial<typeof agendaItem.$inferInsert>,
  now: string,
) {
  return updateIfVersion(db, agendaItem, id, version, changes, now);
}

export function updateDecisionIfVersion(
  db: Executor,
  id: string,
  version: number,
  changes: Partial<typeof decision.$inferInsert>,
  now: string,
) {
  return updateIfVersion(db, decision, id, version, changes, now);
}

const decisionColumns = {
  id: decision.id,
  createdAt: decision.createdAt,
  updatedAt: decision.updatedAt,
  version: decision.version,
  bodyId: decision.bodyId,
  meetingId: decision.meetingId,
  agendaItemId: decision.agendaItemId,
  number: decision.number,
  text: decision.text,
  originalLanguage: decision.originalLanguage,
  searchText: decision.searchText,
  bodyCode: body.code,
  meetingNumber: meeting.number,
  takenOn: meeting.startsAt,
};

export async function decisionById(db: Executor, id: string): Promise<DecisionRow | undefined> {
  const [row] = await db
    .select(decisionColumns)
    .from(decision)
    .innerJoin(body, eq(body.id, decision.bodyId))
    .innerJoin(meeting, eq(meeting.id, decision.meetingId))
    .where(eq(decision.id, id));
  return row;
}

export async function decisionsInMeeting(db: Executor, meetingId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(decision)
    .where(eq(decision.meetingId, meetingId));
  return row!.n;
}

export async function insertDecision(db: Executor, row: typeof decision.$inferInsert) {
  const [created] = await db.insert(decision).values(row).returning();
  return created!;
}

export interface DecisionFilter {
  bodyIds: string[];
  meetingId: string | null;
  terms: string[];
  after: [string, string] | null;
  limit: number;
}

/** The register, latest meeting first, searchable by word in any language. */
export function listDecisionRows(db: Executor, f: DecisionFilter): Promise<DecisionRow[]> {
  if (f.bodyIds.length === 0) return Promise.resolve([]);
  const conditions: (SQL | undefined)[] = [inArray(decision.bodyId, f.bodyIds)];
  if (f.meetingId) conditions.push(eq(decision.meetingId, f.meetingId));
  for (const term of f.terms)
    conditions.push(sql`${decision.searchText} like ${`% ${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  if (f.after) {
    const [takenOn, id] = f.after;
    conditions.push(
      or(lt(meeting.startsAt, takenOn), and(eq(meeting.startsAt, takenOn), lt(decision.id, id))),
    );
  }
  return db
    .select(decisionColumns)
    .from(decision)
    .innerJoin(body, eq(body.id, decision.bodyId))
    .innerJoin(meeting, eq(meeting.id, decision.meetingId))
    .where(and(...conditions))
    .orderBy(desc(meeting.startsAt), desc(decision.id))
    .limit(f.limit + 1);
}

const actionColumns = {
  id: actionItem.id,
  createdAt: actionItem.createdAt,
  updatedAt: actionItem.updatedAt,
  version: actionItem.version,
  bodyId: actionItem.bodyId,
  meetingId: actionItem.meetingId,
  agendaItemId: actionItem.agendaItemId,
  decisionId: actionItem.decisionId,
  title: actionItem.title,
  originalLanguage: actionItem.originalLanguage,
  ownerPersonId: actionItem.ownerPersonId,
  ownerUnitId: actionItem.ownerUnitId,
  dueDate: actionItem.dueDate,
  status: actionItem.status,
  notes: actionItem.notes,
  remindedAt: actionItem.remindedAt,
  bodyCode: body.code,
  ownerName: person.name,
  ownerUnitCode: unit.code,
};

function actionQuery(db: Executor) {
  return db
    .select(actionColumns)
    .from(actionItem)
    .innerJoin(body, eq(body.id, actionItem.bodyId))
    .innerJoin(person, eq(person.id, actionItem.ownerPersonId))
    .innerJoin(unit, eq(unit.id, actionItem.ownerUnitId));
}

export async function actionItemById(db: Executor, id: string): Promise<ActionRow | undefined> {
  const [row] = await actionQuery(db).where(eq(actionItem.id, id));
  return row;
}

export async function insertActionItems(db: Executor, rows: (typeof actionItem.$inferInsert)[]) {
  return db.insert(actionItem).values(rows).returning({ id: actionItem.id });
}

export function updateActionItemIfVersion(
  db: Executor,
  id: string,
  version: number,
  changes: Partial<typeof actionItem.$inferInsert>,
  now: string,
) {
  return updateIfVersion(db, actionItem, id, version, changes, now);
}

export interface ActionFilter {
  bodyIds: string[];
  meetingId: string | null;
  ownerPersonId: string | null;
  status: string | null;
  overdueOn: string | null;
  notOverdueOn: string | null;
  after: [string, string] | null;
  limit: number;
}

/** Action items, soonest due first. */
export function listActionRows(db: Executor, f: ActionFilter): Promise<ActionRow[]> {
  if (f.bodyIds.length === 0) return Promise.resolve([]);
  const conditions: (SQL | undefined)[] = [inArray(actionItem.bodyId, f.bodyIds)];
  if (f.meetingId) conditions.push(eq(actionItem.meetingId, f.meetingId));
  if (f.ownerPersonId) conditions.push(eq(actionItem.ownerPersonId, f.ownerPersonId));
  if (f.status) conditions.push(eq(actionItem.status, f.status));
  const pending = inArray(actionItem.status, ["open", "in_progress"]);
  if (f.overdueOn) conditions.push(and(pending, lt(actionItem.dueDate, f.overdueOn)));
  if (f.notOverdueOn)
    conditions.push(or(sql`not (${pending})`, sql`${actionItem.dueDate} >= ${f.notOverdueOn}`));
  if (f.after) {
    const [due, id] = f.after;
    conditions.push(or(gt(actionItem.dueDate, due), and(eq(actionItem.dueDate, due), gt(actionItem.id, id))));
  }
  return actionQuery(db)
    .where(and(...conditions))
    .orderBy(asc(actionItem.dueDate), asc(actionItem.id))
    .limit(f.limit + 1);
}

/**
 * Marks overdue items as reminded and returns them, in one statement, so two processes running the
 * reminder at once never remind twice; an item is reminded again a week later if still overdue.
 */
export async function claimOverdue(db: Executor, today: string, now: string, weekAgo: string) {
  return db
    .update(actionItem)
    .set({ remindedAt: now })
    .where(
      and(
        inArray(actionItem.status, ["open", "in_progress"]),
        lt(actionItem.dueDate, today),
        or(isNull(actionItem.remindedAt), lte(actionItem.remindedAt, weekAgo)),
      ),
    )
    .returning({ id: actionItem.id, ownerPersonId: actionItem.ownerPersonId, dueDate: actionItem.dueDate });
}

export type ReportRow = typeof areaReport.$inferSelect & { areaSlug: string; personName: string };

export function reportsOf(db: Executor, meetingId: string): Promise<ReportRow[]> {
  return db
    .select({
      id: areaReport.id,
      createdAt: areaReport.createdAt,
      updatedAt: areaReport.updatedAt,
      version: areaReport.version,
      meetingId: areaReport.meetingId,
      areaId: areaReport.areaId,
      personId: areaReport.personId,
      language: areaReport.language,
      progress: areaReport.progress,
      issues: areaReport.issues,
      nextSteps: areaReport.nextSteps,
      areaSlug: area.slug,
      personName: person.name,
    })
    .from(areaReport)
    .innerJoin(area, eq(area.id, areaReport.areaId))
    .innerJoin(person, eq(person.id, areaReport.personId))
    .where(eq(areaReport.meetingId, meetingId))
    .orderBy(asc(area.slug), asc(person.name));
}

export async function insertReport(db: Executor, row: typeof areaReport.$inferInsert) {
  const [created] = await db.insert(areaReport).values(row).returning();
  return created!;
}

export function updateReportIfVersion(
  db: Executor,
  id: string,
  version: number,
  changes: Partial<typeof areaReport.$inferInsert>,
  now: string,
) {
  return updateIfVersion(db, areaReport, id, version, changes, now);
}

export function updateMinutesIfVersion(
  db: Executor,
  meetingId: string,
  version: number,
  changes: Partial<typeof meeting.$inferInsert>,
  now: string,
) {
  return updateIfVersion(db, meeting, meetingId, version, changes, now);
}
