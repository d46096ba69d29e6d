import type { Document } from "#shared/documents.ts";
import { IsoDate } from "#shared/dates.ts";
import { LANGUAGES, Language, type MultilingualText } from "#shared/languages.ts";
import type { ImportReport } from "#shared/transfer.ts";
import type { Ctx } from "../../core/context.ts";
import { fail, FieldFaults } from "../../core/errors.ts";
import {
  type ImportProblem,
  readTableFile,
  type SourceRow,
  type Table,
  type TransferFormat,
} from "../../core/spreadsheet.ts";
import { listBodies, listMeetings } from "../bodies/bodies.service.ts";
import { documentBySymbol, type DocumentRow } from "./documents.repo.ts";
import {
  checkDocument,
  type DocumentFields,
  listDocuments,
  registeredSymbol,
  writeDocuments,
} from "./documents.service.ts";

/** The exchange format of the register: one row per document, as a secretariat keeps its list. */
export const DOCUMENT_COLUMNS = [
  "symbol",
  ...LANGUAGES.map((lang) => `title_${lang}` as const),
  "original_language",
  "issued_on",
  "languages",
  "body",
  "meeting",
  "link",
] as const;
type DocumentColumn = (typeof DOCUMENT_COLUMNS)[number];

/** Input field → file column, so a fault points at the cell that holds it. */
const COLUMN_OF: Record<string, DocumentColumn> = {
  symbol: "symbol",
  title: "title_en",
  originalLanguage: "original_language",
  bodyId: "body",
  meetingId: "meeting",
};

const list = (cell: string | undefined) =>
  (cell ?? "")
    .split(/[;,\s]+/)
    .map((v) => v.trim())
    .filter(Boolean);

function toCells(d: Document): (string | number | null)[] {
  const byColumn: Record<string, string | number | null> = {
    symbol: d.symbol,
    original_language: d.originalLanguage,
    issued_on: d.issuedOn,
    languages: d.languages.join(";"),
    body: d.bodyCode,
    meeting: d.meetingNumber,
    link: d.link,
  };
  for (const lang of LANGUAGES) byColumn[`title_${lang}`] = d.title[lang] ?? null;
  return DOCUMENT_COLUMNS.map((c) => byColumn[c] ?? null);
}

export async function exportDocuments(ctx: Ctx): Promise<Table> {
  const rows: (string | number | null)[][] = [];
  let cursor: string | undefined;
  do {
    const page = await listDocuments(ctx, { cursor, limit: 500 });
    rows.push(...page.entries.map(toCells));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return { name: "documents", header: [...DOCUMENT_COLUMNS], rows };
}

export function readDocumentFile(content: Buffer, format: TransferFormat) {
  return readTableFile(content, format, { known: DOCUMENT_COLUMNS, required: ["symbol"] });
}

/**
 * All or nothing: every row is checked by the same rules as the register's form and every problem
 * reported with its line and column; only a clean file is written, in one transaction. A row whose
 * symbol is registered updates that document (its title, date, versions, meeting, link).
 */
export async function importDocuments(
  ctx: Ctx,
  source: { rows: SourceRow[]; problems: ImportProblem[] },
  options: { dryRun: boolean },
): Promise<ImportReport> {
  await ctx.access.authorize("body.manage", null);
  const problems = [...source.problems];
  const bodies = new Map((await listBodies(ctx)).entries.map((b) => [b.code, b.id]));
  const meetingsOf = new Map<string, Map<number, string>>();
  const meetingId = async (bodyId: string, number: number) => {
    if (!meetingsOf.has(bodyId)) {
      const { entries } = await listMeetings(ctx, { bodyId, limit: 1000 });
      meetingsOf.set(bodyId, new Map(entries.map((m) => [m.number, m.id])));
    }
    return meetingsOf.get(bodyId)!.get(number);
  };
  const changes: {
    current: DocumentRow | null;
    values: NonNullable<Awaited<ReturnType<typeof checkDocument>>>;
  }[] = [];
  const seen = new Set<string>();
  let updated = 0;
  for (const row of source.rows) {
    const c = row.cells;
    const problem = (column: DocumentColumn, reason: string) =>
      problems.push({ line: row.line, column, reason });
    const title: MultilingualText = {};
    for (const lang of LANGUAGES) if (c[`title_${lang}`]) title[lang] = c[`title_${lang}`];
    const originalLanguage = Language.safeParse(c.original_language || undefined);
    if (c.original_language && !originalLanguage.success) problem("original_language", "invalid_value");
    const issuedOn = IsoDate.safeParse(c.issued_on);
    if (c.issued_on && !issuedOn.success) problem("issued_on", "invalid_format");
    const languages = list(c.languages);
    if (languages.some((l) => !Language.safeParse(l).success)) problem("languages", "invalid_value");
    let bodyId: string | null = null;
    if (c.body) {
      bodyId = bodies.get(c.body) ?? null;
      if (!bodyId) problem("body", "unknown_body");
    }
    let meeting: string | null = null;
    if (c.meeting) {
      const number = Number(c.meeting);
      if (!c.body) problem("body", "required");
      else if (!Number.isInteger(number) || number < 1) problem("meeting", "invalid_type");
      else if (bodyId) {
        meeting = (await meetingId(bodyId, number)) ?? null;
        if (!meeting) problem("meeting", "unknown_meeting");
      }
    }
    let link: string | null = null;
    if (c.link) {
      if (/^https?:\/\/\S+$/.test(c.link)) link = c.link;
      else problem("link", "invalid_format");
    }
    if (!Object.keys(title).length) problem("title_en", "required");
    const rowRefused = problems.some((p) => p.line === row.line);
    if (rowRefused) continue;
    const fields: DocumentFields = {
      symbol: c.symbol ?? "",
      title,
      ...(originalLanguage.success ? { originalLanguage: originalLanguage.data } : {}),
      issuedOn: c.issued_on ? c.issued_on : null,
      languages: languages as Language[],
      bodyId,
      meetingId: meeting,
      link,
    };
    // A registered symbol is updated in place: the form's rules apply to the document as it stands.
    const registered = registeredSymbol(c.symbol ?? "");
    const current = registered ? await documentBySymbol(ctx.db, registered.symbol) : undefined;
    const faults = new FieldFaults();
    const values = await checkDocument(ctx, fields, current ?? null, faults);
    for (const fault of faults.faults)
      problems.push({ line: row.line, column: COLUMN_OF[fault.field] ?? fault.field, reason: fault.reason });
    if (!values) continue;
    if (seen.has(values.symbol)) {
      problem("symbol", "duplicate");
      continue;
    }
    seen.add(values.symbol);
    if (current) updated++;
    changes.push({ current: current ?? null, values });
  }
  if (problems.length) {
    const order = (column: string) => {
      const i = (DOCUMENT_COLUMNS as readonly string[]).indexOf(column);
      return i < 0 ? DOCUMENT_COLUMNS.length : i;
    };
    problems.sort((a, b) => a.line - b.line || order(a.column) - order(b.column));
    fail(
      "validation_failed",
      problems.map((p) => ({ field: `${p.line}:${p.column}`, reason: p.reason })),
    );
  }
  const report = {
    dryRun: options.dryRun,
    rows: source.rows.length,
    created: changes.length - updated,
    updated,
  };
  if (options.dryRun) return report;
  await ctx.transaction((tx) => writeDocuments(tx, changes));
  return report;
}
