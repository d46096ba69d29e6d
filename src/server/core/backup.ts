import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { MIGRATIONS_FOLDER } from "../db/migrate.ts";
import { fail } from "./errors.ts";

/**
 * Our own logical backup: JSON lines, one per row, tables in foreign-key order, rows by primary
 * key, keys sorted, times in UTC. It is the same bytes for the same data on PGlite (PostgreSQL 18)
 * and PostgreSQL 15, which a pg_dump could not be, and it restores into either.
 */
export const BACKUP_FORMAT = "intersect-backup";
export const BACKUP_FORMAT_VERSION = 1;
const PAGE = 1000;

interface TableInfo {
  name: string;
  selfReferencing: boolean;
}

export function schemaMigrations(): string[] {
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as {
    entries: { tag: string }[];
  };
  return journal.entries.map((e) => e.tag);
}

/** Tables of the public schema, parents before children (ties by name), so restore never breaks a key. */
export async function tablesInDependencyOrder(database: Database): Promise<TableInfo[]> {
  const tables = await database.rows<{ name: string }>(
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const edges = await database.rows<{ child: string; parent: string }>(sql`
    select c.relname as child, p.relname as parent
    from pg_constraint k
    join pg_class c on c.oid = k.conrelid
    join pg_class p on p.oid = k.confrelid
    join pg_namespace n on n.oid = c.relnamespace
    where k.contype = 'f' and n.nspname = 'public'`);
  const parents = new Map<string, Set<string>>(tables.map((t) => [t.name, new Set<string>()]));
  const selfReferencing = new Set<string>();
  for (const edge of edges) {
    if (edge.child === edge.parent) selfReferencing.add(edge.child);
    else parents.get(edge.child)?.add(edge.parent);
  }
  const ordered: TableInfo[] = [];
  const placed = new Set<string>();
  while (placed.size < parents.size) {
    const ready = [...parents.keys()].filter(
      (t) => !placed.has(t) && [...parents.get(t)!].every((p) => placed.has(p)),
    );
    if (ready.length === 0) throw new Error("foreign keys form a cycle between tables");
    for (const name of ready.sort()) {
      ordered.push({ name, selfReferencing: selfReferencing.has(name) });
      placed.add(name);
    }
  }
  return ordered;
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.keys(value as object)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value);
}

/** Writes the backup line by line; `onRows` reports progress per table. */
export async function writeBackup(
  database: Database,
  writeLine: (line: string) => Promise<void> | void,
  onRows: (table: string, rows: number) => void = () => {},
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  await database.db.transaction(async (tx) => {
    // One snapshot for the whole file, with times rendered in UTC whatever the server's zone.
    await tx.execute(sql`set transaction isolation level repeatable read`);
    await tx.execute(sql`set local time zone 'UTC'`);
    const scoped = {
      ...database,
      db: tx as unknown as Database["db"],
      rows: async <T>(q: ReturnType<typeof sql>) => ((await tx.execute(q)) as unknown as { rows: T[] }).rows,
    };
    const tables = await tablesInDependencyOrder(scoped as Database);
    await writeLine(
      canonicalJson({
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        migrations: schemaMigrations(),
        tables: tables.map((t) => t.name),
      }),
    );
    for (const table of tables) {
      let after: string | null = null;
      counts[table.name] = 0;
      for (;;) {
        const page: { id: string; row: Record<string, unknown> }[] = await scoped.rows(
          sql`select id::text as id, to_jsonb(t) as row from ${sql.identifier(table.name)} t
              ${after === null ? sql`` : sql`where id::text > ${after}`}
              order by id::text limit ${PAGE}`,
        );
        for (const { row } of page) await writeLine(canonicalJson({ row, table: table.name }));
        counts[table.name]! += page.length;
        onRows(table.name, page.length);
        if (page.length < PAGE) break;
        after = page.at(-1)!.id;
      }
    }
    await writeLine(canonicalJson({ end: true, rows: counts }));
  });
  return counts;
}

export interface BackupHeader {
  format: string;
  formatVersion: number;
  migrations: string[];
  tables: string[];
}

/**
 * Restores a backup into an empty database (already migrated to the same schema), in one
 * transaction: a truncated or mismatched file leaves the database as empty as it was.
 */
export async function restoreBackup(
  database: Database,
  lines: AsyncIterable<string>,
  onRows: (table: string, rows: number) => void = () => {},
): Promise<Record<string, number>> {
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) fail("validation_failed", [{ field: "file", reason: "required" }]);
  let header: BackupHeader;
  try {
    header = JSON.parse(first.value) as BackupHeader;
  } catch {
    return fail("validation_failed", [{ field: "file", reason: "invalid_format" }]);
  }
  if (header.format !== BACKUP_FORMAT || header.formatVersion !== BACKUP_FORMAT_VERSION) {
    fail("validation_failed", [{ field: "file", reason: "invalid_format" }]);
  }
  const ours = schemaMigrations();
  if (header.migrations.join() !== ours.slice(0, header.migrations.length).join()) {
    fail("rule_violation", {
      reason: "schema_mismatch",
      backup: header.migrations.at(-1),
      database: ours.at(-1),
    });
  }
  if (header.migrations.length !== ours.length) {
    fail("rule_violation", {
      reason: "schema_mismatch",
      hint: "the backup comes from an older schema: restore it with the version of Intersect that wrote it, then upgrade",
    });
  }
  const tables = await tablesInDependencyOrder(database);
  for (const table of tables) {
    const [count] = await database.rows<{ n: number }>(
      sql`select count(*)::int as n from ${sql.identifier(table.name)}`,
    );
    if (count!.n > 0) fail("rule_violation", { reason: "database_not_empty", table: table.name });
  }
  const known = new Map(tables.map((t) => [t.name, t]));
  const writable = new Map<string, string[]>();
  for (const { table, column } of await database.rows<{ table: string; column: string }>(
    sql`select table_name as table, column_name as column from information_schema.columns
        where table_schema = 'public' and is_generated = 'NEVER' order by table_name, ordinal_position`,
  )) {
    writable.set(table, [...(writable.get(table) ?? []), column]);
  }
  const counts: Record<string, number> = {};
  await database.db.transaction(async (tx) => {
    let batch: Record<string, unknown>[] = [];
    let batchTable: string | null = null;
    const flush = async () => {
      if (!batchTable || batch.length === 0) return;
      // One statement per batch: foreign keys are checked at its end, so a self-referencing
      // table (units under units) restores in any row order as long as it is one batch.
      // Generated columns (activity.search_words) are computed again, never written.
      const columns = sql.join(
        writable.get(batchTable)!.map((c) => sql.identifier(c)),
        sql`, `,
      );
      await tx.execute(
        sql`insert into ${sql.identifier(batchTable)} (${columns}) select ${columns} from jsonb_populate_recordset(null::${sql.identifier(batchTable)}, ${JSON.stringify(batch)}::jsonb)`,
      );
      onRows(batchTable, batch.length);
      counts[batchTable] = (counts[batchTable] ?? 0) + batch.length;
      batch = [];
    };
    let ended = false;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      if (next.value.trim() === "") continue;
      const entry = JSON.parse(next.value) as {
        table?: string;
        row?: Record<string, unknown>;
        end?: boolean;
        rows?: Record<string, number>;
      };
      if (entry.end) {
        await flush();
        for (const [table, n] of Object.entries(entry.rows ?? {})) {
          if ((counts[table] ?? 0) !== n)
            fail("validation_failed", [{ field: `file.${table}`, reason: "invalid_format" }]);
        }
        ended = true;
        break;
      }
      const info = entry.table ? known.get(entry.table) : undefined;
      if (!info || !entry.row) fail("validation_failed", [{ field: "file", reason: "invalid_format" }]);
      if (batchTable !== info.name || (!info.selfReferencing && batch.length >= PAGE)) await flush();
      batchTable = info.name;
      batch.push(entry.row);
    }
    // A file cut short (disk full, interrupted copy) must not restore half a database.
    if (!ended) fail("validation_failed", [{ field: "file", reason: "invalid_format" }]);
  });
  return counts;
}
