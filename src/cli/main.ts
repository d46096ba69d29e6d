import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { IsoDate } from "#shared/dates.ts";
import { Language } from "#shared/languages.ts";
import { type Config, loadConfig } from "#server/config.ts";
import { systemCtx } from "#server/core/context.ts";
import { AppError } from "#server/core/errors.ts";
import { errorMessage, fieldMessage } from "#server/core/messages.ts";
import type { Database } from "#server/db/client.ts";
import { openConfiguredDatabase } from "#server/db/open.ts";
import { parseRoleSpec } from "#shared/access.ts";
import { ERROR_STATUS } from "#shared/errors.ts";
import { backupCommand, restoreCommand } from "./backup.ts";
import { progressBar, progressReport, result, say } from "./output.ts";

// Each command loads only the modules it uses: a command's cold start (a report, an import) does
// not pay for the web server, the demo data or the overlap terminology.
const modules = {
  serve: () => import("./serve.ts"),
  demo: () => import("#server/demo/demo.ts"),
  spreadsheet: () => import("#server/core/spreadsheet.ts"),
  activities: () => import("#server/modules/activities/activities.transfer.ts"),
  figures: () => import("#server/modules/figures/figures.transfer.ts"),
  documents: () => import("#server/modules/documents/documents.transfer.ts"),
  docx: () => import("#server/core/documents/report-docx.ts"),
  pdf: () => import("#server/core/documents/report-pdf.ts"),
  supportServices: () => import("#server/modules/reports/support-services.ts"),
  areas: () => import("#server/modules/areas/areas.service.ts"),
  overlaps: () => import("#server/modules/overlaps/overlaps.service.ts"),
  auth: () => import("#server/modules/auth/auth.service.ts"),
  people: () => import("#server/modules/people/people.service.ts"),
};

async function withDatabase<T>(
  purpose: string,
  work: (database: Database, config: Config) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  const database = await openConfiguredDatabase(config, purpose);
  try {
    return await work(database, config);
  } finally {
    await database.close();
  }
}

async function readPassword(given: string | undefined): Promise<string> {
  if (given) return given;
  if (process.stdin.isTTY)
    throw new AppError("validation_failed", [{ field: "password", reason: "required" }]);
  // Piped in (`echo secret | intersect users create …`), so it stays out of shell history.
  let input = "";
  for await (const chunk of process.stdin) input += chunk;
  const password = input.trim();
  if (!password) throw new AppError("validation_failed", [{ field: "password", reason: "required" }]);
  return password;
}

export function buildProgram(): Command {
  const program = new Command("intersect")
    .description(
      "Intersect: coordination and reporting across Sectors.\nDatabase: DATABASE_URL (PostgreSQL) or INTERSECT_DATA_DIR (embedded PGlite, default ./data).",
    )
    .showHelpAfterError()
    .exitOverride();

  program
    .command("serve")
    .description(
      "Start the web interface and API (PORT, HOST); on a new embedded database, load the demo data",
    )
    .option("--no-demo", "do not load demo data into a new embedded database")
    .action(async (options: { demo: boolean }) =>
      (await modules.serve()).serve(loadConfig(), { demo: options.demo }),
    );

  program
    .command("migrate")
    .description("Bring the database schema up to date")
    .action(() =>
      withDatabase("migrate", async () => {
        say("Database is up to date.");
      }),
    );

  const demo = program.command("demo").description("Demo data");
  demo
    .command("load")
    .description("Load the demo organization and every module's demo records into an empty database")
    .action(() =>
      withDatabase("demo load", async (database) => {
        const { loadDemo } = await modules.demo();
        await loadDemo(systemCtx(database), (step) => say(`loading ${step}`));
        say("Demo data loaded.");
      }),
    );

  const users = program.command("users").description("People who sign in");
  users
    .command("create")
    .description("Create a person who can sign in (password from --password or standard input)")
    .requiredOption("--email <email>", "e-mail address, used to sign in")
    .requiredOption("--name <name>", "full name")
    .option("--password <password>", "password (at least 10 characters); omit to read it from standard input")
    .option(
      "--role <ROLE[@UNIT]...>",
      "role, optionally over a unit code, e.g. administrator or focal_point@BDT; repeatable",
      (v: string, all: string[]) => [...all, v],
      [] as string[],
    )
    .option("--language <lang>", "interface language: ar, zh, en, fr, ru, es", "en")
    .action(
      async (options: {
        email: string;
        name: string;
        password?: string;
        role: string[];
        language: string;
      }) => {
        const roles = options.role.map((spec) => {
          const parsed = parseRoleSpec(spec);
          if (!parsed) throw new AppError("validation_failed", [{ field: "role", reason: "invalid_value" }]);
          return parsed;
        });
        const password = await readPassword(options.password);
        await withDatabase("users create", async (database) => {
          const { createPerson, grantRole, setPassword } = await modules.people();
          const ctx = systemCtx(database);
          const person = await ctx.transaction(async (tx) => {
            const created = await createPerson(tx, {
              name: options.name,
              email: options.email.toLowerCase(),
              preferredLanguage: options.language as "en",
              visibility: "internal",
              posts: [],
            });
            for (const role of roles)
              await grantRole(tx, created.id, { role: role.role, unitCode: role.unitCode });
            await setPassword(tx, created.id, password);
            return created;
          });
          say(
            `Created ${person.name} <${person.email}>${roles.length ? ` with ${options.role.join(", ")}` : ""}.`,
          );
          result(person.id);
        });
      },
    );
  users
    .command("reset-password")
    .description("Set a new password (from --password or standard input); ends the person's sessions")
    .requiredOption("--email <email>", "the person's e-mail address")
    .option("--password <password>", "new password; omit to read it from standard input")
    .action(async (options: { email: string; password?: string }) => {
      const password = await readPassword(options.password);
      await withDatabase("users reset-password", async (database) => {
        const { findPersonByEmail, setPassword } = await modules.people();
        const ctx = systemCtx(database);
        const person = await findPersonByEmail(ctx, options.email);
        await setPassword(ctx, person.id, password);
        say(`Password changed for ${person.name}.`);
      });
    });

  program
    .command("tokens")
    .description("Personal access tokens")
    .command("create")
    .description("Create a personal access token; prints the token alone on the last line of standard output")
    .requiredOption("--email <email>", "whose token")
    .option("--name <name>", "what the token is for", "cli")
    .action(async (options: { email: string; name: string }) =>
      withDatabase("tokens create", async (database) => {
        const { findPersonByEmail } = await modules.people();
        const { createAccessToken } = await modules.auth();
        const ctx = systemCtx(database);
        const person = await findPersonByEmail(ctx, options.email);
        const token = await createAccessToken(ctx, options.name, person.id);
        say(`Token "${token.name}" created for ${person.name}; it is shown once.`);
        result(token.token);
      }),
    );

  program
    .command("areas")
    .description("Areas of common interest")
    .command("export")
    .description(
      "Write the list of areas as the table annexed to a Council report; the format follows FILE's extension (.csv, .xlsx)",
    )
    .argument("<file>", "where to write, e.g. annex.xlsx")
    .option("--as-of <date>", "the list as it stood at the end of this day (YYYY-MM-DD); default today")
    .option("--lang <lang>", "language of the names: ar, zh, en, fr, ru, es", "en")
    .action(async (file: string, options: { asOf?: string; lang: string }) => {
      const { encodeTable } = await modules.spreadsheet();
      const { areasAnnex } = await modules.areas();
      const format = file.toLowerCase().endsWith(".xlsx")
        ? "xlsx"
        : file.toLowerCase().endsWith(".csv")
          ? "csv"
          : null;
      const lang = Language.safeParse(options.lang);
      const asOf = options.asOf === undefined ? undefined : IsoDate.safeParse(options.asOf);
      const faults = [
        ...(format ? [] : [{ field: "file", reason: "invalid_format" }]),
        ...(lang.success ? [] : [{ field: "lang", reason: "invalid_value" }]),
        ...(asOf && !asOf.success ? [{ field: "as-of", reason: "invalid_format" }] : []),
      ];
      if (faults.length) throw new AppError("validation_failed", faults);
      await withDatabase("areas export", async (database) => {
        const table = await areasAnnex(systemCtx(database), { asOf: options.asOf, lang: lang.data! });
        writeFileSync(file, await encodeTable(table, format!));
        say(`Wrote ${table.rows.length} areas to ${file}.`);
      });
    });

  const importCommand = program.command("import").description("Import records from a file");
  importCommand
    .command("activities")
    .description(
      "Import activities from FILE (.csv, .xlsx or .json; columns ref,unit,type,status,start,end,title_<lang>…,description_<lang>…,areas,sdg_targets,budget,currency): all or nothing; an existing unit:ref is updated",
    )
    .argument("<file>")
    .option("--dry-run", "check every row and report, without saving anything")
    .action(async (file: string, options: { dryRun?: boolean }) => {
      const { formatOfFile } = await modules.spreadsheet();
      const { importActivities, readActivityFile } = await modules.activities();
      const format = formatOfFile(file);
      if (!format) throw new AppError("validation_failed", [{ field: "file", reason: "invalid_format" }]);
      if (!existsSync(file)) throw new AppError("not_found", { file });
      const content = readFileSync(file);
      await withDatabase("import activities", async (database) => {
        const source = await readActivityFile(content, format);
        const bar = progressBar("importing", source.rows.length);
        const report = await importActivities(systemCtx(database), source, {
          dryRun: options.dryRun === true,
          progress: () => bar.tick(),
        });
        bar.finish();
        say(
          `${report.dryRun ? "Dry run: nothing saved. " : ""}${report.rows} rows: ${report.created} created, ${report.updated} updated.`,
        );
        result(JSON.stringify(report));
      });
    });

  const exportCommand = program.command("export").description("Export records to a file");
  exportCommand
    .command("activities")
    .description("Write every activity to FILE; the format follows the extension (.csv, .xlsx, .json)")
    .argument("<file>")
    .action(async (file: string) => {
      const { encodeTable, formatOfFile, tableToJson } = await modules.spreadsheet();
      const { exportActivities } = await modules.activities();
      const format = formatOfFile(file);
      if (!format) throw new AppError("validation_failed", [{ field: "file", reason: "invalid_format" }]);
      await withDatabase("export activities", async (database) => {
        const table = await exportActivities(systemCtx(database));
        writeFileSync(file, format === "json" ? tableToJson(table) : await encodeTable(table, format));
        say(`Wrote ${table.rows.length} activities to ${file}.`);
      });
    });

  importCommand
    .command("figures")
    .description(
      "Import service statistics from FILE (.csv or .xlsx; columns metric,kind,value,unit,qualifier,out_of,period_start,period_end,period_since,place,scope_unit,category,source_symbol,source_section,source_language,symbol_assumed,quote): all or nothing, every problem with its line and column",
    )
    .argument("<file>")
    .option("--dry-run", "check every row and report, without saving anything")
    .action(async (file: string, options: { dryRun?: boolean }) => {
      const { formatOfFile } = await modules.spreadsheet();
      const { importFigures, readFigureFile } = await modules.figures();
      const format = formatOfFile(file);
      if (format !== "csv" && format !== "xlsx")
        throw new AppError("validation_failed", [{ field: "file", reason: "invalid_format" }]);
      if (!existsSync(file)) throw new AppError("not_found", { file });
      await withDatabase("import figures", async (database) => {
        const report = await importFigures(
          systemCtx(database),
          await readFigureFile(readFileSync(file), format),
          {
            dryRun: options.dryRun === true,
          },
        );
        say(
          `${report.dryRun ? "Dry run: nothing saved. " : ""}${report.rows} rows: ${report.created} figures created, ${report.updated} corrected.`,
        );
        result(JSON.stringify(report));
      });
    });

  exportCommand
    .command("figures")
    .description("Write every figure (or one metric's, with --metric) to FILE (.csv or .xlsx)")
    .argument("<file>")
    .option("--metric <code>", "only this metric's figures")
    .action(async (file: string, options: { metric?: string }) => {
      const { encodeTable, formatOfFile } = await modules.spreadsheet();
      const { exportFigures } = await modules.figures();
      const format = formatOfFile(file);
      if (format !== "csv" && format !== "xlsx")
        throw new AppError("validation_failed", [{ field: "file", reason: "invalid_format" }]);
      await withDatabase("export figures", async (database) => {
        const table = await exportFigures(systemCtx(database), options.metric);
        writeFileSync(file, await encodeTable(table, format));
        say(`Wrote ${table.rows.length} figures to ${file}.`);
      });
    });

  importCommand
    .command("documents")
    .description(
      "Register documents from FILE (.csv or .xlsx; columns symbol,title_ar,title_zh,title_en,title_fr,title_ru,title_es,original_language,issued_on,languages,body,meeting,link), updating those already registered: all or nothing, every problem with its line and column",
    )
    .argument("<file>")
    .option("--dry-run", "check every row and report, without saving anything")
    .action(async (file: string, options: { dryRun?: boolean }) => {
      const { formatOfFile } = await modules.spreadsheet();
      const { importDocuments, readDocumentFile } = await modules.documents();
      const format = formatOfFile(file);
      if (format !== "csv" && format !== "xlsx")
        throw new AppError("validation_failed", [{ field: "file", reason: "invalid_format" }]);
      if (!existsSync(file)) throw new AppError("not_found", { file });
      await withDatabase("import documents", async (database) => {
        const report = await importDocuments(
          systemCtx(database),
          await readDocumentFile(readFileSync(file), format),
          { dryRun: options.dryRun === true },
        );
        say(
          `${report.dryRun ? "Dry run: nothing saved. " : ""}${report.rows} rows: ${report.created} documents registered, ${report.updated} updated.`,
        );
        result(JSON.stringify(report));
      });
    });

  exportCommand
    .command("documents")
    .description("Write the documents register to FILE (.csv or .xlsx)")
    .argument("<file>")
    .action(async (file: string) => {
      const { encodeTable, formatOfFile } = await modules.spreadsheet();
      const { exportDocuments } = await modules.documents();
      const format = formatOfFile(file);
      if (format !== "csv" && format !== "xlsx")
        throw new AppError("validation_failed", [{ field: "file", reason: "invalid_format" }]);
      await withDatabase("export documents", async (database) => {
        const table = await exportDocuments(systemCtx(database));
        writeFileSync(file, await encodeTable(table, format));
        say(`Wrote ${table.rows.length} documents to ${file}.`);
      });
    });

  program
    .command("report")
    .description("Draft a Council report from the records")
    .command("support-services")
    .description(
      "The support-services section (S.1–S.16) from the recorded figures, in one of the six languages, as Word or PDF; templates missing in that language are listed on standard error",
    )
    .requiredOption("--lang <lang>", "ar, zh, en, fr, ru or es")
    .option("--format <format>", "docx or pdf (default: the --out file's extension)")
    .requiredOption("--out <file>", "where to write the report")
    .option("--period <from..to>", "only figures within it: 2016-03..2017-02, 2016..2017 or full dates")
    .action(async (options: { lang: string; format?: string; out: string; period?: string }) => {
      const { draftSupportServices, parseReportPeriod } = await modules.supportServices();
      const faults: { field: string; reason: string }[] = [];
      const lang = Language.safeParse(options.lang);
      if (!lang.success) faults.push({ field: "lang", reason: "invalid_enum" });
      const format = options.format ?? /\.(docx|pdf)$/i.exec(options.out)?.[1]?.toLowerCase();
      if (format !== "docx" && format !== "pdf") faults.push({ field: "format", reason: "invalid_enum" });
      const period = options.period ? parseReportPeriod(options.period) : undefined;
      if (period === null) faults.push({ field: "period", reason: "invalid_format" });
      if (faults.length) throw new AppError("validation_failed", faults);
      await withDatabase("report", async (database) => {
        const document = await draftSupportServices(systemCtx(database, { lang: lang.data! }), {
          lang: lang.data!,
          period: period ?? undefined,
        });
        for (const gap of document.missing)
          say(
            `missing translation: template "${gap.template}" has no ${gap.lang} version (generic wording used)`,
          );
        writeFileSync(
          options.out,
          format === "pdf"
            ? await (await modules.pdf()).reportToPdf(document)
            : await (await modules.docx()).reportToDocx(document),
        );
        say(
          `Wrote the support-services report (${document.lang}, ${document.notes.length} figures cited) to ${options.out}.`,
        );
      });
    });

  program
    .command("overlaps")
    .description("Duplicated effort across units and languages")
    .command("scan")
    .description(
      "Scan every activity for duplicated effort and bring the overlap inbox up to date (decisions are kept). With --format jsonl, standard output carries one JSON object per candidate above the reporting floor: {a, b, score, likely, evidence}",
    )
    .option("--format <format>", "summary (a line of counts) or jsonl (every candidate)", "summary")
    .action(async (options: { format: string }) => {
      if (!["summary", "jsonl"].includes(options.format))
        throw new AppError("validation_failed", [{ field: "format", reason: "invalid_enum" }]);
      await withDatabase("overlaps scan", async (database) => {
        const { runOverlapScan } = await modules.overlaps();
        const summary = await runOverlapScan(
          systemCtx(database),
          progressReport("scanning"),
          options.format === "jsonl" ? (line) => result(JSON.stringify(line)) : undefined,
        );
        say(
          `${summary.activities} activities: ${summary.candidates} candidates (${summary.likely} likely duplicates); ${summary.added} new, ${summary.reopened} reopened, ${summary.removed} no longer found; ${summary.notified} notifications.`,
        );
        if (options.format === "summary") result(JSON.stringify(summary));
      });
    });

  program
    .command("backup")
    .description(
      "Write the whole database to FILE as a portable, deterministic logical backup (- for standard output)",
    )
    .argument("<file>")
    .action((file: string) => withDatabase("backup", (database) => backupCommand(database, file)));

  program
    .command("restore")
    .description("Load a backup FILE into an empty database (PGlite or PostgreSQL)")
    .argument("<file>")
    .action((file: string) => withDatabase("restore", (database) => restoreCommand(database, file)));

  return program;
}

function describeFailure(error: unknown): string {
  if (error instanceof AppError) {
    const lines = [`error: ${error.code}: ${errorMessage(error.code, "en")}`];
    if (Array.isArray(error.details)) {
      for (const fault of error.details)
        lines.push(`  ${fault.field}: ${fieldMessage(fault.reason, "en")} (${fault.reason})`);
    } else if (error.details) {
      for (const [key, value] of Object.entries(error.details)) lines.push(`  ${key}: ${String(value)}`);
    }
    return lines.join("\n");
  }
  return `error: ${error instanceof Error ? error.message : String(error)}`;
}

export async function run(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode;
    }
    say(describeFailure(error));
    return error instanceof AppError ? Math.min(ERROR_STATUS[error.code] / 100, 9) | 0 || 1 : 1;
  }
}
