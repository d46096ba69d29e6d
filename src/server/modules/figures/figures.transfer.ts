import { CreateFigureInput, type Figure, type FigureComparison } from "#shared/figures.ts";
import type { ImportReport } from "#shared/transfer.ts";
import type { Ctx } from "../../core/context.ts";
import { AppError, assertFresh, fail, FieldFaults, looksLikeId } from "../../core/errors.ts";
import {
  type ImportProblem,
  readTableFile,
  type SourceRow,
  type Table,
  type TransferFormat,
} from "../../core/spreadsheet.ts";
import {
  comparisonsOf,
  type FigureRow,
  figuresByIds,
  insertFigures,
  listMetricRows,
  replaceComparisons,
  updateFigureIfVersion,
} from "./figures.repo.ts";
import { checkFigure, enteredBy, figureLookups, getFigure, listFigures } from "./figures.service.ts";

/**
 * The exchange format of figures: one row per figure, as a service keeps them in a spreadsheet.
 * `id` is the record's id in an export; in an import it names the figure a row corrects, or, for a
 * new figure, any key other rows of the file use to compare themselves with it (`budget_figure`,
 * `previous_figure`: ids or keys, several separated by spaces).
 */
export const FIGURE_COLUMNS = [
  "id",
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
  "budget_figure",
  "previous_figure",
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

const COMPARISON_COLUMNS = {
  budget: "budget_figure",
  previous: "previous_figure",
} as const satisfies Record<FigureComparison["relation"], FigureColumn>;

function toCells(f: Figure): (string | number | null)[] {
  const compared = (relation: FigureComparison["relation"]) =>
    f.comparisons
      .filter((c) => c.relation === relation)
      .map((c) => c.figureId)
      .join(" ") || null;
  const byColumn: Record<FigureColumn, string | number | null> = {
    id: f.id,
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
    budget_figure: compared("budget"),
    previous_figure: compared("previous"),
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

/** A row of an import file: the figure it states, and what it is compared with (ids or keys of the file). */
interface FileFigure {
  line: number;
  key: string | null;
  input: CreateFigureInput;
  references: { relation: FigureComparison["relation"]; ref: string; column: FigureColumn }[];
  /** The file has comparison columns: the row's comparisons replace the figure's. */
  statesComparisons: boolean;
}

function referencesOf(row: SourceRow): FileFigure["references"] {
  return (Object.entries(COMPARISON_COLUMNS) as [FigureComparison["relation"], FigureColumn][]).flatMap(
    ([relation, column]) =>
      (row.cells[column] ?? "")
        .split(/[\s,;]+/)
        .filter(Boolean)
        .map((ref) => ({ relation, ref, column })),
  );
}

const STORED_FIELDS = [
  "metricId",
  "kind",
  "value",
  "unit",
  "qualifier",
  "outOf",
  "periodStart",
  "periodEnd",
  "periodSince",
  "scopePlace",
  "scopeUnitId",
  "scopeCategory",
  "sourceSymbol",
  "sourceSection",
  "sourceLanguage",
  "sourceSymbolAssumed",
  "sourceQuote",
] as const satisfies readonly (keyof FigureRow)[];

const sameComparisons = (a: readonly { relation: string; figureId: string }[], b: typeof a) => {
  const text = (list: typeof a) =>
    list
      .map((c) => `${c.relation}:${c.figureId}`)
      .sort()
      .join(" ");
  return text(a) === text(b);
};

/**
 * All or nothing: every row is checked against the same rules as a figure entered by hand, every
 * problem reported with its line and column; only a clean file is written, in one transaction. A
 * row whose `id` names a recorded figure corrects it (left alone when nothing differs), so an
 * exported file can be edited and imported back; other rows are new figures.
 */
export async function importFigures(
  ctx: Ctx,
  source: { rows: SourceRow[]; problems: ImportProblem[] },
  options: { dryRun: boolean },
): Promise<ImportReport> {
  if (!ctx.access.signedIn) fail("unauthenticated");
  const problems = [...source.problems];
  const rows: FileFigure[] = [];
  for (const row of source.rows) {
    const input = toInput(row, problems);
    if (input)
      rows.push({
        line: row.line,
        key: row.cells.id || null,
        input,
        references: referencesOf(row),
        statesComparisons: Object.values(COMPARISON_COLUMNS).some((column) => column in row.cells),
      });
  }
  const keyLines = new Map<string, number>();
  for (const row of rows) {
    if (row.key === null) continue;
    if (keyLines.has(row.key)) problems.push({ line: row.line, column: "id", reason: "duplicate" });
    else keyLines.set(row.key, row.line);
  }
  const named = [...new Set(rows.flatMap((r) => [r.key ?? "", ...r.references.map((c) => c.ref)]))];
  const recorded = new Map((await figuresByIds(ctx.db, named.filter(looksLikeId))).map((f) => [f.id, f]));
  const recordedComparisons = await comparisonsOf(ctx.db, [...recorded.keys()]);

  // Compared figures already recorded go through the form's own check; rows of the file are
  // checked below, once their units are known.
  const lookups = await figureLookups(
    ctx,
    rows.map((r) => r.input),
  );
  for (const figure of recorded.values()) lookups.figures.set(figure.id, figure);
  const checked = new Map<FileFigure, NonNullable<ReturnType<typeof checkFigure>>>();
  for (const row of rows) {
    const toRecorded = row.references.filter((c) => !keyLines.has(c.ref) && recorded.has(c.ref));
    for (const c of row.references)
      if (c.ref === row.key) problems.push({ line: row.line, column: c.column, reason: "invalid_value" });
      else if (!keyLines.has(c.ref) && !recorded.has(c.ref))
        problems.push({ line: row.line, column: c.column, reason: "unknown_figure" });
    const faults = new FieldFaults();
    const result = checkFigure(
      { ...row.input, comparisons: toRecorded.map((c) => ({ relation: c.relation, figureId: c.ref })) },
      lookups,
      faults,
    );
    for (const fault of faults.faults) {
      const compared = /^comparisons\.(\d+)\./.exec(fault.field);
      const column = compared
        ? toRecorded[Number(compared[1])]!.column
        : (COLUMN_OF[fault.field] ?? fault.field);
      problems.push({ line: row.line, column, reason: fault.reason });
    }
    if (!result) continue;
    checked.set(row, result);
    if (!(await ctx.access.can("figure.enter", result.metric.ownerUnitId)))
      problems.push({ line: row.line, column: "metric", reason: "forbidden_unit" });
    // Moving a figure to another metric takes the right to enter figures of both.
    const current = row.key ? recorded.get(row.key) : undefined;
    if (current && current.metricId !== result.metric.id) {
      const [previous] = await listMetricRows(ctx.db, { ids: [current.metricId] });
      if (!previous || !(await ctx.access.can("figure.enter", previous.ownerUnitId)))
        problems.push({ line: row.line, column: "metric", reason: "forbidden_unit" });
    }
  }
  const byKey = new Map(rows.filter((r) => r.key !== null).map((r) => [r.key!, r]));
  for (const [row, result] of checked)
    for (const c of row.references) {
      const other = byKey.get(c.ref);
      const otherChecked = other && checked.get(other);
      if (otherChecked && other !== row && otherChecked.row.unit !== result.row.unit)
        problems.push({ line: row.line, column: c.column, reason: "wrong_unit" });
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

  // What each row does: a recorded figure is corrected only where the file differs from it.
  const plan = rows.map((row) => {
    const current = row.key ? recorded.get(row.key) : undefined;
    const stored = checked.get(row)!.row;
    const comparisonsBefore = recordedComparisons
      .filter((c) => c.figureId === current?.id)
      .map((c) => ({ relation: c.relation, figureId: c.otherFigureId }));
    const fieldsChange = current ? STORED_FIELDS.some((field) => current[field] !== stored[field]) : true;
    // A new row of the file has an id only once written: naming one always changes the comparisons.
    const comparisonsChange =
      row.statesComparisons &&
      (row.references.some((c) => !recorded.has(c.ref)) ||
        !sameComparisons(
          comparisonsBefore,
          row.references.map((c) => ({ relation: c.relation, figureId: c.ref })),
        ));
    return { row, current, stored, fieldsChange, comparisonsChange };
  });
  const created = plan.filter((p) => !p.current).length;
  const updated = plan.filter((p) => p.current && (p.fieldsChange || p.comparisonsChange)).length;
  if (options.dryRun) return { dryRun: true, rows: source.rows.length, created, updated };

  await ctx.transaction(async (tx) => {
    const now = tx.clock.now().toISOString();
    const idOf = new Map<FileFigure, string>();
    const before = new Map<string, Figure>();
    for (const step of plan) {
      if (step.current) {
        idOf.set(step.row, step.current.id);
        if (!step.fieldsChange && !step.comparisonsChange) continue;
        before.set(step.current.id, await getFigure(tx, step.current.id));
        // Changed by someone else since the file was checked: nothing of the file is written.
        if (step.fieldsChange)
          assertFresh(
            await updateFigureIfVersion(tx.db, step.current.id, step.current.version, step.stored, now),
          );
      } else {
        const [row] = await insertFigures(tx.db, [
          { ...step.stored, enteredBy: enteredBy(tx), createdAt: now, updatedAt: now },
        ]);
        idOf.set(step.row, row!.id);
      }
    }
    for (const step of plan) {
      const stated = step.current ? step.comparisonsChange : step.row.references.length > 0;
      if (!stated) continue;
      await replaceComparisons(
        tx.db,
        idOf.get(step.row)!,
        step.row.references.map((c) => {
          const other = byKey.get(c.ref);
          return { relation: c.relation, figureId: other ? idOf.get(other)! : c.ref };
        }),
      );
    }
    const after = new Map((await listFigures(tx, {})).entries.map((f) => [f.id, f]));
    await tx.audit.recordMany(
      plan
        .filter((step) => !step.current || before.has(step.current.id))
        .map((step) => {
          const id = idOf.get(step.row)!;
          return { entity: "figure", entityId: id, before: before.get(id) ?? null, after: after.get(id)! };
        }),
    );
  });
  return { dryRun: false, rows: source.rows.length, created, updated };
}
