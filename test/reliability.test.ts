import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { databaseKinds, postgresAdminUrl, templateDatabaseName, testPostgresUrl } from "./databases.ts";
import { cli, startServer } from "./processes.ts";

/**
 * Many concurrent writes, the server killed with SIGKILL part-way, restarted: every write the
 * server acknowledged must be there, and no record may exist without its audit row (or the reverse).
 */
const work = mkdtempSync(join(tmpdir(), "intersect-kill-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const WRITES = 300;
const CONCURRENCY = 12;
const KILL_AFTER = 80;

async function prepare(kind: string): Promise<{ env: Record<string, string>; cleanup: () => Promise<void> }> {
  if (kind === "pglite") return { env: { INTERSECT_DATA_DIR: join(work, "lite") }, cleanup: async () => {} };
  const name = `${templateDatabaseName().replace(/_tpl$/, "")}_kill`;
  const admin = new pg.Client({ connectionString: postgresAdminUrl() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  return {
    env: { DATABASE_URL: testPostgresUrl(name) },
    cleanup: async () => {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

async function allPages<T>(url: string, headers: Record<string, string>): Promise<T[]> {
  const entries: T[] = [];
  let cursor: string | null = null;
  do {
    const response = await fetch(`${url}${cursor ? `&cursor=${cursor}` : ""}`, { headers });
    const page = (await response.json()) as { entries: T[]; nextCursor: string | null };
    entries.push(...page.entries);
    cursor = page.nextCursor;
  } while (cursor);
  return entries;
}

describe("surviving SIGKILL", () => {
  for (const kind of databaseKinds()) {
    it(
      `keeps every acknowledged write and no half-written record [${kind}]`,
      {
        timeout: 240_000,
      },
      async () => {
        const { env, cleanup } = await prepare(kind);
        try {
          const created = await cli(
            [
              "users",
              "create",
              "--email",
              "ops@example.org",
              "--name",
              "Ops",
              "--role",
              "administrator",
              "--password",
              "a long password",
            ],
            env,
          );
          expect(created.code, created.stderr).toBe(0);
          const token = (await cli(["tokens", "create", "--email", "ops@example.org"], env)).stdout
            .trim()
            .split("\n")
            .at(-1)!;
          const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };

          const first = await startServer(env);
          const acknowledged: string[] = [];
          let next = 0;
          let killed = false;
          const worker = async () => {
            while (next < WRITES) {
              const code = `K${String(next++).padStart(4, "0")}`;
              try {
                const response = await fetch(`${first.url}/api/v1/units`, {
                  method: "POST",
                  headers,
                  body: JSON.stringify({
                    code,
                    kind: "division",
                    name: { en: `Unit ${code}`, fr: `Unité ${code}` },
                    validFrom: "2020-01-01",
                  }),
                  signal: AbortSignal.timeout(20_000),
                });
                if (response.status === 201) acknowledged.push(code);
                else if (!killed) throw new Error(`unexpected ${response.status}: ${await response.text()}`);
              } catch (error) {
                if (!killed) throw error;
                return;
              }
              if (!killed && acknowledged.length >= KILL_AFTER) {
                killed = true;
                first.child.kill("SIGKILL");
              }
            }
          };
          await Promise.all(Array.from({ length: CONCURRENCY }, worker));
          expect(killed).toBe(true);
          await new Promise((resolve) =>
            first.child.exitCode !== null || first.child.signalCode !== null
              ? resolve(null)
              : first.child.once("exit", resolve),
          );

          const second = await startServer(env);
          try {
            expect((await fetch(`${second.url}/api/health`)).status).toBe(200);
            const units = await allPages<{ id: string; code: string; name: Record<string, string> }>(
              `${second.url}/api/v1/units?limit=500`,
              headers,
            );
            const stored = new Set(units.filter((u) => u.code.startsWith("K")).map((u) => u.code));
            expect(acknowledged.filter((code) => !stored.has(code))).toEqual([]);
            for (const unit of units.filter((u) => u.code.startsWith("K")))
              expect(unit.name).toEqual({ en: `Unit ${unit.code}`, fr: `Unité ${unit.code}` });
            const creations = await allPages<{ entityId: string }>(
              `${second.url}/api/v1/audit?entity=unit&action=create&limit=500`,
              headers,
            );
            const audited = new Set(creations.map((e) => e.entityId));
            const ids = new Set(units.filter((u) => u.code.startsWith("K")).map((u) => u.id));
            expect([...ids].filter((id) => !audited.has(id))).toEqual([]);
            expect([...audited].filter((id) => !ids.has(id))).toEqual([]);
          } finally {
            second.child.kill("SIGTERM");
            await new Promise((resolve) => second.child.once("exit", resolve));
          }
        } finally {
          await cleanup();
        }
      },
    );
  }
});
