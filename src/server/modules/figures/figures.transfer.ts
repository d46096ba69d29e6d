import { CreateFigureInput, type Figure, type FigureImportReport } from "#shared/figures.ts";
import type { Ctx } from "../../core/context.ts";
import { AppError, fail, FieldFaults } from "../../core/errors.ts";
import {
  type ImportProblem,
  readTableFile,
  type SourceRow,
  type Table,
  type TransferFormat,
} from "../../core/spreadsheet.ts";
import { checkFigure, createFigures, figureLookups, listFigures } from "./figures.service.ts";

/** The exchange format of figures: one row per figure, as a service keeps them in a spreadsheet. */
export const FIGURE_COLUMNS = [
  "metric",
  "kind",
  "value",
  "unit",
  "qualifier",
  "out_of",
  "period_start",
  "period_end",
  "period_since",
  "place",
  "scope_unit",
  "category",
  "source_symbol",
  "source_section",
  "source_language",
  "symbol_assumed",
  "quote",
] as const;
type FigureColumn = (typeof FIGURE_COLUMNS)[number];

const REQUIRED: FigureColumn[] = [
  "metric",
  "kind",
  "value",
  "period_start",
  "period_end",
  "source_symbol",
  "source_language",
];

function toCells(f: Figure): (string | number | null)[] {
  const byColumn: Record<FigureColumn, string | number | null> = {
    metric: f.metricCode,
    kind: f.kind,
    value: f.value,
    unit: f.unit,
    qualifier: f.qualifier,
    out_of: f.outOf,
    period_start: f.periodStart,
    period_end: f.periodEnd,
    period_since: f.periodSince,
    place: f.scope.place,
    scope_unit: f.scope.unitCode,
    category: f.scope.category,
    source_symbol: f.source.symbol,
    source_section: f.source.section,
    source_language: f.source.language,
    symbol_assumed: f.source.symbolAssumed ? "yes" : "no",
    quote: f.source.quote,
  };
  return FIGURE_COLUMNS.map((c) => byColumn[c]);
}

export async function exportFigures(ctx: Ctx, metricCode?: string): Promise<Table> {
  const { entries } = await listFigures(ctx, { metricCode });
  return { name: "figures", header: [...FIGURE_COLUMNS], rows: entries.map(toCells) };
}

export function readFigureFile(content: Buffer, format: TransferFormat) {
  return readTableFile(content, format, { known: FIGURE_COLUMNS, required: REQUIRED });
}

/** Input field → file column, so a fault points at the cell that holds it. */
const COLUMN_OF: Record<string, FigureColumn> = {
  metricCode: "metric",
  kind: "kind",
  value: "value",
  unit: "unit",
  qualifier: "qualifier",
  outOf: "out_of",
  periodStart: "period_start",
  periodEnd: "period_end",
  periodSince: "period_since",
  "scope.place": "place",
  "scope.unitCode": "scope_unit",
  "scope.category": "category",
  "source.symbol": "source_symbol",
  "source.section": "source_section",
  "source.language": "source_language",
  "source.symbolAssumed": "symbol_assumed",
  "source.quote": "quote",
};

const YES = new Set(["yes", "true", "1", "oui", "sí", "да", "是", "نعم"]);
const NO = new Set(["", "no", "false", "0", "non", "нет", "否", "لا"]);

function toInput(row: SourceRow, problems: ImportProblem[]): CreateFigureInput | null {
  const c = row.cells;
  const text = (column: FigureColumn) => c[column] || undefined;
  const orNull = (column: FigureColumn) => c[column] || null;
  const number = (column: FigureColumn): number | undefined | null => {
    const raw = c[column];
    if (!raw) return undefined;
    // Spreadsheets pasted from reports keep their thousands spaces ("7 474").
    const value = Number(raw.replace(/[\s\u00a0\u202f]/g, ""));
    if (!Number.isFinite(value)) {
      problems.push({ line: row.line, column, reason: "invalid_type" });
      return null;
    }
    return value;
  };
  const assumed = (c.symbol_assumed ?? "").toLowerCase();
  if (!YES.has(assumed) && !NO.has(assumed))
    problems.push({ line: row.line, column: "symbol_assumed", reason: "invalid_value" });
  const value = number("value");
  const outOf = number("out_of");
  const parsed = CreateFigureInput.safeParse({
    metricCode: c.metric ?? "",
    kind: text("kind"),
    value,
    unit: text("unit"),
    qualifier: text("qualifier"),
    outOf: outOf ?? null,
    periodStart: c.period_start ?? "",
    periodEnd: c.period_end ?? "",
    periodSince: orNull("period_since"),
    scope: { place: orNull("place"), unitCode: orNull("scope_unit"), category: orNull("category") },
    source: {
      symbol: c.source_symbol ?? "",
      section: orNull("source_section"),
      language: text("source_language"),
      symbolAssumed: YES.has(assumed),
      quote: orNull("quote"),
    },
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const column = COLUMN_OF[issue.path.join(".")] ?? "file";
      const reason = issue.code === "invalid_type" && issue.input === undefined ? "required" : issue.code;
      if (!problems.some((p) => p.line === row.line && p.column === column))
        problems.push({ line: row.line, column, reason });
    }
    return null;
  }
  return value === null || outOf === null ? null : parsed.data;
}

/**
 * All or nothing: every row is checked against the same rules as a figure entered by hand, every
 * problem reported with its line and column; only a clean file is written, in one transaction.
 */
export async function importFigures(
  ctx: Ctx,
  source: { rows: SourceRow[]; problems: ImportProblem[] },
  options: { dryRun: boolean },
): Promise<FigureImportReport> {
  if (!ctx.access.signedIn) fail("unauthenticated");
  const problems = [...source.problems];
  const inputs: { line: number; input: CreateFigureInput }[] = [];
  for (const row of source.rows) {
    const input = toInput(row, problems);
    if (input) inputs.push({ line: row.line, input });
  }
  const lookups = await figureLookups(
    ctx,
    inputs.map((i) => i.input),
  );
  for (const { line, input } of inputs) {
    const faults = new FieldFaults();
    const checked = checkFigure(input, lookups, faults);
    for (const fault of faults.faults)
      problems.push({ line, column: COLUMN_OF[fault.field] ?? fault.field, reason: fault.reason });
    if (checked && !(await ctx.access.can("figure.enter", checked.metric.ownerUnitId)))
      problems.push({ line, column: "metric", reason: "forbidden_unit" });
  }
  if (problems.length) {
    const order = (column: string) => {
      const i = (FIGURE_COLUMNS as readonly string[]).indexOf(column);
      return i < 0 ? FIGURE_COLUMNS.length : i;
    };
    problems.sort((a, b) => a.line - b.line || order(a.column) - order(b.column));
    const forbidden = problems.some((p) => p.reason === "forbidden_unit");
    throw new AppError(
      forbidden ? "forbidden" : "validation_failed",
      problems.map((p) => ({ field: `${p.line}:${p.column}`, reason: p.reason })),
    );
  }
  if (options.dryRun) return { dryRun: true, rows: source.rows.length, created: 0 };
  const ids = await createFigures(
    ctx,
    inputs.map((i) => i.input),
  );
  return { dryRun: false, rows: source.rows.length, created: ids.length };
}
