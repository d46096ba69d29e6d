import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { databaseKinds, postgresAdminUrl, templateDatabaseName, testPostgresUrl } from "./databases.ts";
import { cli, startServer } from "./processes.ts";

const work = mkdtempSync(join(tmpdir(), "intersect-cli-"));
const lite = (name: string) => ({ INTERSECT_DATA_DIR: join(work, name) });
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("intersect command line", () => {
  it("explains itself with --help", async () => {
    const help = await cli(["--help"], lite("help"));
    expect(help.code).toBe(0);
    for (const command of [
      "serve",
      "migrate",
      "demo",
      "users",
      "tokens",
      "overlaps",
      "report",
      "backup",
      "restore",
    ])
      expect(help.stdout).toContain(command);
    const sub = await cli(["users", "create", "--help"], lite("help"));
    expect(sub.stdout).toContain("--role <ROLE[@UNIT]...>");
  });

  it(
    "loads the demo, creates a user and a token, and backs up and restores byte for byte",
    { timeout: 300_000 },
    async () => {
      const source = lite("source");
      const loaded = await cli(["demo", "load"], source);
      expect(loaded.code, loaded.stderr).toBe(0);
      const again = await cli(["demo", "load"], source);
      expect(again.code).not.toBe(0);
      expect(again.stderr).toContain("database_not_empty");

      const created = await cli(
        [
          "users",
          "create",
          "--email",
          "fp@example.org",
          "--name",
          "Focal Point",
          "--role",
          "focal_point@BDT",
        ],
        source,
        "a long password\n",
      );
      expect(created.code, created.stderr).toBe(0);
      const badRole = await cli(
        [
          "users",
          "create",
          "--email",
          "x@example.org",
          "--name",
          "X",
          "--role",
          "emperor",
          "--password",
          "a long password",
        ],
        source,
      );
      expect(badRole.code).not.toBe(0);
      expect(badRole.stderr).toContain("role");

      const token = await cli(["tokens", "create", "--email", "fp@example.org"], source);
      expect(token.code).toBe(0);
      expect(token.stdout.trim().split("\n").at(-1)).toMatch(/^isx_[A-Za-z0-9_-]{43}$/);

      const exported = join(work, "activities.csv");
      expect((await cli(["export", "activities", exported], source)).code).toBe(0);
      expect(readFileSync(exported, "utf8").split("\r\n")[0]).toBe(
        "\uFEFFref,unit,type,status,start,end,title_ar,title_zh,title_en,title_fr,title_ru,title_es,description_ar,description_zh,description_en,description_fr,description_ru,description_es,areas,sdg_targets,budget,currency",
      );
      const dryRun = await cli(["import", "activities", exported, "--dry-run"], source);
      expect(dryRun.code, dryRun.stderr).toBe(0);
      expect(JSON.parse(dryRun.stdout.trim().split("\n").at(-1)!)).toMatchObject({
        dryRun: true,
        created: 0,
        updated: 825,
      });
      const scanned = await cli(["overlaps", "scan", "--format", "jsonl"], source);
      expect(scanned.code, scanned.stderr).toBe(0);
      const candidates = scanned.stdout
        .trim()
        .split("\n")
        .map(
          (line) =>
            JSON.parse(line) as { a: string; b: string; score: number; likely: boolean; evidence: unknown[] },
        );
      expect(candidates.length).toBeGreaterThan(10);
      for (const c of candidates) {
        expect(Object.keys(c).sort()).toEqual(["a", "b", "evidence", "likely", "score"]);
        expect(c.a).toMatch(/^[A-Z&.-]+:.+/);
        expect(c.score).toBeGreaterThanOrEqual(0);
        expect(c.score).toBeLessThanOrEqual(1);
      }
      expect(candidates.some((c) => c.likely)).toBe(true);
      expect(scanned.stderr).toMatch(/scanning: 100%/);
      const badFormat = await cli(["overlaps", "scan", "--format", "xml"], source);
      expect(badFormat.code).not.toBe(0);
      const broken = join(work, "broken.csv");
      writeFileSync(broken, "ref,unit,type,start,title_en\nX/1,NOPE,project,2016-01-01,Broken\n");
      const rejected = await cli(["import", "activities", broken], source);
      expect(rejected.code).not.toBe(0);
      expect(rejected.stderr).toContain("2:unit: No unit has this code. (unknown_unit)");

      const figures = join(work, "figures.xlsx");
      const exportedFigures = await cli(["export", "figures", figures], source);
      expect(exportedFigures.stderr).toMatch(/Wrote \d+ figures/);
      const figuresDryRun = await cli(["import", "figures", figures, "--dry-run"], source);
      expect(figuresDryRun.code, figuresDryRun.stderr).toBe(0);
      expect(JSON.parse(figuresDryRun.stdout.trim().split("\n").at(-1)!)).toMatchObject({
        dryRun: true,
        created: 0,
      });
      const badFigures = join(work, "bad-figures.csv");
      writeFileSync(
        badFigures,
        "metric,kind,value,period_start,period_end,source_symbol,source_language\nconference.events,total,69,2015-02-28,2014-07-01,C18/35,zh\n",
      );
      const refusedFigures = await cli(["import", "figures", badFigures], source);
      expect(refusedFigures.code).not.toBe(0);
      expect(refusedFigures.stderr).toContain("2:period_end:");
      const documents = join(work, "documents.csv");
      const exportedDocuments = await cli(["export", "documents", documents], source);
      expect(exportedDocuments.stderr).toContain("Wrote 28 documents");
      expect(readFileSync(documents, "utf8")).toContain("C18/INF/2,");
      const documentsDryRun = await cli(["import", "documents", documents, "--dry-run"], source);
      expect(documentsDryRun.code, documentsDryRun.stderr).toBe(0);
      expect(JSON.parse(documentsDryRun.stdout.trim().split("\n").at(-1)!)).toEqual({
        dryRun: true,
        rows: 28,
        created: 0,
        updated: 28,
      });
      const newDocuments = join(work, "new-documents.csv");
      writeFileSync(
        newDocuments,
        "symbol,title_en,issued_on,languages,body,meeting\nC19/35-E,Support services,2019-05-01,fr,isc-tf,16\nC19/36,,2019-13-01,la,nope,\n",
      );
      const refusedDocuments = await cli(["import", "documents", newDocuments], source);
      expect(refusedDocuments.code).not.toBe(0);
      for (const cell of ["3:title_en", "3:issued_on", "3:languages", "3:body"])
        expect(refusedDocuments.stderr).toContain(cell);
      writeFileSync(
        newDocuments,
        "symbol,title_en,issued_on,languages,body,meeting\nC19/35-E,Support services,2019-05-01,fr,isc-tf,16\n",
      );
      const importedDocuments = await cli(["import", "documents", newDocuments], source);
      expect(importedDocuments.code, importedDocuments.stderr).toBe(0);
      expect(importedDocuments.stderr).toContain("1 rows: 1 documents registered, 0 updated.");
      const report = join(work, "support-services-zh.pdf");
      const drafted = await cli(
        ["report", "support-services", "--lang", "zh", "--out", report, "--period", "2016..2017"],
        source,
      );
      expect(drafted.code, drafted.stderr).toBe(0);
      expect(readFileSync(report).subarray(0, 4).toString()).toBe("%PDF");
      const badReport = await cli(["report", "support-services", "--lang", "la", "--out", "x.doc"], source);
      expect(badReport.code).not.toBe(0);
      expect(badReport.stderr).toMatch(/lang:[\s\S]*format:/);

      const first = join(work, "first.jsonl");
      const second = join(work, "second.jsonl");
      expect((await cli(["backup", first], source)).code).toBe(0);
      const target = lite("target");
      const restored = await cli(["restore", first], target);
      expect(restored.code, restored.stderr).toBe(0);
      expect((await cli(["backup", second], target)).code).toBe(0);
      expect(readFileSync(second).equals(readFileSync(first))).toBe(true);

      const refused = await cli(["restore", first], target);
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toContain("database_not_empty");

      const truncated = join(work, "truncated.jsonl");
      writeFileSync(truncated, readFileSync(first, "utf8").split("\n").slice(0, 20).join("\n"));
      const partial = await cli(["restore", truncated], lite("partial"));
      expect(partial.code).not.toBe(0);
      const empty = join(work, "empty-after.jsonl");
      await cli(["backup", empty], lite("partial"));
      // A truncated file restores nothing: every table of the target is still empty.
      const trailer = JSON.parse(readFileSync(empty, "utf8").trim().split("\n").at(-1)!) as {
        end: boolean;
        rows: Record<string, number>;
      };
      expect(trailer.end).toBe(true);
      expect(Object.values(trailer.rows).every((n) => n === 0)).toBe(true);

      if (databaseKinds().includes("postgresql")) {
        const name = `${templateDatabaseName().replace(/_tpl$/, "")}_cli`;
        const admin = new pg.Client({ connectionString: postgresAdminUrl() });
        await admin.connect();
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await admin.query(`CREATE DATABASE "${name}"`);
        try {
          const server = { DATABASE_URL: testPostgresUrl(name) };
          const intoPostgres = await cli(["restore", first], server);
          expect(intoPostgres.code, intoPostgres.stderr).toBe(0);
          const third = join(work, "third.jsonl");
          expect((await cli(["backup", third], server)).code).toBe(0);
          expect(readFileSync(third).equals(readFileSync(first))).toBe(true);
        } finally {
          await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
          await admin.end();
        }
      }
    },
  );

  it(
    "refuses to open the embedded database while the server holds it, naming the holder",
    { timeout: 180_000 },
    async () => {
      const dir = lite("locked");
      expect((await cli(["migrate"], dir)).code).toBe(0);
      const server = await startServer(dir);
      try {
        const blocked = await cli(["backup", join(work, "never.jsonl")], dir);
        expect(blocked.code).not.toBe(0);
        expect(blocked.stderr).toContain("database_locked");
        expect(blocked.stderr).toContain(String(server.child.pid));
        expect(blocked.stdout).toBe("");
        const health = await fetch(`${server.url}/api/health`);
        expect(health.status).toBe(200);
      } finally {
        server.child.kill("SIGTERM");
        await new Promise((resolve) => server.child.once("exit", resolve));
      }
      expect((await cli(["backup", join(work, "after.jsonl")], dir)).code).toBe(0);
    },
  );
});
