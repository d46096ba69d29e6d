import ExcelJS from "exceljs";
import { toCsv } from "./csv.ts";

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
export type SpreadsheetFormat = keyof typeof SPREADSHEET_TYPES;

export async function encodeTable(table: Table, format: SpreadsheetFormat): Promise<Buffer> {
  return format === "csv" ? Buffer.from(tableToCsv(table), "utf8") : toXlsx(table);
}
