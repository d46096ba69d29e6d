import { and, asc, eq, gt, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { agendaItem, body, meeting } from "../../db/schema/bodies.ts";
import { document } from "../../db/schema/documents.ts";
import { figure, metric } from "../../db/schema/figures.ts";
import { updateIfVersion } from "../../db/versioned.ts";

/** A citation's symbol without its language suffix (`C18/35-E` → `C18/35`), in SQL. */
const withoutLanguage = (column: SQL) => sql`regexp_replace(${column}, '-[ACEFRS]$', '')`;

const documentColumns = {
  id: document.id,
  createdAt: document.createdAt,
  updatedAt: document.updatedAt,
  version: document.version,
  symbol: document.symbol,
  sortKey: document.sortKey,
  title: document.title,
  originalLanguage: document.originalLanguage,
  issuedOn: document.issuedOn,
  languages: document.languages,
  bodyId: document.bodyId,
  meetingId: document.meetingId,
  link: document.link,
  searchText: document.searchText,
  bodyCode: body.code,
  meetingNumber: meeting.number,
  agendaCitations: sql<number>`(select count(*)::int from ${agendaItem} where ${withoutLanguage(sql`${agendaItem.documentSymbol}`)} = ${document.symbol})`,
  figureCitations: sql<number>`(select count(*)::int from ${figure} where ${withoutLanguage(sql`${figure.sourceSymbol}`)} = ${document.symbol})`,
};
export type DocumentRow = typeof document.$inferSelect & {
  bodyCode: string | null;
  meetingNumber: number | null;
  agendaCitations: number;
  figureCitations: number;
};

function selectDocuments(db: Executor) {
  return db
    .select(documentColumns)
    .from(document)
    .leftJoin(body, eq(body.id, document.bodyId))
    .leftJoin(meeting, eq(meeting.id, document.meetingId));
}

export async function documentById(db: Executor, id: string): Promise<DocumentRow | undefined> {
  return (await selectDocuments(db).where(eq(document.id, id)))[0];
}

export async function documentBySymbol(db: Executor, symbol: string): Promise<DocumentRow | undefined> {
  return (await selectDocuments(db).where(eq(document.symbol, symbol)))[0];
}

export interface DocumentFilter {
  /** Documents of these bodies (a meeting's documents are its body's), or of none. */
  bodyIds: string[];
  bodyId: string | null;
  meetingId: string | null;
  symbol: string | null;
  terms: string[];
  symbolPart: string | null;
  after: [string, string] | null;
  limit: number;
}

const escapeLike = (term: string) => term.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The register in symbol order (sessions, series and numbers as numbers). */
export function listDocumentRows(db: Executor, f: DocumentFilter): Promise<DocumentRow[]> {
  const conditions: (SQL | undefined)[] = [
    f.bodyIds.length
      ? or(isNull(document.bodyId), inArray(document.bodyId, f.bodyIds))
      : isNull(document.bodyId),
  ];
  if (f.bodyId) conditions.push(eq(document.bodyId, f.bodyId));
  if (f.meetingId) conditions.push(eq(document.meetingId, f.meetingId));
  if (f.symbol) conditions.push(eq(document.symbol, f.symbol));
  if (f.symbolPart || f.terms.length) {
    const byWords = f.terms.length
      ? and(...f.terms.map((term) => sql`${document.searchText} like ${`% ${escapeLike(term)}%`}`))
      : undefined;
    const bySymbol = f.symbolPart
      ? sql`upper(${document.symbol}) like ${`%${escapeLike(f.symbolPart.toUpperCase())}%`}`
      : undefined;
    conditions.push(or(byWords, bySymbol));
  }
  if (f.after) {
    const [sortKey, id] = f.after;
    conditions.push(
      or(gt(document.sortKey, sortKey), and(eq(document.sortKey, sortKey), gt(document.id, id))),
    );
  }
  return selectDocuments(db)
    .where(and(...conditions))
    .orderBy(asc(document.sortKey), asc(document.id))
    .limit(f.limit + 1);
}

export async function insertDocument(db: Executor, row: typeof document.$inferInsert) {
  const [created] = await db.insert(document).values(row).returning({ id: document.id });
  return created!;
}

export function updateDocumentIfVersion(
  db: Executor,
  id: string,
  version: number,
  changes: Partial<typeof document.$inferInsert>,
  now: string,
) {
  return updateIfVersion(db, document, id, version, changes, now);
}

export async function deleteDocumentIfVersion(db: Executor, id: string, version: number) {
  const rows = await db
    .delete(document)
    .where(and(eq(document.id, id), eq(document.version, version)))
    .returning({ id: document.id });
  return rows[0];
}

/** Agenda items citing a symbol, in meetings of the given bodies, latest meeting first. */
export function agendaItemsCiting(db: Executor, symbol: string, bodyIds: string[]) {
  if (bodyIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: agendaItem.id,
      meetingId: agendaItem.meetingId,
      bodyCode: body.code,
      meetingNumber: meeting.number,
      startsAt: meeting.startsAt,
      timeZone: meeting.timeZone,
      title: agendaItem.title,
      originalLanguage: agendaItem.originalLanguage,
      documentSymbol: sql<string>`${agendaItem.documentSymbol}`,
    })
    .from(agendaItem)
    .innerJoin(meeting, eq(meeting.id, agendaItem.meetingId))
    .innerJoin(body, eq(body.id, meeting.bodyId))
    .where(
      and(eq(withoutLanguage(sql`${agendaItem.documentSymbol}`), symbol), inArray(meeting.bodyId, bodyIds)),
    )
    .orderBy(sql`${meeting.startsAt} desc`, asc(agendaItem.position));
}

/** Figures read from a symbol, by metric and period. */
export function figuresCiting(db: Executor, symbol: string) {
  return db
    .select({
      id: figure.id,
      metricCode: metric.code,
      metricName: metric.name,
      metricLanguage: metric.originalLanguage,
      periodStart: figure.periodStart,
      periodEnd: figure.periodEnd,
      sourceSection: figure.sourceSection,
    })
    .from(figure)
    .innerJoin(metric, eq(metric.id, figure.metricId))
    .where(eq(withoutLanguage(sql`${figure.sourceSymbol}`), symbol))
    .orderBy(asc(metric.code), asc(figure.periodStart), asc(figure.id));
}
