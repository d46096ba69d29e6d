import type {
  CreateDocumentInput,
  Document,
  DocumentListQuery,
  DocumentWithCitations,
  UpdateDocumentInput,
} from "#shared/documents.ts";
import { formatDocumentSymbol, parseDocumentSymbol, type DocumentSymbol } from "#shared/document-symbols.ts";
import { type Language, originalLanguageOf } from "#shared/languages.ts";
import { isoTimestamp } from "../../core/clock.ts";
import type { Ctx } from "../../core/context.ts";
import { assertFresh, fail, FieldFaults, looksLikeId } from "../../core/errors.ts";
import { decodeCursor, pageFrom } from "../../core/pagination.ts";
import { searchText, words } from "../../core/text.ts";
import { findBody, findMeeting, listBodies } from "../bodies/bodies.service.ts";
import type { document } from "../../db/schema/documents.ts";
import {
  agendaItemsCiting,
  deleteDocumentIfVersion,
  documentById,
  documentBySymbol,
  type DocumentRow,
  figuresCiting,
  insertDocument,
  listDocumentRows,
  updateDocumentIfVersion,
} from "./documents.repo.ts";

const LANGUAGE_OF_SUFFIX: Record<NonNullable<DocumentSymbol["language"]>, Language> = {
  A: "ar",
  C: "zh",
  E: "en",
  F: "fr",
  R: "ru",
  S: "es",
};

/** The registered form of a symbol: canonical, without the language version it was written with. */
export function registeredSymbol(text: string): { symbol: string; language: Language | null } | null {
  const parsed = parseDocumentSymbol(text);
  if (!parsed) return null;
  return {
    symbol: formatDocumentSymbol({ ...parsed, language: null }),
    language: parsed.language ? LANGUAGE_OF_SUFFIX[parsed.language] : null,
  };
}

/** Numbers padded so that the register reads C9, C16/9, C16/10 in that order. */
const sortKeyOf = (symbol: string) => symbol.replace(/\d+/g, (digits) => digits.padStart(6, "0"));

function toDocument(row: DocumentRow): Document {
  return {
    id: row.id,
    symbol: row.symbol,
    title: row.title,
    originalLanguage: row.originalLanguage as Language,
    issuedOn: row.issuedOn,
    languages: row.languages as Language[],
    bodyId: row.bodyId,
    bodyCode: row.bodyCode,
    meetingId: row.meetingId,
    meetingNumber: row.meetingNumber,
    link: row.link,
    citedBy: { agendaItems: row.agendaCitations, figures: row.figureCitations },
    version: row.version,
  };
}

async function readableBodyIds(ctx: Ctx): Promise<string[]> {
  return (await listBodies(ctx)).entries.map((b) => b.id);
}

/** A document one may read: of no body, or of a body one may read. */
async function findDocument(ctx: Ctx, id: string): Promise<DocumentRow> {
  const row = looksLikeId(id) ? await documentById(ctx.db, id) : undefined;
  if (!row || (row.bodyId && !(await readableBodyIds(ctx)).includes(row.bodyId)))
    return fail("not_found", { entity: "document", id });
  return row;
}

export async function getDocument(ctx: Ctx, id: string): Promise<DocumentWithCitations> {
  const row = await findDocument(ctx, id);
  const [agendaItems, figures] = await Promise.all([
    agendaItemsCiting(ctx.db, row.symbol, await readableBodyIds(ctx)),
    figuresCiting(ctx.db, row.symbol),
  ]);
  return {
    ...toDocument(row),
    citations: {
      agendaItems: agendaItems.map((a) => ({
        ...a,
        startsAt: isoTimestamp(a.startsAt),
        originalLanguage: a.originalLanguage as Language,
      })),
      figures: figures.map((f) => ({ ...f, metricLanguage: f.metricLanguage as Language })),
    },
  };
}

export async function listDocuments(ctx: Ctx, query: DocumentListQuery & { cursor?: string; limit: number }) {
  const bodyIds = await readableBodyIds(ctx);
  if (query.bodyId && !bodyIds.includes(query.bodyId))
    fail("validation_failed", [{ field: "bodyId", reason: "unknown_body" }]);
  // A query that reads as a symbol, or part of one (C17/, INF), also matches symbols.
  const symbolPart = query.q && /^[\p{L}\p{N}/().-]+$/u.test(query.q) ? query.q : null;
  const rows = await listDocumentRows(ctx.db, {
    bodyIds,
    bodyId: query.bodyId ?? null,
    meetingId: query.meetingId ?? null,
    symbol: query.symbol ? (registeredSymbol(query.symbol)?.symbol ?? query.symbol) : null,
    terms: query.q ? words(query.q) : [],
    symbolPart,
    after: decodeCursor(query.cursor, 2) as [string, string] | null,
    limit: query.limit,
  });
  const page = pageFrom(rows, query.limit, (r) => [r.sortKey, r.id]);
  return { entries: page.entries.map(toDocument), nextCursor: page.nextCursor };
}

export type DocumentFields = Omit<UpdateDocumentInput, "version">;
type DocumentValues = Omit<typeof document.$inferInsert, "id" | "createdAt" | "updatedAt" | "version">;

/**
 * Checks a new or changed document, adding every fault to `faults`: the form and the import both
 * report all of them at once. A symbol held by another document is `duplicate` (the import passes
 * that document as `current`, and so updates it instead).
 */
export async function checkDocument(
  ctx: Ctx,
  input: DocumentFields,
  current: DocumentRow | null,
  faults: FieldFaults,
): Promise<DocumentValues | null> {
  const before = faults.faults.length;
  const symbolText = input.symbol ?? current?.symbol ?? "";
  const registered = registeredSymbol(symbolText);
  if (!registered) faults.add("symbol", "invalid_symbol");
  else if (registered.symbol !== current?.symbol && (await documentBySymbol(ctx.db, registered.symbol)))
    faults.add("symbol", "duplicate");
  const title = input.title ?? current?.title ?? {};
  const originalLanguage = originalLanguageOf(
    title,
    input.originalLanguage ?? (input.title ? undefined : (current?.originalLanguage as Language | undefined)),
  );
  if (!originalLanguage) faults.add(input.originalLanguage ? "originalLanguage" : "title", "required");
  let bodyId = input.bodyId !== undefined ? input.bodyId : (current?.bodyId ?? null);
  const meetingId = input.meetingId !== undefined ? input.meetingId : (current?.meetingId ?? null);
  if (bodyId) await findBody(ctx, bodyId).catch(() => faults.add("bodyId", "unknown_body"));
  if (meetingId) {
    const found = await findMeeting(ctx, meetingId).catch(() => null);
    if (!found) faults.add("meetingId", "unknown_meeting");
    else if (bodyId && found.bodyId !== bodyId) faults.add("meetingId", "not_of_body");
    else bodyId = found.bodyId;
  }
  if (faults.faults.length > before) return null;
  // Written with a language suffix: that language version exists.
  const languages = new Set(input.languages ?? (current?.languages as Language[] | undefined) ?? []);
  if (registered!.language) languages.add(registered!.language);
  return {
    symbol: registered!.symbol,
    sortKey: sortKeyOf(registered!.symbol),
    title,
    originalLanguage: originalLanguage!,
    issuedOn: input.issuedOn !== undefined ? input.issuedOn : (current?.issuedOn ?? null),
    languages: [...languages],
    bodyId,
    meetingId,
    link: input.link !== undefined ? input.link : (current?.link ?? null),
    searchText: searchText(title, { en: registered!.symbol }),
  };
}

/** Faults of one form: a taken symbol alone is a conflict (409), anything else a bad request. */
function throwFaults(faults: FieldFaults) {
  if (faults.faults.length === 1 && faults.faults[0]!.reason === "duplicate") fail("conflict", faults.faults);
  faults.throwIfAny();
}

/** Writes checked documents in the caller's transaction, each audited; returns their ids. */
export async function writeDocuments(
  tx: Ctx,
  changes: { current: DocumentRow | null; values: DocumentValues }[],
): Promise<string[]> {
  const ids: string[] = [];
  const now = tx.clock.now().toISOString();
  for (const { current, values } of changes) {
    if (current) {
      assertFresh(await updateDocumentIfVersion(tx.db, current.id, current.version, values, now));
      await tx.audit.record(
        "document",
        current.id,
        toDocument(current),
        toDocument((await documentById(tx.db, current.id))!),
      );
      ids.push(current.id);
    } else {
      const created = await insertDocument(tx.db, { ...values, createdAt: now, updatedAt: now });
      await tx.audit.record(
        "document",
        created.id,
        null,
        toDocument((await documentById(tx.db, created.id))!),
      );
      ids.push(created.id);
    }
  }
  return ids;
}

export async function registerDocument(ctx: Ctx, input: CreateDocumentInput): Promise<DocumentWithCitations> {
  await ctx.access.authorize("body.manage", null);
  const faults = new FieldFaults();
  const values = await checkDocument(ctx, input, null, faults);
  throwFaults(faults);
  return ctx.transaction(async (tx) => {
    const [id] = await writeDocuments(tx, [{ current: null, values: values! }]);
    return getDocument(tx, id!);
  });
}

export async function updateDocument(
  ctx: Ctx,
  id: string,
  input: UpdateDocumentInput,
): Promise<DocumentWithCitations> {
  const current = await findDocument(ctx, id);
  await ctx.access.authorize("body.manage", null);
  const { version, ...fields } = input;
  const faults = new FieldFaults();
  const values = await checkDocument(ctx, fields, current, faults);
  throwFaults(faults);
  return ctx.transaction(async (tx) => {
    await writeDocuments(tx, [{ current: { ...current, version }, values: values! }]);
    return getDocument(tx, current.id);
  });
}

/** Removes a document from the register; citations keep their symbols and link again if it returns. */
export async function deleteDocument(ctx: Ctx, id: string, version: number): Promise<void> {
  const current = await findDocument(ctx, id);
  await ctx.access.authorize("body.manage", null);
  await ctx.transaction(async (tx) => {
    assertFresh((await deleteDocumentIfVersion(tx.db, current.id, version)) ?? null);
    await tx.audit.record("document", current.id, toDocument(current), null);
  });
}
