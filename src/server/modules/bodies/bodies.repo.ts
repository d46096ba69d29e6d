import { and, asc, desc, eq, gte, inArray, lt, lte, max, or, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { body, bodyMember, meeting, meetingParticipant } from "../../db/schema/bodies.ts";
import { person } from "../../db/schema/organization.ts";
import { updateIfVersion } from "../../db/versioned.ts";

export type BodyRow = typeof body.$inferSelect;
export type MemberRow = typeof bodyMember.$inferSelect & { personName: string };
export type MeetingRow = typeof meeting.$inferSelect;
export type ParticipantRow = typeof meetingParticipant.$inferSelect & { personName: string };

export async function bodyById(db: Executor, id: string): Promise<BodyRow | undefined> {
  const [row] = await db.select().from(body).where(eq(body.id, id));
  return row;
}

export async function bodyByCode(db: Executor, code: string): Promise<BodyRow | undefined> {
  const [row] = await db.select().from(body).where(eq(body.code, code));
  return row;
}

export function listBodyRows(db: Executor, visibilities: readonly string[]) {
  return db
    .select()
    .from(body)
    .where(inArray(body.visibility, [...visibilities]))
    .orderBy(asc(body.code));
}

export async function insertBody(db: Executor, row: typeof body.$inferInsert): Promise<BodyRow> {
  const [created] = await db.insert(body).values(row).returning();
  return created!;
}

export function updateBodyIfVersion(
  db: Executor,
  id: string,
  version: number,
  changes: Partial<typeof body.$inferInsert>,
  now: string,
) {
  return updateIfVersion(db, body, id, version, changes, now);
}

export function membersOf(db: Executor, bodyIds: readonly string[]): Promise<MemberRow[]> {
  if (bodyIds.length === 0) return Promise.resolve([]);
  return db
    .select({ ...memberColumns, personName: person.name })
    .from(bodyMember)
    .innerJoin(person, eq(person.id, bodyMember.personId))
    .where(inArray(bodyMember.bodyId, [...bodyIds]))
    .orderBy(asc(bodyMember.category), asc(person.name), asc(bodyMember.validFrom));
}

const memberColumns = {
  id: bodyMember.id,
  createdAt: bodyMember.createdAt,
  updatedAt: bodyMember.updatedAt,
  version: bodyMember.version,
  bodyId: bodyMember.bodyId,
  personId: bodyMember.personId,
  category: bodyMember.category,
  validFrom: bodyMember.validFrom,
  validTo: bodyMember.validTo,
};

export async function insertMember(db: Executor, row: typeof bodyMember.$inferInsert) {
  const [created] = await db.insert(bodyMember).values(row).returning();
  return created!;
}

export async function memberById(db: Executor, id: string) {
  const [row] = await db.select().from(bodyMember).where(eq(bodyMember.id, id));
  return row;
}

export function endMemberIfVersion(db: Executor, id: string, version: number, validTo: string, now: string) {
  return updateIfVersion(db, bodyMember, id, version, { validTo }, now);
}

/** Members whose seat covers a day (a meeting's): who is invited by default. */
export function membersOn(db: Executor, bodyId: string, day: string) {
  return db
    .select({ personId: bodyMember.personId, category: bodyMember.category })
    .from(bodyMember)
    .where(
      and(
        eq(bodyMember.bodyId, bodyId),
        lte(bodyMember.validFrom, day),
        or(sql`${bodyMember.validTo} is null`, gte(bodyMember.validTo, day)),
      ),
    );
}

export async function meetingById(db: Executor, id: string): Promise<MeetingRow | undefined> {
  const [row] = await db.select().from(meeting).where(eq(meeting.id, id));
  return row;
}

export async function nextMeetingNumber(db: Executor, bodyId: string): Promise<number> {
  const [row] = await db
    .select({ last: max(meeting.number) })
    .from(meeting)
    .where(eq(meeting.bodyId, bodyId));
  return (row?.last ?? 0) + 1;
}

export async function meetingNumberTaken(db: Executor, bodyId: string, number: number) {
  const [row] = await db
    .select({ id: meeting.id })
    .from(meeting)
    .where(and(eq(meeting.bodyId, bodyId), eq(meeting.number, number)));
  return row !== undefined;
}

export async function insertMeeting(db: Executor, row: typeof meeting.$inferInsert): Promise<MeetingRow> {
  const [created] = await db.insert(meeting).values(row).returning();
  return created!;
}

export function updateMeetingIfVersion(
  db: Executor,
  id: string,
  version: number,
  changes: Partial<typeof meeting.$inferInsert>,
  now: string,
) {
  return updateIfVersion(db, meeting, id, version, changes, now);
}

export interface MeetingFilter {
  bodyIds: string[];
  from: string | null;
  to: string | null;
  status: string | null;
  after: [string, string] | null;
  limit: number;
}

/** Meetings, latest first, of the bodies the viewer may read. */
export function listMeetingRows(db: Executor, f: MeetingFilter) {
  if (f.bodyIds.length === 0) return Promise.resolve([]);
  const conditions: (SQL | undefined)[] = [inArray(meeting.bodyId, f.bodyIds)];
  if (f.from) conditions.push(gte(meeting.startsAt, f.from));
  if (f.to) conditions.push(sql`${meeting.startsAt} < (${f.to}::date + 1)`);
  if (f.status) conditions.push(eq(meeting.status, f.status));
  if (f.after) {
    const [startsAt, id] = f.after;
    conditions.push(
      or(lt(meeting.startsAt, startsAt), and(eq(meeting.startsAt, startsAt), lt(meeting.id, id))),
    );
  }
  return db
    .select()
    .from(meeting)
    .where(and(...conditions))
    .orderBy(desc(meeting.startsAt), desc(meeting.id))
    .limit(f.limit + 1);
}

export function participantsOf(db: Executor, meetingIds: readonly string[]): Promise<ParticipantRow[]> {
  if (meetingIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: meetingParticipant.id,
      createdAt: meetingParticipant.createdAt,
      updatedAt: meetingParticipant.updatedAt,
      version: meetingParticipant.version,
      meetingId: meetingParticipant.meetingId,
      personId: meetingParticipant.personId,
      category: meetingParticipant.category,
      invited: meetingParticipant.invited,
      attendance: meetingParticipant.attendance,
      personName: person.name,
    })
    .from(meetingParticipant)
    .innerJoin(person, eq(person.id, meetingParticipant.personId))
    .where(inArray(meetingParticipant.meetingId, [...meetingIds]))
    .orderBy(asc(meetingParticipant.category), asc(person.name));
}

export async function insertParticipants(db: Executor, rows: (typeof meetingParticipant.$inferInsert)[]) {
  if (rows.length) await db.insert(meetingParticipant).values(rows).onConflictDoNothing();
}

export async function deleteParticipants(db: Executor, meetingId: string, personIds: string[]) {
  await db
    .delete(meetingParticipant)
    .where(and(eq(meetingParticipant.meetingId, meetingId), inArray(meetingParticipant.personId, personIds)));
}

export async function setAttendance(
  db: Executor,
  meetingId: string,
  personId: string,
  attendance: string | null,
  now: string,
) {
  await db
    .update(meetingParticipant)
    .set({ attendance, updatedAt: now, version: sql`${meetingParticipant.version} + 1` })
    .where(and(eq(meetingParticipant.meetingId, meetingId), eq(meetingParticipant.personId, personId)));
}

/** Meetings per year and attendances per category and mode, for a body's statistics. */
export async function meetingCounts(db: Executor, bodyId: string, timeZone: string) {
  const meetings = await db.execute(sql`
    select extract(year from starts_at at time zone ${timeZone})::int as year, count(*)::int as meetings
    from meeting where body_id = ${bodyId} and status <> 'cancelled' group by 1 order by 1`);
  const attendance = await db.execute(sql`
    select extract(year from m.starts_at at time zone ${timeZone})::int as year,
           coalesce(p.category, 'guest') as category, p.attendance, count(*)::int as n
    from meeting_participant p join meeting m on m.id = p.meeting_id
    where m.body_id = ${bodyId} and m.status <> 'cancelled' and p.attendance is not null
    group by 1, 2, 3`);
  const since = await db.execute(
    sql`select min(starts_at) as since from meeting where body_id = ${bodyId} and status <> 'cancelled'`,
  );
  return {
    meetings: (meetings as unknown as { rows: { year: number; meetings: number }[] }).rows,
    attendance: (
      attendance as unknown as { rows: { year: number; category: string; attendance: string; n: number }[] }
    ).rows,
    since: (since as unknown as { rows: { since: string | null }[] }).rows[0]?.since ?? null,
  };
}

/** Every meeting of a body, or every meeting a person takes part in: what a calendar feed lists. */
export function meetingsFor(db: Executor, of: { bodyId: string } | { personId: string }) {
  const where =
    "bodyId" in of
      ? eq(meeting.bodyId, of.bodyId)
      : sql`${meeting.id} in (select ${meetingParticipant.meetingId} from ${meetingParticipant} where ${meetingParticipant.personId} = ${of.personId})`;
  return db.select().from(meeting).where(where).orderBy(desc(meeting.startsAt)).limit(1000);
}
