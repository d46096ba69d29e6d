import ExcelJS from "exceljs";
import { parseCsv, toCsv } from "./csv.ts";

export type Cell = string | number | boolean | null;

export interface Table {
  /** Sheet name and file stem. */
  name: string;
  header: string[];
  rows: Cell[][];
}

/** One workbook, one sheet, bold frozen header: what a secretariat pastes into a Council annex. */
export async function toXlsx(table: Table): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Intersect";
  // A fixed date keeps the file identical for identical data.
  workbook.created = new Date("2000-01-01T00:00:00Z");
  workbook.modified = workbook.created;
  const sheet = workbook.addWorksheet(table.name.slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.addRow(table.header).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.map((cell) => cell ?? ""));
  table.header.forEach((_, i) => {
    const longest = Math.max(
      ...[table.header[i], ...table.rows.map((r) => r[i])].map((c) => String(c ?? "").length),
    );
    sheet.getColumn(i + 1).width = Math.min(60, Math.max(10, longest + 2));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function tableToCsv(table: Table): string {
  return toCsv(table.header, table.rows);
}

export const SPREADSHEET_TYPES = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

/** The exchange formats of imports and exports, and the media type each is served as. */
export const FILE_TYPES = { ...SPREADSHEET_TYPES, json: "application/json; charset=utf-8" } as const;
export type TransferFormat = keyof typeof FILE_TYPES;
export type SpreadsheetFormat = keyof typeof SPREADSHEET_TYPES;

export async function encodeTable(table: Table, format: SpreadsheetFormat): Promise<Buffer> {
  return format === "csv" ? Buffer.from(tableToCsv(table), "utf8") : toXlsx(table);
}

export function formatOfFile(name: string): TransferFormat | null {
  const match = /\.(csv|xlsx|json)$/i.exec(name);
  return match ? (match[1]!.toLowerCase() as TransferFormat) : null;
}

/** The format of an uploaded body, from its Content-Type (anything else is taken for a workbook). */
export function formatOfContentType(type: string): TransferFormat {
  return type.startsWith("text/csv") ? "csv" : type.startsWith("application/json") ? "json" : "xlsx";
}

export function tableToJson(table: Table): string {
  const objects = table.rows.map((row) =>
    Object.fromEntries(table.header.map((h, i) => [h, row[i] ?? null])),
  );
  return `${JSON.stringify(objects, null, 2)}\n`;
}

/** A row as read from a file: its line (1 = header), and cells by column name. */
export interface SourceRow {
  line: number;
  cells: Partial<Record<string, string>>;
}

/** What is wrong with an imported file, where: line (1 = header) and column. */
export interface ImportProblem {
  line: number;
  column: string;
  reason: string;
}

export interface FileColumns {
  known: readonly string[];
  required: readonly string[];
}

function rowsFromMatrix(
  matrix: { line: number; cells: string[] }[],
  columns: FileColumns,
  problems: ImportProblem[],
): SourceRow[] {
  const [header, ...body] = matrix;
  if (!header) {
    problems.push({ line: 1, column: "header", reason: "required" });
    return [];
  }
  const names = header.cells.map((c) => c.trim());
  // Workbooks pad rows with empty cells: a header cell with no name is no column.
  for (const name of names.filter((n) => n !== "" && !columns.known.includes(n)))
    problems.push({ line: header.line, column: name, reason: "unrecognized_keys" });
  for (const required of columns.required) {
    if (!names.includes(required)) problems.push({ line: header.line, column: required, reason: "required" });
  }
  return body.map((record) => ({
    line: record.line,
    cells: Object.fromEntries(names.map((name, i) => [name, (record.cells[i] ?? "").trim()])),
  }));
}

async function readXlsx(content: Buffer, width: number): Promise<{ line: number; cells: string[] }[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const matrix: { line: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: string[] = [];
    for (let i = 1; i <= Math.max(row.cellCount, width); i++) {
      const value = row.getCell(i).value;
      cells.push(
        value === null || value === undefined
          ? ""
          : value instanceof Date
            ? value.toISOString().slice(0, 10)
            : typeof value === "object" && "text" in value
              ? String((value as { text: unknown }).text)
              : typeof value === "object" && "result" in value
                ? String((value as { result: unknown }).result ?? "")
                : String(value),
      );
    }
    matrix.push({ line: number, cells });
  });
  return matrix;
}

/**
 * Reads an import file into rows by column name, with the problems of its shape (unknown or
 * missing columns, unreadable file). JSON is an array of objects; its "line" is the record's
 * position, counting from 1.
 */
export async function readTableFile(
  content: Buffer,
  format: TransferFormat,
  columns: FileColumns,
): Promise<{ rows: SourceRow[]; problems: ImportProblem[] }> {
  const problems: ImportProblem[] = [];
  if (format === "csv")
    return { rows: rowsFromMatrix(parseCsv(content.toString("utf8")), columns, problems), problems };
  if (format === "xlsx") {
    try {
      return {
        rows: rowsFromMatrix(await readXlsx(content, columns.known.length), columns, problems),
        problems,
      };
    } catch {
      return { rows: [], problems: [{ line: 1, column: "file", reason: "invalid_format" }] };
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(content.toString("utf8"));
  } catch {
    return { rows: [], problems: [{ line: 1, column: "file", reason: "invalid_format" }] };
  }
  if (!Array.isArray(parsed))
    return { rows: [], problems: [{ line: 1, column: "file", reason: "invalid_type" }] };
  const rows = parsed.map((record, i) => ({
    line: i + 1,
    cells: Object.fromEntries(
      Object.entries((record ?? {}) as Record<string, unknown>).map(([k, v]) => [
        k,
        v === null || v === undefined ? "" : String(v).trim(),
      ]),
    ),
  }));
  return { rows, problems };
}
