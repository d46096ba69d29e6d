// `npm run bench -- [api|people|activities|overlaps|overlaps-scan|reports]`: measured scenarios, each well under ten minutes. Results are one
// JSON object per scenario on standard output; progress on standard error.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import Fastify from "fastify";
import pg from "pg";
import { buildApp } from "#server/app.ts";
import { loadConfig } from "#server/config.ts";
import { systemCtx } from "#server/core/context.ts";
import { type Database, openPglite, openPostgres } from "#server/db/client.ts";
import { migrate } from "#server/db/migrate.ts";
import { person, post, unit } from "#server/db/schema/organization.ts";
import { loadDemo, loadDemoFigures, loadDemoUnits } from "#server/demo/demo.ts";
import { DEMO_FIGURES } from "#server/demo/figures.ts";
import { reportToDocx } from "#server/core/documents/report-docx.ts";
import { reportToPdf } from "#server/core/documents/report-pdf.ts";
import { draftSupportServices } from "#server/modules/reports/support-services.ts";
import { DEMO_ADMIN_EMAIL } from "#server/demo/organization.ts";
import { createAccessToken } from "#server/modules/auth/auth.service.ts";
import { findPersonByEmail } from "#server/modules/people/people.service.ts";
import { importActivities } from "#server/modules/activities/activities.transfer.ts";
import { generateImportRows } from "#server/demo/generated-activities.ts";
import { runOverlapScan } from "#server/modules/overlaps/overlaps.service.ts";
import { LANGUAGES } from "#shared/languages.ts";
import { overlapEvaluation, syntheticImportRows } from "./overlaps.ts";

const log = (message: string) => process.stderr.write(`${message}\n`);
const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

async function databases(): Promise<
  { kind: string; open: () => Promise<Database>; drop: () => Promise<void> }[]
> {
  const result: { kind: string; open: () => Promise<Database>; drop: () => Promise<void> }[] = [
    { kind: "pglite", open: () => openPglite({}), drop: async () => {} },
  ];
  const url = new URL(process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test");
  const admin = new pg.Client({ connectionString: url.toString() });
  try {
    await admin.connect();
  } catch {
    log("PostgreSQL not reachable: PGlite only.");
    return result;
  }
  const name = `intersect_bench_${process.pid}`;
  const target = new URL(url);
  target.pathname = `/${name}`;
  result.push({
    kind: "postgresql",
    open: async () => {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${name}"`);
      return openPostgres(target.toString());
    },
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  });
  return result;
}

async function prepared(open: () => Promise<Database>) {
  const database = await open();
  await migrate(database);
  const ctx = systemCtx(database);
  await loadDemo(ctx);
  const adminPerson = await findPersonByEmail(ctx, DEMO_ADMIN_EMAIL);
  const { token } = await createAccessToken(ctx, "bench", adminPerson.id);
  return { database, token };
}

async function load(url: string, headers: Record<string, string> = {}) {
  const result = await autocannon({ url, connections: 10, duration: DURATION_SECONDS, headers });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return {
    requestsPerSecond: Math.round(result.requests.average),
    latencyP50ms: result.latency.p50,
    latencyP99ms: result.latency.p99,
  };
}

/** JSON route throughput of our API (auth, permission, database read, validated serialization) vs a bare Fastify route. */
async function apiScenario() {
  const rows = [];
  for (const db of await databases()) {
    log(`api [${db.kind}]: preparing`);
    const { database, token } = await prepared(db.open);
    const app = await buildApp({ config: loadConfig({}), database });
    await app.listen({ port: 0, host: "127.0.0.1" });
    const ourUrl = `http://127.0.0.1:${(app.server.address() as { port: number }).port}/api/v1/units/BR`;
    const body = await (await fetch(ourUrl, { headers: { authorization: `Bearer ${token}` } })).json();
    const bare = Fastify();
    bare.get("/unit", async () => body);
    await bare.listen({ port: 0, host: "127.0.0.1" });
    const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}/unit`;
    log(`api [${db.kind}]: bare Fastify route, ${DURATION_SECONDS}s`);
    const bareResult = await load(bareUrl);
    log(`api [${db.kind}]: GET /api/v1/units/BR with a bearer token, ${DURATION_SECONDS}s`);
    const ours = await load(ourUrl, { authorization: `Bearer ${token}` });
    rows.push({
      database: db.kind,
      route: "GET /api/v1/units/BR",
      ours,
      bareFastify: bareResult,
      ratio: +(ours.requestsPerSecond / bareResult.requestsPerSecond).toFixed(3),
    });
    await app.close();
    await bare.close();
    await database.close();
    await db.drop();
  }
  return { scenario: "api", connections: 10, durationSeconds: DURATION_SECONDS, results: rows };
}

const GIVEN = [
  "Amina",
  "Wei",
  "Lucía",
  "Omar",
  "Ingrid",
  "Kwame",
  "Priya",
  "Dmitri",
  "Hélène",
  "Yuki",
  "Fatima",
  "Carlos",
  "Olga",
  "Jean",
  "Mei",
  "Ahmed",
  "Sofia",
  "Ivan",
  "Zanele",
  "Tariq",
];
const FAMILY = [
  "Diallo",
  "Zhang",
  "Fernández",
  "Haddad",
  "Solberg",
  "Mensah",
  "Raman",
  "Volkov",
  "Dubois",
  "Tanaka",
  "Rahman",
  "Silva",
  "Petrova",
  "Martin",
  "Chen",
  "Hassan",
  "Rossi",
  "Ivanov",
  "Dlamini",
  "Khan",
];

/** 10,000 people with one post each, spread over the demo units, inserted in bulk. */
async function generatePeople(database: Database, count: number) {
  const units = await database.db.select({ id: unit.id }).from(unit);
  for (let start = 0; start < count; start += 1000) {
    const batch = Array.from({ length: Math.min(1000, count - start) }, (_, i) => {
      const n = start + i;
      return {
        name: `${GIVEN[n % GIVEN.length]} ${FAMILY[Math.floor(n / GIVEN.length) % FAMILY.length]} ${n}`,
        email: `person${n}@bench.example`,
        visibility: n % 10 === 0 ? "restricted" : "internal",
      };
    });
    const inserted = await database.db.insert(person).values(batch).returning({ id: person.id });
    await database.db.insert(post).values(
      inserted.map((p, i) => ({
        personId: p.id,
        unitId: units[(start + i) % units.length]!.id,
        title: { en: "Officer", fr: "Fonctionnaire" },
        validFrom: "2015-01-01",
      })),
    );
  }
}

function percentile(sorted: number[], p: number) {
  return +sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!.toFixed(2);
}

async function timed(times: number, work: () => Promise<unknown>) {
  for (let i = 0; i < 20; i++) await work(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { p50ms: percentile(samples, 50), p95ms: percentile(samples, 95) };
}

/** Latency of the people directory's first page at 10,000 people vs the equivalent raw SQL. */
async function peopleScenario() {
  const rows = [];
  const samples = Number(process.env.BENCH_SAMPLES ?? 300);
  for (const db of await databases()) {
    log(`people [${db.kind}]: preparing 10,000 people`);
    const { database, token } = await prepared(db.open);
    await generatePeople(database, 10_000);
    await database.db.execute(sql`analyze`);
    const app = await buildApp({ config: loadConfig({}), database });
    const headers = { authorization: `Bearer ${token}` };
    const check = await app.inject({ url: "/api/v1/people?limit=50", headers });
    if (check.statusCode !== 200 || check.json().entries.length !== 50)
      throw new Error(`people list failed: ${check.body}`);
    log(`people [${db.kind}]: ${samples} requests`);
    const ours = await timed(samples, () => app.inject({ url: "/api/v1/people?limit=50", headers }));
    const raw = await timed(samples, () =>
      database.db.execute(sql`
        select p.*, (select json_agg(json_build_object('id', s.id, 'unit', u.code, 'title', s.title, 'from', s.valid_from, 'to', s.valid_to))
                     from post s join unit u on u.id = s.unit_id where s.person_id = p.id) as posts
        from person p
        where p.active and p.visibility in ('public', 'members', 'internal', 'restricted')
        order by p.name, p.id limit 51`),
    );
    const search = await timed(samples, () =>
      app.inject({ url: "/api/v1/people?limit=50&q=Volkov", headers }),
    );
    rows.push({
      database: db.kind,
      people: 10_000,
      listFirstPage: ours,
      rawSql: raw,
      ratioP50: +(ours.p50ms / raw.p50ms).toFixed(2),
      ratioP95: +(ours.p95ms / raw.p95ms).toFixed(2),
      searchByName: search,
    });
    await app.close();
    await database.close();
    await db.drop();
  }
  return { scenario: "people", samples, results: rows };
}

/**
 * The activity registry at 100,000 activities in six languages: import time through the real import
 * path, then p50/p95 of a filtered list and of a text search, each beside its raw SQL.
 */
async function activitiesScenario() {
  const count = Number(process.env.BENCH_ACTIVITIES ?? 100_000);
  const samples = Number(process.env.BENCH_SAMPLES ?? 200);
  const rows = [];
  for (const db of await databases()) {
    log(`activities [${db.kind}]: preparing`);
    const { database, token } = await prepared(db.open);
    const ctx = systemCtx(database);
    let last = 0;
    const started = performance.now();
    await importActivities(
      ctx,
      { rows: generateImportRows(count), problems: [] },
      {
        dryRun: false,
        progress: (done, total) => {
          if (done - last >= 10_000 || done === total) {
            last = done;
            log(`activities [${db.kind}]: imported ${done}/${total}`);
          }
        },
      },
    );
    const importSeconds = +((performance.now() - started) / 1000).toFixed(1);
    await database.db.execute(sql`analyze`);
    const app = await buildApp({ config: loadConfig({}), database });
    const headers = { authorization: `Bearer ${token}` };
    const filtered =
      "/api/v1/activities?limit=50&unitCode=BDT&type=project&sdgGoal=13&from=2016-01-01&to=2016-12-31";
    const search = `/api/v1/activities?limit=50&q=${encodeURIComponent("emergency telecommunications")}`;
    const searchZh = `/api/v1/activities?limit=50&q=${encodeURIComponent("应急通信")}`;
    for (const url of [filtered, search, searchZh]) {
      const check = await app.inject({ url, headers });
      if (check.statusCode !== 200 || check.json().entries.length === 0)
        throw new Error(`${url}: ${check.statusCode} ${check.body.slice(0, 200)}`);
    }
    log(`activities [${db.kind}]: ${samples} requests per query`);
    // The raw statements are what the list sends, written by hand: the same columns (area slugs
    // included), the same conditions, the same order; the difference is the API's own cost.
    const slugs = sql.raw(
      `array(select s.slug from activity_area aa join area s on s.id = aa.area_id where aa.activity_id = a.id order by s.slug) as area_slugs`,
    );
    const visible = sql.raw(`a.visibility in ('public', 'members', 'internal', 'restricted')`);
    const rawFiltered = sql`
      select a.*, u.code, ${slugs} from activity a join unit u on u.id = a.unit_id
      where ${visible}
        and a.unit_id in (with recursive d(id) as (select id from unit where code = 'BDT' union select x.id from unit x join d on x.parent_id = d.id) select id from d)
        and a.type = 'project'
        and a.sdg_goals @> array[13]::smallint[]
        and a.start_date <= '2016-12-31' and (a.end_date is null or a.end_date >= '2016-01-01')
      order by a.start_date desc, a.id desc limit 51`;
    const rawSearch = sql`
      select a.*, u.code, ${slugs} from activity a join unit u on u.id = a.unit_id
      where ${visible}
        and a.search_text like '% emergency%' and a.search_text like '% telecommunications%'
      order by a.start_date desc, a.id desc limit 51`;
    const rawSearchZh = sql`
      select a.*, u.code, ${slugs} from activity a join unit u on u.id = a.unit_id
      where ${visible} and a.search_words @> array['应急通信']::text[]
      order by a.start_date desc, a.id desc limit 51`;
    rows.push({
      database: db.kind,
      activities: count,
      importSeconds,
      importRowsPerSecond: Math.round(count / importSeconds),
      filteredList: {
        ours: await timed(samples, () => app.inject({ url: filtered, headers })),
        raw: await timed(samples, () => database.db.execute(rawFiltered)),
      },
      textSearch: {
        ours: await timed(samples, () => app.inject({ url: search, headers })),
        raw: await timed(samples, () => database.db.execute(rawSearch)),
      },
      chineseSearch: {
        ours: await timed(samples, () => app.inject({ url: searchZh, headers })),
        raw: await timed(samples, () => database.db.execute(rawSearchZh)),
      },
    });
    const last_ = rows.at(-1)!;
    Object.assign(last_, {
      ratioFilteredP95: +(last_.filteredList.ours.p95ms / last_.filteredList.raw.p95ms).toFixed(2),
      ratioSearchP95: +(last_.textSearch.ours.p95ms / last_.textSearch.raw.p95ms).toFixed(2),
      ratioChineseSearchP95: +(last_.chineseSearch.ours.p95ms / last_.chineseSearch.raw.p95ms).toFixed(2),
    });
    await app.close();
    await database.close();
    await db.drop();
  }
  return { scenario: "activities", samples, results: rows };
}

/**
 * Overlap detection at 100,000 activities on PostgreSQL: the full scan through the real path
 * (read every activity, profile, index, score, store the inbox) with its time and the process's peak
 * memory, then the check on save through the API, each draft a fresh rewrite of a labelled activity.
 */
async function overlapsScanScenario() {
  const count = Number(process.env.BENCH_ACTIVITIES ?? 100_000);
  const samples = Number(process.env.BENCH_SAMPLES ?? 200);
  const all = await databases();
  const db = all.find((d) => d.kind === "postgresql") ?? all[0]!;
  log(`overlaps-scan [${db.kind}]: preparing ${count} activities`);
  const { database, token } = await prepared(db.open);
  const ctx = systemCtx(database);
  await importActivities(ctx, { rows: syntheticImportRows(count), problems: [] }, { dryRun: false });
  await database.db.execute(sql`analyze`);
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  const before = process.memoryUsage().rss;
  const started = performance.now();
  let last = -1;
  const summary = await runOverlapScan(ctx, (done, total) => {
    const tenth = Math.floor((done / total) * 10);
    if (tenth > last) {
      last = tenth;
      log(`overlaps-scan: ${tenth * 10}%`);
    }
  });
  const scanSeconds = +((performance.now() - started) / 1000).toFixed(1);
  clearInterval(sampler);
  log(`overlaps-scan: ${summary.candidates} candidates in ${scanSeconds}s; check on save, ${samples} drafts`);
  const app = await buildApp({ config: loadConfig({}), database });
  const headers = { authorization: `Bearer ${token}` };
  const drafts = syntheticImportRows(samples + 20).map((row, i) => ({
    unitCode: row.cells.unit!,
    type: row.cells.type!,
    start: row.cells.start!,
    title: Object.fromEntries(
      LANGUAGES.filter((l) => row.cells[`title_${l}`]).map((l) => [l, `${row.cells[`title_${l}`]} ${i}`]),
    ),
    description: Object.fromEntries(
      LANGUAGES.filter((l) => row.cells[`description_${l}`]).map((l) => [l, row.cells[`description_${l}`]]),
    ),
  }));
  const first = await app.inject({
    method: "POST",
    url: "/api/v1/activities/similar",
    headers,
    payload: drafts[0],
  });
  if (first.statusCode !== 200) throw new Error(`similar: ${first.statusCode} ${first.body.slice(0, 300)}`);
  // The first check built the index (every activity profiled and its vectors prepared).
  const rssWithIndex = process.memoryUsage().rss;
  let k = 1;
  const check = await timed(samples, () =>
    app.inject({
      method: "POST",
      url: "/api/v1/activities/similar",
      headers,
      payload: drafts[k++ % drafts.length],
    }),
  );
  await app.close();
  await database.close();
  await db.drop();
  return {
    scenario: "overlaps-scan",
    database: db.kind,
    activities: count,
    corpus:
      "synthetic: labelled activities with 85% of their words replaced (1 in 50 with 33%), random units",
    scan: {
      seconds: scanSeconds,
      peakRssMiB: Math.round(peak / 2 ** 20),
      rssBeforeMiB: Math.round(before / 2 ** 20),
      ...summary,
    },
    checkOnSave: { ...check, rssWithIndexMiB: Math.round(rssWithIndex / 2 ** 20) },
  };
}

/**
 * The support-services report in the six languages, Word and PDF, in one process (the first pass
 * pays for the Typst compiler and its fonts), then the cold start of one CLI run on a database
 * that holds the demo figures.
 */
async function reportsScenario() {
  const dataDir = mkdtempSync(join(tmpdir(), "intersect-bench-reports-"));
  const database = await openPglite({ dataDir: join(dataDir, "pgdata") });
  await migrate(database);
  const ctx = systemCtx(database);
  await loadDemoUnits(ctx);
  await loadDemoFigures(ctx);
  const pass = async () => {
    const started = performance.now();
    const perLanguage: Record<string, { draftMs: number; docxMs: number; pdfMs: number; pdfKiB: number }> =
      {};
    for (const lang of LANGUAGES) {
      const t0 = performance.now();
      const document = await draftSupportServices(systemCtx(database, { lang }), { lang });
      const t1 = performance.now();
      await reportToDocx(document);
      const t2 = performance.now();
      const pdf = await reportToPdf(document);
      const t3 = performance.now();
      perLanguage[lang] = {
        draftMs: Math.round(t1 - t0),
        docxMs: Math.round(t2 - t1),
        pdfMs: Math.round(t3 - t2),
        pdfKiB: Math.round(pdf.length / 1024),
      };
    }
    return { totalSeconds: Math.round(performance.now() - started) / 1000, perLanguage };
  };
  log("reports: first pass (cold compiler)");
  const first = await pass();
  log("reports: second pass (warm)");
  const second = await pass();
  await database.close();
  log("reports: one CLI run from a cold start");
  const out = join(dataDir, "report.pdf");
  const cliStarted = performance.now();
  const cli = spawnSync(
    process.execPath,
    ["bin/intersect.mjs", "report", "support-services", "--lang", "zh", "--out", out],
    { env: { ...process.env, INTERSECT_DATA_DIR: dataDir, DATABASE_URL: "" }, encoding: "utf8" },
  );
  const cliSeconds = Math.round(performance.now() - cliStarted) / 1000;
  if (cli.status !== 0) log(cli.stderr);
  rmSync(dataDir, { recursive: true, force: true });
  return {
    scenario: "reports",
    figures: DEMO_FIGURES.length,
    sixLanguagesDocxAndPdfSeconds: first.totalSeconds,
    warmSixLanguagesSeconds: second.totalSeconds,
    cliColdStartSeconds: cliSeconds,
    cliExitCode: cli.status,
    firstPass: first.perLanguage,
  };
}

const SCENARIOS: Record<string, () => Promise<unknown>> = {
  api: apiScenario,
  people: peopleScenario,
  activities: activitiesScenario,
  overlaps: overlapEvaluation,
  "overlaps-scan": overlapsScanScenario,
  reports: reportsScenario,
};
// Flags (`--errors`) are read by the scenarios themselves.
const wanted = process.argv.slice(2).filter((a) => !a.startsWith("--"));
for (const name of wanted.length ? wanted : Object.keys(SCENARIOS)) {
  const scenario = SCENARIOS[name];
  if (!scenario) {
    log(`unknown scenario "${name}"; choose from: ${Object.keys(SCENARIOS).join(", ")}`);
    process.exit(2);
  }
  const started = Date.now();
  const result = await scenario();
  process.stdout.write(
    `${JSON.stringify({ ...(result as object), seconds: Math.round((Date.now() - started) / 1000) })}\n`,
  );
}
process.exit(0);
