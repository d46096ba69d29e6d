import {
  ACTIVITY_COLUMNS,
  type Activity,
  type ActivityColumn,
  CreateActivityInput,
} from "#shared/activities.ts";
import type { ImportReport } from "#shared/transfer.ts";
import { LANGUAGES, Language, type MultilingualText, originalLanguageOf } from "#shared/languages.ts";
import type { Ctx } from "../../core/context.ts";
import { fail } from "../../core/errors.ts";
import {
  type ImportProblem,
  readTableFile,
  type SourceRow,
  type Table,
  type TransferFormat,
} from "../../core/spreadsheet.ts";
import { findAreasBySlugs } from "../areas/areas.service.ts";
import { isSdgTarget } from "../sdg/sdg.service.ts";
import { unitsByCodes } from "../units/units.repo.ts";
import { listActivities, sdgColumns, searchable, toActivity, updateActivity } from "./activities.service.ts";
import { existingRefs, insertActivities, insertActivityAreas } from "./activities.repo.ts";

const BATCH = 500;

// ---------------------------------------------------------------- export

function toCells(a: Activity): (string | number | null)[] {
  const byColumn: Record<ActivityColumn, string | number | null> = {
    ref: a.ref,
    unit: a.unitCode,
    type: a.type,
    status: a.status,
    start: a.start,
    end: a.end,
    ...(Object.fromEntries(LANGUAGES.map((l) => [`title_${l}`, a.title[l] ?? null])) as Record<
      string,
      string | null
    >),
    ...(Object.fromEntries(LANGUAGES.map((l) => [`description_${l}`, a.description?.[l] ?? null])) as Record<
      string,
      string | null
    >),
    areas: a.areaSlugs.join(";"),
    sdg_targets: a.sdgTargets.join(";"),
    budget: a.budget?.amount ?? null,
    currency: a.budget?.currency ?? null,
  } as Record<ActivityColumn, string | number | null>;
  return ACTIVITY_COLUMNS.map((c) => byColumn[c]);
}

/** Every activity the viewer may read, ordered by unit and ref, as a table in the exchange format. */
export async function exportActivities(ctx: Ctx): Promise<Table> {
  const all: Activity[] = [];
  let cursor: string | undefined;
  do {
    const page = await listActivities(ctx, { limit: 500, cursor });
    all.push(...page.entries);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  all.sort((a, b) => a.unitCode.localeCompare(b.unitCode) || a.ref.localeCompare(b.ref));
  return { name: "activities", header: [...ACTIVITY_COLUMNS], rows: all.map(toCells) };
}

export async function readActivityFile(content: Buffer, format: TransferFormat) {
  return readTableFile(content, format, {
    known: [...ACTIVITY_COLUMNS, "original_language"],
    required: ["ref", "unit", "type", "start"],
  });
}

// ---------------------------------------------------------------- import

const FIELD_TO_COLUMN: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^unitCode$/, () => "unit"],
  [/^title\.(\w\w)$/, (m) => `title_${m[1]}`],
  [/^title$/, () => "title_en"],
  [/^description\.(\w\w)$/, (m) => `description_${m[1]}`],
  [/^areaSlugs(\.\d+)?$/, () => "areas"],
  [/^sdgTargets(\.\d+)?$/, () => "sdg_targets"],
  [/^budget\.amount$/, () => "budget"],
  [/^budget\.currency$/, () => "currency"],
  [/^originalLanguage$/, () => "original_language"],
];

function columnOf(field: string): string {
  for (const [pattern, name] of FIELD_TO_COLUMN) {
    const m = pattern.exec(field);
    if (m) return name(m);
  }
  return field;
}

function texts(cells: SourceRow["cells"], prefix: "title" | "description"): MultilingualText {
  return Object.fromEntries(
    LANGUAGES.flatMap((l) => (cells[`${prefix}_${l}`] ? [[l, cells[`${prefix}_${l}`]!]] : [])),
  );
}

const list = (value: string | undefined) =>
  (value ?? "")
    .split(";")
    .map((v) => v.trim())
    .filter(Boolean);

function toInput(row: SourceRow, problems: ImportProblem[]): CreateActivityInput | null {
  const c = row.cells;
  const description = texts(c, "description");
  const budgetGiven = !!c.budget;
  const currencyGiven = !!c.currency;
  if (budgetGiven !== currencyGiven)
    problems.push({ line: row.line, column: budgetGiven ? "currency" : "budget", reason: "required" });
  const amount = budgetGiven ? Number(c.budget) : NaN;
  if (budgetGiven && !Number.isFinite(amount))
    problems.push({ line: row.line, column: "budget", reason: "invalid_type" });
  const original = c.original_language ? Language.safeParse(c.original_language) : null;
  if (original && !original.success)
    problems.push({ line: row.line, column: "original_language", reason: "invalid_value" });
  const parsed = CreateActivityInput.safeParse({
    unitCode: c.unit ?? "",
    ref: c.ref ?? "",
    type: c.type || undefined,
    status: c.status || undefined,
    start: c.start ?? "",
    end: c.end || null,
    title: texts(c, "title"),
    description: Object.keys(description).length ? description : null,
    originalLanguage: original?.success ? original.data : undefined,
    areaSlugs: list(c.areas),
    sdgTargets: list(c.sdg_targets),
    budget: budgetGiven && currencyGiven && Number.isFinite(amount) ? { amount, currency: c.currency } : null,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path.join(".");
      const column = columnOf(field || "title");
      let reason: string =
        issue.code === "invalid_type" && /received undefined/.test(issue.message) ? "required" : issue.code;
      // The schema's own rules, named: the period's order, and a title in at least one language.
      if (issue.code === "custom") reason = column === "end" ? "before_start" : "required";
      problems.push({ line: row.line, column, reason });
    }
    return null;
  }
  return parsed.data;
}

/**
 * Imports rows all-or-nothing: every row is checked first and every problem reported with its line
 * and column; only a clean file is written, in one transaction. A row whose `unit:ref` exists
 * updates that activity in place.
 */
export async function importActivities(
  ctx: Ctx,
  source: { rows: SourceRow[]; problems: ImportProblem[] },
  options: { dryRun: boolean; progress?: (done: number, total: number) => void },
): Promise<ImportReport> {
  const problems = [...source.problems];
  const inputs: { line: number; input: CreateActivityInput }[] = [];
  const seen = new Map<string, number>();
  for (const row of source.rows) {
    const input = toInput(row, problems);
    const key = `${row.cells.unit}:${row.cells.ref}`;
    if (seen.has(key)) problems.push({ line: row.line, column: "ref", reason: "duplicate" });
    seen.set(key, row.line);
    if (input) inputs.push({ line: row.line, input });
  }
  // References are checked on every row, valid or not, so one pass reports everything.
  const unitCodes = [...new Set(source.rows.map((r) => r.cells.unit ?? "").filter(Boolean))];
  const units = new Map((await unitsByCodes(ctx.db, unitCodes)).map((u) => [u.code, u]));
  const slugs = [...new Set(source.rows.flatMap((r) => list(r.cells.areas)))];
  const areas = new Set((await findAreasBySlugs(ctx, slugs)).map((a) => a.slug));
  const allowed = new Map<string, boolean>();
  for (const row of source.rows) {
    const unit = units.get(row.cells.unit ?? "");
    if (row.cells.unit && !unit) problems.push({ line: row.line, column: "unit", reason: "unknown_unit" });
    if (unit) {
      if (!allowed.has(unit.id)) allowed.set(unit.id, await ctx.access.can("activity.edit", unit.id));
      if (!allowed.get(unit.id)) problems.push({ line: row.line, column: "unit", reason: "forbidden_unit" });
    }
    if (list(row.cells.areas).some((slug) => !areas.has(slug))) {
      problems.push({ line: row.line, column: "areas", reason: "unknown_area" });
    }
    if (list(row.cells.sdg_targets).some((code) => /^\d+\.\w+$/.test(code) && !isSdgTarget(code))) {
      problems.push({ line: row.line, column: "sdg_targets", reason: "unknown_sdg_target" });
    }
  }
  if (problems.length) {
    const order = (column: string) => {
      const i = (ACTIVITY_COLUMNS as readonly string[]).indexOf(column);
      return i < 0 ? ACTIVITY_COLUMNS.length : i;
    };
    problems.sort((a, b) => a.line - b.line || order(a.column) - order(b.column));
    // Rows of units the importer may not edit make the whole file forbidden (403), listing them.
    const forbidden = problems.filter((p) => p.reason === "forbidden_unit");
    if (forbidden.length) {
      fail(
        "forbidden",
        forbidden.map((p) => ({ field: `${p.line}:${p.column}`, reason: p.reason })),
      );
    }
    fail(
      "validation_failed",
      problems.map((p) => ({ field: `${p.line}:${p.column}`, reason: p.reason })),
    );
  }

  let created = 0;
  let updated = 0;
  const write = async (tx: Ctx) => {
    const unitIds = [...new Set(inputs.map((i) => units.get(i.input.unitCode)!.id))];
    const existing = await existingRefs(tx.db, unitIds);
    const areaIds = new Map((await findAreasBySlugs(tx, slugs)).map((a) => [a.slug, a.id]));
    const fresh = inputs.filter((i) => !existing.has(`${units.get(i.input.unitCode)!.id}:${i.input.ref}`));
    let done = 0;
    // New activities go in batches: one statement for the rows, one for their areas, one for the trail.
    for (let start = 0; start < fresh.length; start += BATCH) {
      const batch = fresh.slice(start, start + BATCH);
      const now = tx.clock.now().toISOString();
      const rows = await insertActivities(
        tx.db,
        batch.map(({ input }) => ({
          unitId: units.get(input.unitCode)!.id,
          ref: input.ref,
          type: input.type,
          status: input.status,
          title: input.title,
          description: input.description,
          originalLanguage: originalLanguageOf(input.title, input.originalLanguage)!,
          startDate: input.start,
          endDate: input.end,
          ...sdgColumns(input.sdgTargets),
          budgetAmount: input.budget ? String(input.budget.amount) : null,
          currency: input.budget?.currency ?? null,
          contactIds: input.contactIds,
          links: input.links,
          visibility: input.visibility,
          searchText: searchable(input.ref, input.title, input.description),
          createdAt: now,
          updatedAt: now,
        })),
      );
      const links = rows.flatMap((row, k) =>
        [...new Set(batch[k]!.input.areaSlugs)].map((slug) => ({
          activityId: row.id,
          areaId: areaIds.get(slug)!,
        })),
      );
      await insertActivityAreas(tx.db, links);
      await tx.audit.recordMany(
        rows.map((row, k) => ({
          entity: "activity",
          entityId: row.id,
          before: null,
          after: toActivity(
            { ...row, unitCode: batch[k]!.input.unitCode },
            [...new Set(batch[k]!.input.areaSlugs)].map((slug) => ({ activityId: row.id, slug })),
          ),
          action: "import",
        })),
      );
      created += rows.length;
      done += rows.length;
      options.progress?.(done, inputs.length);
    }
    // Existing ones are updated one by one through the service: its rules, versions and trail.
    for (const { line, input } of inputs) {
      const current = existing.get(`${units.get(input.unitCode)!.id}:${input.ref}`);
      if (!current) continue;
      const { unitCode: _unit, ref: _ref, ...changes } = input;
      try {
        await updateActivity(tx, current.id, { ...changes, version: current.version });
      } catch (error) {
        const details = (error as { details?: unknown }).details;
        if (Array.isArray(details)) {
          fail(
            "validation_failed",
            details.map((d: { field: string; reason: string }) => ({
              field: `${line}:${columnOf(d.field)}`,
              reason: d.reason,
            })),
          );
        }
        throw error;
      }
      updated++;
      done++;
      if (done % 100 === 0 || done === inputs.length) options.progress?.(done, inputs.length);
    }
  };
  if (options.dryRun) {
    // A dry run goes through every rule, including the database's, then rolls back.
    await ctx
      .transaction(async (tx) => {
        await write(tx);
        throw new DryRunDone();
      })
      .catch((error) => {
        if (!(error instanceof DryRunDone)) throw error;
      });
  } else {
    await ctx.transaction(write);
  }
  return { dryRun: options.dryRun, rows: inputs.length, created, updated };
}

class DryRunDone extends Error {}
